import { useQuery } from '@tanstack/react-query';
import { Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, toQuery } from '../../app/api-client';
import type { Disposal, Disposals } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../app/time';
import { DISPOSAL_STATUSES, type DisposalStatus } from '../../../domain/capa/decide-disposal';
import { capaMessages } from './capa.i18n';
import { DISPOSALS_KEY } from './capa-queries';
import { disposalMessages } from './disposal.i18n';
import { DISPOSAL_STATUS_COLOR } from './disposal-format';
import { PublishDisposalModal } from './PublishDisposalModal';
import { FilteredListCard } from '../shared/FilteredListCard';

registerMessages('disposal', disposalMessages);
registerMessages('capa', capaMessages);

/**
 * Nonconformity disposals (R-ESC-3): the decision in force, its round and objection window; the status filter includes
 * the decisions waiting for the chief engineer's approval.
 */
const DisposalsPage = () => {
  const { t } = useTranslation('disposal');
  const { t: tc } = useTranslation('capa');
  const { access } = useSession();
  const [status, setStatus] = useState<DisposalStatus>();
  const [creating, setCreating] = useState(false);
  const query = { status, limit: 200 };
  const q = useQuery({
    queryKey: [...DISPOSALS_KEY, query],
    queryFn: () => api.get<Disposals>(`/api/v1/disposals${toQuery(query)}`),
  });
  return (
    <FilteredListCard<Disposal>
      title={t('list.title')}
      testId="disposals"
      create={
        access.has('capa.manage') && {
          testId: 'disposal-create',
          label: t('list.create'),
          onClick: () => setCreating(true),
        }
      }
      filter={
        <Select<DisposalStatus>
          allowClear
          style={{ width: 260 }}
          placeholder={t('list.status')}
          value={status}
          onChange={setStatus}
          options={DISPOSAL_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      }
      rows={q.data?.items}
      loading={q.isPending}
      emptyText={t('list.none')}
      rowTestId={(d) => `disposal-${d.number}`}
      columns={[
        {
          title: t('list.number'),
          key: 'number',
          render: (_, d) => <Link to={`/disposals/${d.id}`}>{d.number}</Link>,
        },
        { title: t('list.source'), key: 'source', render: (_, d) => tc(`source.${d.sourceType}`) },
        {
          title: t('list.decision'),
          key: 'decision',
          render: (_, d) => (
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, maxWidth: 420 }}>
              {d.decision}
            </Typography.Paragraph>
          ),
        },
        {
          title: t('list.status'),
          key: 'status',
          render: (_, d) => <Tag color={DISPOSAL_STATUS_COLOR[d.status]}>{t(`status.${d.status}`)}</Tag>,
        },
        { title: t('list.round'), dataIndex: 'round', align: 'right' },
        {
          title: t('list.objectionUntil'),
          key: 'objectionUntil',
          render: (_, d) => (d.status === 'published' ? formatDateTime(d.objectionUntil) : '—'),
        },
        {
          title: t('list.publishedAt'),
          key: 'publishedAt',
          render: (_, d) => formatDateTime(d.publishedAt),
        },
      ]}
    >
      <PublishDisposalModal open={creating} onClose={() => setCreating(false)} />
    </FilteredListCard>
  );
};

export default DisposalsPage;
