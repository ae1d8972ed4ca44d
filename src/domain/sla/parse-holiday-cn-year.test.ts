import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { holidayCalendarInput, parseHolidayCnYear } from './parse-holiday-cn-year';

const HOLIDAY_DIR = new URL('../../../resources/holiday-cn/', import.meta.url);
const readYear = (year: number): unknown =>
  JSON.parse(readFileSync(new URL(`${year}.json`, HOLIDAY_DIR), 'utf8'));

const valid = {
  year: 2026,
  papers: ['https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'],
  days: [{ name: '春节', date: '2026-02-14', isOffDay: false }],
};

describe('parseHolidayCnYear (R-SLA calendar data, 调休)', () => {
  it.each([2020, 2021, 2022, 2023, 2024, 2025, 2026])(
    'should read the real holiday-cn %i file as a covered year when it lists days',
    (year) => {
      const r = parseHolidayCnYear(readYear(year));
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.value.year).toBe(year);
        expect(r.value.covered).toBe(true);
        expect(r.value.days.length).toBeGreaterThan(30);
        expect(r.value.papers.length).toBeGreaterThan(0);
      }
    },
  );

  it('should list the problem, not throw, when a value is an object whose toString is not a function', () => {
    const r = parseHolidayCnYear({
      year: { toString: false },
      papers: [],
      days: [{ name: 'x', date: { toString: 1 }, isOffDay: true }],
    });
    expect(r.ok ? [] : r.error.problems.map((p) => p.path)).toEqual(['year', 'days[0].date']);
  });

  it('should map isOffDay true to off and false to a make-up working day when reading 2026', () => {
    const r = parseHolidayCnYear(readYear(2026));
    if (!r.ok) throw new Error('2026 must parse');
    const byDate = new Map(r.value.days.map((d) => [d.date, d]));
    expect(byDate.get('2026-02-14')).toEqual({ date: '2026-02-14', kind: 'work', name: '春节' });
    expect(byDate.get('2026-02-17')).toEqual({ date: '2026-02-17', kind: 'off', name: '春节' });
    expect(r.value.days).toHaveLength(39);
  });

  it('should keep a previous-December day when the file lists one (2023 lists 2022-12-31)', () => {
    const r = parseHolidayCnYear(readYear(2023));
    expect(r.ok && r.value.days[0]).toEqual({ date: '2022-12-31', kind: 'off', name: '元旦' });
  });

  it('should not cover the year when the file is an empty placeholder (2027: no days, no papers)', () => {
    const r = parseHolidayCnYear(readYear(2027));
    expect(r).toEqual({ ok: true, value: { year: 2027, days: [], papers: [], covered: false } });
    expect(holidayCalendarInput(r.ok ? [r.value] : []).coveredYears).toEqual([]);
  });

  it('should list covered years and all special days when building calendar input from several years', () => {
    const years = [2025, 2026, 2027].map((y) => {
      const r = parseHolidayCnYear(readYear(y));
      if (!r.ok) throw new Error(`${y} must parse`);
      return r.value;
    });
    const input = holidayCalendarInput(years);
    expect(input.coveredYears).toEqual([2025, 2026]);
    expect(input.specialDays).toHaveLength(33 + 39);
  });

  it.each<[string, unknown, readonly string[]]>([
    ['not an object', [], ['']],
    ['null', null, ['']],
    ['a missing year', { papers: [], days: [] }, ['year']],
    ['a fractional year', { ...valid, year: 2026.5 }, ['year']],
    ['papers that are not a list', { ...valid, papers: 'x' }, ['papers']],
    ['a paper that is not a string', { ...valid, papers: [1] }, ['papers[0]']],
    ['days that are not a list', { ...valid, days: {} }, ['days']],
    ['a day that is not an object', { ...valid, days: ['2026-01-01'] }, ['days[0]']],
    ['a day without a name', { ...valid, days: [{ date: '2026-01-01', isOffDay: true }] }, ['days[0].name']],
    [
      'an impossible date',
      { ...valid, days: [{ name: 'x', date: '2026-02-29', isOffDay: true }] },
      ['days[0].date'],
    ],
    [
      'a date in another year',
      { ...valid, days: [{ name: 'x', date: '2025-06-01', isOffDay: true }] },
      ['days[0].date'],
    ],
    [
      'isOffDay as a string',
      { ...valid, days: [{ name: 'x', date: '2026-01-01', isOffDay: 'true' }] },
      ['days[0].isOffDay'],
    ],
    [
      'one date both off and work',
      {
        ...valid,
        days: [
          { name: 'x', date: '2026-01-01', isOffDay: true },
          { name: 'x', date: '2026-01-01', isOffDay: false },
        ],
      },
      ['days[1].date'],
    ],
    [
      'several problems at once',
      { year: '2026', papers: [null], days: [{ name: '', date: 'soon', isOffDay: 0 }] },
      ['year', 'papers[0]', 'days[0].name', 'days[0].date', 'days[0].isOffDay'],
    ],
  ])('should refuse the file and list every problem when it has %s', (_name, json, paths) => {
    const r = parseHolidayCnYear(json);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('HOLIDAY_DATA_INVALID');
      expect(r.error.problems.map((p) => p.path)).toEqual(paths);
    }
  });
});
