import { describe, expect, it } from 'vitest';
import {
  decideBatchSignal,
  exceedsRate,
  formatRate,
  isRepeatedComplaint,
  isSafetyHazard,
  isSeriousEvent,
  toFraction,
  type BatchSignalInput,
} from './decide-batch-signal';

const FIRST = new Date('2026-03-02T01:00:00Z');
const THRESHOLDS = { abnormalityReportRate: 0.003, specialReportRate: 0.01 };
const quiet = { serious: false, safetyHazard: false, repeated: false };

const input = (valid: number, shipped: number, over: Partial<BatchSignalInput> = {}): BatchSignalInput => ({
  counter: { validComplaints: valid, seriousEvents: 0, firstComplaintAt: FIRST },
  unitsShipped: shipped,
  thresholds: THRESHOLDS,
  complaint: quiet,
  ...over,
});

const kinds = (i: BatchSignalInput) => decideBatchSignal(i).reports.map((r) => r.kind);

describe('toFraction / exceedsRate (R-BAT-1: rates compared exactly)', () => {
  it.each([
    [0.003, 3n, 1000n],
    [0.01, 1n, 100n],
    [0.0125, 125n, 10000n],
    [1e-7, 1n, 10000000n],
    [1, 1n, 1n],
  ])('should read %s as %s/%s', (rate, num, den) => {
    expect(toFraction(rate)).toEqual({ num, den });
  });

  it.each([
    [30, 10_000, 0.003, false],
    [31, 10_000, 0.003, true],
    [100, 10_000, 0.01, false],
    [101, 10_000, 0.01, true],
    [3, 1_000, 0.003, false],
    [1, 1, 1, false],
    [5, 0, 0.003, false],
    [1, 333, 0.003, true],
  ])('should say %i of %i above %s is %s', (n, shipped, rate, expected) => {
    expect(exceedsRate(n, shipped, rate)).toBe(expected);
  });

  it('should refuse a negative or infinite rate', () => {
    expect(() => toFraction(-0.1)).toThrow(RangeError);
    expect(() => toFraction(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('should format the rate exactly with 8 decimals, half up, and null without shipments', () => {
    expect(formatRate(31, 10_000)).toBe('0.00310000');
    expect(formatRate(1, 3)).toBe('0.33333333');
    expect(formatRate(2, 3)).toBe('0.66666667');
    expect(formatRate(5, 0)).toBeNull();
  });
});

describe('decideBatchSignal (R-BAT-2, R-BAT-3, R-SLA-7)', () => {
  it('should open no report at exactly 3‰ when 30 valid complaints per 10 000 shipped (R-BAT-2 boundary)', () => {
    const d = decideBatchSignal(input(30, 10_000));
    expect(d.reports).toEqual([]);
    expect(d.crossed).toEqual([]);
    expect(d.rate).toBeCloseTo(0.003);
  });

  it('should open the abnormality report above 3‰ when 31 valid complaints per 10 000 shipped (R-BAT-2)', () => {
    const d = decideBatchSignal(input(31, 10_000));
    expect(d.reports.map((r) => [r.kind, r.triggers])).toEqual([['abnormality', ['rate']]]);
    expect(d.rules.map((r) => r.rule)).toEqual(['R-BAT-1', 'R-BAT-2', 'R-SLA-7']);
    expect(d.rules[0]?.detail).toBe('31/10000 = 3.1‰');
  });

  it('should not open the special report at exactly 1% (100 per 10 000) and open it at 101 (R-BAT-3 boundary)', () => {
    expect(kinds(input(100, 10_000))).toEqual(['abnormality']);
    expect(kinds(input(101, 10_000))).toEqual(['abnormality', 'special']);
    expect(decideBatchSignal(input(101, 10_000)).crossed).toEqual(['abnormality', 'special']);
  });

  it('should open the abnormality report at once on a serious event, whatever the rate (R-BAT-2)', () => {
    const d = decideBatchSignal(input(1, 10_000, { complaint: { ...quiet, serious: true } }));
    expect(d.reports.map((r) => [r.kind, r.triggers])).toEqual([['abnormality', ['serious_event']]]);
  });

  it('should keep the abnormality report due when an earlier counted complaint was a serious event (R-BAT-2)', () => {
    const i = input(2, 10_000);
    expect(kinds({ ...i, counter: { ...i.counter, seriousEvents: 1 } })).toEqual(['abnormality']);
  });

  it('should open the special report on a personal-safety hazard or long repetition (R-BAT-3)', () => {
    const hazard = decideBatchSignal(input(1, 10_000, { complaint: { ...quiet, safetyHazard: true } }));
    expect(hazard.reports.map((r) => [r.kind, r.triggers])).toEqual([['special', ['safety_hazard']]]);
    const repeated = decideBatchSignal(input(6, 10_000, { complaint: { ...quiet, repeated: true } }));
    expect(repeated.reports.map((r) => [r.kind, r.triggers])).toEqual([['special', ['repeated']]]);
  });

  it('should make every report due 72 h after the FIRST complaint of the counter (R-SLA-7)', () => {
    const d = decideBatchSignal(input(101, 10_000));
    for (const r of d.reports) expect(r.dueAt.toISOString()).toBe('2026-03-05T01:00:00.000Z');
    expect(d.rules.find((r) => r.rule === 'R-SLA-7')?.detail).toContain(FIRST.toISOString());
  });

  it('should have no rate and only event triggers when nothing is known to be shipped (R-BAT-1)', () => {
    const d = decideBatchSignal(input(50, 0));
    expect(d.rate).toBeNull();
    expect(d.reports).toEqual([]);
    expect(d.rules[0]?.detail).toContain('no rate');
  });

  it('should use the thresholds of the policy in force', () => {
    const strict = { abnormalityReportRate: 0.001, specialReportRate: 0.002 };
    expect(kinds(input(11, 10_000, { thresholds: strict }))).toEqual(['abnormality']);
    expect(kinds(input(21, 10_000, { thresholds: strict }))).toEqual(['abnormality', 'special']);
  });
});

describe('serious event, safety hazard, repetition', () => {
  it.each([
    [{ severity: 'serious', injury: 'none', nature: 'function' }, true, false],
    [{ severity: 'minor', injury: 'serious', nature: 'function' }, true, true],
    [{ severity: 'minor', injury: 'death', nature: null }, true, true],
    [{ severity: 'major', injury: 'none', nature: 'safety' }, true, true],
    [{ severity: 'minor', injury: 'minor', nature: 'function' }, false, false],
    [{ severity: null, injury: 'none', nature: 'appearance' }, false, false],
  ] as const)('%j → serious %s, hazard %s', (c, serious, hazard) => {
    expect(isSeriousEvent(c)).toBe(serious);
    expect(isSafetyHazard(c)).toBe(hazard);
  });

  it('should call complaints long-standing only with enough earlier ones spread over enough days (R-BAT-3)', () => {
    const base = { firstComplaintAt: FIRST, count: 5, spanDays: 90 };
    const day90 = new Date(FIRST.getTime() + 90 * 86_400_000);
    expect(isRepeatedComplaint({ ...base, earlierComplaints: 5, receivedAt: day90 })).toBe(true);
    expect(isRepeatedComplaint({ ...base, earlierComplaints: 4, receivedAt: day90 })).toBe(false);
    expect(
      isRepeatedComplaint({ ...base, earlierComplaints: 5, receivedAt: new Date(day90.getTime() - 1) }),
    ).toBe(false);
  });
});
