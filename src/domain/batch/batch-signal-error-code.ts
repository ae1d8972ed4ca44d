/** Errors of batch signals and their quality reports (R-BAT-1…4, R-SLA-7). */
export const BATCH_SIGNAL_ERROR_CODES = [
  /** No quality report with that id. */
  'QUALITY_REPORT_NOT_FOUND',
  /** The report was issued already: an issued report is a record and does not change (R-SLA-7). */
  'QUALITY_REPORT_ALREADY_ISSUED',
] as const;

export type BatchSignalErrorCode = (typeof BATCH_SIGNAL_ERROR_CODES)[number];
