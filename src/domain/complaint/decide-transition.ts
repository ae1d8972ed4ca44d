import { err, type Result } from '../shared/result';
import { applyLifecycleCommand } from './apply-lifecycle-command';
import { COMMAND_PERMISSIONS } from './command-permissions';
import { findGuardFailure } from './find-guard-failure';
import type {
  LifecycleCommand,
  LifecycleContext,
  LifecycleDecision,
  LifecycleError,
  LifecycleState,
} from './lifecycle-types';
import { findTableCommands, TRANSITION_TABLE } from './transition-table';

/**
 * Decides one step of the complaint lifecycle (issue 3 §3; diagram in docs/complaint-lifecycle.md). Pure and
 * total: it never throws and reads the time only from `ctx.now`. Checks, in order:
 * 1. the (status, command) table — otherwise `ILLEGAL_TRANSITION` listing every command of that status;
 * 2. the command's permission (`COMMAND_PERMISSIONS`, R-SEC-1) — otherwise `FORBIDDEN`;
 * 3. the guards — otherwise `TRANSITION_GUARD_FAILED` naming the guard and the rule.
 *
 * Business rules, each returned as a `RuleHit` when it fires:
 * - register: the hand-off to customer service (R-INT-4); portal intake registers at once.
 * - triage: a person confirms the classification (`classified` becomes true); R-AE-1 records the injury answer,
 *   R-AE-2 fires on serious injury or death, R-CLS-3 on a major complaint. Re-triage is allowed while the
 *   complaint is handled (triaged … executing) without a status change, so deadlines can be recomputed.
 * - assign: a lead department is required; the first one emits `lead_department_decided` (R-SLA-13). Re-assign
 *   without status change from assigned to executing. A major complaint may be assigned by anyone with
 *   `complaint.assign` (an urgent hand-off is never blocked), but R-CLS-3 records whether a service manager did it.
 * - propose / re-review: R-ESC-2 (see `findGuardFailure`); `proposers[level]` is the proposer of each level.
 * - approval: a proposal that requires approval needs a second person (four-eyes, R-APR-1) before sending.
 * - customer_accept: R-RES-7, the execution deadline must be after `now`. customer_reject: R-RES-7 reason,
 *   back to investigating one review level up (R-ESC-2); `escalated` when the reviewer role changes; after the
 *   chain's last level only a final ruling (`explain` by the last role) or a withdrawal can end it.
 * - resolve: after execution, or straight from assigned/investigating for inquiries, suggestions and praise.
 * - record_follow_up: satisfied → closed; not satisfied → reopened (R-FUP-3, the app opens the linked form).
 * - explain (R-CLS-4/R-CLS-6), declare_not_valid (R-CLS-4) and withdraw need a reason.
 * - wait_on_customer / customer_responded toggle `waitingOnCustomer` (clocks pause and resume on the events).
 *   A customer's answer (accept/reject) ends a wait; terminal states clear it silently.
 */
export const decideTransition = (
  state: LifecycleState,
  command: LifecycleCommand,
  ctx: LifecycleContext,
): Result<LifecycleDecision, LifecycleError> => {
  if (TRANSITION_TABLE[state.status][command.type] === undefined) {
    return err({
      code: 'ILLEGAL_TRANSITION',
      status: state.status,
      allowed: findTableCommands(state.status),
    });
  }
  const permission = COMMAND_PERMISSIONS[command.type];
  if (!ctx.actor.permissions.has(permission)) return err({ code: 'FORBIDDEN', permission });
  const failure = findGuardFailure(state, command.type, ctx);
  if (failure) return err(failure);
  return applyLifecycleCommand(state, command, ctx);
};
