/**
 * Portal tracking look-ups at scale (issue 7, Benchmarks item 3): goal p99 ≤ 10 ms at 1 M complaints.
 *
 *   npm run bench:portal -- [--database-url postgres://…/closeloop_bench | --pglite dir] [--iterations 500]
 *                           [--no-scratch]
 *
 * A customer tracks a complaint by its number and the last 4 digits of the phone, or by the token from the
 * receipt. Measured server-side, one request at a time, interleaved with the database's floor in the same run:
 *   use-case — trackPortalComplaint (rate-limit hits, the look-up, the handler's masked name) in-process;
 *   inject   — GET /api/v1/portal/complaints/track through the Fastify app (app.inject: routing, the zod query
 *              schema, the presenter and serialisation; no socket);
 *   floor    — SELECT 1 and complaintRepo.findById (primary key) through the same connection pool.
 * Only hashes of tracking tokens are stored, so tokens are set for a sample of complaints first — which is why
 * this runs on a scratch copy of the bench database by default. Each request comes from its own address and
 * every number is looked up at most a few times, so no rate limit is reached (the hits are counted, as in
 * production). The SQL of both look-ups is replayed under EXPLAIN (ANALYZE, BUFFERS). Writes
 * bench/results/portal-<timestamp>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/api/build-app';
import { closeDeps } from '../src/app/deps';
import { hitRateLimit } from '../src/app/platform/hit-rate-limit';
import { trackPortalComplaint, type PortalKey } from '../src/app/portal/portal-complaint';
import { randomToken, sha256Hex } from '../src/app/secrets';
import { complaintRepo } from '../src/db/repos/complaint.repo';
import { userRepo } from '../src/db/repos/user.repo';
import { normaliseCustomerPhone } from '../src/domain/reference/normalise-customer-phone';
import {
  cloneTarget,
  describeTarget,
  dropTarget,
  executorRunner,
  resolveTarget,
  type BenchTarget,
} from './lib/bench-target';
import { createBenchDeps } from './lib/bench-deps';
import { recordStatements, summariseStatements } from './lib/count-statements';
import type { CapturedQuery } from './lib/capture-sql';
import { describeMachine, formatMachine } from './lib/machine';
import { percentiles, type Percentiles } from './lib/stats';
import { captureOnce, explain } from './queue/measure';
import { runIfMain } from './lib/run-if-main';

export type PortalBenchOptions = {
  readonly target: BenchTarget;
  readonly iterations: number;
  readonly warmup: number;
  readonly scratch: boolean;
};

export const PORTAL_GOAL_P99_MS = 10;
const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const log = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

type Sample = { id: string; number: string; last4: string; token: string };

/** Complaints with a phone, a repeatable sample; each gets a known tracking token (only its hash is stored). */
const prepareSample = async (runner: ReturnType<typeof executorRunner>, count: number): Promise<Sample[]> => {
  const [size] = await runner.query<{ n: number }>(
    `SELECT greatest(reltuples, 1)::float8 AS n FROM pg_class WHERE relname = 'complaints'`,
  );
  const percent = Math.min(100, Math.max(0.1, ((count * 2) / Number(size?.n ?? 1)) * 100));
  const rows = await runner.query<{ id: string; number: string; phone: string }>(
    `SELECT id::text AS id, number, customer_phone AS phone FROM complaints TABLESAMPLE SYSTEM (${percent.toFixed(3)}) REPEATABLE (7)
      WHERE customer_phone IS NOT NULL LIMIT ${count}`,
  );
  const sample = rows
    .map((r) => ({
      id: r.id,
      number: r.number,
      last4: (normaliseCustomerPhone(r.phone) ?? '').slice(-4),
      token: randomToken(24),
    }))
    .filter((s) => s.last4.length === 4);
  await runner.query(
    `UPDATE complaints c SET tracking_token_hash = s.hash
       FROM json_to_recordset($1::json) AS s(id uuid, hash text) WHERE c.id = s.id`,
    [JSON.stringify(sample.map((s) => ({ id: s.id, hash: sha256Hex(s.token) })))],
  );
  await runner.query('ANALYZE complaints');
  return sample;
};

type Series = { label: string; ms: number[] };
const timed = async (s: Series, record: boolean, fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  if (record) s.ms.push(performance.now() - t0);
};

