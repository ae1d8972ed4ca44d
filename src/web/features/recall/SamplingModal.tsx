import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toQuery } from '../../app/api-client';
import type { BatchPage, CreateSamplingBody, ProductPage, RegulatorSampling } from '../../app/api-types';
import { SAMPLING_RESULTS, type SamplingResult } from '../../../domain/batch/decide-sampling-follow-up';
import { SAMPLINGS_KEY, useWrite } from '../batch-case/quality-queries';

type Values = {
  agency: string;
  productId?: string;
  batchNo?: string;
  sampledOn: Dayjs;
  sampleQuantity: number;
  result: SamplingResult;
  reportRef?: string;
  representative: boolean;
  notes?: string;
};

/** R-BAT-6: records a sampling by a regulator — agency, product and batch, result, and whether the sample was normal. */
export const SamplingModal = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const { t } = useTranslation('sampling');
  const client = useQueryClient();
  const { busy, run } = useWrite();
  const [form] = Form.useForm<Values>();
  const [productQuery, setProductQuery] = useState('');
  const productId = Form.useWatch('productId', form);
  const products = useQuery({
    queryKey: ['products', 'search', productQuery],
    queryFn: () =>
      api.get<ProductPage>(`/api/v1/products${toQuery({ q: productQuery || undefined, limit: 50 })}`),
    enabled: open,
  });
  const batches = useQuery({
    queryKey: ['batches', productId],
    queryFn: () => api.get<BatchPage>(`/api/v1/batches${toQuery({ productId, limit: 200 })}`),
    enabled: open && !!productId,
  });

  const close = () => {
    form.resetFields();
    onClose();
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body: CreateSamplingBody = {
      agency: v.agency.trim(),
      productId: v.productId ?? null,
      batchNo: v.batchNo?.trim() || null,
      sampledOn: v.sampledOn.format('YYYY-MM-DD'),
      sampleQuantity: v.sampleQuantity,
      result: v.result,
      reportRef: v.reportRef?.trim() || null,
      representative: v.representative,
      notes: v.notes?.trim() || null,
    };
    const saved = await run(
      () => api.post<RegulatorSampling>('/api/v1/regulator-samplings', body),
      t('created'),
    );
    if (!saved) return;
    await client.invalidateQueries({ queryKey: SAMPLINGS_KEY });
    close();
  };

  return (
    <Modal
      open={open}
      width={640}
      title={t('create')}
      okButtonProps={{ 'data-testid': 'sampling-submit' } as never}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={close}
    >
      <Form<Values>
        form={form}
        name="sampling"
        layout="vertical"
        initialValues={{ result: 'pending', representative: true, sampleQuantity: 1 }}
      >
        <Form.Item
          name="agency"
          label={t('agency')}
          rules={[{ required: true, whitespace: true, message: t('required') }]}
        >
          <Input maxLength={200} placeholder={t('agencyPlaceholder')} data-testid="sampling-agency" />
        </Form.Item>
        <Form.Item name="productId" label={t('product')}>
          <Select
            allowClear
            showSearch
            filterOption={false}
            onSearch={setProductQuery}
            loading={products.isFetching}
            options={(products.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
            onChange={() => form.setFieldValue('batchNo', undefined)}
          />
        </Form.Item>
        <Form.Item name="batchNo" label={t('batchNo')}>
          {productId ? (
            <Select
              allowClear
              showSearch
              loading={batches.isFetching}
              options={(batches.data?.items ?? []).map((b) => ({ value: b.batchNo, label: b.batchNo }))}
            />
          ) : (
            <Input maxLength={64} />
          )}
        </Form.Item>
        <Form.Item
          name="sampledOn"
          label={t('sampledOn')}
          rules={[{ required: true, message: t('required') }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="sampleQuantity"
          label={t('sampleQuantity')}
          rules={[{ required: true, message: t('required') }]}
        >
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="result" label={t('result')}>
          <Select options={SAMPLING_RESULTS.map((r) => ({ value: r, label: t(`resultValue.${r}`) }))} />
        </Form.Item>
        <Form.Item name="reportRef" label={t('reportRef')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="representative"
          label={t('representative')}
          extra={t('representativeHint')}
          valuePropName="checked"
        >
          <Switch data-testid="sampling-representative" />
        </Form.Item>
        <Form.Item name="notes" label={t('notes')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
