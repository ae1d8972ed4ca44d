import type { OutboxEvent } from '../../app/outbox/deliver-outbox';
import { ZNotificationPayload, type NotificationPayload } from '../../contracts/notification-event.contract';

/**
 * A notification event whose payload breaks the {@link ZNotificationPayload} contract. Permanent: a retry cannot
 * fix it, so the outbox retries it `OUTBOX_MAX_ATTEMPTS` times and then dead-letters it for an administrator.
 * The message names the fields and the problem, never their values (they are personal data).
 */
export class MalformedNotificationError extends Error {
  override readonly name = 'MalformedNotificationError';
}

/** Validates an outbox event's payload as a {@link NotificationPayload}; throws {@link MalformedNotificationError}. */
export const parseNotificationEvent = (event: OutboxEvent): NotificationPayload => {
  const parsed = ZNotificationPayload.safeParse(event.payload);
  const prefix = `permanent failure: malformed notification payload in event ${event.id} (${event.type})`;
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new MalformedNotificationError(`${prefix}: ${issues.join('; ')}`);
  }
  if (parsed.data.eventType !== event.type) {
    throw new MalformedNotificationError(
      `${prefix}: eventType ${parsed.data.eventType} does not match the event type`,
    );
  }
  return parsed.data;
};
