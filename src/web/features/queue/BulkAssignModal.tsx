import { useQuery } from '@tanstack/react-query';
import { App, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, toQuery } from '../../app/api-client';
import type { DepartmentList, QueueItem, UserPage } from '../../app/api-types';
import { useSession } from '../../app/session';

type Props = {
  readonly items: readonly QueueItem[];
  readonly open: boolean;
  readonly onClose: (changed: boolean) => void;
};

/** Assigns the selected complaints one by one (each is its own audited transition) and reports what failed. */
const BulkAssignModal = ({ items, open, onClose }: Props) => {
  const { t } = useTranslation('queue');
  const { access } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ departmentId: string; assigneeId?: string }>();
  const [busy, setBusy] = useState(false);
  const departmentId = Form.useWatch('departmentId', form);
  const departments = useQuery({
    queryKey: ['departments'],
    queryFn: () => api.get<DepartmentList>('/api/v1/departments'),
    enabled: open,
  });
  const users = useQuery({
    queryKey: ['users', departmentId],
    queryFn: () =>
      api.get<UserPage>(`/api/v1/users${toQuery({ departmentId, status: 'active', limit: 200 })}`),
    enabled: open && !!departmentId && access.has('user.read'),
  });
  const submit = async () => {
    // Invalid fields show their messages; nothing to send.
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    setBusy(true);
    let ok = 0;
    const failures: string[] = [];
    for (const item of items) {
      try {
        await api.post(`/api/v1/complaints/${item.id}/transitions`, {
          type: 'assign',
          departmentId: v.departmentId,
          assigneeId: v.assigneeId ?? null,
          version: item.version,
        });
        ok += 1;
      } catch (e) {
        failures.push(`${item.number} ${e instanceof ApiError ? e.message : String(e)}`);
      }
    }
    setBusy(false);
    if (ok > 0) void message.success(t('assigned', { ok }));
    if (failures.length > 0)
      void message.error(t('assignFailed', { n: failures.length, reason: failures.join('; ') }), 8);
    form.resetFields();
    onClose(ok > 0);
  };
  return (
    <Modal
      open={open}
      title={t('assignTitle', { n: items.length })}
      onOk={() => void submit()}
      confirmLoading={busy}
      onCancel={() => onClose(false)}
      destroyOnClose
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="departmentId"
          label={t('department')}
          rules={[{ required: true, message: t('departmentRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={departments.isPending}
            options={departments.data?.items.map((d) => ({ value: d.id, label: `${d.name} (${d.code})` }))}
          />
        </Form.Item>
        {access.has('user.read') && (
          <Form.Item name="assigneeId" label={t('assigneeOptional')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              loading={users.isFetching}
              options={users.data?.items.map((u) => ({
                value: u.id,
                label: `${u.displayName} (${u.username})`,
              }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
};

export default BulkAssignModal;
