import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, toQuery } from '../../app/api-client';
import type { LedgerGrouping, LedgerRow, LedgerView } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { dayjs } from '../../app/time';
import { EChart } from '../shared/EChart';
import { formatYuan, rowTestId } from './compensation-format';
import { costAllocationMessages } from './cost-allocation.i18n';
import { LEDGER_KEY } from './cost-allocation-queries';
import { ledgerMessages } from './ledger.i18n';

registerMessages('ledger', ledgerMessages);
registerMessages('costAllocation', costAllocationMessages);

const GROUPINGS = [
  'month',
  'complaint',
  'customer',
  'product',
  'party',
] as const satisfies readonly LedgerGrouping[];
const AMOUNTS = ['proposedFen', 'approvedFen', 'agreedFen', 'paidFen'] as const;
const COLUMN_OF = { proposedFen: 'proposed', approvedFen: 'approved', agreedFen: 'agreed', paidFen: 'paid' };
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const isGrouping = (v: string | null): v is LedgerGrouping =>
  (GROUPINGS as readonly string[]).includes(v ?? '');
const monthParam = (v: string | null): string | undefined => (v && MONTH.test(v) ? v : undefined);

/** Net amounts can be negative (a reversal in the period): "-¥12.00". */
const signedYuan = (fen: number): string => (fen < 0 ? `-${formatYuan(-fen)}` : formatYuan(fen));

const fetchLedger = (query: { groupBy: LedgerGrouping; from?: string; to?: string }) =>
  api.get<LedgerView>(`/api/v1/compensation/ledger${toQuery(query)}`);

/**
 * 补偿台账 (issue 5): net proposed / approved / agreed / paid amounts for the booking months chosen, grouped by
 * complaint, customer, product, responsible party (split by the cost allocation, R-RES-8) or month, with totals, the
 * paid amount by month as a chart, and the same query as an Excel download. The query lives in the URL.
 */
