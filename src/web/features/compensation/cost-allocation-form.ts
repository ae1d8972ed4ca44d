import type { Complaint, CostAllocationView, PutCostAllocationBody } from '../../app/api-types';
import {
  apportionFen,
  FULL_SHARE_BP,
  PARTY_KIND_LABELS,
  type CostCause,
  type PartyKind,
} from '../../../domain/compensation/allocate-cost';

/** One party's row as the editor holds it: the share as a percentage with up to two decimals. */
export type ShareRow = {
  readonly key: string;
  readonly partyKind: PartyKind;
  readonly partyName: string;
  readonly departmentId: string | null;
  readonly percent: number | null;
  readonly reason: string;
};

/** What keeps the allocation from being saved, in the order the editor reports it. */
export type ShareProblem = 'name' | 'duplicate' | 'sum' | 'total';

let seq = 0;
/** A key for a new row (React keys only; never sent). */
export const newRowKey = (): string => `row-${++seq}`;

/** Percent with two decimals → basis points (33.33 % = 3333 bp); blank = 0. */
export const percentToBp = (percent: number | null | undefined): number =>
  percent === null || percent === undefined || !Number.isFinite(percent) ? 0 : Math.round(percent * 100);

export const sumBp = (rows: readonly ShareRow[]): number =>
  rows.reduce((a, r) => a + percentToBp(r.percent), 0);

/** "100.00" / "33.33" from basis points, without floating-point noise. */
export const formatBp = (bp: number): string => (bp / 100).toFixed(2);

/**
 * Who the suggested kind of party is on this complaint's record: the department it is assigned to for production,
 * the customer for the customer, the place of purchase for a retailer; the company under its own label. Suppliers
 * and carriers are not on the complaint, so the person names them.
 */
export const defaultParty = (
  kind: PartyKind,
  complaint: Complaint,
): { partyName: string; departmentId: string | null } => {
  switch (kind) {
    case 'production_department':
      return { partyName: complaint.departmentName ?? '', departmentId: complaint.departmentId };
    case 'customer':
      return { partyName: complaint.customer.name, departmentId: null };
    case 'retailer':
      return { partyName: complaint.product.purchasePlace ?? '', departmentId: null };
    case 'company':
      // Party names are data printed on the Chinese forms and keyed in the ledger: one spelling in every language.
      return { partyName: PARTY_KIND_LABELS.company['zh-CN'], departmentId: null };
    case 'supplier':
    case 'logistics':
      return { partyName: '', departmentId: null };
  }
};

/** The suggested party (R-RES-8) bearing 100 %. */
export const rowsFromSuggestion = (view: CostAllocationView, complaint: Complaint): ShareRow[] => [
  {
    key: newRowKey(),
    partyKind: view.suggestion.partyKind,
    ...defaultParty(view.suggestion.partyKind, complaint),
    percent: 100,
    reason: '',
  },
];

/**
 * The stored allocation, to change it. The stored basis comes back as the reason, so a share saved again unchanged
 * keeps its form numbers (the server reissues a form only when its printed content changes).
 */
export const rowsFromAllocation = (view: CostAllocationView): ShareRow[] =>
  view.allocations.map((a) => ({
    key: newRowKey(),
    partyKind: a.partyKind,
    partyName: a.partyName,
    departmentId: a.departmentId,
    percent: a.shareBp / 100,
    reason: a.rule ?? '',
  }));

/** The stored total, or (nothing stored yet) the larger of agreed and paid — the server's own default. */
export const defaultTotalFen = (view: CostAllocationView): number =>
  view.allocations.length > 0 ? view.totalFen : Math.max(0, view.ledger.agreedFen, view.ledger.paidFen);

/** The amounts the server will compute (the same largest-remainder split), for the editor's preview. */
export const previewAmounts = (totalFen: number, rows: readonly ShareRow[]): number[] =>
  apportionFen(
    totalFen,
    rows.map((r) => percentToBp(r.percent)),
  );

/** The first reason the rows cannot be saved as they are, or null. */
export const findShareProblem = (rows: readonly ShareRow[], totalFen: number | null): ShareProblem | null => {
  if (rows.some((r) => r.partyName.trim() === '')) return 'name';
  const parties = new Set(rows.map((r) => `${r.partyKind}\u0000${r.partyName.trim()}`));
  if (parties.size !== rows.length) return 'duplicate';
  if (rows.some((r) => percentToBp(r.percent) <= 0) || sumBp(rows) !== FULL_SHARE_BP) return 'sum';
  if (totalFen === null || totalFen < 0) return 'total';
  return null;
};

/** The PUT body: the whole allocation, replacing the stored one. */
export const toPutBody = (
  rows: readonly ShareRow[],
  totalFen: number,
  cause: CostCause | undefined,
): PutCostAllocationBody => ({
  totalFen,
  ...(cause ? { cause } : {}),
  shares: rows.map((r) => ({
    partyKind: r.partyKind,
    partyName: r.partyName.trim(),
    departmentId: r.partyKind === 'production_department' ? r.departmentId : null,
    shareBp: percentToBp(r.percent),
    ...(r.reason.trim() ? { reason: r.reason.trim() } : {}),
  })),
});
