import { parseHolidayCnYear } from '../../domain/sla/parse-holiday-cn-year';
import { calendarRepo } from '../../db/repos/calendar.repo';
import { appendAudit } from '../audit/append-audit';
import { recomputeOpenDeadlines, type RecomputeSummary } from '../complaints/recompute-open-deadlines';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import {
  assertStoredCalendarValid,
  ensureCalendarInitialised,
  importedByOf,
  lockCalendar,
  storeHolidayYear,
  yearInfoOf,
} from './calendar-store';

export type HolidayYearImport = {
  readonly year: number;
  readonly dayCount: number;
  readonly papers: readonly string[];
  /** True when the year had data before (the new notice superseded it). */
  readonly replaced: boolean;
  readonly previousDayCount: number | null;
  /** Previous-December dates taken over from the previous year's notice. */
  readonly takenOver: readonly string[];
  /** Dates the next year's (later) notice already settles; kept as that notice says. */
  readonly keptByLater: readonly string[];
  /** Calendar version after the import. */
  readonly version: number;
  readonly recomputed: RecomputeSummary;
};

/**
 * Imports one year of official holiday data — the State Council notice in the holiday-cn JSON format (issue 3 §4;
 * the same for `closeloop calendar import` and `POST /api/v1/calendar/years`). The file is checked first
 * (`parseHolidayCnYear`): any fault → HOLIDAY_DATA_INVALID listing every problem, nothing written. A placeholder
 * without days or notices (holiday-cn's file for a year not yet announced) is refused too: it would mark the year
 * covered without data, and a year without data must stay provisional. On success the year's special days are
 * replaced (a corrected notice supersedes the old list), the year is marked covered with its notices as source,
 * the change is audited (before/after: day count, notices, dates added and removed), and open deadlines are
 * recomputed.
 */
export const importHolidayYear = async (
  deps: Deps,
  ctx: UseCaseContext,
  json: unknown,
  options: { readonly source: string },
): Promise<HolidayYearImport> => {
  assertPermission(ctx.actor, 'calendar.manage');
  const parsed = parseHolidayCnYear(json);
  if (!parsed.ok) throw new AppError('HOLIDAY_DATA_INVALID', { problems: parsed.error.problems });
  const year = parsed.value;
  if (!year.covered)
    throw new AppError('HOLIDAY_DATA_INVALID', {
      problems: [
        {
          path: 'days',
          message: `no days and no notices: a placeholder does not cover ${year.year}, which stays provisional`,
        },
      ],
    });
  const now = deps.clock.now();
  const done = await deps.db.transaction(async (tx) => {
    await lockCalendar(tx);
    const init = await ensureCalendarInitialised(tx, deps, ctx, now);
    const beforeRow = await calendarRepo.findYear(tx, year.year);
    const beforeDays = await calendarRepo.listDaysOfYear(tx, year.year);
    const stored = await storeHolidayYear(tx, year, {
      source: options.source,
      importedAt: now,
      importedBy: importedByOf(ctx),
    });
    const afterDays = await calendarRepo.listDaysOfYear(tx, year.year);
    const version = (await calendarRepo.touchSettings(tx, now)) ?? 0;
    await assertStoredCalendarValid(tx);
    const key = (d: { date: string; kind: string; name: string }) => `${d.date} ${d.kind} ${d.name}`;
    const beforeKeys = new Set(beforeDays.map(key));
    const afterKeys = new Set(afterDays.map(key));
    const before = beforeRow && yearInfoOf(beforeRow);
    await appendAudit(tx, ctx, now, [
      ...(init ? [init.audit] : []),
      {
        entityType: 'calendar',
        entityId: String(year.year),
        action: 'calendar.year_imported',
        before: before && { dayCount: before.dayCount, papers: before.papers, source: before.source },
        after: {
          dayCount: stored.dayCount,
          papers: year.papers,
          source: options.source,
          added: afterDays.filter((d) => !beforeKeys.has(key(d))).map(key),
          removed: beforeDays.filter((d) => !afterKeys.has(key(d))).map(key),
          takenOver: stored.takenOver,
          keptByLater: stored.keptByLater,
          version,
        },
      },
    ]);
    return { stored, before, version };
  });
  const recomputed = await recomputeOpenDeadlines(deps, ctx, {
    reason: `calendar: ${year.year} imported`,
  });
  return {
    year: year.year,
    dayCount: done.stored.dayCount,
    papers: year.papers,
    replaced: done.before !== undefined,
    previousDayCount: done.before?.dayCount ?? null,
    takenOver: done.stored.takenOver,
    keptByLater: done.stored.keptByLater,
    version: done.version,
    recomputed,
  };
};
