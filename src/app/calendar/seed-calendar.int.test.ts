import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, openSecondDb, type TestDeps } from '../../../test/test-deps';
import { rowsOf } from '../../db/client';
import { calendarRepo } from '../../db/repos/calendar.repo';
import { bootstrap } from '../seed/bootstrap';
import { systemContext } from '../context';
import { getCalendar } from './get-calendar';
import { seedCalendar } from './seed-calendar';

const HOLIDAY_DIR = new URL('../../../resources/holiday-cn/', import.meta.url);
type HolidayFile = {
  year: number;
  papers: string[];
  days: { name: string; date: string; isOffDay: boolean }[];
};
const readYear = (year: number): HolidayFile =>
  JSON.parse(readFileSync(new URL(`${year}.json`, HOLIDAY_DIR), 'utf8')) as HolidayFile;
const COVERED = [2020, 2021, 2022, 2023, 2024, 2025, 2026];

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => deps.close());

const seededAuditRows = async (d: TestDeps = deps) =>
  (
    await rowsOf<{ n: number }>(
      d.db.reader(),
      sql`select count(*)::int as n from audit_log where entity_type = 'calendar' and action = 'calendar.seeded'`,
    )
  )[0]?.n;

describe('seedCalendar (issue 3 §4: official data at first start)', () => {
  it('should cover 2020–2026 from the bundled notices and leave 2027 provisional when the calendar is empty', async () => {
    const report = await seedCalendar(deps);
    expect(report).toEqual({ seeded: true, loadedYears: COVERED, provisionalYears: [2027] });
    const overview = await getCalendar(deps, systemContext('t'));
    expect(overview.coveredYears.map((y) => y.year)).toEqual(COVERED);
    // The test clock says 2026-03-02: every year up to next year without data is provisional, never guessed.
    expect(overview.provisionalYears).toEqual([2027]);
    expect(overview.timeZone).toBe('Asia/Shanghai');
    expect(overview.weeklyHours[1]).toEqual([
      { start: '08:30', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ]);
    expect(overview.weeklyHours[5]).toEqual(overview.weeklyHours[1]);
    expect(overview.weeklyHours[6]).toEqual([]);
    expect(overview.weeklyHours[7]).toEqual([]);
    expect(overview.makeUpDayHours).toEqual(overview.weeklyHours[1]);
    expect(overview.version).toBe(1);
    expect(await seededAuditRows()).toBe(1);
  });

  it('should store each covered year exactly as its holiday-cn file says, with the notices as source', async () => {
    const ex = deps.db.reader();
    for (const year of COVERED) {
      const file = readYear(year);
      const stored = await calendarRepo.listDaysOfYear(ex, year);
      expect(stored.map((d) => ({ date: d.date, kind: d.kind, name: d.name }))).toEqual(
        file.days
          .map((d) => ({ date: d.date, kind: d.isOffDay ? 'off' : 'work', name: d.name }))
          .sort((a, b) => a.date.localeCompare(b.date)),
      );
      const info = await calendarRepo.findYear(ex, year);
      expect(info).toMatchObject({ dayCount: file.days.length, papers: file.papers });
    }
    expect(await calendarRepo.findYear(ex, 2027)).toBeUndefined();
    expect(await calendarRepo.listDaysOfYear(ex, 2027)).toEqual([]);
  });

  it('should write nothing when run again or by several processes at once', async () => {
    const second = await openSecondDb(deps);
    try {
      const [a, b] = await Promise.all([seedCalendar(deps), seedCalendar({ ...deps, db: second.db })]);
      expect([a.seeded, b.seeded]).toEqual([false, false]);
    } finally {
      await second.close();
    }
    expect(await seededAuditRows()).toBe(1);
    expect((await calendarRepo.listYears(deps.db.reader())).length).toBe(COVERED.length);
  });

  it('should seed exactly once when two processes start on an empty calendar together', async () => {
    const fresh = await createTestDeps();
    const second = await openSecondDb(fresh);
    try {
      const reports = await Promise.all([seedCalendar(fresh), seedCalendar({ ...fresh, db: second.db })]);
      expect(reports.filter((r) => r.seeded)).toHaveLength(1);
      expect((await calendarRepo.listYears(fresh.db.reader())).map((y) => y.year)).toEqual(COVERED);
      expect(await seededAuditRows(fresh)).toBe(1);
    } finally {
      await second.close();
      await fresh.close();
    }
  });

  it('should set up the calendar when the server bootstraps a new database', async () => {
    const fresh = await createTestDeps({ DEMO_DATA: 'false', DEFAULT_TIME_ZONE: 'Asia/Urumqi' });
    try {
      const first = await bootstrap(fresh);
      expect(first.calendar).toMatchObject({ seeded: true, loadedYears: COVERED, provisionalYears: [2027] });
      expect((await getCalendar(fresh, systemContext('t'))).timeZone).toBe('Asia/Urumqi');
      expect((await bootstrap(fresh)).calendar.seeded).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});
