import type { Batch } from '../../domain/reference/batch';
import type { BatchId, ProductId } from '../../domain/reference/reference-ids';
import type { BatchInsert } from '../../db/repos/batch.repo';
import { batchRepo } from '../../db/repos/batch.repo';
import { productRepo } from '../../db/repos/product.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { newId } from '../new-id';
import { emitEvents } from '../platform/emit-events';
import { definedFields } from './reference-import';
import { rethrowUniqueViolation } from './rethrow-unique-violation';

export type BatchFieldsInput = {
  readonly productionDate?: string | null | undefined;
  readonly quantity?: number | null | undefined;
};

export type CreateBatchInput = BatchFieldsInput & { readonly productId: string; readonly batchNo: string };

export type UpdateBatchInput = BatchFieldsInput & {
  readonly expectedVersion: number;
  readonly batchNo?: string | undefined;
  readonly reason?: string | undefined;
};

export const buildBatch = (
  now: Date,
  productId: ProductId,
  batchNo: string,
  input: BatchFieldsInput,
): BatchInsert => ({
  id: newId(now.getTime()) as BatchId,
  productId,
  batchNo,
  productionDate: input.productionDate ?? null,
  quantity: input.quantity ?? null,
  createdAt: now,
  updatedAt: now,
  version: 1,
});

/** Records a production batch 批号 of a product; a batch number is unique per product. */
export const createBatch = async (
  deps: Deps,
  ctx: UseCaseContext,
  input: CreateBatchInput,
): Promise<Batch> => {
  assertPermission(ctx.actor, 'reference.manage');
  const now = deps.clock.now();
  return deps.db
    .transaction(async (tx) => {
      const product = await productRepo.findById(tx, input.productId);
      if (!product) throw new AppError('PRODUCT_NOT_FOUND', { productId: input.productId });
      if (await batchRepo.findByProductAndNo(tx, product.id, input.batchNo))
        throw new AppError('BATCH_TAKEN', { productCode: product.code, batchNo: input.batchNo });
      const row = buildBatch(now, product.id, input.batchNo, input);
      await batchRepo.insertMany(tx, [row]);
      const batch: Batch = { ...row, productCode: product.code, productName: product.name };
      await appendAudit(tx, ctx, now, [
        { entityType: 'batch', entityId: batch.id, action: 'batch.created', after: row },
      ]);
      await emitEvents(tx, now, [
        {
          type: 'batch.created',
          aggregateType: 'batch',
          aggregateId: batch.id,
          payload: { productCode: product.code, batchNo: batch.batchNo },
        },
      ]);
      return batch;
    })
    .catch(rethrowUniqueViolation);
};

/** Corrects a batch's number, production date or quantity, with optimistic concurrency. */
export const updateBatch = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: UpdateBatchInput,
): Promise<Batch> => {
  assertPermission(ctx.actor, 'reference.manage');
  const now = deps.clock.now();
  return deps.db
    .transaction(async (tx) => {
      const current = await batchRepo.findByIdForUpdate(tx, id);
      if (!current) throw new AppError('BATCH_NOT_FOUND');
      if (current.version !== input.expectedVersion)
        throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
      if (
        input.batchNo !== undefined &&
        input.batchNo !== current.batchNo &&
        (await batchRepo.findByProductAndNo(tx, current.productId, input.batchNo))
      )
        throw new AppError('BATCH_TAKEN', { productCode: current.productCode, batchNo: input.batchNo });
      const { expectedVersion: _v, reason, ...fields } = input;
      if (!(await batchRepo.update(tx, id, current.version, definedFields(fields), now)))
        throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
      const updated = await batchRepo.findById(tx, id);
      if (!updated) throw new Error('batch vanished inside its own transaction');
      await appendAudit(tx, ctx, now, [
        {
          entityType: 'batch',
          entityId: id,
          action: 'batch.updated',
          before: current,
          after: updated,
          reason: reason ?? null,
        },
      ]);
      await emitEvents(tx, now, [
        {
          type: 'batch.updated',
          aggregateType: 'batch',
          aggregateId: id,
          payload: { productCode: updated.productCode, batchNo: updated.batchNo },
        },
      ]);
      return updated;
    })
    .catch(rethrowUniqueViolation);
};
