import { useQuery } from '@tanstack/react-query';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, toQuery } from '../../app/api-client';
import type { CustomerArchive, CustomerCompensationEntry } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { formatDate } from '../../app/time';
import { formatYuan } from '../compensation/compensation-format';
import { customerArchiveMessages } from './customer-archive.i18n';

registerMessages('customerArchive', customerArchiveMessages);

/**
 * A customer's compensation from the compensation ledger (R-RES-6): each complaint with compensation, newest first,
 * with what was agreed and what has been paid. Nothing is shown when there is none.
 */
export const CompensationHistory = ({ customerId }: { customerId: string }) => {
  const { t } = useTranslation('customerArchive');
  const q = useQuery({
    queryKey: ['customer-archive', customerId],
    // The archive's complaint page is not shown here: one row is enough.
    queryFn: () =>
      api.get<CustomerArchive>(`/api/v1/customers/${customerId}/archive${toQuery({ limit: 1 })}`),
    staleTime: 60_000,
  });
  if (q.error) return <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>;
  const items = q.data?.compensationHistory ?? [];
  if (q.isPending || items.length === 0) return null;
  return (
    <Space direction="vertical" size={0} data-testid="compensation-history-list">
      <Typography.Text type="secondary">{t('compensation')}</Typography.Text>
      {items.map((e: CustomerCompensationEntry) => (
        <Space key={e.complaintId} size={8} wrap data-testid={`compensation-entry-${e.number}`}>
          <a href={`/complaints/${e.complaintId}?tab=compensation`} target="_blank" rel="noreferrer">
            {e.number}
          </a>
          <Typography.Text type="secondary">{formatDate(e.receivedAt)}</Typography.Text>
          <span>
            {t('agreed')} {formatYuan(e.agreedFen)}
          </span>
          <span>
            {t('paid')} {formatYuan(e.paidFen)}
          </span>
          {e.lastPaidAt && (
            <Typography.Text type="secondary">
              {t('lastPaidAt')} {formatDate(e.lastPaidAt)}
            </Typography.Text>
          )}
        </Space>
      ))}
    </Space>
  );
};
