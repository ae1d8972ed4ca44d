import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from './business-calendar';
import { computeDueAt } from './compute-due-at';
import {
  decideClockEffects,
  type ClockEffectsInput,
  type ClockSubject,
  type OpenClock,
} from './decide-clock-effects';
import { DEFAULT_DEADLINE_POLICY } from './deadline-policy';
import { holidayCalendarInput, parseHolidayCnYear } from './parse-holiday-cn-year';

const HOLIDAY_DIR = new URL('../../../resources/holiday-cn/', import.meta.url);
const years = [2025, 2026, 2027].map((y) => {
  const r = parseHolidayCnYear(JSON.parse(readFileSync(new URL(`${y}.json`, HOLIDAY_DIR), 'utf8')));
  if (!r.ok) throw new Error(`${y} must parse`);
  return r.value;
});
const built = createBusinessCalendar(holidayCalendarInput(years));
if (!built.ok) throw new Error('calendar must build');
const cn = built.value;
/** A wall-clock reading in China (UTC+8). */
const sh = (local: string): Date => new Date(`${local}+08:00`);

const subject: ClockSubject = {
  kind: 'complaint',
  severity: null,
  nature: null,
  major: false,
  channel: 'hotline',
  injury: 'none',
  scope: 'single_unit',
  receivedOutsideCustomerService: false,
};
const decide = (input: Partial<ClockEffectsInput> & Pick<ClockEffectsInput, 'event' | 'at'>) =>
  decideClockEffects({ subject, openClocks: [], policy: DEFAULT_DEADLINE_POLICY, calendar: cn, ...input });
const clock = (kind: string, startedAt: string, dueAt: string, pausedFrom?: string): OpenClock => ({
  kind,
  startedAt: sh(startedAt),
  dueAt: sh(dueAt),
  pauses: pausedFrom ? [{ from: sh(pausedFrom), to: null }] : [],
  paused: pausedFrom !== undefined,
});
const kinds = (list: readonly { kind: string }[]): string[] => list.map((c) => c.kind);
const REGISTERED_COMPLAINT = [
  'R-SLA-2',
  'R-SLA-5',
  'R-SLA-6.contact',
  'R-SLA-6.answer',
  'R-SLA-8',
  'R-SLA-9',
  'R-SLA-13',
];

