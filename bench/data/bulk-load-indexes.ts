import type { SqlRunner } from '../lib/bench-target';

/**
 * One key, index, constraint or extended statistic of a loaded table, as the migrations made it. Read from the
 * catalog, so nothing here repeats the schema: whatever the migrations create is what gets rebuilt and compared.
 */
export type SchemaObject = {
  readonly table: string;
  readonly name: string;
  readonly kind: 'primary_key' | 'unique' | 'foreign_key' | 'check' | 'index' | 'statistics';
  /** pg_get_constraintdef / pg_get_indexdef / pg_get_statisticsobjdef. */
  readonly definition: string;
  /** The index behind a primary key or unique constraint (pg_get_indexdef). */
  readonly indexDefinition: string | null;
  readonly method: string | null;
  readonly partial: boolean;
};

const KINDS: Readonly<Record<string, SchemaObject['kind']>> = {
  p: 'primary_key',
  u: 'unique',
  f: 'foreign_key',
  c: 'check',
};

const quoteList = (tables: readonly string[]) =>
  tables.map((t) => `'public.${t.replace(/'/g, "''")}'::regclass`).join(', ');

/**
 * Keys, indexes, constraints and statistics of `tables`, plus the foreign keys of other tables that point at them
 * (they must go before a primary key can be dropped). Sorted by table and name.
 */
export const snapshotSchema = async (runner: SqlRunner, tables: readonly string[]): Promise<SchemaObject[]> => {
  const list = quoteList(tables);
  const constraints = await runner.query<{
    table: string;
    name: string;
    contype: string;
    definition: string;
    index_definition: string | null;
    method: string | null;
  }>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, c.contype, pg_get_constraintdef(c.oid) AS definition,
       CASE WHEN c.contype IN ('p', 'u') THEN pg_get_indexdef(c.conindid) END AS index_definition,
       CASE WHEN c.contype IN ('p', 'u') THEN (SELECT am.amname FROM pg_class ic JOIN pg_am am ON am.oid = ic.relam
         WHERE ic.oid = c.conindid) END AS method
     FROM pg_constraint c
     WHERE c.contype IN ('p', 'u', 'f', 'c') AND (c.conrelid IN (${list}) OR (c.contype = 'f' AND c.confrelid IN (${list})))`,
  );
  const indexes = await runner.query<{ table: string; name: string; definition: string; method: string; partial: boolean }>(
    `SELECT i.indrelid::regclass::text AS table, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS definition,
       am.amname AS method, i.indpred IS NOT NULL AS partial
     FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
     WHERE i.indrelid IN (${list}) AND NOT EXISTS (SELECT 1 FROM pg_constraint c
       WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x'))`,
  );
  const statistics = await runner.query<{ table: string; name: string; definition: string }>(
    `SELECT s.stxrelid::regclass::text AS table, s.stxname AS name, pg_get_statisticsobjdef(s.oid) AS definition
     FROM pg_statistic_ext s WHERE s.stxrelid IN (${list})`,
  );
  const all: SchemaObject[] = [
    ...constraints.map((c) => ({
      table: c.table,
      name: c.name,
      kind: KINDS[c.contype] ?? 'check',
      definition: c.definition,
      indexDefinition: c.index_definition,
      method: c.method,
      partial: false,
    })),
    ...indexes.map((i) => ({ ...i, kind: 'index' as const, indexDefinition: null })),
    ...statistics.map((s) => ({
      ...s,
      kind: 'statistics' as const,
      indexDefinition: null,
      method: null,
      partial: false,
    })),
  ];
  return all.sort((a, b) => a.table.localeCompare(b.table) || a.name.localeCompare(b.name));
};

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Drops what slows a bulk load: foreign keys (checked per row), then primary keys and unique constraints, then
 * indexes. Check constraints stay (cheap, per row, no lookups) and so do extended statistics (computed by ANALYZE).
 */
