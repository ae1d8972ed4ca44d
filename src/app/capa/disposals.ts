import { formatDisposalNumber, type CapaSourceType } from '../../domain/capa/capa-action';
import {
  decideApproval,
  decideObjection,
  decideRedecision,
  decideResubmission,
  decideReturn,
  decideRuling,
  decideSubmission,
  decideWindowLapse,
  type Disposal,
  type DisposalStatus,
} from '../../domain/capa/decide-disposal';
import type { RuleHit } from '../../domain/shared/rule-hit';
import type { Tx } from '../../db/client';
import { disposalRepo, disposalSortColumns } from '../../db/repos/disposal.repo';
import { documentCounterRepo } from '../../db/repos/document-counter.repo';
import { appendAudit } from '../audit/append-audit';
import { systemContext, type UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { newId } from '../new-id';
import { emitEvents } from '../platform/emit-events';
import { decodeCursor, encodeCursor, parseSort, toPage, type Page } from '../platform/paging';
import { actorIdOf, actorNameOf, loadCapaClock } from './capa-context';
import { assertCapaSource } from './capa-source';
import { disposalNotice } from './disposal-notice';

export type DisposalView = Disposal & { readonly rules: readonly RuleHit[] };

const changed = async (
  tx: Tx,
  ctx: UseCaseContext,
  now: Date,
  before: Disposal,
  after: Disposal,
  action: string,
  rules: readonly RuleHit[],
  reason: string | null,
): Promise<DisposalView> => {
  await appendAudit(tx, ctx, now, [
    {
      entityType: 'nonconformity_disposal',
      entityId: after.id,
      action: `capa.disposal_${action}`,
      before: { status: before.status, round: before.round, decision: before.decision },
      after: {
        status: after.status,
        round: after.round,
        decision: after.decision,
        objectionUntil: after.objectionUntil,
        rules,
      },
      reason,
    },
  ]);
  await emitEvents(tx, now, [
    {
      type: `disposal.${action}`,
      aggregateType: 'nonconformity_disposal',
      aggregateId: after.id,
      payload: {
        number: after.number,
        status: after.status,
        round: after.round,
        objectionUntil: after.objectionUntil?.toISOString() ?? null,
        ...(await disposalNotice(tx, after, reason)),
      },
    },
  ]);
  return { ...after, rules };
};

const load = async (tx: Tx, id: string): Promise<Disposal> => {
  const d = await disposalRepo.findByIdForUpdate(tx, id);
  if (!d) throw new AppError('DISPOSAL_NOT_FOUND');
  return d;
};

/**
 * The quality department writes a nonconformity disposal 《不合格品处置和评审单》 (seed 004 §3.3, R-ESC-3), numbered
 * CZ-YYYY-NNNN. It waits for the chief engineer's approval (`awaiting_approval`); only his approval publishes it and
 * starts the objection window (`objectionWindowDays`, one week).
 */
export const publishDisposal = async (
  deps: Deps,
  ctx: UseCaseContext,
  input: {
    readonly sourceType: CapaSourceType;
    readonly sourceId?: string | null | undefined;
    readonly nonconformity: string;
    readonly decision: string;
  },
): Promise<DisposalView> => {
  assertPermission(ctx.actor, 'capa.manage');
  return deps.db.transaction(async (tx) => {
    const clock = await loadCapaClock(deps, tx);
    await assertCapaSource(tx, ctx, input.sourceType, input.sourceId ?? null);
    const year = Number(clock.today.slice(0, 4));
    const step = decideSubmission();
    const d: Disposal = {
      id: newId(clock.now.getTime()),
      number: formatDisposalNumber(year, await documentCounterRepo.next(tx, 'nonconformity_disposal', year)),
      sourceType: input.sourceType,
      sourceId: input.sourceId ?? null,
      nonconformity: input.nonconformity,
      decision: input.decision,
      status: step.next,
      round: 1,
      publishedAt: null,
      objectionUntil: null,
      approvals: [],
      returns: [],
      objections: [],
      ruling: null,
      createdBy: actorIdOf(ctx),
      createdAt: clock.now,
      version: 1,
    };
    await disposalRepo.insert(tx, d);
    return changed(tx, ctx, clock.now, d, d, 'submitted', step.rules, null);
  });
};

/**
 * The chief engineer approves the decision waiting for him (R-ESC-3, "经总工程师批准后"): it is published now and its
 * objection window starts now, in round 1 and again in round 2. Only `disposal.rule` holders; approving a decision that
 * does not wait for approval → 409 DISPOSAL_ILLEGAL_TRANSITION.
 */
export const approveDisposal = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: { readonly note?: string | undefined },
): Promise<DisposalView> => {
  assertPermission(ctx.actor, 'disposal.rule');
  return deps.db.transaction(async (tx) => {
    const clock = await loadCapaClock(deps, tx);
    const d = await load(tx, id);
    const r = decideApproval(d, {
      now: clock.now,
      timeZone: clock.timeZone,
      windowDays: clock.policy.objectionWindowDays,
      approverId: actorIdOf(ctx),
    });
    if (!r.ok) throw new AppError(r.error.code, r.error.details);
    const note = input.note ?? null;
    const updated = await disposalRepo.update(tx, id, {
      status: r.value.next,
      publishedAt: r.value.publishedAt,
      objectionUntil: r.value.objectionUntil,
      approvals: [
        ...d.approvals,
        {
          round: d.round,
          decision: d.decision,
          note,
          by: actorIdOf(ctx),
          byName: actorNameOf(ctx),
          at: clock.now.toISOString(),
        },
      ],
    });
    return changed(tx, ctx, clock.now, d, updated, 'approved', r.value.rules, note);
  });
};

