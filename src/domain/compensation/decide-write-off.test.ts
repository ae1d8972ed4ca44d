import { describe, expect, it } from 'vitest';
import { decideWriteOff, formatWriteOffNumber } from './decide-write-off';

const task = (status: string, amountFen: number) => ({ status, amountFen });

describe('decideWriteOff (seed 004 产品质量处理核销申报表, R-RPT-3)', () => {
  it('should write off the amounts carried out once no task is open, leaving cancelled tasks out (R-RES-9, R-RPT-3)', () => {
    const d = decideWriteOff('approved', [
      task('done', 120_000),
      task('cancelled', 50_000),
      task('done', 3_050),
    ]);
    expect(d).toEqual({
      ready: true,
      amountFen: 123_050,
      doneTasks: 2,
      rules: [
        { rule: 'R-RES-9', detail: 'all_tasks_done' },
        { rule: 'R-RPT-3', detail: 'write_off_form' },
      ],
    });
  });

  it('should wait while a task of the agreement is still open (R-RES-9)', () => {
    const d = decideWriteOff('approved', [task('done', 100), task('open', 200), task('open', 300)]);
    expect(d).toMatchObject({ ready: false, reason: 'tasks_open', openTasks: 2 });
    expect(d.rules.map((r) => r.rule)).toEqual(['R-RES-9']);
  });

  it('should refuse a proposal that is not approved, whatever its tasks (R-APR-1)', () => {
    for (const status of ['pending_approval', 'rejected', 'superseded'])
      expect(decideWriteOff(status, [task('done', 100)])).toMatchObject({
        ready: false,
        reason: 'not_approved',
        rules: [{ rule: 'R-APR-1', detail: `proposal_${status}` }],
      });
  });

  it('should have nothing to write off when no task was carried out (an apology, or every task cancelled)', () => {
    expect(decideWriteOff('approved', [])).toMatchObject({ ready: false, reason: 'nothing_carried_out' });
    expect(decideWriteOff('approved', [task('cancelled', 500)])).toMatchObject({
      ready: false,
      reason: 'nothing_carried_out',
      openTasks: 0,
    });
  });
});

describe('formatWriteOffNumber', () => {
  it('should give HX, the year and a six-digit gapless sequence', () => {
    expect(formatWriteOffNumber(2026, 1)).toBe('HX-2026-000001');
    expect(formatWriteOffNumber(2027, 123_456)).toBe('HX-2027-123456');
  });
});
