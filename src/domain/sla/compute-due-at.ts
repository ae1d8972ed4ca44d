import { assertNever } from '../shared/assert-never';
import {
  describeLocalDay,
  MAX_SCAN_DAYS,
  nextWorkingInstant,
  type BusinessCalendar,
  type CalendarProbe,
} from './business-calendar';
import { addLocalDays, fromLocalDateTime, toLocalDateTime } from './convert-local-time';
import { addWorkingTime, countWorkingTime } from './sum-working-time';

/** How long a deadline runs (R-SLA table). */
export type DurationSpec =
  /** Clock hours: every minute counts. */
  | { readonly mode: 'wall'; readonly minutes: number }
  /** Minutes of working time on the calendar. */
  | { readonly mode: 'working'; readonly minutes: number }
  /** Same local clock time on the N-th following working day; a start outside working time counts from the next opening. */
  | { readonly mode: 'working_days'; readonly days: number }
  /** 民法典 art. 201/203: starts the next day, ends 24:00 of the last day; a rest day as last day rolls to the next working day. */
  | { readonly mode: 'legal_days'; readonly days: number }
  /** R-SLA-14 window: opens local 00:00 of day `fromDays` (day 0 = start day), due 24:00 of day `toDays`. */
  | { readonly mode: 'window_days'; readonly fromDays: number; readonly toDays: number };

/** Time spent waiting on the customer; `to: null` is a pause still open (it counts up to `now`). */
export type PauseInterval = { readonly from: Date; readonly to: Date | null };

export type DueAt = {
  readonly dueAt: Date;
  /** Start of the window for `window_days`; null for every other mode. */
  readonly opensAt: Date | null;
  /** True when any calendar day looked at lies in a year without official holiday data. */
  readonly provisional: boolean;
};

/** Whether pauses extend a clock by wall time (`wall` clocks) or by the working time they covered (all others). */
export type PauseMeasure = 'wall' | 'working';

/** R-SLA pauses: a wall clock is extended by the wall time paused, every other clock by the working time paused. */
export const pauseMeasureOf = (spec: DurationSpec): PauseMeasure =>
  spec.mode === 'wall' ? 'wall' : 'working';

const DAY_END_MS = 86_400_000;

const nthWorkingDayAfter = (cal: BusinessCalendar, date: string, n: number, probe: CalendarProbe): string => {
  let d = date;
  let found = 0;
  for (let i = 0; found < n; i += 1) {
    if (i > MAX_SCAN_DAYS) throw new RangeError(`No working day within ${MAX_SCAN_DAYS} days after ${date}`);
    d = addLocalDays(d, 1);
    if (describeLocalDay(cal, d, probe).working) found += 1;
  }
  return d;
};

const unpausedDue = (
  startedAt: Date,
  spec: DurationSpec,
  cal: BusinessCalendar,
  probe: CalendarProbe,
): { dueAt: Date; opensAt: Date | null } => {
  const zone = cal.timeZone;
  switch (spec.mode) {
    case 'wall':
      return { dueAt: new Date(startedAt.getTime() + spec.minutes * 60_000), opensAt: null };
    case 'working':
      return { dueAt: addWorkingTime(cal, startedAt, spec.minutes * 60_000, probe), opensAt: null };
    case 'working_days': {
      const opening = nextWorkingInstant(cal, startedAt, probe);
      const local = toLocalDateTime(zone, opening);
      const day = nthWorkingDayAfter(cal, local.date, spec.days, probe);
      return { dueAt: fromLocalDateTime(zone, day, local.msOfDay), opensAt: null };
    }
    case 'legal_days': {
      const startDay = toLocalDateTime(zone, startedAt).date;
      let last = addLocalDays(startDay, spec.days);
      if (!describeLocalDay(cal, last, probe).working) last = nthWorkingDayAfter(cal, last, 1, probe);
      return { dueAt: fromLocalDateTime(zone, last, DAY_END_MS), opensAt: null };
    }
    case 'window_days': {
      const startDay = toLocalDateTime(zone, startedAt).date;
      return {
        dueAt: fromLocalDateTime(zone, addLocalDays(startDay, spec.toDays), DAY_END_MS),
        opensAt: fromLocalDateTime(zone, addLocalDays(startDay, spec.fromDays), 0),
      };
    }
    default:
      return assertNever(spec);
  }
};

