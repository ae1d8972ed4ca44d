import { describe, expect, it } from 'vitest';
import { dueTone, exportUrl, isDecided } from './adverse-event-format';

const NOW = Date.parse('2026-03-05T02:00:00Z');
const row = (over: Partial<Parameters<typeof dueTone>[0]> = {}) => ({
  dueAt: '2026-03-12T16:00:00.000Z',
  reportable: null,
  rationale: null,
  submittedAt: null,
  ...over,
});

describe('the countdown colour of an adverse-event decision row', () => {
  it.each([
    ['2026-03-12T16:00:00.000Z', 'open'],
    ['2026-03-08T01:59:59.000Z', 'soon'],
    ['2026-03-06T01:59:59.000Z', 'urgent'],
    ['2026-03-05T01:59:59.000Z', 'overdue'],
  ] as const)('should be %s → %s when undecided', (dueAt, tone) =>
    expect(dueTone(row({ dueAt }), NOW)).toBe(tone),
  );

  it('should be settled when decided not reportable, even past due', () =>
    expect(dueTone(row({ dueAt: '2026-03-01T00:00:00Z', reportable: false, rationale: '预期内' }), NOW)).toBe(
      'done',
    ));

  it('should keep counting when decided reportable but not yet submitted', () =>
    expect(dueTone(row({ reportable: true, rationale: '死亡事件' }), NOW)).toBe('open'));

  it('should be settled when reportable and submitted', () =>
    expect(
      dueTone(row({ reportable: true, rationale: '死亡事件', submittedAt: '2026-03-06T00:00:00Z' }), NOW),
    ).toBe('done'));

  it('should not count a blank rationale as a decision (R-AE-2)', () =>
    expect(isDecided({ reportable: true, rationale: '  ' })).toBe(false));
});

describe('exportUrl', () => {
  it('should ask for CSV only when the download is wanted', () => {
    expect(exportUrl('a1', 'nmpa', 'json')).toBe('/api/v1/adverse-events/a1/export?form=nmpa');
    expect(exportUrl('a1', 'fda', 'csv')).toBe('/api/v1/adverse-events/a1/export?form=fda&format=csv');
  });
});
