import type { BatchId, CustomerId, ShipmentId } from '../../domain/reference/reference-ids';
import type { Shipment } from '../../domain/reference/shipment';
import { batchRepo } from '../../db/repos/batch.repo';
import { customerRepo } from '../../db/repos/customer.repo';
import { shipmentRepo, type ShipmentInsert } from '../../db/repos/shipment.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { newId } from '../new-id';
import { emitEvents } from '../platform/emit-events';
import { rethrowUniqueViolation } from './rethrow-unique-violation';

export type ShipmentFieldsInput = {
  readonly region: string;
  readonly quantity: number;
  readonly shippedOn: string;
  readonly reference?: string | null | undefined;
};

export type CreateShipmentInput = ShipmentFieldsInput & {
  readonly batchId: string;
  readonly customerId?: string | null | undefined;
};

export const buildShipment = (
  now: Date,
  batchId: BatchId,
  customerId: CustomerId | null,
  input: ShipmentFieldsInput,
): ShipmentInsert => ({
  id: newId(now.getTime()) as ShipmentId,
  batchId,
  customerId,
  region: input.region,
  quantity: input.quantity,
  shippedOn: input.shippedOn,
  reference: input.reference ?? null,
  createdAt: now,
});

/**
 * Records a shipment of a batch to a region, optionally to a dealer in the customer archive. An external
 * reference (ERP delivery note), when given, is unique, so the same note cannot be counted twice (R-BAT-1).
 */
export const createShipment = async (
  deps: Deps,
  ctx: UseCaseContext,
  input: CreateShipmentInput,
): Promise<Shipment> => {
  assertPermission(ctx.actor, 'reference.manage');
  const now = deps.clock.now();
  return deps.db
    .transaction(async (tx) => {
      const batch = await batchRepo.findById(tx, input.batchId);
      if (!batch) throw new AppError('BATCH_NOT_FOUND', { batchId: input.batchId });
      if (input.customerId && !(await customerRepo.existsById(tx, input.customerId)))
        throw new AppError('CUSTOMER_NOT_FOUND', { customerId: input.customerId });
      if (input.reference && (await shipmentRepo.findByReference(tx, input.reference)))
        throw new AppError('SHIPMENT_REFERENCE_TAKEN', { reference: input.reference });
      const row = buildShipment(now, batch.id, (input.customerId ?? null) as CustomerId | null, input);
      await shipmentRepo.insertMany(tx, [row]);
      const shipment: Shipment = {
        ...row,
        productId: batch.productId,
        productCode: batch.productCode,
        batchNo: batch.batchNo,
      };
      await appendAudit(tx, ctx, now, [
        { entityType: 'shipment', entityId: shipment.id, action: 'shipment.created', after: row },
      ]);
      await emitEvents(tx, now, [
        {
          type: 'shipment.created',
          aggregateType: 'shipment',
          aggregateId: shipment.id,
          payload: { batchId: batch.id, region: shipment.region, quantity: shipment.quantity },
        },
      ]);
      return shipment;
    })
    .catch(rethrowUniqueViolation);
};
