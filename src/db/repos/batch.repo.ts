import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Batch } from '../../domain/reference/batch';
import type { BatchId, ProductId } from '../../domain/reference/reference-ids';
import type { Executor } from '../client';
import { inChunks } from '../in-chunks';
import { keysetCondition, keysetOrder, type KeysetSort } from '../keyset';
import { batches, products } from '../schema/reference.table';

type BatchRow = typeof batches.$inferSelect;

const toBatch = (r: BatchRow, product: { code: string; name: string }): Batch => ({
  ...r,
  id: r.id as BatchId,
  productId: r.productId as ProductId,
  productCode: product.code,
  productName: product.name,
});

const selectBatches = (ex: Executor) =>
  ex
    .select({ batch: batches, product: { code: products.code, name: products.name } })
    .from(batches)
    .innerJoin(products, eq(products.id, batches.productId));

export type BatchFilter = {
  readonly productId?: string | undefined;
  readonly batchNo?: string | undefined;
};

export type BatchSortKey = 'batchNo' | 'createdAt';

export const batchSortColumns = { batchNo: batches.batchNo, createdAt: batches.createdAt };

export type BatchInsert = Omit<Batch, 'productCode' | 'productName'>;
export type BatchPatch = Partial<Pick<Batch, 'batchNo' | 'productionDate' | 'quantity'>>;

export const batchRepo = {
  async findById(ex: Executor, id: string): Promise<Batch | undefined> {
    const [row] = await selectBatches(ex).where(eq(batches.id, id));
    return row && toBatch(row.batch, row.product);
  },

  async findByIdForUpdate(ex: Executor, id: string): Promise<Batch | undefined> {
    await ex.select({ id: batches.id }).from(batches).where(eq(batches.id, id)).for('update');
    return this.findById(ex, id);
  },

  async findByProductAndNo(ex: Executor, productId: string, batchNo: string): Promise<Batch | undefined> {
    const [row] = await selectBatches(ex).where(
      and(eq(batches.productId, productId), eq(batches.batchNo, batchNo)),
    );
    return row && toBatch(row.batch, row.product);
  },

  /** Batches of these products with these numbers (a superset filter; the caller matches pairs), locked. */
  async findForUpsert(
    ex: Executor,
    productIds: readonly string[],
    batchNos: readonly string[],
  ): Promise<Batch[]> {
    if (productIds.length === 0 || batchNos.length === 0) return [];
    const found: Batch[] = [];
    await inChunks([...new Set(batchNos)], 5000, async (chunk) => {
      const rows = await selectBatches(ex)
        .where(and(inArray(batches.productId, [...new Set(productIds)]), inArray(batches.batchNo, chunk)))
        .for('update', { of: batches });
      found.push(...rows.map((r) => toBatch(r.batch, r.product)));
    });
    return found;
  },

  async list(
    ex: Executor,
    filter: BatchFilter,
    page: { sort: KeysetSort; after: { value: unknown; id: string } | undefined; limit: number },
  ): Promise<Batch[]> {
    const rows = await selectBatches(ex)
      .where(
        and(
          filter.productId ? eq(batches.productId, filter.productId) : undefined,
          filter.batchNo ? eq(batches.batchNo, filter.batchNo) : undefined,
          keysetCondition(page.sort, batches.id, page.after),
        ),
      )
      .orderBy(...keysetOrder(page.sort, batches.id))
      .limit(page.limit);
    return rows.map((r) => toBatch(r.batch, r.product));
  },

  async insertMany(ex: Executor, rows: readonly BatchInsert[]): Promise<void> {
    await inChunks(rows, 1000, async (chunk) => {
      await ex.insert(batches).values(chunk.map((b) => ({ ...b })));
    });
  },

  /** Updates when the row still has `expectedVersion`; false when it moved on (VERSION_CONFLICT). */
  async update(
    ex: Executor,
    id: string,
    expectedVersion: number,
    patch: BatchPatch,
    now: Date,
  ): Promise<boolean> {
    const rows = await ex
      .update(batches)
      .set({ ...patch, updatedAt: now, version: sql`${batches.version} + 1` })
      .where(and(eq(batches.id, id), eq(batches.version, expectedVersion)))
      .returning({ id: batches.id });
    return rows.length === 1;
  },
};
