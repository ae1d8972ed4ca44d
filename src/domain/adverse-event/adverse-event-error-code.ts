/** Errors of adverse-event evaluation and reporting (R-AE-2). */
export const ADVERSE_EVENT_ERROR_CODES = [
  /** No adverse-event evaluation with that id (or its complaint is outside the actor's scope). */
  'ADVERSE_EVENT_NOT_FOUND',
  /** The evaluation has no decision row with that id. */
  'ADVERSE_EVENT_DECISION_NOT_FOUND',
  /** Closing the complaint while a reportability decision lacks its answer or rationale (R-AE-2). */
  'ADVERSE_EVENT_UNDECIDED',
  /** A decision that cannot be recorded: no rationale, a submission on a "not reportable" row, a submission time outside awareness…now. */
  'ADVERSE_EVENT_DECISION_INVALID',
  /** The report was submitted already: the decision cannot turn into "not reportable". */
  'ADVERSE_EVENT_ALREADY_SUBMITTED',
  /** No jurisdiction in force asks anything for this event type (adverse_event_policy). */
  'ADVERSE_EVENT_NOT_COVERED',
  /** The time of awareness lies in the future. */
  'ADVERSE_EVENT_AWARE_AT_INVALID',
] as const;

export type AdverseEventErrorCode = (typeof ADVERSE_EVENT_ERROR_CODES)[number];
