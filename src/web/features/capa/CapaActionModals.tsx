import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import type { CapaAction, CapaVerificationResult, CompleteCapaBody } from '../../app/api-types';
import { useWrite } from '../batch-case/quality-queries';
import { useRefreshCapa } from './capa-queries';
import { DateField } from './DateField';

export type CapaStep = 'complete' | 'verify' | 'reject';

type Values = { effectiveFrom?: string; note?: string; reason?: string };

/**
 * The steps of an action that need input: report done with the effective production date (R-CAPA-3), verify with
 * the verifier's evidence, or the GM's rejection with its reason (R-CAPA-4).
 */
export const CapaActionModal = ({
  action,
  step,
  onClose,
  onVerified,
}: {
  action: CapaAction;
  step: CapaStep | undefined;
  onClose: () => void;
  onVerified: (result: CapaVerificationResult) => void;
}) => {
  const { t } = useTranslation('capa');
  const refresh = useRefreshCapa();
  const { busy, run } = useWrite();
  const [form] = Form.useForm<Values>();
  const needsEffectiveFrom = action.kind !== 'containment';

  const close = () => {
    form.resetFields();
    onClose();
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !step) return;
    if (step === 'complete') {
      const body: CompleteCapaBody = {
        ...(v.effectiveFrom ? { effectiveFrom: v.effectiveFrom } : {}),
        note: v.note?.trim() ?? '',
      };
      const done = await run(
        () => api.post<CapaAction>(`/api/v1/capa-actions/${action.id}/complete`, body),
        t('actions.completed'),
      );
      if (done) await refresh.action(done);
      if (done) close();
    } else if (step === 'verify') {
      const result = await run(() =>
        api.post<CapaVerificationResult>(`/api/v1/capa-actions/${action.id}/verify`, {
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        }),
      );
      if (!result) return;
      await refresh.action(result.action);
      onVerified(result);
      close();
    } else {
      const rejected = await run(
        () =>
          api.post<CapaAction>(`/api/v1/capa-actions/${action.id}/reject`, {
            reason: v.reason?.trim() ?? '',
          }),
        t('actions.rejected'),
      );
      if (rejected) await refresh.action(rejected);
      if (rejected) close();
    }
  };

  const required = [{ required: true, whitespace: true, message: t('create.required') }];
  const title =
    step === 'complete'
      ? t('actions.completeTitle')
      : step === 'verify'
        ? t('actions.verifyTitle')
        : t('actions.rejectTitle');
  return (
    <Modal
      open={!!step}
      title={title}
      okButtonProps={{ 'data-testid': 'capa-step-submit' } as never}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={close}
      forceRender
    >
      <Typography.Paragraph strong>
        {action.number} {action.title}
      </Typography.Paragraph>
      <Form form={form} name="capa-step" layout="vertical">
        {step === 'complete' && (
          <>
            {needsEffectiveFrom && (
              <Form.Item
                name="effectiveFrom"
                label={t('actions.effectiveFrom')}
                extra={t('actions.effectiveFromHint')}
                rules={[{ required: true, message: t('create.required') }]}
              >
                <DateField data-testid="capa-effective-from" />
              </Form.Item>
            )}
            <Form.Item name="note" label={t('actions.note')} rules={required}>
              <Input.TextArea
                rows={3}
                maxLength={4000}
                placeholder={t('actions.notePlaceholder')}
                data-testid="capa-complete-note"
              />
            </Form.Item>
          </>
        )}
        {step === 'verify' && (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('actions.verifyHint')} />
            <Form.Item name="note" label={t('actions.verifyNote')}>
              <Input.TextArea rows={3} maxLength={4000} data-testid="capa-verify-note" />
            </Form.Item>
          </>
        )}
        {step === 'reject' && (
          <Form.Item name="reason" label={t('actions.rejectReason')} rules={required}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="capa-reject-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
};