/**
 * Pushes a due date back by the pauses (R-SLA: deadlines pause while waiting on the customer). Pauses are clipped
 * to `startedAt`, merged, and walked in order: a pause that begins before the (already extended) due date extends it
 * by its length — wall time for `wall`, working time inside the pause otherwise, added as working time after the due
 * date. A pause that begins at or after the due date changes nothing: a clock already late stays late. An open
 * pause counts up to `now`.
 */
export const extendDueAtByPauses = (
  dueAt: Date,
  startedAt: Date,
  measure: PauseMeasure,
  cal: BusinessCalendar,
  pauses: readonly PauseInterval[],
  now: Date,
  probe: CalendarProbe = { provisional: false },
): Date => {
  const spans = pauses
    .map((p) => ({ from: Math.max(p.from.getTime(), startedAt.getTime()), to: (p.to ?? now).getTime() }))
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const span of spans) {
    const previous = merged[merged.length - 1];
    if (previous && span.from <= previous.to) previous.to = Math.max(previous.to, span.to);
    else merged.push({ ...span });
  }
  let due = dueAt;
  for (const span of merged) {
    if (span.from >= due.getTime()) break;
    due =
      measure === 'wall'
        ? new Date(due.getTime() + (span.to - span.from))
        : addWorkingTime(
            cal,
            due,
            countWorkingTime(cal, new Date(span.from), new Date(span.to), probe),
            probe,
          );
  }
  return due;
};

/**
 * Computes when a deadline clock falls due (R-SLA-1…14, R-CLS-6, R-RES-7), on the business calendar with holidays
 * and make-up working days (调休):
 * - `wall`: start + minutes; pauses add the wall time paused.
 * - `working`: minutes of working time; a start outside working time counts from the next opening; pauses add the
 *   working time they covered.
 * - `working_days`: the same local clock time on the N-th following working day (a start outside working time
 *   counts from the next opening: in an ordinary week Friday 18:00 + 1 working day = Tuesday 08:30).
 * - `legal_days` (民法典 art. 201/203): the start day is not counted; due 24:00 local of day N; when that day is a rest
 *   day (weekend or holiday, a make-up working day is not a rest day) the period ends 24:00 of the next working day.
 * - `window_days` (R-SLA-14): opens 00:00 of day `fromDays`, due 24:00 of day `toDays`, calendar days.
 * For the day-based modes, pauses add the paused working time after the unpaused due date. `provisional` is true
 * when any day examined lies in a year without official data — such a deadline must be shown as provisional.
 */
export const computeDueAt = (
  startedAt: Date,
  spec: DurationSpec,
  calendar: BusinessCalendar,
  pauses: readonly PauseInterval[],
  now: Date,
): DueAt => {
  const probe: CalendarProbe = { provisional: false };
  const base = unpausedDue(startedAt, spec, calendar, probe);
  const dueAt = extendDueAtByPauses(
    base.dueAt,
    startedAt,
    pauseMeasureOf(spec),
    calendar,
    pauses,
    now,
    probe,
  );
  return { dueAt, opensAt: base.opensAt, provisional: probe.provisional };
};

/**
 * When to warn the owner that a deadline is about to pass (R-ESC-1): once `share` (0…1, clamped) of the span from
 * start to due has elapsed, in wall time. A due date not after the start warns at the due date.
 */
export const computeWarnAt = (startedAt: Date, dueAt: Date, share: number): Date => {
  const span = dueAt.getTime() - startedAt.getTime();
  if (span <= 0 || !Number.isFinite(share)) return dueAt;
  const clamped = Math.min(1, Math.max(0, share));
  return new Date(startedAt.getTime() + Math.round(span * clamped));
};
