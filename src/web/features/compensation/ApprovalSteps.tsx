import { Space, Steps, Tag, Typography, type StepProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompensationProposal, ProposalSignature } from '../../app/api-types';
import { formatSignedAt, useCompensationLabels } from './compensation-format';

/** One electronic signature as printed on the proposal: meaning, printed name, role, delegation, time, reason. */
export const SignatureLine = ({ s }: { s: ProposalSignature }) => {
  const { t } = useTranslation('compensation');
  const labels = useCompensationLabels();
  const approve = s.meaning === 'approve';
  return (
    <div
      data-testid="signature"
      data-meaning={s.meaning}
      data-void={s.void ? 'true' : 'false'}
      style={{ lineHeight: '24px' }}
    >
      <Space size={4} wrap>
        <Tag color={s.void ? 'default' : approve ? 'green' : 'red'}>
          {approve ? t('steps.approve') : t('steps.reject')}
        </Tag>
        <Typography.Text strong={!s.void} delete={s.void} data-testid="signature-name">
          {s.signerName}
        </Typography.Text>
        <Typography.Text type="secondary" delete={s.void}>
          {labels.approver(s.role)}
        </Typography.Text>
        {s.onBehalfOfName && (
          <Tag color="blue" data-testid="signature-on-behalf">
            {t('steps.onBehalfOf', { name: s.onBehalfOfName })}
          </Tag>
        )}
        <Typography.Text type="secondary" delete={s.void} data-testid="signature-time">
          {formatSignedAt(s.signedAt)}
        </Typography.Text>
        {s.void && <Tag data-testid="signature-void">{t('steps.void')}</Tag>}
      </Space>
      {s.reason && (
        <div>
          <Typography.Text type={approve ? 'secondary' : 'danger'} delete={s.void}>
            {t('steps.reason', { reason: s.reason })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
};

const stepStatus = (
  p: CompensationProposal,
  index: number,
  roles: readonly string[],
  given: readonly ProposalSignature[],
): StepProps['status'] => {
  if (given.some((s) => s.meaning === 'reject')) return 'error';
  if (roles.every((r) => given.some((s) => s.role === r && s.meaning === 'approve'))) return 'finish';
  if (p.status === 'pending_approval' && p.openStep === index) return 'process';
  return 'wait';
};

/**
 * R-APR-1 steps in signing order (roles of one step sign in parallel), each with the signatures given for it
 * (R-APR-2: printed name, role, time and meaning). Signatures of a version no longer in force are struck through.
 */
export const ApprovalSteps = ({ proposal: p }: { proposal: CompensationProposal }) => {
  const { t } = useTranslation('compensation');
  const labels = useCompensationLabels();
  if (p.steps.length === 0) return <Typography.Text type="secondary">{t('steps.none')}</Typography.Text>;
  return (
    <Steps
      direction="vertical"
      size="small"
      data-testid="approval-steps"
      items={p.steps.map((step) => {
        const given = p.signatures.filter((s) => s.stepIndex === step.index);
        const status = stepStatus(
          p,
          step.index,
          step.roles,
          given.filter((s) => !s.void),
        );
        const unsigned = step.roles.filter((r) => !given.some((s) => s.role === r && !s.void));
        return {
          status,
          title: (
            <Space size={4} wrap>
              <span>{t('steps.step', { n: step.index + 1 })}</span>
              <span>{step.roles.map((r) => labels.approver(r)).join(' + ')}</span>
              {step.roles.length > 1 && <Tag color="purple">{t('steps.parallel')}</Tag>}
            </Space>
          ),
          description: (
            <div data-testid={`approval-step-${step.index}`}>
              {given.map((s) => (
                <SignatureLine key={s.id} s={s} />
              ))}
              {p.status === 'pending_approval' &&
                unsigned.map((r) => (
                  <div key={r}>
                    <Typography.Text type="secondary">
                      {labels.approver(r)} ·{' '}
                      {p.openStep === step.index ? t('steps.waiting') : t('steps.notYet')}
                    </Typography.Text>
                  </div>
                ))}
            </div>
          ),
        };
      })}
    />
  );
};
