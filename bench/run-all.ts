/**
 * `npm run bench`: every benchmark of issue 7, each beside its physical limit measured in the same run, printed as
 * one table and written to bench/results/summary-<timestamp>.json with the machine and the database settings.
 *
 *   npm run bench -- [--skip-data] [--keep] [--database-url …] [--complaints 1000000] [--seed 42] [--now 2026-11-24]
 *                    [--pglite-too .tmp/bench-pglite | --no-pglite] [--iterations 300] [--intake-requests 1200]
 *
 * 1. Data (unless --skip-data): 1 M complaints into PostgreSQL (closeloop_bench) and 100 k into PGlite.
 * 2. The work queue on the bench database itself (read-only).
 * 3. A scratch copy of it (`closeloop_bench_scratch`): intake and memory, portal tracking, then the deadline sweep
 *    (which reopens a million clocks); the copy is dropped afterwards.
 * 4. The same intake and memory figures, and the portal, on a scratch copy of the PGlite directory.
 * --skip-data measures databases generated earlier and never drops them; otherwise the generated ones are dropped
 * at the end unless --keep. With --pglite as the main target everything runs on PGlite (no second database).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateData } from './generate-data';
import { runIntakeBench } from './intake';
import {
  cloneTarget,
  describeTarget,
  dropTarget,
  executorRunner,
  inspectTarget,
  openTarget,
  resolveTarget,
  type BenchTarget,
} from './lib/bench-target';
import { describeMachine, formatMachine } from './lib/machine';
import { bareNodeRssMiB } from './lib/server-process';
import { runPortalBench } from './portal';
import { runQueueBench } from './queue';
import { runSweepBench } from './sweep';
import { runIfMain } from './lib/run-if-main';

type Figure = {
  readonly figure: string;
  readonly goal: string;
  readonly measured: string;
  readonly limit: string;
  /** measured ÷ limit (× for latencies and memory, share for throughput). */
  readonly ratio: string;
  readonly verdict: 'pass' | 'miss' | '—';
  readonly load: string;
  readonly source: string;
};

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const log = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const ms = (x: number) => `${x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)} ms`;
const times = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(a / b >= 10 ? 0 : 1)}×` : '—');
const load1 = () => (os.loadavg()[0] ?? 0).toFixed(1);
const verdict = (ok: boolean): Figure['verdict'] => (ok ? 'pass' : 'miss');
const executionMs = (plan: string | undefined) =>
  Number(/Execution Time: ([\d.]+) ms/.exec(plan ?? '')?.[1] ?? NaN);

const postgresSettings = async (t: BenchTarget) => {
  const db = await openTarget(t, 1);
  try {
    const [row] = await executorRunner(db.reader()).query<
      Record<string, unknown>
    >(`SELECT version() AS version,
      current_setting('shared_buffers') AS shared_buffers, current_setting('work_mem') AS work_mem,
      current_setting('effective_cache_size') AS effective_cache_size, current_setting('random_page_cost') AS random_page_cost,
      current_setting('synchronous_commit') AS synchronous_commit, current_setting('fsync') AS fsync,
      current_setting('max_connections') AS max_connections, current_setting('jit') AS jit,
      current_setting('max_parallel_workers_per_gather') AS max_parallel_workers_per_gather,
      pg_size_pretty(pg_database_size(current_database())) AS database_size`);
    return row ?? {};
  } finally {
    await db.close();
  }
};

const printTable = (figures: readonly Figure[]) => {
  const cols: (keyof Figure)[] = ['figure', 'goal', 'measured', 'limit', 'ratio', 'verdict', 'load'];
  const width = cols.map((c) => Math.max(c.length, ...figures.map((f) => [...f[c]].length)));
  const row = (cells: string[]) =>
    `  ${cells.map((c, i) => c + ' '.repeat(Math.max(0, (width[i] ?? 0) - [...c].length))).join('  ')}`;
  log(row(cols.map(String)));
  log(row(width.map((w) => '─'.repeat(w))));
  for (const f of figures) log(row(cols.map((c) => f[c])));
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      complaints: { type: 'string' },
      seed: { type: 'string', default: '42' },
      now: { type: 'string' },
      'database-url': { type: 'string' },
      pglite: { type: 'string' },
      'pglite-too': { type: 'string', default: '.tmp/bench-pglite' },
      'no-pglite': { type: 'boolean', default: false },
      iterations: { type: 'string', default: '300' },
      'intake-requests': { type: 'string', default: '1200' },
      'sweep-iterations': { type: 'string', default: '10' },
      keep: { type: 'boolean', default: false },
      'skip-data': { type: 'boolean', default: false },
    },
  });
  const started = new Date();
  const machine = describeMachine();
  const primary = resolveTarget({ databaseUrl: values['database-url'], pglite: values.pglite });
  const second =
    primary.driver === 'postgres' && !values['no-pglite']
      ? resolveTarget({ pglite: values['pglite-too'] })
      : undefined;
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  const now = values.now ? new Date(values.now) : today;
  const generated: BenchTarget[] = [];
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  log(`Closeloop benchmarks (issue 7) — ${formatMachine(machine)}`);

  const generate = async (t: BenchTarget, complaints: number) => {
    const report = await generateData({
      target: t,
      complaints,
      customers: Math.max(1000, Math.round(complaints / 5)),
      products: 2000,
      seed: Number(values.seed),
      now,
      jobs: t.driver === 'pglite' ? 1 : Math.max(1, Math.min(4, os.cpus().length)),
      batchSize: 20_000,
      reuse: false,
    });
    generated.push(t);
    return report;
  };

  try {
    if (!values['skip-data']) {
      const complaints = Number(values.complaints ?? (primary.driver === 'pglite' ? 100_000 : 1_000_000));
      const load = load1();
      const report = await generate(primary, complaints);
      details.data = report;
      figures.push({
        figure: `data: ${complaints.toLocaleString('en')} complaints + clocks`,
        goal: primary.driver === 'postgres' ? '≤ 15 min' : '—',
        measured: `${(report.seconds / 60).toFixed(1)} min`,
        limit: '—',
        ratio: '—',
        verdict: primary.driver === 'postgres' ? verdict(report.seconds <= 900) : '—',
        load: `${load}→${load1()}`,
        source: 'bench/generate-data.ts',
      });
      if (second) details.dataPglite = await generate(second, 100_000);
    } else if ((await inspectTarget(primary)) !== 'ours') {
      throw new Error(`--skip-data: ${describeTarget(primary)} was not generated by the bench`);
    }
    const settings = primary.driver === 'postgres' ? await postgresSettings(primary) : {};
    const nodeFloor = await bareNodeRssMiB();

    // 2. The work queue, on the generated data itself (it only reads).
    log('');
    const queue = await runQueueBench({
      target: primary,
      iterations: Number(values.iterations),
      warmup: 20,
      pageSize: 50,
    });
    details.queue = { file: 'queue-*.json', startedAt: queue.startedAt };
    const pk = queue.floor[1]?.server.p99 ?? Number.NaN;
    const core = queue.results.filter(
      (r) => r.statement === 'list' && queue.cases.find((c) => c.id === r.id)?.core,
    );
    const worst = core.reduce((a, b) => (b.server.p99 > a.server.p99 ? b : a));
    const counts = queue.results.filter((r) => r.statement === 'counts');
    const worstCount = counts.reduce((a, b) => (b.server.p99 > a.server.p99 ? b : a));
    const queueLoad = queue.machine.loadAverage[0]?.toFixed(1) ?? '';
    figures.push(
      {
        figure: `work queue: 5 named lists, worst p99 (${worst.id})`,
        goal: '≤ 20 ms',
        measured: ms(worst.server.p99),
        limit: `PK ${ms(pk)}`,
        ratio: times(worst.server.p99, pk),
        verdict: verdict(worst.server.p99 <= 20),
        load: queueLoad,
        source: 'bench/queue.ts (server time, EXPLAIN ANALYZE)',
      },
      {
        figure: `work queue: counts, worst p99 (${worstCount.id})`,
        goal: '≤ 20 ms',
        measured: ms(worstCount.server.p99),
        limit: `PK ${ms(pk)}`,
        ratio: times(worstCount.server.p99, pk),
        verdict: verdict(worstCount.server.p99 <= 20),
        load: queueLoad,
        source: 'bench/queue.ts',
      },
    );

    // 3. Everything that writes, on one scratch copy; the sweep last (it reopens a million clocks).
    const runWriters = async (source: BenchTarget, label: string, withSweep: boolean) => {
      log('');
      const scratch = await cloneTarget(source);
      try {
        const intake = await runIntakeBench({
          target: scratch,
          requests: Number(values['intake-requests']),
          concurrency: 32,
          poolMax: 10,
          rounds: 4,
          scratch: false,
        });
        const l = (r: { loadAverage: readonly number[] }) => r.loadAverage.map((x) => x.toFixed(1)).join('→');
        figures.push(
          {
            figure: `intake ${label}: use-case, 32 concurrent`,
            goal: source.driver === 'postgres' ? '≥ 0.5 of limit' : '—',
            measured: `${intake.useCase.throughput.toFixed(1)}/s (p99 ${ms(intake.useCase.latency.p99)})`,
            limit: `by hand ${intake.byHand.throughput.toFixed(1)}/s`,
            ratio: intake.ratio.toFixed(2),
            verdict: source.driver === 'postgres' ? verdict(intake.ratio >= 0.5) : '—',
            load: l(intake.useCase),
            source: 'bench/intake.ts',
          },
          {
            figure: `intake ${label}: HTTP POST, 32 concurrent`,
            goal: '—',
            measured: `${intake.http.throughput.toFixed(1)}/s (p99 ${ms(intake.http.latency.p99)})`,
            limit: `by hand ${intake.byHand.throughput.toFixed(1)}/s`,
            ratio: intake.httpRatio.toFixed(2),
            verdict: '—',
            load: l(intake.http),
            source: 'bench/intake.ts',
          },
          {
            figure: `memory ${label}: server RSS idle`,
            goal: '—',
            measured: `${intake.memory.idleMiB} MiB`,
            limit: `bare node ${nodeFloor} MiB`,
            ratio: times(intake.memory.idleMiB, nodeFloor),
            verdict: '—',
            load: l(intake.http),
            source: 'bench/intake.ts (/proc VmRSS)',
          },
          {
            figure: `memory ${label}: server RSS under intake load`,
            goal: '—',
            measured: `${intake.memory.loadMedianMiB} MiB (peak ${intake.memory.peakMiB})`,
            limit: `bare node ${nodeFloor} MiB`,
            ratio: times(intake.memory.loadMedianMiB, nodeFloor),
            verdict: '—',
            load: l(intake.http),
            source: 'bench/intake.ts (/proc VmRSS)',
          },
        );
        const portal = await runPortalBench({ target: scratch, iterations: 500, warmup: 30, scratch: false });
        const find = (label2: string) => portal.results.find((r) => r.label === label2);
        const pkLookup = find('floor: primary-key lookup (findById)');
        for (const [name, key] of [
          ['number + last 4', 'by number + last 4 digits, use-case'],
          ['token', 'by token, use-case'],
        ] as const) {
          const r = find(key);
          if (!r || !pkLookup) continue;
          figures.push({
            figure: `portal ${label}: track by ${name}, p99`,
            goal: '≤ 10 ms',
            measured: `${ms(r.p99)} (p50 ${ms(r.p50)})`,
            limit: `PK ${ms(pkLookup.p99)}`,
            ratio: times(r.p99, pkLookup.p99),
            verdict: verdict(r.p99 <= 10),
            load: portal.loadAverageEnd[0]?.toFixed(1) ?? '',
            source: 'bench/portal.ts (use-case, one at a time)',
          });
        }
        details[`intake ${label}`] = { startedAt: intake.startedAt };
        if (withSweep) {
          const sweep = await runSweepBench({
            target: scratch,
            openClocks: 1_000_000,
            due: 1000,
            iterations: Number(values['sweep-iterations']),
            scratch: false,
          });
          for (const variant of ['breach', 'warn', 'idle'] as const) {
            const s = sweep.summary[variant];
            if (!s) continue;
            const claim = executionMs(
              sweep.plans[variant === 'idle' ? 'breach' : variant]?.[
                variant === 'warn' ? 'claimWarnings' : 'claimBreached'
              ],
            );
            const hand = (variant === 'warn' ? sweep.summary.byHandWarn : sweep.summary.byHand)?.ms.p50;
            const due =
              variant === 'warn' ? (s.due?.warn ?? 0) : variant === 'idle' ? 0 : (s.due?.breach ?? 0);
            figures.push({
              figure: `sweep ${label}: ${variant === 'idle' ? 'nothing due' : `${due} ${variant === 'breach' ? 'breaches' : 'warnings'}`} among ${(sweep.clocks.open ?? 0).toLocaleString('en')} open clocks`,
              goal: '≤ 50 ms',
              measured: `${ms(s.ms.p50)} (max ${ms(s.ms.max)})`,
              limit: variant === 'idle' || !hand ? `claim ${ms(claim)}` : `by hand ${ms(hand)}`,
              ratio: variant === 'idle' ? '—' : times(s.ms.p50, hand ?? claim),
              verdict: verdict(s.ms.p50 <= 50),
              load: sweep.loadAverageEnd[0]?.toFixed(1) ?? '',
              source: 'bench/sweep.ts',
            });
            if (variant !== 'idle')
              figures.push({
                figure: `sweep ${label}: ${variant} rows touched (due-index entries read / due)`,
                goal: '≈ rows due, no scan',
                measured: `${s.claimIndexEntriesRead} read, ${s.deadlineSeqScans} seq scans (${s.deadlineIndexEntriesRead} clock entries in all)`,
                limit: `${due} due`,
                ratio: times(s.claimIndexEntriesRead, due),
                // Beyond the due rows a claim steps over index entries of clocks earlier passes changed (dead
                // versions until VACUUM or until a scan marks them): up to about 1.5× here.
                verdict: verdict(s.deadlineSeqScans === 0 && s.claimIndexEntriesRead <= 2 * due),
                load: sweep.loadAverageEnd[0]?.toFixed(1) ?? '',
                source: 'bench/sweep.ts (pg_stat_user_indexes)',
              });
          }
        }
      } finally {
        await dropTarget(scratch);
      }
    };
    await runWriters(
      primary,
      primary.driver === 'postgres' ? 'PostgreSQL' : 'PGlite',
      primary.driver === 'postgres',
    );
    if (second) {
      if ((await inspectTarget(second)) === 'ours') await runWriters(second, 'PGlite', false);
      else log(`\n${describeTarget(second)} not generated: PGlite figures skipped (run without --skip-data)`);
    }

    log('\nSummary (ratio = measured ÷ limit; load = 1-minute load average of this 2-core machine)');
    printTable(figures);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `summary-${stamp}.json`);
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          benchmark: 'summary',
          startedAt: started.toISOString(),
          finishedAt: new Date().toISOString(),
          machine,
          loadAverageEnd: os.loadavg(),
          postgresSettings: settings,
          targets: [describeTarget(primary), ...(second ? [describeTarget(second)] : [])],
          figures,
          details,
        },
        null,
        2,
      )}\n`,
    );
    log(
      `\nwritten ${path.relative(process.cwd(), file)} (details in the other bench/results files of this run)`,
    );
  } finally {
    if (!values.keep)
      for (const t of generated)
        if (await dropTarget(t)) log(`dropped ${describeTarget(t)} (--keep to keep it)`);
  }
};

runIfMain(import.meta.url, main);
