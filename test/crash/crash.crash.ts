import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, rowsOf, type Db } from '../../src/db/client';
import { withDatabase } from '../global-setup';
import {
  runCloseloopCli,
  startServerProcess,
  tailLog,
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
import { percentile, runIntakeLoad, type IntakeOutcome } from '../process/intake-load';
import { expectApi, setUpStaff, type Staff } from '../process/staff-api';
import { startWebhookReceiver, WEBHOOK_SECRET } from '../process/webhook-receiver';

/**
 * Crash safety (issue 7): the real server as a child process, 32-way intake with Idempotency-Keys, `kill -9` in
 * the middle of the load, a restart on the same database (PostgreSQL) or data directory (PGlite), every request
 * that got no answer sent again with its key — then nothing acknowledged is lost or doubled, nothing is
 * half-written, the audit chain verifies and every outbox event reaches the webhook.
 *
 * CRASH_KILL_AFTER (default 150) acknowledgements before the kill; CRASH_CONCURRENCY (32). PostgreSQL runs when
 * DATABASE_URL is set: a fresh database is created next to it and dropped at the end.
 */
const KILL_AFTER = Number(process.env.CRASH_KILL_AFTER ?? 150);
const CONCURRENCY = Number(process.env.CRASH_CONCURRENCY ?? 32);
/** The kill happens after this long even if fewer requests were acknowledged (a slow machine). */
const LOAD_LIMIT_MS = 20_000;
const ADMIN_PASSWORD = 'Crash-Loop-Pw-2026';
const ROOT = path.resolve('.tmp');
const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
const reports: Record<string, unknown>[] = [];

afterAll(() => {
  if (reports.length === 0) return;
  mkdirSync(ROOT, { recursive: true });
  const file = path.join(ROOT, `crash-report-${run}.json`);
  writeFileSync(file, `${JSON.stringify({ machine: machine(), reports }, null, 2)}\n`);
  process.stdout.write(`\ncrash report: ${path.relative(process.cwd(), file)}\n`);
});

const machine = () => ({
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
  node: process.version,
});

const seconds = (ms: number): number => Math.round(ms / 100) / 10;

type Target = {
  readonly name: 'PostgreSQL' | 'PGlite';
  /** Environment for the server and the CLI. */
  readonly env: Record<string, string>;
  /** Opens the database from this process (the server must not be running on PGlite). */
  readonly open: () => Promise<Db>;
  readonly dispose: () => Promise<void>;
};

const postgresTarget = async (adminUrl: string, dir: string): Promise<Target> => {
  const name = `closeloop_crash_${run}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  return {
    name: 'PostgreSQL',
    env: { DATABASE_URL: url, DATABASE_POOL_MAX: '16', DATA_DIR: path.join(dir, 'data') },
    open: () => openDb({ driver: 'postgres', url, poolMax: 2 }),
    dispose: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
};

const pgliteTarget = (dir: string): Target => {
  const dataDir = path.join(dir, 'pglite');
  return {
    name: 'PGlite',
    env: { PGLITE_DIR: dataDir, DATA_DIR: path.join(dir, 'data') },
    open: () => openDb({ driver: 'pglite', dir: dataDir }),
    dispose: async () => undefined,
  };
};

const TARGETS: { name: Target['name']; skip: boolean; make: (dir: string) => Promise<Target> }[] = [
  {
    name: 'PostgreSQL',
    skip: !process.env.DATABASE_URL,
    make: (dir) => postgresTarget(process.env.DATABASE_URL ?? '', dir),
  },
  { name: 'PGlite', skip: false, make: async (dir) => pgliteTarget(dir) },
];

const answered = (o: IntakeOutcome) => (o.kind === 'answered' ? o : undefined);

describe('crash safety: kill -9 during 32-way intake, restart, replay', () => {
  for (const t of TARGETS) {
    it.skipIf(t.skip)(
      `should lose and double nothing and deliver every event when the server is killed mid-load (${t.name})`,
      async () => {
        const dir = path.join(ROOT, `crash-${run}-${t.name.toLowerCase()}`);
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        const target = await t.make(dir);
        const receiver = await startWebhookReceiver();
        const env = {
          ...target.env,
          DEMO_DATA: 'false',
          ADMIN_PASSWORD,
          WEBHOOK_URL: receiver.url,
          WEBHOOK_SECRET,
          WORKER_POLL_MS: '200',
          LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
        };
        const log = path.join(dir, 'server.log');
        const figures: Record<string, unknown> = { database: t.name };
        const started = performance.now();
        let server: ServerProcess | undefined;
        let ok = false;
        try {
          // 1. First start: migrations, calendar, the food preset, the first administrator.
          let t0 = performance.now();
          server = await startServerProcess('server#1', env, log);
          figures.firstStartS = seconds(performance.now() - t0);
          const staff: Staff = await setUpStaff(server.url, ADMIN_PASSWORD);

          // 2. 32-way intake; kill -9 after KILL_AFTER acknowledgements (or LOAD_LIMIT_MS).
          const first = server;
          let killed: Promise<void> | undefined;
          let killedAtMs = 0;
          const kill = () => {
            killedAtMs = performance.now();
            killed ??= first.kill9();
            return true;
          };
          const limit = setTimeout(kill, LOAD_LIMIT_MS);
          t0 = performance.now();
          const outcomes = await runIntakeLoad({
            run,
            servers: [() => first.url],
            who: staff.intake,
            concurrency: CONCURRENCY,
            indices: Array.from({ length: 100_000 }, (_, i) => i),
            // One request in eight is given up by the client after 50 ms to 3 s (its own timeout).
            abandonAfterMs: (i) => (i % 8 === 5 ? 50 + ((i * 397) % 2950) : undefined),
            onOutcome: (_o, all) => {
              if (killed) return true;
              const acks = all.filter((o) => answered(o)?.status === 201).length;
              return acks >= KILL_AFTER ? kill() : false;
            },
          });
          clearTimeout(limit);
          if (!killed) kill();
          await killed;
          const exit = await first.exited;
          // Give a request the dying process had already written to the socket time to be read here.
          await new Promise((r) => setTimeout(r, 300));
          const receiptsAtKill = receiver.receipts.length;
          const loadMs = killedAtMs - t0;
          const acked = outcomes.filter((o) => answered(o)?.status === 201);
          const failed = outcomes.filter((o) => o.kind === 'answered' && o.status !== 201);
          const unanswered = outcomes.filter((o) => o.kind === 'no_answer');
          const abandoned = unanswered.filter((o) => o.i % 8 === 5);
          const latencies = acked.map((o) => o.ms);
          Object.assign(figures, {
            killedBy: exit.signal,
            requestsSent: outcomes.length,
            acknowledgedBeforeKill: acked.length,
            unanswered: unanswered.length,
            unansweredAbandonedByClient: abandoned.length,
            unansweredCutByKill: unanswered.length - abandoned.length,
            loadS: seconds(loadMs),
            intakePerS: Math.round((acked.length / loadMs) * 1000),
            latencyP50Ms: Math.round(percentile(latencies, 50)),
            latencyP99Ms: Math.round(percentile(latencies, 99)),
            webhookReceiptsBeforeKill: receiptsAtKill,
          });
          expect(exit.signal).toBe('SIGKILL');
          expect(
            failed
              .slice(0, 3)
              .map((o) => ({ key: o.key, ...(o.kind === 'answered' && { status: o.status, body: o.body }) })),
          ).toEqual([]);
          expect(acked.length).toBeGreaterThan(0);

          // 3. The database after the kill, opened from here: this is where PGlite's directory must reopen.
          //    Outbox leases of the dead process are expired as if the 60-second lease had run out (time travel).
          t0 = performance.now();
          const afterKill = await target.open();
          figures.reopenAfterKillS = seconds(performance.now() - t0);
          const [snapshot] = await rowsOf<{ complaints: number; pending: number }>(
            afterKill.reader(),
            sql`select (select count(*)::int from complaints) as complaints,
                  (select count(*)::int from outbox_events where status = 'pending') as pending`,
          );
          const leased = await rowsOf<{ id: string }>(
            afterKill.reader(),
            sql`update outbox_events set next_attempt_at = now() where status = 'pending' and attempts > 0
                  and next_attempt_at > now() returning id`,
          );
          await afterKill.close();
          Object.assign(figures, {
            complaintsAtKill: snapshot?.complaints,
            outboxPendingAtKill: snapshot?.pending,
            outboxLeasedByKilledProcess: leased.length,
          });
          // Committed before the kill but never acknowledged (the answer was lost) — the replay must return these.
          expect(Number(snapshot?.complaints)).toBeGreaterThanOrEqual(acked.length);

          // 4. Restart on the same database; replay every unanswered request with its key, and resend some
          //    acknowledged ones: each must answer 201, a replay with the first answer.
          t0 = performance.now();
          server = await startServerProcess('server#2', env, log);
          const second = server;
          figures.restartS = seconds(performance.now() - t0);
          t0 = performance.now();
          const replays = await runIntakeLoad({
            run,
            servers: [() => second.url],
            who: staff.intake,
            concurrency: CONCURRENCY,
            indices: unanswered.map((o) => o.i),
          });
          const resent = await runIntakeLoad({
            run,
            servers: [() => second.url],
            who: staff.intake,
            concurrency: CONCURRENCY,
            indices: acked.slice(0, 32).map((o) => o.i),
          });
          figures.replayS = seconds(performance.now() - t0);
          const replayed = replays.map(answered);
          expect(replays.filter((o) => answered(o)?.status !== 201).map((o) => o.key)).toEqual([]);
          Object.assign(figures, {
            replayedRequests: replays.length,
            replayAnsweredFromStore: replayed.filter((o) => o?.replayed).length,
            replayExecutedAgain: replayed.filter((o) => o && !o.replayed).length,
            resentAcknowledged: resent.length,
          });
          const firstAnswer = new Map(acked.map((o) => [o.i, answered(o)?.id]));
          for (const o of resent.map(answered)) {
            expect(o?.status).toBe(201);
            expect(o?.replayed).toBe(true);
            expect(o?.id).toBe(firstAnswer.get(o?.i ?? -1));
          }

          // 5. Let the restarted worker drain the outbox, then stop the server cleanly.
          t0 = performance.now();
          const drainDeadline = Date.now() + 45_000;
          for (;;) {
            const page = await expectApi<{ items: unknown[] }>(
              200,
              second.url,
              'GET',
              '/api/v1/admin/outbox?status=pending&limit=1',
              staff.admin,
            );
            if (page.items.length === 0) break;
            if (Date.now() > drainDeadline) throw new Error('the outbox was not drained within 45 s');
            await new Promise((r) => setTimeout(r, 250));
          }
          figures.outboxDrainS = seconds(performance.now() - t0);
          await second.stop();

          // 6. Checks on the database at rest.
          t0 = performance.now();
          const verify = await runCloseloopCli(['audit', 'verify'], env, path.join(dir, 'audit-verify.log'));
          figures.auditVerifyS = seconds(performance.now() - t0);
          expect(verify.code, verify.output).toBe(0);
          figures.auditVerify = verify.output.trim().split('\n').at(-1);

          const db = await target.open();
          try {
            // Every acknowledged complaint exists, under the number it was acknowledged with, exactly once.
            const allAnswers = [...acked, ...replays].map(answered).filter((o) => o !== undefined);
            const ids = allAnswers.map((o) => o.id ?? '');
            const rows = await rowsOf<{ id: string; number: string; marker: string | null }>(
              db.reader(),
              sql`select id::text as id, number, substring(description from ${`LOAD-${run}-[0-9]{6}`}) as marker
                  from complaints`,
            );
            const byId = new Map(rows.map((r) => [r.id, r]));
            for (const o of allAnswers) expect(byId.get(o.id ?? '')?.number, o.key).toBe(o.number);
            expect(new Set(ids).size).toBe(ids.length);
            // One complaint per idempotency key, and none for a key that never got a 201.
            const perKey = new Map<string, number>();
            for (const r of rows) if (r.marker) perKey.set(r.marker, (perKey.get(r.marker) ?? 0) + 1);
            expect([...perKey].filter(([, n]) => n !== 1)).toEqual([]);
            expect(perKey.size).toBe(allAnswers.length);
            expect(rows.length).toBe(allAnswers.length);
            figures.complaints = rows.length;

            const orphans = await findOrphans(db);
            figures.relationsCheckedForOrphans = orphans.length;
            expect(orphans.filter((o) => o.orphans > 0)).toEqual([]);
            const half = await findHalfWritten(db);
            expect(half).toEqual({
              complaints: rows.length,
              withoutRegisteredAudit: 0,
              withoutRegisteredEvent: 0,
              withoutClocks: 0,
            });
            const numbers = await checkNumbers(db);
            expect(numbersAreGapless(numbers), JSON.stringify(numbers)).toBe(true);

            // Each routed event reached the webhook; only the one in flight at the kill may come twice
            // (at-least-once: the receiver dedupes by X-Closeloop-Event-Id).
            const events = await listOutboxEvents(db);
            const deliveries = checkDeliveries(
              events,
              receiver.receipts.map((r) => r.eventId),
            );
            expect(receiver.receipts.filter((r) => !r.signed)).toEqual([]);
            expect(deliveries.missing).toEqual([]);
            expect(deliveries.unexpected).toEqual([]);
            expect(deliveries.notDelivered).toEqual([]);
            const firstSeen = new Map<string, number>();
            receiver.receipts.forEach((r, n) => {
              if (!firstSeen.has(r.eventId)) firstSeen.set(r.eventId, n);
            });
            for (const d of deliveries.duplicates) {
              expect(d.times).toBe(2);
              expect(firstSeen.get(d.id) ?? Infinity).toBeLessThan(receiptsAtKill);
            }
            expect(deliveries.duplicates.length).toBeLessThanOrEqual(1);
            Object.assign(figures, {
              outboxEvents: events.length,
              webhookEvents: deliveries.routed,
              webhookReceipts: receiver.receipts.length,
              webhookDuplicates: deliveries.duplicates.length,
            });
          } finally {
            await db.close();
          }
          ok = true;
        } catch (e) {
          throw new Error(
            `${e instanceof Error ? e.message : String(e)}\n--- server log ---\n${tailLog(log)}`,
            {
              cause: e,
            },
          );
        } finally {
          figures.totalS = seconds(performance.now() - started);
          reports.push(figures);
          process.stdout.write(`\n${t.name}: ${JSON.stringify(figures)}\n`);
          await server?.kill9();
          await receiver.close();
          await target.dispose();
          if (ok) rmSync(dir, { recursive: true, force: true });
        }
      },
      // Bounded: two minutes per database.
      120_000,
    );
  }
});
