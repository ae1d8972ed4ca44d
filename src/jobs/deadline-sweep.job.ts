import type { JobHandler, RecurringJob } from '../app/jobs/run-jobs';
import { sweepDeadlines } from '../app/complaints/sweep-deadlines';
import { escalateOverdueAdverseEvents } from '../app/adverse-events/escalate-overdue-adverse-events';
import { escalateOverdueTasks } from '../app/compensation/execution-tasks';
import { sweepCapa } from '../app/capa/sweep-capa';
import { escalateOverdueBatchInvestigations } from '../app/batch-cases/escalate-overdue-investigations';
import { escalateOverdueQualityReports } from '../app/batch-signals/escalate-overdue-quality-reports';

/**
 * Every 30 s: warn owners of clocks near their due time, escalate breached ones (R-ESC-1, R-KPI-2), escalate
 * agreed solutions not carried out by their date (R-RES-9), batch investigations past 2 hours (R-SLA-11), quality
 * reports past 72 hours (R-SLA-7), adverse-event decisions past due (R-AE-2), and sweep CAPA.
 */
export const deadlineSweepJob: { kind: string; handler: JobHandler; recurring: RecurringJob } = {
  kind: 'deadline.sweep',
  handler: async (deps) => {
    const escalated = await escalateOverdueTasks(deps);
    if (escalated > 0) deps.log.info({ escalated }, 'execution tasks escalated (R-RES-9)');
    const overdueCases = await escalateOverdueBatchInvestigations(deps);
    if (overdueCases > 0)
      deps.log.info({ overdueCases }, 'batch investigations overdue escalated (R-SLA-11)');
    const lateQualityReports = await escalateOverdueQualityReports(deps);
    if (lateQualityReports > 0)
      deps.log.info({ lateQualityReports }, 'quality reports past 72 hours escalated (R-SLA-7)');
    const overdueReports = await escalateOverdueAdverseEvents(deps);
    if (overdueReports > 0)
      deps.log.info({ overdueReports }, 'adverse-event decisions overdue escalated (R-AE-2)');
    const capa = await sweepCapa(deps);
    if (Object.values(capa).some((n) => n > 0))
      deps.log.info(
        { capa },
        'CAPA sweep: overdue, effectiveness, disposal windows (R-CAPA-1, R-CAPA-3, R-ESC-3)',
      );
    // Drain in passes so a backlog (after downtime) is cleared in one run without one huge transaction.
    for (let pass = 0; pass < 20; pass += 1) {
      const report = await sweepDeadlines(deps);
      if (report.warned + report.breached > 0) deps.log.info({ report }, 'deadline sweep');
      if (report.rowsTouched < 1000) return;
    }
  },
  recurring: { kind: 'deadline.sweep', everySeconds: 30 },
};
