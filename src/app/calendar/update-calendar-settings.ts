import type { WorkInterval } from '../../domain/sla/business-calendar';
import { calendarRepo } from '../../db/repos/calendar.repo';
import { appendAudit } from '../audit/append-audit';
import { recomputeOpenDeadlines, type RecomputeSummary } from '../complaints/recompute-open-deadlines';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import {
  assertStoredCalendarValid,
  calendarVersionOf,
  ensureCalendarInitialised,
  lockCalendar,
  type WeeklyHours,
} from './calendar-store';
import { readCalendarOverview, type CalendarOverview } from './get-calendar';

export type UpdateCalendarSettingsInput = {
  /** The calendar version the administrator last read (0 before the first start set it up). */
  readonly expectedVersion: number;
  readonly timeZone: string;
  readonly weeklyHours: WeeklyHours;
  readonly makeUpDayHours: readonly WorkInterval[];
};

/**
 * Changes the working week, the make-up day hours and the time zone of the business calendar (DOMAIN §5), with
 * optimistic concurrency on the calendar version. The result is checked as a whole (`createBusinessCalendar`): an
 * unknown time zone, a malformed, reversed, overlapping or unsorted interval, a week without working time → 422
 * CALENDAR_INVALID listing every problem, nothing written. Audited; then every open deadline is recomputed.
 */
export const updateCalendarSettings = async (
  deps: Deps,
  ctx: UseCaseContext,
  input: UpdateCalendarSettingsInput,
): Promise<{ calendar: CalendarOverview; recomputed: RecomputeSummary }> => {
  assertPermission(ctx.actor, 'calendar.manage');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await lockCalendar(tx);
    const before = await calendarRepo.findSettings(tx);
    if (calendarVersionOf(before) !== input.expectedVersion)
      throw new AppError('VERSION_CONFLICT', { currentVersion: calendarVersionOf(before) });
    const init = await ensureCalendarInitialised(tx, deps, ctx, now);
    const after = {
      timeZone: input.timeZone,
      weeklyHours: input.weeklyHours,
      makeUpDayHours: [...input.makeUpDayHours],
      updatedAt: now,
    };
    await calendarRepo.saveSettings(tx, after);
    await assertStoredCalendarValid(tx);
    const saved = await calendarRepo.findSettings(tx);
    await appendAudit(tx, ctx, now, [
      ...(init ? [init.audit] : []),
      {
        entityType: 'calendar',
        entityId: 'default',
        action: 'calendar.settings_updated',
        before: before && {
          timeZone: before.timeZone,
          weeklyHours: before.weeklyHours,
          makeUpDayHours: before.makeUpDayHours,
          version: before.version,
        },
        after: { ...after, version: calendarVersionOf(saved) },
      },
    ]);
  });
  const recomputed = await recomputeOpenDeadlines(deps, ctx, { reason: 'calendar: working hours changed' });
  return { calendar: await readCalendarOverview(deps.db.reader(), deps.clock.now()), recomputed };
};
