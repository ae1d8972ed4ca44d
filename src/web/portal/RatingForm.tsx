import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Radio, Rate } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api-client';
import type { PortalView } from '../app/api-types';
import { keyFields, trackQueryKey, type PortalKey } from './portal-key';

type Values = { readonly satisfied: boolean; readonly csat: number; readonly comment?: string };

/** Satisfaction after the solution was carried out: solved or not, 1–5 stars, a comment. */
export const RatingForm = ({ portalKey }: { portalKey: PortalKey }) => {
  const { t } = useTranslation('portal');
  const { message } = App.useApp();
  const client = useQueryClient();
  const rate = useMutation({
    mutationFn: (v: Values) =>
      api.post<PortalView>('/api/v1/portal/complaints/rating', {
        ...keyFields(portalKey),
        satisfied: v.satisfied,
        csat: v.csat,
        ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
      }),
    onSuccess: (view) => {
      client.setQueryData(trackQueryKey(portalKey), view);
      void message.success(t('rating.thanks'));
    },
  });
  return (
    <Card
      variant="borderless"
      title={t('rating.title')}
      styles={{ body: { padding: 16 }, header: { background: '#f6ffed' } }}
      data-testid="portal-rating"
    >
      <Form<Values> layout="vertical" size="large" onFinish={(v) => rate.mutate(v)} disabled={rate.isPending}>
        <Form.Item
          name="satisfied"
          label={t('rating.satisfied')}
          rules={[{ required: true, message: t('rating.satisfiedRequired') }]}
          extra={t('rating.reopenNote')}
        >
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            <Radio value={true} data-testid="portal-rate-satisfied" style={{ padding: '6px 0' }}>
              {t('rating.yes')}
            </Radio>
            <Radio value={false} data-testid="portal-rate-unsatisfied" style={{ padding: '6px 0' }}>
              {t('rating.no')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="csat"
          label={t('rating.csat')}
          rules={[{ required: true, message: t('rating.csatRequired') }]}
        >
          <Rate style={{ fontSize: 34 }} data-testid="portal-rate-stars" />
        </Form.Item>
        <Form.Item name="comment" label={t('rating.comment')} rules={[{ max: 1000 }]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={1000}
            data-testid="portal-rate-comment"
          />
        </Form.Item>
        {rate.isError && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={rate.error instanceof ApiError ? rate.error.message : String(rate.error)}
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          style={{ height: 48 }}
          loading={rate.isPending}
          data-testid="portal-rate-submit"
        >
          {t('rating.send')}
        </Button>
      </Form>
    </Card>
  );
};
