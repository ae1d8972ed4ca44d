import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserFx, loginFx, type Session } from '../../../test/factories/identity.factory';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import { seedCalendar } from '../../app/calendar/seed-calendar';
import { rowsOf } from '../../db/client';
import type { Role } from '../../domain/identity/roles';

type HolidayFile = {
  year: number;
  papers: string[];
  days: { name: string; date: string; isOffDay: boolean }[];
};
type DayView = { date: string; weekday: number; working: boolean; reason: string; name: string | null };

const HOLIDAY_DIR = new URL('../../../resources/holiday-cn/', import.meta.url);
const readYear = (year: number): HolidayFile =>
  JSON.parse(readFileSync(new URL(`${year}.json`, HOLIDAY_DIR), 'utf8')) as HolidayFile;

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
const as = new Map<Role, Session>();

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  await seedCalendar(deps);
  for (const role of ['admin', 'agent', 'quality_engineer'] as const) {
    await createUserFx(deps, `cal.${role}`, [role]);
    as.set(role, await loginFx(app, `cal.${role}`));
  }
});
afterAll(async () => close());

const call = (
  role: Role,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) =>
  app.inject({ method, url, headers: { ...as.get(role)!.headers, ...headers }, payload: payload as never });

const yearView = async (year: number): Promise<Map<string, DayView>> => {
  const res = await call('agent', 'GET', `/api/v1/calendar/years/${year}`);
  expect(res.statusCode).toBe(200);
  return new Map((res.json().days as DayView[]).map((d) => [d.date, d]));
};

const counts = async () =>
  (
    await rowsOf<{ days: number; years: number; audit: number }>(
      deps.db.reader(),
      sql`select (select count(*) from calendar_days)::int as days, (select count(*) from calendar_years)::int as years, (select count(*) from audit_log)::int as audit`,
    )
  )[0];

const week = (weekday: { start: string; end: string }[], weekend: { start: string; end: string }[] = []) => ({
  '1': weekday,
  '2': weekday,
  '3': weekday,
  '4': weekday,
  '5': weekday,
  '6': weekend,
  '7': weekend,
});
const STANDARD = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

const preview = (start: string, mode: string, amount: number, role: Role = 'agent') =>
  call(
    role,
    'GET',
    `/api/v1/calendar/preview?start=${encodeURIComponent(start)}&mode=${mode}&amount=${amount}`,
  );

