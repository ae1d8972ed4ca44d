import {
  createBusinessCalendar,
  describeLocalDay,
  toCalendarLocalTime,
  type WorkInterval,
  type WorkingDayReason,
} from '../../domain/sla/business-calendar';
import { addLocalDays, isoWeekdayOf, type IsoWeekday } from '../../domain/sla/convert-local-time';
import type { Executor } from '../../db/client';
import { calendarRepo } from '../../db/repos/calendar.repo';
import { loadComplaintSettings } from '../complaints/complaint-settings';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { assertPermission } from '../identity/assert-permission';
import {
  calendarInputOf,
  calendarVersionOf,
  yearInfoOf,
  type CalendarYearInfo,
  type WeeklyHours,
} from './calendar-store';

/** The calendar as an administrator sees it (issue 3 §4). */
export type CalendarOverview = {
  /** Moves on with every change (settings, import, removal): send it back as If-Match to change the settings. */
  readonly version: number;
  /** The current year in the calendar's time zone. */
  readonly currentYear: number;
  readonly timeZone: string;
  readonly weeklyHours: WeeklyHours;
  readonly makeUpDayHours: readonly WorkInterval[];
  readonly updatedAt: Date | null;
  readonly coveredYears: readonly CalendarYearInfo[];
  /**
   * Every year from the earliest covered year to next year that has no official data: deadlines in those years
   * follow the weekly rule only and are shown as provisional (never guessed).
   */
  readonly provisionalYears: readonly number[];
};

export type CalendarDay = {
  readonly date: string;
  readonly weekday: IsoWeekday;
  readonly working: boolean;
  readonly reason: WorkingDayReason;
  /** The holiday's name (国庆节, 春节…) for holidays and make-up working days; null otherwise. */
  readonly name: string | null;
  readonly provisional: boolean;
};

export type CalendarYearView = {
  readonly year: number;
  readonly covered: boolean;
  readonly info: CalendarYearInfo | null;
  readonly days: readonly CalendarDay[];
};

/** The overview read in `ex` (a use-case's transaction, or the reader). */
export const readCalendarOverview = async (ex: Executor, now: Date): Promise<CalendarOverview> => {
  const settings = await calendarRepo.findSettings(ex);
  const years = await calendarRepo.listYears(ex);
  const made = createBusinessCalendar(calendarInputOf(settings, [], years));
  if (!made.ok) throw new Error(`stored calendar is invalid: ${JSON.stringify(made.error)}`);
  const calendar = made.value;
  const currentYear = Number(toCalendarLocalTime(calendar, now).date.slice(0, 4));
  const covered = new Set(years.map((y) => y.year));
  const provisionalYears: number[] = [];
  for (let y = Math.min(currentYear, ...covered); y <= currentYear + 1; y += 1)
    if (!covered.has(y)) provisionalYears.push(y);
  return {
    version: calendarVersionOf(settings),
    currentYear,
    timeZone: calendar.timeZone,
    weeklyHours: calendar.weeklyHours,
    makeUpDayHours: calendar.makeUpDayHours,
    updatedAt: settings?.updatedAt ?? null,
    coveredYears: years.map(yearInfoOf),
    provisionalYears,
  };
};

/** The calendar's settings, covered years with their sources, and the provisional years (reference data). */
export const getCalendar = async (deps: Deps, ctx: UseCaseContext): Promise<CalendarOverview> => {
  assertPermission(ctx.actor, 'reference.read');
  return readCalendarOverview(deps.db.reader(), deps.clock.now());
};

/**
 * Every day of one year on the calendar in force (R-SLA calendar, 调休): working or not, why (weekday, weekend,
 * holiday, make-up working day), the holiday's name, and whether the answer is provisional — the year view of the
 * console.
 */
export const getCalendarYear = async (
  deps: Deps,
  ctx: UseCaseContext,
  year: number,
): Promise<CalendarYearView> => {
  assertPermission(ctx.actor, 'reference.read');
  const { calendar } = await loadComplaintSettings(deps.db);
  const row = await calendarRepo.findYear(deps.db.reader(), year);
  const days: CalendarDay[] = [];
  const prefix = `${String(year).padStart(4, '0')}-`;
  for (let date = `${prefix}01-01`; date.startsWith(prefix); date = addLocalDays(date, 1)) {
    const info = describeLocalDay(calendar, date);
    days.push({
      date,
      weekday: isoWeekdayOf(date),
      working: info.working,
      reason: info.reason,
      name: calendar.specialDays.get(date)?.name ?? null,
      provisional: info.provisional,
    });
  }
  return { year, covered: calendar.coveredYears.has(year), info: row ? yearInfoOf(row) : null, days };
};
