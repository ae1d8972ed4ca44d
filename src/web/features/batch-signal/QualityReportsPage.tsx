import { Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { QualityReport } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { formatDateTime } from '../../app/time';
import { rowTestId } from '../compensation/compensation-format';
import { ClockBadge } from '../shared/ClockBadge';
import { useNow } from '../shared/useNow';
import { batchSignalMessages } from './batch-signal.i18n';
import { formatRate } from './batch-signal-format';
import { useMechanismLabel, useProducts, useQualityReports } from './batch-signal-queries';

registerMessages('batchSignal', batchSignalMessages);

type Filter = 'open' | 'issued' | 'all';

/** Quality reports 质量报告 opened by batch signals: the ones to issue first (earliest due on top, R-SLA-7). */
const QualityReportsPage = () => {
  const { t } = useTranslation('batchSignal');
  const [search, setSearch] = useSearchParams();
  const raw = search.get('status');
  const filter: Filter = raw === 'issued' || raw === 'all' ? raw : 'open';
  const now = useNow();
  const products = useProducts();
  const mechanismOf = useMechanismLabel();
  const productName = (id: string) => {
    const p = products.data?.items.find((x) => x.id === id);
    return p ? `${p.name}（${p.code}）` : id;
  };
  const q = useQualityReports(filter === 'all' ? undefined : filter);
  return (
    <Card
      title={t('reports.title')}
      data-testid="quality-reports"
      extra={
        <Segmented<Filter>
          value={filter}
          onChange={(v) => setSearch(v === 'open' ? {} : { status: v }, { replace: true })}
          options={[
            { value: 'open', label: t('reports.open') },
            { value: 'issued', label: t('reports.issued') },
            { value: 'all', label: t('reports.all') },
          ]}
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('reports.hint')}</Typography.Paragraph>
      <Table<QualityReport>
        size="small"
        rowKey="id"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('reports.none') }}
        onRow={(r) => rowTestId(`report-${r.number}`)}
        columns={[
          {
            title: t('reports.number'),
            key: 'number',
            render: (_, r) => (
              <Link to={`/quality-reports/${r.id}`} style={{ whiteSpace: 'nowrap' }}>
                {r.number}
              </Link>
            ),
          },
          {
            title: t('reports.kind'),
            key: 'kind',
            render: (_, r) => (
              <Tag color={r.kind === 'special' ? 'red' : 'orange'} data-kind={r.kind}>
                {t(`kind.${r.kind}`)}
              </Tag>
            ),
          },
          { title: t('reports.product'), key: 'product', render: (_, r) => productName(r.productId) },
          { title: t('reports.batchNo'), dataIndex: 'batchNo' },
          { title: t('reports.mechanism'), key: 'mechanism', render: (_, r) => mechanismOf(r.mechanism) },
          {
            title: t('reports.triggers'),
            key: 'triggers',
            render: (_, r) => (
              <Space size={4} wrap>
                {r.triggers.map((g) => (
                  <Tag key={g} bordered={false}>
                    {t(`trigger.${g}`)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: t('reports.rate'), key: 'rate', render: (_, r) => formatRate(r.rate) },
          {
            title: t('reports.complaints'),
            key: 'complaints',
            render: (_, r) =>
              `${r.validComplaints} / ${r.unitsShipped > 0 ? r.unitsShipped.toLocaleString('zh-CN') : '—'}`,
          },
          {
            title: t('reports.due'),
            key: 'due',
            render: (_, r) =>
              r.status === 'open' ? (
                <ClockBadge
                  label={formatDateTime(r.dueAt)}
                  dueAt={r.dueAt}
                  state={new Date(r.dueAt).getTime() < now ? 'breached' : 'open'}
                  now={now}
                />
              ) : (
                formatDateTime(r.dueAt)
              ),
          },
          {
            title: t('reports.status'),
            key: 'status',
            render: (_, r) => (
              <Tag color={r.status === 'issued' ? 'success' : 'processing'} data-status={r.status}>
                {t(`status.${r.status}`)}
              </Tag>
            ),
          },
          { title: t('reports.issuedAt'), key: 'issuedAt', render: (_, r) => formatDateTime(r.issuedAt) },
        ]}
      />
    </Card>
  );
};

export default QualityReportsPage;
