/** Errors of evidence files: photos, videos and PDFs attached to a complaint (issue 3 §1, R-INT-7, R-MAL-2). */
export const EVIDENCE_ERROR_CODES = [
  /** No evidence with that id on that complaint (or the complaint is outside the caller's scope). */
  'EVIDENCE_NOT_FOUND',
  /** The evidence has no thumbnail: it is not an image, or its format cannot be previewed here (e.g. HEIC). */
  'EVIDENCE_THUMBNAIL_NOT_AVAILABLE',
  /** The file's content is not an allowed type (the name is ignored); `details.detected` says what it is. */
  'EVIDENCE_TYPE_NOT_ALLOWED',
  /** A file is larger than the configured limit for its kind; `details.maxBytes` is that limit. */
  'EVIDENCE_TOO_LARGE',
  /** More files in one request than the configured limit; `details.max` is that limit. */
  'EVIDENCE_TOO_MANY_FILES',
  /** The `Range` header asks for bytes outside the file. */
  'EVIDENCE_RANGE_NOT_SATISFIABLE',
] as const;

export type EvidenceErrorCode = (typeof EVIDENCE_ERROR_CODES)[number];
