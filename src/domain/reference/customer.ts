import type { CustomerTier, CustomerType, SpecialGroup } from '../complaint/complaint-vocabulary';
import type { CustomerId } from './reference-ids';

/** A contact person of a (business) customer: who to call and in which role. */
export type CustomerContact = {
  readonly name: string;
  readonly phone: string | null;
  readonly role: string | null;
};

/**
 * A customer archive entry 顾客档案 (R-RES-6): type, tier and special group decide the service a complainant
 * gets (long-term customers above standard, special groups home service). `phoneNorm` is the look-up key.
 */
export type Customer = {
  readonly id: CustomerId;
  readonly code: string | null;
  readonly name: string;
  readonly type: CustomerType;
  readonly tier: CustomerTier;
  readonly specialGroup: SpecialGroup | null;
  readonly phone: string | null;
  readonly phoneNorm: string | null;
  readonly email: string | null;
  readonly address: string | null;
  readonly region: string | null;
  readonly company: string | null;
  readonly contacts: readonly CustomerContact[];
  readonly notes: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;
};

/** The editable fields of a customer (create, update, bulk upsert). */
export type CustomerFields = Omit<Customer, 'id' | 'phoneNorm' | 'createdAt' | 'updatedAt' | 'version'>;
