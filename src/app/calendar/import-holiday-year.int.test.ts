import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { rowsOf } from '../../db/client';
import { calendarRepo } from '../../db/repos/calendar.repo';
import { systemContext } from '../context';
import { deleteHolidayYear } from './delete-holiday-year';
import { getCalendar, getCalendarYear } from './get-calendar';
import { importHolidayYear } from './import-holiday-year';
import { DEFAULT_WEEKLY_HOURS } from './calendar-store';
import { updateCalendarSettings } from './update-calendar-settings';

const ctx = systemContext('test');
let deps: TestDeps;

const day = (date: string, name: string, isOffDay: boolean) => ({ name, date, isOffDay });
const notice2027 = (days: ReturnType<typeof day>[], paper = 'https://www.gov.cn/example/2027-a.htm') => ({
  $schema: 'https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json',
  year: 2027,
  papers: [paper],
  days,
});

const snapshot = async () =>
  (
    await rowsOf<{ days: number; years: number; audit: number; version: number }>(
      deps.db.reader(),
      sql`select (select count(*) from calendar_days)::int as days, (select count(*) from calendar_years)::int as years,
                 (select count(*) from audit_log)::int as audit,
                 (select coalesce(max(version), 0) from calendar_settings)::int as version`,
    )
  )[0];

const storedDays = async (year: number) =>
  (await calendarRepo.listDaysOfYear(deps.db.reader(), year)).map((d) => `${d.date} ${d.kind} ${d.name}`);

beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => deps.close());

