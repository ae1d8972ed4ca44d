import { decideRetry, type RetryPolicy } from '../../domain/platform/decide-retry';
import { jobRepo, type JobRow } from '../../db/repos/job.repo';
import type { Deps } from '../deps';

export type JobHandler = (deps: Deps, payload: Record<string, unknown>, job: JobRow) => Promise<void>;

/** A job that runs every `everySeconds`; each slot is enqueued once however many workers run. */
export type RecurringJob = { readonly kind: string; readonly everySeconds: number };

export const JOB_RETRY: RetryPolicy = { maxAttempts: 5, baseSeconds: 10, capSeconds: 3600 };
const LEASE_SECONDS = 300;

/** Enqueues a job in its own transaction (or the caller's ambient one). */
export const enqueueJob = async (
  deps: Deps,
  job: {
    kind: string;
    payload?: Record<string, unknown>;
    runAt?: Date;
    maxAttempts?: number;
    dedupeKey?: string | null;
  },
): Promise<number | undefined> => {
  const now = deps.clock.now();
  return deps.db.transaction((tx) =>
    jobRepo.enqueue(
      tx,
      {
        kind: job.kind,
        payload: job.payload ?? {},
        runAt: job.runAt ?? now,
        maxAttempts: job.maxAttempts ?? JOB_RETRY.maxAttempts,
        dedupeKey: job.dedupeKey ?? null,
      },
      now,
    ),
  );
};

/**
 * Enqueues the current slot of every recurring job; the dedupe key makes concurrent workers agree. `seen`
 * remembers the slots this worker already enqueued, so an idle worker does not write on every poll.
 */
export const scheduleRecurringJobs = async (
  deps: Deps,
  recurring: readonly RecurringJob[],
  seen: Map<string, number> = new Map(),
): Promise<void> => {
  const now = deps.clock.now().getTime();
  for (const r of recurring) {
    const slot = Math.floor(now / (r.everySeconds * 1000)) * r.everySeconds * 1000;
    if (seen.get(r.kind) === slot) continue;
    const runAt = new Date(slot);
    await enqueueJob(deps, { kind: r.kind, runAt, dedupeKey: `${r.kind}@${runAt.toISOString()}` });
    seen.set(r.kind, slot);
  }
};

/** Claims due jobs of the given kinds for this worker, first returning abandoned ones to the queue. */
export const claimJobs = async (
  deps: Deps,
  workerId: string,
  limit: number,
  kinds: readonly string[],
): Promise<JobRow[]> => {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await jobRepo.reclaimExpired(tx, now);
    return jobRepo.claim(tx, workerId, now, new Date(now.getTime() + LEASE_SECONDS * 1000), limit, kinds);
  });
};

/** Runs one claimed job and settles it: done, retried later with backoff, or dead-lettered. */
export const runClaimedJob = async (
  deps: Deps,
  workerId: string,
  job: JobRow,
  handler: JobHandler,
): Promise<'done' | 'retry' | 'dead'> => {
  try {
    await handler(deps, job.payload as Record<string, unknown>, job);
    await deps.db.transaction((tx) => jobRepo.complete(tx, job.id, workerId, deps.clock.now()));
    return 'done';
  } catch (e) {
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const decision = decideRetry(
      job.attempts,
      deps.clock.now(),
      { ...JOB_RETRY, maxAttempts: job.maxAttempts },
      Math.random(),
    );
    await deps.db.transaction((tx) =>
      jobRepo.fail(
        tx,
        job.id,
        workerId,
        message.slice(0, 2000),
        decision.kind === 'retry' ? decision.at : null,
      ),
    );
    deps.log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: message }, 'job failed');
    return decision.kind;
  }
};
