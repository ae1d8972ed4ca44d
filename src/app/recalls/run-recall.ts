import {
  computeNotificationDueAt,
  decideRecallCompletion,
  decideTargetUpdate,
  type CompletionInput,
} from '../../domain/batch/plan-recall';
import { recallRepo, type RecallFilter } from '../../db/repos/recall.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { emitEvents } from '../platform/emit-events';
import { loadRecallView, type RecallView } from './recall-view';
import type { Recall } from '../../domain/batch/batch-case-records';

/** One recall with targets and progress (batch.read). */
export const getRecall = async (deps: Deps, ctx: UseCaseContext, id: string): Promise<RecallView> => {
  assertPermission(ctx.actor, 'batch.read');
  const ex = deps.db.reader();
  const recall = await recallRepo.findById(ex, id);
  if (!recall) throw new AppError('RECALL_NOT_FOUND');
  return loadRecallView(ex, recall, deps.clock.now());
};

/** Recalls, newest first, by status, product or case (batch.read). */
export const listRecalls = async (
  deps: Deps,
  ctx: UseCaseContext,
  filter: RecallFilter & { readonly limit?: number | undefined },
): Promise<Recall[]> => {
  assertPermission(ctx.actor, 'batch.read');
  return recallRepo.list(deps.db.reader(), filter, Math.min(filter.limit ?? 100, 500));
};

/**
 * R-BAT-5: records that a target was told (`notified: true`, stamped now, kept on repeats) and/or how many units came
 * back from it (absolute count, at most what it received, only once told). The recall's recovered total follows.
 */
export const recordRecallTarget = async (
  deps: Deps,
  ctx: UseCaseContext,
  recallId: string,
  targetId: string,
  input: { readonly notified?: boolean | undefined; readonly recoveredQuantity?: number | undefined },
): Promise<RecallView> => {
  assertPermission(ctx.actor, 'recall.manage');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const recall = await recallRepo.findByIdForUpdate(tx, recallId);
    if (!recall) throw new AppError('RECALL_NOT_FOUND');
    const target = (await recallRepo.listTargets(tx, recallId)).find((t) => t.id === targetId);
    if (!target) throw new AppError('RECALL_TARGET_NOT_FOUND');
    const notificationDueAt = computeNotificationDueAt(recall.startedAt, recall.recallClass);
    const r = decideTargetUpdate({ status: recall.status, notificationDueAt }, target, input, now);
    if (!r.ok) throw new AppError(r.error.code, r.error.details);
    const after = { notifiedAt: r.value.notifiedAt, recoveredQuantity: r.value.recoveredQuantity };
    if (r.value.rules.length > 0) {
      await recallRepo.updateTarget(tx, targetId, after, now);
      await recallRepo.refreshRecovered(tx, recallId);
      await appendAudit(tx, ctx, now, [
        {
          entityType: 'recall_target',
          entityId: targetId,
          action: 'recall.target_updated',
          before: { notifiedAt: target.notifiedAt, recoveredQuantity: target.recoveredQuantity },
          after: { ...after, recallId, region: target.region, batchNo: target.batchNo, rules: r.value.rules },
        },
      ]);
    }
    return loadRecallView(tx, (await recallRepo.findById(tx, recallId))!, now);
  });
};

/**
 * R-BAT-5: completes a recall with its completion report — units recovered (from the targets), disposal of the
 * recovered units, effectiveness, remaining risk. Refused while any target has not been notified
 * (RECALL_TARGETS_NOT_NOTIFIED) or when completed already.
 */
export const completeRecall = async (
  deps: Deps,
  ctx: UseCaseContext,
  recallId: string,
  input: CompletionInput,
): Promise<RecallView> => {
  assertPermission(ctx.actor, 'recall.manage');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const recall = await recallRepo.findByIdForUpdate(tx, recallId);
    if (!recall) throw new AppError('RECALL_NOT_FOUND');
    const targets = await recallRepo.listTargets(tx, recallId);
    const notificationDueAt = computeNotificationDueAt(recall.startedAt, recall.recallClass);
    const r = decideRecallCompletion({ status: recall.status, notificationDueAt }, targets, input, now);
    if (!r.ok) throw new AppError(r.error.code, r.error.details);
    await recallRepo.complete(tx, recallId, r.value.report, now);
    await emitEvents(tx, now, [
      {
        type: 'batch.recall_completed',
        aggregateType: 'recall',
        aggregateId: recallId,
        payload: { recallId, number: recall.number, caseId: recall.caseId, report: r.value.report },
      },
    ]);
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'recall',
        entityId: recallId,
        action: 'recall.completed',
        before: { status: recall.status },
        after: { status: 'completed', report: r.value.report, rules: r.value.rules },
      },
    ]);
    return loadRecallView(tx, (await recallRepo.findById(tx, recallId))!, now);
  });
};
