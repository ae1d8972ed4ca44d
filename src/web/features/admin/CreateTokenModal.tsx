import { App, DatePicker, Form, Input, Modal, Select, Space, Button } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import type { CreateApiTokenBody, CreatedApiToken } from '../../app/api-types';
import { useSession } from '../../app/session';
import { dayjs, DISPLAY_TIME_ZONE } from '../../app/time';
import { errorText } from './admin-hooks';

type Props = { readonly open: boolean; readonly onClose: (created: CreatedApiToken | undefined) => void };
type Values = { name: string; scopes: CreateApiTokenBody['scopes']; expiresAt?: Dayjs | null };

/** Issues a token: a name, scopes within the issuer's own permissions, an optional expiry (end of that day). */
export const CreateTokenModal = ({ open, onClose }: Props) => {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const { session } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const mine = session?.permissions.map((p) => p.permission) ?? [];

  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    setBusy(true);
    try {
      const expiresAt = v.expiresAt
        ? dayjs.tz(v.expiresAt.format('YYYY-MM-DD'), DISPLAY_TIME_ZONE).endOf('day').toISOString()
        : null;
      const body: CreateApiTokenBody = { name: v.name.trim(), scopes: v.scopes, expiresAt };
      const created = await api.post<CreatedApiToken>('/api/v1/api-tokens', body);
      form.resetFields();
      onClose(created);
    } catch (e) {
      void message.error(errorText(e), 6);
    } finally {
      setBusy(false);
    }
  };

  const expireIn = (days: number) => form.setFieldValue('expiresAt', dayjs().add(days, 'day'));

  return (
    <Modal
      open={open}
      title={t('tokens.create')}
      onOk={() => void submit()}
      okButtonProps={{ 'data-testid': 'token-form-submit' } as never}
      confirmLoading={busy}
      onCancel={() => onClose(undefined)}
      destroyOnClose
      width={600}
    >
      <Form form={form} layout="vertical" initialValues={{ scopes: [] }} data-testid="token-form">
        <Form.Item
          name="name"
          label={t('tokens.name')}
          extra={t('tokens.nameHint')}
          rules={[{ required: true, whitespace: true, message: t('v.tokenNameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('tokens.scopes')}
          extra={t('tokens.scopesHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('v.scopesRequired') }]}
        >
          <Select
            mode="multiple"
            optionFilterProp="label"
            data-testid="token-form-scopes"
            options={mine.map((p) => ({ value: p, label: `${t(`perm.${p}`)} (${p})` }))}
          />
        </Form.Item>
        <Form.Item label={t('tokens.expiresAt')} extra={t('tokens.expiryHint')}>
          <Space wrap>
            <Form.Item name="expiresAt" noStyle>
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
            {[30, 90, 365].map((n) => (
              <Button key={n} size="small" onClick={() => expireIn(n)}>
                {t('tokens.inDays', { n })}
              </Button>
            ))}
          </Space>
        </Form.Item>
      </Form>
    </Modal>
  );
};
