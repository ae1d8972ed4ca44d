import { apportionFen, type CostAllocation } from '../../domain/compensation/allocate-cost';
import type { ComplaintScope } from '../../db/repos/complaint.repo';
import {
  compensationLedgerRepo,
  type LedgerAmounts,
  type LedgerGroupRow,
} from '../../db/repos/compensation-ledger.repo';
import { costAllocationRepo } from '../../db/repos/cost-allocation.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { assertPermission } from '../identity/assert-permission';

export type LedgerGrouping = 'complaint' | 'customer' | 'product' | 'party' | 'month';

export type LedgerQuery = {
  readonly groupBy: LedgerGrouping;
  /** First booking month `YYYY-MM` (Asia/Shanghai), inclusive. */
  readonly from?: string | undefined;
  /** Last booking month `YYYY-MM`, inclusive. */
  readonly to?: string | undefined;
};

export type LedgerRow = LedgerGroupRow;

export type LedgerReport = {
  readonly groupBy: LedgerGrouping;
  readonly from: string | null;
  readonly to: string | null;
  readonly rows: readonly LedgerRow[];
  readonly totals: LedgerAmounts;
};

/** The party key of the cost nobody has been allocated yet: the company absorbs it until someone does. */
export const UNALLOCATED_PARTY = { key: 'company:未分摊', label: '未分摊' } as const;

const ZERO: LedgerAmounts = { proposedFen: 0, approvedFen: 0, agreedFen: 0, paidFen: 0 };
const STAGES = ['proposedFen', 'approvedFen', 'agreedFen', 'paidFen'] as const;

const add = (a: LedgerAmounts, b: LedgerAmounts): LedgerAmounts => ({
  proposedFen: a.proposedFen + b.proposedFen,
  approvedFen: a.approvedFen + b.approvedFen,
  agreedFen: a.agreedFen + b.agreedFen,
  paidFen: a.paidFen + b.paidFen,
});

/** How far compensation.ledger reaches (R-SEC-1): company-wide, or the complaints of the actor's departments. */
const ledgerScopeOf = (ctx: UseCaseContext): ComplaintScope => {
  const scope = assertPermission(ctx.actor, 'compensation.ledger');
  if (scope.kind === 'all' || ctx.actor.kind !== 'user') return { kind: 'all' };
  return { kind: 'departments', departmentIds: scope.departmentIds, userId: ctx.actor.userId };
};

/**
 * Distributes each complaint's amounts over its cost allocation (R-RES-8) in proportion to the allocated amounts
 * (the shares when every amount is 0), by the largest remainder per stage so each complaint's amounts are kept to
 * the fen. A complaint without an allocation stays with the company as 未分摊.
 */
const byParty = (
  perComplaint: readonly LedgerGroupRow[],
  allocations: ReadonlyMap<string, readonly CostAllocation[]>,
): LedgerRow[] => {
  const acc = new Map<string, LedgerRow>();
  const credit = (key: string, label: string, amounts: LedgerAmounts) => {
    const prev = acc.get(key);
    acc.set(key, { key, label, ...add(prev ?? ZERO, amounts) });
  };
  for (const c of perComplaint) {
    const parts = allocations.get(c.key) ?? [];
    if (parts.length === 0) {
      credit(UNALLOCATED_PARTY.key, UNALLOCATED_PARTY.label, c);
      continue;
    }
    const byAmount = parts.map((p) => p.amountFen);
    const weights = byAmount.some((w) => w > 0) ? byAmount : parts.map((p) => p.shareBp);
    const split = Object.fromEntries(STAGES.map((s) => [s, apportionFen(c[s], weights)])) as Record<
      (typeof STAGES)[number],
      number[]
    >;
    parts.forEach((p, i) =>
      credit(`${p.partyKind}:${p.partyName}`, p.partyName, {
        proposedFen: split.proposedFen[i] ?? 0,
        approvedFen: split.approvedFen[i] ?? 0,
        agreedFen: split.agreedFen[i] ?? 0,
        paidFen: split.paidFen[i] ?? 0,
      }),
    );
  }
  return [...acc.values()];
};

const EMPTY_LABELS: Partial<Record<LedgerGrouping, string>> = {
  customer: '（未关联顾客档案）',
  product: '（未关联产品）',
};

const sortRows = (groupBy: LedgerGrouping, rows: LedgerRow[]): LedgerRow[] => {
  const byKey = (a: LedgerRow, b: LedgerRow) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const byLabel = (a: LedgerRow, b: LedgerRow) => a.label.localeCompare(b.label, 'zh-CN') || byKey(a, b);
  if (groupBy === 'month') return rows.sort(byKey);
  if (groupBy === 'complaint') return rows.sort(byLabel);
  return rows.sort((a, b) => b.paidFen - a.paidFen || byLabel(a, b));
};

/**
 * The compensation ledger (issue 5) for the complaints in the actor's scope and the booking months in range, net of
 * reversals, by stage (proposed, approved, agreed, paid), grouped by complaint, customer, product, responsible party
 * (R-RES-8, the paid and other amounts split by the cost allocation) or month, with totals. The totals always equal
 * the sum of the ledger entries in range, whatever the grouping.
 */
export const queryLedger = async (
  deps: Deps,
  ctx: UseCaseContext,
  query: LedgerQuery,
): Promise<LedgerReport> => {
  const filter = { from: query.from, to: query.to, scope: ledgerScopeOf(ctx) };
  const ex = deps.db.reader();
  let rows: LedgerRow[];
  if (query.groupBy === 'party') {
    const perComplaint = await compensationLedgerRepo.sumBy(ex, 'complaint', filter);
    const allocations = await costAllocationRepo.listForComplaints(
      ex,
      perComplaint.map((c) => c.key),
    );
    rows = byParty(perComplaint, allocations);
  } else {
    const empty = EMPTY_LABELS[query.groupBy];
    rows = (await compensationLedgerRepo.sumBy(ex, query.groupBy, filter)).map((r) =>
      r.key === '' && empty ? { ...r, label: empty } : r,
    );
  }
  return {
    groupBy: query.groupBy,
    from: query.from ?? null,
    to: query.to ?? null,
    rows: sortRows(query.groupBy, rows),
    totals: rows.reduce<LedgerAmounts>((a, r) => add(a, r), ZERO),
  };
};
