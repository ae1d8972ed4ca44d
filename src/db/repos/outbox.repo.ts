import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';
import { jsonInsert } from '../insert-json-rows';
import { outboxEvents, processedEvents } from '../schema/platform.table';

export type OutboxRow = typeof outboxEvents.$inferSelect;
export type OutboxStatus = OutboxRow['status'];

export type NewOutboxEvent = Pick<
  OutboxRow,
  'id' | 'type' | 'aggregateType' | 'aggregateId' | 'payload' | 'occurredAt'
>;

export const outboxRepo = {
  async append(ex: Executor, events: readonly NewOutboxEvent[]): Promise<void> {
    const statement = outboxRepo.appendStatement(events);
    if (statement) await ex.execute(statement);
  },

  /** The insert of `append`, to send together with other writes (`insertJsonRowsTogether`). */
  appendStatement(events: readonly NewOutboxEvent[]): SQL | null {
    return jsonInsert(
      outboxEvents,
      events.map((e) => ({ ...e, status: 'pending' as const, nextAttemptAt: e.occurredAt })),
    );
  },

  /**
   * Claims due events for delivery. Claiming moves `next_attempt_at` to the end of the lease, so an event in
   * flight is not due for anyone else, and becomes due again by itself if its worker dies (at-least-once).
   */
  async claim(ex: Executor, now: Date, leaseUntil: Date, limit: number): Promise<OutboxRow[]> {
    return ex
      .update(outboxEvents)
      .set({ nextAttemptAt: leaseUntil, attempts: sql`${outboxEvents.attempts} + 1` })
      .where(
        sql`${outboxEvents.id} in (select o.id from outbox_events o where o.status = 'pending' and o.next_attempt_at <= ${now}
              order by o.next_attempt_at limit ${limit} for update skip locked)`,
      )
      .returning();
  },

  async recordHandlerDelivered(ex: Executor, id: string, handler: string): Promise<void> {
    await ex
      .update(outboxEvents)
      .set({ deliveredHandlers: sql`array_append(${outboxEvents.deliveredHandlers}, ${handler}::text)` })
      .where(
        and(eq(outboxEvents.id, id), sql`not (${handler}::text = any(${outboxEvents.deliveredHandlers}))`),
      );
  },

  async markDelivered(ex: Executor, id: string, now: Date): Promise<void> {
    await ex
      .update(outboxEvents)
      .set({ status: 'delivered', deliveredAt: now, lastError: null })
      .where(and(eq(outboxEvents.id, id), eq(outboxEvents.status, 'pending')));
  },

  /** Schedules the next attempt, or dead-letters the event when `retryAt` is null. */
  async recordFailure(ex: Executor, id: string, error: string, retryAt: Date | null): Promise<void> {
    await ex
      .update(outboxEvents)
      .set(retryAt ? { nextAttemptAt: retryAt, lastError: error } : { status: 'dead', lastError: error })
      .where(and(eq(outboxEvents.id, id), eq(outboxEvents.status, 'pending')));
  },

  async findById(ex: Executor, id: string): Promise<OutboxRow | undefined> {
    const [row] = await ex.select().from(outboxEvents).where(eq(outboxEvents.id, id));
    return row;
  },

  async listByStatus(
    ex: Executor,
    status: OutboxStatus,
    limit: number,
    before?: { occurredAt: Date; id: string },
  ): Promise<OutboxRow[]> {
    return ex
      .select()
      .from(outboxEvents)
      .where(
        and(
          eq(outboxEvents.status, status),
          before
            ? sql`(${outboxEvents.occurredAt}, ${outboxEvents.id}) < (${before.occurredAt}, ${before.id})`
            : undefined,
        ),
      )
      .orderBy(desc(outboxEvents.occurredAt), desc(outboxEvents.id))
      .limit(limit);
  },

  async requeue(ex: Executor, id: string, now: Date): Promise<OutboxRow | undefined> {
    const [row] = await ex
      .update(outboxEvents)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
      .where(and(eq(outboxEvents.id, id), eq(outboxEvents.status, 'dead')))
      .returning();
    return row;
  },

  async purgeDelivered(ex: Executor, before: Date): Promise<number> {
    const rows = await ex
      .delete(outboxEvents)
      .where(and(eq(outboxEvents.status, 'delivered'), lt(outboxEvents.deliveredAt, before)))
      .returning({ id: outboxEvents.id });
    return rows.length;
  },

  async countByStatus(ex: Executor): Promise<Record<string, number>> {
    const rows = await ex
      .select({ status: outboxEvents.status, n: sql<number>`count(*)::int` })
      .from(outboxEvents)
      .groupBy(outboxEvents.status);
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  },
};

export const processedEventRepo = {
  /** Records that `consumer` handled `eventId`; false when it already had (the delivery is a repeat). */
  async markProcessed(ex: Executor, consumer: string, eventId: string, at: Date): Promise<boolean> {
    const rows = await ex
      .insert(processedEvents)
      .values({ consumer, eventId, processedAt: at })
      .onConflictDoNothing()
      .returning({ eventId: processedEvents.eventId });
    return rows.length === 1;
  },
};
