import { decideBatchCaseStep } from '../../domain/batch/batch-case-workflow';
import type { BatchInvestigation } from '../../domain/batch/batch-case-records';
import { batchCaseRepo, sealTaskRepo } from '../../db/repos/batch-case-workflow.repo';
import { recallRepo } from '../../db/repos/recall.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { emitEvents } from '../platform/emit-events';
import {
  factsOf,
  linkedComplaintScope,
  loadBatchCaseView,
  loadInvestigationPrefill,
  type BatchCaseView,
} from './batch-case-view';

export type FileBatchInvestigationInput = {
  readonly retainedSamples: BatchInvestigation['retainedSamples'];
  /** Total produced in the batch; the batch record's quantity when absent. */
  readonly batchQuantity?: number | undefined;
  readonly productionConditions: string;
  /** Units shipped per region; the shipment records when absent. */
  readonly shipmentsByRegion?: readonly { readonly region: string; readonly quantity: number }[] | undefined;
  readonly conclusion: string;
};

/**
 * R-BAT-4 / R-SLA-11: quality files the batch investigation — retained samples 留样, batch quantity, that day's
 * production conditions, shipments per region (prefilled from the records), conclusion — for the GM's decision. Due
 * 2 h after the case opened; a later filing is accepted and recorded as an R-SLA-11 breach (`late`, the rule hit in
 * the investigation and the audit trail). Once per case, and not after the decision.
 */
export const fileBatchInvestigation = async (
  deps: Deps,
  ctx: UseCaseContext,
  caseId: string,
  input: FileBatchInvestigationInput,
): Promise<BatchCaseView> => {
  assertPermission(ctx.actor, 'batch.manage');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const c = await batchCaseRepo.findByIdForUpdate(tx, caseId);
    if (!c) throw new AppError('BATCH_CASE_NOT_FOUND');
    const tasks = await sealTaskRepo.listByCase(tx, caseId);
    const step = decideBatchCaseStep(factsOf(c, tasks, await recallRepo.findByCase(tx, caseId)), {
      type: 'file_investigation',
      at: now,
    });
    if (!step.ok) throw new AppError(step.error.code, step.error.details);

    const prefill = await loadInvestigationPrefill(tx, c);
    const batchQuantity = input.batchQuantity ?? prefill.batchQuantity;
    if (batchQuantity === null)
      throw new AppError('VALIDATION_FAILED', {
        in: 'body',
        issues: [{ path: ['batchQuantity'], code: 'required', message: 'the batch record has no quantity' }],
      });
    const investigation: BatchInvestigation = {
      retainedSamples: input.retainedSamples,
      batchQuantity,
      productionConditions: input.productionConditions,
      shipmentsByRegion: input.shipmentsByRegion ?? prefill.shipmentsByRegion,
      conclusion: input.conclusion,
      late: step.value.late,
      rules: step.value.rules,
    };
    const filedBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    await batchCaseRepo.update(tx, caseId, {
      status: step.value.next,
      investigation,
      investigationFiledAt: now,
      investigationFiledBy: filedBy,
    });
    await emitEvents(tx, now, [
      {
        type: 'batch.investigation_filed',
        aggregateType: 'batch_case',
        aggregateId: caseId,
        payload: {
          caseId,
          number: c.number,
          batchNo: c.batchNo,
          late: step.value.late,
          dueAt: c.investigationDueAt.toISOString(),
          filedAt: now.toISOString(),
        },
      },
    ]);
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'batch_case',
        entityId: caseId,
        action: step.value.late ? 'batch_case.investigation_filed_late' : 'batch_case.investigation_filed',
        before: { status: c.status },
        after: {
          status: step.value.next,
          investigation,
          dueAt: c.investigationDueAt,
          minutesLate: step.value.late
            ? Math.ceil((now.getTime() - c.investigationDueAt.getTime()) / 60_000)
            : 0,
          rules: step.value.rules,
        },
      },
    ]);
    return loadBatchCaseView(tx, (await batchCaseRepo.findById(tx, caseId))!, now, linkedComplaintScope(ctx));
  });
};
