import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createBusinessCalendar,
  fromCalendarLocalTime,
  isWithinBusinessHours,
  isWorkingDay,
  nextWorkingInstant,
  toCalendarLocalTime,
  workIntervalsOn,
  type BusinessCalendar,
  type BusinessCalendarInput,
} from './business-calendar';
import { addLocalDays, isoWeekdayOf } from './convert-local-time';
import { holidayCalendarInput, parseHolidayCnYear, type HolidayCnYear } from './parse-holiday-cn-year';

const HOLIDAY_DIR = new URL('../../../resources/holiday-cn/', import.meta.url);
const readYear = (year: number): unknown =>
  JSON.parse(readFileSync(new URL(`${year}.json`, HOLIDAY_DIR), 'utf8'));
const loadYear = (year: number): HolidayCnYear => {
  const r = parseHolidayCnYear(readYear(year));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027].map(loadYear);

const build = (input: BusinessCalendarInput = {}): BusinessCalendar => {
  const r = createBusinessCalendar(input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const cn = build(holidayCalendarInput(YEARS));
/** A wall-clock reading in China (UTC+8, no DST since 1991). */
const sh = (local: string): Date => new Date(`${local}+08:00`);

describe('createBusinessCalendar (R-SLA calendar)', () => {
  it('should default to Asia/Shanghai, Mon–Fri 08:30–12:00 and 13:30–17:30 when nothing is given', () => {
    const cal = build();
    expect(cal.timeZone).toBe('Asia/Shanghai');
    expect(cal.weeklyHours[1]).toEqual([
      { start: '08:30', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ]);
    expect(cal.weeklyHours[5]).toEqual(cal.weeklyHours[1]);
    expect(cal.weeklyHours[6]).toEqual([]);
    expect(cal.weeklyHours[7]).toEqual([]);
    expect(cal.makeUpDayHours).toEqual(cal.weeklyHours[1]);
  });

  it('should keep the default weekdays when only Saturday hours are given (R-SLA calendar)', () => {
    const cal = build({ weeklyHours: { 6: [{ start: '09:00', end: '12:00' }] } });
    expect(cal.weeklyHours[1]).toHaveLength(2);
    expect(cal.weeklyHours[6]).toEqual([{ start: '09:00', end: '12:00' }]);
    expect(isWorkingDay(cal, '2026-03-07')).toMatchObject({ working: true, reason: 'weekday' });
  });

  it.each<[string, BusinessCalendarInput, string]>([
    ['an unknown time zone', { timeZone: 'Asia/Beijing' }, 'timeZone'],
    ['a malformed time', { weeklyHours: { 1: [{ start: '8:30', end: '12:00' }] } }, 'weeklyHours.1[0].start'],
    [
      'an interval ending before it starts',
      { weeklyHours: { 2: [{ start: '13:00', end: '12:00' }] } },
      'weeklyHours.2[0]',
    ],
    [
      'overlapping intervals',
      {
        weeklyHours: {
          3: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '17:00' },
          ],
        },
      },
      'weeklyHours.3[1]',
    ],
    ['a week without working time', { weeklyHours: { 1: [], 2: [], 3: [], 4: [], 5: [] } }, 'weeklyHours'],
    [
      'an impossible special date',
      { specialDays: [{ date: '2026-02-30', kind: 'off', name: 'x' }] },
      'specialDays[0].date',
    ],
    [
      'one date both off and work',
      {
        specialDays: [
          { date: '2026-02-14', kind: 'work', name: '春节' },
          { date: '2026-02-14', kind: 'off', name: '春节' },
        ],
      },
      'specialDays[1]',
    ],
    ['a covered year that is not a year', { coveredYears: [2025.5] }, 'coveredYears[0]'],
  ])('should refuse the calendar when it has %s', (_name, input, path) => {
    const r = createBusinessCalendar(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('CALENDAR_INVALID');
      expect(r.error.problems.map((p) => p.path)).toContain(path);
    }
  });
});

describe('isWorkingDay on the real holiday-cn data (R-SLA calendar, 调休)', () => {
  it.each([
    ['2025-09-26', true, 'weekday', 'the Friday before National Day'],
    ['2025-09-27', false, 'weekend', 'an ordinary Saturday'],
    ['2025-09-28', true, 'makeup_workday', 'Sunday 2025-09-28, a make-up working day'],
    ['2025-10-01', false, 'holiday', 'National Day'],
    ['2025-10-08', false, 'holiday', 'Wednesday 2025-10-08, last day of the National Day break'],
    ['2025-10-09', true, 'weekday', 'the first day back'],
    ['2025-10-11', true, 'makeup_workday', 'Saturday 2025-10-11, a make-up working day'],
    ['2026-02-14', true, 'makeup_workday', 'Saturday 2026-02-14 before Spring Festival'],
    ['2026-02-16', false, 'holiday', 'Spring Festival Monday'],
    ['2026-02-23', false, 'holiday', 'Monday 2026-02-23, last day of Spring Festival'],
    ['2026-02-24', true, 'weekday', 'the first day back after Spring Festival'],
    ['2026-02-28', true, 'makeup_workday', 'Saturday 2026-02-28, a make-up working day'],
    ['2022-12-31', false, 'holiday', 'a December day listed only in the 2023 file'],
  ] as const)('should answer %s as working=%s (%s) when the day is %s', (date, working, reason, _what) => {
    expect(isWorkingDay(cn, date)).toEqual({ working, reason, provisional: false });
  });

  it('should follow the weekly rule and flag provisional when the year is not covered (2027 placeholder)', () => {
    expect(isWorkingDay(cn, '2027-01-01')).toEqual({ working: true, reason: 'weekday', provisional: true });
    expect(isWorkingDay(cn, '2027-02-06')).toEqual({ working: false, reason: 'weekend', provisional: true });
  });

  it('should flag late-December days provisional when the next year is not covered yet', () => {
    expect(isWorkingDay(cn, '2026-12-24').provisional).toBe(false);
    expect(isWorkingDay(cn, '2026-12-25').provisional).toBe(true);
    expect(isWorkingDay(cn, '2026-12-31').provisional).toBe(true);
    expect(isWorkingDay(cn, '2025-12-31').provisional).toBe(false);
  });

  it('should agree with the holiday-cn files and the weekday rule on every date of 2025 and 2026', () => {
    const listed = new Map(YEARS.flatMap((y) => y.days).map((d) => [d.date, d]));
    let checked = 0;
    for (let date = '2025-01-01'; date <= '2026-12-31'; date = addLocalDays(date, 1)) {
      const special = listed.get(date);
      const weekday = isoWeekdayOf(date) <= 5;
      const expected = special
        ? { working: special.kind === 'work', reason: special.kind === 'work' ? 'makeup_workday' : 'holiday' }
        : { working: weekday, reason: weekday ? 'weekday' : 'weekend' };
      const provisional = date >= '2026-12-25';
      expect({ date, ...isWorkingDay(cn, date) }).toEqual({ date, ...expected, provisional });
      checked += 1;
    }
    expect(checked).toBe(730);
  });
});

describe('workIntervalsOn / nextWorkingInstant / isWithinBusinessHours (R-SLA working time)', () => {
  it('should give the two UTC intervals of a make-up working day', () => {
    expect(workIntervalsOn(cn, '2025-09-28')).toEqual([
      { start: new Date('2025-09-28T00:30:00Z'), end: new Date('2025-09-28T04:00:00Z') },
      { start: new Date('2025-09-28T05:30:00Z'), end: new Date('2025-09-28T09:30:00Z') },
    ]);
  });

  it('should use make-up hours on a listed weekend day but keep a listed weekday on its own hours (调休)', () => {
    const cal = build({
      weeklyHours: { 1: [{ start: '09:00', end: '18:00' }] },
      makeUpDayHours: [{ start: '10:00', end: '12:00' }],
      specialDays: [
        { date: '2026-03-07', kind: 'work', name: 'make-up Saturday' },
        { date: '2026-03-09', kind: 'work', name: 'listed Monday' },
      ],
      coveredYears: [2026],
    });
    expect(workIntervalsOn(cal, '2026-03-07')).toEqual([
      { start: sh('2026-03-07T10:00'), end: sh('2026-03-07T12:00') },
    ]);
    expect(workIntervalsOn(cal, '2026-03-09')).toEqual([
      { start: sh('2026-03-09T09:00'), end: sh('2026-03-09T18:00') },
    ]);
  });

  it('should give no intervals when the day is a holiday or a weekend', () => {
    expect(workIntervalsOn(cn, '2025-10-02')).toEqual([]);
    expect(workIntervalsOn(cn, '2025-10-12')).toEqual([]);
  });

  it('should place the local day in UTC by the zone offset when the calendar is in Asia/Tokyo', () => {
    const tokyo = build({ timeZone: 'Asia/Tokyo', coveredYears: [2026] });
    expect(workIntervalsOn(tokyo, '2026-03-09')[0]).toEqual({
      start: new Date('2026-03-08T23:30:00Z'),
      end: new Date('2026-03-09T03:00:00Z'),
    });
  });

  it.each([
    ['inside working hours', '2025-09-29T10:00', '2025-09-29T10:00'],
    ['exactly at opening', '2025-09-29T08:30', '2025-09-29T08:30'],
    ['before opening', '2025-09-29T07:00', '2025-09-29T08:30'],
    ['in the lunch break', '2025-09-29T12:30', '2025-09-29T13:30'],
    ['exactly at the lunch break (end exclusive)', '2025-09-29T12:00', '2025-09-29T13:30'],
    ['exactly at closing', '2025-09-29T17:30', '2025-09-30T08:30'],
    ['on Friday evening before a make-up Sunday', '2025-09-26T18:00', '2025-09-28T08:30'],
    ['on a holiday', '2025-10-03T10:00', '2025-10-09T08:30'],
    ['on the last evening before Spring Festival', '2026-02-14T18:00', '2026-02-24T08:30'],
  ])('should return the next opening when the instant is %s', (_name, at, expected) => {
    expect(nextWorkingInstant(cn, sh(at))).toEqual(sh(expected));
  });

  it.each([
    ['2025-09-29T08:30', true],
    ['2025-09-29T11:59', true],
    ['2025-09-29T12:00', false],
    ['2025-09-29T13:30', true],
    ['2025-09-29T17:30', false],
    ['2025-09-28T10:00', true],
    ['2025-10-01T10:00', false],
  ])('should say %s is within business hours: %s (R-SLA)', (at, expected) => {
    expect(isWithinBusinessHours(cn, sh(at))).toBe(expected);
  });
});

describe('local time conversion in any IANA zone (R-SLA calendar)', () => {
  it.each([
    ['Asia/Shanghai', '2026-03-02', '08:30', '2026-03-02T00:30:00Z'],
    ['Asia/Tokyo', '2026-03-02', '08:30', '2026-03-01T23:30:00Z'],
    ['Asia/Kathmandu', '2026-03-02', '08:30', '2026-03-02T02:45:00Z'],
    ['Europe/Berlin', '2026-07-01', '08:30', '2026-07-01T06:30:00Z'],
    ['Europe/Berlin', '2026-01-05', '08:30', '2026-01-05T07:30:00Z'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00Z'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00Z'],
    ['Europe/Berlin', '2026-10-25', '02:30', '2026-10-25T00:30:00Z'],
    ['Asia/Shanghai', '1988-07-01', '12:00', '1988-07-01T03:00:00Z'],
    ['Asia/Shanghai', '2026-03-02', '24:00', '2026-03-02T16:00:00Z'],
  ])(
    'should map %s %s %s to %s (DST gaps forward, repeats to the earlier instant)',
    (zone, date, time, utc) => {
      const cal = build({ timeZone: zone });
      expect(fromCalendarLocalTime(cal, date, time)).toEqual(new Date(utc));
    },
  );

  it('should read the local date, time and weekday when converting an instant to the calendar zone', () => {
    expect(toCalendarLocalTime(cn, new Date('2025-09-27T16:30:00Z'))).toEqual({
      date: '2025-09-28',
      msOfDay: 30 * 60_000,
      isoWeekday: 7,
    });
    const ny = build({ timeZone: 'America/New_York' });
    expect(toCalendarLocalTime(ny, new Date('2026-03-08T07:30:00Z'))).toMatchObject({
      date: '2026-03-08',
      msOfDay: (3 * 60 + 30) * 60_000,
    });
  });
});
