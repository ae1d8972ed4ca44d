import type { Deps } from '../../app/deps';
import type { OutboxEvent, OutboxHandler } from '../../app/outbox/deliver-outbox';

/** What a notification channel uses of the dependencies: configuration, clock and log (no database). */
export type NotifyDeps = Pick<Deps, 'config' | 'clock' | 'log'>;

/** An outbox handler that needs only {@link NotifyDeps}; assignable to `OutboxHandler`. */
export type NotificationHandler = Omit<OutboxHandler, 'deliver'> & {
  readonly deliver: (deps: NotifyDeps, event: OutboxEvent) => Promise<void>;
};
