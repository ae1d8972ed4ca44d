import { outboxRepo, type OutboxRow, type OutboxStatus } from '../../db/repos/outbox.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { decodeCursor, encodeCursor, toPage, type Page } from '../platform/paging';

/** Outbox events by status, newest first: dead letters are what an administrator comes here for. */
export const listOutboxEvents = async (
  deps: Deps,
  ctx: UseCaseContext,
  query: { status: OutboxStatus; cursor?: string | undefined; limit: number },
): Promise<Page<OutboxRow>> => {
  assertPermission(ctx.actor, 'outbox.manage');
  const after = decodeCursor(query.cursor, 'occurredAt');
  const rows = await outboxRepo.listByStatus(
    deps.db.reader(),
    query.status,
    query.limit + 1,
    after && { occurredAt: new Date(String(after.value)), id: after.id },
  );
  return toPage(rows, query.limit, (last) => encodeCursor('occurredAt', last.occurredAt, last.id));
};

/** Puts a dead-lettered event back in the queue with fresh attempts (after the receiver was fixed). */
export const retryOutboxEvent = async (deps: Deps, ctx: UseCaseContext, id: string): Promise<OutboxRow> => {
  assertPermission(ctx.actor, 'outbox.manage');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const current = await outboxRepo.findById(tx, id);
    if (!current) throw new AppError('OUTBOX_EVENT_NOT_FOUND');
    const requeued = await outboxRepo.requeue(tx, id, now);
    if (!requeued) throw new AppError('OUTBOX_EVENT_NOT_DEAD', { status: current.status });
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'outbox_event',
        entityId: id,
        action: 'outbox_event.retried',
        before: { status: current.status, attempts: current.attempts, lastError: current.lastError },
        after: { status: requeued.status, attempts: requeued.attempts },
      },
    ]);
    return requeued;
  });
};
