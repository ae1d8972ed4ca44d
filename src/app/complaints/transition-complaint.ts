import type { Complaint } from '../../domain/complaint/complaint';
import { decideTransition } from '../../domain/complaint/decide-transition';
import { findReviewerRole } from '../../domain/complaint/find-reviewer-role';
import type { LifecycleActor } from '../../domain/complaint/lifecycle-types';
import type { RuleHit } from '../../domain/shared/rule-hit';
import type { Tx } from '../../db/client';
import { complaintRepo, type ComplaintPatch, type ComplaintScope } from '../../db/repos/complaint.repo';
import { assertAdverseEventAllowsClosing } from '../adverse-events/assert-adverse-event-allows-closing';
import { openAdverseEventOnInjury } from '../adverse-events/open-adverse-event';
import { appendAudit } from '../audit/append-audit';
import { countBatchSignal } from '../batch-signals/count-batch-signal';
import { afterLifecycleCommand, assertLifecycleCommandAllowed } from '../compensation/compensation-lifecycle';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { emitEvents } from '../platform/emit-events';
import { advanceClocks, mergeEventTimes } from './advance-clocks';
import { complaintEvents, findEscalationOwner, findOwner, findRoleOwners } from './complaint-events';
import { loadComplaintSettings } from './complaint-settings';
import {
  complaintScopeOf,
  lifecycleStateOf,
  loadComplaintDetail,
  type ComplaintDetail,
} from './get-complaint';
import { lifecycleAppError } from './lifecycle-error';
import { toLifecycleActor } from './lifecycle-actor';
import { recordKpiForAssignment } from './record-kpi';
import { reopenComplaint } from './reopen-complaint';
import { payloadPatch, toCommand, type TransitionInput } from './transition-payload';

export type { ClassificationInput, TransitionInput } from './transition-payload';

export type TransitionOptions = {
  readonly expectedVersion?: number | undefined;
  /** The customer through the portal: identified by token or number + phone, not by staff scope. */
  readonly portalActor?: LifecycleActor | undefined;
  /**
   * Set by the compensation module: the command is the effect of a compensation proposal or of the electronic
   * signature that completed its approval (R-APR-2); `signedBy` then acts with the signature's authority.
   */
  readonly viaCompensation?: boolean;
  readonly signedBy?: LifecycleActor | undefined;
};

/**
 * Applies one lifecycle command to a complaint (issue 3 §3), in one transaction: the row is locked, the domain
 * decides (state, permissions, guards — R-ESC-2 re-review, R-RES-7 agreement, R-FUP-3 reopen…), the record and its
 * clocks move on, the change is audited with the rules that fired, and the events go to the outbox.
 * `expectedVersion`, when given, must match (409 otherwise).
 */
export const transitionComplaint = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: TransitionInput,
  options: TransitionOptions = {},
): Promise<ComplaintDetail> =>
  deps.db.transaction(async (tx) => {
    const updated = await transitionComplaintInTx(deps, tx, ctx, id, input, options);
    return loadComplaintDetail(deps, tx, updated, ctx.actor);
  });

