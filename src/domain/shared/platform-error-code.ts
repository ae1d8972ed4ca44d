/** Errors of the API platform itself, shared by every module. */
export const PLATFORM_ERROR_CODES = [
  /** The request body, query or parameters break the contract; `details.issues` lists each field path. */
  'VALIDATION_FAILED',
  /** The body is not parseable JSON. */
  'MALFORMED_JSON',
  /** The body's Content-Type is not one the route accepts. */
  'UNSUPPORTED_MEDIA_TYPE',
  /** The body is larger than the configured limit. */
  'PAYLOAD_TOO_LARGE',
  /** No route matches the method and path. */
  'ROUTE_NOT_FOUND',
  /** No valid session or API token was presented. */
  'UNAUTHENTICATED',
  /** The session ended (idle or absolute timeout, logout, password change). */
  'SESSION_EXPIRED',
  /** The actor is authenticated but lacks the permission for this action. */
  'FORBIDDEN',
  /** A cookie-authenticated write came without the session's CSRF token, or from a foreign origin. */
  'CSRF_REJECTED',
  /** Too many requests from this client for this action; `details.retryAfterSeconds` says when to retry. */
  'RATE_LIMITED',
  /** The resource changed since the client read it (`If-Match` / `version` is stale). */
  'VERSION_CONFLICT',
  /** An update came without `If-Match` or `version`. */
  'PRECONDITION_REQUIRED',
  /** The `Idempotency-Key` was already used with a different request. */
  'IDEMPOTENCY_KEY_REUSED',
  /** The `Idempotency-Key` header is malformed. */
  'IDEMPOTENCY_KEY_INVALID',
  /** The cursor given for paging is not one this server issued. */
  'INVALID_CURSOR',
  /** The database is not reachable or not migrated. */
  'SERVICE_UNAVAILABLE',
  /** An unexpected server fault; the response hides its internals and names the request id. */
  'INTERNAL_ERROR',
] as const;

export type PlatformErrorCode = (typeof PLATFORM_ERROR_CODES)[number];
