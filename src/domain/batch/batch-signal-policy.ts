/**
 * The batch-signal policy in force (policy `batch_thresholds`, per preset; seed 004): the R-BAT-2 / R-BAT-3 rates
 * as shares of the units shipped (0.003 = 3‰), the R-BAT-4 regional concentration (N complaints of one batch and
 * mechanism in one region within a window of days), and what "long-standing repeated complaints" means for R-BAT-3
 * (at least N earlier complaints, the first of them at least so many days before).
 */
export type BatchSignalPolicy = {
  readonly abnormalityReportRate: number;
  readonly specialReportRate: number;
  readonly regionalCaseCount: number;
  readonly regionalWindowDays: number;
  readonly repeatedComplaintCount: number;
  readonly repeatedSpanDays: number;
};

export const DEFAULT_BATCH_SIGNAL_POLICY: BatchSignalPolicy = {
  abnormalityReportRate: 0.003,
  specialReportRate: 0.01,
  regionalCaseCount: 3,
  regionalWindowDays: 7,
  repeatedComplaintCount: 5,
  repeatedSpanDays: 90,
};

/** The policy with every optional field filled from the defaults (a stored value may carry only the two rates). */
export const resolveBatchSignalPolicy = (stored: unknown): BatchSignalPolicy => {
  const value = typeof stored === 'object' && stored !== null ? (stored as Partial<BatchSignalPolicy>) : {};
  const pick = <K extends keyof BatchSignalPolicy>(key: K): number =>
    typeof value[key] === 'number' ? value[key] : DEFAULT_BATCH_SIGNAL_POLICY[key];
  return {
    abnormalityReportRate: pick('abnormalityReportRate'),
    specialReportRate: pick('specialReportRate'),
    regionalCaseCount: pick('regionalCaseCount'),
    regionalWindowDays: pick('regionalWindowDays'),
    repeatedComplaintCount: pick('repeatedComplaintCount'),
    repeatedSpanDays: pick('repeatedSpanDays'),
  };
};