describe('decideClockEffects — intake (R-SLA-1, R-SLA-2, R-SLA-5, R-SLA-6, R-SLA-8, R-SLA-9, R-SLA-13)', () => {
  it('should start the 30-minute hand-off clock when someone outside customer service receives it (R-SLA-1)', () => {
    const d = decide({
      event: 'received',
      at: sh('2026-03-02T10:00'),
      subject: { ...subject, receivedOutsideCustomerService: true },
    });
    expect(d.start).toEqual([
      expect.objectContaining({
        kind: 'R-SLA-1',
        startedAt: sh('2026-03-02T10:00'),
        dueAt: sh('2026-03-02T10:30'),
        warnAt: new Date(sh('2026-03-02T10:00').getTime() + 22.5 * 60_000),
        opensAt: null,
        provisional: false,
      }),
    ]);
    expect(d.rules.map((r) => r.rule)).toEqual(['R-SLA-1']);
  });

  it('should start no hand-off clock when customer service receives it on the portal (R-SLA-1)', () => {
    expect(
      decide({ event: 'received', at: sh('2026-03-02T10:00'), subject: { ...subject, channel: 'portal' } })
        .start,
    ).toEqual([]);
  });

  it('should meet the hand-off clock on time and start the registration clocks when both happen at one instant', () => {
    const at = sh('2026-03-02T10:00');
    const d = decide({
      event: 'registered',
      at,
      openClocks: [clock('R-SLA-1', '2026-03-02T10:00', '2026-03-02T10:30')],
    });
    expect(d.met).toEqual([{ kind: 'R-SLA-1', metAt: at, late: false, early: false }]);
    expect(kinds(d.start)).toEqual(REGISTERED_COMPLAINT);
    expect(d.start.find((s) => s.kind === 'R-SLA-2')?.dueAt).toEqual(sh('2026-03-02T10:10'));
    expect(d.start.find((s) => s.kind === 'R-SLA-6.answer')?.dueAt).toEqual(sh('2026-03-04T10:00'));
  });

  it('should mark the hand-off late when registration comes after 30 minutes (R-SLA-1)', () => {
    const d = decide({
      event: 'registered',
      at: sh('2026-03-02T10:40'),
      openClocks: [clock('R-SLA-1', '2026-03-02T10:00', '2026-03-02T10:30')],
    });
    expect(d.met).toEqual([{ kind: 'R-SLA-1', metAt: sh('2026-03-02T10:40'), late: true, early: false }]);
    expect(d.rules).toContainEqual({ rule: 'R-SLA-1', detail: 'met on registered late' });
  });

  it('should start only the acknowledgement clock when an inquiry is registered (R-SLA-5)', () => {
    const d = decide({
      event: 'registered',
      at: sh('2026-03-02T10:00'),
      subject: { ...subject, kind: 'inquiry' },
    });
    expect(kinds(d.start)).toEqual(['R-SLA-5']);
  });

  it('should give 3 working days over National Day when registered the Friday before at 16:00 (R-SLA-9)', () => {
    const d = decide({ event: 'registered', at: sh('2025-09-26T16:00') });
    expect(d.start.find((s) => s.kind === 'R-SLA-9')?.dueAt).toEqual(sh('2025-09-30T16:00'));
    expect(d.start.find((s) => s.kind === 'R-SLA-13')?.dueAt).toEqual(sh('2025-09-28T16:00'));
  });

  it('should give 7 working days when the severity is special (R-SLA-9 special)', () => {
    const d = decide({
      event: 'registered',
      at: sh('2025-09-26T16:00'),
      subject: { ...subject, severity: 'special' },
    });
    expect(d.start.find((s) => s.kind === 'R-SLA-9')?.dueAt).toEqual(sh('2025-10-13T16:00'));
  });

  it('should flag the start provisional when the deadline runs into a year without data (R-SLA-9)', () => {
    const d = decide({ event: 'registered', at: sh('2026-12-30T10:00') });
    const r9 = d.start.find((s) => s.kind === 'R-SLA-9');
    expect(r9).toMatchObject({ dueAt: sh('2027-01-04T10:00'), provisional: true });
    expect(r9?.rules).toContainEqual({
      rule: 'R-SLA-9',
      detail: 'calendar year without official holiday data: provisional',
    });
  });
});