/** Instead of approving, the chief engineer returns the decision to the quality department with his reason (R-ESC-3). */
export const returnDisposal = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: { readonly reason: string },
): Promise<DisposalView> => {
  assertPermission(ctx.actor, 'disposal.rule');
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const d = await load(tx, id);
    const r = decideReturn(d);
    if (!r.ok) throw new AppError(r.error.code, r.error.details);
    const updated = await disposalRepo.update(tx, id, {
      status: r.value.next,
      returns: [
        ...d.returns,
        {
          round: d.round,
          reason: input.reason,
          decisionReturned: d.decision,
          by: actorIdOf(ctx),
          byName: actorNameOf(ctx),
          at: now.toISOString(),
        },
      ],
    });
    return changed(tx, ctx, now, d, updated, 'returned', r.value.rules, input.reason);
  });
};

/** The quality department edits a returned decision and submits it to the chief engineer again (R-ESC-3). */
export const resubmitDisposal = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: { readonly decision: string },
): Promise<DisposalView> => {
  assertPermission(ctx.actor, 'capa.manage');
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const d = await load(tx, id);
    const r = decideResubmission(d);
    if (!r.ok) throw new AppError(r.error.code, r.error.details);
    const updated = await disposalRepo.update(tx, id, { status: r.value.next, decision: input.decision });
    return changed(tx, ctx, now, d, updated, 'resubmitted', r.value.rules, null);
  });
};

/**
 * An objection to a published decision within its window (R-ESC-3): the first round goes back to the quality
 * department for re-investigation, the second to the chief engineer. After the window: 409
 * DISPOSAL_OBJECTION_WINDOW_CLOSED; before the chief engineer approved it: 409 DISPOSAL_APPROVAL_REQUIRED.
 */
export const objectToDisposal = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: { readonly reason: string },
): Promise<DisposalView> => {
  assertPermission(ctx.actor, 'capa.manage');
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const d = await load(tx, id);
    const r = decideObjection(d, now);
    if (!r.ok) throw new AppError(r.error.code, r.error.details);
    const updated = await disposalRepo.update(tx, id, {
      status: r.value.next,
      objections: [
        ...d.objections,
        {
          round: d.round,
          reason: input.reason,
          by: actorIdOf(ctx),
          byName: actorNameOf(ctx),
          at: now.toISOString(),
          decisionObjected: d.decision,
          reinvestigation: null,
        },
      ],
    });
    return changed(tx, ctx, now, d, updated, 'objected', r.value.rules, input.reason);
  });
};

