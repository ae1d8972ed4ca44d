/** Errors of corrective and preventive action: CAPA actions, 8D reports, nonconformity disposals (R-CAPA, R-ESC-3). */
export const CAPA_ERROR_CODES = [
  /** No CAPA action with that id (or its owner is outside the actor's departments). */
  'CAPA_ACTION_NOT_FOUND',
  /** The source named by `sourceType` + `sourceId` does not exist (complaints answer COMPLAINT_NOT_FOUND). */
  'CAPA_SOURCE_NOT_FOUND',
  /** The action is not in a status that allows this step; `details.status` says where it is. */
  'CAPA_ILLEGAL_TRANSITION',
  /** A preventive action counts only once the general manager has approved it (R-CAPA-4). */
  'CAPA_APPROVAL_REQUIRED',
  /** The due date lies before today: an action is planned forward (R-CAPA-1). */
  'CAPA_DUE_INVALID',
  /**
   * `effectiveFrom` cannot be used: the same problem already recurred on a batch produced on or after it (R-CAPA-3),
   * or it lies more than a year ahead; `details.problem` says which.
   */
  'CAPA_EFFECTIVE_FROM_INVALID',
  /** An action without product and failure mechanism cannot be checked on field data: the verifier must write the evidence. */
  'CAPA_VERIFICATION_NOTE_REQUIRED',
  /** No 8D report with that id. */
  'EIGHT_D_NOT_FOUND',
  /** The 8D report is closed: its sections are final. */
  'EIGHT_D_CLOSED',
  /** The 8D report cannot close: `details.sections` lists each incomplete section D1–D8 and its missing fields (R-CAPA-2). */
  'EIGHT_D_INCOMPLETE',
  /** No nonconformity disposal with that id. */
  'DISPOSAL_NOT_FOUND',
  /** The disposal is not in a status that allows this step; `details.status` says where it is (R-ESC-3). */
  'DISPOSAL_ILLEGAL_TRANSITION',
  /** The one-week objection window has ended; `details.objectionUntil` says when (R-ESC-3). */
  'DISPOSAL_OBJECTION_WINDOW_CLOSED',
  /** The chief engineer has not approved the decision yet: it is not published and takes no objection (R-ESC-3). */
  'DISPOSAL_APPROVAL_REQUIRED',
  'DISPOSAL_SELF_APPROVAL',
] as const;

export type CapaErrorCode = (typeof CAPA_ERROR_CODES)[number];
