/** Errors of the complaint loop: records, lifecycle, portal, calendar and policies. */
export const COMPLAINT_ERROR_CODES = [
  /** No complaint with that id or number (or not within the actor's scope). */
  'COMPLAINT_NOT_FOUND',
  /** The command is not allowed in the complaint's current state; `details.allowed` lists what is. */
  'ILLEGAL_TRANSITION',
  /** A transition's guard refused (missing field, same reviewer, four-eyes…); `details.guard` says which. */
  'TRANSITION_GUARD_FAILED',
  /** A custom field of the active preset is missing or has the wrong form. */
  'CUSTOM_FIELD_INVALID',
  /** A receivedAt in the future, or before the complaint could have happened. */
  'RECEIVED_AT_INVALID',
  /** The product, batch or customer named in the complaint does not exist. */
  'COMPLAINT_REFERENCE_NOT_FOUND',
  /** No suggested link between these complaints. */
  'COMPLAINT_LINK_NOT_FOUND',
  /** The portal could not find a complaint for that number and phone, or that token (same answer for both). */
  'PORTAL_COMPLAINT_NOT_FOUND',
  /** The portal action does not fit the complaint's state (e.g. no solution awaits an answer). */
  'PORTAL_ACTION_NOT_AVAILABLE',
  /** A policy value does not pass its validation; `details.problems` lists why. */
  'POLICY_INVALID',
  /** No policy with that key. */
  'POLICY_NOT_FOUND',
] as const;

export type ComplaintErrorCode = (typeof COMPLAINT_ERROR_CODES)[number];
