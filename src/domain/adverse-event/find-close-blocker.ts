import type { LifecycleCommandType } from '../complaint/lifecycle-types';
import type { RuleHit } from '../shared/rule-hit';
import { isDecided, type ReportDecision } from './adverse-event';

/**
 * The lifecycle commands that end a complaint's handling (transition-table.ts): `resolve` (→ resolved, then follow-up
 * and closure), `explain` (→ explained), `declare_not_valid` (→ not_valid), `record_follow_up` (→ closed or reopened).
 * `withdraw` is left out on purpose: the customer may always withdraw; the evaluation stays open and escalates on.
 */
export const CLOSING_COMMANDS = [
  'resolve',
  'explain',
  'declare_not_valid',
  'record_follow_up',
] as const satisfies readonly LifecycleCommandType[];

export const isClosingCommand = (type: string): boolean =>
  (CLOSING_COMMANDS as readonly string[]).includes(type);

export type CloseBlocker = {
  readonly code: 'ADVERSE_EVENT_UNDECIDED';
  readonly adverseEventId: string;
  readonly undecided: readonly {
    readonly decisionId: string;
    readonly jurisdiction: string;
    readonly reportKind: string;
    readonly dueAt: string;
  }[];
  readonly rules: readonly RuleHit[];
};

/**
 * R-AE-2: a complaint with an adverse-event evaluation cannot be closed while a decision lacks its answer — every
 * row needs `reportable` (yes or no) and a non-empty rationale. Returns what blocks (the open rows, by due time), or
 * undefined when the complaint may close. Submission is not required here: a report may be filed after closure.
 */
export const findCloseBlocker = (evaluation: {
  readonly id: string;
  readonly decisions: readonly Pick<
    ReportDecision,
    'id' | 'jurisdiction' | 'reportKind' | 'dueAt' | 'reportable' | 'rationale'
  >[];
}): CloseBlocker | undefined => {
  const open = evaluation.decisions
    .filter((d) => !isDecided(d))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  if (open.length === 0) return undefined;
  return {
    code: 'ADVERSE_EVENT_UNDECIDED',
    adverseEventId: evaluation.id,
    undecided: open.map((d) => ({
      decisionId: d.id,
      jurisdiction: d.jurisdiction,
      reportKind: d.reportKind,
      dueAt: d.dueAt.toISOString(),
    })),
    rules: [
      { rule: 'R-AE-2', detail: `${open.length} reportability decision(s) without answer and rationale` },
    ],
  };
};
