import { z } from 'zod';
import { ZId, ZIsoDateTime, ZPageQuery, ZReason, ZVersion, zPage, zText } from './common.contract';
import { ZReferenceCode } from './customer.contract';

export const PRODUCT_SORTS = ['code', '-code', 'name', '-name', 'createdAt', '-createdAt'] as const;
export const BATCH_SORTS = ['batchNo', '-batchNo', 'createdAt', '-createdAt'] as const;
export const SHIPMENT_SORTS = ['shippedOn', '-shippedOn', 'createdAt', '-createdAt'] as const;

/** A calendar date `YYYY-MM-DD` (a real one: no 2026-02-30). */
export const ZDate = z.iso.date().describe('YYYY-MM-DD');
/** Money in integer fen (分), never a float: 12.50 yuan is 1250. */
export const ZFen = z.number().int().min(0).max(1_000_000_000_000);
const ZQuantity = z.number().int().min(1).max(2_147_483_647);
const ZBatchNo = zText(64).describe('批号 as printed on the package');
const ZBool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZProductView = z
  .object({
    id: ZId,
    code: z.string(),
    name: z.string(),
    model: z.string().nullable(),
    category: z.string().nullable(),
    priceFen: z.number().int().nullable().describe('Unit price, integer fen'),
    warrantyMonths: z.number().int().nullable(),
    medicalDevice: z.boolean(),
    active: z.boolean(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: 'Product' });

export const ZProductPage = zPage(ZProductView).meta({ id: 'ProductPage' });

export const ZProductListQuery = ZPageQuery.extend({
  q: zText(64).optional().describe('Part of the code, name or model'),
  category: zText(64).optional(),
  active: ZBool.optional(),
  sort: z.enum(PRODUCT_SORTS).default('code'),
});

const productFields = {
  code: ZReferenceCode,
  name: zText(100),
  model: zText(100).nullable().optional(),
  category: zText(64).nullable().optional(),
  priceFen: ZFen.nullable().optional(),
  warrantyMonths: z.number().int().min(0).max(600).nullable().optional(),
  medicalDevice: z.boolean().optional().describe('Default false'),
  active: z.boolean().optional().describe('Default true'),
};

export const ZCreateProductBody = z.strictObject(productFields).meta({ id: 'CreateProductRequest' });

export const ZUpdateProductBody = z
  .strictObject({
    version: ZVersion.optional().describe('Or send If-Match: "<version>"'),
    ...productFields,
    code: productFields.code.optional(),
    name: productFields.name.optional(),
    reason: ZReason,
  })
  .meta({ id: 'UpdateProductRequest' });

export const ZProductBulkBody = z
  .strictObject({
    rows: z
      .array(
        z.strictObject({
          ...productFields,
          model: zText(100).optional(),
          category: zText(64).optional(),
          priceFen: ZFen.optional(),
          warrantyMonths: z.number().int().min(0).max(600).optional(),
        }),
      )
      .min(1)
      .max(5000),
  })
  .meta({ id: 'ProductBulkUpsertRequest' });

export const ZBatchView = z
  .object({
    id: ZId,
    productId: ZId,
    productCode: z.string(),
    productName: z.string(),
    batchNo: z.string(),
    productionDate: ZDate.nullable(),
    quantity: z.number().int().nullable(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: 'Batch' });

export const ZBatchPage = zPage(ZBatchView).meta({ id: 'BatchPage' });

export const ZBatchListQuery = ZPageQuery.extend({
  productId: ZId.optional(),
  batchNo: ZBatchNo.optional().describe('Exact batch number'),
  sort: z.enum(BATCH_SORTS).default('-createdAt'),
});

export const ZCreateBatchBody = z
  .strictObject({
    productId: ZId,
    batchNo: ZBatchNo,
    productionDate: ZDate.nullable().optional(),
    quantity: ZQuantity.nullable().optional(),
  })
  .meta({ id: 'CreateBatchRequest' });

export const ZUpdateBatchBody = z
  .strictObject({
    version: ZVersion.optional().describe('Or send If-Match: "<version>"'),
    batchNo: ZBatchNo.optional(),
    productionDate: ZDate.nullable().optional(),
    quantity: ZQuantity.nullable().optional(),
    reason: ZReason,
  })
  .meta({ id: 'UpdateBatchRequest' });

export const ZBatchBulkBody = z
  .strictObject({
    rows: z
      .array(
        z.strictObject({
          productCode: ZReferenceCode,
          batchNo: ZBatchNo,
          productionDate: ZDate.optional(),
          quantity: ZQuantity.optional(),
        }),
      )
      .min(1)
      .max(5000),
  })
  .meta({ id: 'BatchBulkUpsertRequest' });

export const ZShipmentView = z
  .object({
    id: ZId,
    batchId: ZId,
    productId: ZId,
    productCode: z.string(),
    batchNo: z.string(),
    region: z.string(),
    quantity: z.number().int(),
    shippedOn: ZDate,
    customerId: ZId.nullable().describe('The dealer, when shipped to one'),
    reference: z.string().nullable().describe('External id, e.g. the ERP delivery note'),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: 'Shipment' });

export const ZShipmentPage = zPage(ZShipmentView).meta({ id: 'ShipmentPage' });

export const ZShipmentListQuery = ZPageQuery.extend({
  batchId: ZId.optional(),
  customerId: ZId.optional(),
  region: zText(64).optional(),
  sort: z.enum(SHIPMENT_SORTS).default('-shippedOn'),
});

const shipmentFields = {
  region: zText(64),
  quantity: ZQuantity,
  shippedOn: ZDate,
  reference: zText(100)
    .optional()
    .describe('Unique; a bulk row with a known reference replaces that shipment'),
};

export const ZCreateShipmentBody = z
  .strictObject({ batchId: ZId, customerId: ZId.nullable().optional(), ...shipmentFields })
  .meta({ id: 'CreateShipmentRequest' });

export const ZShipmentBulkBody = z
  .strictObject({
    rows: z
      .array(
        z.strictObject({
          productCode: ZReferenceCode,
          batchNo: ZBatchNo,
          customerCode: ZReferenceCode.optional().describe('The dealer in the customer archive'),
          ...shipmentFields,
        }),
      )
      .min(1)
      .max(5000),
  })
  .meta({ id: 'ShipmentBulkUpsertRequest' });
