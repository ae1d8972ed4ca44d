import type { CapaKind, CapaSourceType, CapaStatus } from '../../domain/capa/capa-action';
import { capaActionRepo, capaSortColumns, type CapaSortKey } from '../../db/repos/capa-action.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { decodeCursor, encodeCursor, parseSort, toPage, type Page } from '../platform/paging';
import { toCapaView, type CapaActionView } from './capa-action-view';
import { capaScopeOf } from './capa-context';

export type ListCapaActionsQuery = {
  readonly status?: CapaStatus | undefined;
  readonly kind?: CapaKind | undefined;
  readonly sourceType?: CapaSourceType | undefined;
  readonly sourceId?: string | undefined;
  readonly productId?: string | undefined;
  readonly ownerId?: string | undefined;
  readonly overdue?: boolean | undefined;
  readonly sort: CapaSortKey | `-${CapaSortKey}`;
  readonly cursor?: string | undefined;
  readonly limit: number;
};

/** CAPA actions the actor can see (R-SEC-1), filtered; `overdue` lists working actions past their due date (R-CAPA-1). */
export const listCapaActions = async (
  deps: Deps,
  ctx: UseCaseContext,
  query: ListCapaActionsQuery,
): Promise<Page<CapaActionView>> => {
  const scope = capaScopeOf(ctx, 'capa.read');
  const now = deps.clock.now();
  const { key, direction } = parseSort<CapaSortKey>(query.sort);
  const after = decodeCursor(query.cursor, query.sort);
  const ex = deps.db.reader();
  const rows = await capaActionRepo.list(
    ex,
    { ...query, overdueAt: query.overdue ? now : undefined },
    scope,
    { sort: { column: capaSortColumns[key], direction }, after, limit: query.limit + 1 },
  );
  const page = toPage(rows, query.limit, (last) => encodeCursor(query.sort, last[key], last.id));
  const names = new Map<string, string>();
  const items: CapaActionView[] = [];
  for (const a of page.items) items.push(await toCapaView(ex, a, now, [], names));
  return { items, nextCursor: page.nextCursor };
};

/** One action within the actor's reach, else CAPA_ACTION_NOT_FOUND. */
export const getCapaAction = async (deps: Deps, ctx: UseCaseContext, id: string): Promise<CapaActionView> => {
  const scope = capaScopeOf(ctx, 'capa.read');
  const ex = deps.db.reader();
  const a = await capaActionRepo.findById(ex, id, scope);
  if (!a) throw new AppError('CAPA_ACTION_NOT_FOUND');
  return toCapaView(ex, a, deps.clock.now());
};
