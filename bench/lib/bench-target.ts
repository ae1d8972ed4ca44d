import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { openDb, type Db, type Executor } from '../../src/db/client';

/** Where the benchmark data lives: a database on a PostgreSQL server, or a PGlite data directory. */
export type BenchTarget =
  | {
      readonly driver: 'postgres';
      readonly url: string;
      readonly database: string;
      readonly adminUrl: string;
    }
  | { readonly driver: 'pglite'; readonly dir: string };

export const DEFAULT_BENCH_URL = 'postgres://postgres@127.0.0.1:5432/closeloop_bench';
const MARKER = 'closeloop-bench: created by bench/generate-data.ts';
const MARKER_FILE = 'closeloop-bench.json';

export const resolveTarget = (options: {
  databaseUrl?: string | undefined;
  pglite?: string | undefined;
}): BenchTarget => {
  if (options.pglite) return { driver: 'pglite', dir: path.resolve(options.pglite) };
  const url = new URL(options.databaseUrl ?? DEFAULT_BENCH_URL);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database))
    throw new Error(
      `database name "${database}" must match [a-z_][a-z0-9_]* (it is created and dropped by name)`,
    );
  const admin = new URL(url.href);
  admin.pathname = '/postgres';
  return { driver: 'postgres', url: url.href, database, adminUrl: admin.href };
};

export const describeTarget = (t: BenchTarget): string =>
  t.driver === 'postgres' ? `PostgreSQL database ${t.database}` : `PGlite ${t.dir}`;

const withAdmin = async <T>(
  t: Extract<BenchTarget, { driver: 'postgres' }>,
  fn: (c: pg.Client) => Promise<T>,
) => {
  const client = new pg.Client({ connectionString: t.adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

/** 'ours' when the bench created it, 'foreign' when it exists but is someone else's, 'absent' otherwise. */
export const inspectTarget = async (t: BenchTarget): Promise<'absent' | 'ours' | 'foreign'> => {
  if (t.driver === 'pglite') {
    if (!existsSync(t.dir) || readdirSync(t.dir).length === 0) return 'absent';
    return existsSync(path.join(t.dir, MARKER_FILE)) ? 'ours' : 'foreign';
  }
  return withAdmin(t, async (c) => {
    const r = await c.query<{ comment: string | null }>(
      `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
      [t.database],
    );
    const row = r.rows[0];
    if (!row) return 'absent';
    return row.comment?.startsWith(MARKER) ? 'ours' : 'foreign';
  });
};

/** Drops the bench database (or PGlite directory), but only one this bench created. */
export const dropTarget = async (t: BenchTarget): Promise<boolean> => {
  const state = await inspectTarget(t);
  if (state === 'foreign')
    throw new Error(`${describeTarget(t)} was not created by the bench: not dropping it`);
  if (state === 'absent') return false;
  if (t.driver === 'pglite') rmSync(t.dir, { recursive: true, force: true });
  else await withAdmin(t, (c) => c.query(`drop database if exists ${t.database} with (force)`));
  return true;
};

/**
 * Makes an empty database for the generator: creates it (marked as the bench's own), or recreates one the bench
 * made before. A database the bench did not create is refused unless `reuse`, and then never dropped.
 */
export const prepareTarget = async (
  t: BenchTarget,
  reuse: boolean,
  note: string,
): Promise<'created' | 'reused'> => {
  const state = await inspectTarget(t);
  if (state === 'foreign' && !reuse)
    throw new Error(
      `${describeTarget(t)} exists and was not created by the bench; pass --reuse to load into it`,
    );
  if (state === 'foreign') return 'reused';
  if (state === 'ours') await dropTarget(t);
  if (t.driver === 'pglite') {
    writeMarkerLater.set(t.dir, note);
    return 'created';
  }
  await withAdmin(t, async (c) => {
    await c.query(`create database ${t.database} template template0 encoding 'UTF8'`);
    await c.query(`comment on database ${t.database} is '${`${MARKER} ${note}`.replace(/'/g, "''")}'`);
  });
  return 'created';
};

/**
 * A scratch copy of a bench database (`<name>_scratch`, or `<dir>-scratch` for PGlite), for benchmarks that write:
 * intake, portal rate limits and the deadline sweep leave the generated data as it was. Replaces an earlier
 * scratch copy; PostgreSQL copies the files (`STRATEGY FILE_COPY`, no WAL), so nobody may be connected to the source.
 */
export const cloneTarget = async (source: BenchTarget): Promise<BenchTarget> => {
  if ((await inspectTarget(source)) !== 'ours')
    throw new Error(`${describeTarget(source)} was not created by the bench: generate it first`);
  if (source.driver === 'pglite') {
    const dir = `${source.dir}-scratch`;
    const copy: BenchTarget = { driver: 'pglite', dir };
    await dropTarget(copy);
    cpSync(source.dir, dir, { recursive: true });
    rmSync(path.join(dir, 'closeloop.pid'), { force: true });
    return copy;
  }
  const url = new URL(source.url);
  url.pathname = `/${source.database}_scratch`;
  const copy = resolveTarget({ databaseUrl: url.href });
  if (copy.driver !== 'postgres') throw new Error('unreachable');
  await dropTarget(copy);
  await withAdmin(source, async (c) => {
    const busy = await c.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = $1`,
      [source.database],
    );
    if ((busy.rows[0]?.n ?? 0) > 0)
      throw new Error(`${describeTarget(source)} has open connections: cannot copy it`);
    await c.query(`create database ${copy.database} template ${source.database} strategy file_copy`);
    await c.query(
      `comment on database ${copy.database} is '${`${MARKER} scratch copy of ${source.database}`.replace(/'/g, "''")}'`,
    );
  });
  return copy;
};

