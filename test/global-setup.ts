import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDb } from '../src/db/client';

/**
 * Builds one migrated template per test run: on PostgreSQL (DATABASE_URL set) a template database that each
 * test file clones with CREATE DATABASE … TEMPLATE; otherwise a PGlite data-directory tarball that each test
 * file loads into its own in-memory PGlite. Either way, every file gets a fresh, isolated, migrated database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  if (url) {
    const template = `cl_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const templateUrl = withDatabase(url, template);
    const db = await openDb({ driver: 'postgres', url: templateUrl, poolMax: 2 });
    await db.migrate();
    await db.close();
    await admin.end();
    project.provide('dbTemplate', { driver: 'postgres', url, template, runId });
    return async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const { rows } = await c.query<{ datname: string }>(
        `select datname from pg_database where datname = $1 or datname like $2`,
        [template, `cl_t_${runId}_%`],
      );
      for (const r of rows) await c.query(`drop database if exists ${r.datname} with (force)`);
      await c.end();
    };
  }
  const db = await openDb({ driver: 'pglite', dir: 'memory://' });
  await db.migrate();
  const blob = await db.dumpDataDir?.();
  await db.close();
  if (!blob) throw new Error('PGlite did not dump its data directory');
  const dir = path.resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${runId}.tar`);
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  project.provide('dbTemplate', { driver: 'pglite', file, runId });
  return async () => rmSync(file, { force: true });
}

export const withDatabase = (url: string, database: string): string => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- vitest is extended by interface merging
  export interface ProvidedContext {
    dbTemplate:
      | { driver: 'postgres'; url: string; template: string; runId: string }
      | { driver: 'pglite'; file: string; runId: string };
  }
}
