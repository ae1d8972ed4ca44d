import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Empty, Space, Spin, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../app/time';
import { compensationMessages } from './compensation.i18n';
import { formatYuan } from './compensation-format';
import { useCompensation, usePendingApprovals } from './compensation-queries';
import { CostAllocationPanel } from './CostAllocationPanel';
import { ExecutionTasksTable } from './ExecutionTasksTable';
import { ProposalStatusTag, ProposalVersion } from './ProposalVersion';
import { ProposeModal } from './ProposeModal';
import { SignModal } from './SignModal';

registerMessages('compensation', compensationMessages);

/** The engine can propose while the complaint is under investigation or its solution is still being decided. */
const PROPOSABLE = new Set(['investigating', 'solution_proposed']);

/**
 * The complaint's compensation (issue 5): the proposal in force with its options, why the policy chose them and its
 * electronic signatures step by step; earlier versions (their signatures void) folded away; the execution tasks of
 * the agreed solution; the cost allocation for those who split the cost (R-RES-8). Proposing and signing start here.
 */
export const CompensationTab = ({ complaint }: { complaint: Complaint }) => {
  const { t } = useTranslation('compensation');
  const { access } = useSession();
  const q = useCompensation(complaint.id);
  const pending = usePendingApprovals();
  const [proposing, setProposing] = useState(false);
  const [signing, setSigning] = useState(false);
  if (q.isPending) return <Spin style={{ display: 'block', margin: 32 }} />;
  if (q.error)
    return (
      <Alert
        type="error"
        showIcon
        message={t('loadFailed')}
        description={q.error.message}
        action={<Button onClick={() => void q.refetch()}>{t('reload')}</Button>}
      />
    );
  const view = q.data;
  const current = view.current;
  const older = view.history.filter((p) => p.id !== current?.id);
  const mine =
    current?.status === 'pending_approval'
      ? pending.data?.items.find((p) => p.proposalId === current.id)
      : undefined;
  const canPropose = access.canPropose && PROPOSABLE.has(view.complaintStatus);
  const exposure = current ? Math.max(0, ...current.options.map((o) => o.amountFen)) : 0;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="compensation">
      {(canPropose || mine) && (
        <Space wrap>
          {mine && (
            <Button type="primary" data-testid="compensation-sign" onClick={() => setSigning(true)}>
              {t('sign.button')}
            </Button>
          )}
          {canPropose && (
            <Button
              type={mine ? 'default' : 'primary'}
              data-testid="compensation-propose"
              onClick={() => setProposing(true)}
            >
              {current ? t('propose.revise') : t('propose.button')}
            </Button>
          )}
        </Space>
      )}
      {current ? (
        <Card
          size="small"
          data-testid="compensation-current"
          title={
            <Space wrap>
              <span>{t('proposal.current')}</span>
              <span data-testid="proposal-version">{t('proposal.version', { n: current.version })}</span>
              <ProposalStatusTag status={current.status} />
              <Typography.Text type="danger">{formatYuan(exposure)}</Typography.Text>
            </Space>
          }
        >
          <ProposalVersion proposal={current} />
        </Card>
      ) : (
        <Empty description={t('none')}>
          <Typography.Text type="secondary">{t('noneHint')}</Typography.Text>
        </Empty>
      )}
      {(view.tasks.length > 0 || current?.status === 'approved') && (
        <Card
          size="small"
          title={t('tasks.title')}
          data-testid="compensation-tasks"
          extra={
            current?.writeOffNo &&
            access.canExecute && (
              <Tooltip title={t('writeOff.hint')}>
                <Button
                  size="small"
                  icon={<PrinterOutlined />}
                  href={`/api/v1/complaints/${complaint.id}/compensation/write-off-form`}
                  target="_blank"
                  rel="noopener"
                  data-testid="write-off-form"
                  data-form-no={current.writeOffNo}
                >
                  {t('writeOff.print', { no: current.writeOffNo })}
                </Button>
              </Tooltip>
            )
          }
        >
          <ExecutionTasksTable tasks={view.tasks} />
        </Card>
      )}
      {access.canAllocateCost && <CostAllocationPanel complaint={complaint} />}
      {older.length > 0 && (
        <Collapse
          data-testid="compensation-history"
          items={[
            {
              key: 'history',
              label: t('proposal.history', { n: older.length }),
              children: (
                <Collapse
                  size="small"
                  items={older.map((p) => ({
                    key: p.id,
                    label: (
                      <Space wrap>
                        <span>{t('proposal.version', { n: p.version })}</span>
                        <ProposalStatusTag status={p.status} />
                        <Typography.Text type="secondary">{formatDateTime(p.createdAt)}</Typography.Text>
                      </Space>
                    ),
                    children: <ProposalVersion proposal={p} />,
                  }))}
                />
              ),
            },
          ]}
        />
      )}
      <ProposeModal
        complaintId={complaint.id}
        current={current}
        open={proposing}
        onClose={() => setProposing(false)}
      />
      <SignModal
        proposal={signing ? (current ?? undefined) : undefined}
        pending={signing ? mine : undefined}
        onClose={() => setSigning(false)}
      />
    </Space>
  );
};
