import {
  decideClassification,
  type ClassificationRecord,
} from '../../domain/classification/classification-record';
import type { ClassificationSuggestion } from '../../domain/classification/suggest-classification';
import type { Complaint, Proposal } from '../../domain/complaint/complaint';
import type { Nature, ResponsibilityStage, Validity } from '../../domain/complaint/complaint-vocabulary';
import { decideTransition } from '../../domain/complaint/decide-transition';
import { findReviewerRole } from '../../domain/complaint/find-reviewer-role';
import type {
  LifecycleActor,
  LifecycleCommand,
  LifecycleDecision,
} from '../../domain/complaint/lifecycle-types';
import type { RuleHit } from '../../domain/shared/rule-hit';
import type { Tx } from '../../db/client';
import { complaintRepo, type ComplaintPatch, type ComplaintScope } from '../../db/repos/complaint.repo';
import { departmentRepo } from '../../db/repos/department.repo';
import { userRepo } from '../../db/repos/user.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { emitEvents } from '../platform/emit-events';
import { advanceClocks, mergeEventTimes } from './advance-clocks';
import { complaintEvents, findEscalationOwner, findOwner, findRoleOwners } from './complaint-events';
import { loadComplaintSettings, type ComplaintSettings } from './complaint-settings';
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

/** A lifecycle command with what it carries (the API's transition body). */
export type TransitionInput =
  | { readonly type: 'triage'; readonly classification: ClassificationInput }
  | { readonly type: 'assign'; readonly departmentId: string; readonly assigneeId: string | null }
  | { readonly type: 'start_investigation' }
  | {
      readonly type: 'propose_solution';
      readonly options: readonly {
        readonly kind: string;
        readonly description: string;
        readonly amountFen: number;
      }[];
      readonly note?: string | undefined;
      readonly requiresApproval: boolean;
      readonly executionWorkingDays?: number | undefined;
    }
  | { readonly type: 'approve_solution' }
  | { readonly type: 'send_to_customer' }
  | {
      readonly type: 'customer_accept';
      readonly executionDueAt: Date;
      readonly terms: string;
      readonly optionIndex?: number | undefined;
    }
  | { readonly type: 'customer_reject'; readonly reason: string }
  | { readonly type: 'start_execution' }
  | { readonly type: 'resolve'; readonly summary: string }
  | { readonly type: 'start_follow_up' }
  | {
      readonly type: 'record_follow_up';
      readonly satisfied: boolean;
      readonly csat: number | null;
      readonly comment?: string | undefined;
    }
  | { readonly type: 'explain'; readonly reason: string }
  | { readonly type: 'declare_not_valid'; readonly reason: string }
  | { readonly type: 'withdraw'; readonly reason: string }
  | { readonly type: 'wait_on_customer'; readonly reason: string }
  | { readonly type: 'customer_responded' };

export type ClassificationInput = {
  readonly nature: Nature;
  readonly severity: string;
  readonly major?: boolean | undefined;
  readonly validity: Validity;
  readonly responsibilityStage: ResponsibilityStage;
  readonly misuse: boolean;
  readonly reason?: string | undefined;
};

const toCommand = (input: TransitionInput): LifecycleCommand => {
  switch (input.type) {
    case 'propose_solution':
      return { type: 'propose_solution', requiresApproval: input.requiresApproval };
    case 'customer_accept':
      return { type: 'customer_accept', executionDueAt: input.executionDueAt };
    case 'record_follow_up':
      return { type: 'record_follow_up', satisfied: input.satisfied };
    case 'triage':
      return { type: 'triage' };
    default:
      return input;
  }
};

const confirmClassification = (
  c: Complaint,
  input: ClassificationInput,
  settings: ComplaintSettings,
  by: string,
  now: Date,
): ClassificationRecord => {
  const decided = decideClassification(
    (c.suggestion as ClassificationSuggestion | null) ?? null,
    {
      nature: input.nature,
      severity: input.severity,
      ...(input.major !== undefined && { major: input.major }),
      ...(input.reason !== undefined && { majorRemovalReason: input.reason }),
      validity: input.validity,
      responsibilityStage: input.responsibilityStage,
      misuse: input.misuse,
    },
    settings.classification.taxonomy,
    by,
    now,
  );
  if (!decided.ok) {
    const { code, ...details } = decided.error;
    throw new AppError(code, details as Record<string, unknown>);
  }
  return decided.value;
};

