import type { z } from 'zod';
import type { RecallView } from '../../app/recalls/recall-view';
import type { Recall } from '../../domain/batch/batch-case-records';
import type { ZRecallSummary, ZRecallView } from '../../contracts/recall.contract';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const presentRecallSummary = (r: Recall): z.output<typeof ZRecallSummary> => ({
  id: r.id,
  number: r.number,
  caseId: r.caseId,
  productId: r.productId,
  recallClass: r.recallClass,
  scope: { batches: [...r.scope.batches], regions: [...r.scope.regions] },
  status: r.status,
  unitsInScope: r.unitsInScope,
  unitsRecovered: r.unitsRecovered,
  reason: r.reason,
  startedAt: r.startedAt.toISOString(),
  startedBy: r.startedBy,
  completedAt: iso(r.completedAt),
  version: r.version,
});

export const presentRecall = (v: RecallView): z.output<typeof ZRecallView> => {
  const report = v.recall.completionReport;
  return {
    ...presentRecallSummary(v.recall),
    caseNumber: v.caseNumber,
    productName: v.productName,
    medicalDevice: v.medicalDevice,
    notificationDueAt: v.notificationDueAt.toISOString(),
    progress: { ...v.progress },
    targets: v.targets.map((t) => ({
      id: t.id,
      customer: t.customer ? { ...t.customer } : null,
      region: t.region,
      batchNo: t.batchNo,
      quantity: t.quantity,
      notifiedAt: iso(t.notifiedAt),
      notificationLate: t.notificationLate,
      recoveredQuantity: t.recoveredQuantity,
      updatedAt: t.updatedAt.toISOString(),
    })),
    completionReport: report
      ? {
          unitsInScope: report.unitsInScope,
          unitsRecovered: report.unitsRecovered,
          percent: report.percent,
          targetsTotal: report.targetsTotal,
          targetsNotifiedLate: report.targetsNotifiedLate,
          disposal: report.disposal,
          disposalNote: report.disposalNote,
          effectiveness: report.effectiveness,
          effectivenessNote: report.effectivenessNote,
          remainingRisk: report.remainingRisk,
          completedAt: report.completedAt,
        }
      : null,
  };
};
