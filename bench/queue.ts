/**
 * Work-queue latency at scale (issue 7, Benchmarks item 2), beside the database's own floor in the same run:
 *
 *   npm run bench:queue -- [--database-url postgres://…/closeloop_bench] [--pglite dir] [--iterations 300]
 *                          [--try bench/queue-candidate-fixes.sql] [--drop]
 *
 * Each request is made by the product's own repository (complaintQueueRepo.list and countByStatus, the two
 * statements a queue page runs) through openDb. The SQL Drizzle builds is captured as it is sent and replayed under
 * EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) for the server-side time; the repository call itself gives the client
 * round trip. The floor: SELECT 1 and a primary-key lookup (complaintRepo.findById). Prints a table and writes
 * bench/results/queue-<timestamp>.json with the figures, the machine, the SQL and the EXPLAIN plans.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Executor } from '../src/db/client';
import { complaintQueueRepo } from '../src/db/repos/complaint-queue.repo';
import { complaintRepo } from '../src/db/repos/complaint.repo';
import {
  describeTarget,
  dropTarget,
  executorRunner,
  inspectTarget,
  openTarget,
  resolveTarget,
  type BenchTarget,
} from './lib/bench-target';
import type { CapturedQuery } from './lib/capture-sql';
import { describeMachine, formatMachine } from './lib/machine';
import { percentiles } from './lib/stats';
import { captureOnce, empty, explain, measure, type Measured } from './queue/measure';
import { discoverCases } from './queue/queue-cases';
import { GOAL_P99_MS, printPlans, printTable, type Row } from './queue/queue-report';
import { runIfMain } from './lib/run-if-main';

export type QueueBenchOptions = {
  readonly target: BenchTarget;
  readonly iterations: number;
  readonly warmup: number;
  /** Rows per page: the API default (50); the repository is asked for one more, as listComplaints does. */
  readonly pageSize: number;
  /** CREATE INDEX / CREATE STATISTICS statements to try (candidate fixes): created before, dropped after. */
  readonly tryFixes?: readonly string[];
  readonly label?: string;
};

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

const log = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

