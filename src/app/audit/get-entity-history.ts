import type { AuditRecord } from '../../domain/audit/audit-record';
import { auditRepo } from '../../db/repos/audit.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { toPage, type Page } from '../platform/paging';

/** The audit history of one entity, oldest first (R-SEC-2). */
export const getEntityHistory = async (
  deps: Deps,
  ctx: UseCaseContext,
  query: { entityType: string; entityId: string; cursor?: string | undefined; limit: number },
): Promise<Page<AuditRecord>> => {
  assertPermission(ctx.actor, 'audit.read');
  if (query.cursor !== undefined && !/^\d{1,19}$/.test(query.cursor)) throw new AppError('INVALID_CURSOR');
  const rows = await auditRepo.listForEntity(
    deps.db.reader(),
    query.entityType,
    query.entityId,
    query.cursor,
    query.limit + 1,
  );
  return toPage(rows, query.limit, (last) => last.id);
};