describe('decideClockEffects — classes known at triage (R-SLA-4, R-SLA-7, R-CLS-6)', () => {
  it('should start the 2-hour emergency clock when a serious injury is registered (R-SLA-4)', () => {
    const d = decide({
      event: 'registered',
      at: sh('2026-03-02T10:00'),
      subject: { ...subject, injury: 'serious' },
    });
    expect(d.start.find((s) => s.kind === 'R-SLA-4')?.dueAt).toEqual(sh('2026-03-02T12:00'));
  });

  it('should count the emergency clock from registration when safety is recognised at triage (R-SLA-4)', () => {
    const d = decide({
      event: 'triaged',
      at: sh('2026-03-02T11:00'),
      subject: { ...subject, nature: 'safety' },
      eventTimes: { registered: sh('2026-03-02T10:00') },
    });
    expect(d.start).toEqual([
      expect.objectContaining({
        kind: 'R-SLA-4',
        startedAt: sh('2026-03-02T10:00'),
        dueAt: sh('2026-03-02T12:00'),
      }),
    ]);
    expect(d.rules).toContainEqual({
      rule: 'R-SLA-4',
      detail: 'counted from registered at 2026-03-02T02:00:00.000Z',
    });
  });

  it('should count from triage and say so when the registration time is not given (R-SLA-4)', () => {
    const d = decide({
      event: 'triaged',
      at: sh('2026-03-02T11:00'),
      subject: { ...subject, nature: 'safety' },
    });
    expect(d.start).toEqual([
      expect.objectContaining({ kind: 'R-SLA-4', startedAt: sh('2026-03-02T11:00') }),
    ]);
    expect(d.rules).toContainEqual({
      rule: 'R-SLA-4',
      detail: 'time of registered not given: counted from triaged',
    });
  });

  it('should not start a clock twice when it is open or already finished (R-SLA-4)', () => {
    const input = {
      event: 'triaged' as const,
      at: sh('2026-03-02T11:00'),
      subject: { ...subject, nature: 'safety' as const },
    };
    expect(decide({ ...input, finishedKinds: ['R-SLA-4'] }).start).toEqual([]);
    expect(
      decide({ ...input, openClocks: [clock('R-SLA-4', '2026-03-02T10:00', '2026-03-02T12:00')] }).start,
    ).toEqual([]);
  });

  it('should count the report clock from receipt when the serious class is set at triage (R-SLA-7)', () => {
    const d = decide({
      event: 'triaged',
      at: sh('2026-03-03T09:00'),
      subject: { ...subject, severity: 'serious' },
      eventTimes: { received: sh('2026-03-02T10:00'), registered: sh('2026-03-02T10:05') },
    });
    expect(d.start).toEqual([
      expect.objectContaining({
        kind: 'R-SLA-7',
        startedAt: sh('2026-03-02T10:00'),
        dueAt: sh('2026-03-05T10:00'),
      }),
    ]);
  });

  it('should start the report clock at receipt when the complaint is a batch from the start (R-SLA-7)', () => {
    const d = decide({
      event: 'received',
      at: sh('2026-03-02T10:00'),
      subject: { ...subject, scope: 'batch' },
    });
    expect(kinds(d.start)).toEqual(['R-SLA-7']);
  });

  it('should start the 24-hour explanation clock from registration when misuse is found at triage (R-CLS-6)', () => {
    const d = decide({
      event: 'triaged',
      at: sh('2026-03-02T15:00'),
      subject: { ...subject, nature: 'misuse' },
      eventTimes: { registered: sh('2026-03-02T10:00') },
    });
    expect(d.start).toEqual([expect.objectContaining({ kind: 'R-CLS-6', dueAt: sh('2026-03-03T10:00') })]);
  });
});

