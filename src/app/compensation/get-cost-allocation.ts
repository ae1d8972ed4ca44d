import {
  suggestResponsibleParty,
  type CostAllocation,
  type CostCause,
  type ResponsibilitySuggestion,
} from '../../domain/compensation/allocate-cost';
import type { Complaint } from '../../domain/complaint/complaint';
import { RESPONSIBILITY_STAGES, type ResponsibilityStage } from '../../domain/complaint/complaint-vocabulary';
import type { Executor } from '../../db/client';
import { complaintRepo, type ComplaintScope } from '../../db/repos/complaint.repo';
import { compensationLedgerRepo, type LedgerAmounts } from '../../db/repos/compensation-ledger.repo';
import { costAllocationRepo } from '../../db/repos/cost-allocation.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';

export type { LedgerAmounts };

/** The complaint as the allocation and its printed forms show it. */
export type AllocationComplaint = {
  readonly id: string;
  readonly number: string;
  readonly receivedAt: Date;
  readonly productName: string | null;
  readonly productModel: string | null;
  readonly productCode: string | null;
  readonly batchNo: string | null;
  readonly nature: string | null;
  readonly description: string;
};

export type CostAllocationDetail = {
  readonly complaint: AllocationComplaint;
  /** What the stored allocation adds up to (0 while there is none). */
  readonly totalFen: number;
  readonly allocations: readonly CostAllocation[];
  readonly suggestion: ResponsibilitySuggestion;
  /** The complaint's net ledger amounts, from which the default total comes. */
  readonly ledger: LedgerAmounts;
};

/**
 * How far compensation.allocate reaches (R-SEC-1): company-wide, or the complaints of the actor's departments and
 * their own. Throws FORBIDDEN without the permission.
 */
export const allocationScopeOf = (ctx: UseCaseContext): ComplaintScope => {
  const scope = assertPermission(ctx.actor, 'compensation.allocate');
  if (scope.kind === 'all' || ctx.actor.kind !== 'user') return { kind: 'all' };
  return { kind: 'departments', departmentIds: scope.departmentIds, userId: ctx.actor.userId };
};

const isStage = (v: unknown): v is ResponsibilityStage =>
  typeof v === 'string' && (RESPONSIBILITY_STAGES as readonly string[]).includes(v);

/** R-RES-8 suggestion from the complaint's confirmed classification (read defensively from its JSONB). */
export const suggestionFor = (complaint: Complaint, cause: CostCause | null): ResponsibilitySuggestion => {
  const cls = complaint.classification as Record<string, unknown> | null;
  return suggestResponsibleParty({
    nature: complaint.nature,
    responsibilityStage: isStage(cls?.responsibilityStage) ? cls.responsibilityStage : null,
    misuse: cls?.misuse === true,
    cause,
  });
};

export const allocationComplaintOf = (c: Complaint): AllocationComplaint => ({
  id: c.id,
  number: c.number,
  receivedAt: c.receivedAt,
  productName: c.product.name,
  productModel: c.product.model,
  productCode: c.product.code,
  batchNo: c.product.batchNo,
  nature: c.nature,
  description: c.problem.description,
});

export const loadAllocationDetail = async (
  ex: Executor,
  complaint: Complaint,
  cause: CostCause | null,
): Promise<CostAllocationDetail> => {
  const allocations = await costAllocationRepo.listForComplaint(ex, complaint.id);
  return {
    complaint: allocationComplaintOf(complaint),
    totalFen: allocations.reduce((a, r) => a + r.amountFen, 0),
    allocations,
    suggestion: suggestionFor(complaint, cause),
    ledger: await compensationLedgerRepo.totalsForComplaint(ex, complaint.id),
  };
};

/**
 * A complaint's cost allocation 责任划分 (R-RES-8) with the suggested responsible party and the rule ids behind it;
 * `cause` (an established cause) sharpens the suggestion. COMPLAINT_NOT_FOUND outside the actor's scope.
 */
export const getCostAllocation = async (
  deps: Deps,
  ctx: UseCaseContext,
  complaintId: string,
  options: { readonly cause?: CostCause | undefined } = {},
): Promise<CostAllocationDetail> => {
  const scope = allocationScopeOf(ctx);
  const ex = deps.db.reader();
  const complaint = await complaintRepo.findById(ex, complaintId, scope);
  if (!complaint) throw new AppError('COMPLAINT_NOT_FOUND');
  return loadAllocationDetail(ex, complaint, options.cause ?? null);
};
