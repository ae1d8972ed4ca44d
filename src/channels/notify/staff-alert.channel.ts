import type { EmailChannelOptions } from './email.channel';
import { automaticMailHeaders, createSmtpTransport, mailDomainOf } from './mail-layout';
import type { NotificationHandler } from './notification-handler';
import { parseStaffAlertEvent, STAFF_ALERT_TYPES } from './parse-staff-alert-event';
import { renderStaffAlert } from './render-staff-alert';

/** A user id as a Message-ID atom: ids are UUIDs, anything else is hex-escaped so it cannot break the header. */
const idAtom = (id: string): string =>
  id.replace(/[^A-Za-z0-9_-]/g, (c) => `=${(c.codePointAt(0) ?? 0).toString(16)}`);

/**
 * The staff alert e-mail channel (R-ESC-1): for each quality escalation — an overdue batch-case investigation
 * (R-SLA-11), an overdue quality report (R-SLA-7), an overdue CAPA action (R-CAPA-1), a CAPA action found not
 * effective (R-CAPA-3) — one mail over SMTP to every person its payload's `recipients` names, in that person's
 * language, with a plain-text and an HTML part. A recipient without an e-mail address is skipped with an info log.
 *
 * Delivery is at-least-once and the handler is recorded per event, not per recipient: when one mail fails, the
 * retry sends all of them again. The Message-ID is `<eventId.userId@domain-of-MAIL_FROM>`, so the copies are the
 * same messages for any receiver that dedupes by Message-ID. An SMTP failure throws, so the outbox retries with
 * backoff; a malformed payload throws a permanent `MalformedNotificationError`.
 */
export const createStaffAlertChannel = (options: EmailChannelOptions): NotificationHandler => {
  const transport = createSmtpTransport(options.smtpUrl, options.timeoutMs);
  const messageDomain = mailDomainOf(options.from);
  return {
    name: 'notify.staff-alert',
    types: [...STAFF_ALERT_TYPES],
    deliver: async (deps, event) => {
      const alert = parseStaffAlertEvent(event);
      const told = new Set<string>();
      for (const recipient of alert.payload.recipients) {
        if (told.has(recipient.userId)) continue;
        told.add(recipient.userId);
        if (!recipient.email) {
          deps.log.info(
            { eventId: event.id, type: event.type, userId: recipient.userId },
            'staff alert e-mail skipped: no address',
          );
          continue;
        }
        const mail = renderStaffAlert(alert, event.aggregateId, recipient, {
          timeZone: deps.config.defaultTimeZone,
          publicUrl: deps.config.publicUrl,
        });
        await transport.sendMail({
          from: options.from,
          to: { name: recipient.displayName, address: recipient.email },
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: `<${event.id}.${idAtom(recipient.userId)}@${messageDomain}>`,
          headers: automaticMailHeaders(mail.locale, event.id),
        });
      }
    },
  };
};
