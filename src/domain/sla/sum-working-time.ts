import {
  describeLocalDay,
  MAX_SCAN_DAYS,
  type BusinessCalendar,
  type CalendarProbe,
} from './business-calendar';
import { addLocalDays, toLocalDateTime } from './convert-local-time';

/**
 * The instant at which `ms` of working time has passed since `from` on the calendar (R-SLA working-hours
 * clocks). Time outside working intervals (lunch break, nights, weekends, holidays) does not count, make-up days
 * (调休上班) do. The result may be the end of an interval (12:00, 17:30): a deadline at closing time, not the next
 * morning. `ms` ≤ 0 returns `from` unchanged.
 */
export const addWorkingTime = (
  cal: BusinessCalendar,
  from: Date,
  ms: number,
  probe?: CalendarProbe,
): Date => {
  if (ms <= 0) return from;
  let remaining = ms;
  let cursor = from.getTime();
  let date = toLocalDateTime(cal.timeZone, from).date;
  for (let i = 0; i < MAX_SCAN_DAYS; i += 1) {
    for (const [s, e] of describeLocalDay(cal, date, probe).intervals) {
      if (e <= cursor) continue;
      const begin = Math.max(s, cursor);
      if (remaining <= e - begin) return new Date(begin + remaining);
      remaining -= e - begin;
      cursor = e;
    }
    date = addLocalDays(date, 1);
  }
  throw new RangeError(`No working time within ${MAX_SCAN_DAYS} days after ${from.toISOString()}`);
};

/** Working time (ms) on the calendar inside `[from, to)`; 0 when `to` is not after `from` (R-SLA pauses). */
export const countWorkingTime = (
  cal: BusinessCalendar,
  from: Date,
  to: Date,
  probe?: CalendarProbe,
): number => {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  const last = toLocalDateTime(cal.timeZone, to).date;
  let date = toLocalDateTime(cal.timeZone, from).date;
  let total = 0;
  for (;;) {
    for (const [s, e] of describeLocalDay(cal, date, probe).intervals) {
      total += Math.max(0, Math.min(e, b) - Math.max(s, a));
    }
    if (date >= last) return total;
    date = addLocalDays(date, 1);
  }
};
