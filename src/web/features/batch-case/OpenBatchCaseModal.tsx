import { useQuery } from '@tanstack/react-query';
import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, toQuery } from '../../app/api-client';
import type { BatchCase, BatchPage, OpenBatchCaseBody, ProductPage } from '../../app/api-types';
import { useRefreshQuality, useWrite } from './quality-queries';

type Values = { productId: string; batchNo: string; mechanism: string; region: string; note?: string };

/** R-BAT-4 "confirm product/batch": quality opens a batch case by hand; the 2-hour clock starts (R-SLA-11). */
export const OpenBatchCaseModal = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const { t } = useTranslation('batchCase');
  const navigate = useNavigate();
  const refresh = useRefreshQuality();
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
    const body: OpenBatchCaseBody = {
      productId: v.productId,
      batchNo: v.batchNo,
      mechanism: v.mechanism.trim(),
      region: v.region.trim(),
      complaintIds: [],
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    };
    const view = await run(() => api.post<BatchCase>('/api/v1/batch-cases', body));
    if (!view) return;
    await refresh.batchCase(view);
    close();
    navigate(`/batch-cases/${view.id}`);
  };

  return (
    <Modal
      open={open}
      title={t('openModal.title')}
      okText={t('openModal.submit')}
      okButtonProps={{ 'data-testid': 'open-case-submit' } as never}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={close}
    >
      <Form form={form} name="open-batch-case" layout="vertical">
        <Form.Item name="productId" label={t('openModal.product')} rules={[{ required: true }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setProductQuery}
            placeholder={t('openModal.productPlaceholder')}
            loading={products.isFetching}
            options={(products.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.code} ${p.name}`,
            }))}
            onChange={() => form.setFieldValue('batchNo', undefined)}
          />
        </Form.Item>
        <Form.Item name="batchNo" label={t('openModal.batchNo')} rules={[{ required: true }]}>
          <Select
            showSearch
            disabled={!productId}
            loading={batches.isFetching}
            options={(batches.data?.items ?? []).map((b) => ({ value: b.batchNo, label: b.batchNo }))}
          />
        </Form.Item>
        <Form.Item
          name="mechanism"
          label={t('openModal.mechanism')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={100} placeholder={t('openModal.mechanismPlaceholder')} />
        </Form.Item>
        <Form.Item name="region" label={t('openModal.region')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="note" label={t('openModal.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