/** `transitionComplaint` inside a caller's transaction (a signature that completes an approval, R-APR-2). */
export const transitionComplaintInTx = async (
  deps: Deps,
  tx: Tx,
  ctx: UseCaseContext,
  id: string,
  input: TransitionInput,
  options: TransitionOptions = {},
): Promise<Complaint> => {
  const { expectedVersion } = options;
  const override = options.portalActor ?? options.signedBy;
  const scope: ComplaintScope = override ? { kind: 'all' } : complaintScopeOf(ctx);
  const now = deps.clock.now();
  const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  if (!(await complaintRepo.findById(tx, id, scope))) throw new AppError('COMPLAINT_NOT_FOUND');
  const current = await complaintRepo.findByIdForUpdate(tx, id);
  if (!current) throw new AppError('COMPLAINT_NOT_FOUND');
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
  }
  await assertLifecycleCommandAllowed(tx, current, input, options.viaCompensation === true);
  await assertAdverseEventAllowsClosing(tx, current, input.type);
  const settings = await loadComplaintSettings(deps.db, tx);
  const decided = decideTransition(lifecycleStateOf(current), toCommand(input), {
    now,
    actor: override ?? toLifecycleActor(ctx.actor),
    reviewChain: settings.reviewChain,
  });
  if (!decided.ok) throw lifecycleAppError(decided.error);
  const decision = decided.value;
  const next = decision.next;
  // The assignee is notified through the outbox in this same transaction: R-SLA-2 is met by the assignment.
  const eventTypes =
    decision.events.includes('assigned') && next.assigneeId
      ? [...decision.events, 'assignee_notified' as const]
      : decision.events;
  const events = eventTypes.map((type) => ({ type, at: now }));
  const patch: ComplaintPatch = {
    status: next.status,
    departmentId: next.departmentId,
    assigneeId: next.assigneeId,
    reviewLevel: next.reviewLevel,
    proposers: [...next.proposers],
    waitingOnCustomer: next.waitingOnCustomer,
    eventTimes: mergeEventTimes(current.eventTimes, events),
    ...(await payloadPatch(tx, current, input, decision, settings, by, now)),
  };
  const version = await complaintRepo.update(tx, id, current.version, patch, now);
  if (version === undefined) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
  let updated = (await complaintRepo.findById(tx, id)) as Complaint;
  const rules: RuleHit[] = [...decision.rules];
  if (input.type === 'triage') rules.push(...((updated.classification?.rules ?? []) as RuleHit[]));
  const overrides = input.type === 'customer_accept' ? { 'R-RES-7': input.executionDueAt } : undefined;
  rules.push(
    ...(await advanceClocks(tx, updated, events, settings, overrides ? { dueAtOverrides: overrides } : {})),
  );
  if (decision.events.includes('lead_department_decided'))
    rules.push(...(await recordKpiForAssignment(tx, updated, settings, now)));
  if (input.type === 'triage')
    rules.push(...(await openAdverseEventOnInjury(deps, tx, ctx, updated, 'triaged')));
  if (input.type === 'record_follow_up' && !input.satisfied) {
    const reopened = await reopenComplaint(deps, tx, ctx, updated, settings, now, input.comment ?? null);
    await complaintRepo.update(
      tx,
      id,
      version,
      {
        closure: {
          kind: 'reopened',
          reason: input.comment ?? null,
          at: now.toISOString(),
          by,
          reopenedAs: reopened.number,
        },
      },
      now,
    );
    rules.push({ rule: 'R-FUP-3', detail: `reopened as ${reopened.number}` });
  }
  updated = (await complaintRepo.findById(tx, id)) as Complaint;
  await appendAudit(tx, ctx, now, [
    {
      entityType: 'complaint',
      entityId: id,
      action: `complaint.${input.type}`,
      before: {
        status: current.status,
        departmentId: current.departmentId,
        assigneeId: current.assigneeId,
        reviewLevel: current.reviewLevel,
        version: current.version,
      },
      after: {
        status: updated.status,
        departmentId: updated.departmentId,
        assigneeId: updated.assigneeId,
        reviewLevel: updated.reviewLevel,
        version: updated.version,
        command: input,
        rules,
      },
      reason: 'reason' in input ? input.reason : null,
    },
  ]);
  await emitEvents(
    tx,
    now,
    complaintEvents(
      updated,
      decision.events.filter((e) => e !== 'escalated'),
      now,
      { owner: await findOwner(tx, updated.assigneeId) },
    ),
  );
  if (decision.events.includes('customer_rejected')) {
    // R-ESC-2: every rejection needs a new reviewer, named at once: the holder of the chain's next role who has
    // not proposed before (the GM for the final ruling once the chain is exhausted).
    const role = findReviewerRole(settings.reviewChain, next.reviewLevel) ?? 'general_manager';
    const reviewer = await findEscalationOwner(tx, role, updated, next.proposers);
    const summary = `复审 Re-review (level ${next.reviewLevel}, ${role}): ${'reason' in input ? input.reason : ''}`;
    await emitEvents(tx, now, complaintEvents(updated, ['escalated'], now, { owner: reviewer, summary }));
  }
  if (input.type === 'triage' && updated.major && !current.major) {
    // R-CLS-3: confirmed as major → the general manager is informed.
    const summary = `重大投诉 Major complaint: ${updated.problem.description}`;
    for (const owner of await findRoleOwners(tx, 'general_manager')) {
      await emitEvents(tx, now, complaintEvents(updated, ['escalated'], now, { owner, summary }));
    }
  }
  if (input.type === 'triage') await countBatchSignal(deps, tx, ctx, updated, now);
  await afterLifecycleCommand(deps, tx, ctx, updated, input, now);
  return updated;
};
