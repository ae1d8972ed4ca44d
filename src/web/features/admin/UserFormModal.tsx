import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import type { CreateUserBody, CreatedUser, UpdateUserBody, User } from '../../app/api-types';
import { errorText, useDepartments, useRoles } from './admin-hooks';

type Props = {
  /** 'new' to create; a user to edit; undefined = closed. */
  readonly user: User | 'new' | undefined;
  readonly onClose: (changed: boolean, created?: CreatedUser) => void;
};

type Values = {
  username?: string;
  displayName: string;
  email?: string;
  phone?: string;
  roles: NonNullable<CreateUserBody['roles']>;
  departmentIds: string[];
  status?: 'active' | 'disabled';
  reason?: string;
};

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

/** Create a user (the initial password is generated and shown once) or edit name, roles, departments, status. */
export const UserFormModal = ({ user, onClose }: Props) => {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const roles = useRoles();
  const departments = useDepartments(user !== undefined);
  const isNew = user === 'new';

  useEffect(() => {
    if (user === undefined) return;
    form.resetFields();
    if (user !== 'new')
      form.setFieldsValue({
        displayName: user.displayName,
        roles: user.roles,
        // The primary department first: the API takes the first one as primary.
        departmentIds: [...user.departments]
          .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary))
          .map((d) => d.id),
        status: user.status,
      });
    else form.setFieldsValue({ roles: [], departmentIds: [] });
  }, [user, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    setBusy(true);
    try {
      if (isNew) {
        const body: CreateUserBody = {
          username: v.username ?? '',
          displayName: v.displayName,
          roles: v.roles,
          departmentIds: v.departmentIds,
          ...(v.email ? { email: v.email } : {}),
          ...(v.phone ? { phone: v.phone } : {}),
        };
        const created = await api.post<CreatedUser>('/api/v1/users', body);
        void message.success(t('users.createdMsg', { name: created.user.displayName }));
        onClose(true, created);
      } else if (user) {
        const body: UpdateUserBody = {
          version: user.version,
          displayName: v.displayName,
          roles: v.roles,
          departmentIds: v.departmentIds,
          status: v.status,
          ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
        };
        await api.patch<User>(`/api/v1/users/${user.id}`, body);
        void message.success(t('common:saved'));
        void client.invalidateQueries({ queryKey: ['session'] });
        onClose(true);
      }
    } catch (e) {
      void message.error(errorText(e), 6);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={user !== undefined}
      title={isNew ? t('users.create') : t('users.editTitle', { name: user?.username ?? '' })}
      onOk={() => void submit()}
      okButtonProps={{ 'data-testid': 'user-form-submit' } as never}
      confirmLoading={busy}
      onCancel={() => onClose(false)}
      destroyOnClose
      width={560}
    >
      <Form form={form} layout="vertical" data-testid="user-form">
        {isNew && (
          <Form.Item
            name="username"
            label={t('users.col.username')}
            extra={t('users.usernameHint')}
            rules={[
              { required: true, message: t('v.usernameRequired') },
              { pattern: USERNAME, message: t('v.usernamePattern') },
            ]}
          >
            <Input autoComplete="off" maxLength={64} />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('users.col.displayName')}
          rules={[{ required: true, whitespace: true, message: t('v.displayNameRequired') }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        {isNew && (
          <>
            <Form.Item
              name="email"
              label={t('users.email')}
              rules={[{ type: 'email', message: t('v.email') }]}
            >
              <Input maxLength={254} />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('users.phone')}
              rules={[{ pattern: /^\+?[0-9][0-9 -]{4,19}$/, message: t('v.phone') }]}
            >
              <Input maxLength={20} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="roles"
          label={t('users.col.roles')}
          rules={[{ required: true, message: t('v.rolesRequired') }]}
        >
          <Select
            mode="multiple"
            options={roles.options}
            loading={roles.query.isFetching}
            data-testid="user-form-roles"
          />
        </Form.Item>
        <Form.Item name="departmentIds" label={t('users.col.departments')} extra={t('users.primaryHint')}>
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            loading={departments.isPending}
            options={departments.data?.items.map((d) => ({
              value: d.id,
              label: `${'\u3000'.repeat(d.depth)}${d.name} (${d.code})`,
            }))}
          />
        </Form.Item>
        {!isNew && (
          <>
            <Form.Item name="status" label={t('users.col.status')}>
              <Select
                options={(['active', 'disabled'] as const).map((s) => ({
                  value: s,
                  label: t(`users.status.${s}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="reason" label={t('reason')}>
              <Input.TextArea rows={2} maxLength={500} placeholder={t('reasonOptional')} />
            </Form.Item>
          </>
        )}
        {isNew && <Alert type="info" showIcon message={t('users.generatedHint')} />}
      </Form>
    </Modal>
  );
};
