import type { Recall, RecallTarget } from '../../domain/batch/batch-case-records';
import {
  computeNotificationDueAt,
  computeRecallProgress,
  type RecallProgress,
} from '../../domain/batch/plan-recall';
import type { Executor } from '../../db/client';
import { batchCaseRepo } from '../../db/repos/batch-case-workflow.repo';
import { customerRepo } from '../../db/repos/customer.repo';
import { productRepo } from '../../db/repos/product.repo';
import { recallRepo } from '../../db/repos/recall.repo';

export type RecallTargetView = RecallTarget & {
  readonly customer: { readonly id: string; readonly code: string | null; readonly name: string } | null;
  /** Told after the class's notice time (1 / 3 / 7 days), or not told and that time has passed. */
  readonly notificationLate: boolean;
};

export type RecallView = {
  readonly recall: Recall;
  readonly caseNumber: string | null;
  readonly productName: string | null;
  /** A medical device: the class is the regulator's (医疗器械召回管理办法); otherwise an internal severity level. */
  readonly medicalDevice: boolean;
  readonly notificationDueAt: Date;
  readonly progress: RecallProgress;
  readonly targets: readonly RecallTargetView[];
};

/** A recall with its targets (customer named), progress % and the class's notification deadline (R-BAT-5). */
export const loadRecallView = async (ex: Executor, recall: Recall, now: Date): Promise<RecallView> => {
  const targets = await recallRepo.listTargets(ex, recall.id);
  const product = await productRepo.findById(ex, recall.productId);
  const notificationDueAt = computeNotificationDueAt(recall.startedAt, recall.recallClass);
  const customers = new Map<string, RecallTargetView['customer']>();
  for (const id of new Set(targets.map((t) => t.customerId).filter((x): x is string => x !== null))) {
    const c = await customerRepo.findById(ex, id);
    if (c) customers.set(id, { id, code: c.code, name: c.name });
  }
  return {
    recall,
    caseNumber: recall.caseId ? ((await batchCaseRepo.findById(ex, recall.caseId))?.number ?? null) : null,
    productName: product?.name ?? null,
    medicalDevice: product?.medicalDevice ?? false,
    notificationDueAt,
    progress: computeRecallProgress(targets),
    targets: targets.map((t) => ({
      ...t,
      customer: t.customerId ? (customers.get(t.customerId) ?? null) : null,
      notificationLate: (t.notifiedAt ?? now) > notificationDueAt,
    })),
  };
};
