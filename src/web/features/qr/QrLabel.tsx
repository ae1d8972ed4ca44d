import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

// On paper only the label is printed: the console's menu, header and form are hidden.
const PRINT_CSS = `
@media print {
  body * { visibility: hidden !important; transition: none !important; }
  .qr-print-label, .qr-print-label * { visibility: visible !important; }
  .qr-print-label { position: fixed; left: 0; top: 0; width: 100%; border: none !important; }
  @page { margin: 12mm; }
}`;

type Props = {
  readonly src: string;
  readonly productName: string;
  readonly productCode: string;
  readonly batchNo: string | undefined;
  readonly onError: () => void;
};

/** The QR code with what it is for, as shown on screen and printed. */
export const QrLabel = ({ src, productName, productCode, batchNo, onError }: Props) => {
  const { t } = useTranslation('qr');
  return (
    <div
      className="qr-print-label"
      data-testid="qr-label"
      style={{
        display: 'inline-flex',
        flexDirection: 'column',
        alignItems: 'center',
        padding: 16,
        border: '1px dashed #d9d9d9',
        borderRadius: 8,
        background: '#fff',
        textAlign: 'center',
      }}
    >
      <style>{PRINT_CSS}</style>
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="qr-label-name">
        {productName}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('codeLabel')}: {productCode}
        {batchNo ? ` · ${t('batchLabel')}: ${batchNo}` : ''}
      </Typography.Text>
      <img
        src={src}
        alt={`QR ${productCode}${batchNo ? ` ${batchNo}` : ''}`}
        width={240}
        height={240}
        style={{ margin: '8px 0' }}
        onError={onError}
        data-testid="qr-preview"
      />
      <Typography.Text>{t('scanHint')}</Typography.Text>
    </div>
  );
};
