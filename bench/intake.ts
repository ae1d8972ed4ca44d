/**
 * Intake throughput against its physical limit (issue 7, Benchmarks item 1), and the server's memory (item 5):
 *
 *   npm run bench:intake -- [--database-url postgres://…/closeloop_bench | --pglite dir] [--requests 1200]
 *                           [--concurrency 32] [--rounds 4] [--no-scratch]
 *
 * Runs on a scratch copy of the bench database (`<name>_scratch`, dropped afterwards) so the generated data stays
 * as it was. Three ways of registering the same kind of complaint, each at the same concurrency:
 *   http     — POST /api/v1/complaints against `closeloop serve` started as a child process (session cookie and
 *              CSRF header, as the console sends them); its resident memory is sampled idle and under the load;
 *   use-case — openComplaint (→ registerComplaint) called in-process with the application's own dependencies;
 *   by hand  — the rows the use-case wrote, written again by a hand-written SQL transaction (bench/intake/
 *              raw-intake.ts) over the same number of connections: the physical limit.
 * They alternate in rounds so that each sees the same background load (on PGlite the server has the data
 * directory to itself, so its HTTP rounds come first). On PostgreSQL the statements of one intake are recorded
 * at the driver (round trips, and how many are sent while the gapless number's row lock is held) and the CPU of
 * the server process and of the database backends is read from /proc. Writes bench/results/intake-<…>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/api/build-app';
import { closeDeps, type Deps } from '../src/app/deps';
import type { UseCaseContext } from '../src/app/context';
import { openComplaint } from '../src/app/complaints/open-complaint';
import type { IntakeInput } from '../src/app/complaints/register-complaint';
import {
  cloneTarget,
  describeTarget,
  dropTarget,
  executorRunner,
  openTarget,
  resolveTarget,
  type BenchTarget,
} from './lib/bench-target';
import { createBenchDeps, dbTxRunner, pgTxRunner, serverEnvOf, signInContext } from './lib/bench-deps';
import { recordStatements, summariseStatements } from './lib/count-statements';
import { mergeRuns, runClosedLoop, type LoadResult } from './lib/load';
import { describeMachine, formatMachine } from './lib/machine';
import {
  backendCpuBetween,
  postgresBackendCpu,
  sampleEvery,
  startServer,
  type ServerProcess,
} from './lib/server-process';
import { percentiles } from './lib/stats';
import {
  BENCH_PASSWORD,
  findIntakeUser,
  sampleIntakePayloads,
  type IntakePayload,
} from './intake/intake-payloads';
import { loadIntakeTemplates, rowsPerIntake, writeIntakeByHand } from './intake/raw-intake';
import { runIfMain } from './lib/run-if-main';

export type IntakeBenchOptions = {
  readonly target: BenchTarget;
  readonly requests: number;
  readonly concurrency: number;
  /** Connections on each side (the server's DATABASE_POOL_MAX default, 10). */
  readonly poolMax: number;
  /** The three ways alternate in this many rounds (requests split evenly). */
  readonly rounds: number;
  /** Measure on a scratch copy (default) instead of writing into the bench database itself. */
  readonly scratch: boolean;
  readonly keepScratch?: boolean;
};

export type MemoryFigures = {
  /** Resident set size (MiB) after start-up, with nothing to do. */
  readonly idleMiB: number;
  /** Under the intake load: median and highest sample (every 200 ms), and the kernel's peak (VmHWM). */
  readonly loadMedianMiB: number;
  readonly loadMaxMiB: number;
  readonly peakMiB: number;
  /** Ten seconds after the last load. */
  readonly afterMiB: number;
  readonly samples: number;
  readonly jobsInProcess: boolean;
};

/** CPU milliseconds per completed request: the Node process that serves it, and the database's backends. */
type CpuPerRequest = { readonly appMs: number; readonly databaseMs: number | null };
type Way = 'http' | 'useCase' | 'byHand';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const log = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round2 = (x: number) => Math.round(x * 100) / 100;
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const toInput = (p: IntakePayload): IntakeInput => p as unknown as IntakeInput;
const ownCpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const signInOverHttp = async (server: ServerProcess, username: string) => {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('cl_session='));
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  if (!cookie) throw new Error('no session cookie');
  return { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
};

