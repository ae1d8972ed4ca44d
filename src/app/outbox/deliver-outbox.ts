import { decideRetry } from '../../domain/platform/decide-retry';
import { outboxRepo, processedEventRepo, type OutboxRow } from '../../db/repos/outbox.repo';
import type { Tx } from '../../db/client';
import type { Deps } from '../deps';

/** An event as handed to a delivery handler. `id` is the receiver's dedupe key (at-least-once delivery). */
export type OutboxEvent = Pick<
  OutboxRow,
  'id' | 'type' | 'aggregateType' | 'aggregateId' | 'payload' | 'occurredAt' | 'attempts'
>;

export type OutboxHandler = {
  /** Stable name: recorded per event once this handler has delivered it, so a retry skips it. */
  readonly name: string;
  /** Event types this handler receives; `*` for all. */
  readonly types: readonly string[] | '*';
  readonly deliver: (deps: Deps, event: OutboxEvent) => Promise<void>;
};

const LEASE_SECONDS = 60;
const BACKOFF = { baseSeconds: 5, capSeconds: 3600 };

/** Claims due outbox events (SKIP LOCKED + lease) for delivery. */
export const claimOutboxEvents = (deps: Deps, limit: number): Promise<OutboxRow[]> => {
  const now = deps.clock.now();
  return deps.db.transaction((tx) =>
    outboxRepo.claim(tx, now, new Date(now.getTime() + LEASE_SECONDS * 1000), limit),
  );
};

/**
 * Delivers one claimed event to every handler subscribed to its type that has not delivered it yet.
 * Each success is recorded at once; a failure schedules a retry with backoff, or dead-letters the event
 * after `maxAttempts` for an administrator to inspect and retry.
 */
export const deliverOutboxEvent = async (
  deps: Deps,
  event: OutboxRow,
  handlers: readonly OutboxHandler[],
): Promise<'delivered' | 'retry' | 'dead'> => {
  const due = handlers.filter(
    (h) => (h.types === '*' || h.types.includes(event.type)) && !event.deliveredHandlers.includes(h.name),
  );
  try {
    for (const handler of due) {
      await handler.deliver(deps, event);
      await deps.db.transaction((tx) => outboxRepo.recordHandlerDelivered(tx, event.id, handler.name));
    }
    await deps.db.transaction((tx) => outboxRepo.markDelivered(tx, event.id, deps.clock.now()));
    return 'delivered';
  } catch (e) {
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const decision = decideRetry(
      event.attempts,
      deps.clock.now(),
      { ...BACKOFF, maxAttempts: deps.config.jobs.outboxMaxAttempts },
      Math.random(),
    );
    await deps.db.transaction((tx) =>
      outboxRepo.recordFailure(
        tx,
        event.id,
        message.slice(0, 2000),
        decision.kind === 'retry' ? decision.at : null,
      ),
    );
    deps.log.warn(
      { eventId: event.id, type: event.type, attempts: event.attempts, err: message },
      'outbox delivery failed',
    );
    return decision.kind;
  }
};

/**
 * For handlers that act inside this database: runs `fn` in a transaction together with a record that this
 * consumer processed this event, so a redelivered event is skipped (exactly-once effect on top of
 * at-least-once delivery). Returns false when the event had been processed before.
 */
export const consumeOnce = (
  deps: Deps,
  consumer: string,
  eventId: string,
  fn: (tx: Tx) => Promise<void>,
): Promise<boolean> =>
  deps.db.transaction(async (tx) => {
    if (!(await processedEventRepo.markProcessed(tx, consumer, eventId, deps.clock.now()))) return false;
    await fn(tx);
    return true;
  });
