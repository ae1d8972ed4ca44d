import pg from 'pg';
import { createDeps, type Deps, type DepsOverrides } from '../../src/app/deps';
import type { UseCaseContext } from '../../src/app/context';
import { authenticateSession } from '../../src/app/identity/authenticate';
import { logIn } from '../../src/app/identity/log-in';
import { parseConfig } from '../../src/config/env';
import type { Db } from '../../src/db/client';
import { executorRunner, type BenchTarget, type SqlRunner } from './bench-target';

/** The environment a server on this bench database gets (the database, and nothing from the caller's env). */
export const serverEnvOf = (target: BenchTarget): Record<string, string> =>
  target.driver === 'postgres'
    ? { DATABASE_URL: target.url, DATA_DIR: '.tmp/bench-server-data' }
    : { PGLITE_DIR: target.dir, DATA_DIR: '.tmp/bench-server-data' };

/** The application's own dependencies on a bench database, configured as `closeloop serve` would be. */
export const createBenchDeps = async (
  target: BenchTarget,
  env: Record<string, string> = {},
  overrides: DepsOverrides = {},
): Promise<Deps> => {
  const parsed = parseConfig({ LOG_LEVEL: 'silent', ...serverEnvOf(target), ...env });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return createDeps(parsed.config, overrides);
};

/** Signs a bench user in through the use-case and returns the context a request of theirs would carry. */
export const signInContext = async (
  deps: Deps,
  username: string,
  password: string,
): Promise<UseCaseContext> => {
  const session = await logIn(
    deps,
    { actor: { kind: 'anonymous' }, requestId: 'bench-login' },
    { username, password, ip: '127.0.0.1', userAgent: 'closeloop-bench' },
  );
  const auth = await authenticateSession(deps, session.sessionToken);
  return { actor: auth.actor, requestId: 'bench' };
};

/** Transactions of hand-written SQL: a node-postgres pool on PostgreSQL, the application's handle on PGlite. */
export type TxRunner = {
  readonly run: <T>(fn: (q: SqlRunner) => Promise<T>) => Promise<T>;
  readonly close: () => Promise<void>;
};

export const pgTxRunner = (url: string, max: number): TxRunner => {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'closeloop-bench-raw' });
  pool.on('error', () => undefined);
  return {
    run: async (fn) => {
      const client = await pool.connect();
      const q: SqlRunner = {
        query: async <T>(text: string, params: readonly unknown[] = []) =>
          (await client.query(text, [...params])).rows as T[],
      };
      try {
        await client.query('BEGIN');
        const result = await fn(q);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
};

export const dbTxRunner = (db: Db): TxRunner => ({
  run: (fn) => db.transaction((tx) => fn(executorRunner(tx))),
  close: async () => undefined,
});