describe('importHolidayYear (issue 3 §4: a new State Council notice)', () => {
  it('should set the calendar up from the official data on first use, then add the imported year as covered', async () => {
    const r = await importHolidayYear(
      deps,
      ctx,
      notice2027([day('2027-01-01', '元旦', true), day('2027-02-20', '春节', false)]),
      { source: 'test' },
    );
    expect(r).toMatchObject({ year: 2027, dayCount: 2, replaced: false, previousDayCount: null });
    const overview = await getCalendar(deps, ctx);
    expect(overview.coveredYears.map((y) => y.year)).toEqual([
      2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027,
    ]);
    expect(overview.provisionalYears).toEqual([]);
    expect(overview.coveredYears.at(-1)).toMatchObject({
      source: 'test',
      papers: ['https://www.gov.cn/example/2027-a.htm'],
      importedBy: 'test',
    });
    const feb20 = (await getCalendarYear(deps, ctx, 2027)).days.find((d) => d.date === '2027-02-20');
    expect(feb20).toMatchObject({
      working: true,
      reason: 'makeup_workday',
      name: '春节',
      provisional: false,
    });
  });

  it('should replace the whole list when a corrected notice for the same year is imported, and audit both lists', async () => {
    const before = await snapshot();
    const r = await importHolidayYear(
      deps,
      ctx,
      notice2027(
        [day('2027-01-01', '元旦', true), day('2027-02-06', '春节', true), day('2027-02-07', '春节', true)],
        'https://www.gov.cn/example/2027-b.htm',
      ),
      { source: 'test' },
    );
    expect(r).toMatchObject({
      dayCount: 3,
      replaced: true,
      previousDayCount: 2,
      version: before!.version + 1,
    });
    expect(await storedDays(2027)).toEqual([
      '2027-01-01 off 元旦',
      '2027-02-06 off 春节',
      '2027-02-07 off 春节',
    ]);
    const [audit] = await rowsOf<{ before: unknown; after: Record<string, unknown> }>(
      deps.db.reader(),
      sql`select before, after from audit_log where entity_type = 'calendar' and entity_id = '2027' order by id desc limit 1`,
    );
    expect(audit?.before).toEqual({
      dayCount: 2,
      papers: ['https://www.gov.cn/example/2027-a.htm'],
      source: 'test',
    });
    expect(audit?.after).toMatchObject({
      dayCount: 3,
      papers: ['https://www.gov.cn/example/2027-b.htm'],
      added: ['2027-02-06 off 春节', '2027-02-07 off 春节'],
      removed: ['2027-02-20 work 春节'],
    });
  });

  it('should let the later notice decide a late-December date that two notices list', async () => {
    await importHolidayYear(deps, ctx, notice2027([day('2027-12-31', '元旦', true)]), { source: 'test' });
    const r2028 = await importHolidayYear(
      deps,
      ctx,
      {
        year: 2028,
        papers: ['https://www.gov.cn/example/2028.htm'],
        days: [day('2027-12-31', '元旦', false)],
      },
      { source: 'test' },
    );
    expect(r2028.takenOver).toEqual(['2027-12-31']);
    const again = await importHolidayYear(deps, ctx, notice2027([day('2027-12-31', '元旦', true)]), {
      source: 'test',
    });
    expect(again).toMatchObject({ dayCount: 0, keptByLater: ['2027-12-31'] });
    expect(await storedDays(2028)).toEqual(['2027-12-31 work 元旦']);
    await deleteHolidayYear(deps, ctx, 2028);
  });

  it('should refuse a malformed file listing every problem and write nothing', async () => {
    const before = await snapshot();
    const bad = {
      year: 2027,
      papers: [42],
      days: [day('2027-02-30', '春节', true), { name: '', date: '2026-06-01', isOffDay: 'yes' }],
    };
    await expect(importHolidayYear(deps, ctx, bad, { source: 'test' })).rejects.toMatchObject({
      code: 'HOLIDAY_DATA_INVALID',
      details: {
        problems: expect.arrayContaining([
          expect.objectContaining({ path: 'papers[0]' }),
          expect.objectContaining({ path: 'days[0].date' }),
          expect.objectContaining({ path: 'days[1].name' }),
          expect.objectContaining({ path: 'days[1].date' }),
          expect.objectContaining({ path: 'days[1].isOffDay' }),
        ]),
      },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('should refuse a placeholder without data: the year stays provisional, never guessed', async () => {
    const before = await snapshot();
    await expect(
      importHolidayYear(deps, ctx, { year: 2029, papers: [], days: [] }, { source: 'test' }),
    ).rejects.toMatchObject({ code: 'HOLIDAY_DATA_INVALID' });
    expect(await snapshot()).toEqual(before);
    expect((await getCalendarYear(deps, ctx, 2029)).covered).toBe(false);
  });

  it('should refuse settings without make-up hours while make-up working days exist', async () => {
    const { version } = await getCalendar(deps, ctx);
    await expect(
      updateCalendarSettings(deps, ctx, {
        expectedVersion: version,
        timeZone: 'Asia/Shanghai',
        weeklyHours: DEFAULT_WEEKLY_HOURS,
        makeUpDayHours: [],
      }),
    ).rejects.toMatchObject({
      code: 'CALENDAR_INVALID',
      details: {
        problems: expect.arrayContaining([
          expect.objectContaining({ message: expect.stringMatching(/make-up/) }),
        ]),
      },
    });
    expect((await getCalendar(deps, ctx)).version).toBe(version);
  });
});

describe('deleteHolidayYear', () => {
  it('should make the year provisional again and say so for a year without data', async () => {
    await importHolidayYear(deps, ctx, notice2027([day('2027-01-01', '元旦', true)]), { source: 'test' });
    const r = await deleteHolidayYear(deps, ctx, 2027);
    expect(r).toMatchObject({ year: 2027, removedDays: 1 });
    expect((await getCalendar(deps, ctx)).provisionalYears).toEqual([2027]);
    const view = await getCalendarYear(deps, ctx, 2027);
    expect(view.covered).toBe(false);
    expect(view.days.every((d) => d.provisional)).toBe(true);
    await expect(deleteHolidayYear(deps, ctx, 2027)).rejects.toMatchObject({
      code: 'CALENDAR_YEAR_NOT_FOUND',
    });
  });
});
