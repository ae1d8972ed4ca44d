import { and, eq, inArray } from 'drizzle-orm';
import type { BatchId, CustomerId, ProductId, ShipmentId } from '../../domain/reference/reference-ids';
import type { Shipment } from '../../domain/reference/shipment';
import type { Executor } from '../client';
import { inChunks } from '../in-chunks';
import { keysetCondition, keysetOrder, type KeysetSort } from '../keyset';
import { batches, products, shipments } from '../schema/reference.table';

type ShipmentRow = typeof shipments.$inferSelect;

const toShipment = (
  r: ShipmentRow,
  batch: { productId: string; productCode: string; batchNo: string },
): Shipment => ({
  ...r,
  id: r.id as ShipmentId,
  batchId: r.batchId as BatchId,
  customerId: r.customerId as CustomerId | null,
  productId: batch.productId as ProductId,
  productCode: batch.productCode,
  batchNo: batch.batchNo,
});

const selectShipments = (ex: Executor) =>
  ex
    .select({
      shipment: shipments,
      batch: { productId: batches.productId, productCode: products.code, batchNo: batches.batchNo },
    })
    .from(shipments)
    .innerJoin(batches, eq(batches.id, shipments.batchId))
    .innerJoin(products, eq(products.id, batches.productId));

export type ShipmentFilter = {
  readonly batchId?: string | undefined;
  readonly customerId?: string | undefined;
  readonly region?: string | undefined;
};

export type ShipmentSortKey = 'shippedOn' | 'createdAt';

export const shipmentSortColumns = { shippedOn: shipments.shippedOn, createdAt: shipments.createdAt };

export type ShipmentInsert = Omit<Shipment, 'productId' | 'productCode' | 'batchNo'>;
export type ShipmentPatch = Partial<
  Pick<Shipment, 'batchId' | 'region' | 'quantity' | 'shippedOn' | 'customerId'>
>;

export const shipmentRepo = {
  async findById(ex: Executor, id: string): Promise<Shipment | undefined> {
    const [row] = await selectShipments(ex).where(eq(shipments.id, id));
    return row && toShipment(row.shipment, row.batch);
  },

  async findByReference(ex: Executor, reference: string): Promise<Shipment | undefined> {
    const [row] = await selectShipments(ex).where(eq(shipments.reference, reference));
    return row && toShipment(row.shipment, row.batch);
  },

  /** Shipments with these external references, locked (bulk upsert by reference). */
  async findByReferencesForUpdate(ex: Executor, references: readonly string[]): Promise<Shipment[]> {
    const found: Shipment[] = [];
    await inChunks([...new Set(references)], 5000, async (chunk) => {
      const rows = await selectShipments(ex)
        .where(inArray(shipments.reference, chunk))
        .for('update', { of: shipments });
      found.push(...rows.map((r) => toShipment(r.shipment, r.batch)));
    });
    return found;
  },

  async list(
    ex: Executor,
    filter: ShipmentFilter,
    page: { sort: KeysetSort; after: { value: unknown; id: string } | undefined; limit: number },
  ): Promise<Shipment[]> {
    const rows = await selectShipments(ex)
      .where(
        and(
          filter.batchId ? eq(shipments.batchId, filter.batchId) : undefined,
          filter.customerId ? eq(shipments.customerId, filter.customerId) : undefined,
          filter.region ? eq(shipments.region, filter.region) : undefined,
          keysetCondition(page.sort, shipments.id, page.after),
        ),
      )
      .orderBy(...keysetOrder(page.sort, shipments.id))
      .limit(page.limit);
    return rows.map((r) => toShipment(r.shipment, r.batch));
  },

  async insertMany(ex: Executor, rows: readonly ShipmentInsert[]): Promise<void> {
    await inChunks(rows, 1000, async (chunk) => {
      await ex.insert(shipments).values(chunk.map((s) => ({ ...s })));
    });
  },

  async update(ex: Executor, id: string, patch: ShipmentPatch): Promise<void> {
    await ex.update(shipments).set(patch).where(eq(shipments.id, id));
  },
};
