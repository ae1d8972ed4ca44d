/**
 * Realistic Chinese complaint data at scale (issue 7 "Data at realistic scale"):
 *
 *   npm run bench:data -- --complaints 1000000 [--seed 42] [--database-url postgres://…/closeloop_bench]
 *   npm run bench:data -- --pglite .tmp/bench-pglite [--complaints 100000]
 *   npm run bench:data -- --drop [--database-url …|--pglite dir]      (only a database the bench created)
 *
 * Creates a fresh database (refusing one it did not create unless --reuse), runs the product's migrations, and
 * writes departments, users, customers, products, batches, shipments, complaints and their deadline clocks with
 * set-based SQL (INSERT … SELECT generate_series) on several connections, with indexes built once at the end.
 * Deterministic: the same --seed, --complaints and --now give the same rows.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { hashPassword } from '../src/app/secrets';
import {
  describeTarget,
  dropTarget,
  executorRunner,
  openPgRunners,
  openTarget,
  prepareTarget,
  resolveTarget,
  type BenchTarget,
  type SqlRunner,
} from './lib/bench-target';
import { describeMachine, formatMachine } from './lib/machine';
import { diffSchema, dropForLoad, rebuildAfterLoad, snapshotSchema } from './data/bulk-load-indexes';
import { checkDerivedColumns, profileData } from './data/check-data';
import { numberByYear } from './data/number-by-year';
import { complaintBatchSql } from './data/complaint-sql';
import { buildReferenceData, timelineOf } from './data/reference-data';
import { customerSql, referenceInsertSql, scratchSchemaSql, shipmentSql, uploadSql } from './data/setup-sql';
import { runIfMain } from './lib/run-if-main';

export type GenerateOptions = {
  readonly target: BenchTarget;
  readonly complaints: number;
  readonly customers: number;
  readonly products: number;
  readonly seed: number;
  readonly now: Date;
  readonly jobs: number;
  readonly batchSize: number;
  readonly reuse: boolean;
};

export type GenerateReport = {
  readonly target: string;
  readonly seconds: number;
  readonly tables: Record<string, { rows: number; seconds: number; rowsPerSecond: number }>;
  readonly phases: Record<string, number>;
  readonly profile: Record<string, unknown>;
};

/** Tables filled in bulk: their keys and indexes are dropped for the load and rebuilt after it. */
const LOADED_TABLES = ['customers', 'products', 'batches', 'shipments', 'complaints', 'complaint_deadlines'];
const PASSWORD = 'Bench-Closeloop-2024';

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const secondsSince = (t0: number): number => Math.round((performance.now() - t0) / 10) / 100;

