import {
  DeleteOutlined,
  ReloadOutlined,
  SaveOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Dropdown,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
  type InputRef,
  type TableColumnsType,
} from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, toQuery } from '../../app/api-client';
import type { QueueItem, QueuePage as Page } from '../../app/api-types';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../app/time';
import { ClockBadge, liveClockState } from '../shared/ClockBadge';
import { useNow } from '../shared/useNow';
import { useSeverities } from '../shared/useSeverities';
import { StatusTag } from '../shared/StatusTag';
import {
  COLUMN_KEYS,
  loadColumns,
  loadViews,
  storeColumns,
  storeViews,
  toApiQuery,
  type ColumnKey,
  type QueueFilters,
  type SavedView,
} from './queue-views';

// The assignment form loads when it is first opened (keeps the first route small).
const BulkAssignModal = lazy(() => import('./BulkAssignModal'));

const fromParams = (p: URLSearchParams): QueueFilters => ({
  status: p.get('status') ?? undefined,
  severity: p.get('severity') ?? undefined,
  mine: p.get('mine') === '1',
  breached: p.get('breached') === '1',
  major: p.get('major') === '1',
  escalated: p.get('escalated') === '1',
  batchNo: p.get('batchNo') ?? undefined,
  q: p.get('q') ?? undefined,
  sort: (p.get('sort') as QueueFilters['sort']) ?? undefined,
});
const toParams = (f: QueueFilters): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === true) out[k] = '1';
    else if (typeof v === 'string' && v !== '') out[k] = v;
  }
  return out;
};

