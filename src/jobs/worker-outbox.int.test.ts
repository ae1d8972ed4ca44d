import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Db } from '../db/client';
import { outboxRepo } from '../db/repos/outbox.repo';
import { startWorker } from './worker';
import { createTestDeps, openSecondDb, type TestDeps } from '../../test/test-deps';
import { systemContext } from '../app/context';
import { listOutboxEvents, retryOutboxEvent } from '../app/ops/manage-outbox';
import { emitEvents } from '../app/platform/emit-events';
import { consumeOnce, type OutboxHandler } from '../app/outbox/deliver-outbox';

let deps: TestDeps;
let second: { db: Db; close: () => Promise<void> };
const ctx = systemContext('test');

beforeAll(async () => {
  deps = await createTestDeps({ OUTBOX_MAX_ATTEMPTS: '3' });
  // On PostgreSQL the second worker gets its own connection pool, as a second process would.
  second = await openSecondDb(deps);
});
afterAll(async () => {
  await second.close();
  await deps.close();
});

const emit = (type: string, n = 1) =>
  deps.db.transaction((tx) =>
    emitEvents(
      tx,
      deps.clock.now(),
      Array.from({ length: n }, (_, i) => ({
        type,
        aggregateType: 'test',
        aggregateId: `a${i}`,
        payload: { i },
      })),
    ),
  );

const worker = (handlers: OutboxHandler[], id = 'W', d: TestDeps = deps) =>
  startWorker(d, { outboxHandlers: handlers, jobHandlers: {}, recurring: [], workerId: id }, false);

describe('transactional outbox (at-least-once, dedupe by event id)', () => {
  it('should not exist when the transaction that emitted it rolls back', async () => {
    await expect(
      deps.db.transaction(async (tx) => {
        await emitEvents(tx, deps.clock.now(), [
          { type: 'test.ghost', aggregateType: 't', aggregateId: 'g', payload: {} },
        ]);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const rows = await rowsOf<{ n: number }>(
      deps.db.reader(),
      sql`select count(*)::int as n from outbox_events where type = 'test.ghost'`,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('should retry with backoff and skip handlers that already delivered when one handler fails', async () => {
    const [id] = await emit('test.flaky');
    const seen: string[] = [];
    let failures = 1;
    const handlers: OutboxHandler[] = [
      { name: 'mail', types: ['test.flaky'], deliver: async (_d, e) => void seen.push(`mail:${e.id}`) },
      {
        name: 'hook',
        types: '*',
        deliver: async (_d, e) => {
          if (failures-- > 0) throw new Error('webhook 503');
          seen.push(`hook:${e.id}`);
        },
      },
    ];
    const w = worker(handlers);
    await w.tick();
    let row = await outboxRepo.findById(deps.db.reader(), id ?? '');
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      deliveredHandlers: ['mail'],
      lastError: 'Error: webhook 503',
    });
    await w.tick();
    expect(seen).toEqual([`mail:${id}`]);
    deps.clock.advance(10_000);
    await w.tick();
    row = await outboxRepo.findById(deps.db.reader(), id ?? '');
    expect(row?.status).toBe('delivered');
    expect(seen).toEqual([`mail:${id}`, `hook:${id}`]);
  });

  it('should dead-letter after the configured attempts and deliver again when an admin retries it', async () => {
    const [id] = await emit('test.broken');
    let up = false;
    const w = worker([
      {
        name: 'hook',
        types: ['test.broken'],
        deliver: async () => {
          if (!up) throw new Error('connection refused');
        },
      },
    ]);
    for (let i = 0; i < 3; i += 1) {
      await w.tick();
      deps.clock.advance(3_600_000);
    }
    expect((await outboxRepo.findById(deps.db.reader(), id ?? ''))?.status).toBe('dead');
    const dead = await listOutboxEvents(deps, ctx, { status: 'dead', limit: 50 });
    expect(dead.items.map((e) => e.id)).toContain(id);
    await expect(retryOutboxEvent(deps, ctx, '00000000-0000-7000-8000-000000000000')).rejects.toMatchObject({
      code: 'OUTBOX_EVENT_NOT_FOUND',
    });
    await retryOutboxEvent(deps, ctx, id ?? '');
    up = true;
    await w.tick();
    expect((await outboxRepo.findById(deps.db.reader(), id ?? ''))?.status).toBe('delivered');
    await expect(retryOutboxEvent(deps, ctx, id ?? '')).rejects.toMatchObject({
      code: 'OUTBOX_EVENT_NOT_DEAD',
    });
  });

  it('should act once per event id when an internal consumer receives a redelivery', async () => {
    const [id] = await emit('test.count');
    let effects = 0;
    const consumer = async () => consumeOnce(deps, 'kpi', id ?? '', async () => void (effects += 1));
    expect(await consumer()).toBe(true);
    expect(await consumer()).toBe(false);
    expect(effects).toBe(1);
  });

  it('should deliver each event once when two dispatchers run at the same time', async () => {
    const ids = await emit('test.parallel', 60);
    const delivered: string[] = [];
    const handler: OutboxHandler = {
      name: 'collect',
      types: ['test.parallel'],
      deliver: async (_d, e) => {
        delivered.push(e.id);
        await new Promise((r) => setTimeout(r, Math.random() * 2));
      },
    };
    const a = worker([handler], 'A');
    const b = worker([handler], 'B', { ...deps, db: second.db });
    const drain = async (w: typeof a) => {
      for (;;) if ((await w.tick()).events === 0) return;
    };
    await Promise.all([drain(a), drain(b)]);
    expect(delivered.sort()).toEqual([...ids].sort());
  });
});
