import type { RuleHit } from '../shared/rule-hit';

/** R-ESC-1 chain, lowest first; index = escalation level. */
export const DEFAULT_ESCALATION_CHAIN: readonly string[] = [
  'assignee',
  'department_manager',
  'service_manager',
  'general_manager',
];

/** What the deadline sweep knows about one open (not met, not cancelled) clock. */
export type SweptClock = {
  readonly dueAt: Date;
  readonly warnAt: Date;
  readonly warnedAt: Date | null;
  readonly breachedAt: Date | null;
  /** Current level in the chain (0 = assignee). */
  readonly escalationLevel: number;
  /** The rule's `escalates` (default true); false records the breach without escalating or counting it. */
  readonly escalates?: boolean;
  /** A paused clock's due date moves with the pause, so it neither warns nor breaches while paused. */
  readonly paused?: boolean;
};

export type SweepAction =
  | { readonly action: 'none' }
  | { readonly action: 'warn'; readonly rules: readonly RuleHit[] }
  | {
      readonly action: 'breach';
      /** Role to hand the complaint to; null when the clock does not escalate. */
      readonly escalateTo: string | null;
      readonly newLevel: number;
      /** Counts as a late handling step against the department (R-KPI-2). */
      readonly countsAgainstDepartment: boolean;
      readonly rules: readonly RuleHit[];
    };

/**
 * Decides what the deadline sweep does with one open clock at `now` (R-ESC-1, R-KPI-2):
 * - past the due date (strictly after it) and not yet breached → breach: escalate exactly one level up the chain
 *   (assignee → department manager → service manager → GM); at the top it stays with the GM; counted against the
 *   department (R-KPI-2). Recorded once: a clock already breached gets `none` on every later sweep.
 * - at or past the warning time, not yet warned and not breached → warn the owner, once.
 * - a paused clock (waiting on the customer), or nothing due → none.
 * A sweep that first sees a clock already past due breaches without a separate warning.
 */
export const decideSweepAction = (
  clock: SweptClock,
  now: Date,
  chain: readonly string[] = DEFAULT_ESCALATION_CHAIN,
): SweepAction => {
  if (clock.paused || clock.breachedAt !== null) return { action: 'none' };
  const t = now.getTime();
  if (t > clock.dueAt.getTime()) {
    const escalates = clock.escalates ?? true;
    if (!escalates || chain.length === 0) {
      return {
        action: 'breach',
        escalateTo: null,
        newLevel: clock.escalationLevel,
        countsAgainstDepartment: false,
        rules: [{ rule: 'R-ESC-1', detail: 'deadline passed; this clock does not escalate' }],
      };
    }
    const top = chain.length - 1;
    const newLevel = Math.min(Math.max(clock.escalationLevel, 0) + 1, top);
    const escalateTo = chain[newLevel] ?? chain[top] ?? null;
    return {
      action: 'breach',
      escalateTo,
      newLevel,
      countsAgainstDepartment: true,
      rules: [
        { rule: 'R-ESC-1', detail: `deadline passed; escalated to ${escalateTo} (level ${newLevel})` },
        { rule: 'R-KPI-2', detail: 'late handling step counted against the department' },
      ],
    };
  }
  if (clock.warnedAt === null && t >= clock.warnAt.getTime()) {
    return { action: 'warn', rules: [{ rule: 'R-ESC-1', detail: 'deadline about to pass; owner warned' }] };
  }
  return { action: 'none' };
};
