import type { CustomerTier, CustomerType, SpecialGroup } from '../../domain/complaint/complaint-vocabulary';
import type { Customer } from '../../domain/reference/customer';
import { normaliseCustomerPhone } from '../../domain/reference/normalise-customer-phone';
import { customerRepo, customerSortColumns, type CustomerSortKey } from '../../db/repos/customer.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { decodeCursor, encodeCursor, parseSort, toPage, type Page } from '../platform/paging';

export type ListCustomersQuery = {
  readonly q?: string | undefined;
  readonly phone?: string | undefined;
  readonly type?: CustomerType | undefined;
  readonly tier?: CustomerTier | undefined;
  readonly specialGroup?: SpecialGroup | undefined;
  readonly sort: CustomerSortKey | `-${CustomerSortKey}`;
  readonly cursor?: string | undefined;
  readonly limit: number;
};

/**
 * Lists the customer archive: name contains `q`, the phone however it is written (+86, spaces, dashes), type,
 * tier, special group. Customers are company-wide reference data: no department scope applies.
 */
export const listCustomers = async (
  deps: Deps,
  ctx: UseCaseContext,
  query: ListCustomersQuery,
): Promise<Page<Customer>> => {
  assertPermission(ctx.actor, 'customer.read');
  const phoneNorm = query.phone === undefined ? undefined : normaliseCustomerPhone(query.phone);
  if (phoneNorm === null) return { items: [], nextCursor: null };
  const { key, direction } = parseSort<CustomerSortKey>(query.sort);
  const after = decodeCursor(query.cursor, query.sort);
  const rows = await customerRepo.list(
    deps.db.reader(),
    { q: query.q, phoneNorm, type: query.type, tier: query.tier, specialGroup: query.specialGroup },
    { sort: { column: customerSortColumns[key], direction }, after, limit: query.limit + 1 },
  );
  return toPage(rows, query.limit, (last) => encodeCursor(query.sort, last[key], last.id));
};

export const getCustomer = async (deps: Deps, ctx: UseCaseContext, id: string): Promise<Customer> => {
  assertPermission(ctx.actor, 'customer.read');
  const found = await customerRepo.findById(deps.db.reader(), id);
  if (!found) throw new AppError('CUSTOMER_NOT_FOUND');
  return found;
};
