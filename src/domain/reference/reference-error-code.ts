/** Errors of the reference data: customers (顾客档案), products, batches (批号) and shipments. */
export const REFERENCE_ERROR_CODES = [
  /** No customer with that id (or code). */
  'CUSTOMER_NOT_FOUND',
  /** Another customer already has that code. */
  'CUSTOMER_CODE_TAKEN',
  /** No product with that id (or code). */
  'PRODUCT_NOT_FOUND',
  /** Another product already has that code. */
  'PRODUCT_CODE_TAKEN',
  /** No batch with that id (or product code and batch number). */
  'BATCH_NOT_FOUND',
  /** The product already has a batch with that batch number. */
  'BATCH_TAKEN',
  /** No shipment with that id. */
  'SHIPMENT_NOT_FOUND',
  /** Another shipment already has that external reference (e.g. the ERP delivery note). */
  'SHIPMENT_REFERENCE_TAKEN',
  /** A bulk upsert has bad rows; `details.rows` lists `{ row, problem }`. Nothing was written. */
  'REFERENCE_IMPORT_INVALID',
] as const;

export type ReferenceErrorCode = (typeof REFERENCE_ERROR_CODES)[number];
