import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Result, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { loadReceipt, type StoredReceipt } from './receipt-store';

/** After submit: the number, the tracking link to keep, and what happens next. */
export const ReceiptPage = () => {
  const { t } = useTranslation('portal');
  const location = useLocation();
  const navigate = useNavigate();
  const stored = (location.state as StoredReceipt | null) ?? loadReceipt();
  if (!stored)
    return (
      <Card variant="borderless">
        <Result
          status="info"
          title={t('receipt.missing')}
          extra={
            <Button type="primary" size="large" onClick={() => navigate('/')}>
              {t('receipt.another')}
            </Button>
          }
        />
      </Card>
    );
  const { receipt, photos } = stored;
  const trackingUrl = new URL(receipt.trackingUrl, window.location.origin).toString();
  const trackingPath = receipt.trackingUrl.replace(/^\/portal/, '') || '/track';
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card variant="borderless" styles={{ body: { padding: 16, textAlign: 'center' } }}>
        <CheckCircleFilled style={{ fontSize: 56, color: '#52c41a' }} />
        <Typography.Title level={4} style={{ marginTop: 12 }}>
          {t('receipt.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('receipt.number')}</Typography.Text>
        <Typography.Title
          level={2}
          copyable={{ text: receipt.number }}
          style={{ margin: '4px 0 0', letterSpacing: 1 }}
          data-testid="portal-receipt-number"
        >
          {receipt.number}
        </Typography.Title>
      </Card>
      {photos && photos.uploaded > 0 && (
        <Alert type="success" showIcon message={t('receipt.photosUploaded', { n: photos.uploaded })} />
      )}
      {photos && photos.failed > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('receipt.photosFailed', { n: photos.failed, reason: photos.reason ?? '' })}
          data-testid="portal-photos-failed"
        />
      )}
      <Card variant="borderless" styles={{ body: { padding: 16 } }}>
        <Typography.Paragraph>{t('receipt.keepLink')}</Typography.Paragraph>
        <Typography.Paragraph
          copyable={{ text: trackingUrl, tooltips: [t('receipt.copy'), t('receipt.copied')] }}
          style={{ wordBreak: 'break-all', background: '#f5f5f5', padding: '8px 10px', borderRadius: 6 }}
        >
          <a href={trackingUrl} data-testid="portal-tracking-link">
            {trackingUrl}
          </a>
        </Typography.Paragraph>
        <Button
          type="primary"
          block
          size="large"
          style={{ height: 48 }}
          onClick={() => navigate(trackingPath)}
          data-testid="portal-open-tracking"
        >
          {t('receipt.open')}
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('receipt.byNumber')}
        </Typography.Paragraph>
      </Card>
      <Card variant="borderless" title={t('receipt.next')} styles={{ body: { padding: 16 } }}>
        <Steps
          direction="vertical"
          size="small"
          current={0}
          items={[
            { title: t('receipt.step1') },
            { title: t('receipt.step2') },
            { title: t('receipt.step3') },
          ]}
        />
      </Card>
      <Button block size="large" onClick={() => navigate('/')}>
        {t('receipt.another')}
      </Button>
    </Space>
  );
};
