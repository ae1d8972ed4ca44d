import { automaticMailHeaders, createSmtpTransport, mailDomainOf } from './mail-layout';
import type { NotificationHandler } from './notification-handler';
import { findNotificationRoute, routedTypes } from './notification-routes';
import { parseNotificationEvent } from './parse-notification-event';
import { renderNotification } from './render-notification';

export type EmailChannelOptions = {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`; SMTP_URL. */
  readonly smtpUrl: string;
  /** Sender, e.g. `Closeloop <no-reply@example.com>`; MAIL_FROM. Its domain also names the Message-IDs. */
  readonly from: string;
  /** Connection, greeting and DNS timeout; socket inactivity gets twice this. Keeps a delivery under the lease. */
  readonly timeoutMs?: number;
};

/**
 * The e-mail notification channel (R-FUP-1): for each routed event, one mail over SMTP to the route's audience —
 * the customer in their language, or the owner (zh-CN unless they chose en) — with a plain-text and an HTML part.
 * Skips, without error, a recipient who has no e-mail address (or a complaint without owner).
 *
 * Delivery is at-least-once: an event whose mail was accepted but whose success was not recorded is sent again.
 * The Message-ID is derived from the event id (`<eventId@domain-of-MAIL_FROM>`), so the copies are the same
 * message for any receiver or mail client that dedupes by Message-ID. An SMTP failure throws, so the outbox
 * retries with backoff; a malformed payload throws a permanent `MalformedNotificationError`.
 */
export const createEmailChannel = (options: EmailChannelOptions): NotificationHandler => {
  const transport = createSmtpTransport(options.smtpUrl, options.timeoutMs);
  const messageDomain = mailDomainOf(options.from);
  return {
    name: 'notify.email',
    types: routedTypes((r) => r.email !== null),
    deliver: async (deps, event) => {
      const payload = parseNotificationEvent(event);
      const found = findNotificationRoute(event.type);
      const audience = found?.route.email;
      if (!found || !audience) return;
      const to =
        audience === 'customer'
          ? { name: payload.customer.name, address: payload.customer.email }
          : { name: payload.owner?.displayName ?? '', address: payload.owner?.email ?? null };
      if (!to.address) {
        deps.log.info(
          { eventId: event.id, type: event.type, audience },
          'notification e-mail skipped: no address',
        );
        return;
      }
      const mail = renderNotification(found.type, audience, payload, {
        timeZone: deps.config.defaultTimeZone,
        publicUrl: deps.config.publicUrl,
      });
      await transport.sendMail({
        from: options.from,
        to: { name: to.name, address: to.address },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${event.id}@${messageDomain}>`,
        headers: automaticMailHeaders(mail.locale, event.id),
      });
    },
  };
};
