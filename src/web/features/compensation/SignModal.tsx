import { Alert, App, Button, Form, Input, Modal, Radio, Select, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api-client';
import type {
  CompensationProposal,
  CompensationView,
  PendingApproval,
  SignProposalBody,
  SigningChallenge,
} from '../../app/api-types';
import { formatDateTime } from '../../app/time';
import { shortHash, useCompensationLabels } from './compensation-format';
import { useRefreshCompensation, useUserNames } from './compensation-queries';

type Values = { signAs: string; meaning: 'approve' | 'reject'; reason?: string; password: string };

/** Errors after which the challenge cannot be answered any more: a new one is needed (after a reload). */
const RESTART_CODES = new Set(['SIGNATURE_CHALLENGE_INVALID', 'PROPOSAL_STALE', 'PROPOSAL_NOT_PENDING']);

const keyOf = (c: PendingApproval['canSignAs'][number]) => `${c.role}|${c.onBehalfOfId ?? ''}`;

/**
 * The electronic signature (R-APR-2): a single-use challenge binds the proposal version's hash, the statement the
 * signer makes is shown, then meaning (approve / reject with a reason) and the password are given. A wrong password
 * (401 SIGNATURE_REAUTH_FAILED) is answered here, in the modal — it is not a lost session.
 */
export const SignModal = ({
  proposal,
  pending,
  onClose,
}: {
  proposal: CompensationProposal | undefined;
  pending: PendingApproval | undefined;
  onClose: () => void;
}) => {
  const { t } = useTranslation('compensation');
  const { message } = App.useApp();
  const labels = useCompensationLabels();
  const nameOf = useUserNames();
  const refresh = useRefreshCompensation();
  const [form] = Form.useForm<Values>();
  const meaning = Form.useWatch('meaning', form);
  const [challenge, setChallenge] = useState<SigningChallenge>();
  const [error, setError] = useState<{ code: string; text: string }>();
  const [busy, setBusy] = useState(false);
  const open = !!proposal && !!pending;
  const proposalId = proposal?.id;

  const start = async (id: string) => {
    setChallenge(undefined);
    setError(undefined);
    try {
      setChallenge(await api.post<SigningChallenge>(`/api/v1/compensation/proposals/${id}/challenge`));
    } catch (e) {
      setError(
        e instanceof ApiError ? { code: e.code, text: e.message } : { code: 'ERROR', text: String(e) },
      );
    }
  };

  useEffect(() => {
    if (open && proposalId) void start(proposalId);
  }, [open, proposalId]);

  if (!proposal || !pending) return null;
  const stale = !!challenge && challenge.proposalHash !== proposal.contentHash;

  const close = () => {
    form.resetFields();
    setChallenge(undefined);
    setError(undefined);
    onClose();
  };

  const restart = async () => {
    await refresh(proposal.complaintId);
    await start(proposal.id);
  };

  const submit = async () => {
    if (!challenge) return;
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const as = pending.canSignAs.find((c) => keyOf(c) === v.signAs) ?? pending.canSignAs[0];
    const body: SignProposalBody = {
      challengeId: challenge.challengeId,
      proposalHash: challenge.proposalHash,
      meaning: v.meaning,
      password: v.password,
      ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
      ...(as ? { role: as.role } : {}),
    };
    setBusy(true);
    setError(undefined);
    try {
      const view = await api.post<CompensationView>(
        `/api/v1/compensation/proposals/${proposal.id}/signatures`,
        body,
      );
      void message.success(t('sign.signed'));
      await refresh(proposal.complaintId, view);
      close();
    } catch (e) {
      // 401 here means the password did not match: the session is intact, the challenge can be answered again.
      if (e instanceof ApiError) {
        setError({ code: e.code, text: e.message });
        if (e.code === 'SIGNATURE_REAUTH_FAILED') form.setFieldValue('password', '');
      } else setError({ code: 'ERROR', text: String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('sign.title')}
      onCancel={close}
      width={620}
      footer={[
        <Button key="cancel" onClick={close}>
          {t('common:cancel')}
        </Button>,
        <Button
          key="sign"
          type="primary"
          danger={meaning === 'reject'}
          loading={busy}
          disabled={!challenge || stale}
          onClick={() => void submit()}
          data-testid="sign-submit"
        >
          {t('sign.submit')}
        </Button>,
      ]}
    >
      <div data-testid="sign-modal">
        {!challenge && !error && (
          <div style={{ textAlign: 'center', padding: 24 }}>
            <Spin tip={t('sign.loading')}>
              <div style={{ height: 40 }} />
            </Spin>
          </div>
        )}
        {challenge && (
          <>
            <Typography.Text type="secondary">{t('sign.statement')}</Typography.Text>
            <Typography.Paragraph
              data-testid="sign-statement"
              style={{ background: '#f0f5ff', border: '1px solid #adc6ff', padding: 12, borderRadius: 6 }}
            >
              {challenge.statement[labels.lang]}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('sign.subject', {
                version: challenge.proposalVersion,
                hash: shortHash(challenge.proposalHash),
              })}
              {' · '}
              {t('sign.expires', { time: formatDateTime(challenge.expiresAt) })}
            </Typography.Paragraph>
          </>
        )}
        {stale && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('sign.staleView')}
            action={
              <Button size="small" onClick={() => void restart()}>
                {t('reload')}
              </Button>
            }
          />
        )}
        <Form
          form={form}
          layout="vertical"
          disabled={!challenge}
          initialValues={{
            signAs: pending.canSignAs[0] ? keyOf(pending.canSignAs[0]) : undefined,
            meaning: 'approve',
          }}
        >
          <Form.Item name="signAs" label={t('sign.signAs')} rules={[{ required: true }]}>
            <Select
              data-testid="sign-as"
              options={pending.canSignAs.map((c) => ({
                value: keyOf(c),
                label: c.onBehalfOfId
                  ? `${labels.approver(c.role)} · ${t('steps.onBehalfOf', { name: nameOf(c.onBehalfOfId) })}`
                  : labels.approver(c.role),
              }))}
            />
          </Form.Item>
          <Form.Item name="meaning" label={t('sign.meaning')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" buttonStyle="solid">
              <Radio.Button value="approve" data-testid="sign-approve">
                {t('sign.approve')}
              </Radio.Button>
              <Radio.Button value="reject" data-testid="sign-reject">
                {t('sign.reject')}
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="reason"
            label={meaning === 'reject' ? t('sign.reason') : t('sign.comment')}
            rules={
              meaning === 'reject'
                ? [{ required: true, whitespace: true, message: t('sign.reasonRequired') }]
                : []
            }
          >
            <Input.TextArea rows={2} maxLength={500} data-testid="sign-reason" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('sign.password')}
            extra={t('sign.passwordHint')}
            rules={[{ required: true, message: t('sign.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="sign-password" />
          </Form.Item>
        </Form>
        {error && (
          <Alert
            type="error"
            showIcon
            message={error.text}
            data-testid="sign-error"
            data-code={error.code}
            action={
              RESTART_CODES.has(error.code) ? (
                <Button size="small" onClick={() => void restart()}>
                  {t('sign.restart')}
                </Button>
              ) : undefined
            }
          />
        )}
      </div>
    </Modal>
  );
};
