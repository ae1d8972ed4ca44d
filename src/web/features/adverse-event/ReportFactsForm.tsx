import { App, Button, Card, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import type { AdverseEvent, ReportFacts } from '../../app/api-types';
import { DEVICE_OPERATORS, PATIENT_SEXES } from '../../../domain/adverse-event/adverse-event';
import { useAdverseEventWrites } from './adverse-event-queries';

type Values = Omit<ReportFacts, 'deviceAvailableForEvaluation'> & { available?: 'yes' | 'no' | 'unknown' };

const blank = (s: string | null | undefined): string | null => {
  const v = s?.trim() ?? '';
  return v === '' ? null : v;
};

/**
 * Report facts the complaint record does not hold (patient outcome, age, sex, operator, whether the device can be
 * evaluated, cause analysis, manufacturer actions); saved as a whole, an empty field clears it.
 */
export const ReportFactsForm = ({
  evaluation,
  disabled,
}: {
  evaluation: AdverseEvent;
  disabled: boolean;
}) => {
  const { t } = useTranslation('adverseEvent');
  const { message } = App.useApp();
  const writes = useAdverseEventWrites();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const f = evaluation.facts;
  const save = async () => {
    const v = form.getFieldsValue();
    setBusy(true);
    try {
      await writes.saveFacts(evaluation.id, {
        patientOutcome: blank(v.patientOutcome),
        patientAge: v.patientAge ?? null,
        patientSex: v.patientSex ?? null,
        deviceOperator: v.deviceOperator ?? null,
        deviceAvailableForEvaluation: v.available === 'yes' ? true : v.available === 'no' ? false : null,
        causeAnalysis: blank(v.causeAnalysis),
        manufacturerActions: blank(v.manufacturerActions),
      });
      void message.success(t('facts.saved'));
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e), 6);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title={t('facts.title')}
      data-testid="adverse-event-facts"
      extra={
        !disabled && (
          <Button
            size="small"
            type="primary"
            loading={busy}
            onClick={() => void save()}
            data-testid="facts-save"
          >
            {t('facts.save')}
          </Button>
        )
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={disabled}
        initialValues={{
          patientOutcome: f.patientOutcome ?? undefined,
          patientAge: f.patientAge ?? undefined,
          patientSex: f.patientSex ?? undefined,
          deviceOperator: f.deviceOperator ?? undefined,
          available:
            f.deviceAvailableForEvaluation === true
              ? 'yes'
              : f.deviceAvailableForEvaluation === false
                ? 'no'
                : 'unknown',
          causeAnalysis: f.causeAnalysis ?? undefined,
          manufacturerActions: f.manufacturerActions ?? undefined,
        }}
      >
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
            gap: '0 12px',
          }}
        >
          <Form.Item name="patientAge" label={t('facts.patientAge')}>
            <InputNumber min={0} max={150} style={{ width: '100%' }} data-testid="facts-age" />
          </Form.Item>
          <Form.Item name="patientSex" label={t('facts.patientSex')}>
            <Select
              allowClear
              options={PATIENT_SEXES.map((s) => ({ value: s, label: t(`facts.sexes.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="deviceOperator" label={t('facts.deviceOperator')}>
            <Select
              allowClear
              options={DEVICE_OPERATORS.map((o) => ({ value: o, label: t(`facts.operators.${o}`) }))}
            />
          </Form.Item>
          <Form.Item name="available" label={t('facts.deviceAvailable')}>
            <Radio.Group optionType="button" size="small">
              {(['yes', 'no', 'unknown'] as const).map((a) => (
                <Radio key={a} value={a}>
                  {t(`facts.available.${a}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        </div>
        <Form.Item name="patientOutcome" label={t('facts.patientOutcome')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="facts-outcome" />
        </Form.Item>
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
            gap: '0 12px',
          }}
        >
          <Form.Item name="causeAnalysis" label={t('facts.causeAnalysis')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item name="manufacturerActions" label={t('facts.manufacturerActions')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </div>
      </Form>
    </Card>
  );
};
