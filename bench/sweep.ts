/**
 * The deadline sweep with 1 M open clocks and 1,000 due (issue 7, Benchmarks item 4): goal ≤ 50 ms per sweep and
 * rows touched ≈ rows due (no scans).
 *
 *   npm run bench:sweep -- [--database-url postgres://…/closeloop_bench | --pglite dir] [--open-clocks 1000000]
 *                          [--due 1000] [--iterations 10] [--no-scratch]
 *
 * Always on a scratch copy of the bench database unless --no-scratch (it rewrites a million clocks):
 *   1. the clock T is put just before the earliest pending clock (nothing is due at T);
 *   2. met and cancelled clocks are reopened — pending, due between T + 2 h and T + 60 days, warning an hour
 *      before — until --open-clocks clocks are open (the generated data has ~123 k: a 4.4 % open share);
 *   3. per iteration, --due clocks picked at random are made due at T, then one pass of the product's sweep
 *      (sweepDeadlines, the use-case the deadline.sweep job runs) is timed with the clock at T. Two variants:
 *      *breach* — due a minute ago and warned an hour ago (the common case: the warning went out earlier);
 *      *warn*   — reaching the warning time now, due in an hour;
 *      then an idle pass (nothing due), the cost of the sweep on most ticks; and the physical limit of each:
 *      *by hand* — one hand-written statement that claims, marks and writes one outbox event per clock.
 *   4. nothing is restored: the scratch copy is dropped afterwards.
 * Rows touched come from PostgreSQL's own counters (pg_stat_user_tables / pg_stat_user_indexes, flushed with
 * pg_stat_force_next_flush() on the sweep's only connection) around each pass, and the claim statements are
 * replayed under EXPLAIN (ANALYZE, BUFFERS) in a rolled-back transaction. Writes bench/results/sweep-<timestamp>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { sweepDeadlines, type SweepReport } from '../src/app/complaints/sweep-deadlines';
import { closeDeps, type Deps } from '../src/app/deps';
import { deadlineRepo } from '../src/db/repos/deadline.repo';
import {
  cloneTarget,
  describeTarget,
  dropTarget,
  executorRunner,
  openPgRunners,
  openTarget,
  resolveTarget,
  type BenchTarget,
  type SqlRunner,
} from './lib/bench-target';
import { createBenchDeps } from './lib/bench-deps';
import { recordStatements, summariseStatements, type StatementTiming } from './lib/count-statements';
import { describeMachine, formatMachine } from './lib/machine';
import { percentiles } from './lib/stats';
import { captureOnce, explain } from './queue/measure';
import { runIfMain } from './lib/run-if-main';

export type SweepBenchOptions = {
  readonly target: BenchTarget;
  readonly openClocks: number;
  readonly due: number;
  readonly iterations: number;
  readonly scratch: boolean;
};

export const SWEEP_GOAL_MS = 50;
const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const PENDING = 'met_at IS NULL AND cancelled_at IS NULL AND breached_at IS NULL AND NOT paused';
const log = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const seconds = (t0: number) => Math.round((performance.now() - t0) / 100) / 10;

type Counters = Map<string, number>;

/** Scans and tuples read per table and index (PostgreSQL's cumulative statistics; PGlite has none to speak of). */
const readCounters = async (runner: SqlRunner): Promise<Counters> => {
  const rows = await runner.query<{ k: string; v: string | number }>(
    `SELECT relname || '.' || x.k AS k, x.v FROM pg_stat_user_tables t,
       LATERAL (VALUES ('seq_scan', seq_scan), ('seq_tup_read', seq_tup_read), ('idx_scan', coalesce(idx_scan, 0)),
                       ('idx_tup_fetch', coalesce(idx_tup_fetch, 0)), ('n_tup_ins', n_tup_ins), ('n_tup_upd', n_tup_upd))
               AS x(k, v)
     UNION ALL
     SELECT relname || '.' || indexrelname || '.idx_tup_read', idx_tup_read FROM pg_stat_user_indexes`,
  );
  return new Map(rows.map((r) => [r.k, Number(r.v)]));
};

const diffCounters = (before: Counters, after: Counters): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [k, v] of after) {
    const d = v - (before.get(k) ?? 0);
    if (d !== 0) out[k] = d;
  }
  return out;
};

