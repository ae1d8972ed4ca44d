import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { Deps } from '../src/app/deps';
import { createLogger } from '../src/app/logger';
import { parseConfig, type Config } from '../src/config/env';
import { openDb, type Db } from '../src/db/client';
import { withDatabase } from './global-setup';
import { createTestClock, type TestClock } from './test-clock';

export type TestDeps = Deps & {
  readonly clock: TestClock;
  /** PostgreSQL only: the URL of this file's database (for a second pool, a child process, the CLI). */
  readonly databaseUrl: string | undefined;
  readonly close: () => Promise<void>;
};

export const testConfig = (env: Record<string, string> = {}): Config => {
  const parsed = parseConfig({
    LOG_LEVEL: process.env.TEST_LOG ?? 'silent',
    DATA_DIR: '.tmp/data',
    // Route tests see the "not built" page unless they point WEB_DIR at a build of their own.
    WEB_DIR: '.tmp/web-not-built',
    ...env,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.config;
};

/** A fresh, migrated database for one test file: a clone of the run's template (PostgreSQL or PGlite). */
export const openTestDb = async (): Promise<{
  db: Db;
  url: string | undefined;
  drop: () => Promise<void>;
}> => {
  const t = inject('dbTemplate');
  if (t.driver === 'postgres') {
    const name = `cl_t_${t.runId}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    await admin.query(`create database ${name} template ${t.template}`);
    await admin.end();
    const url = withDatabase(t.url, name);
    const db = await openDb({ driver: 'postgres', url, poolMax: 10 });
    return {
      db,
      url,
      drop: async () => {
        const c = new pg.Client({ connectionString: t.url });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const blob = new Blob([readFileSync(t.file)]);
  const db = await openDb({ driver: 'pglite', dir: 'memory://', loadDataDir: blob });
  return { db, url: undefined, drop: async () => undefined };
};

export const createTestDeps = async (env: Record<string, string> = {}): Promise<TestDeps> => {
  const { db, url, drop } = await openTestDb();
  const config = testConfig(env);
  return {
    config,
    db,
    clock: createTestClock(),
    log: createLogger('silent'),
    databaseUrl: url,
    close: async () => {
      await db.close();
      await drop();
    },
  };
};

/**
 * A second, independent connection pool to the same test database, as a second process would have (PostgreSQL).
 * On PGlite there is only one connection, so the same handle is returned.
 */
export const openSecondDb = async (deps: TestDeps): Promise<{ db: Db; close: () => Promise<void> }> => {
  if (!deps.databaseUrl) return { db: deps.db, close: async () => undefined };
  const db = await openDb({ driver: 'postgres', url: deps.databaseUrl, poolMax: 5 });
  return { db, close: () => db.close() };
};
