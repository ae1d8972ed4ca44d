import type { CustomerTier, CustomerType, SpecialGroup } from '../../domain/complaint/complaint-vocabulary';
import type { Customer, CustomerContact } from '../../domain/reference/customer';
import { normaliseCustomerPhone } from '../../domain/reference/normalise-customer-phone';
import type { CustomerId } from '../../domain/reference/reference-ids';
import { customerRepo } from '../../db/repos/customer.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { newId } from '../new-id';
import { emitEvents } from '../platform/emit-events';
import { rethrowUniqueViolation } from './rethrow-unique-violation';

export type CustomerContactInput = {
  readonly name: string;
  readonly phone?: string | null | undefined;
  readonly role?: string | null | undefined;
};

export type CustomerInput = {
  readonly code?: string | null | undefined;
  readonly name: string;
  readonly type?: CustomerType | undefined;
  readonly tier?: CustomerTier | undefined;
  readonly specialGroup?: SpecialGroup | null | undefined;
  readonly phone?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly address?: string | null | undefined;
  readonly region?: string | null | undefined;
  readonly company?: string | null | undefined;
  readonly contacts?: readonly CustomerContactInput[] | undefined;
  readonly notes?: string | null | undefined;
};

export const toContacts = (contacts: readonly CustomerContactInput[]): CustomerContact[] =>
  contacts.map((c) => ({ name: c.name, phone: c.phone ?? null, role: c.role ?? null }));

export const phoneNormOf = (phone: string | null): string | null =>
  phone === null ? null : normaliseCustomerPhone(phone);

/** A new customer from its input: consumers of standard tier unless told otherwise; the phone is normalised. */
export const buildCustomer = (now: Date, input: CustomerInput): Customer => ({
  id: newId(now.getTime()) as CustomerId,
  code: input.code ?? null,
  name: input.name,
  type: input.type ?? 'consumer',
  tier: input.tier ?? 'standard',
  specialGroup: input.specialGroup ?? null,
  phone: input.phone ?? null,
  phoneNorm: phoneNormOf(input.phone ?? null),
  email: input.email ?? null,
  address: input.address ?? null,
  region: input.region ?? null,
  company: input.company ?? null,
  contacts: toContacts(input.contacts ?? []),
  notes: input.notes ?? null,
  createdAt: now,
  updatedAt: now,
  version: 1,
});

/** Adds a customer to the archive 顾客档案 (R-RES-6). A code, when given, is unique. */
export const createCustomer = async (
  deps: Deps,
  ctx: UseCaseContext,
  input: CustomerInput,
): Promise<Customer> => {
  assertPermission(ctx.actor, 'customer.manage');
  const now = deps.clock.now();
  return deps.db
    .transaction(async (tx) => {
      if (input.code && (await customerRepo.findByCode(tx, input.code)))
        throw new AppError('CUSTOMER_CODE_TAKEN', { code: input.code });
      const customer = buildCustomer(now, input);
      await customerRepo.insertMany(tx, [customer]);
      await appendAudit(tx, ctx, now, [
        { entityType: 'customer', entityId: customer.id, action: 'customer.created', after: customer },
      ]);
      await emitEvents(tx, now, [
        {
          type: 'customer.created',
          aggregateType: 'customer',
          aggregateId: customer.id,
          payload: { code: customer.code },
        },
      ]);
      return customer;
    })
    .catch(rethrowUniqueViolation);
};
