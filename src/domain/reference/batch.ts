import type { BatchId, ProductId } from './reference-ids';

/** A production batch 批号 of one product: the unit of batch signals and recalls. Dates are `YYYY-MM-DD`. */
export type Batch = {
  readonly id: BatchId;
  readonly productId: ProductId;
  readonly productCode: string;
  readonly productName: string;
  readonly batchNo: string;
  readonly productionDate: string | null;
  readonly quantity: number | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;
};
