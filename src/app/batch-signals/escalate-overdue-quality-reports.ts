import { qualityReportRepo, REPORT_OVERDUE_ACTION } from '../../db/repos/quality-report.repo';
import { appendAudit } from '../audit/append-audit';
import { findRoleOwners } from '../complaints/complaint-events';
import { systemContext } from '../context';
import type { Deps } from '../deps';
import { emitEvents } from '../platform/emit-events';

const KIND_LABEL = {
  abnormality: '市场质量异常反馈单 market quality abnormality report',
  special: '质量专题报告 quality special report',
} as const;

/**
 * R-SLA-7 / R-ESC-1: a quality report still open 72 hours after the first complaint of its batch signal is
 * escalated once to the GM and quality — one `quality_report.overdue` outbox event per report listing who is told —
 * and the escalation is written to the audit trail, which is also what makes it "once": a report with that audit
 * row is never claimed again. Reports are claimed with SKIP LOCKED, so two workers never escalate one twice.
 * Returns how many were escalated.
 */
export const escalateOverdueQualityReports = async (deps: Deps, limit = 100): Promise<number> => {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const due = await qualityReportRepo.claimOverdue(tx, now, limit);
    if (due.length === 0) return 0;
    const recipients = [
      ...(await findRoleOwners(tx, 'general_manager')).map((o) => ({ ...o, role: 'general_manager' })),
      ...(await findRoleOwners(tx, 'quality_engineer')).map((o) => ({ ...o, role: 'quality_engineer' })),
    ].filter((o, i, all) => all.findIndex((x) => x.userId === o.userId) === i);
    const rules = [{ rule: 'R-SLA-7', detail: 'report_overdue_escalated' }];
    await emitEvents(
      tx,
      now,
      due.map((r) => ({
        type: 'quality_report.overdue',
        aggregateType: 'quality_report',
        aggregateId: r.id,
        payload: {
          reportId: r.id,
          number: r.number,
          kind: r.kind,
          productId: r.productId,
          batchNo: r.batchNo,
          mechanism: r.mechanism,
          firstComplaintAt: r.firstComplaintAt.toISOString(),
          dueAt: r.dueAt.toISOString(),
          hoursOverdue: Math.floor((now.getTime() - r.dueAt.getTime()) / 3_600_000),
          recipients,
          summary: `${KIND_LABEL[r.kind]} 超过 72 小时未发出 overdue: ${r.number} ${r.batchNo} (${r.mechanism})`,
          rules,
        },
      })),
    );
    await appendAudit(
      tx,
      systemContext('quality-report-sweep'),
      now,
      due.map((r) => ({
        entityType: 'quality_report',
        entityId: r.id,
        action: REPORT_OVERDUE_ACTION,
        after: {
          dueAt: r.dueAt,
          escalatedTo: recipients.map((x) => ({ userId: x.userId, role: x.role })),
          rules,
        },
      })),
    );
    return due.length;
  });
};
