import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Values = { readonly number: string; readonly phoneLast4: string };

const NUMBER = /^[Kk][Ss]-\d{4}-\d{6,}$/;

/** Look-up by the complaint number and the last 4 digits of the phone given at submit. */
export const TrackLookupForm = ({
  onLookup,
  loading,
  initial,
}: {
  readonly onLookup: (v: Values) => void;
  readonly loading: boolean;
  readonly initial?: Values | undefined;
}) => {
  const { t } = useTranslation('portal');
  return (
    <Card variant="borderless" styles={{ body: { padding: 16 } }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('track.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('track.intro')}</Typography.Paragraph>
      <Form<Values>
        layout="vertical"
        size="large"
        initialValues={initial}
        onFinish={(v) => onLookup({ number: v.number.trim().toUpperCase(), phoneLast4: v.phoneLast4.trim() })}
        data-testid="portal-track-form"
      >
        <Form.Item
          name="number"
          label={t('track.number')}
          rules={[
            { required: true, whitespace: true, message: t('track.numberRequired') },
            { pattern: NUMBER, message: t('track.numberInvalid'), transform: (v: string) => v?.trim() },
          ]}
        >
          <Input
            placeholder={t('track.numberPlaceholder')}
            autoCapitalize="characters"
            data-testid="portal-track-number"
          />
        </Form.Item>
        <Form.Item
          name="phoneLast4"
          label={t('track.phoneLast4')}
          rules={[{ required: true, pattern: /^\d{4}$/, message: t('track.phoneLast4Invalid') }]}
        >
          <Input inputMode="numeric" maxLength={4} autoComplete="off" data-testid="portal-track-phone4" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={loading}
          style={{ height: 48 }}
          data-testid="portal-track-submit"
        >
          {t('track.search')}
        </Button>
      </Form>
    </Card>
  );
};
