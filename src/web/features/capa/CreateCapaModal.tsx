import { useQuery } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, toQuery } from '../../app/api-client';
import type { CapaAction, CreateCapaActionBody, ProductPage } from '../../app/api-types';
import { dayjs, DISPLAY_TIME_ZONE } from '../../app/time';
import {
  CAPA_KINDS,
  CAPA_SOURCE_TYPES,
  type CapaKind,
  type CapaSourceType,
} from '../../../domain/capa/capa-action';
import { useWrite } from '../batch-case/quality-queries';
import { useActiveUsers, useRefreshCapa } from './capa-queries';
import { DateField } from './DateField';
import { SourcePicker } from './SourcePicker';

/** Where the form was opened from: the source is fixed and its product and mechanism are suggested. */
export type CapaPreset = {
  readonly sourceType: CapaSourceType;
  readonly sourceId: string;
  readonly sourceLabel: string;
  readonly productId?: string;
  readonly productLabel?: string;
  readonly mechanism?: string;
};

type Values = {
  sourceType: CapaSourceType;
  sourceId?: string;
  kind: CapaKind;
  title: string;
  description: string;
  productId?: string;
  mechanism?: string;
  ownerId: string;
  dueOn: string;
  verifyAfterDays?: number | null;
};

const NEEDS_ID: readonly CapaSourceType[] = ['complaint', 'batch_case', 'quality_report'];

/** R-CAPA-1: a new action with its owner and due date; preventive ones wait for the GM (R-CAPA-4). */
export const CreateCapaModal = ({
  open,
  preset,
  onClose,
  stay,
}: {
  open: boolean;
  preset?: CapaPreset;
  onClose: () => void;
  /** Stay on the page after creating (the batch case lists its actions) instead of opening the new action. */
  stay?: boolean;
}) => {
  const { t } = useTranslation('capa');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const refresh = useRefreshCapa();
  const { busy, run } = useWrite();
  const [form] = Form.useForm<Values>();
  const [productQuery, setProductQuery] = useState('');
  const sourceType = Form.useWatch('sourceType', form);
  const kind = Form.useWatch('kind', form);
  const users = useActiveUsers(open);
  const products = useQuery({
    queryKey: ['products', 'search', productQuery],
    queryFn: () =>
      api.get<ProductPage>(`/api/v1/products${toQuery({ q: productQuery || undefined, limit: 50 })}`),
    enabled: open && !preset?.productId,
  });
  const today = dayjs().tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD');

  const close = () => {
    form.resetFields();
    onClose();
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body: CreateCapaActionBody = {
      sourceType: v.sourceType,
      ...(v.sourceId ? { sourceId: v.sourceId } : {}),
      kind: v.kind,
      title: v.title.trim(),
      description: v.description.trim(),
      ...(v.productId ? { productId: v.productId } : {}),
      ...(v.mechanism?.trim() ? { mechanism: v.mechanism.trim() } : {}),
      ownerId: v.ownerId,
      dueOn: v.dueOn,
      ...(v.verifyAfterDays ? { verifyAfterDays: v.verifyAfterDays } : {}),
    };
    const created = await run(() => api.post<CapaAction>('/api/v1/capa-actions', body));
    if (!created) return;
    void message.success(t('create.done', { number: created.number }));
    await refresh.action(created);
    close();
    if (!stay) navigate(`/capa-actions/${created.id}`);
  };

  const required = [{ required: true, whitespace: true, message: t('create.required') }];
  return (
    <Modal
      open={open}
      width={680}
      title={t('create.title')}
      okText={t('create.submit')}
      okButtonProps={{ 'data-testid': 'capa-create-submit' } as never}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={close}
    >
      <Form<Values>
        form={form}
        name="capa-create"
        layout="vertical"
        initialValues={{
          sourceType: preset?.sourceType ?? 'complaint',
          sourceId: preset?.sourceId,
          kind: 'corrective',
          productId: preset?.productId,
          mechanism: preset?.mechanism,
        }}
      >
        <Form.Item name="sourceType" label={t('create.sourceType')} rules={[{ required: true }]}>
          <Select
            disabled={!!preset}
            options={CAPA_SOURCE_TYPES.map((s) => ({ value: s, label: t(`source.${s}`) }))}
            onChange={() => form.setFieldValue('sourceId', undefined)}
          />
        </Form.Item>
        <Form.Item
          name="sourceId"
          label={t('create.sourceId')}
          rules={[{ required: NEEDS_ID.includes(sourceType), message: t('create.required') }]}
        >
          <SourcePicker
            sourceType={sourceType}
            fixed={preset ? { value: preset.sourceId, label: preset.sourceLabel } : undefined}
          />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('create.kind')}
          extra={kind === 'preventive' ? t('create.preventiveHint') : undefined}
          rules={[{ required: true }]}
        >
          <Radio.Group>
            {CAPA_KINDS.map((k) => (
              <Radio.Button key={k} value={k}>
                {t(`kind.${k}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="title" label={t('create.title_')} rules={required}>
          <Input maxLength={200} data-testid="capa-title" />
        </Form.Item>
        <Form.Item name="description" label={t('create.description')} rules={required}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="capa-description" />
        </Form.Item>
        <Form.Item name="productId" label={t('create.product')}>
          <Select
            allowClear
            showSearch
            disabled={!!preset?.productId}
            filterOption={false}
            onSearch={setProductQuery}
            loading={products.isFetching}
            options={
              preset?.productId
                ? [{ value: preset.productId, label: preset.productLabel ?? preset.productId }]
                : (products.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))
            }
          />
        </Form.Item>
        <Form.Item name="mechanism" label={t('create.mechanism')} extra={t('create.mechanismHint')}>
          <Input maxLength={100} data-testid="capa-mechanism" />
        </Form.Item>
        <Form.Item
          name="ownerId"
          label={t('create.owner')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={users.isFetching}
            options={(users.data?.items ?? []).map((u) => ({
              value: u.id,
              label: `${u.displayName}（${u.username}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t('create.dueOn')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <DateField disabledBefore={today} data-testid="capa-due" />
        </Form.Item>
        <Form.Item
          name="verifyAfterDays"
          label={t('create.verifyAfterDays')}
          extra={t('create.verifyAfterDaysHint')}
        >
          <InputNumber min={1} max={730} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
