import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../app/api-client';
import type { PortalReceipt } from '../app/api-types';
import { dayjs } from '../app/time';
import { DEMANDS } from '../../domain/complaint/complaint-vocabulary';
import { InjuryQuestion } from './InjuryQuestion';
import { PhotoPicker } from './PhotoPicker';
import { storeReceipt, type StoredReceipt } from './receipt-store';
import { photoFiles, prefillFromQuery, toSubmitBody, type SubmitFormValues } from './submit-form';
import { uploadPortalPhotos } from './upload-photos';

// The same shape the server accepts (ZPhone): digits, spaces, dashes, an optional leading +.
const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;

/** `/portal`: the complaint form a customer reaches from the website or by scanning the package's QR code. */
export const SubmitPage = () => {
  const { t, i18n } = useTranslation('portal');
  const { t: tv } = useTranslation('vocab');
  const [form] = Form.useForm<SubmitFormValues>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const prefill = useMemo(() => prefillFromQuery(params), [params]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const submit = useMutation({
    mutationFn: async (values: SubmitFormValues): Promise<StoredReceipt> => {
      const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
      const receipt = await api.post<PortalReceipt>('/api/v1/portal/complaints', toSubmitBody(values, lang));
      const files = photoFiles(values.photos);
      if (files.length === 0) return { receipt, photos: null };
      setProgress({ done: 0, total: files.length });
      const photos = await uploadPortalPhotos({ token: receipt.trackingToken }, files, (done) =>
        setProgress({ done, total: files.length }),
      );
      return { receipt, photos };
    },
    onSuccess: (stored) => {
      storeReceipt(stored);
      navigate('/receipt', { state: stored });
    },
    onSettled: () => setProgress(null),
  });

  const busyText = progress
    ? t('submit.uploadingPhotos', { done: progress.done, total: progress.total })
    : t('submit.sending');

  return (
    <Card variant="borderless" styles={{ body: { padding: 16 } }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('submit.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('submit.intro')}</Typography.Paragraph>
      {Object.keys(prefill).length > 0 && (
        <Alert type="success" showIcon message={t('submit.prefilled')} style={{ marginBottom: 16 }} />
      )}
      <Form<SubmitFormValues>
        form={form}
        layout="vertical"
        size="large"
        initialValues={{ ...prefill, demands: [], photos: [] }}
        scrollToFirstError={{ block: 'center' }}
        onFinish={(v) => submit.mutate(v)}
        disabled={submit.isPending}
        data-testid="portal-form"
      >
        <Typography.Title level={5}>{t('submit.contact')}</Typography.Title>
        <Form.Item
          name="name"
          label={t('submit.name')}
          rules={[{ required: true, whitespace: true, message: t('submit.nameRequired') }, { max: 100 }]}
        >
          <Input placeholder={t('submit.namePlaceholder')} autoComplete="name" data-testid="portal-name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('submit.phone')}
          rules={[
            { required: true, whitespace: true, message: t('submit.phoneRequired') },
            { pattern: PHONE, message: t('submit.phoneInvalid') },
          ]}
        >
          <Input
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            placeholder={t('submit.phonePlaceholder')}
            data-testid="portal-phone"
          />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('submit.email')}
          rules={[{ type: 'email', message: t('submit.emailInvalid') }, { max: 254 }]}
        >
          <Input type="email" inputMode="email" autoComplete="email" data-testid="portal-email" />
        </Form.Item>

        <Typography.Title level={5}>{t('submit.product')}</Typography.Title>
        <Form.Item name="productName" label={t('submit.productName')} rules={[{ max: 200 }]}>
          <Input placeholder={t('submit.productNamePlaceholder')} data-testid="portal-product-name" />
        </Form.Item>
        <Form.Item name="productCode" label={t('submit.productCode')} rules={[{ max: 64 }]}>
          <Input data-testid="portal-product-code" />
        </Form.Item>
        <Form.Item name="batchNo" label={t('submit.batchNo')} rules={[{ max: 64 }]}>
          <Input data-testid="portal-batch" />
        </Form.Item>
        <Form.Item name="purchaseDate" label={t('submit.purchaseDate')}>
          <DatePicker
            inputReadOnly
            style={{ width: '100%' }}
            placeholder={t('submit.purchaseDatePlaceholder')}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="portal-purchase-date"
          />
        </Form.Item>
        <Form.Item name="purchasePlace" label={t('submit.purchasePlace')} rules={[{ max: 200 }]}>
          <Input placeholder={t('submit.purchasePlacePlaceholder')} data-testid="portal-purchase-place" />
        </Form.Item>

        <Typography.Title level={5}>{t('submit.problem')}</Typography.Title>
        <Form.Item
          name="description"
          label={t('submit.description')}
          rules={[
            { required: true, whitespace: true, message: t('submit.descriptionRequired') },
            { min: 5, message: t('submit.descriptionTooShort') },
            { max: 5000 },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 10 }}
            showCount
            maxLength={5000}
            placeholder={t('submit.descriptionPlaceholder')}
            data-testid="portal-description"
          />
        </Form.Item>
        <InjuryQuestion />
        <Form.Item name="demands" label={t('submit.demands')}>
          <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
            {DEMANDS.map((d) => (
              <Checkbox key={d} value={d} data-testid={`portal-demand-${d}`} style={{ padding: '6px 0' }}>
                {tv(`demand.${d}`)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item
          name="photos"
          label={t('submit.photos')}
          extra={t('submit.photosHint')}
          valuePropName="fileList"
        >
          <PhotoPicker />
        </Form.Item>

        {submit.isError && (
          <Alert
            type="error"
            showIcon
            message={t('submit.failed')}
            description={submit.error instanceof ApiError ? submit.error.message : String(submit.error)}
            style={{ marginBottom: 16 }}
            data-testid="portal-submit-error"
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={submit.isPending}
          style={{ height: 48, fontSize: 17 }}
          data-testid="portal-submit"
        >
          {submit.isPending ? busyText : t('submit.send')}
        </Button>
      </Form>
    </Card>
  );
};
