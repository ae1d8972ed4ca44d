import { and, asc, eq, sql } from 'drizzle-orm';
import type { Complaint } from '../../domain/complaint/complaint';
import { isTerminal } from '../../domain/complaint/complaint-status';
import type { Demand, EscalationFlag, Injury } from '../../domain/complaint/complaint-vocabulary';
import { normaliseCustomerPhone } from '../../domain/reference/normalise-customer-phone';
import { buildSearchTerms } from '../../domain/search/build-search-terms';
import {
  complaintRepo,
  complaintScopeCondition,
  searchVectorOf,
  toComplaint,
  type ComplaintPatch,
} from '../../db/repos/complaint.repo';
import { complaintDeadlines, complaintLinks, complaints } from '../../db/schema/complaint.table';
import { openAdverseEventOnInjury } from '../adverse-events/open-adverse-event';
import { countBatchSignal } from '../batch-signals/count-batch-signal';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { complaintScopeOf, loadComplaintDetail, type ComplaintDetail } from './get-complaint';
import type { IntakeInput } from './register-complaint';

export type UpdateComplaintInput = {
  readonly expectedVersion: number;
  readonly customer?: Partial<IntakeInput['customer']> | undefined;
  readonly product?: IntakeInput['product'] | undefined;
  readonly problem?: Partial<IntakeInput['problem']> | undefined;
  readonly demands?: readonly Demand[] | undefined;
  readonly claimedAmountFen?: number | null | undefined;
  readonly injury?: Injury | undefined;
  readonly flags?: readonly EscalationFlag[] | undefined;
  readonly customFields?: Readonly<Record<string, string | number | boolean | null>> | undefined;
  readonly reason?: string | undefined;
};

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * Corrects the record (R-INT-6: the record stays objective and complete) with optimistic concurrency. Closed
 * records are history and cannot be edited. The injury answer can be corrected but never removed (R-AE-1);
 * a new escalation flag makes the complaint major (R-CLS-3).
 */
export const updateComplaint = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: UpdateComplaintInput,
): Promise<ComplaintDetail> => {
  const scope = complaintScopeOf(ctx);
  assertPermission(ctx.actor, 'complaint.update');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    if (!(await complaintRepo.findById(tx, id, scope))) throw new AppError('COMPLAINT_NOT_FOUND');
    const current = (await complaintRepo.findByIdForUpdate(tx, id)) as Complaint;
    if (current.version !== input.expectedVersion)
      throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
    if (isTerminal(current.status))
      throw new AppError('ILLEGAL_TRANSITION', { status: current.status, allowed: [] });
    const c = input.customer ?? {};
    const p = input.product ?? {};
    const pr = input.problem ?? {};
    const flags = input.flags ?? current.flags;
    const patch: ComplaintPatch = defined({
      customerName: c.name,
      customerPhone: c.phone,
      customerPhoneNorm: c.phone === undefined ? undefined : c.phone ? normaliseCustomerPhone(c.phone) : null,
      customerEmail: c.email,
      customerAddress: c.address,
      productName: p.name,
      productModel: p.model,
      productCode: p.code,
      batchNo: p.batchNo,
      serialNo: p.serialNo,
      description: pr.description,
      symptom: pr.symptom,
      affectedPart: pr.affectedPart,
      scope: pr.scope,
      demands: input.demands ? [...input.demands] : undefined,
      claimedAmountFen: input.claimedAmountFen,
      injury: input.injury,
      flags: input.flags ? [...input.flags] : undefined,
      customFields: input.customFields ? { ...input.customFields } : undefined,
      major: flags.length > 0 || input.injury === 'serious' || input.injury === 'death' ? true : undefined,
    });
    patch.searchVector = searchVectorOf(
      buildSearchTerms([
        c.name ?? current.customer.name,
        pr.description ?? current.problem.description,
        p.name ?? current.product.name,
        p.batchNo ?? current.product.batchNo,
      ]),
    );
    const version = await complaintRepo.update(tx, id, current.version, patch, now);
    if (version === undefined) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
    const updated = (await complaintRepo.findById(tx, id)) as Complaint;
    if (input.injury !== undefined && input.injury !== current.injury)
      await openAdverseEventOnInjury(deps, tx, ctx, updated, 'updated');
    // R-BAT-1: a corrected batch number moves a counted complaint to the right batch signal (or out of any).
    if (p.batchNo !== undefined && p.batchNo !== current.product.batchNo)
      await countBatchSignal(deps, tx, ctx, updated, now, 'correction');
    const changed = Object.keys(patch).filter((k) => k !== 'searchVector');
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'complaint',
        entityId: id,
        action: 'complaint.updated',
        before: Object.fromEntries(
          changed.map((k) => [k, (current as unknown as Record<string, unknown>)[k] ?? null]),
        ),
        after: { ...defined(input), expectedVersion: undefined, version },
        reason: input.reason ?? null,
      },
    ]);
    return loadComplaintDetail(deps, tx, updated, ctx.actor);
  });
};

