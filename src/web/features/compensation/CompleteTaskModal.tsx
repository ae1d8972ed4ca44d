import { Alert, App, Descriptions, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api-client';
import type { CompleteTaskBody, ExecutionTask } from '../../app/api-types';
import { formatDateTime } from '../../app/time';
import {
  PAYMENT_TASK_KINDS,
  type ExecutionTaskKind,
} from '../../../domain/compensation/plan-execution-tasks';
import { formatYuan, useCompensationLabels } from './compensation-format';
import { useRefreshCompensation } from './compensation-queries';

export const isPaymentTask = (task: Pick<ExecutionTask, 'kind'>): boolean =>
  PAYMENT_TASK_KINDS.includes(task.kind as ExecutionTaskKind);

type Values = { reference?: string; note?: string };

/** R-RES-9: records an execution task done; finance "marks paid" with the payment voucher number. */
export const CompleteTaskModal = ({
  task,
  onClose,
}: {
  task: ExecutionTask | undefined;
  onClose: () => void;
}) => {
  const { t } = useTranslation('compensation');
  const { message } = App.useApp();
  const labels = useCompensationLabels();
  const refresh = useRefreshCompensation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const payment = task ? isPaymentTask(task) : false;

  const close = () => {
    form.resetFields();
    setError(undefined);
    onClose();
  };

  const submit = async () => {
    if (!task) return;
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    setBusy(true);
    setError(undefined);
    try {
      const body: CompleteTaskBody = {
        ...(v.reference?.trim() ? { reference: v.reference.trim() } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      };
      await api.post<ExecutionTask>(`/api/v1/compensation/tasks/${task.id}/complete`, body);
      void message.success(t('tasks.done'));
      await refresh(task.complaintId);
      close();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!task}
      title={payment ? t('tasks.payTitle') : t('tasks.completeTitle')}
      okText={payment ? t('tasks.markPaid') : t('tasks.complete')}
      okButtonProps={{ 'data-testid': 'task-complete-submit' } as never}
      onOk={() => void submit()}
      confirmLoading={busy}
      onCancel={close}
    >
      {task && (
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('tasks.kind')}>{t(`taskKind.${task.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('tasks.option')}>{labels.kind(task.optionKind)}</Descriptions.Item>
            <Descriptions.Item label={t('tasks.amount')}>{formatYuan(task.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('tasks.due')}>{formatDateTime(task.dueAt)}</Descriptions.Item>
          </Descriptions>
          <Form form={form} layout="vertical">
            <Form.Item
              name="reference"
              label={payment ? t('tasks.paymentReference') : t('tasks.otherReference')}
              rules={
                payment ? [{ required: true, whitespace: true, message: t('tasks.referenceRequired') }] : []
              }
            >
              <Input maxLength={200} data-testid="task-reference" />
            </Form.Item>
            <Form.Item name="note" label={t('tasks.note')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Form>
          {error && <Alert type="error" showIcon message={error} data-testid="task-error" />}
        </>
      )}
    </Modal>
  );
};
