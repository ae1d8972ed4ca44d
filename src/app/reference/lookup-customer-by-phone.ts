import type { Customer } from '../../domain/reference/customer';
import type { CustomerComplaintEntry, CustomerComplaintStats } from '../../domain/reference/customer-history';
import { normaliseCustomerPhone } from '../../domain/reference/normalise-customer-phone';
import { customerHistoryRepo } from '../../db/repos/customer-history.repo';
import { customerRepo } from '../../db/repos/customer.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { assertPermission } from '../identity/assert-permission';

/** At most this many archive entries answer one phone (a family or a small company sharing a line). */
const MAX_MATCHES = 20;

export type CustomerLookupMatch = {
  readonly customer: Customer;
  readonly stats: CustomerComplaintStats;
  readonly recentComplaints: readonly CustomerComplaintEntry[];
};

export type CustomerLookup = {
  readonly phoneNorm: string | null;
  readonly matches: readonly CustomerLookupMatch[];
};

/**
 * The hotline look-up (R-INT-6): who is calling, however the number is written, with their last complaints
 * (number, status, date, product) and totals — complaints, open ones, compensation paid so far — so the agent
 * knows the history before the caller repeats it. No match is an answer too (a new customer), not an error.
 */
export const lookupCustomerByPhone = async (
  deps: Deps,
  ctx: UseCaseContext,
  phone: string,
  recent: number,
): Promise<CustomerLookup> => {
  assertPermission(ctx.actor, 'customer.read');
  const phoneNorm = normaliseCustomerPhone(phone);
  if (phoneNorm === null) return { phoneNorm, matches: [] };
  const ex = deps.db.reader();
  const found = await customerRepo.findByPhoneNorm(ex, phoneNorm, MAX_MATCHES);
  const ids = found.map((c) => c.id);
  const recentById = await customerHistoryRepo.recentComplaints(ex, ids, recent);
  const statsById = await customerHistoryRepo.stats(ex, ids);
  return {
    phoneNorm,
    matches: found.map((customer) => {
      const stats = statsById.get(customer.id);
      if (!stats) throw new Error('stats missing for a found customer');
      return { customer, stats, recentComplaints: recentById.get(customer.id) ?? [] };
    }),
  };
};
