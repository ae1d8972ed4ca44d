import { describe, expect, it } from 'vitest';
import type { Injury, Nature } from '../complaint/complaint-vocabulary';
import { decideAfterHoursHandling, isUrgentByDefault } from './decide-after-hours-handling';

// Saturday 2026-03-14 22:30 Asia/Shanghai; work resumes Monday 2026-03-16 09:00 Asia/Shanghai.
const receivedAt = new Date('2026-03-14T14:30:00Z');
const nextBusinessStart = new Date('2026-03-16T01:00:00Z');

describe('decideAfterHoursHandling (R-INT-5)', () => {
  const cases = [
    {
      name: 'should handle normally from receipt when it arrives within business hours, even if urgent',
      input: { receivedAt, urgent: true, withinBusinessHours: true, nextBusinessStart },
      expected: { handling: 'normal', processFrom: receivedAt, reasons: [] },
    },
    {
      name: 'should notify the on-call leader now and run from receipt when it is urgent after hours',
      input: { receivedAt, urgent: true, withinBusinessHours: false, nextBusinessStart },
      expected: {
        handling: 'notify_on_call_now',
        processFrom: receivedAt,
        reasons: [{ rule: 'R-INT-5', detail: 'after hours, urgent: notify the on-call leader now' }],
      },
    },
    {
      name: 'should start at the next business start when it is not urgent after hours',
      input: { receivedAt, urgent: false, withinBusinessHours: false, nextBusinessStart },
      expected: {
        handling: 'next_working_day',
        processFrom: nextBusinessStart,
        reasons: [{ rule: 'R-INT-5', detail: 'after hours, not urgent: normal process next working day' }],
      },
    },
    {
      name: 'should never start in the past when the calendar gives a next business start before receipt',
      input: {
        receivedAt,
        urgent: false,
        withinBusinessHours: false,
        nextBusinessStart: new Date('2026-03-13T01:00:00Z'),
      },
      expected: { handling: 'next_working_day', processFrom: receivedAt },
    },
  ] as const;
  it.each(cases)('$name', ({ input, expected }) => {
    expect(decideAfterHoursHandling(input)).toMatchObject(expected);
  });
});

describe('isUrgentByDefault (R-INT-5 default for the receiver, R-CLS-3)', () => {
  const cases: readonly [string, boolean, Nature | null, Injury, boolean][] = [
    ['a major complaint', true, 'packaging', 'none', true],
    ['a safety nature that is not major (an inquiry)', false, 'safety', 'none', true],
    ['a minor injury', false, null, 'minor', true],
    ['a plain function failure', false, 'function', 'none', false],
    ['no nature suggested', false, null, 'none', false],
  ];
  it.each(cases)('should be urgent=$4 when it is %s', (_, major, nature, injury, urgent) => {
    expect(isUrgentByDefault({ major, nature }, injury)).toBe(urgent);
  });
});
