import type { Customer } from '../../domain/reference/customer';
import { customerRepo } from '../../db/repos/customer.repo';
import type { AuditEntry } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { emitEvents } from '../platform/emit-events';
import { buildCustomer, phoneNormOf, toContacts, type CustomerInput } from './create-customer';
import {
  appendImportAudit,
  assertNoImportProblems,
  changesAny,
  definedFields,
  findRepeatedKeys,
  type ReferenceImportProblem,
  type ReferenceImportResult,
} from './reference-import';
import { rethrowUniqueViolation } from './rethrow-unique-violation';

export type CustomerImportRow = Partial<CustomerInput> & {
  /** Position in the request (1 = first row), for problem reports. */
  readonly row: number;
  readonly name: string;
};

const COMPARED: readonly (keyof Customer)[] = [
  'code',
  'name',
  'type',
  'tier',
  'specialGroup',
  'phone',
  'email',
  'address',
  'region',
  'company',
  'contacts',
  'notes',
];

/** The customer with this row's values over the current ones; fields the row does not give are kept. */
const merge = (current: Customer, row: CustomerImportRow): Customer => {
  const { row: _row, contacts, ...fields } = row;
  const next = { ...current, ...definedFields(fields) };
  // The same number written differently ("135-9999-0000" for "13599990000") is not a change.
  const phone = phoneNormOf(next.phone) === current.phoneNorm ? current.phone : next.phone;
  return {
    ...next,
    phone,
    phoneNorm: phoneNormOf(phone),
    contacts: contacts === undefined ? current.contacts : toContacts(contacts),
  };
};

/**
 * Creates or updates customers in bulk (ERP/CRM import): a row matches the customer with its code; a row
 * without a matching code matches by normalised phone (only a customer without a code, when the row has one);
 * otherwise it creates a customer. Two archive entries sharing the phone make the match ambiguous: give a code.
 * Every problem is reported with its row and nothing is written unless all rows are good (one transaction).
 */
export const importCustomers = async (
  deps: Deps,
  ctx: UseCaseContext,
  rows: readonly CustomerImportRow[],
): Promise<ReferenceImportResult> => {
  assertPermission(ctx.actor, 'customer.manage');
  const phoneOf = (r: CustomerImportRow) => phoneNormOf(r.phone ?? null);
  const phoneCount = new Map<string, number>();
  for (const r of rows) {
    const p = phoneOf(r);
    if (p !== null) phoneCount.set(p, (phoneCount.get(p) ?? 0) + 1);
  }
  const problems: ReferenceImportProblem[] = [
    ...findRepeatedKeys(rows, (r) => r.code ?? null, 'code'),
    // Without a code, the phone is the row's identity: it must not be on any other row.
    ...rows
      .filter((r) => !r.code && (phoneCount.get(phoneOf(r) ?? '') ?? 0) > 1)
      .map((r) => ({ row: r.row, problem: `phone ${phoneOf(r)} is on several rows; give each a code` })),
  ];
  assertNoImportProblems(problems);

  const now = deps.clock.now();
  return deps.db
    .transaction(async (tx) => {
      const codes = rows.flatMap((r) => (r.code ? [r.code] : []));
      const phones = [...phoneCount.keys()];
      const existing = await customerRepo.findForUpsert(tx, codes, phones);
      const byCode = new Map(existing.flatMap((c) => (c.code ? [[c.code, c] as const] : [])));
      const byPhone = new Map<string, Customer[]>();
      for (const c of existing)
        if (c.phoneNorm) byPhone.set(c.phoneNorm, [...(byPhone.get(c.phoneNorm) ?? []), c]);

      const result: ReferenceImportResult = { created: 0, updated: 0, unchanged: 0 };
      const toCreate: Customer[] = [];
      const audit: AuditEntry[] = [];
      const matchedBy = new Map<string, number>();
      for (const r of rows) {
        const phone = phoneOf(r);
        let target = r.code ? byCode.get(r.code) : undefined;
        if (!target && phone !== null) {
          const candidates = (byPhone.get(phone) ?? []).filter((c) => !r.code || c.code === null);
          if (candidates.length > 1) {
            problems.push({
              row: r.row,
              problem: `${candidates.length} customers have phone ${phone}; give a code`,
            });
            continue;
          }
          target = candidates[0];
        }
        if (!target) {
          const created = buildCustomer(now, r);
          toCreate.push(created);
          audit.push({
            entityType: 'customer',
            entityId: created.id,
            action: 'customer.created',
            after: created,
            reason: 'import',
          });
          result.created += 1;
          continue;
        }
        const earlier = matchedBy.get(target.id);
        if (earlier !== undefined) {
          problems.push({ row: r.row, problem: `matches the same customer as row ${earlier}` });
          continue;
        }
        matchedBy.set(target.id, r.row);
        const next = merge(target, r);
        if (!changesAny(target, next, COMPARED)) {
          result.unchanged += 1;
          continue;
        }
        const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...patch } = next;
        const updated = await customerRepo.update(tx, target.id, target.version, patch, now);
        if (!updated) throw new AppError('VERSION_CONFLICT', { customerId: target.id });
        audit.push({
          entityType: 'customer',
          entityId: target.id,
          action: 'customer.updated',
          before: target,
          after: updated,
          reason: 'import',
        });
        result.updated += 1;
      }
      assertNoImportProblems(problems);
      await customerRepo.insertMany(tx, toCreate);
      await appendImportAudit(tx, ctx, now, audit);
      await emitEvents(tx, now, [
        {
          type: 'customers.imported',
          aggregateType: 'customer',
          aggregateId: 'bulk',
          payload: { ...result },
        },
      ]);
      return result;
    })
    .catch(rethrowUniqueViolation);
};
