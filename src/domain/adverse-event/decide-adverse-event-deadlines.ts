import { err, ok, type Result } from '../shared/result';
import type { RuleHit } from '../shared/rule-hit';
import {
  describeLocalDay,
  MAX_SCAN_DAYS,
  type BusinessCalendar,
  type CalendarProbe,
} from '../sla/business-calendar';
import { addLocalDays, fromLocalDateTime, isoWeekdayOf, toLocalDateTime } from '../sla/convert-local-time';
import { assertNever } from '../shared/assert-never';
import type {
  AdverseEventPolicy,
  AdverseEventType,
  Confidence,
  Localised,
  ReportDuration,
  ReportForm,
} from './adverse-event-policy';

/** One reportability decision to take: a report kind of a jurisdiction, due at a time (R-AE-2). */
export type DecisionDeadline = {
  readonly jurisdiction: string;
  readonly reportKind: string;
  readonly form: ReportForm | null;
  readonly label: Localised;
  readonly duration: ReportDuration;
  readonly source: string;
  readonly confidence: Confidence;
  readonly dueAt: Date;
  /** A work-day deadline that looked at a year without official holiday data (show it as provisional). */
  readonly provisional: boolean;
  readonly rules: readonly RuleHit[];
};

export type AdverseEventNotCovered = {
  readonly code: 'ADVERSE_EVENT_NOT_COVERED';
  readonly eventType: AdverseEventType;
  readonly jurisdictions: readonly string[];
};

const DAY_END_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const endOfLocalDay = (zone: string, date: string): Date => fromLocalDateTime(zone, date, DAY_END_MS);

const nthWorkDayAfter = (
  cal: BusinessCalendar,
  date: string,
  n: number,
  isWorking: (d: string) => boolean,
): string => {
  let d = date;
  for (let found = 0, i = 0; found < n; i += 1) {
    if (i > MAX_SCAN_DAYS) throw new RangeError(`No working day within ${MAX_SCAN_DAYS} days after ${date}`);
    d = addLocalDays(d, 1);
    if (isWorking(d)) found += 1;
  }
  return d;
};

/**
 * When a report falls due, counted from the moment of awareness (see `ReportDuration`): hours on the wall clock;
 * calendar and work days end 24:00 local time (the calendar's zone) of the last day, the day of awareness not
 * counted. Company work days follow the calendar's holidays and make-up days (调休); `weekdays` are Monday–Friday.
 */
export const computeReportDueAt = (
  awareAt: Date,
  duration: ReportDuration,
  calendar: BusinessCalendar,
): { readonly dueAt: Date; readonly provisional: boolean } => {
  const zone = calendar.timeZone;
  const awareDay = toLocalDateTime(zone, awareAt).date;
  switch (duration.unit) {
    case 'hours':
      return { dueAt: new Date(awareAt.getTime() + duration.amount * HOUR_MS), provisional: false };
    case 'calendar_days':
      return { dueAt: endOfLocalDay(zone, addLocalDays(awareDay, duration.amount)), provisional: false };
    case 'work_days': {
      const probe: CalendarProbe = { provisional: false };
      const isWorking =
        duration.calendar === 'company'
          ? (d: string) => describeLocalDay(calendar, d, probe).working
          : (d: string) => isoWeekdayOf(d) <= 5;
      const last = nthWorkDayAfter(calendar, awareDay, duration.amount, isWorking);
      return { dueAt: endOfLocalDay(zone, last), provisional: probe.provisional };
    }
    default:
      return assertNever(duration);
  }
};

const describeDuration = (d: ReportDuration): string => {
  switch (d.unit) {
    case 'hours':
      return `${d.amount} h`;
    case 'calendar_days':
      return `${d.amount} calendar days`;
    case 'work_days':
      return `${d.amount} work days (${d.calendar})`;
    default:
      return assertNever(d);
  }
};

/**
 * R-AE-2: the reportability decisions an adverse event needs and when each falls due — one per (jurisdiction, report
 * kind) whose `appliesTo` lists the event type, for the jurisdictions given (the policy's defaults plus the product's
 * markets, see `findJurisdictions`), in the policy's order. Each row cites its source and LAW.md confidence in its
 * rule hit. The clock runs from `awareAt`, the moment the company became aware (receipt of the complaint).
 * Refuses with ADVERSE_EVENT_NOT_COVERED when no jurisdiction in force asks anything for the event type.
 */
export const decideAdverseEventDeadlines = (
  eventType: AdverseEventType,
  awareAt: Date,
  policy: AdverseEventPolicy,
  ctx: { readonly calendar: BusinessCalendar; readonly jurisdictions: readonly string[] },
): Result<readonly DecisionDeadline[], AdverseEventNotCovered> => {
  const rows: DecisionDeadline[] = [];
  for (const regulation of policy.regulations) {
    if (!ctx.jurisdictions.includes(regulation.code)) continue;
    for (const rule of regulation.reportKinds) {
      if (!rule.appliesTo.includes(eventType)) continue;
      const { dueAt, provisional } = computeReportDueAt(awareAt, rule.duration, ctx.calendar);
      rows.push({
        jurisdiction: regulation.code,
        reportKind: rule.kind,
        form: regulation.form,
        label: rule.label,
        duration: rule.duration,
        source: rule.source,
        confidence: rule.confidence,
        dueAt,
        provisional,
        rules: [
          {
            rule: 'R-AE-2',
            detail: `${regulation.code}/${rule.kind}: ${eventType}, ${describeDuration(rule.duration)} from awareness; ${rule.source} (confidence ${rule.confidence})`,
          },
        ],
      });
    }
  }
  if (rows.length === 0)
    return err({ code: 'ADVERSE_EVENT_NOT_COVERED', eventType, jurisdictions: [...ctx.jurisdictions] });
  return ok(rows);
};
