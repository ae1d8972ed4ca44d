import type { QualityReportContent } from '../../domain/batch/batch-signal';
import type { Complaint } from '../../domain/complaint/complaint';
import { isTerminal } from '../../domain/complaint/complaint-status';
import type { RuleHit } from '../../domain/shared/rule-hit';
import { batchSignalRepo } from '../../db/repos/batch-signal.repo';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { qualityReportRepo } from '../../db/repos/quality-report.repo';
import { appendAudit, type AuditEntry } from '../audit/append-audit';
import { advanceClocks, mergeEventTimes } from '../complaints/advance-clocks';
import { complaintEvents, findOwner } from '../complaints/complaint-events';
import { loadComplaintSettings } from '../complaints/complaint-settings';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { emitEvents, type DomainEvent } from '../platform/emit-events';
import { loadQualityReportView, type QualityReportView } from './quality-report-view';

export type IssueQualityReportInput = {
  readonly content: QualityReportContent;
  readonly expectedVersion?: number | undefined;
};

/**
 * Issues a quality report 报告发出 (R-BAT-2/3, R-SLA-7): the content is recorded, the report becomes `issued`, and
 * the `report_issued` milestone is recorded on every complaint counted for its batch and mechanism that is still
 * being handled, so their R-SLA-7 clocks are met (late when past due). Complaints are locked in id order before the
 * report changes, so issuing never deadlocks with a triage of the same batch. An issued report does not change
 * again (409 QUALITY_REPORT_ALREADY_ISSUED); `expectedVersion`, when given, must match (409 VERSION_CONFLICT).
 */
export const issueQualityReport = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: IssueQualityReportInput,
): Promise<QualityReportView> => {
  assertPermission(ctx.actor, 'batch.manage');
  const now = deps.clock.now();
  const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  return deps.db.transaction(async (tx) => {
    const report = await qualityReportRepo.findById(tx, id);
    if (!report) throw new AppError('QUALITY_REPORT_NOT_FOUND');
    if (report.status !== 'open')
      throw new AppError('QUALITY_REPORT_ALREADY_ISSUED', {
        number: report.number,
        issuedAt: report.issuedAt,
      });
    if (input.expectedVersion !== undefined && input.expectedVersion !== report.version)
      throw new AppError('VERSION_CONFLICT', { currentVersion: report.version });

    const ids = [...(await batchSignalRepo.listCountedComplaintIds(tx, report))].sort();
    const locked: Complaint[] = [];
    for (const complaintId of ids) {
      const c = await complaintRepo.findByIdForUpdate(tx, complaintId);
      if (c && !isTerminal(c.status)) locked.push(c);
    }
    const content = {
      summary: input.content.summary.trim(),
      cause: input.content.cause.trim(),
      measures: input.content.measures.trim(),
    };
    if (
      !(await qualityReportRepo.markIssued(tx, id, report.version, { content, issuedAt: now, issuedBy: by }))
    ) {
      const again = await qualityReportRepo.findById(tx, id);
      if (again?.status === 'issued')
        throw new AppError('QUALITY_REPORT_ALREADY_ISSUED', { number: report.number });
      throw new AppError('VERSION_CONFLICT', { currentVersion: again?.version });
    }

    const settings = await loadComplaintSettings(deps.db, tx);
    const audit: AuditEntry[] = [
      {
        entityType: 'quality_report',
        entityId: id,
        action: 'quality_report.issued',
        before: { status: report.status, version: report.version },
        after: {
          status: 'issued',
          content,
          complaints: locked.map((c) => c.number),
          rules: [{ rule: report.kind === 'abnormality' ? 'R-BAT-2' : 'R-BAT-3' }, { rule: 'R-SLA-7' }],
        },
      },
    ];
    const events: DomainEvent[] = [
      {
        type: 'batch.report_issued',
        aggregateType: 'quality_report',
        aggregateId: id,
        payload: { reportId: id, number: report.number, kind: report.kind, issuedAt: now.toISOString() },
      },
    ];
    for (const c of locked) {
      const milestone = [{ type: 'report_issued' as const, at: now }];
      await complaintRepo.update(
        tx,
        c.id,
        c.version,
        { eventTimes: mergeEventTimes(c.eventTimes, milestone) },
        now,
      );
      const rules: RuleHit[] = await advanceClocks(tx, c, milestone, settings);
      audit.push({
        entityType: 'complaint',
        entityId: c.id,
        action: 'complaint.report_issued',
        after: { at: now, report: report.number, rules },
        reason: `${report.number} issued`,
      });
      const updated = (await complaintRepo.findById(tx, c.id)) ?? c;
      events.push(
        ...complaintEvents(updated, ['report_issued'], now, {
          owner: await findOwner(tx, updated.assigneeId),
          summary: `${report.number} 报告已发出 Report issued`,
        }),
      );
    }
    await appendAudit(tx, ctx, now, audit);
    await emitEvents(tx, now, events);
    const issued = await qualityReportRepo.findById(tx, id);
    return loadQualityReportView(tx, ctx, issued ?? report, now);
  });
};
