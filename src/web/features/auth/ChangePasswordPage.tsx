import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../app/api-client';
import { useSession } from '../../app/session';

type Values = { currentPassword: string; newPassword: string; confirm: string };

const ChangePasswordPage = () => {
  const { t } = useTranslation('auth');
  const { session, refresh } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const onFinish = async (v: Values) => {
    setError(undefined);
    try {
      await api.post('/api/v1/auth/password', {
        currentPassword: v.currentPassword,
        newPassword: v.newPassword,
      });
      void message.success(t('changed'));
      await refresh();
      navigate('/');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Card title={t('common:changePassword')} style={{ maxWidth: 480 }}>
      {session?.user.mustChangePassword && (
        <Alert type="warning" showIcon message={t('mustChange')} style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="currentPassword"
          label={t('currentPassword')}
          rules={[{ required: true, message: t('passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('newPassword')}
          extra={t('policy')}
          rules={[{ required: true, min: 10, message: t('policy') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common:save')}
        </Button>
      </Form>
    </Card>
  );
};
export default ChangePasswordPage;