/** The statements of one intake through the use-case and through the HTTP route (in-process, app.inject). */
const recordOneIntake = async (
  deps: Deps,
  ctx: UseCaseContext,
  username: string,
  payloads: readonly IntakePayload[],
) => {
  const [a, b] = payloads;
  if (!a || !b) throw new Error('two payloads needed');
  const useCase = (await recordStatements(() => openComplaint(deps, ctx, toInput(a)))).statements;
  const { app } = await buildApp(deps);
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: BENCH_PASSWORD },
    });
    const cookie = login.cookies.find((c) => c.name === 'cl_session');
    const headers = {
      cookie: `cl_session=${cookie?.value ?? ''}`,
      'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken,
    };
    const { result, statements } = await recordStatements(() =>
      app.inject({ method: 'POST', url: '/api/v1/complaints', headers, payload: b }),
    );
    if (result.statusCode !== 201) throw new Error(`inject: ${result.statusCode} ${result.body}`);
    const counter = useCase.findIndex((s) => /complaint_counters/.test(s));
    const commit = useCase.findIndex((s, i) => i > counter && /^commit/i.test(s));
    return {
      useCase: useCase.length,
      http: statements.length,
      /** Statements sent while the year's number counter row is locked (R-INT-3): every intake waits for them. */
      underNumberLock: counter >= 0 && commit > counter ? commit - counter : null,
      useCaseStatements: useCase,
      httpStatements: statements,
      useCaseSummary: summariseStatements(useCase),
    };
  } finally {
    await app.close();
  }
};

const line = (label: string, r: LoadResult) =>
  log(
    `  ${label.padEnd(30)} ${f1(r.throughput).padStart(7)}/s  p50 ${f1(r.latency.p50).padStart(7)} ms  p99 ${f1(r.latency.p99).padStart(7)} ms  (${r.completed} ok, ${r.errors} errors, ${r.seconds} s, load ${r.loadAverage.join('→')})`,
  );

