import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../app/api-client';
import type { Disposal, PublishDisposalBody } from '../../app/api-types';
import { CAPA_SOURCE_TYPES, type CapaSourceType } from '../../../domain/capa/capa-action';
import { useWrite } from '../batch-case/quality-queries';
import { useRefreshCapa } from './capa-queries';
import { SourcePicker } from './SourcePicker';

type Values = { sourceType: CapaSourceType; sourceId?: string; nonconformity: string; decision: string };

/** R-ESC-3: publishes a disposal decision 《不合格品处置和评审单》; objections are taken for 7 calendar days. */
export const PublishDisposalModal = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const { t } = useTranslation('disposal');
  const { t: tc } = useTranslation('capa');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshCapa();
  const { busy, run } = useWrite();
  const [form] = Form.useForm<Values>();
  const sourceType = Form.useWatch('sourceType', form);
  const close = () => {
    form.resetFields();
    onClose();
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body: PublishDisposalBody = {
      sourceType: v.sourceType,
      ...(v.sourceId ? { sourceId: v.sourceId } : {}),
      nonconformity: v.nonconformity.trim(),
      decision: v.decision.trim(),
    };
    const created = await run(() => api.post<Disposal>('/api/v1/disposals', body));
    if (!created) return;
    void message.success(t('create.done', { number: created.number }));
    await refresh.disposal(created);
    close();
    navigate(`/disposals/${created.id}`);
  };
  const required = [{ required: true, whitespace: true, message: t('actions.required') }];
  return (
    <Modal
      open={open}
      width={640}
      title={t('create.title')}
      okText={t('create.submit')}
      okButtonProps={{ 'data-testid': 'disposal-create-submit' } as never}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={close}
    >
      <Form<Values>
        form={form}
        name="disposal-publish"
        layout="vertical"
        initialValues={{ sourceType: 'complaint' }}
      >
        <Form.Item name="sourceType" label={tc('create.sourceType')} rules={[{ required: true }]}>
          <Select
            options={CAPA_SOURCE_TYPES.map((s) => ({ value: s, label: tc(`source.${s}`) }))}
            onChange={() => form.setFieldValue('sourceId', undefined)}
          />
        </Form.Item>
        <Form.Item name="sourceId" label={tc('create.sourceId')}>
          <SourcePicker sourceType={sourceType} />
        </Form.Item>
        <Form.Item name="nonconformity" label={t('create.nonconformity')} rules={required}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="disposal-nonconformity" />
        </Form.Item>
        <Form.Item
          name="decision"
          label={t('create.decision')}
          extra={t('create.decisionHint')}
          rules={required}
        >
          <Input.TextArea rows={4} maxLength={4000} data-testid="disposal-decision" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