// PGlite creates its directory on open; the marker is written right after.
const writeMarkerLater = new Map<string, string>();

export const openTarget = async (t: BenchTarget, poolMax = 2): Promise<Db> => {
  const db =
    t.driver === 'pglite'
      ? await openDb({ driver: 'pglite', dir: t.dir })
      : await openDb({ driver: 'postgres', url: t.url, poolMax });
  if (t.driver === 'pglite' && writeMarkerLater.has(t.dir)) {
    writeFileSync(
      path.join(t.dir, MARKER_FILE),
      JSON.stringify({ marker: MARKER, note: writeMarkerLater.get(t.dir) }, null, 2),
    );
    writeMarkerLater.delete(t.dir);
  }
  return db;
};

export const readPgliteNote = (t: Extract<BenchTarget, { driver: 'pglite' }>): string | undefined => {
  const file = path.join(t.dir, MARKER_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { note?: string }).note : undefined;
};

/** A raw SQL statement with `$n` parameters as a Drizzle query, so the same text runs on both drivers. */
export const toDrizzleSql = (text: string, params: readonly unknown[] = []): SQL => {
  if (params.length === 0) return sql.raw(text);
  const chunks: SQL[] = [];
  let last = 0;
  for (const m of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, m.index)));
    chunks.push(sql`${params[Number(m[1]) - 1]}`);
    last = (m.index ?? 0) + m[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
};

/** One connection that runs raw SQL: a pg client on PostgreSQL, the Drizzle executor on PGlite. */
export type SqlRunner = {
  readonly query: <T = Record<string, unknown>>(text: string, params?: readonly unknown[]) => Promise<T[]>;
};

export const executorRunner = (ex: Executor): SqlRunner => ({
  query: async <T>(text: string, params: readonly unknown[] = []) => {
    const result = (await ex.execute(toDrizzleSql(text, params))) as unknown as { rows: T[] };
    return result.rows;
  },
});

/** Dedicated PostgreSQL sessions with settings for bulk work (no statement timeout, big sort memory). */
export const openPgRunners = async (
  url: string,
  count: number,
  settings: readonly string[],
): Promise<{ runners: SqlRunner[]; close: () => Promise<void> }> => {
  const clients: pg.Client[] = [];
  for (let i = 0; i < count; i += 1) {
    const c = new pg.Client({ connectionString: url, application_name: 'closeloop-bench' });
    await c.connect();
    for (const s of settings) await c.query(s);
    clients.push(c);
  }
  return {
    runners: clients.map((c) => ({
      query: async <T>(text: string, params: readonly unknown[] = []) =>
        (await c.query(text, [...params])).rows as T[],
    })),
    close: async () => {
      await Promise.all(clients.map((c) => c.end()));
    },
  };
};
