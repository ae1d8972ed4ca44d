/** Errors of classification (R-CLS-1..6). */
export const CLASSIFICATION_ERROR_CODES = [
  /** The confirmed severity is not a class of the company's taxonomy; `details.allowed` lists the codes. */
  'SEVERITY_NOT_IN_TAXONOMY',
  /** The person unticked a major complaint that R-CLS-3 triggers made major, without saying why. */
  'MAJOR_REMOVAL_REASON_REQUIRED',
  /** An injury made the complaint major; correct the injury answer instead of unticking major. */
  'MAJOR_REMOVAL_FORBIDDEN',
] as const;

export type ClassificationErrorCode = (typeof CLASSIFICATION_ERROR_CODES)[number];
