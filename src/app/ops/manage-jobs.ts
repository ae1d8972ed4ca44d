import { jobRepo, type JobRow, type JobStatus } from '../../db/repos/job.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { toPage, type Page } from '../platform/paging';

/** Background jobs by status, newest first. */
export const listJobs = async (
  deps: Deps,
  ctx: UseCaseContext,
  query: { status: JobStatus; cursor?: string | undefined; limit: number },
): Promise<Page<JobRow>> => {
  assertPermission(ctx.actor, 'job.manage');
  if (query.cursor !== undefined && !/^\d{1,15}$/.test(query.cursor)) throw new AppError('INVALID_CURSOR');
  const rows = await jobRepo.listByStatus(
    deps.db.reader(),
    query.status,
    query.limit + 1,
    query.cursor ? Number(query.cursor) : undefined,
  );
  return toPage(rows, query.limit, (last) => String(last.id));
};

/** Re-queues a dead job with fresh attempts. */
export const retryJob = async (deps: Deps, ctx: UseCaseContext, id: number): Promise<JobRow> => {
  assertPermission(ctx.actor, 'job.manage');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const current = await jobRepo.findById(tx, id);
    if (!current) throw new AppError('JOB_NOT_FOUND');
    const requeued = await jobRepo.requeue(tx, id, now);
    if (!requeued) throw new AppError('JOB_NOT_DEAD', { status: current.status });
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'job',
        entityId: String(id),
        action: 'job.retried',
        before: { status: current.status, attempts: current.attempts, lastError: current.lastError },
        after: { status: requeued.status },
      },
    ]);
    return requeued;
  });
};
