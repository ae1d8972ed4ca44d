import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../src/db/client';

/** Per table: live rows and the newest row version's transaction id (an insert, update or delete changes one). */
export type Fingerprint = ReadonlyMap<string, string>;

/**
 * An exact write detector for one test database: counts every table of the public schema and takes the highest
 * `xmin` in it. An insert or delete changes the count; an update writes a new row version whose `xmin` is newer than
 * every other, so it changes the maximum; a rolled-back write changes neither. (Statistics views such as
 * `pg_stat_user_tables.n_live_tup` are updated lazily and are not exact, least of all on PGlite.) The statement is
 * wrapped in a PL/pgSQL function so its plan is cached (3× faster than planning a 50-way union each time); the table
 * list is read once, so tables added by new migrations are covered without a change here.
 */
export const createFingerprinter = async (db: Db): Promise<() => Promise<Fingerprint>> => {
  const tables = (
    await rowsOf<{ name: string }>(
      db.reader(),
      sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
    )
  ).map((t) => t.name);
  if (tables.length === 0) throw new Error('no tables to fingerprint');
  const union = tables
    .map(
      (t) =>
        `select '${t}'::text, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text from "${t}"`,
    )
    .join(' union all ');
  await db
    .reader()
    .execute(
      sql.raw(
        `create or replace function fuzz_table_fingerprint() returns table (t text, f text) language plpgsql stable ` +
          `as $fn$ begin return query ${union}; end $fn$`,
      ),
    );
  return async () => {
    const rows = await rowsOf<{ t: string; f: string }>(
      db.reader(),
      sql`select t, f from fuzz_table_fingerprint()`,
    );
    return new Map(rows.map((r) => [r.t, r.f]));
  };
};

/** The tables whose fingerprint differs, with before → after. */
export const changedTables = (before: Fingerprint, after: Fingerprint): string[] =>
  [...after.entries()]
    .filter(([t, f]) => before.get(t) !== f)
    .map(([t, f]) => `${t} ${before.get(t) ?? '∅'} → ${f}`);

/**
 * The next transaction id the server will hand out. Every insert, update or delete runs in a transaction that was
 * given an id (read-only ones are not), so while this number stands still nothing was written anywhere and the
 * per-table fingerprint need not be taken. On PostgreSQL the counter is shared by the cluster, so other test files'
 * writes move it too: that only costs a fingerprint, never a missed write.
 */
export const nextTransactionId = async (db: Db): Promise<string> =>
  (
    await rowsOf<{ x: string }>(db.reader(), sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`)
  )[0]!.x;
