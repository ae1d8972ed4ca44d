import { decideBatchCaseStep, type BatchCaseDecision } from '../../domain/batch/batch-case-workflow';
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
 * R-BAT-5: the GM (batch.decide) decides the case on quality's investigation — market check 市场异常确认, write-off
 * 异常核销, compensation 赔偿 or recall 召回 per 《产品撤回控制程序》 — with a note 批示. Refused before the
 * investigation is filed (BATCH_INVESTIGATION_MISSING) and a second time. A recall decision then needs a recall
 * record before the case can close.
 */
export const decideBatchCase = async (
  deps: Deps,
  ctx: UseCaseContext,
  caseId: string,
  input: { readonly decision: BatchCaseDecision; readonly note: string },
): Promise<BatchCaseView> => {
  assertPermission(ctx.actor, 'batch.decide');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const c = await batchCaseRepo.findByIdForUpdate(tx, caseId);
    if (!c) throw new AppError('BATCH_CASE_NOT_FOUND');
    const tasks = await sealTaskRepo.listByCase(tx, caseId);
    const step = decideBatchCaseStep(factsOf(c, tasks, await recallRepo.findByCase(tx, caseId)), {
      type: 'decide',
      decision: input.decision,
    });
    if (!step.ok) throw new AppError(step.error.code, step.error.details);
    const decidedBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    await batchCaseRepo.update(tx, caseId, {
      status: step.value.next,
      decision: input.decision,
      decisionNote: input.note,
      decidedBy,
      decidedAt: now,
    });
    await emitEvents(tx, now, [
      {
        type: 'batch.case_decided',
        aggregateType: 'batch_case',
        aggregateId: caseId,
        payload: { caseId, number: c.number, batchNo: c.batchNo, decision: input.decision, note: input.note },
      },
    ]);
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'batch_case',
        entityId: caseId,
        action: 'batch_case.decided',
        before: { status: c.status },
        after: {
          status: step.value.next,
          decision: input.decision,
          note: input.note,
          rules: step.value.rules,
        },
      },
    ]);
    return loadBatchCaseView(tx, (await batchCaseRepo.findById(tx, caseId))!, now, linkedComplaintScope(ctx));
  });
};
