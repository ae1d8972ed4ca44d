import type { ComplaintEventType } from '../complaint/complaint-status';
import { assertNever } from '../shared/assert-never';
import type { RuleHit } from '../shared/rule-hit';
import type { BusinessCalendar, CalendarProbe } from './business-calendar';
import {
  computeDueAt,
  computeWarnAt,
  extendDueAtByPauses,
  pauseMeasureOf,
  type DurationSpec,
  type PauseInterval,
} from './compute-due-at';
import {
  isTerminalEvent,
  TERMINAL_EVENT_STATUS,
  type ClockRule,
  type ClockSubject,
  type DeadlinePolicy,
} from './deadline-policy';
import { isClockApplicable, selectClockDuration } from './select-clock-duration';

export type { ClockSubject } from './deadline-policy';

/** A clock running on the complaint, as stored (one row per clock). */
export type OpenClock = {
  readonly kind: string;
  readonly startedAt: Date;
  readonly dueAt: Date;
  /** Every pause so far; the open one (if `paused`) has `to: null`. */
  readonly pauses: readonly PauseInterval[];
  readonly paused: boolean;
};

export type ClockEffectsInput = {
  readonly event: ComplaintEventType;
  readonly at: Date;
  readonly subject: ClockSubject;
  readonly openClocks: readonly OpenClock[];
  readonly policy: DeadlinePolicy;
  readonly calendar: BusinessCalendar;
  /** Due dates fixed outside the policy, by clock kind: the execution date agreed with the customer (R-RES-7). */
  readonly dueAtOverrides?: Readonly<Record<string, Date>>;
  /** Kinds that already ran to an end (met or cancelled) on this complaint: they do not start again. */
  readonly finishedKinds?: readonly string[];
  /** First time each event happened on this complaint, for rules that count from an earlier event (`countFrom`). */
  readonly eventTimes?: Readonly<Partial<Record<ComplaintEventType, Date>>>;
};

export type ClockStart = {
  readonly kind: string;
  readonly startedAt: Date;
  readonly dueAt: Date;
  readonly warnAt: Date;
  readonly opensAt: Date | null;
  readonly provisional: boolean;
  readonly rules: readonly RuleHit[];
};
export type ClockMet = {
  readonly kind: string;
  readonly metAt: Date;
  /** Met after the due date (pauses counted). */
  readonly late: boolean;
  /** Met before a window opened (R-SLA-14 follow-up before day 5). */
  readonly early: boolean;
};
export type ClockStamp = { readonly kind: string; readonly at: Date };
export type ClockResumed = {
  readonly kind: string;
  readonly at: Date;
  readonly dueAt: Date;
  readonly warnAt: Date;
  readonly provisional: boolean;
};

export type ClockEffects = {
  readonly start: readonly ClockStart[];
  readonly met: readonly ClockMet[];
  /** Ended by a terminal event that is not their stop event: not met, not late, not counted. */
  readonly cancelled: readonly ClockStamp[];
  readonly paused: readonly ClockStamp[];
  readonly resumed: readonly ClockResumed[];
  readonly rules: readonly RuleHit[];
};

const ruleIdOf = (rule: ClockRule | undefined, kind: string): string => rule?.rule ?? rule?.kind ?? kind;

const describeSpec = (spec: DurationSpec): string => {
  switch (spec.mode) {
    case 'wall':
      return `${spec.minutes} min`;
    case 'working':
      return `${spec.minutes} working min`;
    case 'working_days':
      return `${spec.days} working days`;
    case 'legal_days':
      return `${spec.days} days (民法典 art. 201/203)`;
    case 'window_days':
      return `day ${spec.fromDays}–${spec.toDays}`;
    default:
      return assertNever(spec);
  }
};

const ownDate = (table: Readonly<Record<string, Date>> | undefined, key: string): Date | undefined =>
  table && Object.hasOwn(table, key) ? table[key] : undefined;

/** The open pause closed at `at` — the part of waiting that has not yet moved the due date. */
const openPauseUntil = (clock: OpenClock, at: Date): PauseInterval[] =>
  clock.paused ? clock.pauses.filter((p) => p.to === null).map((p) => ({ from: p.from, to: at })) : [];

const startClock = (
  rule: ClockRule,
  input: ClockEffectsInput,
  startedAt: Date,
): { start: ClockStart; hits: RuleHit[] } => {
  const { at, event, subject, calendar } = input;
  const id = ruleIdOf(rule, rule.kind);
  const spec = selectClockDuration(rule, subject);
  const override = ownDate(input.dueAtOverrides, rule.kind);
  const hits: RuleHit[] = [];
  let due: { dueAt: Date; opensAt: Date | null; provisional: boolean };
  if (override) {
    due = { dueAt: override, opensAt: null, provisional: false };
    hits.push({ rule: id, detail: `started on ${event}; due ${override.toISOString()} (agreed date)` });
  } else {
    due = computeDueAt(startedAt, spec, calendar, [], at);
    hits.push({
      rule: id,
      detail: `started on ${event}; due ${due.dueAt.toISOString()} (${describeSpec(spec)})`,
    });
    if (rule.agreedDueAt) hits.push({ rule: id, detail: 'no agreed date given: default duration used' });
  }
  if (startedAt.getTime() !== at.getTime())
    hits.push({ rule: id, detail: `counted from ${rule.countFrom} at ${startedAt.toISOString()}` });
  if (due.provisional)
    hits.push({ rule: id, detail: 'calendar year without official holiday data: provisional' });
  if (due.dueAt.getTime() <= at.getTime()) hits.push({ rule: id, detail: 'already overdue when started' });
  return {
    start: {
      kind: rule.kind,
      startedAt,
      dueAt: due.dueAt,
      warnAt: computeWarnAt(startedAt, due.dueAt, rule.warnAtShare),
      opensAt: due.opensAt,
      provisional: due.provisional,
      rules: hits,
    },
    hits,
  };
};

