import type { Customer } from '../../domain/reference/customer';
import type {
  CustomerComplaintEntry,
  CustomerComplaintStats,
  CustomerCompensationEntry,
} from '../../domain/reference/customer-history';
import { compensationLedgerRepo } from '../../db/repos/compensation-ledger.repo';
import { customerHistoryRepo } from '../../db/repos/customer-history.repo';
import { customerRepo } from '../../db/repos/customer.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { decodeCursor, encodeCursor, toPage, type Page } from '../platform/paging';

export type CustomerArchive = {
  readonly customer: Customer;
  readonly stats: CustomerComplaintStats;
  readonly complaints: Page<CustomerComplaintEntry>;
  /** Agreed and paid compensation per complaint, from the compensation ledger. */
  readonly compensationHistory: readonly CustomerCompensationEntry[];
};

const ARCHIVE_SORT = '-receivedAt';

/**
 * The full archive of one customer (R-RES-6): the record, counts by status with the compensation paid (the ledger's
 * paid entries; the complaint's own record for complaints settled before the ledger) and the amounts claimed, every
 * complaint newest first (cursor paged), and the compensation history from the ledger. Only roles holding `customer.archive`
 * (service manager, finance, general manager) see it.
 */
export const getCustomerArchive = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  page: { readonly cursor?: string | undefined; readonly limit: number },
): Promise<CustomerArchive> => {
  assertPermission(ctx.actor, 'customer.archive');
  const after = decodeCursor(page.cursor, ARCHIVE_SORT);
  const ex = deps.db.reader();
  const customer = await customerRepo.findById(ex, id);
  if (!customer) throw new AppError('CUSTOMER_NOT_FOUND');
  const rows = await customerHistoryRepo.listComplaints(ex, id, { after, limit: page.limit + 1 });
  const stats = (await customerHistoryRepo.stats(ex, [id])).get(id);
  if (!stats) throw new Error('stats missing for a found customer');
  return {
    customer,
    stats,
    complaints: toPage(rows, page.limit, (last) => encodeCursor(ARCHIVE_SORT, last.receivedAt, last.id)),
    compensationHistory: await compensationLedgerRepo.historyForCustomer(ex, id),
  };
};
