import type { Locale } from '../../domain/identity/user';
import { formatInstant } from './format-instant';
import { layOutMail } from './mail-layout';
import type { NotificationPayload } from '../../contracts/notification-event.contract';
import type { NotificationAudience, RoutedEventType } from './notification-routes';
import { NOTIFICATION_TEMPLATES } from './notification-templates';
import { resolveTrackingUrl } from './resolve-tracking-url';

/** A notification ready to send: one language, a subject, a plain-text body and the same body as simple HTML. */
export type RenderedNotification = {
  readonly audience: NotificationAudience;
  readonly locale: Locale;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
};

export type RenderOptions = {
  /** Dates are shown in this zone (DEFAULT_TIME_ZONE). */
  readonly timeZone: string;
  /** Base for a tracking path such as `/portal/t/abc` (PUBLIC_URL); without it such a link is left out. */
  readonly publicUrl: string | undefined;
};

/**
 * Renders a routed event for one audience in that audience's language: the customer's `locale` for customer
 * mail, the owner's (default zh-CN) for owner mail. Every value is escaped in the HTML part, because names and
 * summaries are typed by customers; the subject is kept to one line.
 */
export const renderNotification = (
  type: RoutedEventType,
  audience: NotificationAudience,
  payload: NotificationPayload,
  options: RenderOptions,
): RenderedNotification => {
  const locale: Locale = audience === 'customer' ? payload.locale : (payload.owner?.locale ?? 'zh-CN');
  const parts = NOTIFICATION_TEMPLATES[type][locale]({
    number: payload.number,
    customerName: payload.customer.name,
    ownerName: payload.owner?.displayName ?? null,
    productName: payload.productName,
    summary: payload.summary,
    trackingUrl: resolveTrackingUrl(payload.trackingUrl, options.publicUrl),
    deadlineLabel: payload.deadline?.label ?? null,
    dueAt: payload.deadline ? formatInstant(payload.deadline.dueAt, locale, options.timeZone) : null,
  });
  return { audience, ...layOutMail(locale, parts) };
};
