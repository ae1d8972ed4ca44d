/**
 * The business calendar behind every working-time deadline (DOMAIN §5, R-SLA table).
 *
 * A day is a working day by the weekly rule (default Monday–Friday) unless a special day overrides it: a public
 * holiday (`off`) or a make-up working day (`work`, 调休上班, usually a Saturday or Sunday next to a holiday).
 * Working time on a working day is a list of local intervals (default 08:30–12:00 and 13:30–17:30, lunch break
 * excluded), evaluated in the calendar's IANA time zone (default Asia/Shanghai) and returned as UTC instants.
 *
 * Holiday data only exists for years the State Council has published (see `parse-holiday-cn-year.ts`). For any
 * other year the calendar never guesses: it applies the weekly rule plus whatever special days an administrator
 * entered, and flags the answer `provisional`. Late-December days are provisional until the next year is covered
 * too, because the next year's New Year arrangement can move them (2018-12-29 became a make-up working day
 * through the 2019 notice).
 *
 * Everything here is pure: time is an argument, and the per-day memo is keyed by the (frozen) calendar object.
 */
import type { Result } from '../shared/result';
import { err, ok } from '../shared/result';
import {
  addLocalDays,
  fromLocalDateTime,
  isoWeekdayOf,
  isValidTimeZone,
  parseClockTime,
  parseLocalDate,
  toLocalDateTime,
  type IsoWeekday,
  type LocalDateTime,
} from './convert-local-time';
import type { SlaError, SlaProblem } from './sla-error-code';

export type SpecialDay = {
  /** Local date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly kind: 'off' | 'work';
  readonly name: string;
};

/** Local working hours, `HH:MM` … `HH:MM`, end exclusive; `24:00` is allowed as an end. */
export type WorkInterval = { readonly start: string; readonly end: string };

export type BusinessCalendar = {
  readonly timeZone: string;
  /** ISO weekday (1 = Monday) → working intervals, several per day for a lunch break; empty = rest day. */
  readonly weeklyHours: Readonly<Record<IsoWeekday, readonly WorkInterval[]>>;
  /** Hours on a make-up working day (调休上班). */
  readonly makeUpDayHours: readonly WorkInterval[];
  /** Holidays (`off`) and make-up working days (`work`) by local date. */
  readonly specialDays: ReadonlyMap<string, SpecialDay>;
  /** Years with official holiday data; days of other years are provisional. */
  readonly coveredYears: ReadonlySet<number>;
};

export type BusinessCalendarInput = {
  readonly timeZone?: string;
  /** Days given here replace the default for that weekday; days left out keep the default. */
  readonly weeklyHours?: Partial<Readonly<Record<IsoWeekday, readonly WorkInterval[]>>>;
  /** Default: Monday's hours. */
  readonly makeUpDayHours?: readonly WorkInterval[];
  readonly specialDays?: readonly SpecialDay[];
  readonly coveredYears?: readonly number[];
};

export type WorkingDayReason = 'weekday' | 'weekend' | 'holiday' | 'makeup_workday';

export type WorkingDayStatus = {
  readonly working: boolean;
  readonly reason: WorkingDayReason;
  /** True when the day's year (or, for late December, the next year) has no official data. */
  readonly provisional: boolean;
};

/** A span of working time as UTC instants, `[start, end)`. */
export type UtcInterval = { readonly start: Date; readonly end: Date };

/** Mutable accumulator threaded through one computation: set when any day looked at was provisional. */
export type CalendarProbe = { provisional: boolean };

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
export const DEFAULT_WORKDAY_HOURS: readonly WorkInterval[] = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];
/** From this day of December on, a date also needs the next year's notice to be final. */
export const CROSS_YEAR_FROM = '12-25';
/** A calendar with no working time in this many days is treated as broken rather than searched forever. */
export const MAX_SCAN_DAYS = 3_660;

const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

const checkIntervals = (intervals: readonly WorkInterval[], path: string): SlaProblem[] => {
  const problems: SlaProblem[] = [];
  let previousEnd = -1;
  intervals.forEach((interval, i) => {
    const start = parseClockTime(interval.start);
    const end = parseClockTime(interval.end);
    if (start === null || start >= 86_400_000)
      problems.push({ path: `${path}[${i}].start`, message: `not a time HH:MM: ${interval.start}` });
    if (end === null)
      problems.push({ path: `${path}[${i}].end`, message: `not a time HH:MM: ${interval.end}` });
    if (start === null || end === null) return;
    if (start >= end) problems.push({ path: `${path}[${i}]`, message: 'start must be before end' });
    if (start < previousEnd)
      problems.push({ path: `${path}[${i}]`, message: 'intervals must be in order and must not overlap' });
    previousEnd = end;
  });
  return problems;
};

