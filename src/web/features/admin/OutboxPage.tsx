import { ReloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Segmented,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toQuery } from '../../app/api-client';
import type { Job, OutboxEvent } from '../../app/api-types';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../app/time';
import { errorText } from './admin-hooks';
import { registerMessages } from '../../app/i18n';
import { adminMessages } from './admin.i18n';

registerMessages('admin', adminMessages);

const EVENT_STATUSES = ['dead', 'pending', 'delivered'] as const;
const JOB_STATUSES = ['dead', 'queued', 'running', 'done'] as const;

const ErrorCell = ({ text }: { readonly text: string | null }) =>
  text ? (
    <Tooltip
      title={
        <pre style={{ whiteSpace: 'pre-wrap', margin: 0, maxHeight: 320, overflow: 'auto' }}>{text}</pre>
      }
    >
      <Typography.Text type="danger" ellipsis style={{ maxWidth: 320 }}>
        {text}
      </Typography.Text>
    </Tooltip>
  ) : (
    '—'
  );

const Json = ({ value }: { readonly value: unknown }) => (
  <pre style={{ margin: 0, fontSize: 12, maxHeight: 240, overflow: 'auto' }}>
    {JSON.stringify(value, null, 2)}
  </pre>
);

/** Paged list with a status filter, shared by outbox events and jobs. */
const usePaged = <T,>(key: string, url: string, status: string, enabled = true) => {
  const q = useInfiniteQuery({
    queryKey: ['ops', key, status],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: T[]; nextCursor: string | null }>(
        `${url}${toQuery({ status, cursor: pageParam, limit: 50 })}`,
        {
          signal,
        },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
  const rows = useMemo(() => q.data?.pages.flatMap((p) => p.items) ?? [], [q.data]);
  return { q, rows };
};

/** Dead letters (issue 4 Admin): outbox events and background jobs that failed every retry, with Retry. */
const OutboxPage = () => {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const { access } = useSession();
  const client = useQueryClient();
  const [eventStatus, setEventStatus] = useState<string>('dead');
  const [jobStatus, setJobStatus] = useState<string>('dead');
  const canJobs = access.has('job.manage');
  const events = usePaged<OutboxEvent>('outbox', '/api/v1/admin/outbox', eventStatus);
  const jobs = usePaged<Job>('jobs', '/api/v1/admin/jobs', jobStatus, canJobs);
  const refresh = () => client.invalidateQueries({ queryKey: ['ops'] });

  const retry = async (url: string, label: string) => {
    try {
      await api.post(url);
      void message.success(t('outbox.retried', { label }));
      void refresh();
    } catch (e) {
      void message.error(errorText(e), 6);
    }
  };

  const eventColumns: TableColumnsType<OutboxEvent> = [
    { title: t('outbox.type'), key: 'type', render: (_, e) => <Tag color="geekblue">{e.type}</Tag> },
    {
      title: t('outbox.aggregate'),
      key: 'aggregate',
      render: (_, e) => (
        <Space direction="vertical" size={0}>
          <span>{e.aggregateType}</span>
          <Typography.Text type="secondary" copyable style={{ fontSize: 12 }}>
            {e.aggregateId}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('outbox.attempts'), dataIndex: 'attempts', key: 'attempts', width: 80 },
    { title: t('outbox.lastError'), key: 'lastError', render: (_, e) => <ErrorCell text={e.lastError} /> },
    { title: t('outbox.occurredAt'), key: 'occurredAt', render: (_, e) => formatDateTime(e.occurredAt) },
    {
      title: t('common:actions'),
      key: 'actions',
      render: (_, e) =>
        e.status === 'dead' ? (
          <Button
            size="small"
            onClick={() => void retry(`/api/v1/admin/outbox/${e.id}/retry`, e.type)}
            data-testid={`outbox-retry-${e.id}`}
          >
            {t('outbox.retry')}
          </Button>
        ) : null,
    },
  ];

  const jobColumns: TableColumnsType<Job> = [
    { title: t('outbox.kind'), key: 'kind', render: (_, j) => <Tag color="purple">{j.kind}</Tag> },
    { title: t('outbox.attempts'), key: 'attempts', render: (_, j) => `${j.attempts} / ${j.maxAttempts}` },
    { title: t('outbox.lastError'), key: 'lastError', render: (_, j) => <ErrorCell text={j.lastError} /> },
    { title: t('outbox.createdAt'), key: 'createdAt', render: (_, j) => formatDateTime(j.createdAt) },
    { title: t('outbox.finishedAt'), key: 'finishedAt', render: (_, j) => formatDateTime(j.finishedAt) },
    {
      title: t('common:actions'),
      key: 'actions',
      render: (_, j) =>
        j.status === 'dead' ? (
          <Button
            size="small"
            onClick={() => void retry(`/api/v1/admin/jobs/${j.id}/retry`, j.kind)}
            data-testid={`job-retry-${j.id}`}
          >
            {t('outbox.retry')}
          </Button>
        ) : null,
    },
  ];

  const list = <T extends { id: string | number }>(
    paged: ReturnType<typeof usePaged<T>>,
    columns: TableColumnsType<T>,
    testId: string,
    statuses: readonly string[],
    status: string,
    setStatus: (s: string) => void,
    ns: string,
  ) => (
    <>
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => setStatus(String(v))}
        options={statuses.map((s) => ({ value: s, label: t(`outbox.${ns}.${s}`) }))}
      />
      {paged.q.error && (
        <Alert type="error" showIcon message={errorText(paged.q.error)} style={{ marginBottom: 12 }} />
      )}
      <Table<T>
        rowKey="id"
        size="middle"
        data-testid={testId}
        loading={paged.q.isPending}
        dataSource={paged.rows}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('outbox.empty') }}
        expandable={{ expandedRowRender: (r) => <Json value={(r as { payload?: unknown }).payload} /> }}
        scroll={{ x: 'max-content' }}
      />
      {paged.q.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => void paged.q.fetchNextPage()} loading={paged.q.isFetchingNextPage}>
            {t('loadMore')}
          </Button>
        </div>
      )}
    </>
  );

  return (
    <Card
      title={t('outbox.title')}
      extra={
        <Tooltip title={t('refresh')}>
          <Button icon={<ReloadOutlined />} aria-label={t('refresh')} onClick={() => void refresh()} />
        </Tooltip>
      }
    >
      <Typography.Paragraph type="secondary">{t('outbox.hint')}</Typography.Paragraph>
      <Tabs
        items={[
          {
            key: 'events',
            label: t('outbox.events'),
            children: list(
              events,
              eventColumns,
              'outbox-events',
              EVENT_STATUSES,
              eventStatus,
              setEventStatus,
              'eventStatus',
            ),
          },
          ...(canJobs
            ? [
                {
                  key: 'jobs',
                  label: t('outbox.jobs'),
                  children: list(
                    jobs,
                    jobColumns,
                    'outbox-jobs',
                    JOB_STATUSES,
                    jobStatus,
                    setJobStatus,
                    'jobStatus',
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
};

export default OutboxPage;