/** The record fields a command writes besides the lifecycle projection (who, what, when, why). */
const payloadPatch = async (
  tx: Tx,
  c: Complaint,
  input: TransitionInput,
  decision: LifecycleDecision,
  settings: ComplaintSettings,
  by: string | null,
  now: Date,
): Promise<ComplaintPatch> => {
  const at = now.toISOString();
  switch (input.type) {
    case 'triage': {
      const record = confirmClassification(c, input.classification, settings, by ?? 'system', now);
      return {
        classification: record,
        nature: record.nature,
        severity: record.severity,
        major: record.major,
        validity: record.validity,
      };
    }
    case 'assign': {
      if (!(await departmentRepo.findById(tx, input.departmentId)))
        throw new AppError('DEPARTMENT_NOT_FOUND', { departmentId: input.departmentId });
      if (input.assigneeId) {
        const user = await userRepo.findById(tx, input.assigneeId);
        if (!user || user.status !== 'active')
          throw new AppError('USER_NOT_FOUND', { assigneeId: input.assigneeId });
      }
      return {};
    }
    case 'propose_solution': {
      const proposal: Proposal = {
        options: input.options.map((o) => ({ ...o })),
        note: input.note ?? null,
        requiresApproval: input.requiresApproval,
        executionWorkingDays: input.executionWorkingDays ?? 7,
        approved: false,
        approvedBy: null,
        proposedBy: by ?? 'system',
        proposedAt: at,
        reviewLevel: decision.next.reviewLevel,
      };
      return { proposal };
    }
    case 'approve_solution':
      return c.proposal ? { proposal: { ...c.proposal, approved: true, approvedBy: by } } : {};
    case 'customer_accept': {
      const chosen = input.optionIndex ?? null;
      if (chosen !== null && !c.proposal?.options[chosen]) {
        throw new AppError('TRANSITION_GUARD_FAILED', {
          guard: 'option_exists',
          rule: 'R-RES-7',
          detail: `no option ${chosen}`,
        });
      }
      return {
        agreement: {
          acceptedAt: at,
          executionDueAt: input.executionDueAt.toISOString(),
          terms: input.terms,
          chosenOption: chosen,
          recordedBy: by,
        },
      };
    }
    case 'customer_reject':
      return { proposal: null };
    case 'resolve':
      return { resolution: { summary: input.summary, resolvedAt: at, resolvedBy: by } };
    case 'record_follow_up':
      return {
        followUp: {
          satisfied: input.satisfied,
          csat: input.csat,
          comment: input.comment ?? null,
          recordedAt: at,
          recordedBy: by,
        },
        // A satisfied follow-up closes the loop (R-FUP-3); a dissatisfied one is closed as reopened below.
        ...(input.satisfied ? { closure: { kind: 'closed' as const, reason: null, at, by } } : {}),
      };
    case 'explain':
    case 'declare_not_valid':
    case 'withdraw': {
      const kind =
        input.type === 'explain' ? 'explained' : input.type === 'withdraw' ? 'withdrawn' : 'not_valid';
      return { closure: { kind, reason: input.reason, at, by } };
    }
    default:
      return {};
  }
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
  options: {
    readonly expectedVersion?: number | undefined;
    /** The customer through the portal: identified by token or number + phone, not by staff scope. */
    readonly portalActor?: LifecycleActor | undefined;
  } = {},
): Promise<ComplaintDetail> => {
  const { expectedVersion } = options;
  const scope: ComplaintScope = options.portalActor ? { kind: 'all' } : complaintScopeOf(ctx);
  const now = deps.clock.now();
  const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  return deps.db.transaction(async (tx) => {
    if (!(await complaintRepo.findById(tx, id, scope))) throw new AppError('COMPLAINT_NOT_FOUND');
    const current = await complaintRepo.findByIdForUpdate(tx, id);
    if (!current) throw new AppError('COMPLAINT_NOT_FOUND');
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
    }
    const settings = await loadComplaintSettings(deps.db, tx);
    const decided = decideTransition(lifecycleStateOf(current), toCommand(input), {
      now,
      actor: options.portalActor ?? toLifecycleActor(ctx.actor),
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
    return loadComplaintDetail(deps, tx, updated, ctx.actor);
  });
};
