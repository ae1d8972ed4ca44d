import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgDialect, PgQueryResultHKT, PgSession } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { schema, type Schema } from './schema';

export type DrizzleDb = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction (or the root handle outside one): what repositories take as their first argument. */
export type Tx = Parameters<Parameters<DrizzleDb['transaction']>[0]>[0];
export type Executor = DrizzleDb | Tx;

export type DbTarget =
  | { readonly driver: 'postgres'; readonly url: string; readonly poolMax: number }
  | { readonly driver: 'pglite'; readonly dir: string; readonly loadDataDir?: Blob };

export type Db = {
  readonly driver: 'postgres' | 'pglite';
  /**
   * Runs `fn` in one transaction (one per use-case, STYLE.md). Inside an ambient transaction (an idempotent
   * request wraps its use-case so that the stored answer commits with the effect) it joins that one instead.
   * Serialization failures and deadlocks are retried a few times when this call owns the transaction.
   */
  readonly transaction: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  /** Runs `fn` inside a transaction that wraps everything beneath it in the async call tree. */
  readonly withAmbientTransaction: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  /** The executor for reads outside a use-case transaction (joins an ambient one when present). */
  readonly reader: () => Executor;
  readonly ping: () => Promise<void>;
  readonly migrate: () => Promise<void>;
  readonly close: () => Promise<void>;
  /** PGlite only: a tarball of the data directory (test templates, backups of the embedded database). */
  readonly dumpDataDir?: () => Promise<Blob>;
};

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
const MIGRATION_LOCK = 7_301_001;
const RETRYABLE = new Set(['40001', '40P01']);

/** Runs a raw SQL statement and returns its rows, the same way on both drivers. */
export const rowsOf = async <T>(ex: Executor, query: SQL): Promise<T[]> => {
  const result = (await ex.execute(query)) as unknown as { rows: T[] };
  return result.rows;
};

type DrizzleInternals = {
  readonly dialect: PgDialect;
  readonly session: PgSession;
};

/**
 * `rowsOf` for a statement of fixed shape on a hot path (intake): on PostgreSQL it runs as a named prepared
 * statement, so each connection parses and plans it once instead of on every call (the name is a hash of the text:
 * a statement whose text varies gets one name per variant). The same on PGlite, which plans it each time.
 */
export const rowsOfPrepared = async <T>(ex: Executor, query: SQL): Promise<T[]> => {
  const { dialect, session } = ex as unknown as DrizzleInternals;
  const built = dialect.sqlToQuery(query);
  const name = `cl_${createHash('sha1').update(built.sql).digest('hex').slice(0, 24)}`;
  const result = (await session.prepareQuery(built, undefined, name, false).execute()) as { rows: T[] };
  return result.rows;
};

const isRetryable = (e: unknown): boolean => {
  const code =
    (e as { code?: unknown; cause?: { code?: unknown } })?.code ??
    (e as { cause?: { code?: unknown } })?.cause?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
};

const withHelpers = (
  driver: Db['driver'],
  root: DrizzleDb,
  rest: Pick<Db, 'ping' | 'migrate' | 'close' | 'dumpDataDir'>,
): Db => {
  const ambient = new AsyncLocalStorage<Tx>();
  const transaction = async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    const current = ambient.getStore();
    if (current) return fn(current);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await root.transaction((tx) => ambient.run(tx, () => fn(tx)));
      } catch (e) {
        if (attempt >= 3 || !isRetryable(e)) throw e;
      }
    }
  };
  return {
    driver,
    transaction,
    withAmbientTransaction: (fn) => transaction(fn),
    reader: () => ambient.getStore() ?? root,
    ...rest,
  };
};

const openPostgres = async (target: Extract<DbTarget, { driver: 'postgres' }>): Promise<Db> => {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolMax,
    application_name: 'closeloop',
    // A runaway query must not hold a connection (and its locks) forever.
    statement_timeout: 30_000,
  });
  pool.on('error', () => undefined);
  const root = drizzleNodePg(pool, { schema }) as unknown as DrizzleDb;
  return withHelpers('postgres', root, {
    ping: async () => {
      await pool.query('select 1');
    },
    migrate: async () => {
      // Several processes may start at once: one migrates, the others wait for it.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
        client.release();
      }
    },
    close: () => pool.end(),
  });
};

/** Raised when another live process has the embedded database open. */
export class EmbeddedDbBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`the embedded database ${dir} is open in process ${pid}`);
    this.name = 'EmbeddedDbBusyError';
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is a single-process database: two processes on one data directory would corrupt it. A lock file with
 * the owner's pid guards it; a lock left by a killed process (pid gone) is taken over.
 */
const lockDataDir = (dir: string): (() => void) => {
  const file = path.join(dir, 'closeloop.pid');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (owner === process.pid) throw new EmbeddedDbBusyError(dir, owner);
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) throw new EmbeddedDbBusyError(dir, owner);
      rmSync(file, { force: true });
    }
  }
  throw new EmbeddedDbBusyError(dir, -1);
};

const openPglite = async (target: Extract<DbTarget, { driver: 'pglite' }>): Promise<Db> => {
  const inMemory = target.dir === 'memory://';
  if (!inMemory) mkdirSync(target.dir, { recursive: true });
  const unlock = inMemory ? () => undefined : lockDataDir(target.dir);
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(inMemory ? {} : { dataDir: target.dir }),
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    });
  } catch (e) {
    unlock();
    throw e;
  }
  const root = drizzlePglite(client, { schema }) as unknown as DrizzleDb;
  return withHelpers('pglite', root, {
    ping: async () => {
      await client.query('select 1');
    },
    migrate: async () => {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
    dumpDataDir: () => client.dumpDataDir('none') as Promise<Blob>,
  });
};

/** Opens the embedded PGlite database or a PostgreSQL pool; both speak the same SQL and share migrations. */
export const openDb = (target: DbTarget): Promise<Db> =>
  target.driver === 'postgres' ? openPostgres(target) : openPglite(target);

/** How many migrations this build ships (drizzle-kit's journal). */
export const countKnownMigrations = (): number =>
  (JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as { entries: unknown[] })
    .entries.length;

/** How many migrations have been applied to this database. */
export const findAppliedMigrations = async (db: Db): Promise<number> => {
  const rows = await rowsOf<{ n: number | string }>(
    db.reader(),
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return Number(rows[0]?.n ?? 0);
};
