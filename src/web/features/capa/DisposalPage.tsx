import {
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
import { DISPOSAL_STATUS_COLOR } from './disposal-format';
import { disposalMessages } from './disposal.i18n';

registerMessages('disposal', disposalMessages);
registerMessages('capa', capaMessages);

type Step = 'object' | 'redecide' | 'rule';
type Values = { reason?: string; findings?: string; decision?: string; reasoning?: string };

const pre = { whiteSpace: 'pre-wrap' } as const;

/**
 * One disposal decision (R-ESC-3): published for 7 calendar days; a first objection sends it back for
 * re-investigation and a new round, a second one to the chief engineer, whose ruling is final.
 */
const DisposalPage = () => {
  const { id = '' } = useParams();
  const { t } = useTranslation('disposal');
  const { t: tc } = useTranslation('capa');
  const { access } = useSession();
  const now = useNow();
  const refresh = useRefreshCapa();
  const { busy, run } = useWrite();
  const [step, setStep] = useState<Step>();
  const [form] = Form.useForm<Values>();
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
  const windowOpen = d.status === 'published' && new Date(d.objectionUntil).getTime() > now;
  const manage = access.has('capa.manage');

  const close = () => {
    form.resetFields();
    setStep(undefined);
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !step) return;
    const write =
      step === 'object'
        ? () => api.post<Disposal>(`/api/v1/disposals/${d.id}/objections`, { reason: v.reason?.trim() })
        : step === 'redecide'
          ? () =>
              api.post<Disposal>(`/api/v1/disposals/${d.id}/redecide`, {
                findings: v.findings?.trim(),
                decision: v.decision?.trim(),
              })
          : () =>
              api.post<Disposal>(`/api/v1/disposals/${d.id}/ruling`, {
                decision: v.decision?.trim(),
                reasoning: v.reasoning?.trim(),
              });
    const success =
      step === 'object'
        ? t('actions.objected')
        : step === 'redecide'
          ? t('actions.redecided')
          : t('actions.ruled');
    const saved = await run(write, success);
    if (!saved) return;
    await refresh.disposal(saved);
    close();
  };
  const required = [{ required: true, whitespace: true, message: t('actions.required') }];
  const area = (name: keyof Values, label: string, testId: string) => (
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
          {d.status === 'published' && (
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
          {d.status === 'published' && (
            <Descriptions.Item label={t('detail.window')} span={2}>
              {windowOpen
                ? t('detail.windowOpen', { time: formatDateTime(d.objectionUntil) })
                : t('detail.windowClosed', { time: formatDateTime(d.objectionUntil) })}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Space style={{ marginTop: 12 }}>
          {manage && windowOpen && (
            <Button data-testid="disposal-object" onClick={() => setStep('object')}>
              {t('actions.object')}
            </Button>
          )}
          {manage && d.status === 'reinvestigating' && (
            <Button type="primary" data-testid="disposal-redecide" onClick={() => setStep('redecide')}>
              {t('actions.redecide')}
            </Button>
          )}
          {access.has('disposal.rule') && d.status === 'awaiting_ruling' && (
            <Button type="primary" data-testid="disposal-rule" onClick={() => setStep('rule')}>
              {t('actions.rule')}
            </Button>
          )}
        </Space>
      </Card>
      <Card title={t('detail.objections')} data-testid="disposal-objections">
        {d.objections.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noObjections')} />
        ) : (
          <Timeline
            items={d.objections.map((o) => ({
              color: o.reinvestigation ? 'green' : 'orange',
              children: (
                <div data-testid="disposal-objection">
                  <Typography.Text strong>
                    {t('detail.objectedBy', {
                      name: o.byName ?? o.by ?? '—',
                      time: formatDateTime(o.at),
                      round: o.round,
                    })}
                  </Typography.Text>
                  <div style={pre}>{o.reason}</div>
                  <Typography.Text type="secondary">
                    {t('detail.objectedDecision')}: {o.decisionObjected}
                  </Typography.Text>
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
                </div>
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
        title={
          step === 'object'
            ? t('actions.objectTitle')
            : step === 'redecide'
              ? t('actions.redecideTitle')
              : t('actions.ruleTitle')
        }
        okButtonProps={{ 'data-testid': 'disposal-step-submit' } as never}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={close}
        forceRender
      >
        <Form form={form} name="disposal-step" layout="vertical">
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
