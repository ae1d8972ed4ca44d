import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, ApiError, toQuery } from '../../app/api-client';
import type {
  BatchPage,
  CreateComplaintBody,
  CustomerLookup as Lookup,
  IntakeView,
  ProductPage,
} from '../../app/api-types';
import { useSession } from '../../app/session';
import {
  CHANNELS,
  COMPLAINT_KINDS,
  CUSTOMER_TYPES,
  DEMANDS,
  ESCALATION_FLAGS,
  INJURY_LEVELS,
  SPECIAL_GROUPS,
} from '../../../domain/complaint/complaint-vocabulary';
import { CustomerLookup } from './CustomerLookup';
import { registerMessages } from '../../app/i18n';
import { intakeMessages } from './intake.i18n';

registerMessages('intake', intakeMessages);

type Values = {
  phone?: string;
  name: string;
  customerType: (typeof CUSTOMER_TYPES)[number];
  specialGroup?: (typeof SPECIAL_GROUPS)[number];
  productId?: string;
  productName?: string;
  batchNo?: string;
  purchaseDate?: Dayjs;
  purchasePlace?: string;
  kind: (typeof COMPLAINT_KINDS)[number];
  channel: (typeof CHANNELS)[number];
  description: string;
  injury?: (typeof INJURY_LEVELS)[number];
  demands?: (typeof DEMANDS)[number][];
  flags?: (typeof ESCALATION_FLAGS)[number][];
  claimedYuan?: number;
};

