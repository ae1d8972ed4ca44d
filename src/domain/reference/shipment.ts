import type { BatchId, CustomerId, ProductId, ShipmentId } from './reference-ids';

/** A shipment of a batch to a region (optionally to a dealer): the denominator of defect rates (R-BAT-1). */
export type Shipment = {
  readonly id: ShipmentId;
  readonly batchId: BatchId;
  readonly productId: ProductId;
  readonly productCode: string;
  readonly batchNo: string;
  readonly region: string;
  readonly quantity: number;
  readonly shippedOn: string;
  readonly customerId: CustomerId | null;
  readonly reference: string | null;
  readonly createdAt: Date;
};
