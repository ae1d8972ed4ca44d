import { z } from 'zod';
import { COMPLAINT_EVENT_TYPES, COMPLAINT_STATUSES } from '../domain/complaint/complaint-status';
import type { ComplaintEventType } from '../domain/complaint/complaint-status';

/** Outbox event types that carry a {@link NotificationPayload}: every complaint event, and the deadline sweep's. */
export type NotificationEventType =
  `complaint.${ComplaintEventType}` | 'deadline.warned' | 'deadline.breached';

const NOTIFICATION_EVENT_TYPES = [
  ...COMPLAINT_EVENT_TYPES.map((t) => `complaint.${t}` as const),
  'deadline.warned',
  'deadline.breached',
] as const satisfies readonly NotificationEventType[];

const ZLocale = z.enum(['zh-CN', 'en']);
const ZIsoInstant = z.iso.datetime({ offset: true });
const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZEmail = z.email().max(254);

/**
 * What a complaint use-case or the deadline sweep puts in the outbox event's `payload` so that notifications can be
 * sent without reading the database (the event is a snapshot at the time of the change). The outbox event's
 * `type` is `complaint.<eventType>` or `deadline.warned|breached`, and `eventType` repeats it.
 *
 * - `locale` is the customer's language; customer mail uses it. Owners get `owner.locale`, default zh-CN.
 * - `trackingUrl`: an absolute http(s) link to the customer's tracking page, or a path starting with `/` that is
 *   resolved against PUBLIC_URL (left out of the mail when PUBLIC_URL is unset); null when there is none.
 * - `deadline` is required for `deadline.*` events: the clock's `kind`, a `label` in the owner's language
 *   (e.g. 首次响应) and `dueAt`.
 * - Personal data (name, e-mail, phone) travels to the SMTP server and the webhook receiver, nowhere else.
 */
export const ZNotificationPayload = z
  .object({
    complaintId: ZText(100),
    number: ZText(40),
    status: z.enum(COMPLAINT_STATUSES),
    eventType: z.enum(NOTIFICATION_EVENT_TYPES),
    occurredAt: ZIsoInstant,
    locale: ZLocale,
    customer: z.object({
      name: ZText(200),
      email: ZEmail.nullable(),
      phone: ZText(40).nullable(),
    }),
    owner: z
      .object({
        userId: ZText(100),
        displayName: ZText(200),
        email: ZEmail.nullable(),
        locale: ZLocale.optional(),
      })
      .nullable(),
    trackingUrl: z
      .union([
        z.url({ protocol: /^https?$/ }),
        z.string().regex(/^\/(?!\/)\S*$/, 'an absolute URL or a /path'),
      ])
      .nullable(),
    productName: ZText(200).nullable(),
    summary: ZText(2000).nullable(),
    deadline: z.object({ kind: ZText(60), label: ZText(200), dueAt: ZIsoInstant }).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.eventType.startsWith('deadline.') && !p.deadline) {
      ctx.addIssue({ code: 'custom', path: ['deadline'], message: `required for ${p.eventType}` });
    }
  });

/** The notification snapshot carried by a complaint or deadline outbox event (see {@link ZNotificationPayload}). */
export type NotificationPayload = z.infer<typeof ZNotificationPayload>;
