import type { DurationSpec } from './compute-due-at';
import type { ClockCondition, ClockRule, ClockSubject } from './deadline-policy';

// Own keys only: a severity named like an Object.prototype member must not find one.
const own = (
  table: Readonly<Record<string, DurationSpec>> | undefined,
  key: string | null,
): DurationSpec | undefined => (table && key !== null && Object.hasOwn(table, key) ? table[key] : undefined);

const within = <T>(allowed: readonly T[] | undefined, value: T | null): boolean =>
  allowed === undefined || (value !== null && allowed.includes(value));

/**
 * Whether a clock's condition matches the complaint (R-SLA table "applies to"). All given fields must match;
 * `anyOf` needs one of its conditions. A field whose value is not known yet (severity or nature null) does not
 * match, so such a clock waits for a later start event (e.g. triage) rather than starting on a guess.
 */
export const isClockApplicable = (condition: ClockCondition | undefined, subject: ClockSubject): boolean => {
  if (!condition) return true;
  const c = condition;
  return (
    within(c.kinds, subject.kind) &&
    within(c.severities, subject.severity) &&
    within(c.natures, subject.nature) &&
    within(c.channels, subject.channel) &&
    within(c.injury, subject.injury) &&
    within(c.scopes, subject.scope) &&
    (c.major === undefined || c.major === subject.major) &&
    (c.receivedOutsideCustomerService === undefined ||
      c.receivedOutsideCustomerService === subject.receivedOutsideCustomerService) &&
    (c.anyOf === undefined || c.anyOf.some((alt) => isClockApplicable(alt, subject)))
  );
};

/**
 * The duration of a clock for this complaint (R-SLA-9 special: 7 working days; R-SLA-12 batch 48 h, special 72 h):
 * the severity override first, then the scope override, else the rule's duration.
 */
export const selectClockDuration = (rule: ClockRule, subject: ClockSubject): DurationSpec =>
  own(rule.durationBySeverity, subject.severity) ?? own(rule.durationByScope, subject.scope) ?? rule.duration;
