import { App, Button, Card, Descriptions, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api-client';
import type { BatchCase, DecideBatchCaseBody } from '../../app/api-types';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../app/time';
import { BATCH_CASE_DECISIONS, type BatchCaseDecision } from '../../../domain/batch/batch-case-workflow';
import { useUserNames } from '../compensation/compensation-queries';
import { StartRecallModal } from '../recall/StartRecallModal';
import { useRefreshQuality, useWrite } from './quality-queries';

type Values = { decision: BatchCaseDecision; note: string };

/**
 * R-BAT-5: the GM's decision once the investigation is filed (only batch.decide sees the form), then — for a
 * recall — the way to start it or the link to the recall under way.
 */
export const DecisionCard = ({ batchCase }: { batchCase: BatchCase }) => {
  const { t } = useTranslation('batchCase');
  const { access } = useSession();
  const { modal } = App.useApp();
  const userName = useUserNames();
  const refresh = useRefreshQuality();
  const { busy, run } = useWrite();
  const [form] = Form.useForm<Values>();
  const [starting, setStarting] = useState(false);

  const decide = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const label = t(`decision.${v.decision}`);
    modal.confirm({
      title: t('decide.confirm', { decision: label }),
      okButtonProps: { 'data-testid': 'decide-confirm' } as never,
      onOk: async () => {
        const body: DecideBatchCaseBody = { decision: v.decision, note: v.note.trim() };
        const view = await run(
          () => api.post<BatchCase>(`/api/v1/batch-cases/${batchCase.id}/decision`, body),
          t('decide.done', { decision: label }),
        );
        if (view) await refresh.batchCase(view);
      },
    });
  };

  const decided = batchCase.decision;
  return (
    <Card title={t('decide.title')} data-testid="batch-decision">
      {decided ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('decide.decision')}>
              <Typography.Text strong data-testid="decision-value" data-decision={decided}>
                {t(`decision.${decided}`)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('decide.decidedBy')}>
              {userName(batchCase.decidedBy)}
            </Descriptions.Item>
            <Descriptions.Item label={t('decide.decidedAt')}>
              {formatDateTime(batchCase.decidedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('decide.note')} span={3}>
              {batchCase.decisionNote ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          {decided === 'recall' && (
            <div data-testid="batch-recall">
              <Typography.Text strong style={{ marginRight: 12 }}>
                {t('recall.title')}
              </Typography.Text>
              {batchCase.recall ? (
                <Link to={`/recalls/${batchCase.recall.id}`} data-testid="recall-link">
                  {t('recall.open', { number: batchCase.recall.number })}
                </Link>
              ) : access.has('recall.manage') ? (
                <Space>
                  <Typography.Text type="secondary">{t('recall.notStarted')}</Typography.Text>
                  <Button type="primary" data-testid="recall-start" onClick={() => setStarting(true)}>
                    {t('recall.start')}
                  </Button>
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('recall.notStartedReadOnly')}</Typography.Text>
              )}
            </div>
          )}
        </Space>
      ) : !batchCase.investigation ? (
        <Typography.Text type="secondary">{t('decide.waitInvestigation')}</Typography.Text>
      ) : access.has('batch.decide') ? (
        <Form form={form} name="batch-decision" layout="vertical" style={{ maxWidth: 720 }}>
          <Form.Item name="decision" label={t('decide.decision')} rules={[{ required: true }]}>
            <Radio.Group data-testid="decision-options">
              {BATCH_CASE_DECISIONS.map((d) => (
                <Radio.Button key={d} value={d} data-testid={`decision-${d}`}>
                  {t(`decision.${d}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="note"
            label={t('decide.note')}
            rules={[{ required: true, whitespace: true, message: t('decide.noteRequired') }]}
          >
            <Input.TextArea
              rows={2}
              maxLength={2000}
              placeholder={t('decide.notePlaceholder')}
              data-testid="decision-note"
            />
          </Form.Item>
          <Button type="primary" loading={busy} data-testid="decide-submit" onClick={() => void decide()}>
            {t('decide.submit')}
          </Button>
        </Form>
      ) : (
        <Typography.Text type="secondary">{t('decide.waitGm')}</Typography.Text>
      )}
      <StartRecallModal batchCase={starting ? batchCase : undefined} onClose={() => setStarting(false)} />
    </Card>
  );
};
