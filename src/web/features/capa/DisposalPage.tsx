import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Result,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../app/api-client';
import type { Disposal } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../app/time';
import { useWrite } from '../batch-case/quality-queries';
import { ClockBadge } from '../shared/ClockBadge';
import { useNow } from '../shared/useNow';
import { capaMessages } from './capa.i18n';
import { sourcePath } from './capa-format';
import { useDisposal, useRefreshCapa } from './capa-queries';
import { DisposalApprovals, DisposalHistoryEntry } from './DisposalApprovals';
import { DISPOSAL_STATUS_COLOR } from './disposal-format';
import { disposalMessages } from './disposal.i18n';
import {
  DISPOSAL_STEPS,
  disposalStepBody,
  type DisposalStep,
  type DisposalStepValues,
} from './disposal-steps';

registerMessages('disposal', disposalMessages);
registerMessages('capa', capaMessages);

const pre = { whiteSpace: 'pre-wrap' } as const;

/**
 * One disposal decision (R-ESC-3): the chief engineer approves (or returns) it before it is published for 7 calendar
 * days; a first objection sends it back for re-investigation and a new round, which he approves again; a second
 * objection goes to him for the final ruling.
 */
const DisposalPage = () => {
  const { id = '' } = useParams();
  const { t } = useTranslation('disposal');
  const { t: tc } = useTranslation('capa');
  const { access } = useSession();
  const now = useNow();
  const refresh = useRefreshCapa();
  const { busy, run } = useWrite();
  const [step, setStep] = useState<DisposalStep>();
  const [form] = Form.useForm<DisposalStepValues>();
  const q = useDisposal(id);
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
  const d = q.data;
  const source = sourcePath(d.sourceType, d.sourceId);
  const windowOpen =
    d.status === 'published' && d.objectionUntil !== null && new Date(d.objectionUntil).getTime() > now;
  const manage = access.has('capa.manage');
  const chief = access.has('disposal.rule');
  const lastReturn = d.returns.at(-1);

  const close = () => {
    form.resetFields();
    setStep(undefined);
  };
  const start = (next: DisposalStep) => {
    if (next === 'resubmit') form.setFieldsValue({ decision: d.decision });
    setStep(next);
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !step) return;
    const write = () =>
      api.post<Disposal>(`/api/v1/disposals/${d.id}/${DISPOSAL_STEPS[step].path}`, disposalStepBody(step, v));
    const saved = await run(write, t(`actions.${DISPOSAL_STEPS[step].done}`));
    if (!saved) return;
    await refresh.disposal(saved);
    close();
  };
  const required = [{ required: true, whitespace: true, message: t('actions.required') }];
  const area = (name: keyof DisposalStepValues, label: string, testId: string) => (
    <Form.Item name={name} label={label} rules={required}>
      <Input.TextArea rows={3} maxLength={4000} data-testid={testId} />
    </Form.Item>
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="disposal">
      <Link to="/disposals">← {t('detail.back')}</Link>
      <Card>
        <Space align="center" wrap style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="disposal-number">
            {d.number}
          </Typography.Title>
          <Tag color={DISPOSAL_STATUS_COLOR[d.status]} data-testid="disposal-status" data-status={d.status}>
            {t(`status.${d.status}`)}
          </Tag>
          <Tag>{t('detail.round', { n: d.round })}</Tag>
          {d.status === 'published' && d.objectionUntil && (
            <ClockBadge
              label={t('detail.window')}
              dueAt={d.objectionUntil}
              state={windowOpen ? 'open' : 'breached'}
              now={now}
            />
          )}
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('detail.source')}>
            {tc(`source.${d.sourceType}`)}
            {source && (
              <Link to={source} style={{ marginLeft: 8 }}>
                →
              </Link>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.publishedAt')}>
            {formatDateTime(d.publishedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.nonconformity')} span={2}>
            <span style={pre}>{d.nonconformity ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.decision')} span={2}>
            <Typography.Text strong style={pre} data-testid="disposal-decision-in-force">
              {d.decision}
            </Typography.Text>
          </Descriptions.Item>
          {d.status === 'published' && d.objectionUntil && (
            <Descriptions.Item label={t('detail.window')} span={2}>
              {windowOpen
                ? t('detail.windowOpen', { time: formatDateTime(d.objectionUntil) })
                : t('detail.windowClosed', { time: formatDateTime(d.objectionUntil) })}
            </Descriptions.Item>
          )}
        </Descriptions>
        {d.status === 'awaiting_approval' && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="disposal-awaiting-approval"
            message={t('detail.awaitingApproval', { n: d.round })}
          />
        )}
        {d.status === 'returned' && lastReturn && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            message={t('detail.returnedBy', {
              name: lastReturn.byName ?? lastReturn.by ?? '—',
              time: formatDateTime(lastReturn.at),
              round: lastReturn.round,
            })}
            description={<span style={pre}>{lastReturn.reason}</span>}
          />
        )}
        <Space style={{ marginTop: 12 }}>
          {chief && d.status === 'awaiting_approval' && (
            <>
              <Button type="primary" data-testid="disposal-approve" onClick={() => start('approve')}>
                {t('actions.approve')}
              </Button>
              <Button data-testid="disposal-return" onClick={() => start('return')}>
                {t('actions.return')}
              </Button>
            </>
          )}
          {manage && d.status === 'returned' && (
            <Button type="primary" data-testid="disposal-resubmit" onClick={() => start('resubmit')}>
              {t('actions.resubmit')}
            </Button>
          )}
          {manage && windowOpen && (
            <Button data-testid="disposal-object" onClick={() => start('object')}>
              {t('actions.object')}
            </Button>
          )}
          {manage && d.status === 'reinvestigating' && (
            <Button type="primary" data-testid="disposal-redecide" onClick={() => start('redecide')}>
              {t('actions.redecide')}
            </Button>
          )}
          {chief && d.status === 'awaiting_ruling' && (
            <Button type="primary" data-testid="disposal-rule" onClick={() => start('rule')}>
              {t('actions.rule')}
            </Button>
          )}
        </Space>
      </Card>
      <DisposalApprovals d={d} />
      <Card title={t('detail.objections')} data-testid="disposal-objections">
        {d.objections.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noObjections')} />
        ) : (
          <Timeline
            items={d.objections.map((o) => ({
              color: o.reinvestigation ? 'green' : 'orange',
              children: (
                <DisposalHistoryEntry
                  testId="disposal-objection"
                  title={t('detail.objectedBy', {
                    name: o.byName ?? o.by ?? '—',
                    time: formatDateTime(o.at),
                    round: o.round,
                  })}
                  text={o.reason}
                  footnote={`${t('detail.objectedDecision')}: ${o.decisionObjected}`}
                >
                  {o.reinvestigation && (
                    <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
                      <Descriptions.Item label={t('detail.reinvestigation')}>
                        {o.reinvestigation.findings} · {formatDateTime(o.reinvestigation.at)}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('detail.newDecision')}>
                        {o.reinvestigation.newDecision}
                      </Descriptions.Item>
                    </Descriptions>
                  )}
                </DisposalHistoryEntry>
              ),
            }))}
          />
        )}
      </Card>
      {d.ruling && (
        <Card title={t('detail.ruling')} data-testid="disposal-ruling">
          <Typography.Paragraph type="secondary">
            {t('detail.ruledBy', {
              name: d.ruling.byName ?? d.ruling.by ?? '—',
              time: formatDateTime(d.ruling.at),
            })}
          </Typography.Paragraph>
          <Typography.Paragraph strong style={pre}>
            {d.ruling.decision}
          </Typography.Paragraph>
          <Typography.Paragraph style={pre}>
            {t('detail.reasoning')}: {d.ruling.reasoning}
          </Typography.Paragraph>
        </Card>
      )}
      <Modal
        open={!!step}
        title={step && t(`actions.${DISPOSAL_STEPS[step].title}`)}
        okButtonProps={{ 'data-testid': 'disposal-step-submit' } as never}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={close}
        forceRender
      >
        <Form form={form} name="disposal-step" layout="vertical">
          {step === 'approve' && (
            <>
              <Typography.Paragraph type="secondary">{t('actions.approveHint')}</Typography.Paragraph>
              <Typography.Paragraph strong style={pre}>
                {d.decision}
              </Typography.Paragraph>
              <Form.Item name="note" label={t('actions.approvalNote')}>
                <Input.TextArea rows={2} maxLength={1000} data-testid="disposal-approval-note" />
              </Form.Item>
            </>
          )}
          {step === 'return' && area('reason', t('actions.returnReason'), 'disposal-return-reason')}
          {step === 'resubmit' &&
            area('decision', t('actions.resubmitDecision'), 'disposal-resubmit-decision')}
          {step === 'object' && area('reason', t('actions.reason'), 'disposal-reason')}
          {step === 'redecide' && (
            <>
              {area('findings', t('actions.findings'), 'disposal-findings')}
              {area('decision', t('actions.newDecision'), 'disposal-new-decision')}
            </>
          )}
          {step === 'rule' && (
            <>
              {area('decision', t('actions.ruleDecision'), 'disposal-ruling-decision')}
              {area('reasoning', t('actions.reasoning'), 'disposal-ruling-reasoning')}
            </>
          )}
        </Form>
      </Modal>
    </Space>
  );
};

export default DisposalPage;
