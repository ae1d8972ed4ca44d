import type { Tx } from '../../db/client';
import { outboxRepo } from '../../db/repos/outbox.repo';
import { newId } from '../new-id';

export type DomainEvent = {
  /** Dotted event type, e.g. `user.created`; outbox handlers subscribe by type. */
  readonly type: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly payload: Record<string, unknown>;
};

/**
 * Writes events to the outbox in the caller's transaction: they exist if and only if the change committed,
 * and the worker delivers them afterwards (STYLE.md, side effects). Returns the event ids.
 */
export const emitEvents = async (
  tx: Tx,
  occurredAt: Date,
  events: readonly DomainEvent[],
): Promise<string[]> => {
  const rows = outboxRowsOf(occurredAt, events);
  await outboxRepo.append(tx, rows);
  return rows.map((r) => r.id);
};

/** The outbox rows of `events` (new ids), for a caller that writes them together with other rows. */
export const outboxRowsOf = (occurredAt: Date, events: readonly DomainEvent[]) =>
  events.map((e) => ({ ...e, id: newId(occurredAt.getTime()), occurredAt }));
