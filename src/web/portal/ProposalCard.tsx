import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api-client';
import type { PortalAnswerBody, PortalView } from '../app/api-types';
import { fenToYuan, keyFields, trackQueryKey, type PortalKey } from './portal-key';

type Proposal = NonNullable<PortalView['proposal']>;

/** The solution awaiting the customer's answer: choose an option and accept it, or reject it with a reason. */
export const ProposalCard = ({ proposal, portalKey }: { proposal: Proposal; portalKey: PortalKey }) => {
  const { t } = useTranslation('portal');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [choice, setChoice] = useState(0);
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const several = proposal.options.length > 1;

  const answer = useMutation({
    mutationFn: (body: Omit<PortalAnswerBody, 'token' | 'number' | 'phoneLast4'>) =>
      api.post<PortalView>('/api/v1/portal/complaints/answer', { ...keyFields(portalKey), ...body }),
    onSuccess: (view, body) => {
      client.setQueryData(trackQueryKey(portalKey), view);
      setRejecting(false);
      void message.success(body.decision === 'accept' ? t('proposal.accepted') : t('proposal.rejected'));
    },
  });

  const option = (o: Proposal['options'][number], i: number) => (
    <div style={{ whiteSpace: 'normal' }}>
      {several && <Typography.Text strong>{t('proposal.option', { n: i + 1 })}：</Typography.Text>}
      <span style={{ whiteSpace: 'pre-wrap' }}>{o.description}</span>
      {o.amountFen > 0 && (
        <div>
          <Typography.Text type="danger" strong data-testid={`portal-option-amount-${i}`}>
            {t('proposal.amount', { yuan: fenToYuan(o.amountFen) })}
          </Typography.Text>
        </div>
      )}
    </div>
  );

  return (
    <Card
      variant="borderless"
      title={t('proposal.title')}
      styles={{ body: { padding: 16 }, header: { background: '#fffbe6' } }}
      data-testid="portal-proposal"
    >
      {several ? (
        <>
          <Typography.Paragraph>{t('proposal.choose')}</Typography.Paragraph>
          <Radio.Group
            value={choice}
            onChange={(e) => setChoice(e.target.value as number)}
            style={{ width: '100%' }}
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              {proposal.options.map((o, i) => (
                <Radio
                  key={i}
                  value={i}
                  data-testid={`portal-option-${i}`}
                  style={{
                    padding: '10px 12px',
                    border: '1px solid #f0f0f0',
                    borderRadius: 8,
                    width: '100%',
                  }}
                >
                  {option(o, i)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </>
      ) : (
        proposal.options[0] && option(proposal.options[0], 0)
      )}
      {proposal.note && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>
          {t('proposal.note')}：{proposal.note}
        </Typography.Paragraph>
      )}
      {answer.isError && !rejecting && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          message={answer.error instanceof ApiError ? answer.error.message : String(answer.error)}
        />
      )}
      <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
        <Button
          type="primary"
          block
          size="large"
          style={{ height: 48 }}
          loading={answer.isPending && !rejecting}
          disabled={answer.isPending}
          onClick={() => answer.mutate({ decision: 'accept', ...(several ? { optionIndex: choice } : {}) })}
          data-testid="portal-accept"
        >
          {t('proposal.accept')}
        </Button>
        <Button block size="large" danger onClick={() => setRejecting(true)} data-testid="portal-reject">
          {t('proposal.reject')}
        </Button>
      </Space>
      <Modal
        open={rejecting}
        title={t('proposal.rejectTitle')}
        onCancel={() => setRejecting(false)}
        destroyOnHidden
        footer={
          <Button
            type="primary"
            danger
            block
            size="large"
            loading={answer.isPending}
            onClick={() =>
              void form
                .validateFields()
                .then((v) => answer.mutate({ decision: 'reject', reason: v.reason.trim() }))
                .catch(() => undefined)
            }
            data-testid="portal-reject-confirm"
          >
            {t('proposal.confirmReject')}
          </Button>
        }
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('proposal.reason')}
            rules={[
              { required: true, whitespace: true, message: t('proposal.reasonRequired') },
              { max: 1000 },
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={1000}
              data-testid="portal-reject-reason"
            />
          </Form.Item>
        </Form>
        {answer.isError && rejecting && (
          <Alert
            type="error"
            showIcon
            message={answer.error instanceof ApiError ? answer.error.message : String(answer.error)}
          />
        )}
      </Modal>
    </Card>
  );
};
