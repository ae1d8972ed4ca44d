import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toQuery } from '../../app/api-client';
import type {
  BatchCase,
  CompleteSealTaskBody,
  CreateSealTasksBody,
  SealTask,
  UserPage,
} from '../../app/api-types';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../app/time';
import { rowTestId } from '../compensation/compensation-format';
import { useUserNames } from '../compensation/compensation-queries';
import { useNow } from '../shared/useNow';
import { formatUnits } from './batch-case-format';
import { batchCaseKey, useRefreshQuality, useWrite } from './quality-queries';

type CompleteValues = { sealedQuantity: number; note?: string };
type AddValues = { region: string; expectedQuantity?: number; ownerId?: string };

/** R-BAT-4 下架封存: one task per region, each completed once with the units sealed. */
export const SealTasksCard = ({ batchCase }: { batchCase: BatchCase }) => {
  const { t } = useTranslation('batchCase');
  const { access } = useSession();
  const userName = useUserNames();
  const now = useNow();
  const refresh = useRefreshQuality();
  const client = useQueryClient();
  const { busy, run } = useWrite();
  const [completing, setCompleting] = useState<SealTask>();
  const [adding, setAdding] = useState(false);
  const [completeForm] = Form.useForm<CompleteValues>();
  const [addForm] = Form.useForm<AddValues>();
  const users = useQuery({
    queryKey: ['users', 'active'],
    queryFn: () => api.get<UserPage>(`/api/v1/users${toQuery({ limit: 200, status: 'active' })}`),
    enabled: adding && access.has('user.read'),
    staleTime: 300_000,
  });
  const mayManage = access.has('batch.manage') && batchCase.status !== 'closed';

  const createTasks = async (body: CreateSealTasksBody, success: string) => {
    const view = await run(
      () => api.post<BatchCase>(`/api/v1/batch-cases/${batchCase.id}/seal-tasks`, body),
      success,
    );
    if (view) await refresh.batchCase(view);
    return view;
  };

  const complete = async () => {
    if (!completing) return;
    const v = await completeForm.validateFields().catch(() => undefined);
    if (!v) return;
    const body: CompleteSealTaskBody = {
      sealedQuantity: v.sealedQuantity,
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    };
    const done = await run(
      () => api.post<SealTask>(`/api/v1/seal-tasks/${completing.id}/complete`, body),
      t('seal.completeDone', { region: completing.region }),
    );
    if (!done) return;
    await client.invalidateQueries({ queryKey: batchCaseKey(batchCase.id) });
    completeForm.resetFields();
    setCompleting(undefined);
  };

  const add = async () => {
    const v = await addForm.validateFields().catch(() => undefined);
    if (!v) return;
    const view = await createTasks(
      {
        regions: [
          {
            region: v.region.trim(),
            ...(v.expectedQuantity != null ? { expectedQuantity: v.expectedQuantity } : {}),
            ...(v.ownerId ? { ownerId: v.ownerId } : {}),
          },
        ],
      },
      t('seal.addDone', { region: v.region.trim() }),
    );
    if (!view) return;
    addForm.resetFields();
    setAdding(false);
  };

  return (
    <Card
      title={t('seal.title')}
      data-testid="seal-tasks"
      extra={
        mayManage && (
          <Space>
            <Button
              data-testid="seal-create-default"
              loading={busy}
              onClick={() => void createTasks({}, t('seal.createDefaultDone'))}
            >
              {t('seal.createDefault')}
            </Button>
            <Button data-testid="seal-add-region" onClick={() => setAdding(true)}>
              {t('seal.addRegion')}
            </Button>
          </Space>
        )
      }
    >
      <Table<SealTask>
        size="small"
        rowKey="id"
        dataSource={batchCase.sealTasks}
        pagination={false}
        locale={{ emptyText: t('seal.none') }}
        onRow={(task) => rowTestId(`seal-${task.region}`)}
        columns={[
          { title: t('seal.region'), dataIndex: 'region' },
          {
            title: t('seal.expected'),
            key: 'expected',
            align: 'right',
            render: (_, task) => formatUnits(task.expectedQuantity),
          },
          {
            title: t('seal.sealed'),
            key: 'sealed',
            align: 'right',
            render: (_, task) => <span data-testid="seal-sealed">{formatUnits(task.sealedQuantity)}</span>,
          },
          { title: t('seal.owner'), key: 'owner', render: (_, task) => userName(task.ownerId) },
          {
            title: t('seal.due'),
            key: 'due',
            render: (_, task) => (
              <Space size={4}>
                <span>{formatDateTime(task.dueAt)}</span>
                {task.status === 'open' && new Date(task.dueAt).getTime() < now && (
                  <Tag color="red">{t('seal.overdue')}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('seal.status'),
            key: 'status',
            render: (_, task) => (
              <Tag color={task.status === 'done' ? 'success' : 'processing'} data-status={task.status}>
                {t(`seal.${task.status}`)}
              </Tag>
            ),
          },
          {
            title: t('seal.doneAt'),
            key: 'doneAt',
            render: (_, task) =>
              task.doneAt ? (
                <div>
                  <div>{formatDateTime(task.doneAt)}</div>
                  {task.note && <Typography.Text type="secondary">{task.note}</Typography.Text>}
                </div>
              ) : (
                '—'
              ),
          },
          {
            title: t('common:actions'),
            key: 'actions',
            render: (_, task) =>
              mayManage && task.status === 'open' ? (
                <Button
                  size="small"
                  type="primary"
                  data-testid="seal-complete"
                  onClick={() => {
                    completeForm.setFieldsValue({ sealedQuantity: task.expectedQuantity ?? undefined });
                    setCompleting(task);
                  }}
                >
                  {t('seal.complete')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={!!completing}
        title={t('seal.completeTitle', { region: completing?.region ?? '' })}
        okButtonProps={{ 'data-testid': 'seal-complete-submit' } as never}
        confirmLoading={busy}
        onOk={() => void complete()}
        onCancel={() => {
          completeForm.resetFields();
          setCompleting(undefined);
        }}
        forceRender
      >
        <Form form={completeForm} name="seal-complete" layout="vertical">
          <Form.Item
            name="sealedQuantity"
            label={t('seal.sealed')}
            extra={
              completing?.expectedQuantity != null
                ? `${t('seal.expected')}: ${formatUnits(completing.expectedQuantity)}`
                : undefined
            }
            rules={[{ required: true, message: t('seal.sealedRequired') }]}
          >
            <InputNumber min={0} precision={0} style={{ width: 200 }} data-testid="seal-quantity" />
          </Form.Item>
          <Form.Item name="note" label={t('seal.note')}>
            <Input.TextArea
              rows={3}
              maxLength={2000}
              placeholder={t('seal.notePlaceholder')}
              data-testid="seal-note"
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={adding}
        title={t('seal.addTitle')}
        okButtonProps={{ 'data-testid': 'seal-add-submit' } as never}
        confirmLoading={busy}
        onOk={() => void add()}
        onCancel={() => {
          addForm.resetFields();
          setAdding(false);
        }}
        forceRender
      >
        <Form form={addForm} name="seal-add" layout="vertical">
          <Form.Item
            name="region"
            label={t('seal.region')}
            rules={[{ required: true, whitespace: true, message: t('seal.regionRequired') }]}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="expectedQuantity" label={t('seal.expected')} extra={t('seal.expectedHint')}>
            <InputNumber min={0} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="ownerId" label={t('seal.owner')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('seal.ownerPlaceholder')}
              loading={users.isFetching}
              options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
};
