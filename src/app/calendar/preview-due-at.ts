import { toCalendarLocalTime } from '../../domain/sla/business-calendar';
import { computeDueAt, type DurationSpec } from '../../domain/sla/compute-due-at';
import { loadComplaintSettings } from '../complaints/complaint-settings';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';

export type DueAtPreview = {
  readonly start: Date;
  readonly spec: DurationSpec;
  readonly timeZone: string;
  readonly dueAt: Date;
  /** `YYYY-MM-DD HH:MM` on the calendar's wall clock. */
  readonly dueAtLocal: string;
  readonly opensAt: Date | null;
  readonly provisional: boolean;
};

const pad = (n: number): string => String(n).padStart(2, '0');

const localText = (date: string, msOfDay: number): string =>
  `${date} ${pad(Math.floor(msOfDay / 3_600_000))}:${pad(Math.floor(msOfDay / 60_000) % 60)}`;

/**
 * When would a clock started at `start` fall due on the calendar in force (R-SLA table, 调休, 民法典 art. 201/203)?
 * The same `computeDueAt` the deadline clocks use, without pauses — for administrators checking a new calendar and
 * for tests. A span the calendar cannot place (no working time for ten years) → VALIDATION_FAILED on `amount`.
 */
export const previewDueAt = async (
  deps: Deps,
  ctx: UseCaseContext,
  start: Date,
  spec: DurationSpec,
): Promise<DueAtPreview> => {
  assertPermission(ctx.actor, 'reference.read');
  const { calendar } = await loadComplaintSettings(deps.db);
  let due: ReturnType<typeof computeDueAt>;
  try {
    due = computeDueAt(start, spec, calendar, [], deps.clock.now());
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new AppError('VALIDATION_FAILED', {
      in: 'querystring',
      issues: [{ path: ['amount'], code: 'too_big', message: e.message }],
    });
  }
  const local = toCalendarLocalTime(calendar, due.dueAt);
  return {
    start,
    spec,
    timeZone: calendar.timeZone,
    dueAt: due.dueAt,
    dueAtLocal: localText(local.date, local.msOfDay),
    opensAt: due.opensAt,
    provisional: due.provisional,
  };
};