/**
 * Builds a business calendar (DOMAIN §5: working time on China's calendar with holidays and 调休).
 * Defaults: Asia/Shanghai; Monday–Friday 08:30–12:00 and 13:30–17:30; make-up days work Monday's hours.
 * Refuses, listing every problem: an unknown time zone, malformed or overlapping hours, a week without any
 * working time, an invalid special-day date, one date both off and work, a make-up day when there are no
 * make-up hours, or a covered year that is not an integer.
 */
export const createBusinessCalendar = (
  input: BusinessCalendarInput = {},
): Result<BusinessCalendar, SlaError> => {
  const problems: SlaProblem[] = [];
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone))
    problems.push({ path: 'timeZone', message: `unknown time zone: ${timeZone}` });

  const weeklyHours = {} as Record<IsoWeekday, readonly WorkInterval[]>;
  for (const day of WEEKDAYS) {
    const hours = input.weeklyHours?.[day] ?? (day <= 5 ? DEFAULT_WORKDAY_HOURS : []);
    problems.push(...checkIntervals(hours, `weeklyHours.${day}`));
    weeklyHours[day] = Object.freeze([...hours]);
  }
  if (WEEKDAYS.every((d) => weeklyHours[d].length === 0))
    problems.push({ path: 'weeklyHours', message: 'the week has no working time' });
  const makeUpDayHours = Object.freeze([...(input.makeUpDayHours ?? weeklyHours[1])]);
  problems.push(...checkIntervals(makeUpDayHours, 'makeUpDayHours'));

  const specialDays = new Map<string, SpecialDay>();
  (input.specialDays ?? []).forEach((day, i) => {
    if (parseLocalDate(day.date) === null) {
      problems.push({ path: `specialDays[${i}].date`, message: `not a YYYY-MM-DD date: ${day.date}` });
      return;
    }
    if (day.kind !== 'off' && day.kind !== 'work') {
      problems.push({ path: `specialDays[${i}].kind`, message: `must be off or work: ${String(day.kind)}` });
      return;
    }
    if (day.kind === 'work' && makeUpDayHours.length === 0)
      problems.push({ path: `specialDays[${i}]`, message: 'a make-up working day needs makeUpDayHours' });
    const known = specialDays.get(day.date);
    if (known && known.kind !== day.kind)
      problems.push({ path: `specialDays[${i}]`, message: `${day.date} is listed both as off and as work` });
    else if (!known)
      specialDays.set(day.date, Object.freeze({ date: day.date, kind: day.kind, name: day.name }));
  });

  const coveredYears = new Set<number>();
  (input.coveredYears ?? []).forEach((year, i) => {
    if (!Number.isInteger(year))
      problems.push({ path: `coveredYears[${i}]`, message: `not a year: ${year}` });
    else coveredYears.add(year);
  });

  if (problems.length > 0) return err({ code: 'CALENDAR_INVALID', problems });
  return ok(
    Object.freeze({
      timeZone,
      weeklyHours: Object.freeze(weeklyHours),
      makeUpDayHours,
      specialDays,
      coveredYears,
    }),
  );
};

/** What the calendar knows about one local day; intervals are epoch-ms pairs. */
export type LocalDayInfo = WorkingDayStatus & { readonly intervals: readonly (readonly [number, number])[] };

// Per-calendar memo of day lookups: calendars are immutable, so the answers are too.
const dayMemo = new WeakMap<BusinessCalendar, Map<string, LocalDayInfo>>();

const isProvisional = (cal: BusinessCalendar, date: string): boolean => {
  const year = Number(date.slice(0, 4));
  if (!cal.coveredYears.has(year)) return true;
  return date.slice(5) >= CROSS_YEAR_FROM && !cal.coveredYears.has(year + 1);
};

/**
 * Everything about one local day (R-SLA calendar): working or not, why, provisional or not, and its working
 * intervals as UTC epoch ms. Memoised per calendar. When a probe is given, a provisional day marks it.
 */
