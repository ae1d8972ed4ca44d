import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createBusinessCalendar,
  type BusinessCalendar,
  type BusinessCalendarInput,
} from './business-calendar';
import { computeDueAt, computeWarnAt, type DurationSpec, type PauseInterval } from './compute-due-at';
import { holidayCalendarInput, parseHolidayCnYear, type HolidayCnYear } from './parse-holiday-cn-year';

const HOLIDAY_DIR = new URL('../../../resources/holiday-cn/', import.meta.url);
const loadYear = (year: number): HolidayCnYear => {
  const r = parseHolidayCnYear(JSON.parse(readFileSync(new URL(`${year}.json`, HOLIDAY_DIR), 'utf8')));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const build = (input: BusinessCalendarInput): BusinessCalendar => {
  const r = createBusinessCalendar(input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const cn = build(holidayCalendarInput([2024, 2025, 2026, 2027].map(loadYear)));
/** A wall-clock reading in China (UTC+8). */
const sh = (local: string): Date => new Date(`${local}+08:00`);
const now = sh('2026-06-01T00:00');

const wall = (minutes: number): DurationSpec => ({ mode: 'wall', minutes });
const working = (minutes: number): DurationSpec => ({ mode: 'working', minutes });
const workingDays = (days: number): DurationSpec => ({ mode: 'working_days', days });
const legalDays = (days: number): DurationSpec => ({ mode: 'legal_days', days });

describe('computeDueAt — working days on the real calendar (R-SLA-9, R-SLA-10, R-SLA-13)', () => {
  it.each([
    [
      'registered on the Friday before National Day 2025 at 16:00 (make-up Sunday counts)',
      '2025-09-26T16:00',
      3,
      '2025-09-30T16:00',
    ],
    ['the fourth working day falls after the National Day break', '2025-09-26T16:00', 4, '2025-10-09T16:00'],
    ['registered on the make-up Saturday 2025-10-11', '2025-10-11T10:00', 3, '2025-10-15T10:00'],
    [
      'registered on the make-up Saturday before Spring Festival 2026',
      '2026-02-14T10:00',
      1,
      '2026-02-24T10:00',
    ],
    [
      'registered the Friday before that make-up Saturday (R-SLA-13, 1 working day)',
      '2026-02-13T15:00',
      1,
      '2026-02-14T15:00',
    ],
    ['started in the lunch break (counts from 13:30)', '2025-09-29T12:30', 1, '2025-09-30T13:30'],
    [
      'started after 17:30 before the holiday (counts from the next opening)',
      '2025-09-30T18:00',
      1,
      '2025-10-10T08:30',
    ],
    ['started on a Spring Festival holiday', '2026-02-17T10:00', 3, '2026-02-27T08:30'],
    ['started on an ordinary Saturday', '2026-03-07T10:00', 1, '2026-03-10T08:30'],
  ])('should fall due on the right day when %s', (_name, start, days, due) => {
    expect(computeDueAt(sh(start), workingDays(days), cn, [], now)).toEqual({
      dueAt: sh(due),
      opensAt: null,
      provisional: false,
    });
  });
});

describe('computeDueAt — working-hours clocks (R-SLA working time)', () => {
  it.each([
    ['started during the lunch break', '2025-09-29T12:30', 120, '2025-09-29T15:30'],
    ['the span crosses the lunch break', '2025-09-29T11:00', 120, '2025-09-29T14:30'],
    ['it ends exactly at closing (not the next morning)', '2025-09-29T16:30', 60, '2025-09-29T17:30'],
    ['a whole working day is asked for', '2025-09-29T08:30', 450, '2025-09-29T17:30'],
    ['started after 17:30 on the Friday before a make-up Sunday', '2025-09-26T18:00', 60, '2025-09-28T09:30'],
    ['started on a holiday', '2025-10-05T10:00', 30, '2025-10-09T09:00'],
  ])('should count only working minutes when %s', (_name, start, minutes, due) => {
    expect(computeDueAt(sh(start), working(minutes), cn, [], now).dueAt).toEqual(sh(due));
  });

  it('should count clock hours straight through nights and holidays when the clock is wall time (R-SLA-5)', () => {
    expect(computeDueAt(sh('2025-09-30T18:00'), wall(24 * 60), cn, [], now)).toEqual({
      dueAt: sh('2025-10-01T18:00'),
      opensAt: null,
      provisional: false,
    });
  });
});

describe('computeDueAt — legal days, 民法典 art. 201/203', () => {
  it.each([
    ['the last day is an ordinary Monday', '2025-09-22T10:00', 7, '2025-09-30T00:00'],
    [
      'the last day is National Day (rolls to the first working day after the break)',
      '2025-09-24T10:00',
      7,
      '2025-10-10T00:00',
    ],
    ['the last day is an ordinary Saturday (rolls to Monday)', '2025-09-15T10:00', 5, '2025-09-23T00:00'],
    ['the last day is a make-up working Sunday (no roll)', '2025-09-21T10:00', 7, '2025-09-29T00:00'],
    [
      'the start is one minute before midnight (the start day never counts)',
      '2025-09-22T23:59',
      1,
      '2025-09-24T00:00',
    ],
    ['the last day is in the Spring Festival break', '2026-02-10T09:00', 7, '2026-02-25T00:00'],
  ])('should end at 24:00 local when %s', (_name, start, days, due) => {
    expect(computeDueAt(sh(start), legalDays(days), cn, [], now).dueAt).toEqual(sh(due));
  });
});

describe('computeDueAt — follow-up window (R-SLA-14)', () => {
  it('should open at 00:00 of day 5 and fall due at 24:00 of day 7 when resolved on a Friday', () => {
    expect(
      computeDueAt(sh('2025-09-19T15:00'), { mode: 'window_days', fromDays: 5, toDays: 7 }, cn, [], now),
    ).toEqual({ opensAt: sh('2025-09-24T00:00'), dueAt: sh('2025-09-27T00:00'), provisional: false });
  });

  it('should count calendar days even when the window falls in a holiday (R-SLA-14)', () => {
    const r = computeDueAt(
      sh('2025-09-26T15:00'),
      { mode: 'window_days', fromDays: 5, toDays: 7 },
      cn,
      [],
      now,
    );
    expect(r).toMatchObject({ opensAt: sh('2025-10-01T00:00'), dueAt: sh('2025-10-04T00:00') });
  });
});

describe('computeDueAt — pauses while waiting on the customer (R-SLA pauses)', () => {
  const pause = (from: string, to: string | null): PauseInterval => ({
    from: sh(from),
    to: to ? sh(to) : null,
  });
  it.each<[string, DurationSpec, string, PauseInterval[], string]>([
    [
      'a wall clock was paused two hours',
      wall(24 * 60),
      '2026-03-02T09:00',
      [pause('2026-03-02T10:00', '2026-03-02T12:00')],
      '2026-03-03T11:00',
    ],
    [
      'a wall clock is still paused (counts to now)',
      wall(24 * 60),
      '2026-03-02T09:00',
      [pause('2026-03-02T10:00', null)],
      '2026-03-03T13:00',
    ],
    [
      'a wall clock was paused only after it fell due',
      wall(60),
      '2026-03-02T09:00',
      [pause('2026-03-02T11:00', '2026-03-02T12:00')],
      '2026-03-02T10:00',
    ],
    [
      'a working clock was paused across lunch',
      working(120),
      '2026-03-02T09:00',
      [pause('2026-03-02T10:00', '2026-03-02T14:00')],
      '2026-03-02T15:00',
    ],
    [
      'a working clock was paused only in the evening',
      working(120),
      '2026-03-02T16:00',
      [pause('2026-03-02T19:00', '2026-03-02T22:00')],
      '2026-03-03T09:00',
    ],
    [
      'a working-days clock was paused two working hours',
      workingDays(3),
      '2026-03-02T10:00',
      [pause('2026-03-03T09:00', '2026-03-03T11:00')],
      '2026-03-05T12:00',
    ],
    [
      'two overlapping pauses are counted once',
      wall(60),
      '2026-03-02T09:00',
      [pause('2026-03-02T09:10', '2026-03-02T09:40'), pause('2026-03-02T09:30', '2026-03-02T09:50')],
      '2026-03-02T10:40',
    ],
    [
      'a pause began before the clock started',
      wall(60),
      '2026-03-02T09:00',
      [pause('2026-03-02T08:00', '2026-03-02T09:30')],
      '2026-03-02T10:30',
    ],
    [
      'a second pause begins only inside the extension',
      wall(60),
      '2026-03-02T09:00',
      [pause('2026-03-02T09:30', '2026-03-02T10:00'), pause('2026-03-02T10:15', '2026-03-02T10:45')],
      '2026-03-02T11:00',
    ],
    [
      'a legal-days clock was paused half a working day',
      legalDays(1),
      '2026-03-02T10:00',
      [pause('2026-03-03T08:30', '2026-03-03T12:00')],
      '2026-03-04T12:00',
    ],
  ])('should extend the due date when %s', (_name, spec, start, pauses, due) => {
    expect(computeDueAt(sh(start), spec, cn, pauses, sh('2026-03-02T14:00')).dueAt).toEqual(sh(due));
  });
});

describe('computeDueAt — provisional calendar years (R-SLA calendar)', () => {
  it('should flag provisional and not invent holidays when the days run into 2027', () => {
    expect(computeDueAt(sh('2026-12-30T10:00'), workingDays(3), cn, [], now)).toEqual({
      dueAt: sh('2027-01-04T10:00'),
      opensAt: null,
      provisional: true,
    });
  });

  it('should flag provisional when a legal-days period ends in 2027', () => {
    expect(computeDueAt(sh('2027-03-01T10:00'), legalDays(7), cn, [], now).provisional).toBe(true);
  });

  it('should not flag provisional when a wall clock needs no calendar day', () => {
    expect(computeDueAt(sh('2027-03-01T10:00'), wall(60), cn, [], now).provisional).toBe(false);
  });

  it('should not flag provisional when every day looked at is covered', () => {
    expect(computeDueAt(sh('2026-06-01T10:00'), workingDays(3), cn, [], now).provisional).toBe(false);
  });
});

describe('computeDueAt — other time zones (R-SLA calendar)', () => {
  it('should compute working time in Tokyo local hours when the calendar is Asia/Tokyo', () => {
    const tokyo = build({ timeZone: 'Asia/Tokyo', coveredYears: [2026] });
    const friday = new Date('2026-03-06T17:00:00+09:00');
    expect(computeDueAt(friday, working(60), tokyo, [], now).dueAt).toEqual(
      new Date('2026-03-09T09:00:00+09:00'),
    );
    expect(computeDueAt(new Date('2026-03-06T16:00:00+09:00'), workingDays(1), tokyo, [], now)).toEqual({
      dueAt: new Date('2026-03-09T07:00:00Z'),
      opensAt: null,
      provisional: false,
    });
  });

  it('should keep the local clock time across a DST change when the calendar is America/New_York', () => {
    const ny = build({ timeZone: 'America/New_York', coveredYears: [2026] });
    const due = computeDueAt(new Date('2026-03-06T15:00:00Z'), workingDays(1), ny, [], now).dueAt;
    expect(due).toEqual(new Date('2026-03-09T14:00:00Z'));
  });
});

describe('computeWarnAt (R-ESC-1)', () => {
  const start = new Date('2026-03-02T00:00:00Z');
  const due = new Date('2026-03-02T04:00:00Z');
  it.each([
    [0.75, '2026-03-02T03:00:00Z'],
    [0, '2026-03-02T00:00:00Z'],
    [1, '2026-03-02T04:00:00Z'],
    [1.5, '2026-03-02T04:00:00Z'],
    [-1, '2026-03-02T00:00:00Z'],
    [Number.NaN, '2026-03-02T04:00:00Z'],
  ])('should warn at the share %s of the span when the share is given', (share, expected) => {
    expect(computeWarnAt(start, due, share)).toEqual(new Date(expected));
  });

  it('should warn at the due date when the due date is not after the start', () => {
    expect(computeWarnAt(due, start, 0.75)).toEqual(start);
  });
});
