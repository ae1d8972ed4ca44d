import type { JobHandler, RecurringJob } from '../app/jobs/run-jobs';
import { sweepDeadlines } from '../app/complaints/sweep-deadlines';

/** Every 30 s: warn owners of clocks near their due time, escalate breached ones (R-ESC-1, R-KPI-2). */
export const deadlineSweepJob: { kind: string; handler: JobHandler; recurring: RecurringJob } = {
  kind: 'deadline.sweep',
  handler: async (deps) => {
    // Drain in passes so a backlog (after downtime) is cleared in one run without one huge transaction.
    for (let pass = 0; pass < 20; pass += 1) {
      const report = await sweepDeadlines(deps);
      if (report.warned + report.breached > 0) deps.log.info({ report }, 'deadline sweep');
      if (report.rowsTouched < 1000) return;
    }
  },
  recurring: { kind: 'deadline.sweep', everySeconds: 30 },
};
