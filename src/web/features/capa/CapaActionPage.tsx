import { Alert, App, Button, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../app/api-client';
import type { CapaAction, CapaVerificationResult } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../app/time';
import { CAPA_WORKING_STATUSES } from '../../../domain/capa/capa-action';
import { useProductNames, useWrite } from '../batch-case/quality-queries';
import { useUserNames } from '../compensation/compensation-queries';
import { capaMessages } from './capa.i18n';
import { CAPA_STATUS_COLOR, formatDueDay, sourcePath } from './capa-format';
import { useCapaAction, useRefreshCapa } from './capa-queries';
import { CapaActionModal, type CapaStep } from './CapaActionModals';
import { CapaEvidence, CapaVerifications } from './CapaVerifications';

registerMessages('capa', capaMessages);

/**
 * One CAPA action: owner and due date (R-CAPA-1), the GM's approval of a preventive action (R-CAPA-4), completion
 * with the effective production date, and every effectiveness verification with its evidence (R-CAPA-3).
 */
const CapaActionPage = () => {
  const { id = '' } = useParams();
  const { t } = useTranslation('capa');
  const { access } = useSession();
  const { modal } = App.useApp();
  const userName = useUserNames();
  const productName = useProductNames();
  const refresh = useRefreshCapa();
  const { busy, run } = useWrite();
  const [step, setStep] = useState<CapaStep>();
  const [lastCheck, setLastCheck] = useState<CapaVerificationResult['decision']>();
  const q = useCapaAction(id);
  if (q.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.error) {
    const notFound = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '404' : t('common:failed')}
        subTitle={notFound ? t('detail.notFound') : q.error.message}
      />
    );
  }
  const a = q.data;
  const source = sourcePath(a.sourceType, a.sourceId);
  const manage = access.has('capa.manage');
  const approve = () =>
    modal.confirm({
      title: t('actions.approveConfirm'),
      okButtonProps: { 'data-testid': 'capa-approve-confirm' } as never,
      onOk: async () => {
        const approved = await run(
          () => api.post<CapaAction>(`/api/v1/capa-actions/${a.id}/approve`, {}),
          t('actions.approved'),
        );
        if (approved) await refresh.action(approved);
      },
    });
  const buttons = [
    a.status === 'awaiting_approval' && access.has('capa.approve') && (
      <Button key="approve" type="primary" loading={busy} data-testid="capa-approve" onClick={approve}>
        {t('actions.approve')}
      </Button>
    ),
    a.status === 'awaiting_approval' && access.has('capa.approve') && (
      <Button key="reject" danger data-testid="capa-reject" onClick={() => setStep('reject')}>
        {t('actions.reject')}
      </Button>
    ),
    manage && CAPA_WORKING_STATUSES.includes(a.status) && (
      <Button key="complete" type="primary" data-testid="capa-complete" onClick={() => setStep('complete')}>
        {t('actions.complete')}
      </Button>
    ),
    manage && a.status === 'done' && a.kind !== 'containment' && (
      <Button key="verify" data-testid="capa-verify" onClick={() => setStep('verify')}>
        {t('actions.verify')}
      </Button>
    ),
  ].filter(Boolean);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="capa-action">
      <Link to="/capa-actions">← {t('detail.back')}</Link>
      <Card>
        <Space align="center" wrap style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="capa-number">
            {a.number}
          </Typography.Title>
          <Tag>{t(`kind.${a.kind}`)}</Tag>
          <Tag color={CAPA_STATUS_COLOR[a.status]} data-testid="capa-status" data-status={a.status}>
            {t(`status.${a.status}`)}
          </Tag>
          {a.overdue && <Tag color="red">{t('list.overdue')}</Tag>}
          {a.reopenCount > 0 && (
            <Tag color="volcano">
              {t('detail.reopenCount')} {a.reopenCount}
            </Tag>
          )}
        </Space>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {a.title}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('detail.source')}>
            {t(`source.${a.sourceType}`)}
            {source && (
              <Link to={source} style={{ marginLeft: 8 }}>
                →
              </Link>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.product')}>{productName(a.productId)}</Descriptions.Item>
          <Descriptions.Item label={t('detail.mechanism')}>{a.mechanism ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('detail.owner')}>{a.ownerName ?? a.ownerId}</Descriptions.Item>
          <Descriptions.Item label={t('detail.due')}>
            <span style={a.overdue ? { color: '#cf1322' } : undefined}>{formatDueDay(a.dueAt)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.createdAt')}>{formatDateTime(a.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('detail.verifyAfterDays')}>
            {t('detail.days', { n: a.verifyAfterDays })}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.effectiveFrom')}>{a.effectiveFrom ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('detail.windowEndsOn')}>{a.windowEndsOn ?? '—'}</Descriptions.Item>
          {a.kind === 'preventive' && (
            <Descriptions.Item label={t('detail.approval')} span={3}>
              {a.gmApprovedAt
                ? t('detail.approvedBy', {
                    name: userName(a.gmApprovedBy),
                    time: formatDateTime(a.gmApprovedAt),
                  })
                : '—'}
            </Descriptions.Item>
          )}
          {a.cancelReason && (
            <Descriptions.Item label={t('detail.cancelReason')} span={3}>
              {a.cancelReason}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('detail.description')} span={3}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{a.description}</span>
          </Descriptions.Item>
          {a.doneAt && (
            <Descriptions.Item label={t('detail.completion')} span={3}>
              {formatDateTime(a.doneAt)} · {userName(a.doneBy)} · {a.completionNote ?? ''}
            </Descriptions.Item>
          )}
        </Descriptions>
        {buttons.length > 0 && <Space style={{ marginTop: 12 }}>{buttons}</Space>}
      </Card>
      {lastCheck && (
        <Alert
          type={
            lastCheck.outcome === 'verified'
              ? 'success'
              : lastCheck.outcome === 'pending'
                ? 'info'
                : 'warning'
          }
          showIcon
          closable
          onClose={() => setLastCheck(undefined)}
          data-testid="capa-last-check"
          message={t('actions.verified', { outcome: t(`outcome.${lastCheck.outcome}`) })}
          description={<CapaEvidence evidence={lastCheck.evidence} />}
        />
      )}
      <Card title={t('verification.title')} data-testid="capa-verifications">
        <CapaVerifications action={a} />
      </Card>
      <CapaActionModal
        action={a}
        step={step}
        onClose={() => setStep(undefined)}
        onVerified={(r) => setLastCheck(r.decision)}
      />
    </Space>
  );
};

export default CapaActionPage;