describe('decideClockEffects — stopping, restarting and cancelling (R-SLA-3, R-SLA-10, R-SLA-14)', () => {
  it('should meet every clock the event stops and tell which were late (R-SLA-3, R-SLA-6)', () => {
    const d = decide({
      event: 'contacted',
      at: sh('2026-03-02T13:00'),
      openClocks: [
        clock('R-SLA-3', '2026-03-02T10:30', '2026-03-02T12:30'),
        clock('R-SLA-6.contact', '2026-03-02T10:00', '2026-03-03T10:00'),
        clock('R-SLA-9', '2026-03-02T10:00', '2026-03-05T10:00'),
      ],
    });
    expect(d.met).toEqual([
      { kind: 'R-SLA-3', metAt: sh('2026-03-02T13:00'), late: true, early: false },
      { kind: 'R-SLA-6.contact', metAt: sh('2026-03-02T13:00'), late: false, early: false },
    ]);
    expect(d.rules.map((r) => r.rule)).toEqual(['R-SLA-3', 'R-SLA-6']);
  });

  it('should meet the running period and start the next one when a progress note is made (R-SLA-10)', () => {
    const d = decide({
      event: 'progress_noted',
      at: sh('2026-03-04T15:00'),
      openClocks: [clock('R-SLA-10', '2026-03-02T10:00', '2026-03-05T10:00')],
    });
    expect(d.met).toEqual([{ kind: 'R-SLA-10', metAt: sh('2026-03-04T15:00'), late: false, early: false }]);
    expect(d.start).toEqual([
      expect.objectContaining({
        kind: 'R-SLA-10',
        startedAt: sh('2026-03-04T15:00'),
        dueAt: sh('2026-03-09T15:00'),
      }),
    ]);
    expect(d.paused).toEqual([]);
  });

  it('should start the next progress period paused when the old one was paused (R-SLA-10)', () => {
    const d = decide({
      event: 'progress_noted',
      at: sh('2026-03-04T15:00'),
      openClocks: [clock('R-SLA-10', '2026-03-02T10:00', '2026-03-05T10:00', '2026-03-04T09:00')],
    });
    expect(kinds(d.start)).toEqual(['R-SLA-10']);
    expect(d.paused).toEqual([{ kind: 'R-SLA-10', at: sh('2026-03-04T15:00') }]);
  });

  it('should meet resolution clocks and open the day 5–7 follow-up window when resolved (R-SLA-9, R-SLA-14)', () => {
    const at = sh('2025-09-19T15:00');
    const d = decide({
      event: 'resolved',
      at,
      openClocks: [
        clock('R-SLA-9', '2025-09-17T10:00', '2025-09-22T10:00'),
        clock('R-SLA-10', '2025-09-17T10:00', '2025-09-22T10:00'),
        clock('R-SLA-6.answer', '2025-09-17T10:00', '2025-09-19T10:00'),
      ],
    });
    expect(d.met.map((m) => [m.kind, m.late])).toEqual([
      ['R-SLA-9', false],
      ['R-SLA-10', false],
      ['R-SLA-6.answer', true],
    ]);
    expect(d.start).toEqual([
      expect.objectContaining({
        kind: 'R-SLA-14',
        opensAt: sh('2025-09-24T00:00'),
        dueAt: sh('2025-09-27T00:00'),
      }),
    ]);
  });

  it.each([
    ['before the window opens', '2025-09-23T16:00', false, true],
    ['inside the window', '2025-09-25T16:00', false, false],
    ['after the window', '2025-09-27T09:00', true, false],
  ])('should tell early or late when the follow-up is recorded %s (R-SLA-14)', (_name, at, late, early) => {
    const d = decide({
      event: 'follow_up_recorded',
      at: sh(at),
      openClocks: [clock('R-SLA-14', '2025-09-19T15:00', '2025-09-27T00:00')],
    });
    expect(d.met).toEqual([{ kind: 'R-SLA-14', metAt: sh(at), late, early }]);
  });

  it('should cancel every open clock and start none when the complaint is withdrawn (terminal)', () => {
    const d = decide({
      event: 'withdrawn',
      at: sh('2026-03-03T10:00'),
      openClocks: [
        clock('R-SLA-9', '2026-03-02T10:00', '2026-03-05T10:00'),
        clock('R-OLD-1', '2026-03-02T10:00', '2026-03-02T11:00'),
      ],
    });
    expect(d.cancelled).toEqual([
      { kind: 'R-SLA-9', at: sh('2026-03-03T10:00') },
      { kind: 'R-OLD-1', at: sh('2026-03-03T10:00') },
    ]);
    expect(d.met).toEqual([]);
    expect(d.start).toEqual([]);
    expect(d.rules).toContainEqual({ rule: 'R-SLA-9', detail: 'cancelled: complaint withdrawn' });
  });

  it('should meet the clocks explained stops and cancel the rest when a misuse case is explained (R-CLS-6)', () => {
    const d = decide({
      event: 'explained',
      at: sh('2026-03-02T16:00'),
      openClocks: [
        clock('R-CLS-6', '2026-03-02T10:00', '2026-03-03T10:00'),
        clock('R-SLA-6.answer', '2026-03-02T10:00', '2026-03-04T10:00'),
        clock('R-SLA-9', '2026-03-02T10:00', '2026-03-05T10:00'),
      ],
    });
    expect(kinds(d.met)).toEqual(['R-CLS-6', 'R-SLA-6.answer']);
    expect(kinds(d.cancelled)).toEqual(['R-SLA-9']);
  });

  it('should leave a clock of a kind missing from the policy alone when a non-terminal event comes', () => {
    const d = decide({
      event: 'contacted',
      at: sh('2026-03-02T12:00'),
      openClocks: [clock('R-OLD-1', '2026-03-02T10:00', '2026-03-02T11:00')],
    });
    expect(d).toEqual({ start: [], met: [], cancelled: [], paused: [], resumed: [], rules: [] });
  });
});

