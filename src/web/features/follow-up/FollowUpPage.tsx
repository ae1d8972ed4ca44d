import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Rate, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../app/api-client';
import type { FollowUpList, QueuePage } from '../../app/api-types';
import { formatDateTime } from '../../app/time';
import { StatusTag } from '../shared/StatusTag';
import { registerMessages } from '../../app/i18n';
import { followUpMessages } from './follow-up.i18n';
import { complaintMessages } from '../complaint/complaint.i18n';

registerMessages('followUp', followUpMessages);
registerMessages('complaint', complaintMessages);

type Task = FollowUpList['items'][number];
const STATE_COLOR = { upcoming: 'default', due: 'processing', overdue: 'error' } as const;

/** Follow-up calls (R-FUP-1: day 5–7 after resolution) with a call script and the outcome, and the re-review queue. */
const FollowUpPage = () => {
  const { t } = useTranslation('followUp');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [task, setTask] = useState<Task>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ satisfied: boolean; csat: number; comment?: string }>();
  const tasks = useQuery({
    queryKey: ['follow-ups'],
    queryFn: () => api.get<FollowUpList>('/api/v1/follow-ups?limit=200'),
  });
  const reviews = useQuery({
    queryKey: ['queue', 'reviews'],
    queryFn: () => api.get<QueuePage>('/api/v1/complaints?status=solution_proposed&limit=100'),
  });
  const record = async () => {
    if (!task) return;
    // Invalid fields show their messages; nothing to send.
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    setBusy(true);
    try {
      let version = task.complaint.version;
      if (task.complaint.status === 'resolved') {
        const started = await api.post<{ version: number }>(
          `/api/v1/complaints/${task.complaint.id}/transitions`,
          {
            type: 'start_follow_up',
            version,
          },
        );
        version = started.version;
      }
      await api.post(`/api/v1/complaints/${task.complaint.id}/transitions`, {
        type: 'record_follow_up',
        version,
        satisfied: v.satisfied,
        csat: v.csat ?? null,
        ...(v.comment ? { comment: v.comment } : {}),
      });
      void message.success(t('recorded'));
      setTask(undefined);
      await client.invalidateQueries({ queryKey: ['follow-ups'] });
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e), 6);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('title')}>
      <Tabs
        items={[
          {
            key: 'tasks',
            label: t('tasks'),
            children: (
              <Table<Task>
                rowKey={(r) => r.complaint.id}
                loading={tasks.isPending}
                dataSource={tasks.data?.items ?? []}
                locale={{ emptyText: t('empty') }}
                pagination={false}
                columns={[
                  {
                    title: t('number'),
                    key: 'n',
                    render: (_, r) => <Link to={`/complaints/${r.complaint.id}`}>{r.complaint.number}</Link>,
                  },
                  { title: t('customer'), key: 'c', render: (_, r) => r.complaint.customerName },
                  { title: t('product'), key: 'p', render: (_, r) => r.complaint.productName ?? '—' },
                  {
                    title: t('status'),
                    key: 's',
                    render: (_, r) => <StatusTag status={r.complaint.status} />,
                  },
                  {
                    title: t('window'),
                    key: 'w',
                    render: (_, r) => (
                      <>
                        <Tag color={STATE_COLOR[r.state]}>{t(`state.${r.state}`)}</Tag>
                        {formatDateTime(r.opensAt)} – {formatDateTime(r.dueAt)}
                      </>
                    ),
                  },
                  {
                    title: t('common:actions'),
                    key: 'a',
                    render: (_, r) => (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => setTask(r)}
                        data-testid={`follow-up-${r.complaint.number}`}
                      >
                        {t('record')}
                      </Button>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'reviews',
            label: t('reviews'),
            children: (
              <Table
                rowKey="id"
                loading={reviews.isPending}
                dataSource={reviews.data?.items ?? []}
                locale={{ emptyText: t('reviewEmpty') }}
                pagination={false}
                columns={[
                  {
                    title: t('number'),
                    key: 'n',
                    render: (_, r) => <Link to={`/complaints/${r.id}`}>{r.number}</Link>,
                  },
                  { title: t('customer'), key: 'c', render: (_, r) => r.customerName },
                  { title: t('status'), key: 's', render: (_, r) => <StatusTag status={r.status} /> },
                  { title: t('nextDue'), key: 'd', render: (_, r) => formatDateTime(r.nextDueAt) },
                ]}
              />
            ),
          },
        ]}
      />
      <Modal
        open={!!task}
        title={t('record')}
        onOk={() => void record()}
        confirmLoading={busy}
        onCancel={() => setTask(undefined)}
        destroyOnClose
      >
        {task && (
          <>
            <Typography.Paragraph type="secondary">{t('script')}</Typography.Paragraph>
            <Typography.Paragraph style={{ background: '#f6ffed', padding: 12, borderRadius: 6 }}>
              {t('scriptText', {
                name: task.complaint.customerName,
                product: task.complaint.productName ?? '',
                number: task.complaint.number,
              })}
            </Typography.Paragraph>
            <Form form={form} layout="vertical" initialValues={{ satisfied: true, csat: 5 }}>
              <Form.Item name="satisfied" label={t('complaint:action.satisfied')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item name="csat" label={t('complaint:action.csat')}>
                <Rate />
              </Form.Item>
              <Form.Item name="comment" label={t('complaint:action.comment')}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            </Form>
          </>
        )}
      </Modal>
    </Card>
  );
};

export default FollowUpPage;
