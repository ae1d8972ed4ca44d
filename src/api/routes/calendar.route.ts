import type { z } from 'zod';
import { deleteHolidayYear } from '../../app/calendar/delete-holiday-year';
import { getCalendar, getCalendarYear } from '../../app/calendar/get-calendar';
import { importHolidayYear } from '../../app/calendar/import-holiday-year';
import { previewDueAt } from '../../app/calendar/preview-due-at';
import { updateCalendarSettings } from '../../app/calendar/update-calendar-settings';
import type { DurationSpec } from '../../domain/sla/compute-due-at';
import {
  ZCalendarSettingsResult,
  ZCalendarView,
  ZCalendarYearParams,
  ZCalendarYearView,
  ZDuePreview,
  ZDuePreviewQuery,
  ZHolidayCnYearBody,
  ZHolidayYearImportResult,
  ZHolidayYearRemovalResult,
  ZUpdateCalendarSettingsBody,
} from '../../contracts/calendar.contract';
import { errorResponses } from '../../contracts/common.contract';
import { presentCalendar, presentCalendarYear, presentDuePreview } from '../presenters/calendar.presenter';
import { ctxOf, etagOf, expectedVersionOf } from '../request-context';
import type { RouteModule } from './route-app';

const specOf = (q: z.infer<typeof ZDuePreviewQuery>): DurationSpec => {
  switch (q.mode) {
    case 'wall':
    case 'working':
      return { mode: q.mode, minutes: q.amount };
    case 'working_days':
    case 'legal_days':
      return { mode: q.mode, days: q.amount };
    case 'window_days':
      return { mode: q.mode, fromDays: q.fromDays ?? 0, toDays: q.amount };
  }
};

/** The business calendar (issue 3 §4): read by everyone with reference data, changed by calendar administrators. */
export const calendarRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/calendar',
    {
      config: { permission: 'reference.read' },
      schema: {
        tags: ['calendar'],
        summary: '工作日历 Business calendar',
        description:
          'Time zone, weekly hours, make-up day hours, the years with official holiday data and their notices, and the provisional years (no data: never guessed). The ETag is the calendar version.',
        response: { 200: ZCalendarView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const calendar = await getCalendar(deps, ctxOf(request));
      reply.header('etag', etagOf(calendar.version));
      return presentCalendar(calendar);
    },
  );

  app.get(
    '/api/v1/calendar/years/:year',
    {
      config: { permission: 'reference.read' },
      schema: {
        tags: ['calendar'],
        summary: '年度日历 Every day of one year',
        description:
          'Each day with working or not, the reason (weekday, weekend, holiday, makeup_workday 调休上班), the holiday name and whether it is provisional.',
        params: ZCalendarYearParams,
        response: { 200: ZCalendarYearView, ...errorResponses },
      },
    },
    async (request) => presentCalendarYear(await getCalendarYear(deps, ctxOf(request), request.params.year)),
  );

  app.get(
    '/api/v1/calendar/preview',
    {
      config: { permission: 'reference.read' },
      schema: {
        tags: ['calendar'],
        summary: '时限试算 Preview a due date',
        description:
          'When would a clock started at `start` fall due on the stored calendar? `amount` is minutes (wall, working) or days (working_days, legal_days; window_days: the last day, with `fromDays`).',
        querystring: ZDuePreviewQuery,
        response: { 200: ZDuePreview, ...errorResponses },
      },
    },
    async (request) =>
      presentDuePreview(
        await previewDueAt(deps, ctxOf(request), new Date(request.query.start), specOf(request.query)),
      ),
  );

  app.put(
    '/api/v1/calendar/settings',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags: ['calendar'],
        summary: '修改工作时间 Change working hours and time zone',
        description:
          'Needs If-Match (or `version`) with the calendar version. Every weekday is given; intervals HH:MM, in order, not overlapping. 422 CALENDAR_INVALID lists every problem. Open deadlines are recomputed.',
        body: ZUpdateCalendarSettingsBody,
        response: { 200: ZCalendarSettingsResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { version, weeklyHours, ...rest } = request.body;
      const r = await updateCalendarSettings(deps, ctxOf(request), {
        ...rest,
        weeklyHours: {
          1: weeklyHours['1'],
          2: weeklyHours['2'],
          3: weeklyHours['3'],
          4: weeklyHours['4'],
          5: weeklyHours['5'],
          6: weeklyHours['6'],
          7: weeklyHours['7'],
        },
        expectedVersion: expectedVersionOf(request, version),
      });
      reply.header('etag', etagOf(r.calendar.version));
      return { calendar: presentCalendar(r.calendar), recomputed: r.recomputed };
    },
  );

  app.post(
    '/api/v1/calendar/years',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags: ['calendar'],
        summary: '导入年度节假日 Import a year of official holidays',
        description:
          'Body: one holiday-cn year file (the State Council notice for that year). Replaces that year’s holidays and make-up working days and marks it covered; 201 for a new year, 200 when a corrected notice replaced the old list. 422 HOLIDAY_DATA_INVALID lists every problem; nothing is written. Open deadlines are recomputed.',
        body: ZHolidayCnYearBody,
        response: { 200: ZHolidayYearImportResult, 201: ZHolidayYearImportResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await importHolidayYear(deps, ctxOf(request), request.body, { source: 'api' });
      reply.header('etag', etagOf(r.version));
      if (!r.replaced) reply.code(201).header('location', `/api/v1/calendar/years/${r.year}`);
      return { ...r, papers: [...r.papers], takenOver: [...r.takenOver], keptByLater: [...r.keptByLater] };
    },
  );

  app.delete(
    '/api/v1/calendar/years/:year',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags: ['calendar'],
        summary: '删除年度节假日 Remove a year of holiday data',
        description:
          'The year becomes provisional (weekly rule only, flagged). 404 CALENDAR_YEAR_NOT_FOUND when it has no data. Open deadlines are recomputed.',
        params: ZCalendarYearParams,
        response: { 200: ZHolidayYearRemovalResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await deleteHolidayYear(deps, ctxOf(request), request.params.year);
      reply.header('etag', etagOf(r.version));
      return r;
    },
  );
};
