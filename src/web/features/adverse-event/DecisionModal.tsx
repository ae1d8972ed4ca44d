import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import type { AdverseEvent, AdverseEventDecision } from '../../app/api-types';
import { dayjs, DISPLAY_TIME_ZONE, formatDateTime } from '../../app/time';
import { useAdverseEventWrites } from './adverse-event-queries';

type Values = {
  reportable?: boolean;
  rationale?: string;
  submissionRef?: string;
  submittedAt?: Dayjs | null;
};

/** One row's form; mounted afresh for every row opened, so no answer carries over to the next row. */
const DecisionForm = ({
  evaluation,
  decision,
  onClose,
}: {
  evaluation: AdverseEvent;
  decision: AdverseEventDecision;
  onClose: (done?: boolean) => void;
}) => {
  const { t, i18n } = useTranslation('adverseEvent');
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const writes = useAdverseEventWrites();
  const [form] = Form.useForm<Values>();
  const reportable = Form.useWatch('reportable', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return; // the form shows what is missing
    setBusy(true);
    setError(undefined);
    try {
      const ref = v.submissionRef?.trim();
      await writes.decide(evaluation.id, decision.id, {
        reportable: v.reportable === true,
        rationale: (v.rationale ?? '').trim(),
        ...(v.reportable && ref
          ? { submissionRef: ref, ...(v.submittedAt ? { submittedAt: v.submittedAt.toISOString() } : {}) }
          : {}),
      });
      onClose(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="decision-modal">
      <Typography.Paragraph>
        <Typography.Text strong>{decision.jurisdiction}</Typography.Text> ·{' '}
        {decision.label?.[lang] ?? decision.reportKind} ·{' '}
        <Typography.Text type="secondary">{formatDateTime(decision.dueAt)}</Typography.Text>
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          reportable: decision.reportable ?? undefined,
          rationale: decision.rationale ?? undefined,
          submissionRef: decision.submissionRef ?? undefined,
          submittedAt: decision.submittedAt ? dayjs(decision.submittedAt).tz(DISPLAY_TIME_ZONE) : null,
        }}
      >
        <Form.Item
          name="reportable"
          label={t('decide.reportable')}
          rules={[{ required: true, message: t('decide.reportable') }]}
        >
          <Radio.Group data-testid="decision-reportable">
            <Radio value={true} data-value="yes">
              {t('decisions.yes')}
            </Radio>
            <Radio value={false} data-value="no">
              {t('decisions.no')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="rationale"
          label={t('decide.rationale')}
          rules={[{ required: true, whitespace: true, message: t('decide.rationaleRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} data-testid="decision-rationale" />
        </Form.Item>
        {reportable === true && (
          <>
            <Form.Item
              name="submissionRef"
              label={t('decide.submissionRef')}
              extra={t('decide.submissionHint')}
            >
              <Input maxLength={120} data-testid="decision-submission-ref" />
            </Form.Item>
            <Form.Item name="submittedAt" label={t('decide.submittedAt')} extra={t('decide.submittedAtHint')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
          </>
        )}
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="decision-error" />}
      <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: 16 }}>
        <Button onClick={() => onClose()}>{t('decide.cancel')}</Button>
        <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="decision-submit">
          {t('decide.submit')}
        </Button>
      </Space>
    </div>
  );
};

/**
 * R-AE-2 one reportability decision: yes or no, always with a rationale; a reportable row may carry the regulator's
 * report number and the submission time (now by default). Sent again to revise or add the submission later.
 */
export const DecisionModal = ({
  evaluation,
  decision,
  onClose,
}: {
  evaluation: AdverseEvent;
  decision: AdverseEventDecision | undefined;
  onClose: (done?: boolean) => void;
}) => {
  const { t } = useTranslation('adverseEvent');
  // The row stays on screen while the modal closes.
  const [shown, setShown] = useState(decision);
  if (decision && decision !== shown) setShown(decision);
  return (
    <Modal
      open={decision !== undefined}
      title={t('decide.title')}
      footer={null}
      destroyOnHidden
      onCancel={() => onClose()}
    >
      {shown && <DecisionForm key={shown.id} evaluation={evaluation} decision={shown} onClose={onClose} />}
    </Modal>
  );
};
