import { App, Alert, Button, Card, Descriptions, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../app/api-client';
import type { BatchCase } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../app/time';
import { SourceCapaCard } from '../capa/SourceCapaCard';
import { batchCaseMessages } from './batch-case.i18n';
import { CASE_STATUS_COLOR } from './batch-case-format';
import { DecisionCard } from './DecisionCard';
import { InvestigationCard } from './InvestigationCard';
import { useBatchCase, useRefreshQuality, useWrite } from './quality-queries';
import { SealTasksCard } from './SealTasksCard';

registerMessages('batchCase', batchCaseMessages);

type LinkedComplaint = BatchCase['complaints'][number];

const triggerKind = (trigger: BatchCase['trigger']): 'manual' | 'regional_concentration' | 'other' => {
  const kind = trigger['kind'];
  return kind === 'manual' || kind === 'regional_concentration' ? kind : 'other';
};

/**
 * One batch case from opening to closing (R-BAT-4/5, R-SLA-11): linked complaints, seal tasks per region, the 2-hour
 * investigation, the GM's decision and the recall, and what still keeps it from closing.
 */
const BatchCasePage = () => {
  const { id = '' } = useParams();
  const { t } = useTranslation('batchCase');
  const { access } = useSession();
  const { modal } = App.useApp();
  const refresh = useRefreshQuality();
  const { busy, run } = useWrite();
  const q = useBatchCase(id);
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
  const c = q.data;
  const close = () =>
    modal.confirm({
      title: t('detail.closeConfirm'),
      okButtonProps: { 'data-testid': 'case-close-confirm' } as never,
      onOk: async () => {
        const view = await run(
          () => api.post<BatchCase>(`/api/v1/batch-cases/${c.id}/close`, {}),
          t('detail.closed'),
        );
        if (view) await refresh.batchCase(view);
      },
    });
  const mayClose = access.has('batch.manage') && c.status === 'decided';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="batch-case">
      <Link to="/batch-cases">← {t('detail.back')}</Link>
      <Card>
        <Space align="center" wrap style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-number">
            {c.number}
          </Typography.Title>
          <Tag color={CASE_STATUS_COLOR[c.status]} data-testid="case-status" data-status={c.status}>
            {t(`status.${c.status}`)}
          </Tag>
          {c.decision && <Tag color="purple">{t(`decision.${c.decision}`)}</Tag>}
          {c.investigationOverdue && <Tag color="red">{t('clock.overdue')}</Tag>}
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('detail.product')}>{c.productName ?? c.productId}</Descriptions.Item>
          <Descriptions.Item label={t('detail.batchNo')}>{c.batchNo}</Descriptions.Item>
          <Descriptions.Item label={t('detail.mechanism')}>{c.mechanism}</Descriptions.Item>
          <Descriptions.Item label={t('detail.region')}>{c.region ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('detail.openedAt')}>{formatDateTime(c.openedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('detail.trigger')}>
            {t(`trigger.${triggerKind(c.trigger)}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.dueAt')}>
            {formatDateTime(c.investigationDueAt)}
          </Descriptions.Item>
          {c.closedAt && (
            <Descriptions.Item label={t('detail.closedAt')}>{formatDateTime(c.closedAt)}</Descriptions.Item>
          )}
        </Descriptions>
        {c.status !== 'closed' && (
          <Space direction="vertical" style={{ marginTop: 12, width: '100%' }}>
            {c.status === 'decided' && c.closeBlockers.length > 0 && (
              <Alert
                type="warning"
                showIcon
                data-testid="close-blockers"
                message={t('detail.blockers')}
                description={c.closeBlockers.map((b) => (
                  <div key={b} data-blocker={b}>
                    {t(`blocker.${b}`)}
                  </div>
                ))}
              />
            )}
            {mayClose ? (
              <Button
                type="primary"
                data-testid="case-close"
                loading={busy}
                disabled={c.closeBlockers.length > 0}
                onClick={close}
              >
                {t('detail.close')}
              </Button>
            ) : (
              access.has('batch.manage') && (
                <Typography.Text type="secondary">{t('detail.notDecided')}</Typography.Text>
              )
            )}
          </Space>
        )}
      </Card>
      <InvestigationCard batchCase={c} />
      <SealTasksCard batchCase={c} />
      <DecisionCard batchCase={c} />
      <SourceCapaCard
        preset={{
          sourceType: 'batch_case',
          sourceId: c.id,
          sourceLabel: c.number,
          productId: c.productId,
          productLabel: c.productName ?? undefined,
          mechanism: c.mechanism,
        }}
      />
      <Card title={t('complaints.title', { n: c.complaints.length })} data-testid="case-complaints">
        <Table<LinkedComplaint>
          size="small"
          rowKey="id"
          dataSource={c.complaints}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('complaints.none') }}
          columns={[
            {
              title: t('complaints.number'),
              key: 'number',
              render: (_, x) => <Link to={`/complaints/${x.id}`}>{x.number}</Link>,
            },
            {
              title: t('complaints.receivedAt'),
              key: 'receivedAt',
              render: (_, x) => formatDateTime(x.receivedAt),
            },
            {
              title: t('complaints.linkedAt'),
              key: 'linkedAt',
              render: (_, x) => formatDateTime(x.linkedAt),
            },
          ]}
        />
      </Card>
    </Space>
  );
};

export default BatchCasePage;
