import { describe, expect, it } from 'vitest';
import { decideRegionalCase, type RegionalCaseInput } from './decide-regional-case';

const DAY = 86_400_000;
const T0 = new Date('2026-03-10T02:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const policy = { regionalCaseCount: 3, regionalWindowDays: 7 };

const decide = (over: Partial<RegionalCaseInput>) =>
  decideRegionalCase({
    region: '华东',
    receivedAt: T0,
    regionalReceivedAt: [T0],
    openCaseId: null,
    policy,
    ...over,
  });

describe('decideRegionalCase (R-BAT-4, R-SLA-11)', () => {
  it('should open a batch case on the third complaint of one region within 7 days (R-BAT-4)', () => {
    const d = decide({ regionalReceivedAt: [at(-6), at(-2), T0] });
    expect(d.action).toBe('open');
    expect(d.concentration).toBe(3);
    expect(d.rules.map((r) => r.rule)).toEqual(['R-BAT-4', 'R-SLA-11']);
  });

  it('should not open with two complaints, or three spread wider than the window (R-BAT-4)', () => {
    expect(decide({ regionalReceivedAt: [at(-2), T0] }).action).toBe('none');
    expect(decide({ regionalReceivedAt: [at(-8), at(-2), T0] }).action).toBe('none');
  });

  it('should count the window inclusively: 7 days apart exactly still counts', () => {
    expect(decide({ regionalReceivedAt: [at(-7), at(-3), T0] }).action).toBe('open');
  });

  it('should find a window that holds this complaint even when it came in before the others (out-of-order triage)', () => {
    const d = decide({ regionalReceivedAt: [T0, at(3), at(6)] });
    expect(d).toMatchObject({ action: 'open', concentration: 3 });
  });

  it('should ignore windows that do not hold this complaint', () => {
    expect(decide({ regionalReceivedAt: [at(-20), at(-19), at(-18), T0] }).action).toBe('none');
  });

  it('should link to the open case whatever the region, never open a second (R-BAT-4)', () => {
    const d = decide({ region: null, regionalReceivedAt: [], openCaseId: 'case-1' });
    expect(d.action).toBe('link');
    expect(d.rules[0]?.detail).toContain('case-1');
  });

  it('should never open a case for a complaint without a region', () => {
    expect(decide({ region: null, regionalReceivedAt: [at(-1), at(-1), T0] }).action).toBe('none');
  });

  it('should follow the policy count and window', () => {
    const two = { regionalCaseCount: 2, regionalWindowDays: 1 };
    expect(decide({ policy: two, regionalReceivedAt: [at(-1), T0] }).action).toBe('open');
    expect(decide({ policy: two, regionalReceivedAt: [at(-1.5), T0] }).action).toBe('none');
  });
});
