import { describe, expect, it } from 'vitest';
import { decideSweepAction, type SweptClock } from './decide-sweep-action';

const at = (hhmm: string): Date => new Date(`2026-03-02T${hhmm}:00Z`);
const open: SweptClock = {
  dueAt: at('10:00'),
  warnAt: at('09:00'),
  warnedAt: null,
  breachedAt: null,
  escalationLevel: 0,
};

describe('decideSweepAction (R-ESC-1, R-KPI-2)', () => {
  it.each<[string, Partial<SweptClock>, string]>([
    ['before the warning time', {}, '08:59'],
    ['already warned and not yet due', { warnedAt: at('09:00') }, '09:30'],
    ['warned and exactly at the due time (due is inclusive)', { warnedAt: at('09:00') }, '10:00'],
    ['already breached (recorded once)', { breachedAt: at('10:01'), escalationLevel: 1 }, '15:00'],
    ['paused while waiting on the customer', { paused: true }, '15:00'],
  ])('should do nothing when the clock is %s', (_name, over, now) => {
    expect(decideSweepAction({ ...open, ...over }, at(now))).toEqual({ action: 'none' });
  });

  it.each([
    ['at the warning time', '09:00'],
    ['between warning and due time', '09:59'],
  ])('should warn the owner once when the sweep runs %s (R-ESC-1)', (_name, now) => {
    expect(decideSweepAction(open, at(now))).toEqual({
      action: 'warn',
      rules: [{ rule: 'R-ESC-1', detail: 'deadline about to pass; owner warned' }],
    });
  });

  it.each([
    [0, 'department_manager', 1],
    [1, 'service_manager', 2],
    [2, 'general_manager', 3],
    [3, 'general_manager', 3],
    [7, 'general_manager', 3],
  ])(
    'should escalate from level %i to %s when the deadline has passed (R-ESC-1)',
    (level, role, newLevel) => {
      const d = decideSweepAction({ ...open, warnedAt: at('09:00'), escalationLevel: level }, at('10:01'));
      expect(d).toEqual({
        action: 'breach',
        escalateTo: role,
        newLevel,
        countsAgainstDepartment: true,
        rules: [
          { rule: 'R-ESC-1', detail: `deadline passed; escalated to ${role} (level ${newLevel})` },
          { rule: 'R-KPI-2', detail: 'late handling step counted against the department' },
        ],
      });
    },
  );

  it('should breach without a separate warning when the first sweep finds the clock past due (R-ESC-1)', () => {
    expect(decideSweepAction(open, at('12:00'))).toMatchObject({
      action: 'breach',
      escalateTo: 'department_manager',
    });
  });

  it('should record the breach without escalating or counting it when the clock does not escalate', () => {
    expect(decideSweepAction({ ...open, escalates: false }, at('12:00'))).toEqual({
      action: 'breach',
      escalateTo: null,
      newLevel: 0,
      countsAgainstDepartment: false,
      rules: [{ rule: 'R-ESC-1', detail: 'deadline passed; this clock does not escalate' }],
    });
  });

  it('should follow a configured chain and stop at its top when a company chain is given (R-ESC-1)', () => {
    const chain = ['agent', 'general_manager'];
    expect(decideSweepAction(open, at('12:00'), chain)).toMatchObject({
      escalateTo: 'general_manager',
      newLevel: 1,
    });
    expect(decideSweepAction({ ...open, escalationLevel: 1 }, at('12:00'), chain)).toMatchObject({
      escalateTo: 'general_manager',
      newLevel: 1,
    });
  });
});
