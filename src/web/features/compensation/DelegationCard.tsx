import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, toQuery } from '../../app/api-client';
import type { CreateDelegationBody, Delegation, Delegations, UserPage } from '../../app/api-types';
import { useSession } from '../../app/session';
import { dayjs, formatDateTime } from '../../app/time';
import { PENDING_APPROVALS_KEY } from './compensation-queries';

const DELEGATIONS_KEY = ['approval-delegations'] as const;

type Values = { delegateId: string; window: [Dayjs, Dayjs]; reason: string };

/** Active users matching what was typed (server-side search on username and display name). */
const useUserSearch = (q: string) => {
  const { access } = useSession();
  return useQuery({
    queryKey: ['users', 'search', q],
    queryFn: () =>
      api.get<UserPage>(`/api/v1/users${toQuery({ q: q || undefined, status: 'active', limit: 50 })}`),
    enabled: access.has('user.read'),
    staleTime: 60_000,
  });
};

/**
 * R-APR-1 delegation while away: the delegate may sign for the delegator's approver roles within the period; the
 * signature then says "on behalf of". The delegator lists and revokes their delegations here.
 */
export const DelegationCard = () => {
  const { t } = useTranslation('compensation');
  const { message } = App.useApp();
  const { session } = useSession();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [search, setSearch] = useState('');
  const list = useQuery({
    queryKey: DELEGATIONS_KEY,
    queryFn: () => api.get<Delegations>('/api/v1/approval-delegations'),
  });
  const users = useUserSearch(search);
  const me = session?.user.id;

  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: DELEGATIONS_KEY }),
      client.invalidateQueries({ queryKey: PENDING_APPROVALS_KEY }),
    ]);

  const create = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    setBusy(true);
    setError(undefined);
    try {
      const body: CreateDelegationBody = {
        delegateId: v.delegateId,
        startsAt: v.window[0].toISOString(),
        endsAt: v.window[1].toISOString(),
        reason: v.reason.trim(),
      };
      await api.post<Delegation>('/api/v1/approval-delegations', body);
      void message.success(t('delegation.created'));
      await refresh();
      setCreating(false);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (d: Delegation) => {
    try {
      await api.post(`/api/v1/approval-delegations/${d.id}/revoke`);
      void message.success(t('delegation.revoked'));
      await refresh();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e), 6);
    }
  };

  const required = [{ required: true, message: t('delegation.required') }];
  return (
    <Card
      title={t('delegation.title')}
      data-testid="delegations"
      extra={
        <Button
          data-testid="delegation-create"
          onClick={() => {
            setError(undefined);
            setCreating(true);
          }}
        >
          {t('delegation.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('delegation.hint')}</Typography.Paragraph>
      <Table<Delegation>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('delegation.empty') }}
        columns={[
          { title: t('delegation.delegator'), dataIndex: 'delegatorName' },
          { title: t('delegation.delegate'), dataIndex: 'delegateName' },
          {
            title: t('delegation.window'),
            key: 'window',
            render: (_, d) => `${formatDateTime(d.startsAt)} – ${formatDateTime(d.endsAt)}`,
          },
          { title: t('delegation.reason'), dataIndex: 'reason' },
          {
            title: t('delegation.state'),
            key: 'state',
            render: (_, d) =>
              d.active ? (
                <Tag color="green">{t('delegation.active')}</Tag>
              ) : (
                <Tag>{t('delegation.inactive')}</Tag>
              ),
          },
          {
            title: t('common:actions'),
            key: 'actions',
            render: (_, d) =>
              d.delegatorId === me && dayjs(d.endsAt).isAfter(dayjs()) ? (
                <Popconfirm title={t('delegation.revokeConfirm')} onConfirm={() => void revoke(d)}>
                  <Button size="small" danger data-testid={`delegation-revoke-${d.id}`}>
                    {t('delegation.revoke')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('delegation.createTitle')}
        onCancel={() => setCreating(false)}
        onOk={() => void create()}
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'delegation-submit' } as never}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ window: [dayjs(), dayjs().add(7, 'day').endOf('day')] }}
        >
          <Form.Item name="delegateId" label={t('delegation.delegate')} rules={required}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setSearch}
              placeholder={t('delegation.searchUser')}
              loading={users.isFetching}
              data-testid="delegation-delegate"
              options={(users.data?.items ?? [])
                .filter((u) => u.id !== me)
                .map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
            />
          </Form.Item>
          <Form.Item name="window" label={t('delegation.window')} rules={required}>
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('delegation.reason')} rules={[...required, { whitespace: true }]}>
            <Input.TextArea rows={2} maxLength={500} data-testid="delegation-reason" />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon message={error} />}
      </Modal>
    </Card>
  );
};
