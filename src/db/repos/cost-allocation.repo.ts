import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { CostAllocation, PartyKind } from '../../domain/compensation/allocate-cost';
import type { Executor } from '../client';
import { costAllocations } from '../schema/compensation.table';

type Row = typeof costAllocations.$inferSelect;

const toAllocation = (r: Row): CostAllocation => ({
  id: r.id,
  complaintId: r.complaintId,
  partyKind: r.partyKind as PartyKind,
  partyName: r.partyName,
  departmentId: r.departmentId,
  shareBp: r.shareBp,
  amountFen: r.amountFen,
  rule: r.rule,
  transferFormNo: r.transferFormNo,
  deductionNoticeNo: r.deductionNoticeNo,
  createdBy: r.createdBy,
  createdAt: r.createdAt,
});

/** Largest share first, then by party: a stable order for the API, the forms and the ledger. */
const ORDER = [
  asc(costAllocations.complaintId),
  desc(costAllocations.shareBp),
  asc(costAllocations.partyKind),
  asc(costAllocations.partyName),
] as const;

/** The cost allocation 责任划分 of complaints (R-RES-8): one row per responsible party. */
export const costAllocationRepo = {
  async findById(ex: Executor, id: string): Promise<CostAllocation | undefined> {
    const [row] = await ex.select().from(costAllocations).where(eq(costAllocations.id, id));
    return row && toAllocation(row);
  },

  async listForComplaint(ex: Executor, complaintId: string): Promise<CostAllocation[]> {
    const rows = await ex
      .select()
      .from(costAllocations)
      .where(eq(costAllocations.complaintId, complaintId))
      .orderBy(...ORDER);
    return rows.map(toAllocation);
  },

  /** The allocations of many complaints, by complaint id (complaints without one are absent). */
  async listForComplaints(
    ex: Executor,
    complaintIds: readonly string[],
  ): Promise<Map<string, CostAllocation[]>> {
    const result = new Map<string, CostAllocation[]>();
    if (complaintIds.length === 0) return result;
    const rows = await ex
      .select()
      .from(costAllocations)
      .where(inArray(costAllocations.complaintId, [...complaintIds]))
      .orderBy(...ORDER);
    for (const r of rows) {
      const list = result.get(r.complaintId) ?? [];
      list.push(toAllocation(r));
      result.set(r.complaintId, list);
    }
    return result;
  },

  /** Replaces the complaint's whole allocation: the caller holds the complaint's row lock. */
  async replaceForComplaint(
    ex: Executor,
    complaintId: string,
    rows: readonly CostAllocation[],
  ): Promise<void> {
    await ex.delete(costAllocations).where(eq(costAllocations.complaintId, complaintId));
    if (rows.length > 0) await ex.insert(costAllocations).values(rows.map((r) => ({ ...r })));
  },
};
