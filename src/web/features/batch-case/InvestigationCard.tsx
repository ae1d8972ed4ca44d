import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import type { BatchCase, FileBatchInvestigationBody } from '../../app/api-types';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../app/time';
import { useUserNames } from '../compensation/compensation-queries';
import { formatUnits } from './batch-case-format';
import { InvestigationClock } from './InvestigationClock';
import { useRefreshQuality, useWrite } from './quality-queries';

type RetainedResult = FileBatchInvestigationBody['retainedSamples']['result'];
const RESULTS: readonly RetainedResult[] = ['conforming', 'nonconforming', 'no_sample'];

type Values = {
  retainedResult: RetainedResult;
  retainedDetail: string;
  batchQuantity?: number | null;
  productionConditions: string;
  shipments?: { region: string; quantity: number }[];
  conclusion: string;
};

/**
 * The batch investigation quality files within 2 hours of opening (R-BAT-4, R-SLA-11): the form is prefilled from
 * the batch and shipment records; once filed it shows what was found and whether it was late (red).
 */
export const InvestigationCard = ({ batchCase }: { batchCase: BatchCase }) => {
  const { t } = useTranslation('batchCase');
  const { message } = App.useApp();
  const { access } = useSession();
  const userName = useUserNames();
  const refresh = useRefreshQuality();
  const { busy, run } = useWrite();
  const [form] = Form.useForm<Values>();
  const inv = batchCase.investigation;
  const title = (
    <Space>
      {t('investigation.title')}
      <InvestigationClock batchCase={{ ...batchCase, late: inv?.late }} />
    </Space>
  );

  if (inv)
    return (
      <Card title={title} data-testid="batch-investigation">
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('investigation.filedAt')}>
            <Space>
              {formatDateTime(batchCase.investigationFiledAt)}
              {inv.late ? (
                <Tag color="red">{t('investigation.late')}</Tag>
              ) : (
                <Tag color="green">{t('investigation.onTime')}</Tag>
              )}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('investigation.filedBy')}>
            {userName(batchCase.investigationFiledBy)}
          </Descriptions.Item>
          <Descriptions.Item label={t('investigation.retainedSamples')} span={2}>
            <Tag color={inv.retainedSamples.result === 'nonconforming' ? 'red' : 'default'}>
              {t(`sampleResult.${inv.retainedSamples.result}`)}
            </Tag>
            {inv.retainedSamples.detail}
          </Descriptions.Item>
          <Descriptions.Item label={t('investigation.batchQuantity')}>
            {formatUnits(inv.batchQuantity)}
          </Descriptions.Item>
          <Descriptions.Item label={t('investigation.shipments')}>
            {inv.shipmentsByRegion.map((s) => `${s.region} ${formatUnits(s.quantity)}`).join('；') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('investigation.productionConditions')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {inv.productionConditions}
            </Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t('investigation.conclusion')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {inv.conclusion}
            </Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t('investigation.rules')} span={2}>
            {inv.rules.map((r) => (
              <Tag key={`${r.rule}-${r.detail ?? ''}`} color={r.detail === 'breached' ? 'red' : 'blue'}>
                {r.rule}
                {r.detail ? ` · ${r.detail}` : ''}
              </Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
    );

  const mayFile =
    access.has('batch.manage') && (batchCase.status === 'open' || batchCase.status === 'investigating');
  if (!mayFile)
    return (
      <Card title={title} data-testid="batch-investigation">
        <Typography.Text type="secondary">{t('investigation.readOnly')}</Typography.Text>
      </Card>
    );

  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const shipments = (v.shipments ?? []).filter((s) => s?.region?.trim());
    const body: FileBatchInvestigationBody = {
      retainedSamples: { result: v.retainedResult, detail: v.retainedDetail.trim() },
      ...(v.batchQuantity ? { batchQuantity: v.batchQuantity } : {}),
      productionConditions: v.productionConditions.trim(),
      ...(shipments.length > 0
        ? { shipmentsByRegion: shipments.map((s) => ({ region: s.region.trim(), quantity: s.quantity })) }
        : {}),
      conclusion: v.conclusion.trim(),
    };
    const view = await run(() =>
      api.post<BatchCase>(`/api/v1/batch-cases/${batchCase.id}/investigation`, body),
    );
    if (!view) return;
    if (view.investigation?.late) void message.warning(t('investigation.lateDone'), 6);
    else void message.success(t('investigation.done'));
    await refresh.batchCase(view);
  };

  const required = [{ required: true, whitespace: true, message: t('investigation.required') }];
  return (
    <Card title={title} data-testid="batch-investigation">
      <Form<Values>
        form={form}
        name="batch-investigation"
        layout="vertical"
        initialValues={{
          batchQuantity: batchCase.prefill.batchQuantity,
          shipments: batchCase.prefill.shipmentsByRegion,
        }}
      >
        <Space align="start" wrap style={{ width: '100%' }}>
          <Form.Item
            name="retainedResult"
            label={t('investigation.retainedResult')}
            rules={[{ required: true, message: t('investigation.required') }]}
          >
            <Select
              style={{ width: 180 }}
              data-testid="inv-retained-result"
              options={RESULTS.map((r) => ({ value: r, label: t(`sampleResult.${r}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="batchQuantity"
            label={t('investigation.batchQuantity')}
            extra={
              batchCase.prefill.productionDate
                ? t('investigation.productionDate', { date: batchCase.prefill.productionDate })
                : t('investigation.batchQuantityHint')
            }
          >
            <InputNumber min={1} precision={0} style={{ width: 200 }} data-testid="inv-batch-quantity" />
          </Form.Item>
        </Space>
        <Form.Item name="retainedDetail" label={t('investigation.retainedDetail')} rules={required}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="inv-retained-detail" />
        </Form.Item>
        <Form.Item
          name="productionConditions"
          label={t('investigation.productionConditions')}
          rules={required}
        >
          <Input.TextArea
            rows={3}
            maxLength={4000}
            placeholder={t('investigation.productionPlaceholder')}
            data-testid="inv-production"
          />
        </Form.Item>
        <Form.Item label={t('investigation.shipments')} extra={t('investigation.shipmentsHint')}>
          <Form.List name="shipments">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'region']} rules={required}>
                      <Input maxLength={64} style={{ width: 160 }} placeholder={t('seal.region')} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'quantity']}
                      rules={[{ required: true, message: t('investigation.required') }]}
                    >
                      <InputNumber min={0} precision={0} style={{ width: 160 }} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                  {t('investigation.addShipment')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="conclusion" label={t('investigation.conclusion')} rules={required}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="inv-conclusion" />
        </Form.Item>
        <Button type="primary" loading={busy} data-testid="inv-submit" onClick={() => void submit()}>
          {t('investigation.submit')}
        </Button>
      </Form>
    </Card>
  );
};
