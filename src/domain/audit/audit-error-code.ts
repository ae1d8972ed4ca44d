/** Errors of the audit trail and the background machinery (jobs, outbox). */
export const OPERATIONS_ERROR_CODES = [
  /** No outbox event with that id. */
  'OUTBOX_EVENT_NOT_FOUND',
  /** Only a dead-lettered event can be retried by hand. */
  'OUTBOX_EVENT_NOT_DEAD',
  /** No job with that id. */
  'JOB_NOT_FOUND',
  /** Only a dead job can be retried by hand. */
  'JOB_NOT_DEAD',
  /** No seed preset with that name. */
  'PRESET_NOT_FOUND',
] as const;

export type OperationsErrorCode = (typeof OPERATIONS_ERROR_CODES)[number];
