import path from 'node:path';
import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Db } from '../../src/db/client';
import {
  spawnCloseloop,
  startServerProcess,
  tailLog,
  type CloseloopProcess,
  type ServerProcess,
} from '../process/closeloop-process';
import {
  checkDeliveries,
  checkNumbers,
  findHalfWritten,
  findOrphans,
  listOutboxEvents,
  numbersAreGapless,
} from '../process/database-checks';
import { intakeBody, runIntakeLoad } from '../process/intake-load';
import { callApi, expectApi, setUpStaff, type Staff } from '../process/staff-api';
import { startWebhookReceiver, WEBHOOK_SECRET, type WebhookReceiver } from '../process/webhook-receiver';
import { openTestDb } from '../test-deps';

/**
 * Two processes, one database (issue 7; ARCHITECTURE "Beyond one machine"): two `closeloop serve` processes (each
 * with its in-process worker) and two `closeloop worker` processes on one fresh PostgreSQL database. Intake and
 * triage are spread over both servers, clocks are made due, and four job runners sweep and deliver at once. Then:
 * each batch counter is exact, each clock warns once and breaches (escalates) once, each outbox event reaches
 * the webhook exactly once. PostgreSQL only: PGlite is one process by design.
 */
const ADMIN_PASSWORD = 'Two-Process-Pw-2026';
const COMPLAINTS = 96;
const CONCURRENCY = 24;
const run = `mp${Date.now().toString(36)}`;
const dir = path.resolve('.tmp', `multi-process-${run}`);

let db: Db;
let drop: () => Promise<void> = async () => undefined;
let receiver: WebhookReceiver;
let servers: ServerProcess[] = [];
let workers: CloseloopProcess[] = [];
let staff: Staff;
const products: { id: string; batches: string[] }[] = [];
const figures: Record<string, unknown> = {};
/** Intake request i → the complaint it opened. */
const opened = new Map<number, { id: string; productId: string; batchNo: string }>();

const logs = () =>
  [...servers, ...workers].map((p) => `--- ${p.name} ---\n${tailLog(p.logFile, 15)}`).join('\n');

