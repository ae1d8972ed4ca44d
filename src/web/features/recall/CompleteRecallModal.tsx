import { Alert, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import type { CompleteRecallBody, Recall } from '../../app/api-types';
import {
  RECALL_DISPOSALS,
  RECALL_EFFECTIVENESS,
  type RecallDisposal,
  type RecallEffectiveness,
} from '../../../domain/batch/plan-recall';
import { useRefreshQuality, useWrite } from '../batch-case/quality-queries';

type Values = {
  disposal: RecallDisposal;
  disposalNote?: string;
  effectiveness: RecallEffectiveness;
  effectivenessNote: string;
  remainingRisk: string;
};

/** The recall completion report 召回总结报告: disposal, effectiveness and remaining risk; counts come from the targets. */
export const CompleteRecallModal = ({
  recall,
  open,
  onClose,
}: {
  recall: Recall;
  open: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation('recall');
  const refresh = useRefreshQuality();
  const { busy, run } = useWrite();
  const [form] = Form.useForm<Values>();
  const notNotified = recall.targets.filter((x) => !x.notifiedAt).length;
  const required = [{ required: true, whitespace: true, message: t('complete.required') }];

  const close = () => {
    form.resetFields();
    onClose();
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body: CompleteRecallBody = {
      disposal: v.disposal,
      ...(v.disposalNote?.trim() ? { disposalNote: v.disposalNote.trim() } : {}),
      effectiveness: v.effectiveness,
      effectivenessNote: v.effectivenessNote.trim(),
      remainingRisk: v.remainingRisk.trim(),
    };
    const view = await run(
      () => api.post<Recall>(`/api/v1/recalls/${recall.id}/complete`, body),
      t('complete.done'),
    );
    if (!view) return;
    await refresh.recall(view);
    close();
  };

  return (
    <Modal
      open={open}
      width={640}
      title={t('complete.title')}
      okText={t('complete.submit')}
      okButtonProps={{ 'data-testid': 'recall-complete-submit' } as never}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={close}
    >
      {notNotified > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('complete.notNotified', { n: notNotified })}
        />
      )}
      <Typography.Paragraph type="secondary">{t('complete.auto')}</Typography.Paragraph>
      <Form form={form} name="recall-complete" layout="vertical">
        <Form.Item
          name="disposal"
          label={t('complete.disposal')}
          rules={[{ required: true, message: t('complete.required') }]}
        >
          <Select
            data-testid="recall-disposal"
            options={RECALL_DISPOSALS.map((d) => ({ value: d, label: t(`disposal.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name="disposalNote" label={t('complete.disposalNote')}>
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('complete.disposalNotePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="effectiveness"
          label={t('complete.effectiveness')}
          rules={[{ required: true, message: t('complete.required') }]}
        >
          <Radio.Group>
            {RECALL_EFFECTIVENESS.map((e) => (
              <Radio.Button key={e} value={e} data-testid={`recall-effectiveness-${e}`}>
                {t(`effectiveness.${e}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="effectivenessNote" label={t('complete.effectivenessNote')} rules={required}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="recall-effectiveness-note" />
        </Form.Item>
        <Form.Item name="remainingRisk" label={t('complete.remainingRisk')} rules={required}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="recall-remaining-risk" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
