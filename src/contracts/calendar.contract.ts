import { z } from 'zod';
import { ZIsoDateTime } from './common.contract';

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export const ZWorkInterval = z
  .strictObject({
    start: z.string().regex(HHMM, 'HH:MM, 00:00–23:59'),
    end: z.string().regex(HHMM, 'HH:MM, 00:01–24:00'),
  })
  .describe('Local working time [start, end), e.g. 08:30–12:00')
  .meta({ id: 'WorkInterval' });

const ZDayHours = z
  .array(ZWorkInterval)
  .max(12)
  .describe('Working intervals of the day in order, not overlapping (lunch break between); [] = rest day');

export const ZWeeklyHours = z
  .strictObject({
    '1': ZDayHours,
    '2': ZDayHours,
    '3': ZDayHours,
    '4': ZDayHours,
    '5': ZDayHours,
    '6': ZDayHours,
    '7': ZDayHours,
  })
  .describe('By ISO weekday: 1 = Monday … 7 = Sunday')
  .meta({ id: 'WeeklyHours' });

export const ZCalendarYearInfo = z
  .object({
    year: z.number().int(),
    source: z.string().describe('How the data came in: bundled holiday-cn data, a CLI import, the API'),
    papers: z.array(z.string()).describe('The State Council notices (gov.cn) the data was built from'),
    dayCount: z.number().int().describe('Holidays and make-up working days stored for the year'),
    importedAt: ZIsoDateTime,
    importedBy: z.string().nullable(),
  })
  .meta({ id: 'CalendarYear' });

export const ZCalendarView = z
  .object({
    version: z
      .number()
      .int()
      .describe('Moves on with every calendar change; send as If-Match to change settings'),
    currentYear: z.number().int().describe("The current year in the calendar's time zone"),
    settings: z.object({
      timeZone: z.string(),
      weeklyHours: ZWeeklyHours,
      makeUpDayHours: ZDayHours.describe('Hours on a make-up working day (调休上班)'),
      updatedAt: ZIsoDateTime.nullable(),
    }),
    coveredYears: z.array(ZCalendarYearInfo).describe('Years with official holiday data'),
    provisionalYears: z
      .array(z.number().int())
      .describe(
        'Years from the earliest covered year to next year without official data: their deadlines follow the weekly rule and are provisional',
      ),
  })
  .meta({ id: 'Calendar' });

export const ZCalendarDay = z
  .object({
    date: z.string().describe('Local date YYYY-MM-DD'),
    weekday: z.number().int().min(1).max(7).describe('ISO weekday, 1 = Monday'),
    working: z.boolean(),
    reason: z.enum(['weekday', 'weekend', 'holiday', 'makeup_workday']),
    name: z
      .string()
      .nullable()
      .describe('Holiday name (国庆节, 春节…) for holidays and make-up working days'),
    provisional: z
      .boolean()
      .describe('No official data for this day yet (its year, or from 25 December the next)'),
  })
  .meta({ id: 'CalendarDay' });

export const ZCalendarYearView = z
  .object({
    year: z.number().int(),
    covered: z.boolean(),
    info: ZCalendarYearInfo.nullable(),
    days: z.array(ZCalendarDay),
  })
  .meta({ id: 'CalendarYearView' });

export const ZCalendarYearParams = z.strictObject({ year: z.coerce.number().int().min(1949).max(2200) });

export const ZUpdateCalendarSettingsBody = z
  .strictObject({
    version: z.number().int().min(0).max(2_147_483_647).optional().describe('Or send If-Match: "<version>"'),
    timeZone: z.string().min(1).max(64).describe('IANA time zone, e.g. Asia/Shanghai'),
    weeklyHours: ZWeeklyHours,
    makeUpDayHours: ZDayHours.describe('Hours on a make-up working day (调休上班)'),
  })
  .meta({ id: 'UpdateCalendarSettingsRequest' });

