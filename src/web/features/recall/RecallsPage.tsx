import { useQuery } from '@tanstack/react-query';
import { Progress, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, toQuery } from '../../app/api-client';
import type { RecallList, RecallSummary } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { formatDateTime } from '../../app/time';
import { RECALL_CLASS_RULES } from '../../../domain/batch/plan-recall';
import { RECALLS_KEY, useProductNames } from '../batch-case/quality-queries';
import { recallMessages } from './recall.i18n';
import { FilteredListCard } from '../shared/FilteredListCard';

registerMessages('recall', recallMessages);

type Filter = RecallSummary['status'] | 'all';

/** Recalls 召回 (R-BAT-5), newest first, with how much has come back. */
const RecallsPage = () => {
  const { t, i18n } = useTranslation('recall');
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const productName = useProductNames();
  const [status, setStatus] = useState<Filter>('all');
  const query = { status: status === 'all' ? undefined : status, limit: 200 };
  const q = useQuery({
    queryKey: [...RECALLS_KEY, query],
    queryFn: () => api.get<RecallList>(`/api/v1/recalls${toQuery(query)}`),
  });
  return (
    <FilteredListCard<RecallSummary>
      title={t('list.title')}
      testId="recalls"
      filter={
        <Segmented<Filter>
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: t('common:all') },
            { value: 'in_progress', label: t('status.in_progress') },
            { value: 'completed', label: t('status.completed') },
          ]}
        />
      }
      rows={q.data?.items}
      loading={q.isPending}
      emptyText={t('list.none')}
      rowTestId={(r) => `recall-${r.number}`}
      columns={[
        {
          title: t('list.number'),
          key: 'number',
          render: (_, r) => <Link to={`/recalls/${r.id}`}>{r.number}</Link>,
        },
        { title: t('list.product'), key: 'product', render: (_, r) => productName(r.productId) },
        {
          title: t('list.case'),
          key: 'case',
          render: (_, r) =>
            r.caseId ? (
              <Link to={`/batch-cases/${r.caseId}`}>{t('list.viewCase')}</Link>
            ) : (
              t('list.standalone')
            ),
        },
        {
          title: t('list.class'),
          key: 'class',
          render: (_, r) => RECALL_CLASS_RULES[r.recallClass].label[lang],
        },
        {
          title: t('list.status'),
          key: 'status',
          render: (_, r) => (
            <Tag color={r.status === 'completed' ? 'success' : 'processing'}>{t(`status.${r.status}`)}</Tag>
          ),
        },
        {
          title: t('list.progress'),
          key: 'progress',
          width: 220,
          render: (_, r) => (
            <Progress
              size="small"
              percent={r.unitsInScope > 0 ? Math.floor((r.unitsRecovered * 1000) / r.unitsInScope) / 10 : 0}
            />
          ),
        },
        { title: t('list.startedAt'), key: 'startedAt', render: (_, r) => formatDateTime(r.startedAt) },
      ]}
    ></FilteredListCard>
  );
};

export default RecallsPage;
