import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Recall, RecallTarget } from '../../domain/batch/batch-case-records';
import type { ShipmentLine } from '../../domain/batch/plan-recall';
import type { Executor } from '../client';
import { recallTargets, recalls } from '../schema/quality.table';
import { batches, shipments } from '../schema/reference.table';

type RecallRow = typeof recalls.$inferSelect;
type TargetRow = typeof recallTargets.$inferSelect;

const toRecall = (r: RecallRow): Recall => ({
  ...r,
  recallClass: r.recallClass as Recall['recallClass'],
  scope: r.scope as Recall['scope'],
  status: r.status as Recall['status'],
  completionReport: (r.completionReport ?? null) as Recall['completionReport'],
});

export type RecallInsert = Omit<RecallRow, 'version' | 'completionReport' | 'completedAt' | 'unitsRecovered'>;
export type RecallFilter = {
  readonly status?: Recall['status'] | undefined;
  readonly productId?: string | undefined;
  readonly caseId?: string | undefined;
};

export const recallRepo = {
  async findById(ex: Executor, id: string): Promise<Recall | undefined> {
    const [row] = await ex.select().from(recalls).where(eq(recalls.id, id));
    return row && toRecall(row);
  },

  async findByIdForUpdate(ex: Executor, id: string): Promise<Recall | undefined> {
    const [row] = await ex.select().from(recalls).where(eq(recalls.id, id)).for('update');
    return row && toRecall(row);
  },

  async findByCase(ex: Executor, caseId: string): Promise<Recall | undefined> {
    const [row] = await ex
      .select()
      .from(recalls)
      .where(eq(recalls.caseId, caseId))
      .orderBy(desc(recalls.startedAt))
      .limit(1);
    return row && toRecall(row);
  },

  async list(ex: Executor, filter: RecallFilter, limit: number): Promise<Recall[]> {
    const rows = await ex
      .select()
      .from(recalls)
      .where(
        and(
          filter.status ? eq(recalls.status, filter.status) : undefined,
          filter.productId ? eq(recalls.productId, filter.productId) : undefined,
          filter.caseId ? eq(recalls.caseId, filter.caseId) : undefined,
        ),
      )
      .orderBy(desc(recalls.startedAt), desc(recalls.id))
      .limit(limit);
    return rows.map(toRecall);
  },

  async insert(ex: Executor, row: RecallInsert, targets: readonly TargetRow[]): Promise<void> {
    await ex.insert(recalls).values(row);
    for (let i = 0; i < targets.length; i += 1000)
      await ex.insert(recallTargets).values(targets.slice(i, i + 1000).map((t) => ({ ...t })));
  },

  async listTargets(ex: Executor, recallId: string): Promise<RecallTarget[]> {
    return ex
      .select()
      .from(recallTargets)
      .where(eq(recallTargets.recallId, recallId))
      .orderBy(asc(recallTargets.region), asc(recallTargets.batchNo), asc(recallTargets.id));
  },

  async updateTarget(
    ex: Executor,
    id: string,
    patch: { notifiedAt: Date | null; recoveredQuantity: number },
    at: Date,
  ): Promise<void> {
    await ex
      .update(recallTargets)
      .set({ ...patch, updatedAt: at })
      .where(eq(recallTargets.id, id));
  },

  /** Recomputes the recovered total from the targets and bumps the version (the caller holds the recall lock). */
  async refreshRecovered(ex: Executor, id: string): Promise<void> {
    await ex
      .update(recalls)
      .set({
        unitsRecovered: sql`(select coalesce(sum(${recallTargets.recoveredQuantity}), 0)::int from ${recallTargets}
                             where ${recallTargets.recallId} = ${id})`,
        version: sql`${recalls.version} + 1`,
      })
      .where(eq(recalls.id, id));
  },

  async complete(ex: Executor, id: string, report: unknown, at: Date): Promise<void> {
    await ex
      .update(recalls)
      .set({
        status: 'completed',
        completionReport: report,
        completedAt: at,
        version: sql`${recalls.version} + 1`,
      })
      .where(eq(recalls.id, id));
  },

  /** Every shipment of these batches of the product: the purchase records a recall reaches (R-BAT-5). */
  async shipmentLines(ex: Executor, productId: string, batchNos: readonly string[]): Promise<ShipmentLine[]> {
    if (batchNos.length === 0) return [];
    return ex
      .select({
        customerId: shipments.customerId,
        region: shipments.region,
        batchNo: batches.batchNo,
        quantity: shipments.quantity,
      })
      .from(shipments)
      .innerJoin(batches, eq(batches.id, shipments.batchId))
      .where(and(eq(batches.productId, productId), inArray(batches.batchNo, [...batchNos])))
      .orderBy(asc(shipments.region), asc(shipments.id));
  },
};
