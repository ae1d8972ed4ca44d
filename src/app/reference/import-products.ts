import type { Product } from '../../domain/reference/product';
import { productRepo } from '../../db/repos/product.repo';
import type { AuditEntry } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { emitEvents } from '../platform/emit-events';
import { buildProduct, mergeProduct, type ProductInput } from './manage-products';
import {
  appendImportAudit,
  assertNoImportProblems,
  changesAny,
  findRepeatedKeys,
  type ReferenceImportResult,
} from './reference-import';
import { rethrowUniqueViolation } from './rethrow-unique-violation';

export type ProductImportRow = ProductInput & { readonly row: number };

const COMPARED = [
  'code',
  'name',
  'model',
  'category',
  'priceFen',
  'warrantyMonths',
  'medicalDevice',
  'active',
] as const satisfies readonly (keyof Product)[];

/**
 * Creates or updates products by code (ERP master data). Fields a row leaves out keep their value. All rows
 * are checked first; nothing is written unless every row is good (one transaction).
 */
export const importProducts = async (
  deps: Deps,
  ctx: UseCaseContext,
  rows: readonly ProductImportRow[],
): Promise<ReferenceImportResult> => {
  assertPermission(ctx.actor, 'reference.manage');
  assertNoImportProblems(findRepeatedKeys(rows, (r) => r.code, 'code'));
  const now = deps.clock.now();
  return deps.db
    .transaction(async (tx) => {
      const existing = new Map(
        (
          await productRepo.findByCodesForUpdate(
            tx,
            rows.map((r) => r.code),
          )
        ).map((p) => [p.code, p]),
      );
      const result: ReferenceImportResult = { created: 0, updated: 0, unchanged: 0 };
      const toCreate: Product[] = [];
      const audit: AuditEntry[] = [];
      for (const { row: _row, ...input } of rows) {
        const current = existing.get(input.code);
        if (!current) {
          const created = buildProduct(now, input);
          toCreate.push(created);
          audit.push({
            entityType: 'product',
            entityId: created.id,
            action: 'product.created',
            after: created,
            reason: 'import',
          });
          result.created += 1;
          continue;
        }
        const next = mergeProduct(current, input);
        if (!changesAny<Partial<Product>>(current, next, COMPARED)) {
          result.unchanged += 1;
          continue;
        }
        const updated = await productRepo.update(tx, current.id, current.version, next, now);
        if (!updated) throw new AppError('VERSION_CONFLICT', { productId: current.id });
        audit.push({
          entityType: 'product',
          entityId: current.id,
          action: 'product.updated',
          before: current,
          after: updated,
          reason: 'import',
        });
        result.updated += 1;
      }
      await productRepo.insertMany(tx, toCreate);
      await appendImportAudit(tx, ctx, now, audit);
      await emitEvents(tx, now, [
        { type: 'products.imported', aggregateType: 'product', aggregateId: 'bulk', payload: { ...result } },
      ]);
      return result;
    })
    .catch(rethrowUniqueViolation);
};
