import type { Complaint } from '../../domain/complaint/complaint';
import { findAllowedCommands } from '../../domain/complaint/find-allowed-commands';
import type { LifecycleCommandType, LifecycleState } from '../../domain/complaint/lifecycle-types';
import type { Actor } from '../../domain/identity/actor';
import type { RuleHit } from '../../domain/shared/rule-hit';
import type { Executor } from '../../db/client';
import { complaintRepo, type ComplaintScope } from '../../db/repos/complaint.repo';
import { proposalRepo } from '../../db/repos/compensation.repo';
import { complaintQueueRepo } from '../../db/repos/complaint-queue.repo';
import { deadlineRepo, type DeadlineRow } from '../../db/repos/deadline.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { loadComplaintSettings, type ComplaintSettings } from './complaint-settings';
import { toLifecycleActor } from './lifecycle-actor';

export type DeadlineState = 'open' | 'warning' | 'breached' | 'paused' | 'met' | 'late' | 'cancelled';

export type DeadlineDetail = {
  readonly kind: string;
  readonly label: { readonly 'zh-CN': string; readonly en: string };
  readonly state: DeadlineState;
  readonly startedAt: Date;
  readonly dueAt: Date;
  readonly warnAt: Date;
  readonly opensAt: Date | null;
  readonly metAt: Date | null;
  readonly breachedAt: Date | null;
  readonly provisional: boolean;
  readonly rules: readonly RuleHit[];
};

export type ComplaintDetail = {
  readonly complaint: Complaint;
  readonly deadlines: readonly DeadlineDetail[];
  readonly allowedActions: readonly LifecycleCommandType[];
  readonly assigneeName: string | null;
  readonly departmentName: string | null;
};

/** The lifecycle's view of a stored complaint. */
export const lifecycleStateOf = (c: Complaint): LifecycleState => ({
  status: c.status,
  kind: c.kind,
  injury: c.injury,
  classified: c.classification !== null,
  major: c.major,
  departmentId: c.departmentId,
  assigneeId: c.assigneeId,
  reviewLevel: c.reviewLevel,
  proposers: c.proposers,
  proposal: c.proposal
    ? { requiresApproval: c.proposal.requiresApproval, approved: c.proposal.approved }
    : null,
  waitingOnCustomer: c.waitingOnCustomer,
});

const stateOf = (d: DeadlineRow, now: Date): DeadlineState => {
  if (d.cancelledAt) return 'cancelled';
  if (d.metAt) return d.late ? 'late' : 'met';
  if (d.breachedAt || d.dueAt.getTime() < now.getTime()) return 'breached';
  if (d.paused) return 'paused';
  if (d.warnedAt || d.warnAt.getTime() <= now.getTime()) return 'warning';
  return 'open';
};

/**
 * Clock rows with their label from the policy in force and their state at `now` (amber warning, red breach), in
 * start order, then by kind (code-unit order, whatever the database's collation).
 */
export const describeDeadlines = (
  rows: readonly DeadlineRow[],
  settings: ComplaintSettings,
  now: Date,
): DeadlineDetail[] =>
  [...rows]
    .sort(
      (a, b) =>
        a.startedAt.getTime() - b.startedAt.getTime() || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0),
    )
    .map((d) => {
      const rule = settings.deadlinePolicy.rules.find((r) => r.kind === d.kind);
      return {
        kind: d.kind,
        label: rule?.label ?? { 'zh-CN': d.kind, en: d.kind },
        state: stateOf(d, now),
        startedAt: d.startedAt,
        dueAt: d.dueAt,
        warnAt: d.warnAt,
        opensAt: d.opensAt,
        metAt: d.metAt,
        breachedAt: d.breachedAt,
        provisional: d.provisional,
        rules: (d.rules ?? []) as RuleHit[],
      };
    });

/** The actions the domain lets this actor take on this complaint now (the UI shows only these). */
export const allowedActionsFor = (
  c: Complaint,
  actor: Actor,
  settings: ComplaintSettings,
  now: Date,
): LifecycleCommandType[] =>
  actor.kind === 'anonymous'
    ? []
    : [
        ...findAllowedCommands(lifecycleStateOf(c), toLifecycleActor(actor), {
          now,
          reviewChain: settings.reviewChain,
        }),
      ];

/** How far the actor's complaint.read reaches (R-SEC-1): company-wide, or own departments and own complaints. */
export const complaintScopeOf = (ctx: UseCaseContext): ComplaintScope => {
  const scope = assertPermission(ctx.actor, 'complaint.read');
  if (scope.kind === 'all' || ctx.actor.kind !== 'user') return { kind: 'all' };
  return { kind: 'departments', departmentIds: scope.departmentIds, userId: ctx.actor.userId };
};

export const loadComplaintDetail = async (
  deps: Deps,
  ex: Executor,
  complaint: Complaint,
  actor: Actor,
): Promise<ComplaintDetail> => {
  const settings = await loadComplaintSettings(deps.db, ex);
  const now = deps.clock.now();
  const names =
    complaint.assigneeId || complaint.departmentId
      ? (await complaintQueueRepo.pageExtras(ex, [{ ...complaint, nextDueAt: null }])).names
      : new Map<string, string>();
  return {
    complaint,
    assigneeName: complaint.assigneeId ? (names.get(complaint.assigneeId) ?? null) : null,
    departmentName: complaint.departmentId ? (names.get(complaint.departmentId) ?? null) : null,
    deadlines: describeDeadlines(await deadlineRepo.listForComplaint(ex, complaint.id), settings, now),
    allowedActions: await withoutSignedCommands(
      ex,
      complaint.id,
      allowedActionsFor(complaint, actor, settings, now),
    ),
  };
};

/**
 * Once a compensation proposal is in force its approval is an electronic signature (R-APR-2): the plain propose and
 * approve commands are not offered (the server refuses them with SIGNATURE_REQUIRED).
 */
const withoutSignedCommands = async (
  ex: Executor,
  complaintId: string,
  actions: LifecycleCommandType[],
): Promise<LifecycleCommandType[]> => {
  if (!actions.includes('propose_solution') && !actions.includes('approve_solution')) return actions;
  if (!(await proposalRepo.findActive(ex, complaintId))) return actions;
  return actions.filter((a) => a !== 'propose_solution' && a !== 'approve_solution');
};

/** One complaint with its clocks and allowed actions; COMPLAINT_NOT_FOUND outside the actor's scope. */
export const getComplaint = async (deps: Deps, ctx: UseCaseContext, id: string): Promise<ComplaintDetail> => {
  const scope = complaintScopeOf(ctx);
  const ex = deps.db.reader();
  const complaint = await complaintRepo.findById(ex, id, scope);
  if (!complaint) throw new AppError('COMPLAINT_NOT_FOUND');
  return loadComplaintDetail(deps, ex, complaint, ctx.actor);
};