export const generateData = async (o: GenerateOptions): Promise<GenerateReport> => {
  const started = performance.now();
  const phases: Record<string, number> = {};
  const tables: GenerateReport['tables'] = {};
  const record = (table: string, rows: number, seconds: number) => {
    const entry = { rows, seconds, rowsPerSecond: Math.round(rows / Math.max(seconds, 0.001)) };
    tables[table] = entry;
    log(
      `  ${table.padEnd(20)} ${String(rows).padStart(10)} rows  ${seconds.toFixed(1).padStart(7)} s  ${String(entry.rowsPerSecond).padStart(9)} rows/s`,
    );
  };
  const tl = timelineOf(o.now);
  const note = `seed=${o.seed} complaints=${o.complaints} now=${o.now.toISOString()}`;
  log(`Closeloop bench data → ${describeTarget(o.target)} (${note})`);
  log(`machine: ${formatMachine(describeMachine())}`);

  let t = performance.now();
  const state = await prepareTarget(o.target, o.reuse, note);
  const db = await openTarget(o.target);
  await db.migrate();
  phases.createAndMigrate = secondsSince(t);
  log(`database ${state} and migrated in ${phases.createAndMigrate} s`);

  const pglite = o.target.driver === 'pglite';
  const settings = [
    `SET synchronous_commit = off`,
    `SET work_mem = '${pglite ? '64MB' : '256MB'}'`,
    `SET maintenance_work_mem = '${pglite ? '256MB' : '1GB'}'`,
    `SET max_parallel_maintenance_workers = 0`,
    `SET statement_timeout = 0`,
    `SET TimeZone = 'UTC'`,
    `SET enable_memoize = off`,
    ...(pglite ? [] : [`SET jit = off`]),
  ];
  let runners: SqlRunner[];
  let closeRunners = async () => undefined as void;
  if (o.target.driver === 'postgres') {
    const opened = await openPgRunners(o.target.url, o.jobs, settings);
    runners = opened.runners;
    closeRunners = opened.close;
  } else {
    runners = [executorRunner(db.reader())];
    for (const s of settings) await runners[0]?.query(s);
  }
  const main = runners[0] as SqlRunner;

  try {
    const existing = await main.query<{ n: number }>(`SELECT count(*)::int AS n FROM complaints`);
    if ((existing[0]?.n ?? 0) > 0)
      throw new Error('complaints is not empty: the generator only loads into an empty database');

    t = performance.now();
    const ref = buildReferenceData(o.seed, o.products, tl);
    const setup = {
      seed: o.seed,
      complaints: o.complaints,
      customers: o.customers,
      startIso: tl.start.toISOString(),
      anchorIso: tl.anchor.toISOString(),
      spanSec: (tl.anchor.getTime() - tl.start.getTime()) / 1000,
      nameRanges: ref.nameRanges,
    };
    const before = await snapshotSchema(main, LOADED_TABLES);
    await dropForLoad(main, before);
    for (const s of scratchSchemaSql(setup)) await main.query(s);
    const upload = async (q: string, rows: unknown[]) => main.query(q, [JSON.stringify(rows)]);
    await upload(
      uploadSql.dept,
      ref.departments.map((d) => ({ idx: d.idx, id: d.id, handlers: d.handlers })),
    );
    await upload(uploadSql.prod, ref.products);
    await upload(uploadSql.batch, ref.batches);
    await upload(uploadSql.names, ref.names);
    await upload(uploadSql.pieceO, ref.openings);
    await upload(uploadSql.pieceC, ref.closings);
    await upload(uploadSql.core, ref.cores);
    await upload(uploadSql.grp, ref.groups);
    await main.query(
      `ANALYZE bench_gen.dept, bench_gen.prod, bench_gen.batch, bench_gen.names, bench_gen.core`,
    );
    phases.referenceData = secondsSince(t);

    log('reference data:');
    t = performance.now();
    const created = tl.start.getTime() - 400 * 86_400_000;
    await main.query(referenceInsertSql.departments, [JSON.stringify(ref.departments), new Date(created)]);
    const hash = await hashPassword(PASSWORD);
    await main.query(referenceInsertSql.users, [JSON.stringify(ref.users), hash, new Date(created)]);
    await main.query(referenceInsertSql.userRoles, [JSON.stringify(ref.users)]);
    await main.query(referenceInsertSql.userDepartments, [JSON.stringify(ref.users)]);
    record('departments', ref.departments.length, 0);
    record('users', ref.users.length, secondsSince(t));
    t = performance.now();
    await main.query(referenceInsertSql.products, [new Date(created)]);
    record('products', ref.products.length, secondsSince(t));
    t = performance.now();
    await main.query(referenceInsertSql.batches);
    record('batches', ref.batches.length, secondsSince(t));
    t = performance.now();
    for (const s of customerSql(setup)) await main.query(s);
    await main.query(`ANALYZE bench_gen.cust`);
    record('customers', o.customers, secondsSince(t));
    t = performance.now();
    const shipped = await main.query(
      `WITH ins AS (${shipmentSql(setup)} RETURNING 1) SELECT count(*)::int AS n FROM ins`,
    );
    record('shipments', Number(shipped[0]?.n ?? 0), secondsSince(t));

    await numberByYear(main, o.complaints);

    log(
      `complaints and deadline clocks (${runners.length} connection${runners.length > 1 ? 's' : ''}, ${o.batchSize} per statement):`,
    );
    t = performance.now();
    const statement = complaintBatchSql({
      seed: o.seed,
      customers: o.customers,
      products: o.products,
      anchorIso: tl.anchor.toISOString(),
      batchBaseIso: tl.batchBase.toISOString(),
      batchSpacingSec: tl.batchSpacingMs / 1000,
      openings: ref.openings.length,
      deptIdx: new Map(ref.departments.map((d) => [d.code, d.idx])),
    });
    const ranges: [number, number][] = [];
    for (let lo = 0; lo < o.complaints; lo += o.batchSize)
      ranges.push([lo, Math.min(o.complaints, lo + o.batchSize)]);
    let complaints = 0;
    let deadlines = 0;
    let nextReport = 0.1;
    await Promise.all(
      runners.map(async (runner) => {
        for (let r = ranges.shift(); r; r = ranges.shift()) {
          const [row] = await runner.query<{ complaints: number; deadlines: number }>(statement, r);
          complaints += row?.complaints ?? 0;
          deadlines += row?.deadlines ?? 0;
          if (complaints / o.complaints >= nextReport) {
            log(
              `    ${Math.round((complaints / o.complaints) * 100)} %  ${complaints} complaints  ${secondsSince(t)} s`,
            );
            nextReport += 0.1;
          }
        }
      }),
    );
    const loadSeconds = secondsSince(t);
    record('complaints', complaints, loadSeconds);
    record('complaint_deadlines', deadlines, loadSeconds);
    log(
      `    (one statement writes both: ${Math.round((complaints + deadlines) / loadSeconds)} rows/s together)`,
    );
    phases.complaints = loadSeconds;

    log('keys and indexes (built once, after the load):');
    t = performance.now();
    const rows: Record<string, number> = {
      complaints,
      complaint_deadlines: deadlines,
      customers: o.customers,
      shipments: tables.shipments?.rows ?? 0,
      batches: ref.batches.length,
      products: ref.products.length,
    };
    await rebuildAfterLoad(
      runners,
      before,
      (table) => rows[table] ?? 1000,
      (label, s) => {
        if (s >= 1) log(`    ${label.padEnd(44)} ${s.toFixed(1).padStart(6)} s`);
      },
    );
    phases.indexes = secondsSince(t);
    log(`    all ${before.length} rebuilt in ${phases.indexes} s`);

    t = performance.now();
    await main.query(`DROP SCHEMA bench_gen CASCADE`);
    const vacuum = LOADED_TABLES.map((table) => ({ label: table, sql: `VACUUM (ANALYZE) ${table}` }));
    const queue = [...vacuum];
    await Promise.all(
      runners.map(async (runner) => {
        for (let v = queue.shift(); v; v = queue.shift()) await runner.query(v.sql);
      }),
    );
    await main.query(`ANALYZE`);
    phases.vacuumAnalyze = secondsSince(t);
    log(`VACUUM (ANALYZE) and ANALYZE in ${phases.vacuumAnalyze} s`);

    const after = await snapshotSchema(main, LOADED_TABLES);
    const drift = diffSchema(before, after);
    if (drift.length > 0)
      throw new Error(`schema differs from the migrations after the load: ${drift.join(', ')}`);
    log(`schema check: ${after.length} keys and indexes identical to the migrations'`);
    log(await checkDerivedColumns(main));

    const profile = await profileData(main);
    for (const [k, v] of Object.entries(profile))
      log(`  ${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
    const seconds = secondsSince(started);
    log(`total ${seconds} s (${(seconds / 60).toFixed(1)} min)`);
    if (o.target.driver === 'postgres')
      await main.query(
        `COMMENT ON DATABASE ${o.target.database} IS 'closeloop-bench: created by bench/generate-data.ts ${note} loaded_in=${seconds}s'`,
      );
    const report = { target: describeTarget(o.target), seconds, tables, phases, profile };
    const file = path.join(
      fileURLToPath(new URL('./results/', import.meta.url)),
      `data-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      `${JSON.stringify({ benchmark: 'data-generator', options: { ...o, target: describeTarget(o.target), now: o.now.toISOString() }, machine: describeMachine(), ...report }, null, 2)}\n`,
    );
    log(`written ${path.relative(process.cwd(), file)}`);
    return report;
  } finally {
    await closeRunners();
    await db.close();
  }
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      complaints: { type: 'string' },
      customers: { type: 'string' },
      products: { type: 'string' },
      seed: { type: 'string', default: '42' },
      now: { type: 'string' },
      'database-url': { type: 'string' },
      pglite: { type: 'string' },
      reuse: { type: 'boolean', default: false },
      jobs: { type: 'string' },
      batch: { type: 'string' },
      drop: { type: 'boolean', default: false },
    },
  });
  const target = resolveTarget({ databaseUrl: values['database-url'], pglite: values.pglite });
  if (values.drop) {
    log(
      (await dropTarget(target))
        ? `dropped ${describeTarget(target)}`
        : `${describeTarget(target)} does not exist`,
    );
    return;
  }
  const complaints = Number(values.complaints ?? (target.driver === 'pglite' ? 100_000 : 1_000_000));
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  await generateData({
    target,
    complaints,
    customers: Number(values.customers ?? Math.max(1000, Math.round(complaints / 5))),
    products: Number(values.products ?? 2000),
    seed: Number(values.seed),
    now: values.now ? new Date(values.now) : today,
    jobs: target.driver === 'pglite' ? 1 : Number(values.jobs ?? Math.max(1, Math.min(4, os.cpus().length))),
    batchSize: Number(values.batch ?? 20_000),
    reuse: values.reuse ?? false,
  });
};

runIfMain(import.meta.url, main);
