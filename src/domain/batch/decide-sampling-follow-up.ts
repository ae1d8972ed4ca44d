import { err, ok, type Result } from '../shared/result';
import type { RuleHit } from '../shared/rule-hit';
import type { BatchCaseRefusal } from './batch-case-workflow';

/** A regulator sampling's result: still awaiting the report, conforming 合格, nonconforming 不合格. */
export const SAMPLING_RESULTS = ['pending', 'conforming', 'nonconforming'] as const;
export type SamplingResult = (typeof SAMPLING_RESULTS)[number];

export type SamplingFacts = {
  readonly representative: boolean;
  readonly retestRequestedAt: Date | null;
  readonly originalReportToQualityAt: Date | null;
};

/**
 * R-BAT-6 (seed 002 §8.3): a re-test is asked of the agency only when the sample taken did not represent normal
 * product (e.g. a damaged pack), with the reason; once per sampling.
 */
export const decideRetestRequest = (facts: SamplingFacts): Result<RuleHit[], BatchCaseRefusal> => {
  if (facts.representative)
    return err({ code: 'RETEST_NOT_ALLOWED', details: { reason: 'sample_representative', rule: 'R-BAT-6' } });
  if (facts.retestRequestedAt)
    return err({
      code: 'RETEST_NOT_ALLOWED',
      details: { reason: 'already_requested', requestedAt: facts.retestRequestedAt.toISOString() },
    });
  return ok([{ rule: 'R-BAT-6', detail: 'retest_requested_not_representative' }]);
};

/** R-BAT-6 (seed 002 §8.5): the agency's original report goes to the quality department, recorded once. */
export const decideOriginalReportHandover = (facts: SamplingFacts): Result<RuleHit[], BatchCaseRefusal> =>
  facts.originalReportToQualityAt
    ? err({
        code: 'ORIGINAL_REPORT_ALREADY_RECORDED',
        details: { at: facts.originalReportToQualityAt.toISOString() },
      })
    : ok([{ rule: 'R-BAT-6', detail: 'original_report_to_quality' }]);
