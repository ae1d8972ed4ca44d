import { err, ok, type Result } from '../shared/result';
import type { RuleHit } from '../shared/rule-hit';
import type { ReportDecision } from './adverse-event';

export type ReportDecisionInput = {
  readonly reportable: boolean;
  readonly rationale: string;
  readonly submissionRef?: string | null | undefined;
  readonly submittedAt?: Date | null | undefined;
};

export type ReportDecisionError =
  | {
      readonly code: 'ADVERSE_EVENT_DECISION_INVALID';
      readonly problem: 'rationale_required' | 'submission_not_reportable' | 'submitted_at_out_of_range';
      readonly rule: 'R-AE-2';
    }
  | {
      readonly code: 'ADVERSE_EVENT_ALREADY_SUBMITTED';
      readonly submittedAt: string;
      readonly rule: 'R-AE-2';
    };

export type ReportDecisionPatch = {
  readonly reportable: boolean;
  readonly rationale: string;
  readonly submissionRef: string | null;
  readonly submittedAt: Date | null;
  readonly decidedAt: Date;
  readonly rules: readonly RuleHit[];
};

const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * R-AE-2: records whether a report is due to a regulator and why. The rationale is required for both answers. A
 * submission (reference and time) belongs only to a reportable decision; the time lies between awareness and now. The
 * decision may be revised (the audit trail keeps each version) and a submission added later — but once a report was
 * submitted the decision cannot turn into "not reportable" (ADVERSE_EVENT_ALREADY_SUBMITTED); a submission already
 * recorded is kept when the revision does not name one. A decision or submission after the due time is marked late.
 */
export const decideReportDecision = (
  current: ReportDecision,
  input: ReportDecisionInput,
  ctx: { readonly now: Date; readonly awareAt: Date },
): Result<ReportDecisionPatch, ReportDecisionError> => {
  const invalid = (
    problem: Extract<ReportDecisionError, { code: 'ADVERSE_EVENT_DECISION_INVALID' }>['problem'],
  ) => err({ code: 'ADVERSE_EVENT_DECISION_INVALID' as const, problem, rule: 'R-AE-2' as const });
  const rationale = input.rationale.trim();
  if (rationale === '') return invalid('rationale_required');
  const namesSubmission = Boolean(input.submissionRef) || Boolean(input.submittedAt);
  if (!input.reportable && namesSubmission) return invalid('submission_not_reportable');
  if (!input.reportable && current.submittedAt)
    return err({
      code: 'ADVERSE_EVENT_ALREADY_SUBMITTED',
      submittedAt: current.submittedAt.toISOString(),
      rule: 'R-AE-2',
    });
  const submittedAt = input.submittedAt ?? (input.submissionRef ? ctx.now : current.submittedAt);
  if (
    submittedAt &&
    (submittedAt.getTime() > ctx.now.getTime() + CLOCK_SKEW_MS ||
      submittedAt.getTime() < ctx.awareAt.getTime())
  )
    return invalid('submitted_at_out_of_range');
  const submissionRef = input.submissionRef ?? current.submissionRef;
  const rules: RuleHit[] = [{ rule: 'R-AE-2', detail: input.reportable ? 'reportable' : 'not_reportable' }];
  if (ctx.now.getTime() > current.dueAt.getTime() && current.decidedAt === null)
    rules.push({ rule: 'R-AE-2', detail: 'decided_after_due' });
  if (submittedAt && submittedAt.getTime() > current.dueAt.getTime())
    rules.push({ rule: 'R-AE-2', detail: 'submitted_after_due' });
  return ok({
    reportable: input.reportable,
    rationale,
    submissionRef: input.reportable ? submissionRef : null,
    submittedAt: input.reportable ? submittedAt : null,
    decidedAt: ctx.now,
    rules,
  });
};
