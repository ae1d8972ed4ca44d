import { formatBatchDocumentNumber } from '../../domain/batch/batch-case-workflow';
import {
  computeNotificationDueAt,
  planRecallTargets,
  type RecallClass,
} from '../../domain/batch/plan-recall';
import { toLocalDateTime } from '../../domain/sla/convert-local-time';
import { batchCaseRepo } from '../../db/repos/batch-case-workflow.repo';
import { batchRepo } from '../../db/repos/batch.repo';
import { documentCounterRepo } from '../../db/repos/document-counter.repo';
import { productRepo } from '../../db/repos/product.repo';
import { recallRepo } from '../../db/repos/recall.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { newId } from '../new-id';
import { emitEvents } from '../platform/emit-events';
import { loadRecallView, type RecallView } from './recall-view';

export type StartRecallInput = {
  readonly caseId?: string | undefined;
  readonly productId?: string | undefined;
  readonly recallClass: RecallClass;
  readonly reason: string;
  readonly scope?:
    | {
        readonly batches?: readonly string[] | undefined;
        readonly regions?: readonly string[] | undefined;
      }
    | undefined;
};

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', {
    in: 'body',
    issues: [{ path: path.split('.'), code: 'custom', message }],
  });

/**
 * R-BAT-5: starts a recall 产品撤回 — from a batch case the GM decided "recall" (one recall per case; the case's
 * product, and its batch unless the scope names batches) or standalone for a product. The targets are the
 * customers reached through the shipments of the scope's batches into the scope's regions (every region when none
 * is named); units in scope are the units shipped there. The class sets the notice time (I/II/III: 1/3/7 days).
 */
export const startRecall = async (
  deps: Deps,
  ctx: UseCaseContext,
  input: StartRecallInput,
): Promise<RecallView> => {
  assertPermission(ctx.actor, 'recall.manage');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    let productId = input.productId;
    let batches = input.scope?.batches ? [...new Set(input.scope.batches)] : undefined;
    let caseNumber: string | null = null;
    if (input.caseId) {
      const c = await batchCaseRepo.findByIdForUpdate(tx, input.caseId);
      if (!c) throw new AppError('BATCH_CASE_NOT_FOUND', { caseId: input.caseId });
      if (c.decision !== 'recall')
        throw new AppError('RECALL_NOT_DECIDED', { status: c.status, decision: c.decision, rule: 'R-BAT-5' });
      const existing = await recallRepo.findByCase(tx, c.id);
      if (existing)
        throw new AppError('RECALL_ALREADY_EXISTS', { recallId: existing.id, number: existing.number });
      if (productId && productId !== c.productId) throw invalid('productId', "must be the case's product");
      productId = c.productId;
      batches ??= [c.batchNo];
      caseNumber = c.number;
    }
    if (!productId) throw invalid('productId', 'required without caseId');
    if (!batches || batches.length === 0) throw invalid('scope.batches', 'required without caseId');
    const product = await productRepo.findById(tx, productId);
    if (!product) throw new AppError('PRODUCT_NOT_FOUND', { productId });
    for (const batchNo of batches)
      if (!(await batchRepo.findByProductAndNo(tx, productId, batchNo)))
        throw new AppError('BATCH_NOT_FOUND', { productId, batchNo });

    const lines = await recallRepo.shipmentLines(tx, productId, batches);
    const plan = planRecallTargets(lines, { batches, regions: input.scope?.regions ?? null });
    if (!plan.ok) throw new AppError(plan.error.code, plan.error.details);

    const year = Number(toLocalDateTime(deps.config.defaultTimeZone, now).date.slice(0, 4));
    const number = formatBatchDocumentNumber(
      'recall',
      year,
      await documentCounterRepo.next(tx, 'recall', year),
    );
    const id = newId(now.getTime());
    const startedBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    const row = {
      id,
      number,
      caseId: input.caseId ?? null,
      productId,
      recallClass: input.recallClass,
      scope: plan.value.scope,
      status: 'in_progress',
      unitsInScope: plan.value.unitsInScope,
      reason: input.reason,
      startedAt: now,
      startedBy,
    };
    const targets = plan.value.targets.map((t) => ({
      id: newId(now.getTime()),
      recallId: id,
      customerId: t.customerId,
      region: t.region,
      batchNo: t.batchNo,
      quantity: t.quantity,
      notifiedAt: null,
      recoveredQuantity: 0,
      updatedAt: now,
    }));
    await recallRepo.insert(tx, row, targets);
    const notificationDueAt = computeNotificationDueAt(now, input.recallClass);
    await emitEvents(tx, now, [
      {
        type: 'batch.recall_started',
        aggregateType: 'recall',
        aggregateId: id,
        payload: {
          recallId: id,
          number,
          caseId: input.caseId ?? null,
          caseNumber,
          productId,
          productName: product.name,
          recallClass: input.recallClass,
          scope: plan.value.scope,
          unitsInScope: plan.value.unitsInScope,
          targets: targets.length,
          notificationDueAt: notificationDueAt.toISOString(),
        },
      },
    ]);
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'recall',
        entityId: id,
        action: 'recall.started',
        after: {
          ...row,
          targets: targets.length,
          notificationDueAt,
          medicalDevice: product.medicalDevice,
          rules: plan.value.rules,
        },
        reason: input.reason,
      },
    ]);
    return loadRecallView(tx, (await recallRepo.findById(tx, id))!, now);
  });
};
