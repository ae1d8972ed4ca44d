import { computeInvestigationDueAt, formatBatchDocumentNumber } from '../../domain/batch/batch-case-workflow';
import { toLocalDateTime } from '../../domain/sla/convert-local-time';
import { batchCaseRepo } from '../../db/repos/batch-case-workflow.repo';
import { batchRepo } from '../../db/repos/batch.repo';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { documentCounterRepo } from '../../db/repos/document-counter.repo';
import { productRepo } from '../../db/repos/product.repo';
import { appendAudit } from '../audit/append-audit';
import { complaintScopeOf } from '../complaints/get-complaint';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { newId } from '../new-id';
import { caseOpenedNotice } from './case-opened-notice';
import { emitEvents } from '../platform/emit-events';
import { linkedComplaintScope, loadBatchCaseView, type BatchCaseView } from './batch-case-view';

export type OpenBatchCaseInput = {
  readonly productId: string;
  readonly batchNo: string;
  readonly mechanism: string;
  readonly region: string;
  readonly complaintIds: readonly string[];
  readonly note?: string | undefined;
};

const isOpenCaseConflict = (e: unknown): boolean => {
  for (const x of [e, (e as { cause?: unknown } | undefined)?.cause]) {
    const pg = x as { code?: unknown; constraint?: unknown } | undefined;
    if (pg?.code === '23505' && pg.constraint === 'batch_cases_open_uq') return true;
  }
  return false;
};

/**
 * Quality opens a batch case by hand (R-BAT-4 "confirm product/batch"): the product and its batch must exist, and
 * every complaint linked must be visible to the caller and name that product (when it names one) and batch. There
 * is one open case per (product, batch, failure mechanism): a second is refused with 409 BATCH_CASE_ALREADY_OPEN,
 * also when two requests race (the partial unique index decides). The 2-hour investigation clock starts now
 * (R-SLA-11).
 */
export const openBatchCase = async (
  deps: Deps,
  ctx: UseCaseContext,
  input: OpenBatchCaseInput,
): Promise<BatchCaseView> => {
  assertPermission(ctx.actor, 'batch.manage');
  const scope = input.complaintIds.length > 0 ? complaintScopeOf(ctx) : { kind: 'all' as const };
  const now = deps.clock.now();
  const mechanism = input.mechanism.trim();
  return deps.db
    .transaction(async (tx) => {
      const product = await productRepo.findById(tx, input.productId);
      if (!product) throw new AppError('PRODUCT_NOT_FOUND', { productId: input.productId });
      const batch = await batchRepo.findByProductAndNo(tx, input.productId, input.batchNo);
      if (!batch)
        throw new AppError('BATCH_NOT_FOUND', { productId: input.productId, batchNo: input.batchNo });
      const existing = await batchCaseRepo.findOpen(tx, product.id, batch.batchNo, mechanism);
      if (existing)
        throw new AppError('BATCH_CASE_ALREADY_OPEN', { caseId: existing.id, number: existing.number });
      const complaintIds = [...new Set(input.complaintIds)];
      for (const complaintId of complaintIds) {
        const c = await complaintRepo.findById(tx, complaintId, scope);
        if (!c) throw new AppError('COMPLAINT_NOT_FOUND', { complaintId });
        if (c.product.batchNo !== batch.batchNo || (c.product.id !== null && c.product.id !== product.id))
          throw new AppError('BATCH_CASE_COMPLAINT_MISMATCH', {
            complaintId,
            productId: c.product.id,
            batchNo: c.product.batchNo,
          });
      }
      const year = Number(toLocalDateTime(deps.config.defaultTimeZone, now).date.slice(0, 4));
      const number = formatBatchDocumentNumber(
        'batch_case',
        year,
        await documentCounterRepo.next(tx, 'batch_case', year),
      );
      const id = newId(now.getTime());
      const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
      const trigger = { kind: 'manual', openedBy: by, complaintIds, note: input.note ?? null };
      const row = {
        id,
        number,
        productId: product.id,
        batchNo: batch.batchNo,
        mechanism,
        region: input.region,
        trigger,
        status: 'open',
        openedAt: now,
        investigationDueAt: computeInvestigationDueAt(now),
        investigation: null,
        investigationFiledAt: null,
        investigationFiledBy: null,
        decision: null,
        decisionNote: null,
        decidedBy: null,
        decidedAt: null,
        closedAt: null,
      };
      await batchCaseRepo.insert(tx, row);
      await batchCaseRepo.linkComplaints(tx, id, complaintIds, now);
      const rules = [
        { rule: 'R-BAT-4', detail: 'case_opened_manually' },
        { rule: 'R-SLA-11', detail: `investigation_due:${row.investigationDueAt.toISOString()}` },
      ];
      await emitEvents(tx, now, [
        {
          type: 'batch.case_opened',
          aggregateType: 'batch_case',
          aggregateId: id,
          payload: {
            caseId: id,
            number,
            productId: product.id,
            productName: product.name,
            batchNo: batch.batchNo,
            mechanism,
            region: input.region,
            investigationDueAt: row.investigationDueAt.toISOString(),
            ...(await caseOpenedNotice(tx, {
              number,
              batchNo: batch.batchNo,
              mechanism,
              region: input.region ?? null,
            })),
          },
        },
      ]);
      await appendAudit(tx, ctx, now, [
        {
          entityType: 'batch_case',
          entityId: id,
          action: 'batch_case.opened',
          after: { ...row, rules },
        },
      ]);
      const created = await batchCaseRepo.findById(tx, id);
      return loadBatchCaseView(tx, created!, now, linkedComplaintScope(ctx));
    })
    .catch((e: unknown) => {
      if (isOpenCaseConflict(e)) throw new AppError('BATCH_CASE_ALREADY_OPEN');
      throw e;
    });
};
