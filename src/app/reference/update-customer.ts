import type { Customer } from '../../domain/reference/customer';
import { customerRepo } from '../../db/repos/customer.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { emitEvents } from '../platform/emit-events';
import { phoneNormOf, toContacts, type CustomerInput } from './create-customer';
import { definedFields } from './reference-import';
import { rethrowUniqueViolation } from './rethrow-unique-violation';

export type UpdateCustomerInput = Partial<CustomerInput> & {
  readonly expectedVersion: number;
  readonly reason?: string | undefined;
};

/**
 * Edits a customer with optimistic concurrency: a stale `expectedVersion` answers VERSION_CONFLICT. A new phone
 * gets a new look-up key; `null` clears an optional field, an absent field keeps its value.
 */
export const updateCustomer = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: UpdateCustomerInput,
): Promise<Customer> => {
  assertPermission(ctx.actor, 'customer.manage');
  const now = deps.clock.now();
  return deps.db
    .transaction(async (tx) => {
      const current = await customerRepo.findByIdForUpdate(tx, id);
      if (!current) throw new AppError('CUSTOMER_NOT_FOUND');
      if (current.version !== input.expectedVersion)
        throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
      if (input.code && input.code !== current.code && (await customerRepo.findByCode(tx, input.code)))
        throw new AppError('CUSTOMER_CODE_TAKEN', { code: input.code });
      const { expectedVersion: _v, reason, contacts, ...fields } = input;
      const updated = await customerRepo.update(
        tx,
        id,
        current.version,
        {
          ...definedFields(fields),
          ...(fields.phone !== undefined && { phoneNorm: phoneNormOf(fields.phone) }),
          ...(contacts !== undefined && { contacts: toContacts(contacts) }),
        },
        now,
      );
      if (!updated) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
      await appendAudit(tx, ctx, now, [
        {
          entityType: 'customer',
          entityId: id,
          action: 'customer.updated',
          before: current,
          after: updated,
          reason: reason ?? null,
        },
      ]);
      await emitEvents(tx, now, [
        {
          type: 'customer.updated',
          aggregateType: 'customer',
          aggregateId: id,
          payload: { code: updated.code },
        },
      ]);
      return updated;
    })
    .catch(rethrowUniqueViolation);
};
