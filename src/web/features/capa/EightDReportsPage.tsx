import { useQuery } from '@tanstack/react-query';
import { Progress, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, toQuery } from '../../app/api-client';
import type { EightDReport, EightDReports } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../app/time';
import { EIGHT_D_REQUIRED_SECTIONS } from '../../../domain/capa/eight-d';
import { capaMessages } from './capa.i18n';
import { EIGHT_D_KEY } from './capa-queries';
import { CreateEightDModal } from './CreateEightDModal';
import { eightDMessages } from './eight-d.i18n';
import { FilteredListCard } from '../shared/FilteredListCard';

registerMessages('eightD', eightDMessages);
registerMessages('capa', capaMessages);

type Filter = EightDReport['status'] | 'all';

const completeSections = (r: EightDReport): number =>
  EIGHT_D_REQUIRED_SECTIONS.filter((s) => r.completeness[s].length === 0).length;

/** 8D reports, newest first, with how many of D1–D8 are complete. */
const EightDReportsPage = () => {
  const { t } = useTranslation('eightD');
  const { t: tc } = useTranslation('capa');
  const { access } = useSession();
  const [status, setStatus] = useState<Filter>('open');
  const [creating, setCreating] = useState(false);
  const query = { status: status === 'all' ? undefined : status, limit: 200 };
  const q = useQuery({
    queryKey: [...EIGHT_D_KEY, query],
    queryFn: () => api.get<EightDReports>(`/api/v1/eight-d-reports${toQuery(query)}`),
  });
  return (
    <FilteredListCard<EightDReport>
      title={t('list.title')}
      testId="eight-d-reports"
      create={
        access.has('capa.manage') && {
          testId: '8d-create',
          label: t('list.create'),
          onClick: () => setCreating(true),
        }
      }
      filter={
        <Segmented<Filter>
          value={status}
          onChange={setStatus}
          options={[
            { value: 'open', label: t('status.open') },
            { value: 'closed', label: t('status.closed') },
            { value: 'all', label: t('common:all') },
          ]}
        />
      }
      rows={q.data?.items}
      loading={q.isPending}
      emptyText={t('list.none')}
      rowTestId={(r) => `8d-${r.number}`}
      columns={[
        {
          title: t('list.number'),
          key: 'number',
          render: (_, r) => <Link to={`/eight-d-reports/${r.id}`}>{r.number}</Link>,
        },
        { title: t('list.title_'), key: 'title', render: (_, r) => r.title ?? '—' },
        { title: t('list.source'), key: 'source', render: (_, r) => tc(`source.${r.sourceType}`) },
        {
          title: t('list.customer'),
          key: 'customer',
          render: (_, r) => (r.customerRequested ? <Tag color="gold">{t('list.customer')}</Tag> : '—'),
        },
        {
          title: t('list.completeness'),
          key: 'completeness',
          width: 200,
          render: (_, r) => (
            <Progress
              size="small"
              percent={Math.round((completeSections(r) * 100) / EIGHT_D_REQUIRED_SECTIONS.length)}
              format={() => `${completeSections(r)}/${EIGHT_D_REQUIRED_SECTIONS.length}`}
            />
          ),
        },
        {
          title: t('list.status'),
          key: 'status',
          render: (_, r) => (
            <Tag color={r.status === 'closed' ? 'success' : 'processing'}>{t(`status.${r.status}`)}</Tag>
          ),
        },
        { title: t('list.updatedAt'), key: 'updatedAt', render: (_, r) => formatDateTime(r.updatedAt) },
      ]}
    >
      <CreateEightDModal open={creating} onClose={() => setCreating(false)} />
    </FilteredListCard>
  );
};

export default EightDReportsPage;
