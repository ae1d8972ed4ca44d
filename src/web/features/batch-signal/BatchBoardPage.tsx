import { Card, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { BatchBoard, BatchBoardRow } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { formatDate, formatDateTime } from '../../app/time';
import { rowTestId } from '../compensation/compensation-format';
import { batchSignalMessages } from './batch-signal.i18n';
import { formatRate, formatThreshold } from './batch-signal-format';
import { useBatchBoard, useMechanismLabel, useProducts } from './batch-signal-queries';

registerMessages('batchSignal', batchSignalMessages);

// ECharts is the heaviest dependency of the console: the board's table shows first, the trend bars follow.
const WeeklyTrend = lazy(() => import('./WeeklyTrend'));

const THRESHOLD_COLOR = { abnormality: 'orange', special: 'red' } as const;

const thresholdOf = (board: BatchBoard, kind: 'abnormality' | 'special') =>
  formatThreshold(
    kind === 'abnormality' ? board.thresholds.abnormalityReportRate : board.thresholds.specialReportRate,
  );

/**
 * The batch board 批量问题看板 (R-BAT-1…4): each (product, batch, failure mechanism) with valid complaints over units
 * shipped, the rate and the thresholds it crossed (3‰ abnormality report, 1% special report), where the complaints
 * came from, a weekly trend, and links to its quality reports and open batch case.
 */
const BatchBoardPage = () => {
  const { t } = useTranslation('batchSignal');
  const mechanismOf = useMechanismLabel();
  const [search, setSearch] = useSearchParams();
  const productId = search.get('productId') ?? undefined;
  const batchNo = search.get('batchNo') ?? undefined;
  const products = useProducts();
  const q = useBatchBoard({ productId, batchNo });
  const board = q.data;
  const setFilter = (key: 'productId' | 'batchNo', value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  return (
    <Card title={t('board.title')} data-testid="batch-board">
      <Typography.Paragraph type="secondary">{t('board.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<string>
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 260 }}
          placeholder={t('board.allProducts')}
          value={productId}
          onChange={(v) => setFilter('productId', v)}
          data-testid="board-product"
          options={(products.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.name}（${p.code}）`,
          }))}
        />
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('board.batchPlaceholder')}
          defaultValue={batchNo}
          onSearch={(v) => setFilter('batchNo', v.trim() || undefined)}
          data-testid="board-batch"
        />
      </Space>
      <Table<BatchBoardRow>
        size="small"
        rowKey={(r) => `${r.productId}:${r.batchNo}:${r.mechanism}`}
        loading={q.isPending}
        dataSource={board?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('board.none') }}
        scroll={{ x: 1150 }}
        onRow={(r) =>
          ({ ...rowTestId(`board-${r.batchNo}-${r.mechanism}`), 'data-batch': r.batchNo }) as never
        }
        columns={[
          { title: t('board.rank'), dataIndex: 'rank', width: 56, align: 'center' },
          {
            title: `${t('board.product')} / ${t('board.batchNo')}`,
            key: 'batch',
            width: 170,
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{r.batchNo}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.productName}（{r.productCode}）
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('board.mechanism'),
            key: 'mechanism',
            width: 100,
            render: (_, r) => <span data-mechanism={r.mechanism}>{mechanismOf(r.mechanism)}</span>,
          },
          {
            title: t('board.counts'),
            key: 'counts',
            width: 100,
            render: (_, r) => (
              <span data-testid="board-counts">
                {r.validComplaints} / {r.unitsShipped > 0 ? r.unitsShipped.toLocaleString('zh-CN') : '—'}
              </span>
            ),
          },
          {
            title: t('board.rate'),
            key: 'rate',
            width: 90,
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Typography.Text
                  strong
                  data-testid="board-rate"
                  type={r.thresholdsCrossed.length ? 'danger' : undefined}
                >
                  {r.rate === null ? t('board.noShipments') : formatRate(r.rate)}
                </Typography.Text>
                {r.seriousEvents > 0 && (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {t('board.serious', { n: r.seriousEvents })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('board.thresholds'),
            key: 'thresholds',
            width: 100,
            render: (_, r) =>
              board && r.thresholdsCrossed.length > 0 ? (
                <Space direction="vertical" size={4}>
                  {r.thresholdsCrossed.map((k) => (
                    <Tooltip key={k} title={t(`kind.${k}`)}>
                      <Tag color={THRESHOLD_COLOR[k]} data-threshold={k}>
                        {t('board.crossed', { threshold: thresholdOf(board, k) })}
                      </Tag>
                    </Tooltip>
                  ))}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: t('board.regions'),
            key: 'regions',
            width: 120,
            render: (_, r) => (
              <Space size={4} wrap>
                {r.regions.map((g) => (
                  <Tag key={g.region ?? ''} bordered={false}>
                    {g.region ?? t('board.unknownRegion')} {g.count}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('board.trend'),
            key: 'trend',
            width: 140,
            render: (_, r) => (
              <Tooltip
                title={t('board.firstLast', {
                  first: formatDate(r.firstComplaintAt),
                  last: formatDate(r.lastComplaintAt),
                })}
              >
                <div>
                  <Suspense fallback={<div style={{ width: 120, height: 44 }} />}>
                    <WeeklyTrend weekly={r.weekly} testId="board-trend" />
                  </Suspense>
                </div>
              </Tooltip>
            ),
          },
          {
            title: t('board.reports'),
            key: 'reports',
            width: 170,
            render: (_, r) =>
              r.reports.length === 0 ? (
                '—'
              ) : (
                <Space direction="vertical" size={6}>
                  {r.reports.map((rep) => (
                    <div key={rep.id} data-testid={`board-report-${rep.kind}`} data-status={rep.status}>
                      <Link to={`/quality-reports/${rep.id}`} style={{ whiteSpace: 'nowrap' }}>
                        {rep.number}
                      </Link>
                      <br />
                      <Tag
                        color={rep.status === 'issued' ? 'success' : rep.overdue ? 'error' : 'processing'}
                        bordered={false}
                      >
                        {t(`kindShort.${rep.kind}`)} ·{' '}
                        {rep.overdue && rep.status === 'open'
                          ? t('board.overdue')
                          : t(`status.${rep.status}`)}
                      </Tag>
                    </div>
                  ))}
                </Space>
              ),
          },
          {
            title: t('board.openCase'),
            key: 'case',
            width: 130,
            render: (_, r) =>
              r.openCase ? (
                <Tooltip title={formatDateTime(r.openCase.openedAt)}>
                  <Link to={`/batch-cases/${r.openCase.id}`} data-testid="board-case">
                    {r.openCase.number}
                  </Link>
                </Tooltip>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
};

export default BatchBoardPage;
