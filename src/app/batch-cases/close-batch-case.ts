import { decideBatchCaseStep } from '../../domain/batch/batch-case-workflow';
import { batchCaseRepo, sealTaskRepo } from '../../db/repos/batch-case-workflow.repo';
import { recallRepo } from '../../db/repos/recall.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { emitEvents } from '../platform/emit-events';
import { factsOf, linkedComplaintScope, loadBatchCaseView, type BatchCaseView } from './batch-case-view';

/**
 * Closes a decided batch case (R-BAT-4, R-BAT-5) once every seal task is done and, when the GM decided a recall, the
 * recall exists and is completed; otherwise 409 BATCH_CASE_NOT_CLOSABLE lists the reasons. A closed case frees the
 * (product, batch, mechanism) for a new case.
 */
export const closeBatchCase = async (
  deps: Deps,
  ctx: UseCaseContext,
  caseId: string,
  input: { readonly note?: string | undefined },
): Promise<BatchCaseView> => {
  assertPermission(ctx.actor, 'batch.manage');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const c = await batchCaseRepo.findByIdForUpdate(tx, caseId);
    if (!c) throw new AppError('BATCH_CASE_NOT_FOUND');
    const tasks = await sealTaskRepo.listByCase(tx, caseId);
    const recall = await recallRepo.findByCase(tx, caseId);
    const step = decideBatchCaseStep(factsOf(c, tasks, recall), { type: 'close' });
    if (!step.ok) throw new AppError(step.error.code, step.error.details);
    await batchCaseRepo.update(tx, caseId, { status: step.value.next, closedAt: now });
    await emitEvents(tx, now, [
      {
        type: 'batch.case_closed',
        aggregateType: 'batch_case',
        aggregateId: caseId,
        payload: { caseId, number: c.number, decision: c.decision, recallId: recall?.id ?? null },
      },
    ]);
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'batch_case',
        entityId: caseId,
        action: 'batch_case.closed',
        before: { status: c.status },
        after: {
          status: step.value.next,
          sealed: tasks.map((t) => ({ region: t.region, sealedQuantity: t.sealedQuantity })),
          recallId: recall?.id ?? null,
          note: input.note ?? null,
          rules: step.value.rules,
        },
      },
    ]);
    return loadBatchCaseView(tx, (await batchCaseRepo.findById(tx, caseId))!, now, linkedComplaintScope(ctx));
  });
};
