import { Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../app/api-client';
import type { BatchCase, Recall, StartRecallBody } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { RECALL_CLASSES, RECALL_CLASS_RULES, type RecallClass } from '../../../domain/batch/plan-recall';
import { useRefreshQuality, useWrite } from '../batch-case/quality-queries';
import { recallMessages } from './recall.i18n';

registerMessages('recall', recallMessages);

type Values = { recallClass: RecallClass; reason: string; batches?: string[]; regions?: string[] };

/**
 * R-BAT-5: starts the recall of a case the GM decided "recall" — class (notice within 1/3/7 days), reason and
 * scope; targets come from the shipment records of the batches into the regions.
 */
export const StartRecallModal = ({
  batchCase,
  onClose,
}: {
  batchCase: BatchCase | undefined;
  onClose: () => void;
}) => {
  const { t, i18n } = useTranslation('recall');
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const navigate = useNavigate();
  const refresh = useRefreshQuality();
  const { busy, run } = useWrite();
  const [form] = Form.useForm<Values>();
  const regions = batchCase?.prefill.shipmentsByRegion.map((s) => s.region) ?? [];

  const close = () => {
    form.resetFields();
    onClose();
  };
  const submit = async () => {
    if (!batchCase) return;
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const batches = (v.batches ?? []).map((b) => b.trim()).filter(Boolean);
    const body: StartRecallBody = {
      caseId: batchCase.id,
      recallClass: v.recallClass,
      reason: v.reason.trim(),
      ...(batches.length > 0 || (v.regions ?? []).length > 0
        ? {
            scope: {
              ...(batches.length > 0 ? { batches } : {}),
              ...((v.regions ?? []).length > 0 ? { regions: v.regions } : {}),
            },
          }
        : {}),
    };
    const recall = await run(() => api.post<Recall>('/api/v1/recalls', body));
    if (!recall) return;
    await refresh.recall(recall);
    close();
    navigate(`/recalls/${recall.id}`);
  };

  return (
    <Modal
      open={!!batchCase}
      width={640}
      title={t('start.title')}
      okText={t('start.submit')}
      okButtonProps={{ 'data-testid': 'recall-start-submit' } as never}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={close}
    >
      <Form form={form} name="recall-start" layout="vertical">
        <Form.Item
          name="recallClass"
          label={t('start.class')}
          extra={t('start.classHint')}
          rules={[{ required: true }]}
        >
          <Radio.Group>
            <Space direction="vertical">
              {RECALL_CLASSES.map((c) => (
                <Radio key={c} value={c} data-testid={`recall-class-${c}`}>
                  <Typography.Text strong>{RECALL_CLASS_RULES[c].label[lang]}</Typography.Text>
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {t('classHelp', {
                      label: c,
                      harm: RECALL_CLASS_RULES[c].harm[lang],
                      days: RECALL_CLASS_RULES[c].notifyWithinDays,
                    })}
                  </Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('start.reason')}
          rules={[{ required: true, whitespace: true, message: t('start.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={2000} data-testid="recall-reason" />
        </Form.Item>
        <Form.Item
          name="batches"
          label={t('start.batches')}
          extra={t('start.batchesHint')}
          initialValue={batchCase ? [batchCase.batchNo] : undefined}
        >
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} />
        </Form.Item>
        <Form.Item name="regions" label={t('start.regions')} extra={t('start.regionsHint')}>
          <Select
            mode="tags"
            data-testid="recall-regions"
            options={regions.map((r) => ({ value: r, label: r }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
