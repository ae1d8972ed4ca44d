import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { jobs } from '../schema/platform.table';

export type JobRow = typeof jobs.$inferSelect;
export type JobStatus = JobRow['status'];

export type NewJob = {
  readonly kind: string;
  readonly payload: Record<string, unknown>;
  readonly runAt: Date;
  readonly maxAttempts: number;
  readonly dedupeKey: string | null;
};

export const jobRepo = {
  /** Enqueues a job; with a dedupe key, a second enqueue of the same key is a no-op. Returns the id if new. */
  async enqueue(ex: Executor, job: NewJob, now: Date): Promise<number | undefined> {
    const [row] = await ex
      .insert(jobs)
      .values({ ...job, status: 'queued', createdAt: now })
      .onConflictDoNothing()
      .returning({ id: jobs.id });
    return row?.id;
  },

  /**
   * Claims up to `limit` due jobs for one worker. `FOR UPDATE SKIP LOCKED` lets any number of workers claim
   * concurrently without waiting on, or ever sharing, a row; the lease lets another worker take the job over
   * if this one dies.
   */
  async claim(
    ex: Executor,
    workerId: string,
    now: Date,
    leaseUntil: Date,
    limit: number,
    kinds: readonly string[],
  ): Promise<JobRow[]> {
    if (kinds.length === 0) return [];
    return ex
      .update(jobs)
      .set({
        status: 'running',
        lockedBy: workerId,
        lockedUntil: leaseUntil,
        attempts: sql`${jobs.attempts} + 1`,
      })
      .where(
        sql`${jobs.id} in (select j.id from jobs j where j.status = 'queued' and j.run_at <= ${now} and j.kind in ${kinds}
              order by j.run_at limit ${limit} for update skip locked)`,
      )
      .returning();
  },

  /** Jobs whose worker vanished (lease passed) go back to the queue, or to the dead letters when out of attempts. */
  async reclaimExpired(ex: Executor, now: Date): Promise<number> {
    const rows = await ex
      .update(jobs)
      .set({
        status: sql`case when ${jobs.attempts} >= ${jobs.maxAttempts} then 'dead' else 'queued' end`,
        lockedBy: null,
        lockedUntil: null,
        lastError: 'lease expired: the worker stopped before finishing',
        runAt: now,
      })
      .where(
        sql`${jobs.id} in (select j.id from jobs j where j.status = 'running' and j.locked_until < ${now} for update skip locked)`,
      )
      .returning({ id: jobs.id });
    return rows.length;
  },

  async complete(ex: Executor, id: number, workerId: string, now: Date): Promise<boolean> {
    const rows = await ex
      .update(jobs)
      .set({ status: 'done', finishedAt: now, lockedUntil: null, lastError: null })
      .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')))
      .returning({ id: jobs.id });
    return rows.length === 1;
  },

  async fail(ex: Executor, id: number, workerId: string, error: string, retryAt: Date | null): Promise<void> {
    await ex
      .update(jobs)
      .set(
        retryAt
          ? { status: 'queued', runAt: retryAt, lockedBy: null, lockedUntil: null, lastError: error }
          : { status: 'dead', lockedUntil: null, lastError: error },
      )
      .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')));
  },

  async findById(ex: Executor, id: number): Promise<JobRow | undefined> {
    const [row] = await ex.select().from(jobs).where(eq(jobs.id, id));
    return row;
  },

  async listByStatus(ex: Executor, status: JobStatus, limit: number, afterId?: number): Promise<JobRow[]> {
    return ex
      .select()
      .from(jobs)
      .where(and(eq(jobs.status, status), afterId ? lt(jobs.id, afterId) : undefined))
      .orderBy(desc(jobs.id))
      .limit(limit);
  },

  async requeue(ex: Executor, id: number, now: Date): Promise<JobRow | undefined> {
    const [row] = await ex
      .update(jobs)
      .set({ status: 'queued', attempts: 0, runAt: now, lockedBy: null, lockedUntil: null })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'dead')))
      .returning();
    return row;
  },

  async purgeDone(ex: Executor, before: Date): Promise<number> {
    const rows = await ex
      .delete(jobs)
      .where(sql`${jobs.status} = 'done' and ${jobs.finishedAt} < ${before}`)
      .returning({ id: jobs.id });
    return rows.length;
  },

  async countByStatus(ex: Executor): Promise<Record<string, number>> {
    const rows = await ex
      .select({ status: jobs.status, n: sql<number>`count(*)::int` })
      .from(jobs)
      .groupBy(jobs.status);
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  },

  async oldestQueued(ex: Executor): Promise<JobRow | undefined> {
    const [row] = await ex
      .select()
      .from(jobs)
      .where(eq(jobs.status, 'queued'))
      .orderBy(asc(jobs.runAt))
      .limit(1);
    return row;
  },
};
