import type { Product } from '../../domain/reference/product';
import { productRepo, productSortColumns, type ProductSortKey } from '../../db/repos/product.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { decodeCursor, encodeCursor, parseSort, toPage, type Page } from '../platform/paging';

export type ListProductsQuery = {
  readonly q?: string | undefined;
  readonly category?: string | undefined;
  readonly active?: boolean | undefined;
  readonly sort: ProductSortKey | `-${ProductSortKey}`;
  readonly cursor?: string | undefined;
  readonly limit: number;
};

/** Lists products: `q` in code, name or model; exact category; active or not. */
export const listProducts = async (
  deps: Deps,
  ctx: UseCaseContext,
  query: ListProductsQuery,
): Promise<Page<Product>> => {
  assertPermission(ctx.actor, 'reference.read');
  const { key, direction } = parseSort<ProductSortKey>(query.sort);
  const after = decodeCursor(query.cursor, query.sort);
  const rows = await productRepo.list(
    deps.db.reader(),
    { q: query.q, category: query.category, active: query.active },
    { sort: { column: productSortColumns[key], direction }, after, limit: query.limit + 1 },
  );
  return toPage(rows, query.limit, (last) => encodeCursor(query.sort, last[key], last.id));
};

export const getProduct = async (deps: Deps, ctx: UseCaseContext, id: string): Promise<Product> => {
  assertPermission(ctx.actor, 'reference.read');
  const found = await productRepo.findById(deps.db.reader(), id);
  if (!found) throw new AppError('PRODUCT_NOT_FOUND');
  return found;
};
