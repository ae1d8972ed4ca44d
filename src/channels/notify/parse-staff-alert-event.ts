import { z } from 'zod';
import type { OutboxEvent } from '../../app/outbox/deliver-outbox';
import { QUALITY_REPORT_KINDS } from '../../domain/batch/decide-batch-signal';
import { DISPOSAL_STATUSES } from '../../domain/capa/decide-disposal';
import type { EffectivenessDecision } from '../../domain/capa/decide-effectiveness';
import { MalformedNotificationError } from './parse-notification-event';

/**
 * The quality events that name the staff to tell in their payload's `recipients`: a batch case opened (quality has
 * 2 hours to investigate, R-SLA-11), a quality report opened (72 hours to issue it, R-SLA-7), an overdue batch-case investigation (R-SLA-11), an overdue quality report
 * (R-SLA-7), an overdue CAPA action (R-CAPA-1) and a CAPA action found not effective (R-CAPA-3:
 * `capa.action_<outcome>` for the outcomes that reopen it), and a nonconformity disposal step that leaves it waiting
 * on someone (R-ESC-3: the chief engineer's approval or ruling, the author after a return, quality after an objection).
 */
export const STAFF_ALERT_TYPES = [
  'batch.case_opened',
  'batch.report_opened',
  'batch.case_overdue',
  'quality_report.overdue',
  'capa.action_overdue',
  'capa.action_reopened',
  'capa.action_review',
  'disposal.submitted',
  'disposal.resubmitted',
  'disposal.redecided',
  'disposal.returned',
  'disposal.objected',
] as const satisfies readonly (
  | 'batch.case_opened'
  | 'batch.report_opened'
  | 'batch.case_overdue'
  | 'quality_report.overdue'
  | 'capa.action_overdue'
  | `capa.action_${EffectivenessDecision['outcome']}`
  | `disposal.${'submitted' | 'resubmitted' | 'redecided' | 'returned' | 'objected'}`
)[];

export type StaffAlertType = (typeof STAFF_ALERT_TYPES)[number];

const ZLocale = z.enum(['zh-CN', 'en']);
const ZIsoInstant = z.iso.datetime({ offset: true });
const ZText = (max: number) => z.string().trim().min(1).max(max);

/**
 * One person an escalation names. `email` and `locale` are optional so that an event written before they were
 * carried is still delivered (its recipients are skipped as having no address) instead of dead-lettered.
 */
const ZRecipient = z.object({
  userId: ZText(100),
  displayName: ZText(200),
  email: z.email().max(254).nullish(),
  locale: ZLocale.optional(),
  role: ZText(60).optional(),
});
const ZRecipients = z.array(ZRecipient).max(200);

const ZCapaReopening = <O extends 'reopened' | 'review'>(outcome: O) =>
  z.object({
    number: ZText(40),
    outcome: z.literal(outcome),
    reopenCount: z.number().int().min(0),
    dueAt: ZIsoInstant,
    summary: ZText(2000).nullish(),
    recipients: ZRecipients,
    recurrences: z
      .array(
        z.object({
          complaintNumber: ZText(40).nullable(),
          batchNo: ZText(100),
          productionDate: ZText(40),
        }),
      )
      .max(1000),
  });

const ZDisposalStep = z.object({
  number: ZText(40),
  status: z.enum(DISPOSAL_STATUSES),
  round: z.number().int().min(1),
  decision: ZText(4000),
  reason: ZText(2000).nullish(),
  summary: ZText(2000),
  recipients: ZRecipients,
});

/** The part of each escalation's outbox payload a staff alert reads (other fields are ignored). */
const STAFF_ALERT_PAYLOADS = {
  'batch.case_opened': z.object({
    number: ZText(40),
    batchNo: ZText(100),
    mechanism: ZText(200),
    region: ZText(100).nullish(),
    investigationDueAt: ZIsoInstant,
    summary: ZText(2000),
    recipients: ZRecipients,
  }),
  'batch.report_opened': z.object({
    number: ZText(40),
    kind: z.enum(QUALITY_REPORT_KINDS),
    batchNo: ZText(100),
    mechanism: ZText(200),
    rate: ZText(40),
    validComplaints: z.number().int().min(0),
    unitsShipped: z.number().int().min(0),
    dueAt: ZIsoInstant,
    summary: ZText(2000),
    recipients: ZRecipients,
  }),
  'batch.case_overdue': z.object({
    number: ZText(40),
    batchNo: ZText(100),
    mechanism: ZText(200),
    region: ZText(100).nullish(),
    investigationDueAt: ZIsoInstant,
    summary: ZText(2000),
    recipients: ZRecipients,
  }),
  'quality_report.overdue': z.object({
    number: ZText(40),
    kind: z.enum(QUALITY_REPORT_KINDS),
    batchNo: ZText(100),
    mechanism: ZText(200),
    dueAt: ZIsoInstant,
    summary: ZText(2000),
    recipients: ZRecipients,
  }),
  'capa.action_overdue': z.object({
    number: ZText(40),
    title: ZText(500),
    dueAt: ZIsoInstant,
    summary: ZText(2000).nullish(),
    recipients: ZRecipients,
  }),
  'capa.action_reopened': ZCapaReopening('reopened'),
  'capa.action_review': ZCapaReopening('review'),
  'disposal.submitted': ZDisposalStep,
  'disposal.resubmitted': ZDisposalStep,
  'disposal.redecided': ZDisposalStep,
  'disposal.returned': ZDisposalStep,
  'disposal.objected': ZDisposalStep,
} as const satisfies Record<StaffAlertType, z.ZodType>;

export type StaffAlertPayloads = {
  readonly [T in StaffAlertType]: z.infer<(typeof STAFF_ALERT_PAYLOADS)[T]>;
};

export type StaffAlertRecipient = z.infer<typeof ZRecipient>;

/** A parsed escalation: its type and payload, paired so templates can narrow on `type`. */
export type StaffAlertEvent = {
  readonly [T in StaffAlertType]: { readonly type: T; readonly payload: StaffAlertPayloads[T] };
}[StaffAlertType];

export const isStaffAlertType = (type: string): type is StaffAlertType =>
  (STAFF_ALERT_TYPES as readonly string[]).includes(type);

/**
 * Validates an escalation's outbox payload against its type's schema. Throws the permanent
 * {@link MalformedNotificationError} — naming the fields and the problem, never their values (names and addresses
 * are personal data) — for a payload that breaks it or an event type that is not a staff alert.
 */
export const parseStaffAlertEvent = (event: OutboxEvent): StaffAlertEvent => {
  const prefix = `permanent failure: malformed notification payload in event ${event.id} (${event.type})`;
  if (!isStaffAlertType(event.type)) throw new MalformedNotificationError(`${prefix}: not a staff alert`);
  const parsed = STAFF_ALERT_PAYLOADS[event.type].safeParse(event.payload);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new MalformedNotificationError(`${prefix}: ${issues.join('; ')}`);
  }
  return { type: event.type, payload: parsed.data } as StaffAlertEvent;
};
