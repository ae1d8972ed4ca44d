import nodemailer from 'nodemailer';
import type { Locale } from '../../domain/identity/user';
import { escapeHtml } from './escape-html';

/** The parts of a notification mail a template writes; null paragraphs are left out. */
export type MailParts = {
  readonly subject: string;
  readonly greeting: string;
  readonly paragraphs: readonly (string | null)[];
  readonly action: { readonly label: string; readonly url: string } | null;
};

/** A mail ready to send: one language, a one-line subject, a plain-text body and the same body as simple HTML. */
export type LaidOutMail = {
  readonly locale: Locale;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
};

const FOOTER: Readonly<Record<Locale, string>> = {
  'zh-CN': '此邮件由系统自动发送，请勿直接回复。',
  en: 'This message was sent automatically; please do not reply to it.',
};

const paragraphHtml = (p: string): string =>
  `<p style="margin:0 0 12px">${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`;

/**
 * Lays out the parts of every notification mail, customer or staff, the same way: greeting, paragraphs, the action
 * link and the footer, as plain text and as simple HTML where every value is escaped (names and summaries are typed
 * by customers); the subject is kept to one line.
 */
export const layOutMail = (locale: Locale, parts: MailParts): LaidOutMail => {
  const paragraphs = parts.paragraphs.filter((p): p is string => p !== null);
  const subject = parts.subject.replace(/\s+/g, ' ').trim();
  const text = [
    parts.greeting,
    ...paragraphs,
    ...(parts.action ? [`${parts.action.label}: ${parts.action.url}`] : []),
    `--\n${FOOTER[locale]}`,
  ].join('\n\n');
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:sans-serif;font-size:14px;line-height:1.6;color:#222">',
    paragraphHtml(parts.greeting),
    ...paragraphs.map(paragraphHtml),
    parts.action
      ? `<p style="margin:0 0 12px"><a href="${escapeHtml(parts.action.url)}">${escapeHtml(parts.action.label)}</a></p>`
      : '',
    `<p style="margin:24px 0 0;color:#888;font-size:12px">${escapeHtml(FOOTER[locale])}</p>`,
    '</body></html>',
  ].join('');
  return { locale, subject, text, html };
};

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The SMTP transport of the mail channels: `smtp://…` (STARTTLS when offered) or `smtps://…`, with connection,
 * greeting and DNS time-outs (socket inactivity twice that) so a delivery stays under its outbox lease.
 */
export const createSmtpTransport = (smtpUrl: string, timeoutMs = DEFAULT_TIMEOUT_MS) =>
  nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    socketTimeout: 2 * timeoutMs,
  });

/** The domain of MAIL_FROM, which names the Message-IDs (`closeloop` when it has none). */
export const mailDomainOf = (from: string): string => /@([^\s@<>]+)>?\s*$/.exec(from)?.[1] ?? 'closeloop';

/** Headers of every automatic mail: its language, and RFC 3834's "no auto-replies (out-of-office) to a robot". */
export const automaticMailHeaders = (locale: Locale, eventId: string): Record<string, string> => ({
  'Content-Language': locale,
  'Auto-Submitted': 'auto-generated',
  'X-Auto-Response-Suppress': 'All',
  'X-Closeloop-Event-Id': eventId,
});