describe('decideClockEffects — waiting on the customer (R-SLA pauses)', () => {
  it('should pause only the clocks that pause while waiting when waiting starts', () => {
    const d = decide({
      event: 'waiting_on_customer',
      at: sh('2026-03-03T17:00'),
      openClocks: [
        clock('R-SLA-9', '2026-03-02T10:00', '2026-03-05T10:00'),
        clock('R-SLA-5', '2026-03-02T10:00', '2026-03-03T10:00'),
        clock('R-SLA-8', '2026-03-02T10:00', '2026-03-05T10:00', '2026-03-03T09:00'),
      ],
    });
    expect(d.paused).toEqual([{ kind: 'R-SLA-9', at: sh('2026-03-03T17:00') }]);
  });

  it('should push working clocks back by working time and wall clocks by wall time when the customer responds', () => {
    const at = sh('2026-03-04T09:00');
    const r9 = clock('R-SLA-9', '2026-03-02T10:00', '2026-03-05T10:00', '2026-03-03T17:00');
    const r8 = clock('R-SLA-8', '2026-03-02T10:00', '2026-03-05T10:00', '2026-03-03T17:00');
    const d = decide({ event: 'customer_responded', at, openClocks: [r9, r8] });
    expect(d.resumed).toEqual([
      {
        kind: 'R-SLA-9',
        at,
        dueAt: sh('2026-03-05T11:00'),
        warnAt: sh('2026-03-04T16:45'),
        provisional: false,
      },
      {
        kind: 'R-SLA-8',
        at,
        dueAt: sh('2026-03-06T02:00'),
        warnAt: sh('2026-03-05T04:00'),
        provisional: false,
      },
    ]);
    const closed = [{ from: sh('2026-03-03T17:00'), to: at }];
    expect(computeDueAt(r9.startedAt, { mode: 'working_days', days: 3 }, cn, closed, at).dueAt).toEqual(
      d.resumed[0]?.dueAt,
    );
  });

  it('should not call a clock late when it is met while paused and the pause covers the overrun', () => {
    const d = decide({
      event: 'sent_to_customer',
      at: sh('2026-03-04T12:00'),
      openClocks: [clock('R-SLA-6.answer', '2026-03-02T10:00', '2026-03-04T10:00', '2026-03-03T10:00')],
    });
    expect(d.met).toEqual([
      { kind: 'R-SLA-6.answer', metAt: sh('2026-03-04T12:00'), late: false, early: false },
    ]);
  });
});

describe('decideClockEffects — agreed dates and returned units (R-RES-7, R-SLA-12)', () => {
  it('should take the execution date agreed with the customer when one is given (R-RES-7)', () => {
    const d = decide({
      event: 'customer_accepted',
      at: sh('2026-03-02T10:00'),
      dueAtOverrides: { 'R-RES-7': sh('2026-03-20T18:00') },
    });
    expect(d.start).toEqual([expect.objectContaining({ kind: 'R-RES-7', dueAt: sh('2026-03-20T18:00') })]);
    expect(d.rules).toEqual([
      { rule: 'R-RES-7', detail: 'started on customer_accepted; due 2026-03-20T10:00:00.000Z (agreed date)' },
    ]);
  });

  it('should fall back to 7 working days and say so when no agreed date is given (R-RES-7)', () => {
    const d = decide({ event: 'customer_accepted', at: sh('2026-03-02T10:00') });
    expect(d.start[0]?.dueAt).toEqual(sh('2026-03-11T10:00'));
    expect(d.rules).toContainEqual({
      rule: 'R-RES-7',
      detail: 'no agreed date given: default duration used',
    });
  });

  it.each([
    ['an individual unit', { scope: 'single_unit' as const, severity: null }, '2026-03-03T10:00'],
    ['a batch problem', { scope: 'batch' as const, severity: null }, '2026-03-04T10:00'],
    ['a special case, even in a batch', { scope: 'batch' as const, severity: 'special' }, '2026-03-05T10:00'],
  ])('should give the returned-unit analysis its time when it is %s (R-SLA-12)', (_name, over, due) => {
    const d = decide({
      event: 'unit_received',
      at: sh('2026-03-02T10:00'),
      subject: { ...subject, ...over },
    });
    expect(d.start).toEqual([expect.objectContaining({ kind: 'R-SLA-12', dueAt: sh(due) })]);
  });
});
