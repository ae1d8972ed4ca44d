import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  InputNumber,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toQuery } from '../../app/api-client';
import type { DuePreview, DuePreviewQuery } from '../../app/api-types';
import { dayjs, DISPLAY_TIME_ZONE, formatDateTime } from '../../app/time';
import type { DurationSpec } from '../../../domain/sla/compute-due-at';
import { errorText } from './admin-hooks';
import { DURATION_MODES } from './DurationInput';

type Mode = (typeof DURATION_MODES)[number];
type Values = { start: Dayjs; mode: Mode; amount: number; unit: 'h' | 'min'; fromDays?: number };

/** The preview's query for a rule's duration (amount in hours when whole hours). */
const valuesOf = (d: DurationSpec): Omit<Values, 'start'> => {
  switch (d.mode) {
    case 'wall':
    case 'working':
      return d.minutes % 60 === 0
        ? { mode: d.mode, amount: d.minutes / 60, unit: 'h' }
        : { mode: d.mode, amount: d.minutes, unit: 'min' };
    case 'working_days':
    case 'legal_days':
      return { mode: d.mode, amount: d.days, unit: 'h' };
    case 'window_days':
      return { mode: d.mode, amount: d.toDays, fromDays: d.fromDays, unit: 'h' };
  }
};

type Props = { readonly seed?: { readonly duration: DurationSpec; readonly at: number } | undefined };

/**
 * Calendar preview (GET /api/v1/calendar/preview): a start time (Asia/Shanghai) and a duration give the due time on
 * the stored working calendar, holidays and make-up days included.
 */
export const DuePreviewCard = ({ seed }: Props) => {
  const { t } = useTranslation('admin');
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<DuePreview>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const mode = Form.useWatch('mode', form);
  const cardRef = useRef<HTMLDivElement>(null);
  const timed = mode === 'wall' || mode === 'working';

  const run = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    // The picked wall time is read as Shanghai time, whatever the browser's zone.
    const start = dayjs.tz(v.start.format('YYYY-MM-DD HH:mm'), DISPLAY_TIME_ZONE);
    const amount = timed ? Math.round(v.amount * (v.unit === 'h' ? 60 : 1)) : v.amount;
    const query: Record<string, string | number> & DuePreviewQuery = {
      start: start.toISOString(),
      mode: v.mode,
      amount,
      ...(v.mode === 'window_days' ? { fromDays: v.fromDays ?? 0 } : {}),
    };
    setBusy(true);
    try {
      setResult(await api.get<DuePreview>(`/api/v1/calendar/preview${toQuery(query)}`));
      setError(undefined);
    } catch (e) {
      setError(e);
      setResult(undefined);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (!seed) return;
    form.setFieldsValue(valuesOf(seed.duration));
    cardRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    void run();
  }, [seed?.at]);

  return (
    <Card ref={cardRef} title={t('preview.title')} data-testid="due-preview" style={{ height: '100%' }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          start: dayjs().tz(DISPLAY_TIME_ZONE),
          mode: 'working_days',
          amount: 3,
          unit: 'h',
          fromDays: 0,
        }}
        onFinish={() => void run()}
      >
        <Form.Item
          name="start"
          label={t('preview.start')}
          rules={[{ required: true, message: t('v.startRequired') }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: 220 }}
            data-testid="preview-start"
          />
        </Form.Item>
        <Form.Item label={t('deadline.duration')} required style={{ marginBottom: 12 }}>
          <Space.Compact>
            <Form.Item name="mode" noStyle>
              <Select
                style={{ width: 130 }}
                aria-label={t('deadline.mode')}
                popupMatchSelectWidth={false}
                options={DURATION_MODES.map((m) => ({ value: m, label: t(`duration.mode.${m}`) }))}
              />
            </Form.Item>
            {mode === 'window_days' && (
              <Form.Item name="fromDays" noStyle>
                <InputNumber
                  min={0}
                  max={1000}
                  precision={0}
                  style={{ width: 70 }}
                  aria-label={t('deadline.fromDays')}
                />
              </Form.Item>
            )}
            <Form.Item name="amount" noStyle rules={[{ required: true, message: t('v.amountRequired') }]}>
              <InputNumber
                min={0}
                style={{ width: 90 }}
                prefix={mode === 'window_days' ? '–' : undefined}
                aria-label={mode === 'window_days' ? t('deadline.toDays') : t('deadline.amount')}
                data-testid="preview-amount"
              />
            </Form.Item>
            {timed ? (
              <Form.Item name="unit" noStyle>
                <Select
                  style={{ width: 80 }}
                  aria-label={t('deadline.unit')}
                  options={[
                    { value: 'h', label: t('duration.hours') },
                    { value: 'min', label: t('duration.minutes') },
                  ]}
                />
              </Form.Item>
            ) : (
              <Button disabled style={{ color: 'inherit' }}>
                {t('duration.days')}
              </Button>
            )}
            <Button type="primary" htmlType="submit" loading={busy} data-testid="preview-run">
              {t('preview.run')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        {t('preview.hint')}
      </Typography.Paragraph>
      {error !== undefined && (
        <Alert style={{ marginTop: 12 }} type="error" showIcon message={errorText(error)} />
      )}
      {result && (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }} data-testid="preview-result">
          <Descriptions.Item label={t('preview.dueAt')}>
            <Space>
              <strong data-testid="preview-due">{result.dueAtLocal}</strong>
              <span>({result.timeZone})</span>
              {result.provisional && (
                <Tag color="warning" title={t('preview.provisionalHint')}>
                  {t('preview.provisional')}
                </Tag>
              )}
            </Space>
          </Descriptions.Item>
          {result.opensAt && (
            <Descriptions.Item label={t('preview.opensAt')}>
              {formatDateTime(result.opensAt)}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Card>
  );
};
