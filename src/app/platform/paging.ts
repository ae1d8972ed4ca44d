import { AppError } from '../errors/app-error';

export type Page<T> = { readonly items: readonly T[]; readonly nextCursor: string | null };

type CursorBody = { readonly s: string; readonly v: unknown; readonly id: string };

/**
 * Cursors are opaque to clients: base64url JSON of the sort key, the last row's sort value and id. A cursor
 * made for another sort (or edited by hand) is refused with INVALID_CURSOR rather than silently misread.
 */
export const encodeCursor = (sortKey: string, value: unknown, id: string): string =>
  Buffer.from(
    JSON.stringify({
      s: sortKey,
      v: value instanceof Date ? value.toISOString() : value,
      id,
    } satisfies CursorBody),
  ).toString('base64url');

export const decodeCursor = (
  cursor: string | undefined,
  sortKey: string,
): { value: unknown; id: string } | undefined => {
  if (cursor === undefined) return undefined;
  try {
    const body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
    if (body.s !== sortKey || typeof body.id !== 'string' || body.id.length > 100 || body.v === undefined)
      throw new Error('bad');
    return { value: body.v, id: body.id };
  } catch {
    throw new AppError('INVALID_CURSOR');
  }
};

/** Builds a page from `limit + 1` fetched rows: the extra row only says whether there is a next page. */
export const toPage = <T>(rows: readonly T[], limit: number, cursorOf: (last: T) => string): Page<T> => {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
};

/** Parses `name` / `-name` into a sort key and direction. */
export const parseSort = <K extends string>(sort: `${K}` | `-${K}`): { key: K; direction: 'asc' | 'desc' } =>
  sort.startsWith('-')
    ? { key: sort.slice(1) as K, direction: 'desc' }
    : { key: sort as K, direction: 'asc' };
