/** Errors of the investigation record of a complaint (DOMAIN §6, R-INV-1…4). */
export const INVESTIGATION_ERROR_CODES = [
  /** The complaint is not under investigation yet (before `investigating`) or is closed: the record cannot change. */
  'INVESTIGATION_NOT_EDITABLE',
  /** The investigation is filed: reopen it (with a reason) before changing it or filing again. */
  'INVESTIGATION_ALREADY_FILED',
  /** The investigation is a draft (or not started): there is nothing filed to reopen. */
  'INVESTIGATION_NOT_FILED',
  /** The record cannot be filed yet; `details.problems` lists each gap with its field path and rule (R-INV-1…4). */
  'INVESTIGATION_INCOMPLETE',
] as const;

export type InvestigationErrorCode = (typeof INVESTIGATION_ERROR_CODES)[number];
