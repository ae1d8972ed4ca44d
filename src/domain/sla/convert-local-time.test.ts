import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  fromLocalDateTime,
  isoWeekdayOf,
  parseLocalDate,
  toLocalDateTime,
  zoneOffsetMs,
} from './convert-local-time';

const ZONES = [
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Asia/Kathmandu',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/St_Johns',
];

/** Independent reference: the zone's wall clock read straight from Intl, no caching. */
const referenceFormats = new Map<string, Intl.DateTimeFormat>();
const referenceOffset = (timeZone: string, epochMs: number): number => {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const format =
    referenceFormats.get(timeZone) ??
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  referenceFormats.set(timeZone, format);
  const parts = format.formatToParts(new Date(whole));
  const n = (t: string): number => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - whole;
};

const instant = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) });

describe('convert-local-time (R-SLA calendar time zones)', () => {
  it('should match Intl exactly for any instant in any zone when the hourly offset cache is used', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, (zone, ms) => {
        expect(zoneOffsetMs(zone, ms)).toBe(referenceOffset(zone, ms));
      }),
      { numRuns: 3000 },
    );
  });

  it('should match Intl exactly in the minutes around DST transitions when they are probed one by one', () => {
    const transitions = [
      Date.UTC(2026, 2, 8, 7),
      Date.UTC(2026, 10, 1, 6),
      Date.UTC(2026, 2, 29, 1),
      Date.UTC(2026, 9, 25, 1),
    ];
    for (const zone of ['America/New_York', 'Europe/Berlin'])
      for (const t of transitions)
        for (let ms = t - 3_600_000; ms <= t + 3_600_000; ms += 60_000)
          expect(zoneOffsetMs(zone, ms)).toBe(referenceOffset(zone, ms));
  });

  it('should return the same instant when an instant is read as local time and converted back', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, (zone, ms) => {
        const local = toLocalDateTime(zone, new Date(ms));
        const back = fromLocalDateTime(zone, local.date, local.msOfDay).getTime();
        // A repeated (fall-back) hour maps to its earlier instant; everything else round-trips exactly.
        expect(
          back === ms || (back < ms && toLocalDateTime(zone, new Date(back)).msOfDay === local.msOfDay),
        ).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('should step %s by %i day(s) to %s when adding local days', (date, days, expected) => {
    expect(addLocalDays(date, days)).toBe(expected);
  });

  it('should refuse impossible dates and give ISO weekdays when parsing local dates', () => {
    expect(parseLocalDate('2026-02-29')).toBeNull();
    expect(parseLocalDate('2026-2-1')).toBeNull();
    expect(parseLocalDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(isoWeekdayOf('2026-03-02')).toBe(1);
    expect(isoWeekdayOf('2026-03-08')).toBe(7);
    expect(() => addLocalDays('2026-13-01', 1)).toThrow(RangeError);
  });
});
