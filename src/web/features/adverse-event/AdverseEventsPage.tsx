import { Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { AdverseEvent } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { formatDateTime } from '../../app/time';
import { rowTestId } from '../compensation/compensation-format';
import { useNow } from '../shared/useNow';
import { adverseEventMessages } from './adverse-event.i18n';
import { isDecided } from './adverse-event-format';
import { useAdverseEvents } from './adverse-event-queries';
import { DueCountdown } from './DueCountdown';

registerMessages('adverseEvent', adverseEventMessages);

type Filter = 'open' | 'decided' | 'all';

/**
 * Adverse-event evaluations 不良事件评价 (R-AE-2): the undecided ones by default, each with its complaint, event type,
 * the earliest due row as a countdown and how many rows still lack a decision; the complaint link opens its panel.
 */
const AdverseEventsPage = () => {
  const { t } = useTranslation('adverseEvent');
  const [search, setSearch] = useSearchParams();
  const filter = (
    search.get('open') === 'false' ? 'decided' : search.get('open') === 'all' ? 'all' : 'open'
  ) as Filter;
  const now = useNow();
  const q = useAdverseEvents(filter === 'open' ? true : filter === 'decided' ? false : undefined);
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card
      title={t('list.title')}
      data-testid="adverse-events"
      extra={
        <Segmented<Filter>
          value={filter}
          onChange={(v) =>
            setSearch(v === 'open' ? {} : { open: v === 'decided' ? 'false' : 'all' }, { replace: true })
          }
          options={[
            { value: 'open', label: t('list.open') },
            { value: 'decided', label: t('list.decided') },
            { value: 'all', label: t('list.all') },
          ]}
        />
      }
    >
      <Table<AdverseEvent>
        size="small"
        rowKey="id"
        loading={q.isPending}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('list.none') }}
        onRow={(e) => rowTestId(`adverse-event-${e.complaintNumber}`)}
        columns={[
          {
            title: t('list.complaint'),
            key: 'complaint',
            render: (_, e) => (
              <Link to={`/complaints/${e.complaintId}?tab=adverse-event`}>{e.complaintNumber}</Link>
            ),
          },
          { title: t('list.product'), key: 'product', render: (_, e) => e.productName ?? '—' },
          {
            title: t('list.eventType'),
            key: 'eventType',
            render: (_, e) => <Tag color="red">{t(`eventType.${e.eventType}`)}</Tag>,
          },
          { title: t('list.awareAt'), key: 'awareAt', render: (_, e) => formatDateTime(e.awareAt) },
          {
            title: t('list.nextDue'),
            key: 'nextDue',
            render: (_, e) => {
              const next = [...e.decisions]
                .filter((d) => !isDecided(d))
                .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
              return next ? (
                <Space direction="vertical" size={0}>
                  <span>{formatDateTime(next.dueAt)}</span>
                  <DueCountdown decision={next} now={now} />
                </Space>
              ) : (
                '—'
              );
            },
          },
          {
            title: t('list.rows'),
            key: 'rows',
            render: (_, e) => {
              const open = e.decisions.filter((d) => !isDecided(d)).length;
              return (
                <Space size={4} wrap>
                  {e.decisions.map((d) => (
                    <Tag key={d.id} color={isDecided(d) ? 'green' : undefined} bordered={false}>
                      {d.jurisdiction}
                    </Tag>
                  ))}
                  {open > 0 && (
                    <Typography.Text type="danger">{t('list.undecided', { n: open })}</Typography.Text>
                  )}
                </Space>
              );
            },
          },
          {
            title: t('list.status'),
            key: 'status',
            render: (_, e) => (
              <Tag color={e.status === 'decided' ? 'success' : 'processing'}>{t(`status.${e.status}`)}</Tag>
            ),
          },
        ]}
      />
      {q.hasNextPage && (
        <Button
          style={{ marginTop: 12 }}
          loading={q.isFetchingNextPage}
          onClick={() => void q.fetchNextPage()}
        >
          {t('list.more')}
        </Button>
      )}
    </Card>
  );
};

export default AdverseEventsPage;
