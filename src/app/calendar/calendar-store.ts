import {
  createBusinessCalendar,
  DEFAULT_WORKDAY_HOURS,
  type BusinessCalendarInput,
  type WorkInterval,
} from '../../domain/sla/business-calendar';
import type { IsoWeekday } from '../../domain/sla/convert-local-time';
import type { HolidayCnYear } from '../../domain/sla/parse-holiday-cn-year';
import type { Tx } from '../../db/client';
import {
  calendarRepo,
  type CalendarDayRow,
  type CalendarSettingsRow,
  type CalendarYearRow,
} from '../../db/repos/calendar.repo';
import { LOCKS, lockRepo } from '../../db/repos/lock.repo';
import type { AuditEntry } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { loadBundledHolidayYears } from './bundled-holidays';

/** ISO weekday (1 = Monday) → working intervals; an empty list is a rest day. */
export type WeeklyHours = Readonly<Record<IsoWeekday, readonly WorkInterval[]>>;

/** Monday–Friday 08:30–12:00 and 13:30–17:30; Saturday and Sunday off (DOMAIN §5 default). */
export const DEFAULT_WEEKLY_HOURS: WeeklyHours = {
  1: DEFAULT_WORKDAY_HOURS,
  2: DEFAULT_WORKDAY_HOURS,
  3: DEFAULT_WORKDAY_HOURS,
  4: DEFAULT_WORKDAY_HOURS,
  5: DEFAULT_WORKDAY_HOURS,
  6: [],
  7: [],
};

/** `source` of the years loaded at first start from resources/holiday-cn. */
export const BUNDLED_SOURCE = 'holiday-cn (bundled)';

/** A covered year as stored: where its data came from and when. */
export type CalendarYearInfo = {
  readonly year: number;
  /** How it got here: bundled data, a CLI import (with the file name) or the API. */
  readonly source: string;
  /** The State Council notices (gov.cn URLs) the data was built from. */
  readonly papers: readonly string[];
  readonly dayCount: number;
  readonly importedAt: Date;
  readonly importedBy: string | null;
};

export const yearInfoOf = (row: CalendarYearRow): CalendarYearInfo => ({
  year: row.year,
  source: row.source,
  papers: Array.isArray(row.papers) ? (row.papers as string[]) : [],
  dayCount: row.dayCount,
  importedAt: row.importedAt,
  importedBy: row.importedBy,
});

/** Who imported, as recorded on the year: the user id, or the system actor's name (`cli:calendar-import`). */
export const importedByOf = (ctx: UseCaseContext): string | null =>
  ctx.actor.kind === 'user' ? ctx.actor.userId : ctx.actor.kind === 'system' ? ctx.actor.name : null;

/** The business-calendar input for the stored rows (the same reading as `buildCalendar`, but validated). */
export const calendarInputOf = (
  settings: Pick<CalendarSettingsRow, 'timeZone' | 'weeklyHours' | 'makeUpDayHours'> | undefined,
  days: readonly Pick<CalendarDayRow, 'date' | 'kind' | 'name'>[],
  years: readonly { year: number }[],
): BusinessCalendarInput => ({
  ...(settings && {
    timeZone: settings.timeZone,
    weeklyHours: settings.weeklyHours as Partial<Record<IsoWeekday, WorkInterval[]>>,
    makeUpDayHours: settings.makeUpDayHours as WorkInterval[],
  }),
  specialDays: days.map((d) => ({ date: d.date, kind: d.kind === 'work' ? 'work' : 'off', name: d.name })),
  coveredYears: years.map((y) => y.year),
});

/**
 * Checks the calendar as it now stands in this transaction (R-SLA calendar): a change that leaves it unusable —
 * e.g. make-up working days without make-up hours — is refused with every problem, and the transaction rolls back.
 */
export const assertStoredCalendarValid = async (tx: Tx): Promise<void> => {
  const made = createBusinessCalendar(
    calendarInputOf(
      await calendarRepo.findSettings(tx),
      await calendarRepo.listDays(tx),
      await calendarRepo.listYears(tx),
    ),
  );
  if (!made.ok) throw new AppError('CALENDAR_INVALID', { problems: made.error.problems });
};

export type StoredYear = {
  readonly dayCount: number;
  /** Previous-December dates taken over from the previous year's notice (this notice is the later one). */
  readonly takenOver: readonly string[];
  /** Dates this file lists that the next year's (later) notice already settles: kept as that notice says. */
  readonly keptByLater: readonly string[];
};

