import type { Locale } from '../../domain/identity/user';
import { escapeHtml } from './escape-html';
import { formatInstant } from './format-instant';
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

const FOOTER: Readonly<Record<Locale, string>> = {
  'zh-CN': '此邮件由系统自动发送，请勿直接回复。',
  en: 'This message was sent automatically; please do not reply to it.',
};

const paragraphHtml = (p: string): string =>
  `<p style="margin:0 0 12px">${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`;

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
  const paragraphs = parts.paragraphs.filter((p): p is string => p !== null);
  const text = [
    parts.greeting,
    ...paragraphs,
    ...(parts.action ? [`${parts.action.label}: ${parts.action.url}`] : []),
    `--\n${FOOTER[locale]}`,
  ].join('\n\n');
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(parts.subject)}</title></head>`,
    '<body style="font-family:sans-serif;font-size:14px;line-height:1.6;color:#222">',
    paragraphHtml(parts.greeting),
    ...paragraphs.map(paragraphHtml),
    parts.action
      ? `<p style="margin:0 0 12px"><a href="${escapeHtml(parts.action.url)}">${escapeHtml(parts.action.label)}</a></p>`
      : '',
    `<p style="margin:24px 0 0;color:#888;font-size:12px">${escapeHtml(FOOTER[locale])}</p>`,
    '</body></html>',
  ].join('');
  return { audience, locale, subject: parts.subject.replace(/\s+/g, ' ').trim(), text, html };
};