/** Statements of a pass that read complaint_deadlines, and how many rows they touched there. */
const touchedOnDeadlines = (d: Record<string, number>) => ({
  seqScans: d['complaint_deadlines.seq_scan'] ?? 0,
  seqRowsRead: d['complaint_deadlines.seq_tup_read'] ?? 0,
  indexEntriesRead: Object.entries(d)
    .filter(([k]) => k.startsWith('complaint_deadlines.') && k.endsWith('.idx_tup_read'))
    .reduce((s, [, v]) => s + v, 0),
  rowsFetched: d['complaint_deadlines.idx_tup_fetch'] ?? 0,
  rowsUpdated: d['complaint_deadlines.n_tup_upd'] ?? 0,
  byIndex: Object.fromEntries(
    Object.entries(d)
      .filter(([k]) => k.startsWith('complaint_deadlines.') && k.endsWith('.idx_tup_read'))
      .map(([k, v]) => [k.split('.')[1], v]),
  ),
});

class Rollback extends Error {}

export const runSweepBench = async (o: SweepBenchOptions) => {
  const machine = describeMachine();
  const startedAt = new Date().toISOString();
  log(
    `Closeloop deadline-sweep benchmark on ${describeTarget(o.target)}${o.scratch ? ' (scratch copy)' : ''}`,
  );
  log(`machine: ${formatMachine(machine)}`);
  const target = o.scratch ? await cloneTarget(o.target) : o.target;
  const admin =
    target.driver === 'postgres'
      ? await openPgRunners(target.url, 1, ['SET statement_timeout = 0'])
      : undefined;
  const adminDb = target.driver === 'pglite' ? await openTarget(target, 1) : undefined;
  const runner: SqlRunner = admin?.runners[0] ?? executorRunner((adminDb ?? (undefined as never)).reader());
  let deps: Deps | undefined;
  try {
    const t0 = performance.now();
    const [start] = await runner.query<{ t: Date | string; open: number; pending: number; total: number }>(
      `SELECT (least((SELECT min(due_at) FROM complaint_deadlines WHERE ${PENDING}),
                     (SELECT min(warn_at) FROM complaint_deadlines WHERE ${PENDING} AND warned_at IS NULL))
               - interval '1 minute') AS t,
              (SELECT count(*)::int FROM complaint_deadlines WHERE met_at IS NULL AND cancelled_at IS NULL) AS open,
              (SELECT count(*)::int FROM complaint_deadlines WHERE ${PENDING}) AS pending,
              (SELECT count(*)::int FROM complaint_deadlines) AS total`,
    );
    if (!start) throw new Error('no clocks');
    const T = new Date(start.t);
    const need = Math.max(0, Math.min(o.openClocks, start.total) - start.open);
    log(
      `  ${start.total} clocks, ${start.open} open (${start.pending} pending); clock T = ${T.toISOString()}; reopening ${need}`,
    );
    if (need > 0) {
      await runner.query(
        `UPDATE complaint_deadlines d SET met_at = NULL, late = NULL, cancelled_at = NULL, warned_at = NULL,
                breached_at = NULL, paused = false, pauses = '[]', escalation_level = 0,
                due_at = s.due, warn_at = s.due - interval '1 hour', updated_at = $1
           FROM (SELECT id, $1::timestamptz + (120 + abs(hashtext(id::text)) % 86280) * interval '1 minute' AS due
                   FROM complaint_deadlines WHERE met_at IS NOT NULL OR cancelled_at IS NOT NULL LIMIT ${need}) s
          WHERE d.id = s.id`,
        [T.toISOString()],
      );
      await runner.query('ANALYZE complaint_deadlines');
    }
    const [after] = await runner.query<{ open: number; pending: number }>(
      `SELECT (SELECT count(*)::int FROM complaint_deadlines WHERE met_at IS NULL AND cancelled_at IS NULL) AS open,
              (SELECT count(*)::int FROM complaint_deadlines WHERE ${PENDING}) AS pending`,
    );
    const setupSeconds = seconds(t0);
    log(`  ${after?.open} open clocks (${after?.pending} pending) after ${setupSeconds} s of set-up`);

    const picked = (
      await runner.query<{ id: string }>(
        `SELECT id::text AS id FROM complaint_deadlines WHERE ${PENDING} AND warned_at IS NULL AND due_at > $1
          ORDER BY md5(id::text) LIMIT ${o.iterations * 4 * o.due}`,
        [T.toISOString()],
      )
    ).map((r) => r.id);
    deps = await createBenchDeps(target, { DATABASE_POOL_MAX: '1' }, { clock: { now: () => T } });
    const sweepDeps = deps;
    const countDue = async () => {
      const [c] = await runner.query<{ breach: number; warn: number }>(
        `SELECT (SELECT count(*)::int FROM complaint_deadlines WHERE ${PENDING} AND due_at <= $1) AS breach,
                (SELECT count(*)::int FROM complaint_deadlines WHERE ${PENDING} AND warned_at IS NULL AND warn_at <= $1) AS warn`,
        [T.toISOString()],
      );
      return c ?? { breach: -1, warn: -1 };
    };
    const flush = async () => {
      if (target.driver === 'postgres')
        await sweepDeps.db.reader().execute(sql`select pg_stat_force_next_flush()`);
    };

    // The claim statements as the repository builds them, under EXPLAIN (ANALYZE, BUFFERS), rolled back.
    const explainClaims = async () => {
      const out: Record<string, string> = {};
      await sweepDeps.db
        .transaction(async (tx) => {
          for (const [name, call] of [
            ['claimBreached', (e: typeof tx) => deadlineRepo.claimBreached(e, T, 1000)],
            ['claimWarnings', (e: typeof tx) => deadlineRepo.claimWarnings(e, T, 1000)],
          ] as const) {
            const q = await captureOnce(tx, (e) => call(e as typeof tx));
            const rows = await explain(tx, q, 'text');
            out[name] =
              `${q.sql}\n-- params: ${JSON.stringify(q.params)}\n${rows.map((r) => String(r['QUERY PLAN'])).join('\n')}`;
          }
          throw new Rollback();
        })
        .catch((e: unknown) => {
          if (!(e instanceof Rollback)) throw e;
        });
      return out;
    };

    type Pass = {
      ms: number;
      report: SweepReport;
      due: { breach: number; warn: number };
      statements: number;
      statementText: string[];
      timings: StatementTiming[];
      deadlines: ReturnType<typeof touchedOnDeadlines>;
      counters: Record<string, number>;
    };
    const pass = async (due: { breach: number; warn: number }): Promise<Pass> => {
      await flush();
      const before = target.driver === 'postgres' ? await readCounters(runner) : new Map<string, number>();
      const t = performance.now();
      const { result: report, statements, timings } = await recordStatements(() => sweepDeadlines(sweepDeps));
      const ms = performance.now() - t;
      await flush();
      const counters = target.driver === 'postgres' ? diffCounters(before, await readCounters(runner)) : {};
      return {
        ms,
        report,
        due,
        statements: statements.length,
        statementText: statements,
        timings,
        deadlines: touchedOnDeadlines(counters),
        counters,
      };
    };

    /**
     * The physical limit of a breach pass: one hand-written statement that claims the due clocks through the same
     * partial index, marks them breached, raises their complaints one escalation level and writes one outbox event
     * per clock (no owner look-up, audit row or KPI row: the least any sweep must do).
     */
    const byHandSql = `WITH c AS (
        SELECT id, complaint_id FROM complaint_deadlines WHERE ${PENDING} AND due_at <= $1
         ORDER BY due_at LIMIT ${o.due} FOR UPDATE SKIP LOCKED),
      u AS (UPDATE complaint_deadlines d SET breached_at = $1, warned_at = coalesce(d.warned_at, $1),
               escalation_level = d.escalation_level + 1, updated_at = $1
              FROM c WHERE d.id = c.id RETURNING d.id, d.complaint_id),
      e AS (UPDATE complaints k SET escalation_level = k.escalation_level + 1, updated_at = $1
              FROM (SELECT DISTINCT complaint_id FROM u) x WHERE k.id = x.complaint_id)
      INSERT INTO outbox_events (id, type, aggregate_type, aggregate_id, payload, occurred_at, status, attempts, next_attempt_at)
      SELECT gen_random_uuid(), 'deadline.breached', 'complaint', u.complaint_id::text,
             jsonb_build_object('deadlineId', u.id), $1, 'pending', 0, $1 FROM u`;
    // The same for a warning pass: claim through the warning index, mark warned, one outbox event per clock.
    const byHandWarnSql = `WITH c AS (
        SELECT id, complaint_id FROM complaint_deadlines WHERE ${PENDING} AND warned_at IS NULL AND warn_at <= $1
         ORDER BY warn_at LIMIT ${o.due} FOR UPDATE SKIP LOCKED),
      u AS (UPDATE complaint_deadlines d SET warned_at = $1, updated_at = $1
              FROM c WHERE d.id = c.id RETURNING d.id, d.complaint_id)
      INSERT INTO outbox_events (id, type, aggregate_type, aggregate_id, payload, occurred_at, status, attempts, next_attempt_at)
      SELECT gen_random_uuid(), 'deadline.warned', 'complaint', u.complaint_id::text,
             jsonb_build_object('deadlineId', u.id), $1, 'pending', 0, $1 FROM u`;
    const handPass = async (due: { breach: number; warn: number }, statement: string): Promise<Pass> => {
      await flush();
      const before = target.driver === 'postgres' ? await readCounters(runner) : new Map<string, number>();
      const t = performance.now();
      const { statements, timings } = await recordStatements(() =>
        sweepDeps.db.transaction((tx) => executorRunner(tx).query(statement, [T.toISOString()])),
      );
      const ms = performance.now() - t;
      await flush();
      const counters = target.driver === 'postgres' ? diffCounters(before, await readCounters(runner)) : {};
      const deadlines = touchedOnDeadlines(counters);
      return {
        ms,
        report:
          statement === byHandSql
            ? { warned: 0, breached: deadlines.rowsUpdated, rowsTouched: deadlines.rowsUpdated }
            : { warned: deadlines.rowsUpdated, breached: 0, rowsTouched: deadlines.rowsUpdated },
        due,
        statements: statements.length,
        statementText: statements,
        timings,
        deadlines,
        counters,
      };
    };
    const variants = {
      breach: [] as Pass[],
      warn: [] as Pass[],
      idle: [] as Pass[],
      byHand: [] as Pass[],
      byHandWarn: [] as Pass[],
    };
    let plans: Record<string, Record<string, string>> = {};
    for (let i = 0; i < o.iterations; i += 1) {
      const order = ['breach', 'warn', 'byHand', 'byHandWarn'] as const;
      for (const variant of order) {
        const k = (i * order.length + order.indexOf(variant)) * o.due;
        const ids = JSON.stringify(picked.slice(k, k + o.due));
        await runner.query(
          variant === 'breach' || variant === 'byHand'
            ? `UPDATE complaint_deadlines SET due_at = $1::timestamptz - interval '1 minute',
                 warn_at = $1::timestamptz - interval '61 minutes', warned_at = $1::timestamptz - interval '61 minutes'
                WHERE id::text IN (SELECT value FROM json_array_elements_text($2::json))`
            : `UPDATE complaint_deadlines SET warn_at = $1::timestamptz - interval '1 minute',
                 due_at = $1::timestamptz + interval '59 minutes'
                WHERE id::text IN (SELECT value FROM json_array_elements_text($2::json))`,
          [T.toISOString(), ids],
        );
        const due = await countDue();
        if (i === 0 && (variant === 'breach' || variant === 'warn'))
          plans = { ...plans, [variant]: await explainClaims() };
        const p =
          variant === 'byHand'
            ? await handPass(due, byHandSql)
            : variant === 'byHandWarn'
              ? await handPass(due, byHandWarnSql)
              : await pass(due);
        variants[variant].push(p);
        if (variant === 'breach' || variant === 'warn') variants.idle.push(await pass(await countDue()));
        log(
          `  ${String(i + 1).padStart(2)} ${variant.padEnd(6)} due ${due.breach}/${due.warn} → ${p.ms.toFixed(1).padStart(7)} ms, warned ${p.report.warned}, breached ${p.report.breached}, claimed ${p.report.rowsTouched}; ${p.statements} statements; clocks: ${p.deadlines.indexEntriesRead} index entries, ${p.deadlines.seqScans} seq scans, ${p.deadlines.rowsUpdated} updated (load ${os.loadavg()[0]?.toFixed(1)})`,
        );
      }
    }

    const summary = Object.fromEntries(
      Object.entries(variants).map(([name, passes]) => {
        const last = passes[passes.length - 1];
        return [
          name,
          {
            ms: percentiles(passes.map((p) => p.ms)),
            due: last?.due,
            claimed: percentiles(passes.map((p) => p.report.rowsTouched)).p50,
            statements: percentiles(passes.map((p) => p.statements)).p50,
            deadlineIndexEntriesRead: percentiles(passes.map((p) => p.deadlines.indexEntriesRead)).p50,
            /** Entries the claims read from the sweep's partial indexes (the due-time ones): ≈ rows due. */
            claimIndexEntriesRead: percentiles(
              passes.map(
                (p) =>
                  (p.deadlines.byIndex.deadlines_breach_due_idx ?? 0) +
                  (p.deadlines.byIndex.deadlines_warn_due_idx ?? 0),
              ),
            ).p50,
            deadlineSeqScans: Math.max(...passes.map((p) => p.deadlines.seqScans)),
            deadlineRowsUpdated: percentiles(passes.map((p) => p.deadlines.rowsUpdated)).p50,
            lastPass: last && { ...last.deadlines, counters: last.counters },
          },
        ];
      }),
    );
    log(
      '\n  pass        due   p50 ms   max ms   claimed  statements  clock index entries read  seq scans   goal ≤ 50 ms',
    );
    for (const [name, s] of Object.entries(summary))
      log(
        `  ${name.padEnd(10)} ${String(/warn/i.test(name) ? s.due?.warn : s.due?.breach).padStart(5)} ${s.ms.p50.toFixed(1).padStart(8)} ${s.ms.max.toFixed(1).padStart(8)} ${String(s.claimed).padStart(9)} ${String(s.statements).padStart(11)} ${String(s.deadlineIndexEntriesRead).padStart(25)} ${String(s.deadlineSeqScans).padStart(10)}   ${s.ms.p50 <= SWEEP_GOAL_MS ? 'ok' : 'MISS'}`,
      );
    const breakdown = Object.fromEntries(
      Object.entries(variants).map(([name, passes]) => [name, timeByStatement(passes.map((p) => p.timings))]),
    );
    for (const name of ['breach', 'warn', 'byHand', 'byHandWarn'] as const) {
      log(`\n  where a ${name} pass spends its time (p50 per statement, as the client saw it):`);
      for (const row of breakdown[name] ?? [])
        log(`    ${row.ms.toFixed(1).padStart(7)} ms  ${row.statement}  (p50 of ${row.n} passes)`);
    }
    for (const [variant, p] of Object.entries(plans))
      for (const [name, text] of Object.entries(p))
        log(`\n  plan ${variant} ${name}:\n${text.replace(/^/gm, '    ')}`);

    const report = {
      benchmark: 'deadline-sweep',
      startedAt,
      target: describeTarget(o.target),
      measuredOn: describeTarget(target),
      machine,
      loadAverageEnd: os.loadavg().map((x) => Math.round(x * 100) / 100),
      options: { ...o, target: describeTarget(o.target) },
      goal: {
        msPerSweep: SWEEP_GOAL_MS,
        rowsTouched: 'about the rows due',
        source: 'issue 7, Benchmarks item 4',
      },
      clockT: T.toISOString(),
      clocks: {
        total: start.total,
        openBefore: start.open,
        reopened: need,
        open: after?.open,
        pending: after?.pending,
      },
      setupSeconds,
      summary,
      passes: Object.fromEntries(
        Object.entries(variants).map(([k, v]) => [
          k,
          v.map((p) => ({ ...p, statementText: undefined, timings: undefined })),
        ]),
      ),
      plans,
      /** The p50 of each statement of a pass, in the order a pass sends them (node-postgres only). */
      timeByStatement: breakdown,
      /** What one pass sends, by statement (node-postgres only). */
      statementsOfOnePass: Object.fromEntries(
        Object.entries(variants).map(([k, v]) => [
          k,
          summariseStatements(v[v.length - 1]?.statementText ?? []),
        ]),
      ),
    };
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `sweep-${target.driver}-${stamp}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`\n  written ${path.relative(process.cwd(), file)}`);
    return report;
  } finally {
    if (deps) await closeDeps(deps);
    await admin?.close();
    await adminDb?.close();
    if (o.scratch) await dropTarget(target);
  }
};

/**
 * The p50 time of each statement of a pass, by its position in the pass. Passes of one variant send the same
 * statements in the same order, except the first, which also loads the settings cache: only the passes that sent
 * the most common number of statements count (n says how many).
 */
const timeByStatement = (passes: readonly (readonly StatementTiming[])[]) => {
  const byLength = new Map<number, number>();
  for (const p of passes) byLength.set(p.length, (byLength.get(p.length) ?? 0) + 1);
  const [usual] = [...byLength.entries()].sort((x, y) => y[1] - x[1] || y[0] - x[0])[0] ?? [0];
  const same = passes.filter((p) => p.length === usual);
  return Array.from({ length: usual }, (_, i) => ({
    statement: (same[0]?.[i]?.statement ?? '').slice(0, 110),
    ms: percentiles(same.map((p) => p[i]?.ms ?? 0)).p50,
    n: same.length,
  }));
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      pglite: { type: 'string' },
      'open-clocks': { type: 'string', default: '1000000' },
      due: { type: 'string', default: '1000' },
      iterations: { type: 'string', default: '10' },
      'no-scratch': { type: 'boolean', default: false },
    },
  });
  await runSweepBench({
    target: resolveTarget({ databaseUrl: values['database-url'], pglite: values.pglite }),
    openClocks: Number(values['open-clocks']),
    due: Number(values.due),
    iterations: Number(values.iterations),
    scratch: !values['no-scratch'],
  });
};

runIfMain(import.meta.url, main);
