import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = {
  readonly title: string;
  readonly secret: string | undefined;
  readonly hint: string;
  readonly onClose: () => void;
};

/** Shows a generated password or token secret once, with a copy button; it cannot be shown again. */
export const SecretOnceModal = ({ title, secret, hint, onClose }: Props) => {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const copy = async () => {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
      void message.success(t('copied'));
    } catch {
      void message.warning(t('copyFailed'));
    }
  };
  return (
    <Modal
      open={!!secret}
      title={title}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-done">
          {t('secretDone')}
        </Button>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon message={hint} />
        <Space.Compact style={{ width: '100%' }}>
          <Input readOnly value={secret} data-testid="secret-value" style={{ fontFamily: 'monospace' }} />
          <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="secret-copy">
            {t('copy')}
          </Button>
        </Space.Compact>
      </Space>
    </Modal>
  );
};