export const runPortalBench = async (o: PortalBenchOptions) => {
  const machine = describeMachine();
  const startedAt = new Date().toISOString();
  log(
    `Closeloop portal tracking benchmark on ${describeTarget(o.target)}${o.scratch ? ' (scratch copy)' : ''}`,
  );
  log(`machine: ${formatMachine(machine)}`);
  const target = o.scratch ? await cloneTarget(o.target) : o.target;
  try {
    // One connection, like the queue benchmark: the figure is the look-up's own latency, not pool queueing.
    const deps = await createBenchDeps(target, { DATABASE_POOL_MAX: '1' });
    const { app } = await buildApp(deps);
    try {
      const runner = executorRunner(deps.db.reader());
      const perRound = 4;
      const sample = await prepareSample(runner, (o.warmup + o.iterations) * perRound + 10);
      const [info] = await runner.query<Record<string, unknown>>(`SELECT version() AS version,
        current_setting('shared_buffers') AS shared_buffers, current_setting('synchronous_commit') AS synchronous_commit,
        (SELECT count(*)::int FROM complaints) AS complaints, pg_size_pretty(pg_total_relation_size('complaints')) AS complaints_size`);
      log(
        `  ${String(info?.complaints)} complaints (${String(info?.complaints_size)}); ${sample.length} sampled with known tokens; ${o.warmup} warm-up + ${o.iterations} measured rounds`,
      );
      const series = {
        select1: { label: 'floor: SELECT 1', ms: [] as number[] },
        pk: { label: 'floor: primary-key lookup (findById)', ms: [] as number[] },
        numberUseCase: { label: 'by number + last 4 digits, use-case', ms: [] as number[] },
        tokenUseCase: { label: 'by token, use-case', ms: [] as number[] },
        numberInject: { label: 'by number + last 4 digits, HTTP (inject)', ms: [] as number[] },
        tokenInject: { label: 'by token, HTTP (inject)', ms: [] as number[] },
        // The parts: one rate-limit hit (its own committed transaction; a number look-up makes two) and the look-up.
        rateLimit: { label: 'part: one rate-limit hit (own transaction)', ms: [] as number[] },
        lookup: { label: 'part: findByNumber alone', ms: [] as number[] },
        // What a number look-up could cost: both rate-limit hits in one statement of a transaction that does not
        // wait for the WAL flush (a lost hit after a crash is harmless), then the look-up and the handler's name.
        candidate: { label: 'candidate: one rate-limit statement, async commit', ms: [] as number[] },
      };
      let ipSeq = 0;
      const ip = () => {
        ipSeq += 1;
        return `10.${(ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq & 255}`;
      };
      const track = async (key: PortalKey) => {
        const view = await trackPortalComplaint(deps, key, ip());
        if (!view.number) throw new Error('no view');
      };
      const inject = async (query: Record<string, string>) => {
        const res = await app.inject({
          method: 'GET',
          url: '/api/v1/portal/complaints/track',
          query,
          remoteAddress: ip(),
        });
        if (res.statusCode !== 200) throw new Error(`track: ${res.statusCode} ${res.body}`);
      };
      const t0 = performance.now();
      for (let round = 0; round < o.warmup + o.iterations; round += 1) {
        const record = round >= o.warmup;
        const s = (k: number) => sample[(round * perRound + k) % sample.length] as Sample;
        await timed(series.select1, record, () => deps.db.reader().execute(sql`select 1`));
        await timed(series.pk, record, () => complaintRepo.findById(deps.db.reader(), s(0).id));
        await timed(series.numberUseCase, record, () =>
          track({ number: s(0).number, phoneLast4: s(0).last4 }),
        );
        await timed(series.tokenUseCase, record, () => track({ token: s(1).token }));
        await timed(series.numberInject, record, () =>
          inject({ number: s(2).number, phoneLast4: s(2).last4 }),
        );
        await timed(series.tokenInject, record, () => inject({ token: s(3).token }));
        await timed(series.rateLimit, record, () =>
          hitRateLimit(deps, `bench:portal:${ip()}`, 1_000_000, 60),
        );
        await timed(series.lookup, record, () => complaintRepo.findByNumber(deps.db.reader(), s(1).number));
        await timed(series.candidate, record, async () => {
          const window = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
          await deps.db.transaction(async (tx) => {
            const q = executorRunner(tx);
            await q.query(`SET LOCAL synchronous_commit = off`);
            await q.query(
              `INSERT INTO rate_limits (key, window_start, count) VALUES ($1, $3, 1), ($2, $3, 1)
               ON CONFLICT (key) DO UPDATE SET count = CASE WHEN rate_limits.window_start = excluded.window_start
                 THEN rate_limits.count + 1 ELSE 1 END, window_start = excluded.window_start
               RETURNING count`,
              [`bench:candidate:ip:${ip()}`, `bench:candidate:number:${s(1).number}`, window],
            );
          });
          const c = await complaintRepo.findByNumber(deps.db.reader(), s(1).number);
          if (c?.assigneeId) await userRepo.findById(deps.db.reader(), c.assigneeId);
        });
      }
      log(`  measured in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

      // The look-ups' own SQL, as the repository builds it, under EXPLAIN (ANALYZE, BUFFERS).
      const one = sample[0] as Sample;
      const byNumber: CapturedQuery = await captureOnce(deps.db.reader(), (e) =>
        complaintRepo.findByNumber(e, one.number),
      );
      const byToken: CapturedQuery = await captureOnce(deps.db.reader(), (e) =>
        complaintRepo.findByTrackingHash(e, sha256Hex(one.token)),
      );
      const plans: Record<string, string> = {};
      for (const [name, q] of [
        ['by number', byNumber],
        ['by token', byToken],
      ] as const) {
        const rows = await explain(deps.db.reader(), q, 'text');
        plans[name] =
          `${q.sql}\n-- params: ${JSON.stringify(q.params)}\n${rows.map((r) => String(r['QUERY PLAN'])).join('\n')}`;
      }
      const statements =
        target.driver === 'postgres'
          ? {
              byNumber: (await recordStatements(() => track({ number: one.number, phoneLast4: one.last4 })))
                .statements,
              byToken: (await recordStatements(() => track({ token: one.token }))).statements,
            }
          : undefined;

      const results = Object.values(series).map((x) => ({ label: x.label, ...percentiles(x.ms) }));
      const pk = results[1] as Percentiles;
      log('\n  ms (one request at a time)         p50      p95      p99      max   ×PK p50   goal p99 ≤ 10');
      for (const r of results) {
        const floor = /^(floor|part|candidate)/.test(r.label);
        log(
          `  ${r.label.padEnd(42)} ${r.p50.toFixed(2).padStart(6)} ${r.p95.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)} ${r.max.toFixed(2).padStart(8)} ${(r.p50 / pk.p50).toFixed(1).padStart(8)}   ${floor ? '' : r.p99 <= PORTAL_GOAL_P99_MS ? 'ok' : 'MISS'}`,
        );
      }
      if (statements)
        log(
          `  statements per look-up: by number ${statements.byNumber.length}, by token ${statements.byToken.length}`,
        );
      for (const [name, text] of Object.entries(plans))
        log(`\n  plan ${name}:\n${text.replace(/^/gm, '    ')}`);

      const report = {
        benchmark: 'portal-tracking',
        startedAt,
        target: describeTarget(o.target),
        measuredOn: describeTarget(target),
        machine,
        loadAverageEnd: os.loadavg().map((x) => Math.round(x * 100) / 100),
        database: info,
        options: { ...o, target: describeTarget(o.target) },
        goal: { p99Ms: PORTAL_GOAL_P99_MS, source: 'issue 7, Benchmarks item 3' },
        results,
        settings: { synchronousCommit: info?.synchronous_commit },
        statements: statements && {
          byNumber: summariseStatements(statements.byNumber),
          byToken: summariseStatements(statements.byToken),
          byNumberText: statements.byNumber,
          byTokenText: statements.byToken,
        },
        plans,
      };
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      mkdirSync(RESULTS_DIR, { recursive: true });
      const file = path.join(RESULTS_DIR, `portal-${target.driver}-${stamp}.json`);
      writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
      log(`\n  written ${path.relative(process.cwd(), file)}`);
      return report;
    } finally {
      await app.close();
      await closeDeps(deps);
    }
  } finally {
    if (o.scratch) await dropTarget(target);
  }
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      pglite: { type: 'string' },
      iterations: { type: 'string', default: '500' },
      warmup: { type: 'string', default: '30' },
      'no-scratch': { type: 'boolean', default: false },
    },
  });
  await runPortalBench({
    target: resolveTarget({ databaseUrl: values['database-url'], pglite: values.pglite }),
    iterations: Number(values.iterations),
    warmup: Number(values.warmup),
    scratch: !values['no-scratch'],
  });
};

runIfMain(import.meta.url, main);
