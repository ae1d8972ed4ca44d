import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api-client';
import type { Communication, CommunicationBody } from '../../app/api-types';
import { formatDateTime } from '../../app/time';

const CHANNELS = ['phone', 'sms', 'email', 'wechat', 'visit', 'letter', 'portal', 'other'] as const;

/** The communication log (R-FUP-1): every contact with the customer, and a quick form to add one. */
export const CommunicationsTab = ({ complaintId }: { complaintId: string }) => {
  const { t } = useTranslation('complaint');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<CommunicationBody>();
  const q = useQuery({
    queryKey: ['communications', complaintId],
    queryFn: () => api.get<{ items: Communication[] }>(`/api/v1/complaints/${complaintId}/communications`),
  });
  const add = async (v: CommunicationBody) => {
    try {
      await api.post(`/api/v1/complaints/${complaintId}/communications`, v);
      void message.success(t('comm.added'));
      form.resetFields(['summary', 'nextStep']);
      await client.invalidateQueries({ queryKey: ['communications', complaintId] });
      await client.invalidateQueries({ queryKey: ['timeline', complaintId] });
      await client.invalidateQueries({ queryKey: ['complaint', complaintId] });
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e), 6);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form<CommunicationBody>
        form={form}
        layout="inline"
        onFinish={(v) => void add(v)}
        initialValues={{ channel: 'phone', direction: 'outbound' }}
      >
        <Form.Item name="channel" label={t('comm.channel')}>
          <Select style={{ width: 110 }} options={CHANNELS.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="direction" label={t('comm.direction')}>
          <Select
            style={{ width: 120 }}
            options={[
              { value: 'outbound', label: t('timeline.outbound') },
              { value: 'inbound', label: t('timeline.inbound') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('comm.summary')}
          rules={[{ required: true, message: t('comm.summaryRequired') }]}
        >
          <Input style={{ width: 320 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="nextStep" label={t('comm.nextStep')}>
          <Input style={{ width: 200 }} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('comm.add')}
        </Button>
      </Form>
      <Table<Communication>
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('timeline.audit'), key: 'at', render: (_, m) => formatDateTime(m.at) },
          { title: t('comm.channel'), dataIndex: 'channel' },
          {
            title: t('comm.direction'),
            key: 'direction',
            render: (_, m) => (m.direction === 'inbound' ? t('timeline.inbound') : t('timeline.outbound')),
          },
          { title: t('comm.summary'), dataIndex: 'summary' },
          { title: t('comm.nextStep'), key: 'next', render: (_, m) => m.nextStep ?? '—' },
        ]}
      />
    </Space>
  );
};