const waitFor = async (what: string, ms: number, done: () => Promise<boolean>): Promise<number> => {
  const started = performance.now();
  for (;;) {
    if (await done()) return performance.now() - started;
    if (performance.now() - started > ms) throw new Error(`${what}: not within ${ms} ms\n${logs()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
};

const one = async <T>(query: ReturnType<typeof sql>): Promise<T> => {
  const [row] = await rowsOf<T>(db.reader(), query);
  if (!row) throw new Error('no row');
  return row;
};

/** Queues `n` deadline sweeps due now: the four job runners claim them concurrently (one job per claim). */
const queueSweeps = async (n: number, tag: string): Promise<void> => {
  for (let k = 0; k < n; k += 1) {
    await db.reader().execute(
      sql`insert into jobs (kind, payload, status, run_at, attempts, max_attempts, dedupe_key, created_at)
          values ('deadline.sweep', '{}'::jsonb, 'queued', now(), 0, 5, ${`test-sweep-${run}-${tag}-${k}`}, now())`,
    );
  }
};

describe.skipIf(!process.env.DATABASE_URL)('two servers and two workers on one PostgreSQL', () => {
  beforeAll(async () => {
    const started = performance.now();
    receiver = await startWebhookReceiver();
    const test = await openTestDb();
    db = test.db;
    drop = test.drop;
    if (!test.url) throw new Error('PostgreSQL expected');
    const env = {
      DATABASE_URL: test.url,
      DATABASE_POOL_MAX: '6',
      DATA_DIR: path.join(dir, 'data'),
      DEMO_DATA: 'false',
      ADMIN_PASSWORD,
      WEBHOOK_URL: receiver.url,
      WEBHOOK_SECRET,
      WORKER_POLL_MS: '200',
      // One job or event per claim, so the four runners interleave instead of one taking a whole batch.
      WORKER_BATCH_SIZE: '1',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    };
    // Both servers bootstrap the empty database at once (migrations and the first administrator under locks).
    servers = await Promise.all(
      ['server-a', 'server-b'].map((name) => startServerProcess(name, env, path.join(dir, `${name}.log`))),
    );
    workers = ['worker-1', 'worker-2'].map((name) =>
      spawnCloseloop(name, ['worker'], env, path.join(dir, `${name}.log`)),
    );
    figures.startS = Math.round((performance.now() - started) / 100) / 10;
    const [a, b] = servers;
    if (!a || !b) throw new Error('two servers expected');
    staff = await setUpStaff(a.url, ADMIN_PASSWORD);
    for (const [n, code] of ['MPA', 'MPB'].entries()) {
      const p = await expectApi<{ id: string }>(201, b.url, 'POST', '/api/v1/products', staff.admin, {
        code: `${code}-${run}`,
        name: `多进程雪饼 ${code}`,
        category: 'food',
        priceFen: 1_000 + n,
      });
      products.push({ id: p.id, batches: ['20260301A', '20260302B', '20260303C'] });
    }
  }, 240_000);

  afterAll(async () => {
    process.stdout.write(`\ntwo processes, one PostgreSQL: ${JSON.stringify(figures)}\n`);
    for (const p of [...workers, ...servers]) await p.stop().catch(() => undefined);
    await receiver?.close();
    await db?.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('should keep every batch counter exact and every number gapless after intake and triage on both servers', async () => {
    const urls = servers.map((s) => () => s.url);
    const target = (i: number) => {
      const p = products[i % products.length];
      const batchNo = p?.batches[Math.floor(i / products.length) % p.batches.length] ?? '';
      return { productId: p?.id ?? '', batchNo };
    };
    let t0 = performance.now();
    const intake = await runIntakeLoad({
      run,
      servers: urls,
      who: staff.intake,
      concurrency: CONCURRENCY,
      indices: Array.from({ length: COMPLAINTS }, (_, i) => i),
      body: (i) => intakeBody(run, i, { id: target(i).productId, batchNo: target(i).batchNo }),
    });
    for (const o of intake) {
      if (o.kind !== 'answered' || o.status !== 201 || !o.id) {
        throw new Error(`intake ${o.i}: ${JSON.stringify(o)}\n${logs()}`);
      }
      opened.set(o.i, { id: o.id, ...target(o.i) });
    }
    expect(new Set(intake.map((o) => o.server))).toEqual(new Set([0, 1]));
    figures.intakeS = Math.round((performance.now() - t0) / 100) / 10;
    t0 = performance.now();

    // Triage every complaint as valid, 24 at a time, alternating servers: each counts into its batch signal.
    const queue = [...opened.entries()];
    const triageFailures: string[] = [];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const [i, c] = next;
          const r = await callApi(
            servers[i % servers.length]?.url ?? '',
            'POST',
            `/api/v1/complaints/${c.id}/transitions`,
            staff.agent,
            {
              type: 'triage',
              classification: {
                nature: 'foreign_matter',
                severity: 'minor',
                validity: 'valid',
                responsibilityStage: 'production',
                misuse: false,
              },
            },
          );
          if (r.status !== 200) triageFailures.push(`${c.id}: ${r.status} ${JSON.stringify(r.body)}`);
        }
      }),
    );
    expect(triageFailures).toEqual([]);
    figures.triageS = Math.round((performance.now() - t0) / 100) / 10;

    const events = await rowsOf<{
      complaint_id: string;
      product_id: string;
      batch_no: string;
      mechanism: string;
    }>(
      db.reader(),
      sql`select complaint_id::text, product_id::text, batch_no, mechanism from batch_signal_events`,
    );
    expect(events.length).toBe(COMPLAINTS);
    expect(new Set(events.map((e) => e.complaint_id)).size).toBe(COMPLAINTS);
    for (const e of events) {
      const c = [...opened.values()].find((o) => o.id === e.complaint_id);
      expect({ product: e.product_id, batch: e.batch_no }).toEqual({
        product: c?.productId,
        batch: c?.batchNo,
      });
    }
    const counters = await rowsOf<{
      product_id: string;
      batch_no: string;
      mechanism: string;
      valid_complaints: number;
      first_complaint_id: string;
    }>(
      db.reader(),
      sql`select product_id::text, batch_no, mechanism, valid_complaints, first_complaint_id::text
          from batch_signal_counters order by 1, 2, 3`,
    );
    const expected = new Map<string, number>();
    for (const e of events) {
      const k = `${e.product_id}|${e.batch_no}|${e.mechanism}`;
      expected.set(k, (expected.get(k) ?? 0) + 1);
    }
    expect(
      Object.fromEntries(
        counters.map((c) => [`${c.product_id}|${c.batch_no}|${c.mechanism}`, c.valid_complaints]),
      ),
    ).toEqual(Object.fromEntries(expected));
    const keyOfComplaint = new Map(
      events.map((e) => [e.complaint_id, `${e.product_id}|${e.batch_no}|${e.mechanism}`]),
    );
    for (const c of counters) {
      expect(keyOfComplaint.get(c.first_complaint_id)).toBe(`${c.product_id}|${c.batch_no}|${c.mechanism}`);
    }
    // Per product and batch, as sent: 96 complaints over 2 products × 3 batches.
    const perBatch = new Map<string, number>();
    for (const c of counters) {
      const k = `${c.product_id}|${c.batch_no}`;
      perBatch.set(k, (perBatch.get(k) ?? 0) + c.valid_complaints);
    }
    const sent = new Map<string, number>();
    for (const c of opened.values())
      sent.set(`${c.productId}|${c.batchNo}`, (sent.get(`${c.productId}|${c.batchNo}`) ?? 0) + 1);
    expect(Object.fromEntries(perBatch)).toEqual(Object.fromEntries(sent));

    figures.batchCounters = counters.length;
    expect(numbersAreGapless(await checkNumbers(db))).toBe(true);
    expect((await findOrphans(db)).filter((o) => o.orphans > 0)).toEqual([]);
    expect(await findHalfWritten(db)).toMatchObject({
      complaints: COMPLAINTS,
      withoutRegisteredAudit: 0,
      withoutRegisteredEvent: 0,
      withoutClocks: 0,
    });
  }, 240_000);

  it('should warn each clock once and breach (escalate) each clock once with four job runners sweeping', async () => {
    const ids = [...opened.values()].map((c) => c.id);
    expect(ids.length).toBe(COMPLAINTS);
    const warnGroup = ids.filter((_, n) => n % 2 === 0);
    const open = sql`met_at is null and cancelled_at is null and breached_at is null and not paused`;
    // Move time for the clocks instead of waiting: half the complaints' clocks reach their warning time now…
    const warnTargets = await rowsOf<{ id: string }>(
      db.reader(),
      sql`update complaint_deadlines set warn_at = now() - interval '1 second', due_at = now() + interval '1 hour'
          where ${open} and warned_at is null and complaint_id::text in ${warnGroup} returning id::text`,
    );
    expect(warnTargets.length).toBeGreaterThan(0);
    await queueSweeps(8, 'warn');
    await waitFor('every warned clock', 90_000, async () => {
      const r = await one<{ n: number }>(
        sql`select count(*)::int as n from complaint_deadlines where warned_at is null
            and id::text in ${warnTargets.map((t) => t.id)}`,
      );
      return r.n === 0;
    });
    // …then every open clock of every complaint is past due (the other half was never warned: breached directly,
    // which also stamps warned_at, so warnings are counted by their events).
    const breachTargets = await rowsOf<{ id: string }>(
      db.reader(),
      sql`update complaint_deadlines set warn_at = least(warn_at, now() - interval '2 minutes'),
            due_at = now() - interval '1 second'
          where ${open} and complaint_id::text in ${ids} returning id::text`,
    );
    expect(breachTargets.length).toBeGreaterThan(warnTargets.length);
    await queueSweeps(8, 'breach');
    await waitFor('every breached clock', 90_000, async () => {
      const r = await one<{ n: number }>(
        sql`select count(*)::int as n from complaint_deadlines where breached_at is null
            and id::text in ${breachTargets.map((t) => t.id)}`,
      );
      return r.n === 0;
    });
    await waitFor('the sweeps to finish', 60_000, async () => {
      const r = await one<{ n: number }>(
        sql`select count(*)::int as n from jobs where kind = 'deadline.sweep' and status in ('queued', 'running')
            and dedupe_key like ${`test-sweep-${run}-%`}`,
      );
      return r.n === 0;
    });

    const clocks = await rowsOf<{
      id: string;
      complaint_id: string;
      kind: string;
      breached: boolean;
      warned_events: number;
      breached_events: number;
      breach_audits: number;
      kpi: number;
    }>(
      db.reader(),
      sql`select d.id::text, d.complaint_id::text, d.kind, d.breached_at is not null as breached,
            (select count(*)::int from outbox_events o where o.type = 'deadline.warned'
              and o.aggregate_id = d.complaint_id::text and o.payload->'deadline'->>'kind' = d.kind) as warned_events,
            (select count(*)::int from outbox_events o where o.type = 'deadline.breached'
              and o.aggregate_id = d.complaint_id::text and o.payload->'deadline'->>'kind' = d.kind) as breached_events,
            (select count(*)::int from audit_log a where a.entity_type = 'complaint' and a.action = 'complaint.deadline_breached'
              and a.entity_id = d.complaint_id::text and a.after->>'kind' = d.kind) as breach_audits,
            (select count(*)::int from kpi_events k where k.deadline_id = d.id) as kpi
          from complaint_deadlines d where d.id::text in ${breachTargets.map((t) => t.id)}`,
    );
    // One clock per kind per complaint here, so (complaint, kind) names the clock in events and audit rows.
    expect(new Set(clocks.map((c) => `${c.complaint_id}|${c.kind}`)).size).toBe(clocks.length);
    const warnSet = new Set(warnTargets.map((t) => t.id));
    const wrong = clocks.filter(
      (c) =>
        !c.breached ||
        c.breached_events !== 1 ||
        c.breach_audits !== 1 ||
        c.kpi > 1 ||
        c.warned_events > 1 ||
        (warnSet.has(c.id) && c.warned_events !== 1),
    );
    expect(wrong).toEqual([]);
    Object.assign(figures, {
      clocksWarned: clocks.filter((c) => c.warned_events === 1).length,
      clocksBreached: clocks.length,
      kpiLateSteps: clocks.reduce((n, c) => n + c.kpi, 0),
    });
    const runners = await rowsOf<{ locked_by: string; n: number }>(
      db.reader(),
      sql`select locked_by, count(*)::int as n from jobs where kind = 'deadline.sweep' and status = 'done'
          group by locked_by`,
    );
    figures.sweepsPerProcess = runners.map((r) => r.n);
    // The sweeps ran in more than one process.
    expect(new Set(runners.map((r) => r.locked_by.split(':')[1])).size).toBeGreaterThan(1);
    expect(await one<{ n: number }>(sql`select count(*)::int as n from jobs where status = 'dead'`)).toEqual({
      n: 0,
    });
  }, 240_000);

  it('should deliver every outbox event exactly once to the webhook from four processes', async () => {
    await waitFor('the outbox to drain', 90_000, async () => {
      const r = await one<{ n: number }>(
        sql`select count(*)::int as n from outbox_events where status = 'pending'`,
      );
      return r.n === 0;
    });
    // Late duplicates would arrive after the last settle: give them a moment.
    await new Promise((r) => setTimeout(r, 1_000));
    const events = await listOutboxEvents(db);
    const deliveries = checkDeliveries(
      events,
      receiver.receipts.map((r) => r.eventId),
    );
    expect(receiver.receipts.filter((r) => !r.signed)).toEqual([]);
    expect(deliveries.routed).toBeGreaterThan(COMPLAINTS * 2);
    expect({
      missing: deliveries.missing,
      duplicates: deliveries.duplicates,
      unexpected: deliveries.unexpected,
      notDelivered: deliveries.notDelivered,
    }).toEqual({ missing: [], duplicates: [], unexpected: [], notDelivered: [] });
    Object.assign(figures, {
      outboxEvents: events.length,
      webhookEvents: deliveries.routed,
      webhookReceipts: receiver.receipts.length,
    });
    for (const p of [...servers, ...workers]) {
      // Still running: none of the four crashed along the way.
      expect(await Promise.race([p.exited.then(() => 'exited'), Promise.resolve('running')])).toBe('running');
    }
  }, 120_000);
});
