import { assertNever } from '../shared/assert-never';
import type { ComplaintKind } from './complaint-vocabulary';
import { findReviewerRole, isReviewChainExhausted } from './find-reviewer-role';
import type {
  LifecycleCommandType,
  LifecycleContext,
  LifecycleError,
  LifecycleState,
} from './lifecycle-types';

export type GuardFailure = Extract<LifecycleError, { readonly code: 'TRANSITION_GUARD_FAILED' }>;

/** Builds a guard failure, leaving out `rule` and `detail` when there is none. */
export const guardFailure = (guard: string, rule?: string, detail?: string): GuardFailure => ({
  code: 'TRANSITION_GUARD_FAILED',
  guard,
  ...(rule === undefined ? {} : { rule }),
  ...(detail === undefined ? {} : { detail }),
});

/** Kinds that need no solution: they may be resolved straight from `assigned` or `investigating` (DOMAIN §2). */
const KINDS_WITHOUT_SOLUTION: readonly ComplaintKind[] = ['inquiry', 'suggestion', 'praise'];

const checkProposer = (state: LifecycleState, ctx: LifecycleContext): GuardFailure | undefined => {
  const { actor, reviewChain } = ctx;
  if (isReviewChainExhausted(reviewChain, state.reviewLevel)) {
    return guardFailure('review_chain_open', 'R-ESC-2', `level:${state.reviewLevel}`);
  }
  if (state.reviewLevel === 0) return undefined;
  if (state.proposers.slice(0, state.reviewLevel).includes(actor.userId)) {
    return guardFailure('different_reviewer', 'R-ESC-2', `previous_proposer:${actor.userId}`);
  }
  const role = findReviewerRole(reviewChain, state.reviewLevel);
  if (role !== undefined && !actor.roles.includes(role)) {
    return guardFailure('reviewer_role', 'R-ESC-2', `requires:${role}`);
  }
  return undefined;
};

const checkApprover = (state: LifecycleState, ctx: LifecycleContext): GuardFailure | undefined => {
  if (!state.proposal) return guardFailure('proposal_present');
  if (!state.proposal.requiresApproval) return guardFailure('approval_requested', 'R-APR-1');
  if (state.proposal.approved) return guardFailure('not_yet_approved', 'R-APR-1');
  if (state.proposers.at(-1) === ctx.actor.userId) return guardFailure('four_eyes', 'R-APR-1');
  return undefined;
};

const checkResolver = (state: LifecycleState, ctx: LifecycleContext): GuardFailure | undefined => {
  if (state.status === 'executing') return undefined;
  if (!KINDS_WITHOUT_SOLUTION.includes(state.kind)) {
    return guardFailure('kind_without_solution', undefined, `kind:${state.kind}`);
  }
  if (isReviewChainExhausted(ctx.reviewChain, state.reviewLevel)) {
    return guardFailure('review_chain_open', 'R-ESC-2', `level:${state.reviewLevel}`);
  }
  return undefined;
};

const checkFinalRuling = (state: LifecycleState, ctx: LifecycleContext): GuardFailure | undefined => {
  if (!isReviewChainExhausted(ctx.reviewChain, state.reviewLevel)) return undefined;
  const role = findReviewerRole(ctx.reviewChain, state.reviewLevel);
  if (role !== undefined && !ctx.actor.roles.includes(role)) {
    return guardFailure('final_ruling_role', 'R-ESC-2', `requires:${role}`);
  }
  return undefined;
};

/**
 * The guards that depend only on the complaint and the actor, not on the command's payload, so the console can
 * hide what would be refused (`findAllowedCommands`). Payload checks (reasons, dates, department) live in
 * `applyLifecycleCommand`. Assumes the command is in the status's table row.
 * - start_investigation: an assigned person starts their own work; a dispatcher (`complaint.assign`) may start it
 *   for them; an unassigned (department-only) complaint is claimed by whoever starts.
 * - propose_solution: R-ESC-2 — not after the chain is exhausted; from level 1 on, not by an earlier level's
 *   proposer and only by the role at `reviewChain[reviewLevel]` (clamped to the last entry).
 * - approve_solution: R-APR-1 seam — only a proposal that asks for approval, once, and never by its proposer.
 * - send_to_customer: R-APR-1 — a proposal that requires approval must be approved first.
 * - resolve: inquiries, suggestions and praise may skip the solution steps; everything else resolves after
 *   execution. Not once the chain is exhausted.
 * - explain: once the chain is exhausted, this is the final ruling and needs the chain's last role (R-ESC-2).
 * - declare_not_valid: not once the chain is exhausted (the final ruling is an explanation).
 * - wait_on_customer / customer_responded: toggle the flag; each only from the opposite value.
 */
export const findGuardFailure = (
  state: LifecycleState,
  type: LifecycleCommandType,
  ctx: LifecycleContext,
): GuardFailure | undefined => {
  switch (type) {
    case 'register':
    case 'triage':
    case 'assign':
    case 'start_execution':
    case 'start_follow_up':
    case 'record_follow_up':
    case 'withdraw':
      return undefined;
    case 'start_investigation':
      return state.assigneeId !== null &&
        state.assigneeId !== ctx.actor.userId &&
        !ctx.actor.permissions.has('complaint.assign')
        ? guardFailure('actor_is_assignee', undefined, `assignee:${state.assigneeId}`)
        : undefined;
    case 'propose_solution':
      return checkProposer(state, ctx);
    case 'approve_solution':
      return checkApprover(state, ctx);
    case 'send_to_customer':
      if (!state.proposal) return guardFailure('proposal_present');
      return state.proposal.requiresApproval && !state.proposal.approved
        ? guardFailure('solution_approved', 'R-APR-1')
        : undefined;
    case 'customer_accept':
    case 'customer_reject':
      return state.proposal ? undefined : guardFailure('proposal_present', 'R-RES-7');
    case 'resolve':
      return checkResolver(state, ctx);
    case 'explain':
      return checkFinalRuling(state, ctx);
    case 'declare_not_valid':
      return isReviewChainExhausted(ctx.reviewChain, state.reviewLevel)
        ? guardFailure('review_chain_open', 'R-ESC-2', `level:${state.reviewLevel}`)
        : undefined;
    case 'wait_on_customer':
      return state.waitingOnCustomer ? guardFailure('not_waiting_on_customer') : undefined;
    case 'customer_responded':
      return state.waitingOnCustomer ? undefined : guardFailure('waiting_on_customer');
    default:
      return assertNever(type);
  }
};
