import { TranslationOutlined } from '@ant-design/icons';
import { Button, Layout, Segmented, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { changeLanguage } from '../app/i18n';

const WIDTH = 600;

/** Header with the language switch and the two portal destinations; one narrow column that fits a 360-px phone. */
export const PortalLayout = ({ children }: { children: ReactNode }) => {
  const { t, i18n } = useTranslation('portal');
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    document.title = `${t('brand')} · Closeloop`;
  }, [t, i18n.language]);
  const section = location.pathname.startsWith('/track') ? '/track' : '/';
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Header
        style={{
          background: '#1677ff',
          padding: '0 12px',
          height: 52,
          lineHeight: '52px',
        }}
      >
        <div
          style={{
            maxWidth: WIDTH,
            height: '100%',
            margin: '0 auto',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
          }}
        >
          <Typography.Text strong style={{ color: '#fff', fontSize: 17 }} ellipsis>
            {t('brand')}
          </Typography.Text>
          <Button
            ghost
            icon={<TranslationOutlined />}
            data-testid="portal-lang-switch"
            onClick={() => void changeLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
            style={{ minHeight: 36 }}
          >
            {t('switchTo')}
          </Button>
        </div>
      </Layout.Header>
      <Layout.Content style={{ padding: '12px 12px 32px' }}>
        <div style={{ maxWidth: WIDTH, margin: '0 auto' }}>
          <Segmented
            block
            size="large"
            value={section}
            data-testid="portal-nav"
            onChange={(v) => navigate(v)}
            options={[
              { value: '/', label: t('nav.submit') },
              { value: '/track', label: t('nav.track') },
            ]}
            style={{ marginBottom: 12 }}
          />
          {children}
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 24, fontSize: 12 }}>
            {t('footer')}
          </Typography.Paragraph>
        </div>
      </Layout.Content>
    </Layout>
  );
};
