import { describe, expect, it } from 'vitest';
import { fillWeeks, formatRate, formatThreshold } from './batch-signal-format';

describe('rates on the batch board', () => {
  it.each([
    [0.003, '3.00‰'],
    [0.0031, '3.10‰'],
    [0.011, '11.00‰'],
    ['0.00310000', '3.10‰'],
    [null, '—'],
  ] as const)('should show %s as %s', (rate, shown) => expect(formatRate(rate)).toBe(shown));

  it.each([
    [0.003, '3‰'],
    [0.01, '1%'],
    ['0.00300000', '3‰'],
    [0.025, '2.5%'],
  ] as const)('should name threshold %s as %s', (rate, shown) => expect(formatThreshold(rate)).toBe(shown));
});

describe('fillWeeks', () => {
  it('should fill the quiet weeks between the first and the last with 0', () =>
    expect(
      fillWeeks([
        { week: '2026-W10', count: 3 },
        { week: '2026-W07', count: 1 },
      ]),
    ).toEqual([
      { week: '2026-W07', count: 1 },
      { week: '2026-W08', count: 0 },
      { week: '2026-W09', count: 0 },
      { week: '2026-W10', count: 3 },
    ]));

  it('should cross the year through week 53 of an ISO year that has one', () =>
    expect(
      fillWeeks([
        { week: '2020-W52', count: 1 },
        { week: '2021-W01', count: 2 },
      ]).map((w) => w.week),
    ).toEqual(['2020-W52', '2020-W53', '2021-W01']));

  it('should cross the year without a week 53 when the ISO year has 52', () =>
    expect(
      fillWeeks([
        { week: '2025-W52', count: 1 },
        { week: '2026-W02', count: 2 },
      ]).map((w) => w.week),
    ).toEqual(['2025-W52', '2026-W01', '2026-W02']));

  it('should keep labels it cannot read at the end', () =>
    expect(fillWeeks([{ week: 'unknown', count: 1 }])).toEqual([{ week: 'unknown', count: 1 }]));
});
