import { err, ok, type Result } from '../shared/result';
import type { RuleHit } from '../shared/rule-hit';
import { addLocalDays } from '../sla/convert-local-time';
import type { CapaAction, CapaKind, CapaRecurrence, CapaStatus } from './capa-action';
import { CAPA_WORKING_STATUSES } from './capa-action';
import type { CapaErrorCode } from './capa-error-code';

export type CapaRefusal = { readonly code: CapaErrorCode; readonly details: Record<string, unknown> };
export type CapaStep = { readonly next: CapaStatus; readonly rules: readonly RuleHit[] };

const illegal = (a: Pick<CapaAction, 'status'>, step: string): Result<never, CapaRefusal> =>
  err({ code: 'CAPA_ILLEGAL_TRANSITION', details: { status: a.status, step } });

/**
 * The status a new action starts in: a preventive measure waits for the general manager's approval before it counts
 * (R-CAPA-4); containment and corrective actions are open at once with their owner and due date (R-CAPA-1).
 */
export const decideInitialCapaStatus = (kind: CapaKind): CapaStep =>
  kind === 'preventive'
    ? { next: 'awaiting_approval', rules: [{ rule: 'R-CAPA-4', detail: 'preventive_needs_gm_approval' }] }
    : { next: 'open', rules: [{ rule: 'R-CAPA-1', detail: `${kind}_with_owner_and_due` }] };

/** R-CAPA-4: the general manager approves a preventive measure waiting for him → `open`. */
export const decideCapaApproval = (a: Pick<CapaAction, 'status'>): Result<CapaStep, CapaRefusal> =>
  a.status === 'awaiting_approval'
    ? ok({ next: 'open', rules: [{ rule: 'R-CAPA-4', detail: 'gm_approved' }] })
    : illegal(a, 'approve');

/** R-CAPA-4: the general manager rejects a preventive measure waiting for him → `cancelled`, with his reason. */
export const decideCapaRejection = (a: Pick<CapaAction, 'status'>): Result<CapaStep, CapaRefusal> =>
  a.status === 'awaiting_approval'
    ? ok({ next: 'cancelled', rules: [{ rule: 'R-CAPA-4', detail: 'gm_rejected' }] })
    : illegal(a, 'reject');

export type CapaCompletionInput = {
  /** The production date from which the action applies; required for corrective and preventive actions. */
  readonly effectiveFrom: string | null;
  /** Today in the company's time zone. */
  readonly today: string;
  /** Recurrences of the action's (product, mechanism) already known on batches produced on or after `effectiveFrom`. */
  readonly recurrences: readonly CapaRecurrence[];
};

const MAX_DAYS_AHEAD = 366;

/**
 * The owner reports the action done (R-CAPA-1). A preventive action still waiting for the general manager does not
 * count (R-CAPA-4). Corrective and preventive actions name `effectiveFrom`, the production date from which they apply,
 * and their effectiveness is then watched for `verifyAfterDays` (R-CAPA-3); a date on whose production the same
 * problem has already recurred is refused — the action would be ineffective the moment it is done — as is one more
 * than a year ahead. Containment actions are temporary and need no date. Allowed from `open`, `reopened` (new
 * measures after a recurrence) and `review` (measures the quality review meeting decided).
 */
export const decideCapaCompletion = (
  a: Pick<CapaAction, 'status' | 'kind' | 'verifyAfterDays'>,
  input: CapaCompletionInput,
): Result<CapaStep, CapaRefusal> => {
  if (a.status === 'awaiting_approval')
    return err({
      code: 'CAPA_APPROVAL_REQUIRED',
      details: { rule: 'R-CAPA-4', status: a.status },
    });
  if (!CAPA_WORKING_STATUSES.includes(a.status)) return illegal(a, 'complete');
  if (a.kind === 'containment')
    return ok({ next: 'done', rules: [{ rule: 'R-CAPA-1', detail: 'containment_done' }] });
  if (input.effectiveFrom === null)
    return err({ code: 'CAPA_EFFECTIVE_FROM_INVALID', details: { problem: 'required' } });
  if (input.effectiveFrom > addLocalDays(input.today, MAX_DAYS_AHEAD))
    return err({ code: 'CAPA_EFFECTIVE_FROM_INVALID', details: { problem: 'too_far_ahead' } });
  if (input.recurrences.length > 0)
    return err({
      code: 'CAPA_EFFECTIVE_FROM_INVALID',
      details: {
        problem: 'already_recurred',
        rule: 'R-CAPA-3',
        recurrences: input.recurrences.map((r) => ({
          complaintNumber: r.complaintNumber,
          batchNo: r.batchNo,
          productionDate: r.productionDate,
        })),
      },
    });
  return ok({
    next: 'done',
    rules: [
      { rule: 'R-CAPA-1', detail: `${a.kind}_done` },
      {
        rule: 'R-CAPA-3',
        detail: `watch ${input.effectiveFrom}..${addLocalDays(input.effectiveFrom, a.verifyAfterDays)}`,
      },
    ],
  });
};

/**
 * R-CAPA-1: an action still to be carried out (open, reopened, or decided by the review meeting) whose due time has
 * passed escalates once; a new due date (reopening) arms it again.
 */
export const isCapaOverdue = (a: Pick<CapaAction, 'status' | 'dueAt' | 'escalatedAt'>, now: Date): boolean =>
  CAPA_WORKING_STATUSES.includes(a.status) && a.escalatedAt === null && a.dueAt.getTime() <= now.getTime();
