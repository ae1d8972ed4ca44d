import type { Role } from '../identity/roles';
import { err, ok, type Result } from '../shared/result';
import type { RuleHit } from '../shared/rule-hit';
import { SIGNING_ROLES, type ApprovalStep } from './approval-steps';
import type { ApproverRole } from './compensation-policy';

export type SignatureMeaning = 'approve' | 'reject';

/** A signature already given on this proposal version. */
export type GivenSignature = {
  readonly role: ApproverRole;
  readonly stepIndex: number;
  readonly signerId: string;
  readonly meaning: SignatureMeaning;
};

export type ProposalApprovalState = {
  readonly status: 'pending_approval' | 'approved' | 'rejected' | 'superseded';
  readonly contentHash: string;
  readonly proposerId: string | null;
  readonly steps: readonly ApprovalStep[];
  readonly signatures: readonly GivenSignature[];
};

/** A delegation in force now: the delegate may sign as the delegator. */
export type ActiveDelegation = {
  readonly delegatorId: string;
  readonly delegatorRoles: readonly Role[];
};

export type SignatureRequest = {
  readonly signerId: string;
  readonly signerRoles: readonly Role[];
  readonly delegations: readonly ActiveDelegation[];
  /** The hash of the proposal version the signer saw (and the challenge was issued for). */
  readonly proposalHash: string;
  readonly meaning: SignatureMeaning;
  readonly reason: string | null;
  /** Sign as this approver role; when absent, the first open role the signer may fill. */
  readonly role: ApproverRole | null;
};

export type SignatureRefusal =
  | 'PROPOSAL_NOT_PENDING'
  | 'PROPOSAL_STALE'
  | 'SIGNER_NOT_AUTHORIZED'
  | 'SELF_APPROVAL_REFUSED'
  | 'REASON_REQUIRED';

export type SignatureDecision = {
  readonly role: ApproverRole;
  readonly stepIndex: number;
  /** The delegator signed for, when the signer holds the role only through a delegation. */
  readonly onBehalfOfId: string | null;
  /** What the proposal becomes once this signature is stored. */
  readonly outcome: 'pending_approval' | 'approved' | 'rejected';
  readonly rules: readonly RuleHit[];
};

/** Where the approval of a proposal stands: the open step and the roles still to sign in it. */
export const summarizeApproval = (
  steps: readonly ApprovalStep[],
  signatures: readonly GivenSignature[],
): {
  readonly outcome: 'pending_approval' | 'approved' | 'rejected';
  readonly openStep: number | null;
  readonly waitingFor: readonly ApproverRole[];
} => {
  if (signatures.some((s) => s.meaning === 'reject'))
    return { outcome: 'rejected', openStep: null, waitingFor: [] };
  for (const step of steps) {
    const waitingFor = step.roles.filter((r) => !signatures.some((s) => s.role === r));
    if (waitingFor.length > 0) return { outcome: 'pending_approval', openStep: step.index, waitingFor };
  }
  return { outcome: 'approved', openStep: null, waitingFor: [] };
};

const canSignAs = (role: ApproverRole, roles: readonly Role[]): boolean =>
  SIGNING_ROLES[role].some((r) => roles.includes(r));

/**
 * Decides one electronic signature on a compensation proposal (R-APR-1, R-APR-2). Refused when the proposal is no
 * longer waiting for signatures, when it was edited (superseded by a newer version) or the signer saw another version
 * (its hash differs — R-APR-2 "bound to the exact proposal version"), when the signer cannot sign any role of the open step (neither
 * by their own roles nor through a delegation in force), when the signer proposed it (four eyes), or when a rejection
 * has no reason. Steps are signed in order; within a step roles sign in any order (parallel). A rejection ends the
 * approval at once; the last approval of the last step approves the proposal.
 */
export const decideSignature = (
  state: ProposalApprovalState,
  request: SignatureRequest,
): Result<SignatureDecision, { readonly code: SignatureRefusal; readonly detail: string }> => {
  if (state.status === 'superseded') return err({ code: 'PROPOSAL_STALE', detail: 'superseded' });
  if (state.status !== 'pending_approval') return err({ code: 'PROPOSAL_NOT_PENDING', detail: state.status });
  if (request.proposalHash !== state.contentHash)
    return err({ code: 'PROPOSAL_STALE', detail: 'hash_mismatch' });
  if (request.meaning === 'reject' && (request.reason ?? '').trim() === '')
    return err({ code: 'REASON_REQUIRED', detail: 'reject' });
  const summary = summarizeApproval(state.steps, state.signatures);
  const open = summary.waitingFor;
  const own = open.filter((r) => canSignAs(r, request.signerRoles));
  const delegated = open.flatMap((r) =>
    request.delegations.filter((d) => canSignAs(r, d.delegatorRoles)).map((d) => ({ role: r, d })),
  );
  const wanted = request.role;
  let role: ApproverRole | undefined;
  let onBehalfOfId: string | null = null;
  if (wanted) {
    if (own.includes(wanted)) role = wanted;
    else {
      const via = delegated.find((x) => x.role === wanted);
      if (via) {
        role = wanted;
        onBehalfOfId = via.d.delegatorId;
      }
    }
  } else if (own[0]) role = own[0];
  else if (delegated[0]) {
    role = delegated[0].role;
    onBehalfOfId = delegated[0].d.delegatorId;
  }
  if (!role)
    return err({
      code: 'SIGNER_NOT_AUTHORIZED',
      detail: open.length > 0 ? `waiting_for:${open.join(',')}` : 'no_open_step',
    });
  if (state.proposerId !== null && state.proposerId === request.signerId)
    return err({ code: 'SELF_APPROVAL_REFUSED', detail: 'four_eyes' });
  const stepIndex = summary.openStep ?? 0;
  const after = summarizeApproval(state.steps, [
    ...state.signatures,
    { role, stepIndex, signerId: request.signerId, meaning: request.meaning },
  ]);
  const rules: RuleHit[] = [{ rule: 'R-APR-2', detail: `${request.meaning}:${role}:step_${stepIndex}` }];
  if (onBehalfOfId) rules.push({ rule: 'R-APR-1', detail: `delegated_by:${onBehalfOfId}` });
  if (after.outcome === 'approved') rules.push({ rule: 'R-APR-1', detail: 'chain_complete' });
  if (after.outcome === 'rejected') rules.push({ rule: 'R-APR-1', detail: `rejected_by:${role}` });
  return ok({ role, stepIndex, onBehalfOfId, outcome: after.outcome, rules });
};
