import type { CustomerId } from '../../domain/reference/reference-ids';
import { batchRepo } from '../../db/repos/batch.repo';
import { customerRepo } from '../../db/repos/customer.repo';
import { productRepo } from '../../db/repos/product.repo';
import { shipmentRepo, type ShipmentInsert } from '../../db/repos/shipment.repo';
import type { AuditEntry } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { assertPermission } from '../identity/assert-permission';
import { emitEvents } from '../platform/emit-events';
import { buildShipment, type ShipmentFieldsInput } from './manage-shipments';
import {
  appendImportAudit,
  assertNoImportProblems,
  findRepeatedKeys,
  type ReferenceImportProblem,
  type ReferenceImportResult,
} from './reference-import';
import { rethrowUniqueViolation } from './rethrow-unique-violation';

export type ShipmentImportRow = ShipmentFieldsInput & {
  readonly row: number;
  readonly productCode: string;
  readonly batchNo: string;
  /** The dealer, by its code in the customer archive. */
  readonly customerCode?: string | null | undefined;
};

/**
 * Loads shipments (ERP delivery notes): each row names its batch by product code + batch number. A row with a
 * reference replaces the shipment with that reference, if any (re-importing a file changes nothing); a row
 * without one is always a new shipment. All or nothing, with every problem by row.
 */
export const importShipments = async (
  deps: Deps,
  ctx: UseCaseContext,
  rows: readonly ShipmentImportRow[],
): Promise<ReferenceImportResult> => {
  assertPermission(ctx.actor, 'reference.manage');
  assertNoImportProblems(findRepeatedKeys(rows, (r) => r.reference ?? null, 'reference'));
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
      const batches = new Map(
        (
          await batchRepo.findForUpsert(
            tx,
            [...products.values()].map((p) => p.id),
            rows.map((r) => r.batchNo),
          )
        ).map((b) => [`${b.productCode}\u0000${b.batchNo}`, b]),
      );
      const batchOf = (productCode: string, batchNo: string) => batches.get(`${productCode}\u0000${batchNo}`);
      const customerCodes = [...new Set(rows.flatMap((r) => (r.customerCode ? [r.customerCode] : [])))];
      const dealers = new Map(
        (await customerRepo.findForUpsert(tx, customerCodes, [])).map((c) => [c.code, c.id]),
      );
      const existing = new Map(
        (
          await shipmentRepo.findByReferencesForUpdate(
            tx,
            rows.flatMap((r) => (r.reference ? [r.reference] : [])),
          )
        ).map((s) => [s.reference, s]),
      );
      const result: ReferenceImportResult = { created: 0, updated: 0, unchanged: 0 };
      const toCreate: ShipmentInsert[] = [];
      const audit: AuditEntry[] = [];
      for (const r of rows) {
        const batch = batchOf(r.productCode, r.batchNo);
        if (!batch) {
          problems.push({
            row: r.row,
            problem: products.has(r.productCode)
              ? `batch ${r.batchNo} of product ${r.productCode} not found`
              : `product ${r.productCode} not found`,
          });
          continue;
        }
        const customerId = r.customerCode ? dealers.get(r.customerCode) : null;
        if (customerId === undefined) {
          problems.push({ row: r.row, problem: `customer ${r.customerCode} not found` });
          continue;
        }
        const current = r.reference ? existing.get(r.reference) : undefined;
        if (!current) {
          const created = buildShipment(now, batch.id, customerId as CustomerId | null, r);
          toCreate.push(created);
          audit.push({
            entityType: 'shipment',
            entityId: created.id,
            action: 'shipment.created',
            after: created,
            reason: 'import',
          });
          result.created += 1;
          continue;
        }
        const patch = {
          batchId: batch.id,
          region: r.region,
          quantity: r.quantity,
          shippedOn: r.shippedOn,
          customerId: customerId as CustomerId | null,
        };
        if ((Object.keys(patch) as (keyof typeof patch)[]).every((k) => patch[k] === current[k])) {
          result.unchanged += 1;
          continue;
        }
        await shipmentRepo.update(tx, current.id, patch);
        audit.push({
          entityType: 'shipment',
          entityId: current.id,
          action: 'shipment.updated',
          before: current,
          after: { ...current, ...patch },
          reason: 'import',
        });
        result.updated += 1;
      }
      assertNoImportProblems(problems);
      await shipmentRepo.insertMany(tx, toCreate);
      await appendImportAudit(tx, ctx, now, audit);
      await emitEvents(tx, now, [
        {
          type: 'shipments.imported',
          aggregateType: 'shipment',
          aggregateId: 'bulk',
          payload: { ...result },
        },
      ]);
      return result;
    })
    .catch(rethrowUniqueViolation);
};