/** The work queue: what is open for me and my departments, next deadline first (issue 4 §Console). */
const QueuePage = () => {
  const { t, i18n } = useTranslation('queue');
  const { t: tv } = useTranslation('vocab');
  const { session, access } = useSession();
  const userId = session?.user.id ?? 'anonymous';
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => fromParams(params), [params]);
  const setFilters = (f: QueueFilters) => setParams(toParams(f), { replace: true });
  const [searchText, setSearchText] = useState(filters.q ?? '');
  const [views, setViews] = useState<SavedView[]>(() => loadViews(userId));
  const [columns, setColumns] = useState<ColumnKey[]>(() => loadColumns(userId));
  const [selected, setSelected] = useState<string[]>([]);
  const [assignOpen, setAssignOpen] = useState(false);
  const [cursorRow, setCursorRow] = useState(0);
  const searchRef = useRef<InputRef>(null);
  const now = useNow();
  const severities = useSeverities();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';

  const query = useInfiniteQuery({
    queryKey: ['queue', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page>(`/api/v1/complaints${toQuery(toApiQuery(filters, pageParam))}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 60_000,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const counts = query.data?.pages[0]?.counts ?? {};
  const total = Object.values(counts).reduce((a, b) => a + b, 0);

  // Keyboard: "/" search, J/K move, Enter open (not while typing in a field).
  const onKey = useCallback(
    (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (target?.isContentEditable) return;
      if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === 'j') setCursorRow((r) => Math.min(r + 1, rows.length - 1));
      else if (e.key === 'k') setCursorRow((r) => Math.max(r - 1, 0));
      else if (e.key === 'Enter' && rows[cursorRow]) navigate(`/complaints/${rows[cursorRow].id}`);
    },
    [rows, cursorRow, navigate],
  );
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onKey]);

  const allColumns: Record<ColumnKey, TableColumnsType<QueueItem>[number]> = {
    number: {
      title: t('col.number'),
      key: 'number',
      render: (_, r) => (
        <Space size={4} wrap>
          <Link to={`/complaints/${r.id}`}>{r.number}</Link>
          {r.major && <Tag color="red">{t('majorTag')}</Tag>}
          {(r.injury === 'serious' || r.injury === 'death') && <Tag color="magenta">{t('injuryTag')}</Tag>}
        </Space>
      ),
    },
    status: { title: t('col.status'), key: 'status', render: (_, r) => <StatusTag status={r.status} /> },
    severity: { title: t('col.severity'), key: 'severity', render: (_, r) => severities.labelOf(r.severity) },
    customer: { title: t('col.customer'), key: 'customer', render: (_, r) => r.customerName },
    phone: { title: t('col.phone'), key: 'phone', render: (_, r) => r.customerPhone ?? '—' },
    product: { title: t('col.product'), key: 'product', render: (_, r) => r.productName ?? '—' },
    batch: { title: t('col.batch'), key: 'batch', render: (_, r) => r.batchNo ?? '—' },
    clock: {
      title: t('col.clock'),
      key: 'clock',
      render: (_, r) =>
        r.nextClock ? (
          <ClockBadge
            label={r.nextClock.label[lang]}
            dueAt={r.nextClock.dueAt}
            state={liveClockState(r.nextClock, now)}
            now={now}
          />
        ) : (
          '—'
        ),
    },
    owner: { title: t('col.owner'), key: 'owner', render: (_, r) => r.assigneeName ?? '—' },
    department: { title: t('col.department'), key: 'department', render: (_, r) => r.departmentName ?? '—' },
    received: { title: t('col.received'), key: 'received', render: (_, r) => formatDateTime(r.receivedAt) },
    channel: { title: t('col.channel'), key: 'channel', render: (_, r) => tv(`channel.${r.channel}`) },
    escalation: {
      title: t('col.escalation'),
      key: 'escalation',
      render: (_, r) =>
        r.escalationLevel > 0 ? <Tag color="volcano">{t('level', { n: r.escalationLevel })}</Tag> : '—',
    },
  };

  const saveView = () => {
    let name = '';
    Modal.confirm({
      title: t('saveView'),
      content: (
        <Input
          placeholder={t('viewName')}
          onChange={(e) => (name = e.target.value)}
          aria-label={t('viewName')}
        />
      ),
      onOk: () => {
        if (!name.trim()) return Promise.reject(new Error(t('viewNameRequired')));
        const next = [...views.filter((v) => v.name !== name.trim()), { name: name.trim(), filters }];
        setViews(next);
        storeViews(userId, next);
        return undefined;
      },
    });
  };
  const statusTabs = [
    { key: '', label: `${t('allOpen')} (${total})` },
    ...Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => ({ key: s, label: `${tv(`status.${s}`)} (${n})` })),
  ];
  const selectedItems = rows.filter((r) => selected.includes(r.id));

  return (
    <Card
      title={t('title')}
      extra={
        <Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('keyboard')}
          </Typography.Text>
          <Tooltip title={t('refresh')}>
            <Button
              icon={<ReloadOutlined />}
              aria-label={t('refresh')}
              onClick={() => void query.refetch()}
            />
          </Tooltip>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          ref={searchRef}
          allowClear
          style={{ width: 360 }}
          placeholder={t('searchPlaceholder')}
          aria-label={t('common:search')}
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onSearch={(v) => setFilters({ ...filters, q: v.trim() || undefined })}
        />
        <Select
          allowClear
          mode="multiple"
          style={{ minWidth: 160 }}
          placeholder={t('severity')}
          aria-label={t('severity')}
          value={filters.severity?.split(',').filter(Boolean) ?? []}
          options={severities.options}
          onChange={(v: string[]) => setFilters({ ...filters, severity: v.join(',') || undefined })}
        />
        <Input
          allowClear
          style={{ width: 140 }}
          placeholder={t('batchNo')}
          aria-label={t('batchNo')}
          defaultValue={filters.batchNo}
          onPressEnter={(e) => setFilters({ ...filters, batchNo: e.currentTarget.value.trim() || undefined })}
        />
        {(['mine', 'breached', 'major', 'escalated'] as const).map((k) => (
          <Checkbox
            key={k}
            checked={!!filters[k]}
            data-testid={`filter-${k}`}
            onChange={(e) => setFilters({ ...filters, [k]: e.target.checked || undefined })}
          >
            {t(k)}
          </Checkbox>
        ))}
        <Select
          style={{ width: 130 }}
          aria-label={t('sort')}
          value={filters.sort ?? 'nextDue'}
          options={[
            { value: 'nextDue', label: t('sortNextDue') },
            { value: '-receivedAt', label: t('sortNewest') },
            { value: 'receivedAt', label: t('sortOldest') },
          ]}
          onChange={(v) => setFilters({ ...filters, sort: v })}
        />
        <Dropdown
          menu={{
            items: [
              ...views.map((v) => ({
                key: v.name,
                label: (
                  <Space>
                    {v.name}
                    <DeleteOutlined
                      aria-label={t('deleteView')}
                      onClick={(e) => {
                        e.stopPropagation();
                        const next = views.filter((x) => x.name !== v.name);
                        setViews(next);
                        storeViews(userId, next);
                      }}
                    />
                  </Space>
                ),
              })),
              ...(views.length > 0 ? [{ type: 'divider' as const }] : []),
              { key: '__save', icon: <SaveOutlined />, label: t('saveView') },
            ],
            onClick: (e) => {
              if (e.key === '__save') saveView();
              else {
                const v = views.find((x) => x.name === e.key);
                if (v) {
                  setSearchText(v.filters.q ?? '');
                  setFilters(v.filters);
                }
              }
            },
          }}
        >
          <Button>{t('savedViews')}</Button>
        </Dropdown>
        <Dropdown
          trigger={['click']}
          dropdownRender={() => (
            <Card size="small">
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column' }}
                value={columns}
                options={COLUMN_KEYS.map((k) => ({ value: k, label: t(`col.${k}`) }))}
                onChange={(v) => {
                  const next = COLUMN_KEYS.filter((k) => v.includes(k));
                  setColumns(next);
                  storeColumns(userId, next);
                }}
              />
            </Card>
          )}
        >
          <Button icon={<SettingOutlined />}>{t('columns')}</Button>
        </Dropdown>
        {access.canAssign && (
          <Badge count={selected.length} size="small">
            <Button
              icon={<TeamOutlined />}
              disabled={selected.length === 0}
              onClick={() => setAssignOpen(true)}
            >
              {t('bulkAssign')}
            </Button>
          </Badge>
        )}
      </Space>
      <Tabs
        activeKey={filters.status ?? ''}
        items={statusTabs}
        onChange={(k) => setFilters({ ...filters, status: k || undefined })}
        size="small"
      />
      <Table<QueueItem>
        rowKey="id"
        size="middle"
        loading={query.isPending}
        dataSource={rows}
        columns={columns.map((k) => allColumns[k])}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        rowSelection={
          access.canAssign
            ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) }
            : undefined
        }
        onRow={(r, i) => ({
          'data-testid': `queue-row-${r.number}`,
          style: i === cursorRow ? { outline: '2px solid #1677ff', outlineOffset: -2 } : undefined,
          onDoubleClick: () => navigate(`/complaints/${r.id}`),
        })}
        scroll={{ x: 'max-content' }}
      />
      {query.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('loadMore')}
          </Button>
        </div>
      )}
      {assignOpen && (
        <Suspense fallback={null}>
          <BulkAssignModal
            items={selectedItems}
            open={assignOpen}
            onClose={(changed) => {
              setAssignOpen(false);
              if (changed) {
                setSelected([]);
                void client.invalidateQueries({ queryKey: ['queue'] });
              }
            }}
          />
        </Suspense>
      )}
    </Card>
  );
};

export default QueuePage;
