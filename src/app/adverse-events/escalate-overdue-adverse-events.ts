import type { Complaint } from '../../domain/complaint/complaint';
import { adverseEventRepo } from '../../db/repos/adverse-event.repo';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { appendAudit } from '../audit/append-audit';
import { complaintEvents, findRoleOwners } from '../complaints/complaint-events';
import { systemContext } from '../context';
import type { Deps } from '../deps';
import { emitEvents } from '../platform/emit-events';

/** Who hears of a regulator deadline passed: those who decide reportability, and the GM above them. */
const ESCALATE_TO = ['quality_engineer', 'general_manager'] as const;

/**
 * R-AE-2 (with R-ESC-1): a reportability decision still open when its regulator deadline passes is escalated once —
 * an `adverse_event.overdue` outbox event and a `complaint.escalated` notification to the quality engineers and the
 * general manager; the audit row `adverse_event.overdue` marks it so later sweeps skip it. A decision taken as
 * reportable but not submitted by the deadline escalates once more, for that reason. Rows are claimed with SKIP
 * LOCKED and the mark is re-read after locking, so two workers never escalate one twice. Returns how many escalated.
 */
export const escalateOverdueAdverseEvents = async (deps: Deps, limit = 200): Promise<number> => {
  const now = deps.clock.now();
  const ctx = systemContext('adverse-event-sweep');
  return deps.db.transaction(async (tx) => {
    const claimed = await adverseEventRepo.claimOverdue(tx, now, limit);
    if (claimed.length === 0) return 0;
    const seen = await adverseEventRepo.findEscalated(
      tx,
      claimed.map((d) => d.id),
    );
    const due = claimed.filter((d) => !seen.has(`${d.id}/${d.reason}`));
    const owners = (await Promise.all(ESCALATE_TO.map((role) => findRoleOwners(tx, role)))).flat();
    for (const d of due) {
      const c = (await complaintRepo.findById(tx, d.complaintId)) as Complaint;
      const rule = { rule: 'R-AE-2', detail: `overdue:${d.reason}` };
      await appendAudit(tx, ctx, now, [
        {
          entityType: 'adverse_event_decision',
          entityId: d.id,
          action: 'adverse_event.overdue',
          after: {
            reason: d.reason,
            adverseEventId: d.adverseEventId,
            complaintId: d.complaintId,
            jurisdiction: d.jurisdiction,
            reportKind: d.reportKind,
            dueAt: d.dueAt,
            rules: [rule, { rule: 'R-ESC-1', detail: 'escalated' }],
          },
        },
      ]);
      await emitEvents(tx, now, [
        {
          type: 'adverse_event.overdue',
          aggregateType: 'adverse_event',
          aggregateId: d.adverseEventId,
          payload: {
            decisionId: d.id,
            complaintId: d.complaintId,
            number: c.number,
            jurisdiction: d.jurisdiction,
            reportKind: d.reportKind,
            dueAt: d.dueAt.toISOString(),
            reason: d.reason,
          },
        },
      ]);
      const what =
        d.reason === 'undecided'
          ? '未作出可报告性决定 no reportability decision'
          : '未提交报告 report not submitted';
      const summary = `不良事件报告逾期 Adverse-event report overdue: ${d.jurisdiction} ${d.reportKind} due ${d.dueAt.toISOString()} — ${what}`;
      const notified = new Set<string>();
      for (const owner of owners) {
        if (notified.has(owner.userId)) continue;
        notified.add(owner.userId);
        await emitEvents(tx, now, complaintEvents(c, ['escalated'], now, { owner, summary }));
      }
    }
    return due.length;
  });
};
