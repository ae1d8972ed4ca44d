import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Asks why a filed investigation goes back to draft (the reason is required and audited). */
export const ReopenModal = ({
  open,
  busy,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  busy: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslation('investigation');
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={t('reopen.title')}
      okText={t('reopen.submit')}
      cancelText={t('reopen.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'reopen-submit' } as never}
      onCancel={onCancel}
      onOk={() =>
        void form
          .validateFields()
          .then((v) => onSubmit(v.reason.trim()))
          // The form shows the missing reason.
          .catch(() => undefined)
      }
    >
      <Typography.Paragraph type="secondary">{t('reopen.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('reopen.reason')}
          rules={[{ required: true, whitespace: true, message: t('reopen.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="reopen-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
