import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api-client';
import type { CompensationProposal, CompensationView } from '../../app/api-types';
import {
  COMPENSATION_KINDS,
  FOOD_CASES,
  PROBLEM_LEVELS,
} from '../../../domain/compensation/compensation-policy';
import { useCompensationLabels } from './compensation-format';
import { useRefreshCompensation } from './compensation-queries';
import { FACT_FLAGS, initialProposalValues, toProposeBody, type ProposalFormValues } from './proposal-form';

/**
 * Proposes from the compensation policy: the proposer states the facts the record does not hold (food case, price,
 * evidenced losses, verification…) and either takes the engine's ranked options or sets their own (checked against
 * legal floors by the server). A revision supersedes the version in force and voids its signatures.
 */
export const ProposeModal = ({
  complaintId,
  current,
  open,
  onClose,
}: {
  complaintId: string;
  current: CompensationProposal | null;
  open: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation('compensation');
  const { message } = App.useApp();
  const labels = useCompensationLabels();
  const refresh = useRefreshCompensation();
  const [form] = Form.useForm<ProposalFormValues>();
  const custom = Form.useWatch('custom', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const required = [{ required: true, message: t('common:required') }];

  const close = () => {
    setError(undefined);
    onClose();
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    setBusy(true);
    setError(undefined);
    try {
      const view = await api.post<CompensationView>(
        `/api/v1/complaints/${complaintId}/compensation/proposals`,
        toProposeBody(v),
      );
      void message.success(t('propose.done', { version: view.current?.version ?? '' }));
      await refresh(complaintId, view);
      close();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={current ? t('propose.revise') : t('propose.title')}
      width={760}
      onCancel={close}
      onOk={() => void submit()}
      okText={t('propose.submit')}
      okButtonProps={{ 'data-testid': 'propose-submit' } as never}
      confirmLoading={busy}
      destroyOnHidden
    >
      {current && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('propose.reviseWarning')} />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialProposalValues(current)}
        preserve={false}
        data-testid="propose-form"
      >
        <Divider orientation="left" plain style={{ marginTop: 0 }}>
          {t('propose.facts')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="foodCase" label={t('propose.foodCase')}>
              <Select
                allowClear
                placeholder={t('propose.derived')}
                data-testid="propose-food-case"
                options={FOOD_CASES.map((c) => ({ value: c, label: t(`foodCase.${c}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="problemLevel" label={t('propose.problemLevel')}>
              <Select
                allowClear
                placeholder={t('propose.derived')}
                options={PROBLEM_LEVELS.map((l) => ({ value: l, label: t(`problemLevel.${l}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="unitPriceYuan"
              label={t('propose.unitPrice')}
              tooltip={t('propose.unitPriceHint')}
            >
              <InputNumber
                min={0}
                step={0.01}
                precision={2}
                style={{ width: '100%' }}
                data-testid="propose-unit-price"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="quantity" label={t('propose.quantity')}>
              <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="lossYuan" label={t('propose.loss')} tooltip={t('propose.lossHint')}>
              <InputNumber min={0} step={0.01} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="priorFailedRepairs" label={t('propose.priorFailedRepairs')}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="mileageKm" label={t('propose.mileageKm')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="executionWorkingDays" label={t('propose.executionWorkingDays')}>
              <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="flags">
              <Checkbox.Group
                options={FACT_FLAGS.map((k) => ({
                  value: k,
                  label: <span data-testid={`propose-flag-${k}`}>{t(`propose.${k}`)}</span>,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t('propose.note')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="custom"
          valuePropName="checked"
          extra={t('propose.customHint')}
          style={{ marginBottom: 8 }}
        >
          <Checkbox data-testid="propose-custom">{t('propose.customOptions')}</Checkbox>
        </Form.Item>
        {custom && (
          <Form.List name="options">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'kind']} label={t('propose.optionKind')} rules={required}>
                      <Select
                        style={{ width: 170 }}
                        options={COMPENSATION_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'amountYuan']}
                      label={t('propose.optionAmount')}
                      rules={required}
                    >
                      <InputNumber min={0} step={0.01} precision={2} style={{ width: 130 }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'description']}
                      label={t('propose.optionDescription')}
                      rules={required}
                    >
                      <Input style={{ width: 260 }} maxLength={500} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={fields.length >= 10}
                  onClick={() => add({ kind: 'company_products', amountYuan: 0, description: '' })}
                >
                  {t('propose.addOption')}
                </Button>
              </>
            )}
          </Form.List>
        )}
      </Form>
      {error && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} data-testid="propose-error" />
      )}
    </Modal>
  );
};
