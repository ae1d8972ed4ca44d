import type { Batch } from '../../domain/reference/batch';
import { batchRepo, type BatchInsert } from '../../db/repos/batch.repo';
import { productRepo } from '../../db/repos/product.repo';
import type { AuditEntry } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { emitEvents } from '../platform/emit-events';
import { buildBatch, type BatchFieldsInput } from './manage-batches';
import {
  appendImportAudit,
  assertNoImportProblems,
  definedFields,
  findRepeatedKeys,
  type ReferenceImportProblem,
  type ReferenceImportResult,
} from './reference-import';
import { rethrowUniqueViolation } from './rethrow-unique-violation';

export type BatchImportRow = BatchFieldsInput & {
  readonly row: number;
  readonly productCode: string;
  readonly batchNo: string;
};

const pairKey = (productId: string, batchNo: string) => `${productId}\u0000${batchNo}`;

/**
 * Creates or updates batches by product code + batch number (production or ERP export). The product must
 * exist. Fields a row leaves out keep their value. All or nothing, with every problem by row.
 */
export const importBatches = async (
  deps: Deps,
  ctx: UseCaseContext,
  rows: readonly BatchImportRow[],
): Promise<ReferenceImportResult> => {
  assertPermission(ctx.actor, 'reference.manage');
  assertNoImportProblems(findRepeatedKeys(rows, (r) => `${r.productCode}/${r.batchNo}`, 'batch'));
  const now = deps.clock.now();
  return deps.db
    .transaction(async (tx) => {
      const problems: ReferenceImportProblem[] = [];
      const products = new Map(
        (
          await productRepo.findByCodesForUpdate(
            tx,
            rows.map((r) => r.productCode),
          )
        ).map((p) => [p.code, p]),
      );
      const existing = new Map(
        (
          await batchRepo.findForUpsert(
            tx,
            [...products.values()].map((p) => p.id),
            rows.map((r) => r.batchNo),
          )
        ).map((b) => [pairKey(b.productId, b.batchNo), b]),
      );
      const result: ReferenceImportResult = { created: 0, updated: 0, unchanged: 0 };
      const toCreate: BatchInsert[] = [];
      const audit: AuditEntry[] = [];
      for (const r of rows) {
        const product = products.get(r.productCode);
        if (!product) {
          problems.push({ row: r.row, problem: `product ${r.productCode} not found` });
          continue;
        }
        const current = existing.get(pairKey(product.id, r.batchNo));
        if (!current) {
          const created = buildBatch(now, product.id, r.batchNo, r);
          toCreate.push(created);
          audit.push({
            entityType: 'batch',
            entityId: created.id,
            action: 'batch.created',
            after: created,
            reason: 'import',
          });
          result.created += 1;
          continue;
        }
        const patch = definedFields({ productionDate: r.productionDate, quantity: r.quantity });
        const next: Batch = { ...current, ...patch };
        if (next.productionDate === current.productionDate && next.quantity === current.quantity) {
          result.unchanged += 1;
          continue;
        }
        if (!(await batchRepo.update(tx, current.id, current.version, patch, now)))
          throw new AppError('VERSION_CONFLICT', { batchId: current.id });
        audit.push({
          entityType: 'batch',
          entityId: current.id,
          action: 'batch.updated',
          before: current,
          after: { ...next, version: current.version + 1, updatedAt: now },
          reason: 'import',
        });
        result.updated += 1;
      }
      assertNoImportProblems(problems);
      await batchRepo.insertMany(tx, toCreate);
      await appendImportAudit(tx, ctx, now, audit);
      await emitEvents(tx, now, [
        { type: 'batches.imported', aggregateType: 'batch', aggregateId: 'bulk', payload: { ...result } },
      ]);
      return result;
    })
    .catch(rethrowUniqueViolation);
};
