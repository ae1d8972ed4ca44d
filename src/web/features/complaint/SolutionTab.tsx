import { Descriptions, Empty, Rate, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../app/api-types';
import { formatDateTime } from '../../app/time';
import type { Agreement, Closure, FollowUp, Proposal } from '../../../domain/complaint/complaint';

/** The solution proposed, the customer's answer (agreement, R-RES-7), the resolution, the follow-up and the closure. */
export const SolutionTab = ({ complaint: c }: { complaint: Complaint }) => {
  const { t } = useTranslation('complaint');
  const { t: tv } = useTranslation('vocab');
  const proposal = c.proposal as Proposal | null;
  const agreement = c.agreement as Agreement | null;
  const resolution = c.resolution as { summary: string; resolvedAt: string } | null;
  const followUp = c.followUp as FollowUp | null;
  const closure = c.closure as Closure | null;
  if (!proposal && !resolution && !closure) return <Empty description={t('solution.none')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="solution">
      {proposal && (
        <Descriptions title={t('solution.proposal')} bordered size="small" column={1}>
          <Descriptions.Item label={t('solution.option')}>
            <Table
              size="small"
              pagination={false}
              rowKey={(_, i) => String(i)}
              dataSource={proposal.options.map((o, i) => ({ ...o, i }))}
              columns={[
                { title: '#', key: 'i', render: (_, o) => o.i + 1 },
                {
                  title: t('action.optionKind'),
                  key: 'kind',
                  render: (_, o) => t(`kindOption.${o.kind}`, { defaultValue: o.kind }),
                },
                { title: t('action.optionDescription'), dataIndex: 'description' },
                {
                  title: t('solution.amount'),
                  key: 'amount',
                  render: (_, o) => (o.amountFen / 100).toFixed(2),
                },
              ]}
            />
          </Descriptions.Item>
          {proposal.note && <Descriptions.Item label={t('solution.note')}>{proposal.note}</Descriptions.Item>}
          <Descriptions.Item label={t('solution.pendingApproval')}>
            {proposal.requiresApproval ? (
              <Tag color={proposal.approved ? 'green' : 'gold'}>
                {proposal.approved ? t('solution.approved') : t('solution.pendingApproval')}
              </Tag>
            ) : (
              '—'
            )}
          </Descriptions.Item>
        </Descriptions>
      )}
      {agreement && (
        <Descriptions title={t('solution.agreement')} bordered size="small" column={1}>
          <Descriptions.Item label={t('solution.executionDue')}>
            {formatDateTime(agreement.executionDueAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('solution.terms')}>{agreement.terms}</Descriptions.Item>
          {agreement.chosenOption !== undefined && agreement.chosenOption !== null && (
            <Descriptions.Item label={t('solution.chosen')}>#{agreement.chosenOption + 1}</Descriptions.Item>
          )}
        </Descriptions>
      )}
      {resolution && (
        <Descriptions title={t('solution.resolution')} bordered size="small" column={1}>
          <Descriptions.Item label={formatDateTime(resolution.resolvedAt)}>
            {resolution.summary}
          </Descriptions.Item>
        </Descriptions>
      )}
      {followUp && (
        <Descriptions title={t('solution.followUp')} bordered size="small" column={1}>
          <Descriptions.Item label={formatDateTime(followUp.recordedAt)}>
            <Tag color={followUp.satisfied ? 'green' : 'red'}>
              {followUp.satisfied ? t('solution.satisfied') : t('solution.dissatisfied')}
            </Tag>
            {followUp.csat !== null && <Rate disabled value={followUp.csat} />}
            {followUp.comment && <div>{followUp.comment}</div>}
          </Descriptions.Item>
        </Descriptions>
      )}
      {closure && (
        <Descriptions title={t('solution.closure')} bordered size="small" column={1}>
          <Descriptions.Item label={formatDateTime(closure.at)}>
            {tv(`status.${closure.kind}`)} {closure.reason && `— ${closure.reason}`}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Space>
  );
};
