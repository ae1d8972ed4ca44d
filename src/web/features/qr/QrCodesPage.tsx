import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Form, Row, Select, Space, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toQuery } from '../../app/api-client';
import type { BatchPage, Product, ProductPage, QrQuery } from '../../app/api-types';
import { QrLabel } from './QrLabel';
import { registerMessages } from '../../app/i18n';
import { qrMessages } from './qr.i18n';

registerMessages('qr', qrMessages);

const SIZES = [256, 512, 1024] as const;
type Format = NonNullable<QrQuery['format']>;

const download = (href: string, fileName: string) => {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
};

/** `/admin/qr`: a product (and optionally a batch) → the QR code for its package, to download or print. */
const QrCodesPage = () => {
  const { t } = useTranslation('qr');
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const [product, setProduct] = useState<Product | undefined>(undefined);
  const [batchId, setBatchId] = useState<string | undefined>(undefined);
  const [size, setSize] = useState<number>(512);
  const [failed, setFailed] = useState(false);

  const products = useQuery({
    queryKey: ['products', 'qr-picker', q],
    queryFn: ({ signal }) => api.get<ProductPage>(`/api/v1/products${toQuery({ q, limit: 50 })}`, { signal }),
    staleTime: 60_000,
  });
  const batches = useQuery({
    queryKey: ['batches', 'qr-picker', product?.id],
    queryFn: ({ signal }) =>
      api.get<BatchPage>(`/api/v1/batches${toQuery({ productId: product?.id, limit: 200 })}`, { signal }),
    enabled: product !== undefined,
    staleTime: 60_000,
  });
  const batch = batches.data?.items.find((b) => b.id === batchId);
  // The chosen product stays a labelled option while the search shows others.
  const listed = products.data?.items ?? [];
  const productOptions = [
    ...(product && !listed.some((p) => p.id === product.id) ? [product] : []),
    ...listed,
  ].map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }));

  const urlOf = (format: Format, px: number) =>
    product &&
    (batch
      ? `/api/v1/batches/${batch.id}/qr${toQuery({ format, size: px })}`
      : `/api/v1/products/${product.id}/qr${toQuery({ format, size: px })}`);
  const fileName = (format: Format) =>
    `qr-${product?.code ?? ''}${batch ? `-${batch.batchNo}` : ''}.${format}`;
  const preview = urlOf('svg', size);

  const pick = (id: string | undefined) => {
    setProduct(id === product?.id ? product : products.data?.items.find((p) => p.id === id));
    setBatchId(undefined);
    setFailed(false);
  };

  return (
    <Card title={t('title')}>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Row gutter={[24, 16]}>
        <Col xs={24} md={10}>
          <Form layout="vertical">
            <Form.Item label={t('product')} required>
              <Select
                showSearch
                allowClear
                filterOption={false}
                placeholder={t('productPlaceholder')}
                value={product?.id}
                onSearch={setSearch}
                onChange={pick}
                loading={products.isFetching}
                options={productOptions}
                data-testid="qr-product"
              />
            </Form.Item>
            <Form.Item label={t('batch')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                disabled={!product}
                placeholder={t('batchPlaceholder')}
                notFoundContent={t('noBatches')}
                value={batchId}
                onChange={(v: string | undefined) => {
                  setBatchId(v);
                  setFailed(false);
                }}
                loading={batches.isFetching}
                options={(batches.data?.items ?? []).map((b) => ({
                  value: b.id,
                  label: b.productionDate ? `${b.batchNo} (${b.productionDate})` : b.batchNo,
                }))}
                data-testid="qr-batch"
              />
            </Form.Item>
            <Form.Item label={t('size')}>
              <Select
                value={size}
                onChange={setSize}
                options={SIZES.map((n) => ({ value: n, label: t('sizePx', { n }) }))}
                data-testid="qr-size"
              />
            </Form.Item>
          </Form>
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              disabled={!product}
              onClick={() => download(urlOf('png', size) ?? '', fileName('png'))}
              data-testid="qr-download-png"
            >
              {t('downloadPng')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              disabled={!product}
              onClick={() => download(urlOf('svg', size) ?? '', fileName('svg'))}
              data-testid="qr-download-svg"
            >
              {t('downloadSvg')}
            </Button>
            <Button
              type="primary"
              icon={<PrinterOutlined />}
              disabled={!product || failed}
              onClick={() => window.print()}
              data-testid="qr-print"
            >
              {t('print')}
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
            {t('printHint')}
          </Typography.Paragraph>
        </Col>
        <Col xs={24} md={14} style={{ textAlign: 'center' }}>
          {!product || !preview ? (
            <Empty description={t('pickProduct')} />
          ) : failed ? (
            <Alert type="error" showIcon message={t('loadFailed')} />
          ) : (
            <QrLabel
              key={preview}
              src={preview}
              productName={product.name}
              productCode={product.code}
              batchNo={batch?.batchNo}
              onError={() => setFailed(true)}
            />
          )}
        </Col>
      </Row>
    </Card>
  );
};

export default QrCodesPage;
