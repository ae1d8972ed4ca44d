import { decideInvestigationEffects } from '../../domain/investigation/decide-investigation-effects';
import { emptyInvestigationRecord } from '../../domain/investigation/investigation-record';
import { validateInvestigationForFiling } from '../../domain/investigation/validate-investigation-for-filing';
import { investigationRepo } from '../../db/repos/investigation.repo';
import { appendAudit } from '../audit/append-audit';
import { countBatchSignal } from '../batch-signals/count-batch-signal';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { emitEvents } from '../platform/emit-events';
import {
  buildInvestigationView,
  complaintFactsOf,
  findAtVersion,
  lockEditableComplaint,
  productFactsOf,
  withFullChecklist,
  type InvestigationView,
} from './investigation-view';

/**
 * Files the investigation (DOMAIN §6): the record at `version` must pass every R-INV rule
 * (`validateInvestigationForFiling`), else INVESTIGATION_INCOMPLETE with all problems, each with its path and rule.
 * Filing stamps who and when, stores the recall-analysis flag the verdict or outcome forces (R-INV-3/4), records the
 * failure mechanism for batch signals (R-BAT-1), writes an audit row and emits `complaint.investigation_filed` with
 * the verdict, outcome, mechanism, product and batch. Complaint milestones (e.g. `unit_analysed`, R-SLA-12) stay
 * separate: filing does not record them.
 */
export const fileInvestigation = async (
  deps: Deps,
  ctx: UseCaseContext,
  complaintId: string,
  input: { readonly version: number },
): Promise<InvestigationView> => {
  const now = deps.clock.now();
  const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  return deps.db.transaction(async (tx) => {
    const complaint = await lockEditableComplaint(tx, ctx, complaintId);
    const stored = await findAtVersion(tx, complaintId, input.version);
    if (stored?.filedAt) throw new AppError('INVESTIGATION_ALREADY_FILED', { filedAt: stored.filedAt });
    const record = withFullChecklist(stored ?? emptyInvestigationRecord());
    const facts = await complaintFactsOf(tx, complaint);
    const problems = validateInvestigationForFiling(record, facts);
    if (!stored || problems.length > 0) throw new AppError('INVESTIGATION_INCOMPLETE', { problems });
    const effects = decideInvestigationEffects(record, productFactsOf(complaint));
    const filedRecord = { ...record, recallAnalysisNeeded: effects.recallAnalysisNeeded };
    const filed = await investigationRepo.update(
      tx,
      complaintId,
      stored.version,
      filedRecord,
      { filedAt: now, filedBy: by },
      now,
    );
    if (!filed) throw new AppError('VERSION_CONFLICT', { currentVersion: stored.version });
    const summary = {
      complaintId,
      number: complaint.number,
      verdict: filedRecord.verdict,
      productOutcome: filedRecord.productOutcome,
      recallAnalysisNeeded: filedRecord.recallAnalysisNeeded,
      failureMechanism: effects.mechanism?.failureMechanism ?? null,
      productId: complaint.product.id,
      batchNo: complaint.product.batchNo,
      rules: effects.rules,
    };
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'investigation',
        entityId: complaintId,
        action: 'investigation.filed',
        before: { version: stored.version, filedAt: null },
        after: { ...summary, version: filed.version, filedAt: now, filedBy: by },
      },
    ]);
    await emitEvents(tx, now, [
      {
        type: 'complaint.investigation_filed',
        aggregateType: 'complaint',
        aggregateId: complaintId,
        payload: { ...summary, filedAt: now.toISOString(), filedBy: by },
      },
    ]);
    // R-BAT-1: the mechanism the investigation found replaces the one the complaint was counted under.
    await countBatchSignal(deps, tx, ctx, complaint, now, 'investigation');
    return buildInvestigationView(complaint, filed, facts);
  });
};
