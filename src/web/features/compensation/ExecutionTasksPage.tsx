import { useQuery } from '@tanstack/react-query';
import { Card, Segmented, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toQuery } from '../../app/api-client';
import type { ExecutionTasks } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { compensationMessages } from './compensation.i18n';
import { TASKS_KEY } from './compensation-queries';
import { ExecutionTasksTable } from './ExecutionTasksTable';

registerMessages('compensation', compensationMessages);

type StatusFilter = 'open' | 'done' | 'all';

/** Execution tasks across complaints (R-RES-9): open or done, overdue only, or only those of my roles. */
const ExecutionTasksPage = () => {
  const { t } = useTranslation('compensation');
  const [status, setStatus] = useState<StatusFilter>('open');
  const [overdue, setOverdue] = useState(false);
  const [mine, setMine] = useState(false);
  const query = {
    status: status === 'all' ? undefined : status,
    overdue: overdue ? 'true' : undefined,
    mine: mine ? 'true' : undefined,
    limit: 200,
  };
  const q = useQuery({
    queryKey: [...TASKS_KEY, query],
    queryFn: () => api.get<ExecutionTasks>(`/api/v1/compensation/tasks${toQuery(query)}`),
  });
  return (
    <Card title={t('tasks.pageTitle')} data-testid="execution-tasks">
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <Segmented<StatusFilter>
          value={status}
          onChange={setStatus}
          options={[
            { value: 'open', label: t('taskStatus.open') },
            { value: 'done', label: t('taskStatus.done') },
            { value: 'all', label: t('common:all') },
          ]}
        />
        <Space>
          <Switch checked={overdue} onChange={setOverdue} data-testid="tasks-overdue" />
          <Typography.Text>{t('tasks.onlyOverdue')}</Typography.Text>
        </Space>
        <Space>
          <Switch checked={mine} onChange={setMine} data-testid="tasks-mine" />
          <Typography.Text>{t('tasks.onlyMine')}</Typography.Text>
        </Space>
      </Space>
      <ExecutionTasksTable tasks={q.data?.items ?? []} loading={q.isPending} showComplaint />
    </Card>
  );
};

export default ExecutionTasksPage;
