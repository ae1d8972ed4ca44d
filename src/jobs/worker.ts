import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Deps } from '../app/deps';
import {
  claimJobs,
  runClaimedJob,
  scheduleRecurringJobs,
  type JobHandler,
  type RecurringJob,
} from '../app/jobs/run-jobs';
import { claimOutboxEvents, deliverOutboxEvent, type OutboxHandler } from '../app/outbox/deliver-outbox';
import type { Metrics } from '../app/platform/metrics';
import { deadlineSweepJob } from './deadline-sweep.job';
import { maintenancePurgeJob } from './maintenance.job';

export type WorkerOptions = {
  readonly jobHandlers?: Readonly<Record<string, JobHandler>>;
  readonly recurring?: readonly RecurringJob[];
  readonly outboxHandlers?: readonly OutboxHandler[];
  readonly pollMs?: number;
  readonly batchSize?: number;
  readonly metrics?: Metrics;
  readonly workerId?: string;
};

export type Worker = {
  readonly id: string;
  /** Runs one pass (schedule, jobs, outbox) and says how much it did. Used by tests and by the loop. */
  readonly tick: () => Promise<{ jobs: number; events: number }>;
  readonly stop: () => Promise<void>;
};

/** The handlers every worker runs; later capabilities add theirs (deadline sweep, notifications, …). */
export const defaultJobHandlers: Record<string, JobHandler> = {
  [maintenancePurgeJob.kind]: maintenancePurgeJob.handler,
  [deadlineSweepJob.kind]: deadlineSweepJob.handler,
};
export const defaultRecurringJobs: readonly RecurringJob[] = [
  maintenancePurgeJob.recurring,
  deadlineSweepJob.recurring,
];

/**
 * Starts a worker loop: any number may run, in the server process or as `closeloop worker`, on one database.
 * Work is claimed with `FOR UPDATE SKIP LOCKED` and leases, so no two workers run the same job or deliver the
 * same event at once, and a worker that dies leaves nothing stuck. When idle it sleeps `pollMs`.
 */
export const startWorker = (deps: Deps, options: WorkerOptions = {}, autoLoop = true): Worker => {
  const id = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const handlers = options.jobHandlers ?? defaultJobHandlers;
  const recurring = options.recurring ?? defaultRecurringJobs;
  const outboxHandlers = options.outboxHandlers ?? [];
  const pollMs = options.pollMs ?? deps.config.jobs.pollMs;
  const batchSize = options.batchSize ?? deps.config.jobs.batchSize;
  const kinds = Object.keys(handlers);
  const scheduledSlots = new Map<string, number>();
  let running = autoLoop;
  let wake: (() => void) | undefined;

  const tick = async () => {
    await scheduleRecurringJobs(deps, recurring, scheduledSlots);
    const claimed = await claimJobs(deps, id, batchSize, kinds);
    for (const job of claimed) {
      const handler = handlers[job.kind];
      if (!handler) continue;
      const outcome = await runClaimedJob(deps, id, job, handler);
      options.metrics?.jobsSettled.inc({ kind: job.kind, outcome });
    }
    const events = await claimOutboxEvents(deps, batchSize);
    for (const event of events) {
      const outcome = await deliverOutboxEvent(deps, event, outboxHandlers);
      options.metrics?.outboxSettled.inc({ type: event.type, outcome });
    }
    return { jobs: claimed.length, events: events.length };
  };

  const loop = (async () => {
    while (running) {
      let busy = false;
      try {
        const done = await tick();
        busy = done.jobs + done.events > 0;
      } catch (e) {
        deps.log.error({ err: e, workerId: id }, 'worker pass failed; retrying after the poll interval');
      }
      if (running && !busy) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  })();

  return {
    id,
    tick,
    stop: async () => {
      running = false;
      wake?.();
      await loop;
    },
  };
};
