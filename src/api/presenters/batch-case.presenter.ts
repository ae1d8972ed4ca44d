import type { z } from 'zod';
import type { BatchCaseView } from '../../app/batch-cases/batch-case-view';
import type { BatchCaseListItem } from '../../app/batch-cases/get-batch-case';
import type { BatchCase, SealTask } from '../../domain/batch/batch-case-records';
import type { ZBatchCaseSummary, ZBatchCaseView, ZSealTask } from '../../contracts/batch-case.contract';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const presentSealTask = (t: SealTask): z.output<typeof ZSealTask> => ({
  id: t.id,
  caseId: t.caseId,
  region: t.region,
  ownerId: t.ownerId,
  status: t.status,
  expectedQuantity: t.expectedQuantity,
  sealedQuantity: t.sealedQuantity,
  dueAt: t.dueAt.toISOString(),
  doneAt: iso(t.doneAt),
  doneBy: t.doneBy,
  note: t.note,
  createdAt: t.createdAt.toISOString(),
});

const summaryOf = (c: BatchCase, investigationOverdue: boolean): z.output<typeof ZBatchCaseSummary> => ({
  id: c.id,
  number: c.number,
  productId: c.productId,
  batchNo: c.batchNo,
  mechanism: c.mechanism,
  region: c.region,
  status: c.status,
  openedAt: c.openedAt.toISOString(),
  investigationDueAt: c.investigationDueAt.toISOString(),
  investigationFiledAt: iso(c.investigationFiledAt),
  investigationOverdue,
  decision: c.decision,
  closedAt: iso(c.closedAt),
  version: c.version,
});

export const presentBatchCaseSummary = (item: BatchCaseListItem): z.output<typeof ZBatchCaseSummary> =>
  summaryOf(item.batchCase, item.investigationOverdue);

export const presentBatchCase = (v: BatchCaseView): z.output<typeof ZBatchCaseView> => {
  const c = v.batchCase;
  return {
    ...summaryOf(c, v.investigationOverdue),
    productName: v.productName,
    trigger: { ...c.trigger },
    investigation: c.investigation
      ? {
          retainedSamples: { ...c.investigation.retainedSamples },
          batchQuantity: c.investigation.batchQuantity,
          productionConditions: c.investigation.productionConditions,
          shipmentsByRegion: c.investigation.shipmentsByRegion.map((s) => ({ ...s })),
          conclusion: c.investigation.conclusion,
          late: c.investigation.late,
          rules: c.investigation.rules.map((r) => ({
            rule: r.rule,
            ...(r.detail !== undefined && { detail: r.detail }),
          })),
        }
      : null,
    investigationFiledBy: c.investigationFiledBy,
    decisionNote: c.decisionNote,
    decidedBy: c.decidedBy,
    decidedAt: iso(c.decidedAt),
    complaints: v.complaints.map((x) => ({
      id: x.id,
      number: x.number,
      receivedAt: x.receivedAt.toISOString(),
      linkedAt: x.linkedAt.toISOString(),
    })),
    sealTasks: v.sealTasks.map(presentSealTask),
    recall: v.recall ? { id: v.recall.id, number: v.recall.number, status: v.recall.status } : null,
    closeBlockers: [...v.closeBlockers],
    prefill: {
      batchQuantity: v.prefill.batchQuantity,
      productionDate: v.prefill.productionDate,
      shipmentsByRegion: v.prefill.shipmentsByRegion.map((s) => ({ ...s })),
    },
  };
};