export const describeLocalDay = (
  cal: BusinessCalendar,
  date: string,
  probe?: CalendarProbe,
): LocalDayInfo => {
  let memo = dayMemo.get(cal);
  if (!memo) {
    memo = new Map();
    dayMemo.set(cal, memo);
  }
  let info = memo.get(date);
  if (!info) {
    const weekday = isoWeekdayOf(date);
    const special = cal.specialDays.get(date);
    const regular = cal.weeklyHours[weekday];
    // A listed working day that is a working weekday anyway keeps its own hours (2020-02-03, a Monday).
    const hours = special
      ? special.kind === 'off'
        ? []
        : regular.length > 0
          ? regular
          : cal.makeUpDayHours
      : regular;
    const reason: WorkingDayReason = special
      ? special.kind === 'work'
        ? 'makeup_workday'
        : 'holiday'
      : regular.length > 0
        ? 'weekday'
        : 'weekend';
    const intervals = hours.map(
      (h) =>
        [
          fromLocalDateTime(cal.timeZone, date, parseClockTime(h.start) ?? 0).getTime(),
          fromLocalDateTime(cal.timeZone, date, parseClockTime(h.end) ?? 0).getTime(),
        ] as const,
    );
    info = Object.freeze({
      working: hours.length > 0,
      reason,
      provisional: isProvisional(cal, date),
      intervals,
    });
    memo.set(date, info);
  }
  if (probe && info.provisional) probe.provisional = true;
  return info;
};

/**
 * Is `localDate` (YYYY-MM-DD in the calendar's zone) a working day? (R-SLA table, 调休.)
 * A listed holiday is off even on a weekday; a listed make-up day works even on a weekend; any other day follows
 * the weekly hours. `provisional` is true when the year has no official data (or, from 25 December, the next year
 * has none): the answer then rests on the weekly rule and is not to be trusted as final.
 */
export const isWorkingDay = (cal: BusinessCalendar, localDate: string): WorkingDayStatus => {
  const { working, reason, provisional } = describeLocalDay(cal, localDate);
  return { working, reason, provisional };
};

/** The working intervals of one local day as UTC `[start, end)` instants; empty on a rest day (R-SLA). */
export const workIntervalsOn = (cal: BusinessCalendar, localDate: string): readonly UtcInterval[] =>
  describeLocalDay(cal, localDate).intervals.map(([s, e]) => ({ start: new Date(s), end: new Date(e) }));

/**
 * The first instant at or after `at` that lies inside working time (R-SLA: a working clock started outside
 * working hours — lunch break, evening, weekend, holiday — starts counting at the next opening). Returns `at`
 * itself when it is inside working hours. Throws a RangeError only for a calendar that has no working time for
 * ten years, which `createBusinessCalendar` cannot produce from sane data.
 */
export const nextWorkingInstant = (cal: BusinessCalendar, at: Date, probe?: CalendarProbe): Date => {
  const t = at.getTime();
  let date = toLocalDateTime(cal.timeZone, at).date;
  for (let i = 0; i < MAX_SCAN_DAYS; i += 1) {
    for (const [s, e] of describeLocalDay(cal, date, probe).intervals) {
      if (t < e) return new Date(Math.max(s, t));
    }
    date = addLocalDays(date, 1);
  }
  throw new RangeError(`No working time within ${MAX_SCAN_DAYS} days after ${at.toISOString()}`);
};

/** True when `at` falls inside a working interval of its local day (R-SLA working time). */
export const isWithinBusinessHours = (cal: BusinessCalendar, at: Date): boolean => {
  const t = at.getTime();
  const { date } = toLocalDateTime(cal.timeZone, at);
  return describeLocalDay(cal, date).intervals.some(([s, e]) => s <= t && t < e);
};

/** The calendar's wall clock at the instant `at` (local date, ms since local midnight, ISO weekday). */
export const toCalendarLocalTime = (cal: BusinessCalendar, at: Date): LocalDateTime =>
  toLocalDateTime(cal.timeZone, at);

/**
 * The instant at which the calendar's wall clock shows `localDate` `time` (`HH:MM`, `24:00` = next midnight).
 * DST: a repeated time maps to the earlier instant, a skipped time to the same distance past the gap.
 */
export const fromCalendarLocalTime = (cal: BusinessCalendar, localDate: string, time: string): Date => {
  const ms = parseClockTime(time);
  if (ms === null) throw new RangeError(`Not a time HH:MM: ${time}`);
  return fromLocalDateTime(cal.timeZone, localDate, ms);
};
