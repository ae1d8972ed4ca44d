import { LockOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, ApiError, setCsrfToken } from '../../app/api-client';
import type { Session } from '../../app/api-types';
import { changeLanguage } from '../../app/i18n';
import { useSession } from '../../app/session';

type Values = { username: string; password: string };

const LoginPage = () => {
  const { t, i18n } = useTranslation('auth');
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const next = params.get('next');
  const { session } = useSession();
  // Leaves for the console once the session is known — after signing in, or at once when already signed in.
  // Navigating from onFinish instead would race the session context: the console could render one frame with the
  // old "signed out" value and send the user straight back here.
  useEffect(() => {
    if (session)
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
  }, [session, next, navigate]);
  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const s = await api.post<Session>('/api/v1/auth/login', v);
      setCsrfToken(s.csrfToken);
      // A session probe sent before signing in (no cookie yet) may still be on its way: cancelled here, or its
      // "signed out" answer would land after this one and send the user back to the login page.
      await client.cancelQueries({ queryKey: ['session'] });
      client.setQueryData(['session'], s);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 360 }}>
        <Typography.Title level={3} style={{ marginBottom: 0 }}>
          Closeloop
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('subtitle')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<Values> layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('username')}
            rules={[{ required: true, message: t('usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('password')}
            rules={[{ required: true, message: t('passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login')}
          </Button>
        </Form>
        <Button
          type="link"
          icon={<TranslationOutlined />}
          style={{ marginTop: 8, paddingLeft: 0 }}
          onClick={() => void changeLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
        >
          {t('common:switchTo')}
        </Button>
      </Card>
    </div>
  );
};

export default LoginPage;
