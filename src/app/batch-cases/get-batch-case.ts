import type { BatchCase } from '../../domain/batch/batch-case-records';
import { isInvestigationOverdue } from '../../domain/batch/batch-case-workflow';
import { batchCaseRepo, type BatchCaseFilter } from '../../db/repos/batch-case-workflow.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { linkedComplaintScope, loadBatchCaseView, type BatchCaseView } from './batch-case-view';

/** One batch case with its complaints, seal tasks, recall and investigation prefill (batch.read). */
export const getBatchCase = async (deps: Deps, ctx: UseCaseContext, id: string): Promise<BatchCaseView> => {
  assertPermission(ctx.actor, 'batch.read');
  const ex = deps.db.reader();
  const c = await batchCaseRepo.findById(ex, id);
  if (!c) throw new AppError('BATCH_CASE_NOT_FOUND');
  return loadBatchCaseView(ex, c, deps.clock.now(), linkedComplaintScope(ctx));
};

export type BatchCaseListItem = { readonly batchCase: BatchCase; readonly investigationOverdue: boolean };

/** Batch cases, newest first, by status, product or batch (batch.read). */
export const listBatchCases = async (
  deps: Deps,
  ctx: UseCaseContext,
  filter: BatchCaseFilter & { readonly limit?: number | undefined },
): Promise<BatchCaseListItem[]> => {
  assertPermission(ctx.actor, 'batch.read');
  const now = deps.clock.now();
  const rows = await batchCaseRepo.list(deps.db.reader(), filter, Math.min(filter.limit ?? 100, 500));
  return rows.map((c) => ({ batchCase: c, investigationOverdue: isInvestigationOverdue(c, now) }));
};
