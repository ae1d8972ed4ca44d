import { Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PendingApproval } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { formatDateTime } from '../../app/time';
import { compensationMessages } from './compensation.i18n';
import { formatYuan, rowTestId, useCompensationLabels } from './compensation-format';
import { usePendingApprovals, useUserNames } from './compensation-queries';
import { DelegationCard } from './DelegationCard';

registerMessages('compensation', compensationMessages);

/** "待我审批": proposals whose open step the user may sign (own roles or a delegation), and their delegations. */
const ApprovalsPage = () => {
  const { t } = useTranslation('compensation');
  const labels = useCompensationLabels();
  const nameOf = useUserNames();
  const q = usePendingApprovals();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('approvals.title')} data-testid="approvals">
        <Table<PendingApproval>
          rowKey="proposalId"
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('approvals.empty') }}
          onRow={(r) => rowTestId(`approval-${r.number}`)}
          columns={[
            {
              title: t('approvals.number'),
              key: 'number',
              render: (_, r) => (
                <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                  <Link to={`/complaints/${r.complaintId}?tab=compensation`}>{r.number}</Link>
                  {r.major && <Tag color="red">{t('approvals.major')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('approvals.version'),
              key: 'version',
              render: (_, r) => (
                <span style={{ whiteSpace: 'nowrap' }}>{t('proposal.version', { n: r.version })}</span>
              ),
            },
            {
              title: t('approvals.description'),
              key: 'description',
              render: (_, r) => (
                <Typography.Text ellipsis={{ tooltip: r.description }} style={{ maxWidth: 280 }}>
                  {r.description}
                </Typography.Text>
              ),
            },
            {
              title: t('approvals.exposure'),
              key: 'exposure',
              align: 'right',
              render: (_, r) => (
                <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                  {formatYuan(r.exposureFen)}
                </Typography.Text>
              ),
            },
            {
              title: t('approvals.waitingFor'),
              key: 'waiting',
              render: (_, r) => (
                <Space size={2} wrap>
                  {r.waitingFor.map((w) => (
                    <Tag key={w}>{labels.approver(w)}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('approvals.canSignAs'),
              key: 'as',
              render: (_, r) => (
                <Space size={2} wrap>
                  {r.canSignAs.map((c) => (
                    <Tag
                      key={`${c.role}|${c.onBehalfOfId ?? ''}`}
                      color={c.onBehalfOfId ? 'blue' : 'default'}
                    >
                      {labels.approver(c.role)}
                      {c.onBehalfOfId ? ` · ${t('steps.onBehalfOf', { name: nameOf(c.onBehalfOfId) })}` : ''}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('approvals.createdAt'),
              key: 'createdAt',
              render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.createdAt)}</span>,
            },
            {
              title: t('common:actions'),
              key: 'open',
              render: (_, r) => (
                <Link
                  to={`/complaints/${r.complaintId}?tab=compensation`}
                  data-testid={`approval-open-${r.number}`}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {t('approvals.open')}
                </Link>
              ),
            },
          ]}
        />
      </Card>
      <DelegationCard />
    </Space>
  );
};

export default ApprovalsPage;
