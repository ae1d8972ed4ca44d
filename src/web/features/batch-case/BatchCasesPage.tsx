import { useQuery } from '@tanstack/react-query';
import { Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, toQuery } from '../../app/api-client';
import type { BatchCaseList, BatchCaseSummary } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../app/time';
import { BATCH_CASE_STATUSES } from '../../../domain/batch/batch-case-workflow';
import { batchCaseMessages } from './batch-case.i18n';
import { CASE_STATUS_COLOR } from './batch-case-format';
import { InvestigationClock } from './InvestigationClock';
import { OpenBatchCaseModal } from './OpenBatchCaseModal';
import { BATCH_CASES_KEY, useProductNames } from './quality-queries';
import { FilteredListCard } from '../shared/FilteredListCard';

registerMessages('batchCase', batchCaseMessages);

type Status = BatchCaseSummary['status'];

/** Batch cases 批量问题案件 (R-BAT-4/5): newest first, with the 2-hour investigation clock and the GM's decision. */
const BatchCasesPage = () => {
  const { t } = useTranslation('batchCase');
  const { access } = useSession();
  const productName = useProductNames();
  const [status, setStatus] = useState<Status>();
  const [opening, setOpening] = useState(false);
  const query = { status, limit: 200 };
  const q = useQuery({
    queryKey: [...BATCH_CASES_KEY, query],
    queryFn: () => api.get<BatchCaseList>(`/api/v1/batch-cases${toQuery(query)}`),
  });
  return (
    <FilteredListCard<BatchCaseSummary>
      title={t('list.title')}
      testId="batch-cases"
      create={
        access.has('batch.manage') && {
          testId: 'open-case',
          label: t('list.open'),
          onClick: () => setOpening(true),
        }
      }
      filter={
        <Select<Status>
          allowClear
          style={{ width: 180 }}
          placeholder={t('list.allStatuses')}
          value={status}
          onChange={setStatus}
          options={BATCH_CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      }
      rows={q.data?.items}
      loading={q.isPending}
      emptyText={t('list.none')}
      rowTestId={(c) => `case-${c.number}`}
      columns={[
        {
          title: t('list.number'),
          key: 'number',
          render: (_, c) => <Link to={`/batch-cases/${c.id}`}>{c.number}</Link>,
        },
        { title: t('list.product'), key: 'product', render: (_, c) => productName(c.productId) },
        { title: t('list.batchNo'), dataIndex: 'batchNo' },
        { title: t('list.mechanism'), dataIndex: 'mechanism' },
        { title: t('list.region'), key: 'region', render: (_, c) => c.region ?? '—' },
        {
          title: t('list.status'),
          key: 'status',
          render: (_, c) => (
            <Tag color={CASE_STATUS_COLOR[c.status]} data-status={c.status}>
              {t(`status.${c.status}`)}
            </Tag>
          ),
        },
        {
          title: t('list.investigation'),
          key: 'investigation',
          render: (_, c) => <InvestigationClock batchCase={c} />,
        },
        {
          title: t('list.decision'),
          key: 'decision',
          render: (_, c) => (c.decision ? t(`decision.${c.decision}`) : '—'),
        },
        { title: t('list.openedAt'), key: 'openedAt', render: (_, c) => formatDateTime(c.openedAt) },
      ]}
    >
      <OpenBatchCaseModal open={opening} onClose={() => setOpening(false)} />
    </FilteredListCard>
  );
};

export default BatchCasesPage;