export const ZRecomputeSummary = z
  .object({
    examined: z.number().int().describe('Open deadline clocks looked at'),
    changed: z.number().int().describe('Clocks whose due time, warning time or provisional flag moved'),
  })
  .meta({ id: 'DeadlineRecompute' });

export const ZCalendarSettingsResult = z
  .object({ calendar: ZCalendarView, recomputed: ZRecomputeSummary })
  .meta({ id: 'CalendarSettingsResult' });

/**
 * One year of the holiday-cn format (github.com/NateScarlet/holiday-cn), as published for each State Council
 * notice. Checked by the same parser as `closeloop calendar import`, which lists every problem (422).
 */
export const ZHolidayCnYearBody = z
  .looseObject({
    year: z.unknown().describe('The year of the notice, e.g. 2027'),
    papers: z.unknown().describe('Notice URLs (array of strings)'),
    days: z
      .unknown()
      .describe(
        'Special days only: [{ name, date: YYYY-MM-DD, isOffDay }]; isOffDay false = make-up working day',
      ),
  })
  .meta({ id: 'HolidayCnYear' });

export const ZHolidayYearImportResult = z
  .object({
    year: z.number().int(),
    dayCount: z.number().int(),
    papers: z.array(z.string()),
    replaced: z.boolean().describe('The year had data before; the new notice superseded it'),
    previousDayCount: z.number().int().nullable(),
    takenOver: z
      .array(z.string())
      .describe("Previous-December dates taken over from the previous year's notice"),
    keptByLater: z.array(z.string()).describe("Dates the next year's (later) notice already settles"),
    version: z.number().int(),
    recomputed: ZRecomputeSummary,
  })
  .meta({ id: 'HolidayYearImportResult' });

export const ZHolidayYearRemovalResult = z
  .object({
    year: z.number().int(),
    removedDays: z.number().int(),
    version: z.number().int(),
    recomputed: ZRecomputeSummary,
  })
  .meta({ id: 'HolidayYearRemovalResult' });

export const DUE_PREVIEW_MODES = ['working', 'working_days', 'legal_days', 'wall', 'window_days'] as const;

const MAX_MINUTES = 525_600;
const MAX_DAYS = 1_000;

export const ZDuePreviewQuery = z
  .strictObject({
    start: ZIsoDateTime,
    mode: z.enum(DUE_PREVIEW_MODES),
    amount: z.coerce
      .number()
      .int()
      .min(0)
      .max(MAX_MINUTES)
      .describe(
        'Minutes for wall and working; days for working_days and legal_days; the last day for window_days',
      ),
    fromDays: z.coerce
      .number()
      .int()
      .min(0)
      .max(MAX_DAYS)
      .optional()
      .describe('window_days only: the day the window opens (default 0)'),
  })
  .superRefine((q, ctx) => {
    if (q.mode !== 'wall' && q.mode !== 'working' && q.amount > MAX_DAYS)
      ctx.addIssue({ code: 'custom', path: ['amount'], message: `at most ${MAX_DAYS} days` });
    if (q.fromDays !== undefined && q.mode !== 'window_days')
      ctx.addIssue({ code: 'custom', path: ['fromDays'], message: 'only for window_days' });
    if (q.mode === 'window_days' && (q.fromDays ?? 0) > q.amount)
      ctx.addIssue({ code: 'custom', path: ['fromDays'], message: 'must not be after amount' });
  });

export const ZDuePreview = z
  .object({
    start: ZIsoDateTime,
    mode: z.enum(DUE_PREVIEW_MODES),
    amount: z.number().int(),
    timeZone: z.string(),
    dueAt: ZIsoDateTime,
    dueAtLocal: z.string().describe("YYYY-MM-DD HH:MM on the calendar's wall clock"),
    opensAt: ZIsoDateTime.nullable().describe('window_days: when the window opens'),
    provisional: z.boolean().describe('A day looked at has no official holiday data yet'),
  })
  .meta({ id: 'DuePreview' });
