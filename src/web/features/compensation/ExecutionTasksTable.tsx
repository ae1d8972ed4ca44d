import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ExecutionTask } from '../../app/api-types';
import { formatDateTime } from '../../app/time';
import { useSession } from '../../app/session';
import { CompleteTaskModal, isPaymentTask } from './CompleteTaskModal';
import { formatYuan, rowTestId, useCompensationLabels } from './compensation-format';

const STATUS_COLOR = { open: 'processing', done: 'success', cancelled: 'default' } as const;

/**
 * Execution tasks of agreed solutions (R-RES-9) with their owner role, due date and an overdue mark; holders of
 * the owner role (and the service manager) complete them — finance marks payments paid with the voucher number.
 */
export const ExecutionTasksTable = ({
  tasks,
  loading,
  showComplaint,
}: {
  tasks: readonly ExecutionTask[];
  loading?: boolean;
  showComplaint?: boolean;
}) => {
  const { t } = useTranslation('compensation');
  const labels = useCompensationLabels();
  const { session, access } = useSession();
  const [completing, setCompleting] = useState<ExecutionTask>();
  const roles: readonly string[] = session?.user.roles ?? [];
  const mayComplete = (task: ExecutionTask) =>
    access.canExecute &&
    task.status === 'open' &&
    (roles.includes(task.ownerRole) || roles.includes('service_manager'));
  return (
    <>
      <Table<ExecutionTask>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={[...tasks]}
        pagination={false}
        locale={{ emptyText: t('tasks.none') }}
        onRow={(task) => rowTestId(`task-${task.kind}`)}
        columns={[
          ...(showComplaint
            ? [
                {
                  title: t('tasks.complaint'),
                  key: 'complaint',
                  render: (_: unknown, task: ExecutionTask) => (
                    <Link to={`/complaints/${task.complaintId}?tab=compensation`}>{t('tasks.view')}</Link>
                  ),
                },
              ]
            : []),
          { title: t('tasks.kind'), key: 'kind', render: (_, task) => t(`taskKind.${task.kind}`) },
          { title: t('tasks.option'), key: 'option', render: (_, task) => labels.kind(task.optionKind) },
          {
            title: t('tasks.amount'),
            key: 'amount',
            align: 'right',
            render: (_, task) => formatYuan(task.amountFen),
          },
          { title: t('tasks.owner'), key: 'owner', render: (_, task) => labels.role(task.ownerRole) },
          {
            title: t('tasks.due'),
            key: 'due',
            render: (_, task) => (
              <Space size={4} wrap>
                <span>{formatDateTime(task.dueAt)}</span>
                {task.overdue && (
                  <Tag color="red" data-testid="task-overdue">
                    {t('tasks.overdue')}
                  </Tag>
                )}
                {task.escalatedAt && <Tag color="volcano">{t('tasks.escalated')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('tasks.status'),
            key: 'status',
            render: (_, task) => (
              <Tag color={STATUS_COLOR[task.status]} data-task-status={task.status}>
                {t(`taskStatus.${task.status}`)}
              </Tag>
            ),
          },
          {
            title: t('tasks.reference'),
            key: 'reference',
            render: (_, task) =>
              task.reference ? (
                <div>
                  <Typography.Text code>{task.reference}</Typography.Text>
                  {task.doneAt && (
                    <div>
                      <Typography.Text type="secondary">{formatDateTime(task.doneAt)}</Typography.Text>
                    </div>
                  )}
                </div>
              ) : task.doneAt ? (
                formatDateTime(task.doneAt)
              ) : (
                '—'
              ),
          },
          {
            title: t('common:actions'),
            key: 'actions',
            render: (_, task) =>
              mayComplete(task) ? (
                <Button
                  size="small"
                  type="primary"
                  data-testid={`task-complete-${task.kind}`}
                  onClick={() => setCompleting(task)}
                >
                  {isPaymentTask(task) ? t('tasks.markPaid') : t('tasks.complete')}
                </Button>
              ) : null,
          },
        ]}
      />
      <CompleteTaskModal task={completing} onClose={() => setCompleting(undefined)} />
    </>
  );
};
