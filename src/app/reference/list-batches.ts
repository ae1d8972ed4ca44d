import type { Batch } from '../../domain/reference/batch';
import { batchRepo, batchSortColumns, type BatchSortKey } from '../../db/repos/batch.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { decodeCursor, encodeCursor, parseSort, toPage, type Page } from '../platform/paging';

export type ListBatchesQuery = {
  readonly productId?: string | undefined;
  readonly batchNo?: string | undefined;
  readonly sort: BatchSortKey | `-${BatchSortKey}`;
  readonly cursor?: string | undefined;
  readonly limit: number;
};

/** Lists batches, by product and/or exact batch number (the same number may exist for several products). */
export const listBatches = async (
  deps: Deps,
  ctx: UseCaseContext,
  query: ListBatchesQuery,
): Promise<Page<Batch>> => {
  assertPermission(ctx.actor, 'reference.read');
  const { key, direction } = parseSort<BatchSortKey>(query.sort);
  const after = decodeCursor(query.cursor, query.sort);
  const rows = await batchRepo.list(
    deps.db.reader(),
    { productId: query.productId, batchNo: query.batchNo },
    { sort: { column: batchSortColumns[key], direction }, after, limit: query.limit + 1 },
  );
  return toPage(rows, query.limit, (last) => encodeCursor(query.sort, last[key], last.id));
};

export const getBatch = async (deps: Deps, ctx: UseCaseContext, id: string): Promise<Batch> => {
  assertPermission(ctx.actor, 'reference.read');
  const found = await batchRepo.findById(deps.db.reader(), id);
  if (!found) throw new AppError('BATCH_NOT_FOUND');
  return found;
};