describe('GET /api/v1/calendar', () => {
  it('should show every role with reference data the covered years, their notices and 2027 as provisional', async () => {
    const res = await call('quality_engineer', 'GET', '/api/v1/calendar');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(res.headers.etag).toBe(`"${body.version}"`);
    expect(body.coveredYears.map((y: { year: number }) => y.year)).toEqual([
      2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
    expect(body.coveredYears[5]).toMatchObject({ year: 2025, papers: readYear(2025).papers, dayCount: 33 });
    expect(body.provisionalYears).toEqual([2027]);
    expect(body.settings).toMatchObject({
      timeZone: 'Asia/Shanghai',
      weeklyHours: week(STANDARD),
      makeUpDayHours: STANDARD,
    });
  });
});

describe('GET /api/v1/calendar/years/:year (checked against resources/holiday-cn)', () => {
  it.each([2025, 2026])('should match every special day of the %i notice exactly', async (year) => {
    const view = await yearView(year);
    expect(view.size).toBe(365);
    for (const d of readYear(year).days) {
      expect({ date: d.date, ...view.get(d.date) }).toMatchObject({
        date: d.date,
        working: !d.isOffDay,
        reason: d.isOffDay ? 'holiday' : 'makeup_workday',
        name: d.name,
      });
    }
    const listed = new Set(readYear(year).days.map((d) => d.date));
    for (const d of view.values()) {
      if (listed.has(d.date)) continue;
      expect({ date: d.date, working: d.working, reason: d.reason, name: d.name }).toEqual({
        date: d.date,
        working: d.weekday <= 5,
        reason: d.weekday <= 5 ? 'weekday' : 'weekend',
        name: null,
      });
    }
  });

  it('should show National Day 2025 with the Sunday and Saturday make-up working days', async () => {
    const view = await yearView(2025);
    expect(view.get('2025-09-27')).toMatchObject({ weekday: 6, working: false, reason: 'weekend' });
    expect(view.get('2025-09-28')).toMatchObject({ weekday: 7, working: true, reason: 'makeup_workday' });
    for (let d = 1; d <= 8; d += 1)
      expect(view.get(`2025-10-0${d}`)).toMatchObject({ working: false, reason: 'holiday' });
    expect(view.get('2025-10-09')).toMatchObject({ working: true, reason: 'weekday', name: null });
    expect(view.get('2025-10-11')).toMatchObject({ weekday: 6, working: true, reason: 'makeup_workday' });
  });

  it('should show Spring Festival 2026 with its make-up Saturdays', async () => {
    const view = await yearView(2026);
    expect(view.get('2026-02-14')).toMatchObject({
      weekday: 6,
      working: true,
      reason: 'makeup_workday',
      name: '春节',
    });
    for (let d = 15; d <= 23; d += 1)
      expect(view.get(`2026-02-${d}`)).toMatchObject({ working: false, reason: 'holiday', name: '春节' });
    expect(view.get('2026-02-24')).toMatchObject({ working: true, reason: 'weekday' });
    expect(view.get('2026-02-28')).toMatchObject({ weekday: 6, working: true, reason: 'makeup_workday' });
  });

  it('should flag a year without official data as provisional on every day, and refuse a non-year', async () => {
    const res = await call('agent', 'GET', '/api/v1/calendar/years/2027');
    expect(res.json()).toMatchObject({ year: 2027, covered: false, info: null });
    expect((res.json().days as { provisional: boolean }[]).every((d) => d.provisional)).toBe(true);
    expect((await call('agent', 'GET', '/api/v1/calendar/years/20x7')).json().error.code).toBe(
      'VALIDATION_FAILED',
    );
  });
});

describe('GET /api/v1/calendar/preview', () => {
  it('should put 3 working days from Friday 2025-09-26 16:00 on Tuesday 2025-09-30 16:00 (Sunday 28 is a make-up day)', async () => {
    const res = await preview('2025-09-26T16:00:00+08:00', 'working_days', 3);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      start: '2025-09-26T08:00:00.000Z',
      mode: 'working_days',
      amount: 3,
      timeZone: 'Asia/Shanghai',
      dueAt: '2025-09-30T08:00:00.000Z',
      dueAtLocal: '2025-09-30 16:00',
      opensAt: null,
      provisional: false,
    });
  });

  it('should roll a legal period ending in the National Day holiday to the next working day (民法典 art. 203)', async () => {
    const res = await preview('2025-09-26T10:00:00+08:00', 'legal_days', 5);
    expect(res.json()).toMatchObject({ dueAt: '2025-10-09T16:00:00.000Z', dueAtLocal: '2025-10-10 00:00' });
  });

  it('should count working minutes over lunch and holidays and say provisional for a year without data', async () => {
    const lunch = await preview('2025-09-30T11:30:00+08:00', 'working', 60);
    expect(lunch.json()).toMatchObject({ dueAtLocal: '2025-09-30 14:00', provisional: false });
    const holiday = await preview('2025-09-30T16:30:00+08:00', 'working', 120);
    expect(holiday.json()).toMatchObject({ dueAtLocal: '2025-10-09 09:30', provisional: false });
    const late = await preview('2026-12-30T09:00:00+08:00', 'working_days', 3);
    expect(late.json()).toMatchObject({ dueAtLocal: '2027-01-04 09:00', provisional: true });
  });

  it.each([
    ['an unknown mode', 'start=2025-09-26T16:00:00Z&mode=hours&amount=3'],
    ['a negative amount', 'start=2025-09-26T16:00:00Z&mode=wall&amount=-1'],
    ['a start without a zone', 'start=2025-09-26T16:00:00&mode=wall&amount=1'],
    ['fromDays outside window_days', 'start=2025-09-26T16:00:00Z&mode=wall&amount=1&fromDays=2'],
    ['too many days', 'start=2025-09-26T16:00:00Z&mode=working_days&amount=5000'],
  ])('should answer 400 for %s', async (_name, query) => {
    const res = await call('agent', 'GET', `/api/v1/calendar/preview?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('PUT /api/v1/calendar/settings', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    timeZone: 'Asia/Shanghai',
    weeklyHours: week(STANDARD),
    makeUpDayHours: STANDARD,
    ...over,
  });
  const version = async () => (await call('admin', 'GET', '/api/v1/calendar')).json().version as number;

  it('should refuse non-administrators with 403 and a missing version with 428', async () => {
    for (const role of ['agent', 'quality_engineer'] as const) {
      const res = await call(role, 'PUT', '/api/v1/calendar/settings', body({ version: await version() }));
      expect({ role, status: res.statusCode, code: res.json().error.code }).toEqual({
        role,
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    const res = await call('admin', 'PUT', '/api/v1/calendar/settings', body());
    expect(res.json().error.code).toBe('PRECONDITION_REQUIRED');
  });

  it('should list every problem of invalid hours and time zone with 422 CALENDAR_INVALID and change nothing', async () => {
    const before = await counts();
    const v = await version();
    const res = await call(
      'admin',
      'PUT',
      '/api/v1/calendar/settings',
      body({
        timeZone: 'Asia/Beijing',
        weeklyHours: {
          ...week(STANDARD),
          '1': [
            { start: '08:30', end: '12:00' },
            { start: '11:00', end: '17:30' },
          ],
          '2': [{ start: '13:00', end: '09:00' }],
          '3': [
            { start: '13:30', end: '17:30' },
            { start: '08:30', end: '12:00' },
          ],
        },
      }),
      { 'if-match': `"${v}"` },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('CALENDAR_INVALID');
    const paths = (res.json().error.details.problems as { path: string }[]).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['timeZone', 'weeklyHours.1[1]', 'weeklyHours.2[0]', 'weeklyHours.3[1]']),
    );
    expect(await counts()).toEqual(before);
    expect(await version()).toBe(v);
  });

  it('should refuse a malformed time with 400 and the field path', async () => {
    const res = await call(
      'admin',
      'PUT',
      '/api/v1/calendar/settings',
      body({ version: await version(), makeUpDayHours: [{ start: '8:30', end: '12:00' }] }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toEqual(['makeUpDayHours', '0', 'start']);
  });

  it('should save new hours, move the version on, use them for deadlines, and refuse the stale version with 409', async () => {
    const v = await version();
    const saturday = [{ start: '09:00', end: '12:00' }];
    const res = await call(
      'admin',
      'PUT',
      '/api/v1/calendar/settings',
      body({ weeklyHours: week(STANDARD, saturday) }),
      {
        'if-match': `"${v}"`,
      },
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe(`"${v + 1}"`);
    expect(res.json().calendar.settings.weeklyHours['6']).toEqual(saturday);
    expect(res.json().recomputed).toEqual({ examined: 0, changed: 0 });
    // Saturday 27 now works: Sat 27, Sun 28 (make-up), Mon 29.
    expect((await preview('2025-09-26T16:00:00+08:00', 'working_days', 3)).json().dueAtLocal).toBe(
      '2025-09-29 16:00',
    );

    const stale = await call('admin', 'PUT', '/api/v1/calendar/settings', body(), { 'if-match': `"${v}"` });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentVersion: v + 1 },
    });
    const restored = await call('admin', 'PUT', '/api/v1/calendar/settings', body({ version: v + 1 }));
    expect(restored.statusCode).toBe(200);
    expect((await preview('2025-09-26T16:00:00+08:00', 'working_days', 3)).json().dueAtLocal).toBe(
      '2025-09-30 16:00',
    );
  });
});

describe('POST and DELETE /api/v1/calendar/years', () => {
  const notice = {
    $schema: 'https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json',
    year: 2027,
    papers: ['https://www.gov.cn/example/2027.htm'],
    days: [
      { name: '元旦', date: '2027-01-01', isOffDay: true },
      { name: '春节', date: '2027-02-20', isOffDay: false },
    ],
  };

  it('should refuse non-administrators with 403 and write nothing', async () => {
    const before = await counts();
    expect((await call('agent', 'POST', '/api/v1/calendar/years', notice)).statusCode).toBe(403);
    expect((await call('quality_engineer', 'DELETE', '/api/v1/calendar/years/2025')).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('should refuse a malformed notice with 422 listing every problem and write nothing', async () => {
    const before = await counts();
    const res = await call('admin', 'POST', '/api/v1/calendar/years', {
      year: 2027,
      papers: 'https://www.gov.cn',
      days: [{ name: '春节', date: '2027/02/06', isOffDay: true }, { date: '2027-02-07' }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('HOLIDAY_DATA_INVALID');
    expect((res.json().error.details.problems as { path: string }[]).map((p) => p.path)).toEqual([
      'papers',
      'days[0].date',
      'days[1].name',
      'days[1].isOffDay',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('should import a new year (201), replace it with a corrected notice (200), and remove it again', async () => {
    const created = await call('admin', 'POST', '/api/v1/calendar/years', notice);
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe('/api/v1/calendar/years/2027');
    expect(created.json()).toMatchObject({
      year: 2027,
      dayCount: 2,
      replaced: false,
      recomputed: { examined: 0, changed: 0 },
    });
    const overview = (await call('agent', 'GET', '/api/v1/calendar')).json();
    expect(overview.provisionalYears).toEqual([]);
    expect(overview.coveredYears.at(-1)).toMatchObject({ year: 2027, source: 'api', papers: notice.papers });
    const view = await yearView(2027);
    expect(view.get('2027-01-01')).toMatchObject({ working: false, reason: 'holiday', name: '元旦' });
    expect(view.get('2027-02-20')).toMatchObject({ working: true, reason: 'makeup_workday' });

    const replaced = await call('admin', 'POST', '/api/v1/calendar/years', {
      ...notice,
      days: notice.days.slice(0, 1),
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ replaced: true, dayCount: 1, previousDayCount: 2 });
    expect((await yearView(2027)).get('2027-02-20')).toMatchObject({ working: false, reason: 'weekend' });

    const removed = await call('admin', 'DELETE', '/api/v1/calendar/years/2027');
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ year: 2027, removedDays: 1 });
    expect((await call('agent', 'GET', '/api/v1/calendar')).json().provisionalYears).toEqual([2027]);
    const again = await call('admin', 'DELETE', '/api/v1/calendar/years/2027');
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('CALENDAR_YEAR_NOT_FOUND');
  });
});
