/** Errors of the deadline domain: business calendars, holiday data and deadline policies. */
export const SLA_ERROR_CODES = [
  /** A business calendar (time zone, working hours, special days) is malformed; `problems` lists every fault. */
  'CALENDAR_INVALID',
  /** A holiday-cn year file is malformed; `problems` lists every fault. Nothing was imported. */
  'HOLIDAY_DATA_INVALID',
  /** A deadline policy edited by an administrator is malformed; `problems` lists every fault. */
  'DEADLINE_POLICY_INVALID',
] as const;

export type SlaErrorCode = (typeof SLA_ERROR_CODES)[number];

/** One fault in the input, with the path of the offending field (`rules[3].duration.minutes`). */
export type SlaProblem = { readonly path: string; readonly message: string };

export type SlaError = { readonly code: SlaErrorCode; readonly problems: readonly SlaProblem[] };
