import type { Locale } from '../../domain/identity/user';
import { formatInstant } from './format-instant';
import { layOutMail, type LaidOutMail } from './mail-layout';
import type { StaffAlertEvent, StaffAlertRecipient, StaffAlertType } from './parse-staff-alert-event';
import type { RenderOptions } from './render-notification';
import { STAFF_ALERT_TEMPLATES, type StaffAlertTemplate } from './staff-alert-templates';

/** A staff alert ready to send to one person: their language, a subject, plain text and the same as simple HTML. */
export type RenderedStaffAlert = LaidOutMail;

/** The console page of each escalated record, under PUBLIC_URL. */
const CONSOLE_PATHS: Readonly<Record<StaffAlertType, string>> = {
  'batch.case_opened': '/batch-cases/',
  'batch.report_opened': '/quality-reports/',
  'batch.case_overdue': '/batch-cases/',
  'quality_report.overdue': '/quality-reports/',
  'capa.action_overdue': '/capa-actions/',
  'capa.action_reopened': '/capa-actions/',
  'capa.action_review': '/capa-actions/',
  'disposal.submitted': '/disposals/',
  'disposal.resubmitted': '/disposals/',
  'disposal.redecided': '/disposals/',
  'disposal.returned': '/disposals/',
  'disposal.objected': '/disposals/',
};

/** `${PUBLIC_URL}<console path>` of the escalated record (the event's aggregate), or null without PUBLIC_URL. */
export const staffAlertUrl = (
  type: StaffAlertType,
  aggregateId: string,
  publicUrl: string | undefined,
): string | null =>
  publicUrl
    ? `${publicUrl.replace(/\/+$/, '')}${CONSOLE_PATHS[type]}${encodeURIComponent(aggregateId)}`
    : null;

/**
 * Renders an escalation for one person it names, in their language (zh-CN unless they chose en), with the due
 * time in `timeZone` and a link to the record's console page when PUBLIC_URL is set. Every value is escaped in the
 * HTML part (summaries, titles and names are typed by people); the subject is kept to one line.
 */
export const renderStaffAlert = (
  alert: StaffAlertEvent,
  aggregateId: string,
  recipient: StaffAlertRecipient,
  options: RenderOptions,
): RenderedStaffAlert => {
  const locale: Locale = recipient.locale ?? 'zh-CN';
  // The pairing of `type` and `payload` is guaranteed by StaffAlertEvent; TypeScript cannot follow it through the
  // lookup, so the template is widened once here.
  const template = STAFF_ALERT_TEMPLATES[alert.type][locale] as StaffAlertTemplate<StaffAlertType>;
  const parts = template({
    payload: alert.payload,
    recipientName: recipient.displayName,
    at: (iso) => formatInstant(iso, locale, options.timeZone),
    url: staffAlertUrl(alert.type, aggregateId, options.publicUrl),
  });
  return layOutMail(locale, parts);
};