export type ComplaintLink = {
  id: string;
  toId: string;
  number: string;
  kind: string;
  status: string;
  similarity: number | null;
  reasons: unknown;
};

/** Suggested and decided links of a complaint: possible re-submissions (R-INT-3) and reopen chains (R-FUP-3). */
export const listComplaintLinks = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
): Promise<ComplaintLink[]> => {
  const scope = complaintScopeOf(ctx);
  const ex = deps.db.reader();
  if (!(await complaintRepo.findById(ex, id, scope))) throw new AppError('COMPLAINT_NOT_FOUND');
  return ex
    .select({
      id: complaintLinks.id,
      toId: complaintLinks.toId,
      number: complaints.number,
      kind: complaintLinks.kind,
      status: complaintLinks.status,
      similarity: complaintLinks.similarity,
      reasons: complaintLinks.reasons,
    })
    .from(complaintLinks)
    .innerJoin(complaints, eq(complaints.id, complaintLinks.toId))
    .where(eq(complaintLinks.fromId, id))
    .orderBy(asc(complaintLinks.createdAt));
};

/**
 * A person confirms or rejects a suggested duplicate link (R-INT-3: re-submissions are linked, not lost). A
 * confirmed link marks the newer complaint as a duplicate of the older one; each keeps its own history.
 */
export const decideComplaintLink = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  linkId: string,
  decision: 'confirm' | 'reject',
): Promise<ComplaintLink[]> => {
  const scope = complaintScopeOf(ctx);
  assertPermission(ctx.actor, 'complaint.update');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await complaintRepo.findById(tx, id, scope))) throw new AppError('COMPLAINT_NOT_FOUND');
    const [link] = await tx
      .select()
      .from(complaintLinks)
      .where(
        and(
          eq(complaintLinks.id, linkId),
          eq(complaintLinks.fromId, id),
          eq(complaintLinks.kind, 'duplicate'),
        ),
      )
      .for('update');
    if (!link) throw new AppError('COMPLAINT_LINK_NOT_FOUND');
    const status = decision === 'confirm' ? 'confirmed' : 'rejected';
    await tx
      .update(complaintLinks)
      .set({ status, decidedAt: now, decidedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null })
      .where(eq(complaintLinks.id, linkId));
    if (decision === 'confirm')
      await tx
        .update(complaints)
        .set({ duplicateOfId: link.toId, updatedAt: now })
        .where(eq(complaints.id, id));
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'complaint',
        entityId: id,
        action: `complaint.link_${status}`,
        before: { status: link.status },
        after: { status, toId: link.toId },
        reason: null,
      },
    ]);
  });
  return listComplaintLinks(deps, ctx, id);
};

export type FollowUpTask = {
  complaint: Complaint;
  opensAt: Date | null;
  dueAt: Date;
  state: 'upcoming' | 'due' | 'overdue';
};

/**
 * The follow-up list (R-SLA-14, R-FUP-3): resolved complaints whose day 5–7 call is open, the earliest window first,
 * with whether the window is upcoming, open now, or passed.
 */
export const listFollowUps = async (
  deps: Deps,
  ctx: UseCaseContext,
  limit: number,
): Promise<FollowUpTask[]> => {
  const scope = complaintScopeOf(ctx);
  assertPermission(ctx.actor, 'complaint.follow_up');
  const now = deps.clock.now();
  const ex = deps.db.reader();
  const rows = await ex
    .select({ complaint: complaints, opensAt: complaintDeadlines.opensAt, dueAt: complaintDeadlines.dueAt })
    .from(complaintDeadlines)
    .innerJoin(complaints, eq(complaints.id, complaintDeadlines.complaintId))
    .where(
      and(
        eq(complaintDeadlines.kind, 'R-SLA-14'),
        sql`${complaintDeadlines.metAt} is null and ${complaintDeadlines.cancelledAt} is null`,
        complaintScopeCondition(scope),
      ),
    )
    .orderBy(asc(complaintDeadlines.dueAt))
    .limit(limit);
  return rows.map((r) => ({
    complaint: toComplaint(r.complaint),
    opensAt: r.opensAt,
    dueAt: r.dueAt,
    state: r.dueAt < now ? 'overdue' : r.opensAt && r.opensAt > now ? 'upcoming' : 'due',
  }));
};
