import { getTableColumns, getTableName, is, sql, SQL, type Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { rowsOfPrepared, type Executor } from './client';

/** Dates as ISO instants, bigints as text; JSON documents stay nested (json_populate_recordset makes them jsonb). */
const toJsonValue = (value: unknown): unknown => {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  return value;
};

const columnsOf = (table: PgTable) => getTableColumns(table) as Record<string, Column>;

/**
 * Inserts many rows as one JSON parameter (`INSERT … SELECT … FROM json_populate_recordset(null::table, $1)`):
 * one bind value instead of rows × columns, so a 1,000-row write (a sweep's audit rows and events) costs one short
 * statement to build and parse rather than a 10,000-parameter one, and there is no 65,535-parameter ceiling.
 * The same values reach the table as through Drizzle's `insert().values()`: dates as ISO instants, JSON documents
 * as jsonb, arrays as arrays. The columns written are every key any row gives; a row without one of them writes
 * NULL there, not the column's default (give rows the same keys). `computed` columns take an SQL expression instead (the same
 * for every row: use it for one-row inserts or per-statement values such as the backend's pid).
 */
type JsonInsertOptions<T extends PgTable> = {
  readonly onConflictDoNothing?: boolean;
  readonly computed?: Partial<Record<keyof T['$inferInsert'], SQL>>;
  /** More FROM items the computed expressions read (a CTE's name, say). */
  readonly alsoFrom?: SQL;
  readonly returning?: SQL;
};

/** The INSERT statement of `insertJsonRows`, to run alone or together with others (`insertJsonRowsTogether`). */
export const jsonInsert = <T extends PgTable>(
  table: T,
  rows: readonly Partial<T['$inferInsert']>[],
  options: JsonInsertOptions<T> = {},
): SQL | null => {
  if (rows.length === 0) return null;
  const columns = columnsOf(table);
  const computed = Object.entries(options.computed ?? {}) as [string, SQL][];
  const keys = [
    ...new Set(
      rows.flatMap((r) => Object.keys(r).filter((k) => (r as Record<string, unknown>)[k] !== undefined)),
    ),
  ].filter((k) => !computed.some(([c]) => c === k));
  for (const k of [...keys, ...computed.map(([c]) => c)])
    if (!columns[k]) throw new Error(`${getTableName(table)} has no column ${k}`);
  const json = JSON.stringify(
    rows.map((row) =>
      Object.fromEntries(
        keys.map((k) => [(columns[k] as Column).name, toJsonValue((row as Record<string, unknown>)[k])]),
      ),
    ),
  );
  const quoted = (k: string) => sql.raw(`"${(columns[k] as Column).name}"`);
  const names = sql.join([...keys, ...computed.map(([c]) => c)].map(quoted), sql`, `);
  const selected = sql.join([...keys.map(quoted), ...computed.map(([, expr]) => expr)], sql`, `);
  const name = sql.raw(`"${getTableName(table)}"`);
  return sql`insert into ${name} (${names}) select ${selected} from json_populate_recordset(null::${name}, ${json}::json)${
    options.alsoFrom ? sql`, ${options.alsoFrom}` : sql``
  }${options.onConflictDoNothing ? sql` on conflict do nothing` : sql``}${
    options.returning ? sql` returning ${options.returning}` : sql``
  }`;
};

/**
 * Inserts many rows as one JSON parameter (`INSERT … SELECT … FROM json_populate_recordset(null::table, $1)`):
 * one bind value instead of rows × columns, so a 1,000-row write (a sweep's audit rows and events) costs one short
 * statement to build and parse rather than a 10,000-parameter one, and there is no 65,535-parameter ceiling.
 * The same values reach the table as through Drizzle's `insert().values()`: dates as ISO instants, JSON documents
 * as jsonb, arrays as arrays. The columns written are every key any row gives; a row without one of them writes
 * NULL there, not the column's default (give rows the same keys). `computed` columns take an SQL expression
 * instead (the same for every row: use it for one-row inserts or per-statement values such as the backend's pid).
 */
export const insertJsonRows = async <T extends PgTable>(
  ex: Executor,
  table: T,
  rows: readonly Partial<T['$inferInsert']>[],
  options: JsonInsertOptions<T> = {},
): Promise<void> => {
  const statement = jsonInsert(table, rows, options);
  if (statement) await ex.execute(statement);
};

/**
 * Several inserts in one statement (data-modifying CTEs): one round trip instead of one per table. Foreign keys
 * between them hold (PostgreSQL checks them at the end of the statement), so a parent and its children can go
 * together.
 */
export const insertJsonRowsTogether = async (
  ex: Executor,
  inserts: readonly (SQL | null)[],
): Promise<void> => {
  const parts = inserts.filter((s): s is SQL => s !== null);
  if (parts.length === 0) return;
  await rowsOfPrepared(
    ex,
    parts.length === 1 ? (parts[0] as SQL) : sql`with ${writesAsCtes(parts)} select 1`,
  );
};

/** Writes as data-modifying CTEs (`w0 as (…), w1 as (…)`), for a statement that also does something else. */
export const writesAsCtes = (writes: readonly (SQL | null)[]): SQL =>
  sql.join(
    writes.filter((s): s is SQL => s !== null).map((p, i) => sql`${sql.raw(`w${i}`)} as (${p})`),
    sql`, `,
  );

/**
 * The row as the database stores it after inserting `values`, without reading it back: every column not given
 * takes its default (Drizzle's static defaults, and `'{}'` for array columns), or null. For inserts whose caller
 * needs the stored row but not a `RETURNING *` of 70 columns; a test compares it with the row read back.
 */
export const storedRowOf = <T extends PgTable>(
  table: T,
  values: Partial<T['$inferInsert']>,
): T['$inferSelect'] => {
  const given = values as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(columnsOf(table)).map(([key, column]) => {
      if (given[key] !== undefined) return [key, given[key]];
      if (!column.hasDefault) return [key, null];
      if (column.defaultFn) return [key, column.defaultFn()];
      if (is(column.default, SQL)) {
        if (column.columnType === 'PgArray') return [key, []];
        throw new Error(
          `${getTableName(table)}.${column.name}: an SQL default cannot be known without reading the row`,
        );
      }
      return [key, typeof column.default === 'object' ? structuredClone(column.default) : column.default];
    }),
  ) as T['$inferSelect'];
};
