import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

export type KeysetSort = { readonly column: PgColumn; readonly direction: 'asc' | 'desc' };

/**
 * Keyset ("seek") paging: the next page starts strictly after the last row seen, by (sort column, id).
 * Unlike OFFSET it costs the same on page 1 and page 10,000 and never skips or repeats rows under inserts.
 */
export const keysetCondition = (
  sort: KeysetSort,
  idColumn: PgColumn,
  after: { readonly value: unknown; readonly id: string } | undefined,
): SQL | undefined => {
  if (!after) return undefined;
  const value = sort.column.columnType === 'PgTimestamp' ? new Date(String(after.value)) : after.value;
  return sort.direction === 'asc'
    ? sql`(${sort.column}, ${idColumn}) > (${value}, ${after.id})`
    : sql`(${sort.column}, ${idColumn}) < (${value}, ${after.id})`;
};

export const keysetOrder = (sort: KeysetSort, idColumn: PgColumn): SQL[] =>
  sort.direction === 'asc'
    ? [sql`${sort.column} asc`, sql`${idColumn} asc`]
    : [sql`${sort.column} desc`, sql`${idColumn} desc`];

/** Escapes `%`, `_` and `\` so user text matches literally inside LIKE / ILIKE patterns. */
export const likeContains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
