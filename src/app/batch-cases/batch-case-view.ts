import {
  findCloseBlockers,
  isInvestigationOverdue,
  type BatchCaseFacts,
  type CloseBlocker,
} from '../../domain/batch/batch-case-workflow';
import type { BatchCase, SealTask } from '../../domain/batch/batch-case-records';
import type { Executor } from '../../db/client';
import type { ComplaintScope } from '../../db/repos/complaint.repo';
import { batchCaseRepo, sealTaskRepo } from '../../db/repos/batch-case-workflow.repo';
import { batchRepo } from '../../db/repos/batch.repo';
import { productRepo } from '../../db/repos/product.repo';
import { recallRepo } from '../../db/repos/recall.repo';
import type { Recall } from '../../domain/batch/batch-case-records';
import { complaintScopeOf } from '../complaints/get-complaint';
import type { UseCaseContext } from '../context';
import { hasPermission } from '../identity/assert-permission';

/** Prefill of the investigation form from the reference data: batch quantity and units shipped per region. */
export type InvestigationPrefill = {
  readonly batchQuantity: number | null;
  readonly productionDate: string | null;
  readonly shipmentsByRegion: readonly { readonly region: string; readonly quantity: number }[];
};

export type BatchCaseView = {
  readonly batchCase: BatchCase;
  readonly productName: string | null;
  readonly complaints: readonly { id: string; number: string; receivedAt: Date; linkedAt: Date }[];
  readonly sealTasks: readonly SealTask[];
  readonly recall: Recall | null;
  readonly investigationOverdue: boolean;
  readonly closeBlockers: readonly CloseBlocker[];
  readonly prefill: InvestigationPrefill;
};

export const factsOf = (
  c: BatchCase,
  tasks: readonly SealTask[],
  recall: Recall | null | undefined,
): BatchCaseFacts => ({
  status: c.status,
  investigationDueAt: c.investigationDueAt,
  investigationFiledAt: c.investigationFiledAt,
  decision: c.decision,
  sealTasks: tasks.map((t) => ({ id: t.id, status: t.status })),
  recall: recall ? { id: recall.id, status: recall.status } : null,
});

/** Units of the case's batch shipped per region, from the shipment records (R-BAT-4 发货情况). */
export const loadShipmentsByRegion = async (
  ex: Executor,
  c: Pick<BatchCase, 'productId' | 'batchNo'>,
): Promise<{ region: string; quantity: number }[]> => {
  const lines = await recallRepo.shipmentLines(ex, c.productId, [c.batchNo]);
  const sums = new Map<string, number>();
  for (const l of lines) sums.set(l.region, (sums.get(l.region) ?? 0) + l.quantity);
  return [...sums.entries()]
    .map(([region, quantity]) => ({ region, quantity }))
    .sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
};

export const loadInvestigationPrefill = async (ex: Executor, c: BatchCase): Promise<InvestigationPrefill> => {
  const batch = await batchRepo.findByProductAndNo(ex, c.productId, c.batchNo);
  return {
    batchQuantity: batch?.quantity ?? null,
    productionDate: batch?.productionDate ?? null,
    shipmentsByRegion: await loadShipmentsByRegion(ex, c),
  };
};

/** Which linked complaints the caller may see: their complaint scope, none without complaint.read (R-SEC-1). */
export const linkedComplaintScope = (ctx: UseCaseContext): ComplaintScope | null =>
  hasPermission(ctx.actor, 'complaint.read') ? complaintScopeOf(ctx) : null;

/**
 * A case with its complaints (those within `scope`; none when null), seal tasks, recall, the R-SLA-11 overdue flag
 * and what still blocks closing.
 */
export const loadBatchCaseView = async (
  ex: Executor,
  c: BatchCase,
  now: Date,
  scope: ComplaintScope | null,
): Promise<BatchCaseView> => {
  const sealTasks = await sealTaskRepo.listByCase(ex, c.id);
  const recall = (await recallRepo.findByCase(ex, c.id)) ?? null;
  const facts = factsOf(c, sealTasks, recall);
  return {
    batchCase: c,
    productName: (await productRepo.findById(ex, c.productId))?.name ?? null,
    complaints: scope ? await batchCaseRepo.listComplaints(ex, c.id, scope) : [],
    sealTasks,
    recall,
    investigationOverdue: isInvestigationOverdue(facts, now),
    closeBlockers: c.status === 'decided' ? findCloseBlockers(facts) : [],
    prefill: await loadInvestigationPrefill(ex, c),
  };
};
