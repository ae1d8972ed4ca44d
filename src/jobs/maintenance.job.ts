import type { JobHandler, RecurringJob } from '../app/jobs/run-jobs';
import { purgeExpired } from '../app/ops/purge-expired';

/** Hourly housekeeping: ended sessions, expired idempotency keys, old finished jobs and delivered events. */
export const maintenancePurgeJob: { kind: string; handler: JobHandler; recurring: RecurringJob } = {
  kind: 'maintenance.purge',
  handler: async (deps) => {
    const purged = await purgeExpired(deps);
    deps.log.info({ purged }, 'maintenance purge done');
  },
  recurring: { kind: 'maintenance.purge', everySeconds: 3600 },
};
