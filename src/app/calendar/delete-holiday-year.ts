import { calendarRepo } from '../../db/repos/calendar.repo';
import { appendAudit } from '../audit/append-audit';
import { recomputeOpenDeadlines, type RecomputeSummary } from '../complaints/recompute-open-deadlines';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { lockCalendar, yearInfoOf } from './calendar-store';

export type HolidayYearRemoval = {
  readonly year: number;
  readonly removedDays: number;
  /** Calendar version after the removal. */
  readonly version: number;
  readonly recomputed: RecomputeSummary;
};

/**
 * Removes one year's official data (e.g. a notice imported for the wrong year): its holidays and make-up working
 * days are deleted and the year becomes provisional again — deadlines in it follow the weekly rule and say so, never
 * a guess. A year without data → CALENDAR_YEAR_NOT_FOUND. Audited with what was removed; then open deadlines are
 * recomputed.
 */
export const deleteHolidayYear = async (
  deps: Deps,
  ctx: UseCaseContext,
  year: number,
): Promise<HolidayYearRemoval> => {
  assertPermission(ctx.actor, 'calendar.manage');
  const now = deps.clock.now();
  const done = await deps.db.transaction(async (tx) => {
    await lockCalendar(tx);
    const row = await calendarRepo.findYear(tx, year);
    if (!row) throw new AppError('CALENDAR_YEAR_NOT_FOUND', { year });
    const days = await calendarRepo.listDaysOfYear(tx, year);
    await calendarRepo.deleteYear(tx, year);
    const version = (await calendarRepo.touchSettings(tx, now)) ?? 0;
    const info = yearInfoOf(row);
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'calendar',
        entityId: String(year),
        action: 'calendar.year_deleted',
        before: {
          dayCount: info.dayCount,
          papers: info.papers,
          source: info.source,
          importedAt: info.importedAt,
          days: days.map((d) => `${d.date} ${d.kind} ${d.name}`),
        },
        after: { provisional: true, version },
      },
    ]);
    return { removedDays: days.length, version };
  });
  const recomputed = await recomputeOpenDeadlines(deps, ctx, { reason: `calendar: ${year} removed` });
  return { year, ...done, recomputed };
};
