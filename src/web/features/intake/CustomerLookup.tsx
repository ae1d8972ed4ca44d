import { Alert, Button, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerLookup as Lookup } from '../../app/api-types';
import { useSession } from '../../app/session';
import { formatDate } from '../../app/time';
import { StatusTag } from '../shared/StatusTag';
import { CompensationHistory } from './CompensationHistory';

type Match = Lookup['matches'][number];

/** The caller's archive (R-INT-6): earlier complaints and compensation, so the agent knows who is calling. */
export const CustomerLookup = ({
  lookup,
  chosenId,
  onChoose,
}: {
  lookup: Lookup | undefined;
  chosenId: string | undefined;
  onChoose: (m: Match) => void;
}) => {
  const { t } = useTranslation('intake');
  const { t: tv } = useTranslation('vocab');
  const { access } = useSession();
  if (!lookup) return null;
  if (lookup.matches.length === 0)
    return <Alert type="info" showIcon message={t('newCustomer')} data-testid="lookup-none" />;
  return (
    <List
      size="small"
      bordered
      data-testid="lookup-matches"
      dataSource={lookup.matches}
      renderItem={(m) => (
        <List.Item
          actions={[
            <Button
              key="use"
              size="small"
              type={chosenId === m.customer.id ? 'primary' : 'default'}
              onClick={() => onChoose(m)}
            >
              {t('useCustomer')}
            </Button>,
          ]}
        >
          <Space direction="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>{m.customer.name}</Typography.Text>
              <Tag>{tv(`tier.${m.customer.tier}`)}</Tag>
              {m.customer.specialGroup && (
                <Tag color="purple">{tv(`specialGroup.${m.customer.specialGroup}`)}</Tag>
              )}
            </Space>
            <Typography.Text type={m.stats.open > 0 ? 'warning' : 'secondary'}>
              {t('history', {
                n: m.stats.complaints,
                open: m.stats.open,
                paid: (m.stats.compensationPaidFen / 100).toFixed(2),
              })}
            </Typography.Text>
            {m.recentComplaints.map((c) => (
              <Space key={c.id} size={6} wrap>
                <a href={`/complaints/${c.id}`} target="_blank" rel="noreferrer">
                  {c.number}
                </a>
                <StatusTag status={c.status} />
                <Typography.Text type="secondary">
                  {formatDate(c.receivedAt)} {c.productName ?? ''}
                </Typography.Text>
              </Space>
            ))}
            {access.canSeeCustomerArchive && <CompensationHistory customerId={m.customer.id} />}
          </Space>
        </List.Item>
      )}
    />
  );
};
