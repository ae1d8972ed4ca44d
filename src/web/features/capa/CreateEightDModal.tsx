import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../app/api-client';
import type { CreateEightDBody, EightDReport } from '../../app/api-types';
import { CAPA_SOURCE_TYPES, type CapaSourceType } from '../../../domain/capa/capa-action';
import { useWrite } from '../batch-case/quality-queries';
import { useRefreshCapa } from './capa-queries';
import { SourcePicker } from './SourcePicker';

type Values = { sourceType: CapaSourceType; sourceId?: string; title: string; customerRequested: boolean };

/** Opens an 8D report 《质量异常分析改进8D报告》 on a complaint, batch case, quality report… (R-CAPA-2). */
export const CreateEightDModal = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const { t } = useTranslation('eightD');
  const { t: tc } = useTranslation('capa');
  const navigate = useNavigate();
  const { message } = App.useApp();
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
    const body: CreateEightDBody = {
      sourceType: v.sourceType,
      ...(v.sourceId ? { sourceId: v.sourceId } : {}),
      title: v.title.trim(),
      customerRequested: v.customerRequested,
    };
    const created = await run(() => api.post<EightDReport>('/api/v1/eight-d-reports', body));
    if (!created) return;
    void message.success(t('create.done', { number: created.number }));
    await refresh.eightD(created);
    close();
    navigate(`/eight-d-reports/${created.id}`);
  };
  return (
    <Modal
      open={open}
      title={t('create.title')}
      okText={t('create.submit')}
      okButtonProps={{ 'data-testid': '8d-create-submit' } as never}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={close}
    >
      <Form<Values>
        form={form}
        name="eight-d-create"
        layout="vertical"
        initialValues={{ sourceType: 'complaint', customerRequested: false }}
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
        <Form.Item
          name="title"
          label={t('create.title_')}
          rules={[{ required: true, whitespace: true, message: tc('create.required') }]}
        >
          <Input maxLength={200} data-testid="8d-title" />
        </Form.Item>
        <Form.Item name="customerRequested" label={t('create.customerRequested')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
};
