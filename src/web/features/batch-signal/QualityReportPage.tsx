import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Result,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api-client';
import type { QualityReportView } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../app/time';
import { rowTestId } from '../compensation/compensation-format';
import { useUserNames } from '../compensation/compensation-queries';
import { ClockBadge } from '../shared/ClockBadge';
import { useNow } from '../shared/useNow';
import { batchSignalMessages } from './batch-signal.i18n';
import { formatRate, formatThreshold } from './batch-signal-format';
import { useIssueQualityReport, useMechanismLabel, useQualityReport } from './batch-signal-queries';

registerMessages('batchSignal', batchSignalMessages);

type Content = { summary: string; cause: string; measures: string };
type Counted = QualityReportView['complaints'][number];

const FIELDS = ['summary', 'cause', 'measures'] as const;

/** Summary, cause and measures, written once; issuing meets the R-SLA-7 clock of every counted complaint. */
const IssueForm = ({ view }: { view: QualityReportView }) => {
  const { t } = useTranslation('batchSignal');
  const { message } = App.useApp();
  const issue = useIssueQualityReport();
  const [form] = Form.useForm<Content>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return; // the form shows what is missing
    setBusy(true);
    try {
      await issue(view.report.id, {
        version: view.report.version,
        content: { summary: v.summary.trim(), cause: v.cause.trim(), measures: v.measures.trim() },
      });
      void message.success(t('report.issued'));
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e), 6);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<Content> form={form} layout="vertical" data-testid="issue-form">
      <Typography.Paragraph type="secondary">{t('report.issueHint')}</Typography.Paragraph>
      {FIELDS.map((f) => (
        <Form.Item
          key={f}
          name={f}
          label={t(`report.${f}`)}
          extra={f === 'summary' ? t('report.summaryHint') : undefined}
          rules={[
            { required: true, whitespace: true, message: t('report.required', { field: t(`report.${f}`) }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={4000} data-testid={`issue-${f}`} />
        </Form.Item>
      ))}
      <Button
        type="primary"
        icon={<SendOutlined />}
        loading={busy}
        onClick={() => void submit()}
        data-testid="issue-submit"
      >
        {t('report.issue')}
      </Button>
    </Form>
  );
};

/** One quality report: why it opened, its 72-hour clock, the complaints it counts and the content once issued. */
const QualityReportPage = () => {
  const { id = '' } = useParams();
  const { t } = useTranslation('batchSignal');
  const { t: tv } = useTranslation('vocab');
  const { access } = useSession();
  const userName = useUserNames();
  const now = useNow();
  const q = useQualityReport(id);
  const mechanismOf = useMechanismLabel();
  if (q.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.error)
    return q.error instanceof ApiError && q.error.status === 404 ? (
      <Result status="404" title="404" subTitle={t('report.notFound')} />
    ) : (
      <Alert type="error" showIcon message={q.error.message} />
    );
  const view = q.data;
  const r = view.report;
  return (
    <Space
      direction="vertical"
      style={{ width: '100%' }}
      size="middle"
      data-testid="quality-report"
      data-status={r.status}
    >
      <Link to="/quality-reports">
        <ArrowLeftOutlined /> {t('report.back')}
      </Link>
      <Card
        title={
          <Space wrap>
            <span data-testid="report-number">{r.number}</span>
            <Tag color={r.kind === 'special' ? 'red' : 'orange'}>{t(`kind.${r.kind}`)}</Tag>
            <Tag color={r.status === 'issued' ? 'success' : 'processing'} data-testid="report-status">
              {t(`status.${r.status}`)}
            </Tag>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('reports.product')}>
            {view.product ? `${view.product.name}（${view.product.code}）` : r.productId}
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.batchNo')}>{r.batchNo}</Descriptions.Item>
          <Descriptions.Item label={t('reports.mechanism')}>{mechanismOf(r.mechanism)}</Descriptions.Item>
          <Descriptions.Item label={t('reports.triggers')}>
            <Space size={4} wrap>
              {r.triggers.map((g) => (
                <Tag key={g} bordered={false}>
                  {t(`trigger.${g}`)}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.rate')}>
            {formatRate(r.rate)} ({r.validComplaints} / {r.unitsShipped.toLocaleString('zh-CN')})
          </Descriptions.Item>
          <Descriptions.Item label={t('report.threshold')}>{formatThreshold(r.threshold)}</Descriptions.Item>
          <Descriptions.Item label={t('report.firstComplaint')}>
            {formatDateTime(r.firstComplaintAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.due')}>
            {r.status === 'open' ? (
              <ClockBadge
                label={formatDateTime(r.dueAt)}
                dueAt={r.dueAt}
                state={new Date(r.dueAt).getTime() < now ? 'breached' : 'open'}
                now={now}
              />
            ) : (
              formatDateTime(r.dueAt)
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('report.current')}>
            {t('report.currentValue', {
              valid: view.current.validComplaints,
              shipped: view.current.unitsShipped.toLocaleString('zh-CN'),
              rate:
                view.current.unitsShipped > 0
                  ? formatRate(view.current.validComplaints / view.current.unitsShipped)
                  : '—',
            })}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('report.content')}>
        {r.status === 'issued' && r.content ? (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="report-content">
            <Typography.Text type="secondary">
              {t('report.issuedBy', { name: userName(r.issuedBy), time: formatDateTime(r.issuedAt) })}
            </Typography.Text>
            <Descriptions size="small" column={1} bordered>
              {FIELDS.map((f) => (
                <Descriptions.Item key={f} label={t(`report.${f}`)}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{r.content?.[f]}</span>
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Space>
        ) : access.canManageBatch ? (
          <IssueForm view={view} />
        ) : (
          <Typography.Text type="secondary">{t('report.readOnly')}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={`${t('report.complaints')}（${view.complaints.length}）`}>
        <Table<Counted>
          size="small"
          rowKey="id"
          dataSource={view.complaints}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(c) => rowTestId(`counted-${c.number}`)}
          columns={[
            {
              title: t('report.complaint'),
              key: 'number',
              render: (_, c) => <Link to={`/complaints/${c.id}`}>{c.number}</Link>,
            },
            {
              title: t('report.complaintStatus'),
              key: 'status',
              render: (_, c) => tv(`status.${c.status}`, { defaultValue: c.status }),
            },
            {
              title: t('report.receivedAt'),
              key: 'receivedAt',
              render: (_, c) => formatDateTime(c.receivedAt),
            },
            { title: t('report.region'), key: 'region', render: (_, c) => c.region ?? '—' },
            {
              title: t('report.serious'),
              key: 'serious',
              render: (_, c) => (c.serious ? <Tag color="red">{t('report.serious')}</Tag> : '—'),
            },
            {
              title: t('report.slaMet'),
              key: 'met',
              render: (_, c) =>
                c.reportIssuedAt ? (
                  <span data-testid="sla-met">{formatDateTime(c.reportIssuedAt)}</span>
                ) : (
                  <Typography.Text type="secondary">{t('report.notMet')}</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
};

export default QualityReportPage;