/**
 * After re-investigating, the quality department records its findings and a new decision (R-ESC-3): round 2, waiting
 * for the chief engineer's approval again; its window starts when he approves it.
 */
export const redecideDisposal = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: { readonly findings: string; readonly decision: string },
): Promise<DisposalView> => {
  assertPermission(ctx.actor, 'capa.manage');
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const d = await load(tx, id);
    const r = decideRedecision(d);
    if (!r.ok) throw new AppError(r.error.code, r.error.details);
    const last = d.objections.length - 1;
    const updated = await disposalRepo.update(tx, id, {
      status: r.value.next,
      round: d.round + 1,
      decision: input.decision,
      publishedAt: null,
      objectionUntil: null,
      objections: d.objections.map((o, i) =>
        i === last
          ? {
              ...o,
              reinvestigation: {
                findings: input.findings,
                newDecision: input.decision,
                by: actorIdOf(ctx),
                at: now.toISOString(),
              },
            }
          : o,
      ),
    });
    return changed(tx, ctx, now, d, updated, 'redecided', r.value.rules, input.findings);
  });
};

/** The chief engineer's final ruling after a second objection (R-ESC-3); only `disposal.rule` holders. */
export const ruleOnDisposal = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: { readonly decision: string; readonly reasoning: string },
): Promise<DisposalView> => {
  assertPermission(ctx.actor, 'disposal.rule');
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const d = await load(tx, id);
    const r = decideRuling(d);
    if (!r.ok) throw new AppError(r.error.code, r.error.details);
    const updated = await disposalRepo.update(tx, id, {
      status: r.value.next,
      decision: input.decision,
      ruling: {
        decision: input.decision,
        reasoning: input.reasoning,
        by: actorIdOf(ctx),
        byName: actorNameOf(ctx),
        at: now.toISOString(),
      },
    });
    return changed(tx, ctx, now, d, updated, 'ruled', r.value.rules, input.reasoning);
  });
};

/**
 * Sweep: published decisions whose window ended without objection become final (R-ESC-3); a decision waiting for the
 * chief engineer has no window and is never touched. Returns how many were claimed.
 */
export const finaliseLapsedDisposals = async (deps: Deps, limit = 200): Promise<number> => {
  const ctx = systemContext('capa-sweep');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const due = await disposalRepo.claimLapsed(tx, now, limit);
    for (const d of due) {
      const step = decideWindowLapse(d, now);
      if (!step) continue;
      const updated = await disposalRepo.update(tx, d.id, { status: step.next });
      await changed(tx, ctx, now, d, updated, 'final', step.rules, null);
    }
    return due.length;
  });
};

export const getDisposal = async (deps: Deps, ctx: UseCaseContext, id: string): Promise<DisposalView> => {
  assertPermission(ctx.actor, 'capa.read');
  const d = await disposalRepo.findById(deps.db.reader(), id);
  if (!d) throw new AppError('DISPOSAL_NOT_FOUND');
  return { ...d, rules: [] };
};

export const listDisposals = async (
  deps: Deps,
  ctx: UseCaseContext,
  query: {
    readonly status?: DisposalStatus | undefined;
    readonly sourceType?: CapaSourceType | undefined;
    readonly sourceId?: string | undefined;
    readonly sort: 'createdAt' | '-createdAt' | 'objectionUntil' | '-objectionUntil';
    readonly cursor?: string | undefined;
    readonly limit: number;
  },
): Promise<Page<DisposalView>> => {
  assertPermission(ctx.actor, 'capa.read');
  const { key, direction } = parseSort<'createdAt' | 'objectionUntil'>(query.sort);
  const after = decodeCursor(query.cursor, query.sort);
  const rows = await disposalRepo.list(deps.db.reader(), query, {
    sort: { column: disposalSortColumns[key], direction },
    after,
    limit: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (last) => encodeCursor(query.sort, last[key], last.id));
  return { items: page.items.map((d) => ({ ...d, rules: [] })), nextCursor: page.nextCursor };
};