/** Hotline registration built for speed (issue 4): caller look-up, pick-lists, the injury question, Ctrl+Enter. */
const HotlinePage = () => {
  const { t } = useTranslation('intake');
  const { t: tv } = useTranslation('vocab');
  const { access } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [lookup, setLookup] = useState<Lookup>();
  const [customerId, setCustomerId] = useState<string>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<IntakeView>();
  const [productQuery, setProductQuery] = useState('');
  const phoneRef = useRef<HTMLInputElement | null>(null);
  const productId = Form.useWatch('productId', form);
  const products = useQuery({
    queryKey: ['products', productQuery],
    queryFn: () =>
      api.get<ProductPage>(
        `/api/v1/products${toQuery({ q: productQuery || undefined, active: 'true', limit: 50 })}`,
      ),
    enabled: access.has('reference.read'),
  });
  const batches = useQuery({
    queryKey: ['batches', productId],
    queryFn: () => api.get<BatchPage>(`/api/v1/batches${toQuery({ productId, limit: 100 })}`),
    enabled: !!productId && access.has('reference.read'),
  });

  const runLookup = async () => {
    const phone = form.getFieldValue('phone') as string | undefined;
    if (!phone || phone.replace(/\D/g, '').length < 5 || !access.has('customer.read')) return;
    try {
      const r = await api.get<Lookup>(`/api/v1/customers/lookup${toQuery({ phone })}`);
      setLookup(r);
      const only = r.matches.length === 1 ? r.matches[0] : undefined;
      if (only) choose(only);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  const choose = (m: Lookup['matches'][number]) => {
    setCustomerId(m.customer.id);
    form.setFieldsValue({
      name: m.customer.name,
      customerType: m.customer.type,
      specialGroup: m.customer.specialGroup ?? undefined,
    });
  };

  const submit = async () => {
    // Invalid fields show their messages; nothing to send.
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    setBusy(true);
    const product = products.data?.items.find((p) => p.id === v.productId);
    const body: CreateComplaintBody = {
      kind: v.kind,
      channel: v.channel,
      customer: {
        ...(customerId ? { id: customerId } : {}),
        name: v.name,
        phone: v.phone || null,
        type: v.customerType,
        specialGroup: v.specialGroup ?? null,
      },
      product: {
        ...(product ? { id: product.id } : { name: v.productName || null }),
        batchNo: v.batchNo || null,
        purchaseDate: v.purchaseDate ? v.purchaseDate.format('YYYY-MM-DD') : null,
        purchasePlace: v.purchasePlace || null,
      },
      problem: { description: v.description },
      demands: v.demands ?? [],
      injury: v.injury ?? 'none',
      flags: v.flags ?? [],
      claimedAmountFen: v.claimedYuan ? Math.round(v.claimedYuan * 100) : null,
    };
    try {
      const r = await api.post<IntakeView>('/api/v1/complaints', body, {
        headers: { 'idempotency-key': crypto.randomUUID() },
      });
      for (const f of files) {
        if (!f.originFileObj) continue;
        const data = new FormData();
        data.append('file', f.originFileObj, f.name);
        try {
          await api.post(`/api/v1/complaints/${r.complaint.id}/evidence`, data);
        } catch (e) {
          void message.error(
            t('uploadFailed', { name: f.name, reason: e instanceof ApiError ? e.message : String(e) }),
          );
        }
      }
      void message.success(t('created', { number: r.complaint.number }));
      setDone(r);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e), 6);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !done) {
        e.preventDefault();
        void submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (done) {
    const handling = done.afterHours.handling;
    return (
      <Card>
        <Result
          status="success"
          title={<span data-testid="intake-number">{t('created', { number: done.complaint.number })}</span>}
          subTitle={
            <Space direction="vertical">
              {handling !== 'normal' && (
                <Alert
                  type="warning"
                  showIcon
                  message={t('afterHours', { handling: t(`handling.${handling}`) })}
                />
              )}
              {done.duplicates.length > 0 && (
                <Alert
                  type="info"
                  showIcon
                  message={t('duplicates', { list: done.duplicates.map((d) => d.number).join('、') })}
                />
              )}
            </Space>
          }
          extra={[
            <Link key="open" to={`/complaints/${done.complaint.id}`}>
              <Button type="primary">{t('open')}</Button>
            </Link>,
            <Button
              key="again"
              onClick={() => {
                setDone(undefined);
                setLookup(undefined);
                setCustomerId(undefined);
                setFiles([]);
                form.resetFields();
                setTimeout(() => phoneRef.current?.focus(), 0);
              }}
            >
              {t('another')}
            </Button>,
          ]}
        />
      </Card>
    );
  }

  return (
    <Card title={t('title')} extra={<Typography.Text type="secondary">{t('hint')}</Typography.Text>}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'complaint', channel: 'hotline', customerType: 'consumer' }}
        onFinish={() => void submit()}
      >
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            <Typography.Title level={5}>{t('customer')}</Typography.Title>
            <Form.Item label={t('phone')} name="phone">
              <Input.Search
                ref={(r) => {
                  phoneRef.current = r?.input ?? null;
                }}
                autoFocus
                enterButton={t('lookup')}
                onSearch={() => void runLookup()}
                onBlur={() => void runLookup()}
                data-testid="intake-phone"
              />
            </Form.Item>
            <CustomerLookup lookup={lookup} chosenId={customerId} onChoose={choose} />
            <Row gutter={12} style={{ marginTop: 12 }}>
              <Col span={12}>
                <Form.Item
                  label={t('name')}
                  name="name"
                  rules={[{ required: true, message: t('nameRequired') }]}
                >
                  <Input data-testid="intake-name" maxLength={100} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label={t('customerType')} name="customerType">
                  <Select
                    options={CUSTOMER_TYPES.map((c) => ({ value: c, label: tv(`customerType.${c}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label={t('specialGroup')} name="specialGroup">
                  <Select
                    allowClear
                    options={SPECIAL_GROUPS.map((c) => ({ value: c, label: tv(`specialGroup.${c}`) }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Typography.Title level={5}>{t('product')}</Typography.Title>
            <Form.Item label={t('productPick')} name="productId">
              <Select
                allowClear
                showSearch
                filterOption={false}
                onSearch={setProductQuery}
                loading={products.isFetching}
                options={products.data?.items.map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))}
                data-testid="intake-product"
              />
            </Form.Item>
            {!productId && (
              <Form.Item label={t('productName')} name="productName">
                <Input maxLength={200} />
              </Form.Item>
            )}
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item label={t('batch')} name="batchNo">
                  <AutoComplete
                    placeholder={t('batchPick')}
                    options={batches.data?.items.map((b) => ({ value: b.batchNo }))}
                    filterOption={(input, o) => String(o?.value ?? '').includes(input)}
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label={t('purchaseDate')} name="purchaseDate">
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label={t('purchasePlace')} name="purchasePlace">
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
            </Row>
          </Col>
          <Col xs={24} lg={12}>
            <Typography.Title level={5}>{t('problem')}</Typography.Title>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item label={t('kind')} name="kind">
                  <Select options={COMPLAINT_KINDS.map((k) => ({ value: k, label: tv(`kind.${k}`) }))} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label={t('channel')} name="channel">
                  <Select options={CHANNELS.map((k) => ({ value: k, label: tv(`channel.${k}`) }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              label={t('description')}
              name="description"
              rules={[{ required: true, message: t('descriptionRequired') }]}
            >
              <Input.TextArea rows={4} maxLength={5000} showCount data-testid="intake-description" />
            </Form.Item>
            <Form.Item
              label={t('injury')}
              name="injury"
              rules={[{ required: true, message: t('injuryRequired') }]}
            >
              <Radio.Group>
                {INJURY_LEVELS.map((i) => (
                  <Radio.Button key={i} value={i} data-testid={`intake-injury-${i}`}>
                    {tv(`injury.${i}`)}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item label={t('demands')} name="demands">
              <Checkbox.Group options={DEMANDS.map((d) => ({ value: d, label: tv(`demand.${d}`) }))} />
            </Form.Item>
            <Form.Item label={t('flags')} name="flags">
              <Checkbox.Group options={ESCALATION_FLAGS.map((f) => ({ value: f, label: tv(`flag.${f}`) }))} />
            </Form.Item>
            <Form.Item label={t('claimed')} name="claimedYuan">
              <InputNumber min={0} max={10_000_000} precision={2} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label={t('evidence')}>
              <Upload
                multiple
                accept="image/*,video/*,application/pdf"
                fileList={files}
                beforeUpload={() => false}
                onChange={(i) => setFiles(i.fileList)}
              >
                <Button icon={<UploadOutlined />}>{t('evidence')}</Button>
              </Upload>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} size="large" data-testid="intake-submit">
              {t('submit')}
            </Button>
          </Col>
        </Row>
      </Form>
    </Card>
  );
};

export default HotlinePage;
