import type { Injury } from '../complaint/complaint-vocabulary';
import type { RuleHit } from '../shared/rule-hit';
import type { ClassificationSuggestion } from './suggest-classification';

export type AfterHoursInput = {
  readonly receivedAt: Date;
  /** The receiver's judgement (R-INT-5), defaulted from `isUrgentByDefault`. */
  readonly urgent: boolean;
  /** From the business calendar (working day and within its hours), computed by the caller. */
  readonly withinBusinessHours: boolean;
  /** From the business calendar: when work next resumes after `receivedAt`. */
  readonly nextBusinessStart: Date;
};

export type AfterHoursHandling = 'normal' | 'notify_on_call_now' | 'next_working_day';

export type AfterHoursDecision = {
  readonly handling: AfterHoursHandling;
  /** When the handling clocks start: the receipt time, or the next business start for the non-urgent case. */
  readonly processFrom: Date;
  readonly reasons: readonly RuleHit[];
};

/**
 * Decides how a complaint received outside business hours is handled (R-INT-5, seed 004: 放假、下班、周末接到投诉).
 * - Within business hours: the normal process, from `receivedAt` (no rule fires).
 * - After hours and urgent: the on-call leader is notified now and the clocks run from `receivedAt`; the form
 *   may be completed when work resumes (待上班后补派反馈单).
 * - After hours and not urgent: the normal process from the next working day, `processFrom = nextBusinessStart`.
 *   A `nextBusinessStart` before `receivedAt` (a caller error) never moves the start into the past.
 */
export const decideAfterHoursHandling = (input: AfterHoursInput): AfterHoursDecision => {
  if (input.withinBusinessHours) return { handling: 'normal', processFrom: input.receivedAt, reasons: [] };
  if (input.urgent) {
    return {
      handling: 'notify_on_call_now',
      processFrom: input.receivedAt,
      reasons: [{ rule: 'R-INT-5', detail: 'after hours, urgent: notify the on-call leader now' }],
    };
  }
  const start = Math.max(input.receivedAt.getTime(), input.nextBusinessStart.getTime());
  return {
    handling: 'next_working_day',
    processFrom: new Date(start),
    reasons: [{ rule: 'R-INT-5', detail: 'after hours, not urgent: normal process next working day' }],
  };
};

/**
 * The default answer to "is it urgent?" that the receiver confirms (R-INT-5): a suggested major complaint
 * (R-CLS-3), a safety nature (seed 000: 紧急问题如安全风险, 2 h), or any injury. Everything else can wait
 * for the next working day.
 */
export const isUrgentByDefault = (
  suggestion: Pick<ClassificationSuggestion, 'major' | 'nature'>,
  injury: Injury,
): boolean => suggestion.major || suggestion.nature === 'safety' || injury !== 'none';
