import type { z } from 'zod';
import type { CalendarYearInfo } from '../../app/calendar/calendar-store';
import type { CalendarOverview, CalendarYearView } from '../../app/calendar/get-calendar';
import type { DueAtPreview } from '../../app/calendar/preview-due-at';
import type { WorkInterval } from '../../domain/sla/business-calendar';
import type {
  ZCalendarView,
  ZCalendarYearInfo,
  ZCalendarYearView,
  ZDuePreview,
} from '../../contracts/calendar.contract';

const hours = (list: readonly WorkInterval[]) => list.map((h) => ({ start: h.start, end: h.end }));

export const presentCalendarYearInfo = (y: CalendarYearInfo): z.infer<typeof ZCalendarYearInfo> => ({
  year: y.year,
  source: y.source,
  papers: [...y.papers],
  dayCount: y.dayCount,
  importedAt: y.importedAt.toISOString(),
  importedBy: y.importedBy,
});

export const presentCalendar = (c: CalendarOverview): z.infer<typeof ZCalendarView> => ({
  version: c.version,
  currentYear: c.currentYear,
  settings: {
    timeZone: c.timeZone,
    weeklyHours: {
      '1': hours(c.weeklyHours[1]),
      '2': hours(c.weeklyHours[2]),
      '3': hours(c.weeklyHours[3]),
      '4': hours(c.weeklyHours[4]),
      '5': hours(c.weeklyHours[5]),
      '6': hours(c.weeklyHours[6]),
      '7': hours(c.weeklyHours[7]),
    },
    makeUpDayHours: hours(c.makeUpDayHours),
    updatedAt: c.updatedAt?.toISOString() ?? null,
  },
  coveredYears: c.coveredYears.map(presentCalendarYearInfo),
  provisionalYears: [...c.provisionalYears],
});

export const presentCalendarYear = (v: CalendarYearView): z.infer<typeof ZCalendarYearView> => ({
  year: v.year,
  covered: v.covered,
  info: v.info && presentCalendarYearInfo(v.info),
  days: v.days.map((d) => ({ ...d })),
});

export const presentDuePreview = (p: DueAtPreview): z.infer<typeof ZDuePreview> => {
  const spec = p.spec;
  const amount =
    spec.mode === 'wall' || spec.mode === 'working'
      ? spec.minutes
      : spec.mode === 'window_days'
        ? spec.toDays
        : spec.days;
  return {
    start: p.start.toISOString(),
    mode: spec.mode,
    amount,
    timeZone: p.timeZone,
    dueAt: p.dueAt.toISOString(),
    dueAtLocal: p.dueAtLocal,
    opensAt: p.opensAt?.toISOString() ?? null,
    provisional: p.provisional,
  };
};
