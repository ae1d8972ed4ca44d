import type { CapaSourceType } from '../../domain/capa/capa-action';
import type { Executor } from '../../db/client';
import { capaSourceQuery } from '../../db/repos/capa-source.query';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { complaintScopeOf } from '../complaints/get-complaint';
import type { UseCaseContext } from '../context';
import { AppError } from '../errors/app-error';
import { hasPermission } from '../identity/assert-permission';

const NEEDS_ID: readonly CapaSourceType[] = ['complaint', 'batch_case', 'quality_report'];

/**
 * Checks the source a CAPA action, 8D report or disposal names: a complaint must be within the actor's reach
 * (R-SEC-1: otherwise it does not exist for them), a batch case, quality report or the action that recurred must
 * exist; management review needs no id. Returns what the source lends (a complaint's product).
 */
export const assertCapaSource = async (
  ex: Executor,
  ctx: UseCaseContext,
  sourceType: CapaSourceType,
  sourceId: string | null,
): Promise<{ readonly productId: string | null }> => {
  if (sourceId === null) {
    if (NEEDS_ID.includes(sourceType))
      throw new AppError('VALIDATION_FAILED', {
        in: 'body',
        issues: [{ path: ['sourceId'], code: 'custom', message: `required for a ${sourceType} source` }],
      });
    return { productId: null };
  }
  switch (sourceType) {
    case 'complaint': {
      const c = hasPermission(ctx.actor, 'complaint.read')
        ? await complaintRepo.findById(ex, sourceId, complaintScopeOf(ctx))
        : undefined;
      if (!c) throw new AppError('COMPLAINT_NOT_FOUND', { sourceId });
      return { productId: c.product.id };
    }
    case 'batch_case':
    case 'quality_report':
    case 'recurrence':
      if (!(await capaSourceQuery.exists(ex, sourceType, sourceId)))
        throw new AppError('CAPA_SOURCE_NOT_FOUND', { sourceType, sourceId });
      return { productId: null };
    case 'management_review':
      return { productId: null };
  }
};