const LedgerPage = () => {
  const { t } = useTranslation('ledger');
  const { t: tc } = useTranslation('costAllocation');
  const [search, setSearch] = useSearchParams();
  const raw = search.get('groupBy');
  const groupBy: LedgerGrouping = isGrouping(raw) ? raw : 'month';
  const from = monthParam(search.get('from'));
  const to = monthParam(search.get('to'));
  const query = { groupBy, from, to };
  const monthQuery = { groupBy: 'month' as const, from, to };
  const q = useQuery({
    queryKey: [...LEDGER_KEY, query],
    queryFn: () => fetchLedger(query),
    placeholderData: keepPreviousData,
  });
  // The chart's months: the same cache entry as the table when it is grouped by month.
  const months = useQuery({
    queryKey: [...LEDGER_KEY, monthQuery],
    queryFn: () => fetchLedger(monthQuery),
    placeholderData: keepPreviousData,
  });
  const setQuery = (next: { groupBy?: LedgerGrouping; from?: string; to?: string }) => {
    const merged = { ...query, ...next };
    setSearch(
      Object.fromEntries(
        Object.entries({
          groupBy: merged.groupBy === 'month' ? undefined : merged.groupBy,
          from: merged.from,
          to: merged.to,
        }).filter((e): e is [string, string] => !!e[1]),
      ),
      { replace: true },
    );
  };
  const chart = useMemo(() => {
    const rows = [...(months.data?.rows ?? [])].sort((a, b) => a.key.localeCompare(b.key));
    return {
      grid: { left: 56, right: 16, top: 24, bottom: 28 },
      tooltip: { trigger: 'axis' as const },
      xAxis: { type: 'category' as const, data: rows.map((r) => r.label || r.key) },
      yAxis: { type: 'value' as const },
      series: [
        {
          type: 'bar' as const,
          name: t('chartSeries'),
          data: rows.map((r) => r.paidFen / 100),
          itemStyle: { color: '#1677ff' },
          barMaxWidth: 32,
        },
      ],
    };
  }, [months.data, t]);

  const labelOf = (r: LedgerRow) => {
    switch (groupBy) {
      case 'complaint':
        return <Link to={`/complaints/${r.key}?tab=compensation`}>{r.label}</Link>;
      case 'party': {
        const kind = r.key.slice(0, r.key.indexOf(':'));
        return (
          <Space size={4}>
            <Tag>{tc(`kind.${kind}`, { defaultValue: kind })}</Tag>
            <span>{r.label}</span>
          </Space>
        );
      }
      case 'product':
        return r.label || t('noProduct');
      default:
        return r.label || r.key;
    }
  };
  const data = q.data;
  const exportHref = `/api/v1/compensation/ledger.xlsx${toQuery(query)}`;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="ledger">
      <Card
        title={t('title')}
        extra={
          <Button icon={<DownloadOutlined />} href={exportHref} data-testid="ledger-export">
            {t('export')}
          </Button>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Text type="secondary">{t('hint')}</Typography.Text>
          <Space wrap size="large">
            <Segmented<LedgerGrouping>
              value={groupBy}
              onChange={(g) => setQuery({ groupBy: g })}
              options={GROUPINGS.map((g) => ({ value: g, label: t(`groupBy.${g}`) }))}
              data-testid="ledger-group"
            />
            <Space>
              <Typography.Text>{t('months')}</Typography.Text>
              <DatePicker.RangePicker
                picker="month"
                allowEmpty={[true, true]}
                placeholder={[t('monthStart'), t('monthEnd')]}
                value={[from ? dayjs(`${from}-01`) : null, to ? dayjs(`${to}-01`) : null]}
                onChange={(v) => setQuery({ from: v?.[0]?.format('YYYY-MM'), to: v?.[1]?.format('YYYY-MM') })}
                data-testid="ledger-months"
              />
              {!from && !to && <Typography.Text type="secondary">{t('allMonths')}</Typography.Text>}
            </Space>
          </Space>
          {q.error && (
            <Alert
              type="error"
              showIcon
              message={t('loadFailed')}
              description={q.error.message}
              action={<Button onClick={() => void q.refetch()}>{t('reload')}</Button>}
            />
          )}
          <Table<LedgerRow>
            size="small"
            rowKey="key"
            loading={q.isFetching && !data}
            dataSource={data?.rows ?? []}
            locale={{ emptyText: t('none') }}
            pagination={(data?.rows.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            onRow={(r) => rowTestId(`ledger-row-${r.key}`)}
            columns={[
              { title: t(`column.${groupBy}`), key: 'label', render: (_, r) => labelOf(r) },
              ...AMOUNTS.map((a) => ({
                title: t(`column.${COLUMN_OF[a]}`),
                key: a,
                align: 'right' as const,
                sorter: (x: LedgerRow, y: LedgerRow) => x[a] - y[a],
                render: (_: unknown, r: LedgerRow) => (
                  <span data-amount={COLUMN_OF[a]}>{signedYuan(r[a])}</span>
                ),
              })),
            ]}
            summary={() =>
              data && (
                <Table.Summary fixed>
                  <Table.Summary.Row data-testid="ledger-totals">
                    <Table.Summary.Cell index={0}>
                      <Typography.Text strong>{t('total')}</Typography.Text>
                    </Table.Summary.Cell>
                    {AMOUNTS.map((a, i) => (
                      <Table.Summary.Cell key={a} index={i + 1} align="right">
                        <Typography.Text strong data-amount={COLUMN_OF[a]}>
                          {signedYuan(data.totals[a])}
                        </Typography.Text>
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                </Table.Summary>
              )
            }
          />
        </Space>
      </Card>
      {(months.data?.rows.length ?? 0) > 0 && (
        <Card title={t('chart')} size="small">
          <EChart option={chart} height={240} testId="ledger-chart" />
        </Card>
      )}
    </Space>
  );
};

export default LedgerPage;