export const runQueueBench = async (o: QueueBenchOptions) => {
  const machine = describeMachine();
  const tried = (o.tryFixes ?? []).map((stmt) => {
    const m = /^create\s+(index|statistics)\s+"?([a-z0-9_]+)"?/i.exec(stmt);
    if (!m?.[1] || !m[2]) throw new Error(`not a CREATE INDEX or CREATE STATISTICS statement: ${stmt}`);
    return { kind: m[1].toLowerCase(), name: m[2], stmt };
  });
  if (tried.length > 0 && (await inspectTarget(o.target)) !== 'ours')
    throw new Error('--try only runs on a database the bench created');
  const db = await openTarget(o.target, 1);
  const ex = db.reader();
  const runner = executorRunner(ex);
  try {
    for (const t of tried) {
      const t0 = performance.now();
      await runner.query(t.stmt);
      log(`candidate ${t.kind} ${t.name} built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    if (tried.length > 0) await runner.query('ANALYZE complaints');
    const [info] = await runner.query<Record<string, string | number>>(`SELECT version() AS version,
      current_setting('shared_buffers') AS shared_buffers, current_setting('work_mem') AS work_mem,
      current_setting('effective_cache_size') AS effective_cache_size, current_setting('random_page_cost') AS random_page_cost,
      current_setting('jit') AS jit, current_setting('max_parallel_workers_per_gather') AS max_parallel_workers_per_gather,
      (SELECT count(*)::int FROM complaints) AS complaints,
      (SELECT count(*)::int FROM complaints WHERE status NOT IN ('closed','explained','not_valid','withdrawn','reopened')) AS open_complaints,
      (SELECT count(*)::int FROM complaint_deadlines) AS deadlines,
      pg_size_pretty(pg_total_relation_size('complaints')) AS complaints_size`);
    log(`Closeloop work-queue benchmark on ${describeTarget(o.target)}`);
    log(`machine: ${formatMachine(machine)}`);
    log(
      `database: ${String(info?.version).split(' on ')[0]}; ${String(info?.complaints)} complaints (${String(info?.open_complaints)} open), ${String(info?.deadlines)} clocks, complaints ${String(info?.complaints_size)}`,
    );
    log(
      `settings: shared_buffers=${String(info?.shared_buffers)} work_mem=${String(info?.work_mem)} jit=${String(info?.jit)} random_page_cost=${String(info?.random_page_cost)}`,
    );

    const cases = await discoverCases(runner);
    const ids = (
      await runner.query<{ id: string }>(
        `SELECT id::text AS id FROM complaints WHERE seq % 997 = 5 ORDER BY number LIMIT 1000`,
      )
    ).map((x) => x.id);
    const limit = o.pageSize + 1;
    const lists = new Map(cases.map((c) => [c.id, empty()]));
    const counts = new Map(cases.map((c) => [c.id, empty()]));
    const select1 = empty();
    const pk = empty();
    log(
      `${cases.length} queries × (list + counts), ${o.warmup} warm-up + ${o.iterations} measured rounds, page ${o.pageSize}`,
    );

    const captured = new Map<string, CapturedQuery>();
    const run = async (m: Measured, key: string, record: boolean, call: (e: Executor) => Promise<number>) => {
      let query = captured.get(key);
      if (!query) {
        query = await captureOnce(ex, call);
        captured.set(key, query);
      }
      await measure(ex, m, record, query, call);
    };
    const t0 = performance.now();
    for (let round = 0; round < o.warmup + o.iterations; round += 1) {
      const record = round >= o.warmup;
      // execute() of raw SQL is not a query builder: its statement is given, not captured.
      captured.set('select1', { sql: 'select 1 as one', params: [] });
      await run(select1, 'select1', record, async (e) => {
        const r = (await e.execute(sql`select 1 as one`)) as unknown as { rows: unknown[] };
        return r.rows.length;
      });
      const id = ids[round % ids.length] ?? '';
      await run(pk, `pk:${id}`, record, async (e) => ((await complaintRepo.findById(e, id)) ? 1 : 0));
      for (const c of cases) {
        const k = round % c.filters.length;
        const filter = c.filters[k];
        if (!filter) continue;
        await run(
          lists.get(c.id) ?? empty(),
          `${c.id}:${k}:list`,
          record,
          async (e) => (await complaintQueueRepo.list(e, filter, 'nextDue', undefined, limit)).length,
        );
        await run(counts.get(c.id) ?? empty(), `${c.id}:${k}:counts`, record, async (e) =>
          Object.values(await complaintQueueRepo.countByStatus(e, filter)).reduce((s, n) => s + n, 0),
        );
      }
      if (round === o.warmup - 1) log(`  warm-up done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    log(`  measured in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const rowRange = (xs: number[]) =>
      Math.min(...xs) === Math.max(...xs) ? String(xs[0]) : `${Math.min(...xs)}–${Math.max(...xs)}`;
    const toRow = (c: { id: string; title: string }, statement: Row['statement'], m: Measured): Row => ({
      id: c.id,
      title: c.title,
      statement,
      rows: rowRange(m.rows),
      server: percentiles(m.server),
      planning: percentiles(m.planning),
      client: percentiles(m.client),
      raw: percentiles(m.raw),
      narrow: m.narrow.length > 0 ? percentiles(m.narrow) : undefined,
      plan: m.first?.summary,
      slowestPlan: m.slowest?.summary,
      sql: m.first?.query.sql,
    });
    const floor = [
      toRow({ id: 'SELECT 1', title: 'SELECT 1' }, 'floor', select1),
      toRow({ id: 'PK', title: 'primary-key lookup (findById)' }, 'floor', pk),
    ];
    const rows: Row[] = cases.flatMap((c) => [
      toRow(c, 'list', lists.get(c.id) ?? empty()),
      toRow(c, 'counts', counts.get(c.id) ?? empty()),
    ]);
    printTable(floor, rows, cases);
    printPlans(rows);

    const plans: string[] = [];
    for (const c of cases) {
      for (const [label, m] of [
        ['list', lists.get(c.id)],
        ['counts', counts.get(c.id)],
      ] as const) {
        if (!m?.first) continue;
        const variants: [string, CapturedQuery][] = [['first parameter set', m.first.query]];
        if (m.slowest && JSON.stringify(m.slowest.query.params) !== JSON.stringify(m.first.query.params))
          variants.push([
            `slowest measured execution (${m.slowest.ms.toFixed(1)} ms)`,
            m.slowest.query,
          ] as const);
        for (const [which, q] of variants) {
          const text = await explain(ex, q, 'text');
          plans.push(
            `### ${c.id} ${label}: ${c.title} — ${which}\n-- ${c.chosen}\n${q.sql}\n-- params: ${JSON.stringify(q.params)}\n\n${text.map((r) => String(r['QUERY PLAN'])).join('\n')}\n`,
          );
        }
      }
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `queue-${stamp}.json`);
    const report = {
      benchmark: 'work-queue',
      startedAt: new Date(Date.now() - (performance.now() - t0)).toISOString(),
      target: describeTarget(o.target),
      label: o.label ?? (tried.length > 0 ? 'with candidate fixes' : 'schema as migrated'),
      candidateFixes: tried.map((t) => t.stmt),
      machine,
      database: info,
      iterations: o.iterations,
      warmup: o.warmup,
      pageSize: o.pageSize,
      goal: { serverP99Ms: GOAL_P99_MS, source: 'issue 7, Benchmarks item 2' },
      floor,
      cases: cases.map((c) => ({
        id: c.id,
        title: c.title,
        chosen: c.chosen,
        core: c.core,
        parameterSets: c.filters.length,
      })),
      results: rows,
      /** EXPLAIN (ANALYZE, BUFFERS) text of each statement: first parameter set, and the slowest if different. */
      plans,
    };
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`\nwritten ${path.relative(process.cwd(), file)} (figures, machine, SQL and EXPLAIN plans)`);
    return report;
  } finally {
    for (const t of tried) await runner.query(`DROP ${t.kind.toUpperCase()} IF EXISTS ${t.name}`);
    if (tried.length > 0) await runner.query('ANALYZE complaints');
    await db.close();
  }
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      pglite: { type: 'string' },
      iterations: { type: 'string', default: '300' },
      warmup: { type: 'string', default: '20' },
      'page-size': { type: 'string', default: '50' },
      drop: { type: 'boolean', default: false },
      try: { type: 'string' },
    },
  });
  const tryFixes = values.try
    ? readFileSync(values.try, 'utf8')
        .replace(/--.*$/gm, '')
        .split(';')
        .map((x) => x.trim())
        .filter((x) => x.length > 0)
    : [];
  const target = resolveTarget({ databaseUrl: values['database-url'], pglite: values.pglite });
  await runQueueBench({
    target,
    iterations: Number(values.iterations),
    warmup: Number(values.warmup),
    pageSize: Number(values['page-size']),
    tryFixes,
  });
  if (values.drop && (await dropTarget(target))) log(`dropped ${describeTarget(target)}`);
};

runIfMain(import.meta.url, main);