export const runIntakeBench = async (o: IntakeBenchOptions) => {
  const machine = describeMachine();
  const startedAt = new Date().toISOString();
  log(`Closeloop intake benchmark on ${describeTarget(o.target)}${o.scratch ? ' (scratch copy)' : ''}`);
  log(`machine: ${formatMachine(machine)}`);
  const t0 = performance.now();
  const target = o.scratch ? await cloneTarget(o.target) : o.target;
  if (o.scratch)
    log(`  scratch copy ${describeTarget(target)} made in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const warmup = Math.min(100, Math.max(10, Math.round(o.requests / 10)));
  const perRound = Math.ceil(o.requests / o.rounds);
  const dbCpu = (): Map<number, number> | null =>
    target.driver === 'postgres' ? postgresBackendCpu(target.database) : null;
  const results: Record<Way, { runs: LoadResult[]; latencies: number[]; cpu: CpuPerRequest[] }> = {
    http: { runs: [], latencies: [], cpu: [] },
    useCase: { runs: [], latencies: [], cpu: [] },
    byHand: { runs: [], latencies: [], cpu: [] },
  };
  /** One measured run of one way, with the CPU it cost (app = `appCpu`, database = backends on this database). */
  const measure = async (
    way: Way,
    count: number,
    task: (i: number) => Promise<void>,
    appCpu: () => number,
  ) => {
    const before = { app: appCpu(), db: dbCpu() };
    const run = await runClosedLoop(count, o.concurrency, task, results[way].latencies);
    const after = { app: appCpu(), db: dbCpu() };
    const per = (s: number) => round2((s * 1000) / Math.max(1, run.completed));
    results[way].runs.push(run);
    results[way].cpu.push({
      appMs: per(after.app - before.app),
      databaseMs:
        before.db === null || after.db === null ? null : per(backendCpuBetween(before.db, after.db)),
    });
    return run;
  };

  let server: ServerProcess | undefined;
  let deps: Deps | undefined;
  try {
    const db = await openTarget(target, 1);
    const runner = executorRunner(db.reader());
    const username = await findIntakeUser(runner);
    const seed = Date.now() % 1_000_000;
    const all = await sampleIntakePayloads(runner, 2 * (warmup + o.requests) + 2, seed);
    const [info] = await runner.query<Record<string, unknown>>(`SELECT version() AS version,
      current_setting('shared_buffers') AS shared_buffers, current_setting('synchronous_commit') AS synchronous_commit,
      current_setting('fsync') AS fsync, current_setting('max_connections') AS max_connections,
      (SELECT count(*)::int FROM complaints) AS complaints`);
    await db.close();
    const httpPayloads = all.slice(0, warmup + o.requests);
    const useCasePayloads = all.slice(warmup + o.requests, 2 * (warmup + o.requests));
    const recordPayloads = all.slice(2 * (warmup + o.requests));
    log(
      `  ${String(info?.complaints)} complaints; ${o.requests} requests per way in ${o.rounds} rounds after ${warmup} warm-up, concurrency ${o.concurrency}, ${target.driver === 'postgres' ? `${o.poolMax} connections` : 'one embedded connection'}; user ${username}`,
    );

    // The server, idle, then warmed up.
    const jobsInProcess = target.driver === 'pglite';
    const started = performance.now();
    server = await startServer({
      ...serverEnvOf(target),
      DATABASE_POOL_MAX: String(o.poolMax),
      // PostgreSQL: jobs in a separate `closeloop worker`, as in production; PGlite runs them in the server.
      JOBS_IN_PROCESS: String(jobsInProcess),
    });
    const srv = server;
    const startSeconds = round2((performance.now() - started) / 1000);
    await sleep(3000);
    const idle = sampleEvery(200, () => srv.rss().rssMiB);
    await sleep(2000);
    const idleMiB = percentiles(idle.stop()).p50;
    log(`  server pid ${srv.pid} ready in ${startSeconds} s, idle RSS ${idleMiB} MiB`);
    const headers = await signInOverHttp(srv, username);
    const post = async (i: number) => {
      const res = await fetch(`${srv.url}/api/v1/complaints`, {
        method: 'POST',
        headers,
        body: JSON.stringify(httpPayloads[i % httpPayloads.length]),
      });
      const text = await res.text();
      if (res.status !== 201) throw new Error(`${res.status} ${text.slice(0, 300)}`);
    };
    await runClosedLoop(warmup, o.concurrency, post);
    const underLoad: number[] = [];
    const httpRound = async (r: number) => {
      const sampler = sampleEvery(200, () => srv.rss().rssMiB);
      const run = await measure('http', perRound, (i) => post(warmup + r * perRound + i), srv.cpuSeconds);
      underLoad.push(...sampler.stop());
      return run;
    };
    const stopServer = async () => {
      const peakMiB = srv.rss().hwmMiB;
      await sleep(10_000);
      const afterMiB = srv.rss().rssMiB;
      await srv.stop();
      server = undefined;
      return { peakMiB, afterMiB };
    };
    let memoryEnd: { peakMiB: number; afterMiB: number } | undefined;
    if (target.driver === 'pglite') {
      // One process per PGlite directory: the server's rounds first, then the in-process ones.
      for (let r = 0; r < o.rounds; r += 1) await httpRound(r);
      memoryEnd = await stopServer();
    }

    deps = await createBenchDeps(target, { DATABASE_POOL_MAX: String(o.poolMax) });
    const appDeps = deps;
    const ctx = await signInContext(appDeps, username, BENCH_PASSWORD);
    const ids: string[] = [];
    const callUseCase = async (i: number) => {
      const p = useCasePayloads[i % useCasePayloads.length];
      if (!p) return;
      const r = await openComplaint(appDeps, { ...ctx, requestId: `bench-intake-${i}` }, toInput(p));
      ids.push(r.complaint.id);
    };
    await runClosedLoop(warmup, o.concurrency, callUseCase);
    const statements =
      target.driver === 'postgres'
        ? await recordOneIntake(appDeps, ctx, username, recordPayloads)
        : undefined;
    // The physical limit writes again the very rows the warm-up's intakes wrote.
    const templates = await loadIntakeTemplates(executorRunner(appDeps.db.reader()), ids);
    const tx = target.driver === 'postgres' ? pgTxRunner(target.url, o.poolMax) : dbTxRunner(appDeps.db);
    try {
      const writeByHand = (i: number) =>
        tx.run(async (q) => {
          const t = templates[i % templates.length];
          if (t) await writeIntakeByHand(q, t, `bench-raw-${i}`);
        });
      await runClosedLoop(warmup, o.concurrency, writeByHand);
      for (let r = 0; r < o.rounds; r += 1) {
        const base = warmup + r * perRound;
        const http = target.driver === 'postgres' ? await httpRound(r) : results.http.runs[r];
        const useCase = await measure('useCase', perRound, (i) => callUseCase(base + i), ownCpuSeconds);
        const byHand = await measure('byHand', perRound, (i) => writeByHand(base + i), ownCpuSeconds);
        log(
          `  round ${r + 1}: http ${f1(http?.throughput ?? Number.NaN)}/s, use-case ${f1(useCase.throughput)}/s, by hand ${f1(byHand.throughput)}/s, ratio ${(useCase.throughput / byHand.throughput).toFixed(2)} (load ${(http ?? useCase).loadAverage[0]}→${byHand.loadAverage[1]})`,
        );
      }
    } finally {
      await tx.close();
    }
    memoryEnd ??= await stopServer();

    const merged = (way: Way) => mergeRuns(results[way].runs, results[way].latencies);
    const meanCpu = (way: Way): CpuPerRequest => {
      const xs = results[way].cpu;
      const avg = (ys: (number | null)[]) =>
        ys.some((y) => y === null)
          ? null
          : round2((ys as number[]).reduce((a, b) => a + b, 0) / Math.max(1, ys.length));
      return { appMs: avg(xs.map((x) => x.appMs)) ?? 0, databaseMs: avg(xs.map((x) => x.databaseMs)) };
    };
    const http = merged('http');
    const useCase = merged('useCase');
    const byHand = merged('byHand');
    const cpu = { http: meanCpu('http'), useCase: meanCpu('useCase'), byHand: meanCpu('byHand') };
    const memory: MemoryFigures = {
      idleMiB,
      loadMedianMiB: percentiles(underLoad).p50,
      loadMaxMiB: Math.max(...underLoad),
      peakMiB: memoryEnd.peakMiB,
      afterMiB: memoryEnd.afterMiB,
      samples: underLoad.length,
      jobsInProcess,
    };
    const ratio = round2(useCase.throughput / byHand.throughput);
    const httpRatio = round2(http.throughput / byHand.throughput);
    const rows = rowsPerIntake(templates);
    line('http POST /api/v1/complaints', http);
    line('use-case openComplaint', useCase);
    line('by hand (same rows)', byHand);
    log(
      `  ratio use-case / by hand ${ratio}, http / by hand ${httpRatio} (goal ≥ 0.5 on PostgreSQL); per round ${results.useCase.runs.map((r, i) => (r.throughput / (results.byHand.runs[i]?.throughput ?? Number.NaN)).toFixed(2)).join(' ')}`,
    );
    log(
      `  CPU ms per intake (app / database): http ${cpu.http.appMs} / ${cpu.http.databaseMs ?? '—'}, use-case ${cpu.useCase.appMs} / ${cpu.useCase.databaseMs ?? '—'}, by hand ${cpu.byHand.appMs} / ${cpu.byHand.databaseMs ?? '—'}`,
    );
    log(
      `  memory (RSS, MiB): idle ${memory.idleMiB}, under load median ${memory.loadMedianMiB} / max ${memory.loadMaxMiB} (peak ${memory.peakMiB}), 10 s after ${memory.afterMiB}${jobsInProcess ? ' (jobs in process)' : ''}`,
    );
    log(`  rows per intake: ${JSON.stringify(rows)}`);
    if (statements)
      log(
        `  statements per intake: use-case ${statements.useCase}, http ${statements.http}; ${statements.underNumberLock ?? '?'} sent while the number counter is locked`,
      );

    const report = {
      benchmark: 'intake',
      startedAt,
      target: describeTarget(o.target),
      measuredOn: describeTarget(target),
      machine,
      loadAverageEnd: os.loadavg().map(round2),
      database: info,
      options: { ...o, target: describeTarget(o.target), warmup, payloadSeed: seed },
      goal: { ratio: 0.5, source: 'issue 7, Benchmarks item 1 (PostgreSQL)' },
      http: { ...http, serverStartSeconds: startSeconds },
      useCase,
      byHand,
      ratio,
      httpRatio,
      ratioPerRound: results.useCase.runs.map((r, i) =>
        round2(r.throughput / (results.byHand.runs[i]?.throughput ?? Number.NaN)),
      ),
      rounds: { http: results.http.runs, useCase: results.useCase.runs, byHand: results.byHand.runs },
      cpuMsPerIntake: cpu,
      memory,
      rowsPerIntake: rows,
      statements,
    };
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `intake-${target.driver}-${stamp}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`  written ${path.relative(process.cwd(), file)}`);
    return report;
  } finally {
    await server?.stop();
    if (deps) await closeDeps(deps);
    if (o.scratch && !o.keepScratch) await dropTarget(target);
  }
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      pglite: { type: 'string' },
      requests: { type: 'string', default: '1200' },
      concurrency: { type: 'string', default: '32' },
      'pool-max': { type: 'string', default: '10' },
      rounds: { type: 'string', default: '4' },
      'no-scratch': { type: 'boolean', default: false },
      'keep-scratch': { type: 'boolean', default: false },
    },
  });
  await runIntakeBench({
    target: resolveTarget({ databaseUrl: values['database-url'], pglite: values.pglite }),
    requests: Number(values.requests),
    concurrency: Number(values.concurrency),
    poolMax: Number(values['pool-max']),
    rounds: Number(values.rounds),
    scratch: !values['no-scratch'],
    keepScratch: values['keep-scratch'],
  });
};

runIfMain(import.meta.url, main);
