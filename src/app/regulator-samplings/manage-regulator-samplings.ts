import type { RegulatorSampling } from '../../domain/batch/batch-case-records';
import {
  decideOriginalReportHandover,
  decideRetestRequest,
  type SamplingResult,
} from '../../domain/batch/decide-sampling-follow-up';
import { batchRepo } from '../../db/repos/batch.repo';
import { productRepo } from '../../db/repos/product.repo';
import { regulatorSamplingRepo, type SamplingFilter } from '../../db/repos/regulator-sampling.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { newId } from '../new-id';
import { emitEvents } from '../platform/emit-events';

export type CreateSamplingInput = {
  readonly agency: string;
  readonly productId?: string | null | undefined;
  readonly batchNo?: string | null | undefined;
  readonly sampledOn: string;
  readonly sampleQuantity: number;
  readonly result: SamplingResult;
  readonly reportRef?: string | null | undefined;
  readonly representative: boolean;
  readonly notes?: string | null | undefined;
};

const byOf = (ctx: UseCaseContext) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);

/**
 * R-BAT-6 职能部门抽检: records a sampling by a regulator — agency, product and batch (when known; a known product's
 * batch must exist), date, number of samples, result, report reference — and whether the sample represented normal
 * product (an intact pack). A nonconforming result is announced (`batch.sampling_nonconforming`) for quality.
 */
export const createRegulatorSampling = async (
  deps: Deps,
  ctx: UseCaseContext,
  input: CreateSamplingInput,
): Promise<RegulatorSampling> => {
  assertPermission(ctx.actor, 'batch.manage');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const productId = input.productId ?? null;
    const batchNo = input.batchNo ?? null;
    if (productId) {
      if (!(await productRepo.findById(tx, productId)))
        throw new AppError('PRODUCT_NOT_FOUND', { productId });
      if (batchNo && !(await batchRepo.findByProductAndNo(tx, productId, batchNo)))
        throw new AppError('BATCH_NOT_FOUND', { productId, batchNo });
    }
    const row = {
      id: newId(now.getTime()),
      agency: input.agency,
      productId,
      batchNo,
      sampledOn: input.sampledOn,
      sampleQuantity: input.sampleQuantity,
      result: input.result,
      reportRef: input.reportRef ?? null,
      representative: input.representative,
      retestRequestedAt: null,
      retestReason: null,
      originalReportToQualityAt: null,
      notes: input.notes ?? null,
      createdBy: byOf(ctx),
      createdAt: now,
    };
    await regulatorSamplingRepo.insert(tx, row);
    if (input.result === 'nonconforming')
      await emitEvents(tx, now, [
        {
          type: 'batch.sampling_nonconforming',
          aggregateType: 'regulator_sampling',
          aggregateId: row.id,
          payload: { samplingId: row.id, agency: row.agency, productId, batchNo, sampledOn: row.sampledOn },
        },
      ]);
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'regulator_sampling',
        entityId: row.id,
        action: 'regulator_sampling.recorded',
        after: { ...row, rules: [{ rule: 'R-BAT-6', detail: 'sampling_recorded' }] },
      },
    ]);
    return (await regulatorSamplingRepo.findById(tx, row.id))!;
  });
};

export const getRegulatorSampling = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
): Promise<RegulatorSampling> => {
  assertPermission(ctx.actor, 'batch.read');
  const s = await regulatorSamplingRepo.findById(deps.db.reader(), id);
  if (!s) throw new AppError('SAMPLING_NOT_FOUND');
  return s;
};

export const listRegulatorSamplings = async (
  deps: Deps,
  ctx: UseCaseContext,
  filter: SamplingFilter & { readonly limit?: number | undefined },
): Promise<RegulatorSampling[]> => {
  assertPermission(ctx.actor, 'batch.read');
  return regulatorSamplingRepo.list(deps.db.reader(), filter, Math.min(filter.limit ?? 100, 500));
};

/**
 * R-BAT-6 (seed 002 §8.3): asks the agency to re-test with normal product, with the reason — only for a sample that
 * was not representative, and once (RETEST_NOT_ALLOWED).
 */
export const requestSamplingRetest = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: { readonly reason: string },
): Promise<RegulatorSampling> => {
  assertPermission(ctx.actor, 'batch.manage');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const s = await regulatorSamplingRepo.findByIdForUpdate(tx, id);
    if (!s) throw new AppError('SAMPLING_NOT_FOUND');
    const r = decideRetestRequest(s);
    if (!r.ok) throw new AppError(r.error.code, r.error.details);
    await regulatorSamplingRepo.update(tx, id, { retestRequestedAt: now, retestReason: input.reason });
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'regulator_sampling',
        entityId: id,
        action: 'regulator_sampling.retest_requested',
        before: { retestRequestedAt: null },
        after: { retestRequestedAt: now, retestReason: input.reason, rules: r.value },
        reason: input.reason,
      },
    ]);
    return (await regulatorSamplingRepo.findById(tx, id))!;
  });
};

/**
 * R-BAT-6 (seed 002 §8.5): the agency's original test report was handed to the quality department — recorded once,
 * with the report reference and the final result when they come with it.
 */
export const recordOriginalReport = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: { readonly reportRef?: string | undefined; readonly result?: SamplingResult | undefined },
): Promise<RegulatorSampling> => {
  assertPermission(ctx.actor, 'batch.manage');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const s = await regulatorSamplingRepo.findByIdForUpdate(tx, id);
    if (!s) throw new AppError('SAMPLING_NOT_FOUND');
    const r = decideOriginalReportHandover(s);
    if (!r.ok) throw new AppError(r.error.code, r.error.details);
    const patch = {
      originalReportToQualityAt: now,
      ...(input.reportRef !== undefined && { reportRef: input.reportRef }),
      ...(input.result !== undefined && { result: input.result }),
    };
    await regulatorSamplingRepo.update(tx, id, patch);
    if (input.result === 'nonconforming' && s.result !== 'nonconforming')
      await emitEvents(tx, now, [
        {
          type: 'batch.sampling_nonconforming',
          aggregateType: 'regulator_sampling',
          aggregateId: id,
          payload: {
            samplingId: id,
            agency: s.agency,
            productId: s.productId,
            batchNo: s.batchNo,
            sampledOn: s.sampledOn,
          },
        },
      ]);
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'regulator_sampling',
        entityId: id,
        action: 'regulator_sampling.original_report_received',
        before: { originalReportToQualityAt: null, reportRef: s.reportRef, result: s.result },
        after: { ...patch, rules: r.value },
      },
    ]);
    return (await regulatorSamplingRepo.findById(tx, id))!;
  });
};