/**
 * Writes one year of official data, replacing whatever that year had (a corrected notice supersedes the old list).
 * A file may list late-December days of the previous year (the 2023 notice lists 2022-12-31); when two notices
 * list the same date, the later notice decides it, as the State Council's later notice does.
 */
export const storeHolidayYear = async (
  tx: Tx,
  year: HolidayCnYear,
  meta: { readonly source: string; readonly importedAt: Date; readonly importedBy: string | null },
): Promise<StoredYear> => {
  const others = await calendarRepo.findDaysOfOtherYears(
    tx,
    year.year,
    year.days.map((d) => d.date),
  );
  const keptByLater = others.filter((d) => d.year > year.year).map((d) => d.date);
  const takenOver = others.filter((d) => d.year < year.year).map((d) => d.date);
  await calendarRepo.deleteDates(tx, takenOver);
  const skip = new Set(keptByLater);
  const days = year.days
    .filter((d) => !skip.has(d.date))
    .map((d) => ({ date: d.date, kind: d.kind, name: d.name }));
  await calendarRepo.replaceYear(
    tx,
    {
      year: year.year,
      source: meta.source,
      papers: [...year.papers],
      dayCount: days.length,
      importedAt: meta.importedAt,
      importedBy: meta.importedBy,
    },
    days,
  );
  return { dayCount: days.length, takenOver, keptByLater };
};

/**
 * Takes the calendar lock for the rest of the transaction: every calendar change (first-start seeding, imports,
 * settings) runs one at a time, in every process.
 */
export const lockCalendar = (tx: Tx): Promise<void> => lockRepo.lock(tx, LOCKS.calendar);

export type CalendarInitialisation = {
  /** Bundled years stored now (covered from now on). */
  readonly loadedYears: readonly number[];
  /** Bundled placeholders without data: those years stay provisional. */
  readonly provisionalYears: readonly number[];
  readonly audit: AuditEntry;
};

/**
 * First use of the calendar (issue 3 §4): when no calendar settings exist yet, stores the default weekly hours in
 * the configured time zone and every bundled year that carries official data, and returns the audit entry to
 * append. A bundled placeholder (a year whose notice was not yet published, e.g. 2027.json) is NOT stored: the
 * year stays provisional, never guessed. Years already present (imported before the first start) are kept.
 * Returns undefined when the calendar was set up before. The caller holds the calendar lock and appends the audit
 * entry.
 */
export const ensureCalendarInitialised = async (
  tx: Tx,
  deps: Deps,
  ctx: UseCaseContext,
  now: Date,
): Promise<CalendarInitialisation | undefined> => {
  const settings = {
    timeZone: deps.config.defaultTimeZone,
    weeklyHours: DEFAULT_WEEKLY_HOURS,
    makeUpDayHours: [...DEFAULT_WORKDAY_HOURS],
    updatedAt: now,
  };
  if (!(await calendarRepo.insertSettingsIfAbsent(tx, settings))) return undefined;
  const present = new Set((await calendarRepo.listYears(tx)).map((y) => y.year));
  const loaded: { year: number; dayCount: number; papers: readonly string[] }[] = [];
  const provisional: number[] = [];
  const kept: number[] = [];
  for (const year of loadBundledHolidayYears()) {
    if (!year.covered) provisional.push(year.year);
    else if (present.has(year.year)) kept.push(year.year);
    else {
      const stored = await storeHolidayYear(tx, year, {
        source: BUNDLED_SOURCE,
        importedAt: now,
        importedBy: importedByOf(ctx),
      });
      loaded.push({ year: year.year, dayCount: stored.dayCount, papers: year.papers });
    }
  }
  return {
    loadedYears: loaded.map((y) => y.year),
    provisionalYears: provisional,
    audit: {
      entityType: 'calendar',
      entityId: 'default',
      action: 'calendar.seeded',
      after: { ...settings, years: loaded, keptImportedYears: kept, provisionalYears: provisional },
      reason: 'first start: default working hours and the official holiday data (holiday-cn)',
    },
  };
};

/** The calendar's version (bumped by every change); 0 before the first start stored any settings. */
export const calendarVersionOf = (row: CalendarSettingsRow | undefined): number => row?.version ?? 0;