export const dropForLoad = async (runner: SqlRunner, snapshot: readonly SchemaObject[]): Promise<void> => {
  const order: SchemaObject['kind'][] = ['foreign_key', 'primary_key', 'unique', 'index'];
  for (const kind of order)
    for (const o of snapshot.filter((x) => x.kind === kind))
      await runner.query(
        kind === 'index' ? `DROP INDEX ${q(o.name)}` : `ALTER TABLE ${o.table} DROP CONSTRAINT ${q(o.name)}`,
      );
};

type Job = { readonly label: string; readonly sql: readonly string[]; readonly cost: number };

/** Runs jobs on all runners at once, biggest first; each runner takes the next job when it is free. */
const runParallel = async (
  runners: readonly SqlRunner[],
  jobs: readonly Job[],
  onDone: (label: string, seconds: number) => void,
): Promise<void> => {
  const queue = [...jobs].sort((a, b) => b.cost - a.cost);
  await Promise.all(
    runners.map(async (runner) => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const t0 = performance.now();
        for (const s of job.sql) await runner.query(s);
        onDone(job.label, (performance.now() - t0) / 1000);
      }
    }),
  );
};

/**
 * Rebuilds what dropForLoad dropped, in parallel across the runners, biggest first:
 * 1. every index, including those behind keys (CREATE INDEX takes a SHARE lock, so several build on one table at
 *    once; a GIN index costs most, a partial one least);
 * 2. primary keys and unique constraints adopt their index (ALTER TABLE … USING INDEX, instant);
 * 3. foreign keys are added NOT VALID (instant) and then validated in parallel (VALIDATE CONSTRAINT does not block
 *    reads or other validations of the referenced table).
 * The definitions are the catalog's own, so the result is identical to the migrations' (diffSchema checks it).
 */
export const rebuildAfterLoad = async (
  runners: readonly SqlRunner[],
  snapshot: readonly SchemaObject[],
  rowsOf: (table: string) => number,
  onDone: (label: string, seconds: number) => void,
): Promise<void> => {
  const main = runners[0];
  if (!main) throw new Error('rebuildAfterLoad needs at least one runner');
  const keys = snapshot.filter((o) => o.kind === 'primary_key' || o.kind === 'unique');
  const builds: Job[] = [...keys, ...snapshot.filter((o) => o.kind === 'index')].map((o) => ({
    label: `${o.table}.${o.name}`,
    sql: [o.indexDefinition ?? o.definition],
    cost: rowsOf(o.table) * (o.method === 'gin' ? 8 : 1) * (o.partial ? 0.5 : 1),
  }));
  await runParallel(runners, builds, onDone);
  for (const k of keys)
    await main.query(
      `ALTER TABLE ${k.table} ADD CONSTRAINT ${q(k.name)} ${k.kind === 'primary_key' ? 'PRIMARY KEY' : 'UNIQUE'} USING INDEX ${q(k.name)}`,
    );
  const fks = snapshot.filter((o) => o.kind === 'foreign_key');
  for (const fk of fks) await main.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${q(fk.name)} ${fk.definition} NOT VALID`);
  await runParallel(
    runners,
    fks.map((fk) => ({
      label: `${fk.table}.${fk.name}`,
      sql: [`ALTER TABLE ${fk.table} VALIDATE CONSTRAINT ${q(fk.name)}`],
      cost: rowsOf(fk.table),
    })),
    onDone,
  );
};

/** What differs between two snapshots, one line per object ("missing", "unexpected", "changed"). */
export const diffSchema = (before: readonly SchemaObject[], after: readonly SchemaObject[]): string[] => {
  const key = (o: SchemaObject) => `${o.kind} ${o.table}.${o.name}`;
  const text = (o: SchemaObject) => `${o.definition}${o.indexDefinition ? ` [${o.indexDefinition}]` : ''}`;
  const was = new Map(before.map((o) => [key(o), o]));
  const now = new Map(after.map((o) => [key(o), o]));
  const drift: string[] = [];
  for (const [k, o] of was) {
    const n = now.get(k);
    if (!n) drift.push(`missing ${k}`);
    else if (text(n) !== text(o)) drift.push(`changed ${k}: ${text(o)} → ${text(n)}`);
  }
  for (const k of now.keys()) if (!was.has(k)) drift.push(`unexpected ${k}`);
  return drift;
};
