import {
  documentsFor,
  formatFormNumber,
  splitCost,
  type CostAllocation,
  type CostCause,
  type PartyKind,
  type ResponsibilitySuggestion,
} from '../../domain/compensation/allocate-cost';
import { toLocalDateTime } from '../../domain/sla/convert-local-time';
import type { Tx } from '../../db/client';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { compensationLedgerRepo } from '../../db/repos/compensation-ledger.repo';
import { costAllocationRepo } from '../../db/repos/cost-allocation.repo';
import { departmentRepo } from '../../db/repos/department.repo';
import { documentCounterRepo } from '../../db/repos/document-counter.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { newId } from '../new-id';
import {
  allocationScopeOf,
  loadAllocationDetail,
  suggestionFor,
  type CostAllocationDetail,
} from './get-cost-allocation';

export type CostShareRequest = {
  readonly partyKind: PartyKind;
  readonly partyName: string;
  readonly departmentId?: string | null | undefined;
  readonly shareBp: number;
  /** Why this party bears it; the suggestion's rules when the party is the suggested one and no reason is given. */
  readonly reason?: string | null | undefined;
};

export type AllocateCostInput = {
  /** Fen to allocate; default: the complaint's agreed or paid compensation in the ledger, whichever is larger. */
  readonly totalFen?: number | undefined;
  /** An established cause (R-RES-8), for the suggestion. */
  readonly cause?: CostCause | null | undefined;
  readonly shares: readonly CostShareRequest[];
};

const ruleText = (s: ResponsibilitySuggestion): string =>
  s.rules.map((r) => (r.detail ? `${r.rule}: ${r.detail}` : r.rule)).join('; ');

/** Same party, same department, same share, amount and reason: the printed document would not change. */
const sameDocument = (
  a: CostAllocation,
  b: Pick<CostAllocation, 'partyKind' | 'partyName' | 'departmentId' | 'shareBp' | 'amountFen' | 'rule'>,
): boolean =>
  a.partyKind === b.partyKind &&
  a.partyName === b.partyName &&
  a.departmentId === b.departmentId &&
  a.shareBp === b.shareBp &&
  a.amountFen === b.amountFen &&
  a.rule === b.rule;

const auditView = (rows: readonly CostAllocation[]) =>
  rows.map((r) => ({
    id: r.id,
    partyKind: r.partyKind,
    partyName: r.partyName,
    departmentId: r.departmentId,
    shareBp: r.shareBp,
    amountFen: r.amountFen,
    rule: r.rule,
    transferFormNo: r.transferFormNo,
    deductionNoticeNo: r.deductionNoticeNo,
  }));

const assertDepartments = async (tx: Tx, shares: readonly CostShareRequest[]): Promise<void> => {
  for (const [index, s] of shares.entries()) {
    if (s.departmentId && !(await departmentRepo.findById(tx, s.departmentId)))
      throw new AppError('DEPARTMENT_NOT_FOUND', { index, departmentId: s.departmentId });
  }
};

/**
 * Replaces a complaint's cost allocation 责任划分 (R-RES-8), in one transaction with its audit row (before/after):
 * the shares must add up to exactly 10 000 bp (COST_SHARES_INVALID otherwise) and the amounts are split by the
 * largest remainder so they add up to the total exactly. Without `totalFen` the total is the complaint's agreed or
 * paid compensation in the ledger, whichever is larger (the same money passes both stages, so they are not added);
 * none → COST_TOTAL_REQUIRED. Every party but the company and the customer gets a cost-transfer form number
 * ZY-YYYY-NNNNNN, external parties a deduction notice number KK-YYYY-NNNNNN, from gapless per-year counters (year in
 * the company's time zone). A share whose document is unchanged keeps its numbers, so repeating a request burns none.
 */
export const allocateCost = async (
  deps: Deps,
  ctx: UseCaseContext,
  complaintId: string,
  input: AllocateCostInput,
): Promise<CostAllocationDetail> => {
  const scope = allocationScopeOf(ctx);
  return deps.db.transaction(async (tx) => {
    if (!(await complaintRepo.findById(tx, complaintId, scope))) throw new AppError('COMPLAINT_NOT_FOUND');
    // The complaint's row lock serialises concurrent replacements of its allocation.
    const complaint = await complaintRepo.findByIdForUpdate(tx, complaintId);
    if (!complaint) throw new AppError('COMPLAINT_NOT_FOUND');
    const cause = input.cause ?? null;

    let totalFen = input.totalFen;
    if (totalFen === undefined) {
      const ledger = await compensationLedgerRepo.totalsForComplaint(tx, complaintId);
      totalFen = Math.max(ledger.agreedFen, ledger.paidFen, 0);
      if (totalFen === 0) throw new AppError('COST_TOTAL_REQUIRED', { ledger });
    }
    const split = splitCost(totalFen, input.shares);
    if (!split.ok) {
      const { code, ...details } = split.error;
      throw new AppError(code, details);
    }
    await assertDepartments(tx, input.shares);

    const suggestion = suggestionFor(complaint, cause);
    const now = deps.clock.now();
    const year = Number(toLocalDateTime(deps.config.defaultTimeZone, now).date.slice(0, 4));
    const createdBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    const before = await costAllocationRepo.listForComplaint(tx, complaintId);
    const unused = [...before];

    const after: CostAllocation[] = [];
    for (const s of split.value) {
      const content = {
        complaintId,
        partyKind: s.partyKind,
        partyName: s.partyName,
        departmentId: s.departmentId ?? null,
        shareBp: s.shareBp,
        amountFen: s.amountFen,
        rule: s.reason ?? (s.partyKind === suggestion.partyKind ? ruleText(suggestion) : null),
      };
      const kept = unused.findIndex((old) => sameDocument(old, content));
      if (kept >= 0) {
        after.push(unused.splice(kept, 1)[0]!);
        continue;
      }
      const docs = documentsFor(s.partyKind);
      after.push({
        ...content,
        id: newId(now.getTime()),
        transferFormNo: docs.transferForm
          ? formatFormNumber('transfer', year, await documentCounterRepo.next(tx, 'cost_transfer', year))
          : null,
        deductionNoticeNo: docs.deductionNotice
          ? formatFormNumber('deduction', year, await documentCounterRepo.next(tx, 'deduction_notice', year))
          : null,
        createdBy,
        createdAt: now,
      });
    }

    const unchanged = unused.length === 0 && after.every((r) => before.includes(r));
    if (!unchanged) {
      await costAllocationRepo.replaceForComplaint(tx, complaintId, after);
      await appendAudit(tx, ctx, now, [
        {
          entityType: 'complaint',
          entityId: complaintId,
          action: 'complaint.cost_allocated',
          before: before.length > 0 ? { allocations: auditView(before) } : null,
          after: {
            totalFen,
            allocations: auditView(after),
            suggestion: { partyKind: suggestion.partyKind, rules: suggestion.rules },
          },
        },
      ]);
    }
    return loadAllocationDetail(tx, complaint, cause);
  });
};