/**
 * Decides what one complaint event does to the deadline clocks (DOMAIN §5, R-SLA-1…14, R-CLS-6, R-RES-7):
 * - An open clock whose rule lists the event in `stopOn` is met — even when the event is terminal (R-CLS-6 is met by
 *   `explained`); `late` compares with the due date including any pause still open.
 * - A terminal event (closed, explained, not valid, withdrawn, reopened) cancels every other open clock: cancelled
 *   clocks are neither met nor late and are not counted against anyone. Nothing starts on a terminal event.
 * - A `restartOn` event meets the running period and starts the next one (R-SLA-10 progress every 3 working days);
 *   if the old period was paused, the new one starts paused too.
 * - A rule whose `startOn` has the event starts its clock when it applies to the complaint, is not open already and
 *   has not run before (`finishedKinds`). `countFrom` dates it back to an earlier event (R-SLA-4, R-SLA-7, R-CLS-6);
 *   `dueAtOverrides` fixes the due date (R-RES-7's agreed date).
 * - `waiting_on_customer` pauses open clocks that pause while waiting; `customer_responded` resumes paused ones with
 *   the due date pushed back by the pause (wall or working time, per the clock's duration).
 * One event may stop some clocks and start others ('received' and 'registered' at the same instant are two calls).
 * Clocks of kinds missing from the policy are only cancelled or resumed (without extension), and say so.
 */
export const decideClockEffects = (input: ClockEffectsInput): ClockEffects => {
  const { event, at, policy, calendar, subject, openClocks } = input;
  const ruleByKind = new Map(policy.rules.map((r) => [r.kind, r]));
  const terminal = isTerminalEvent(event);
  const start: ClockStart[] = [];
  const met: ClockMet[] = [];
  const cancelled: ClockStamp[] = [];
  const paused: ClockStamp[] = [];
  const resumed: ClockResumed[] = [];
  const rules: RuleHit[] = [];

  for (const clock of openClocks) {
    const rule = ruleByKind.get(clock.kind);
    const id = ruleIdOf(rule, clock.kind);
    const stops = rule?.stopOn.includes(event) ?? false;
    const restarts = !stops && !terminal && (rule?.restartOn?.includes(event) ?? false);
    if (rule && (stops || restarts)) {
      const spec = selectClockDuration(rule, subject);
      const due = extendDueAtByPauses(
        clock.dueAt,
        clock.startedAt,
        pauseMeasureOf(spec),
        calendar,
        openPauseUntil(clock, at),
        at,
      );
      const late = at.getTime() > due.getTime();
      const opensAt =
        spec.mode === 'window_days' ? computeDueAt(clock.startedAt, spec, calendar, [], at).opensAt : null;
      met.push({
        kind: clock.kind,
        metAt: at,
        late,
        early: opensAt !== null && at.getTime() < opensAt.getTime(),
      });
      rules.push({ rule: id, detail: `met on ${event}${late ? ' late' : ''}` });
      if (restarts) {
        const next = startClock(rule, input, at);
        start.push(next.start);
        rules.push(...next.hits);
        if (clock.paused && rule.pausesWhileWaiting) {
          paused.push({ kind: clock.kind, at });
          rules.push({ rule: id, detail: 'next period paused: still waiting on the customer' });
        }
      }
    } else if (terminal) {
      cancelled.push({ kind: clock.kind, at });
      rules.push({ rule: id, detail: `cancelled: complaint ${TERMINAL_EVENT_STATUS[event]}` });
    } else if (event === 'waiting_on_customer' && rule?.pausesWhileWaiting && !clock.paused) {
      paused.push({ kind: clock.kind, at });
      rules.push({ rule: id, detail: 'paused while waiting on the customer' });
    } else if (event === 'customer_responded' && clock.paused) {
      const probe: CalendarProbe = { provisional: false };
      const measure = rule ? pauseMeasureOf(selectClockDuration(rule, subject)) : 'wall';
      const pause = rule ? openPauseUntil(clock, at) : [];
      const dueAt = extendDueAtByPauses(clock.dueAt, clock.startedAt, measure, calendar, pause, at, probe);
      const warnAt = computeWarnAt(clock.startedAt, dueAt, rule?.warnAtShare ?? 0.75);
      resumed.push({ kind: clock.kind, at, dueAt, warnAt, provisional: probe.provisional });
      rules.push({
        rule: id,
        detail: rule
          ? `resumed; due ${dueAt.toISOString()}`
          : `resumed; kind not in policy ${policy.name} v${policy.version}: due date unchanged`,
      });
    }
  }

  if (!terminal) {
    const open = new Set(openClocks.map((c) => c.kind));
    const finished = new Set(input.finishedKinds ?? []);
    for (const rule of policy.rules) {
      if (!rule.startOn.includes(event) || open.has(rule.kind) || finished.has(rule.kind)) continue;
      if (!isClockApplicable(rule.appliesTo, subject)) continue;
      const anchor = rule.countFrom ? input.eventTimes?.[rule.countFrom] : undefined;
      const startedAt = anchor && anchor.getTime() <= at.getTime() ? anchor : at;
      const next = startClock(rule, input, startedAt);
      start.push(next.start);
      rules.push(...next.hits);
      if (rule.countFrom && rule.countFrom !== event && !anchor)
        rules.push({
          rule: ruleIdOf(rule, rule.kind),
          detail: `time of ${rule.countFrom} not given: counted from ${event}`,
        });
    }
  }

  return { start, met, cancelled, paused, resumed, rules };
};
