import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db } from '../db/client';
import { jobRepo } from '../db/repos/job.repo';
import { startWorker } from './worker';
import { createTestDeps, openSecondDb, type TestDeps } from '../../test/test-deps';
import { systemContext } from '../app/context';
import type { Deps } from '../app/deps';
import { listJobs, retryJob } from '../app/ops/manage-jobs';
import { enqueueJob, type JobHandler } from '../app/jobs/run-jobs';

let deps: TestDeps;
let second: { db: Db; close: () => Promise<void> };
const ctx = systemContext('test');

beforeAll(async () => {
  deps = await createTestDeps();
  // On PostgreSQL the second worker gets its own connection pool, as a second process would.
  second = await openSecondDb(deps);
});
afterAll(async () => {
  await second.close();
  await deps.close();
});

const otherDeps = (): Deps => ({ ...deps, db: second.db });

describe('job runner (SKIP LOCKED, leases)', () => {
  it('should run every job exactly once when two workers drain the queue concurrently', async () => {
    const runs = new Map<number, number>();
    const handler: JobHandler = async (_d, payload) => {
      const n = Number(payload.n);
      runs.set(n, (runs.get(n) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, Math.random() * 3));
    };
    for (let n = 0; n < 150; n += 1) await enqueueJob(deps, { kind: 'test.count', payload: { n } });
    const options = { jobHandlers: { 'test.count': handler }, recurring: [], batchSize: 7 };
    const a = startWorker(deps, { ...options, workerId: 'A' }, false);
    const b = startWorker(otherDeps(), { ...options, workerId: 'B' }, false);
    const drain = async (w: typeof a) => {
      for (;;) if ((await w.tick()).jobs === 0) return;
    };
    await Promise.all([drain(a), drain(b)]);
    expect(runs.size).toBe(150);
    expect([...runs.values()].every((c) => c === 1)).toBe(true);
  });

  it('should retry a failing job with backoff and dead-letter it when attempts run out', async () => {
    const id = await enqueueJob(deps, { kind: 'test.fail', maxAttempts: 2 });
    const w = startWorker(
      deps,
      {
        jobHandlers: { 'test.fail': async () => Promise.reject(new Error('receiver down')) },
        recurring: [],
        workerId: 'F',
      },
      false,
    );
    await w.tick();
    let job = await jobRepo.findById(deps.db.reader(), id ?? 0);
    expect(job).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Error: receiver down' });
    expect(job!.runAt.getTime()).toBeGreaterThan(deps.clock.now().getTime());
    expect((await w.tick()).jobs).toBe(0);
    deps.clock.advance(20_000);
    await w.tick();
    job = await jobRepo.findById(deps.db.reader(), id ?? 0);
    expect(job?.status).toBe('dead');
    const dead = await listJobs(deps, ctx, { status: 'dead', limit: 10 });
    expect(dead.items.map((j) => j.id)).toContain(id);
    await retryJob(deps, ctx, id ?? 0);
    expect((await jobRepo.findById(deps.db.reader(), id ?? 0))?.status).toBe('queued');
    await expect(retryJob(deps, ctx, id ?? 0)).rejects.toMatchObject({ code: 'JOB_NOT_DEAD' });
  });

  it('should hand a job to another worker when the first one dies holding its lease', async () => {
    const id = await enqueueJob(deps, { kind: 'test.lease' });
    const claimedByDead = await deps.db.transaction((tx) =>
      jobRepo.claim(tx, 'dead-worker', deps.clock.now(), new Date(deps.clock.now().getTime() + 300_000), 10, [
        'test.lease',
      ]),
    );
    expect(claimedByDead.map((j) => j.id)).toEqual([id]);
    let ran = 0;
    const w = startWorker(
      deps,
      { jobHandlers: { 'test.lease': async () => void (ran += 1) }, recurring: [], workerId: 'L' },
      false,
    );
    await w.tick();
    expect(ran).toBe(0);
    deps.clock.advance(301_000);
    await w.tick();
    expect(ran).toBe(1);
    expect((await jobRepo.findById(deps.db.reader(), id ?? 0))?.status).toBe('done');
  });

  it('should enqueue one job per recurring slot however many workers schedule it', async () => {
    let ran = 0;
    const options = {
      jobHandlers: { 'test.every': async () => void (ran += 1) },
      recurring: [{ kind: 'test.every', everySeconds: 60 }],
    };
    const a = startWorker(deps, { ...options, workerId: 'R1' }, false);
    const b = startWorker(otherDeps(), { ...options, workerId: 'R2' }, false);
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(ran).toBe(1);
    deps.clock.advance(60_000);
    await Promise.all([a.tick(), b.tick()]);
    expect(ran).toBe(2);
  });
});
