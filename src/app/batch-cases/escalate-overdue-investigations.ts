import { batchCaseRepo, INVESTIGATION_OVERDUE_ACTION } from '../../db/repos/batch-case-workflow.repo';
import { appendAudit } from '../audit/append-audit';
import { findRoleOwners } from '../complaints/complaint-events';
import { systemContext } from '../context';
import type { Deps } from '../deps';
import { emitEvents } from '../platform/emit-events';

/**
 * R-SLA-11 / R-ESC-1: a batch case whose 2-hour investigation is past due and not filed is escalated once to the GM
 * and quality — one `batch.case_overdue` outbox event per case listing who is told — and the escalation is written to
 * the audit trail, which is also what makes it "once": a case with that audit row is never claimed again. Cases are
 * claimed with SKIP LOCKED so two workers never escalate one case twice. Returns how many were escalated.
 */
export const escalateOverdueBatchInvestigations = async (deps: Deps, limit = 100): Promise<number> => {
  const now = deps.clock.now();
  const ctx = systemContext('batch-case-sweep');
  return deps.db.transaction(async (tx) => {
    const due = await batchCaseRepo.claimOverdueInvestigations(tx, now, limit);
    if (due.length === 0) return 0;
    const recipients = [
      ...(await findRoleOwners(tx, 'general_manager')).map((o) => ({ ...o, role: 'general_manager' })),
      ...(await findRoleOwners(tx, 'quality_engineer')).map((o) => ({ ...o, role: 'quality_engineer' })),
    ].filter((o, i, all) => all.findIndex((x) => x.userId === o.userId) === i);
    const rules = [{ rule: 'R-SLA-11', detail: 'investigation_overdue_escalated' }];
    await emitEvents(
      tx,
      now,
      due.map((c) => ({
        type: 'batch.case_overdue',
        aggregateType: 'batch_case',
        aggregateId: c.id,
        payload: {
          caseId: c.id,
          number: c.number,
          productId: c.productId,
          batchNo: c.batchNo,
          mechanism: c.mechanism,
          region: c.region,
          status: c.status,
          investigationDueAt: c.investigationDueAt.toISOString(),
          minutesOverdue: Math.floor((now.getTime() - c.investigationDueAt.getTime()) / 60_000),
          recipients,
          summary: `批量调查超时 Batch investigation overdue: ${c.number} ${c.batchNo} (${c.mechanism})`,
          rules,
        },
      })),
    );
    await appendAudit(
      tx,
      ctx,
      now,
      due.map((c) => ({
        entityType: 'batch_case',
        entityId: c.id,
        action: INVESTIGATION_OVERDUE_ACTION,
        after: {
          investigationDueAt: c.investigationDueAt,
          escalatedTo: recipients.map((r) => ({ userId: r.userId, role: r.role })),
          rules,
        },
      })),
    );
    return due.length;
  });
};
