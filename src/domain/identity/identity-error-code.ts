/** Errors of identity and access: users, sessions, passwords, API tokens, departments. */
export const IDENTITY_ERROR_CODES = [
  /** Username or password is wrong. The answer never says which. */
  'INVALID_CREDENTIALS',
  /** Too many wrong passwords; the account is locked until `details.lockedUntil`. */
  'ACCOUNT_LOCKED',
  /** The account was disabled by an administrator. */
  'ACCOUNT_DISABLED',
  /** The user must change the initial or reset password before doing anything else. */
  'PASSWORD_CHANGE_REQUIRED',
  /** The new password breaks the policy; `details.violations` lists how. */
  'PASSWORD_POLICY_VIOLATION',
  /** The current password given for a password change or a signature is wrong. */
  'CURRENT_PASSWORD_WRONG',
  /** No user with that id (or not within the actor's department scope). */
  'USER_NOT_FOUND',
  /** Another user already has that username. */
  'USERNAME_TAKEN',
  /** The change would leave the company without an active administrator. */
  'LAST_ADMIN',
  /** No department with that id or code. */
  'DEPARTMENT_NOT_FOUND',
  /** Another department already has that code. */
  'DEPARTMENT_CODE_TAKEN',
  /** The department would become its own ancestor. */
  'DEPARTMENT_CYCLE',
  /** The department still has sub-departments or members. */
  'DEPARTMENT_NOT_EMPTY',
  /** A department import file has errors; `details.rows` lists them by line. Nothing was imported. */
  'DEPARTMENT_IMPORT_INVALID',
  /** No API token with that id (or not yours). */
  'TOKEN_NOT_FOUND',
  /** An API token may not carry permissions its owner does not have. */
  'TOKEN_SCOPE_EXCEEDS_GRANT',
] as const;

export type IdentityErrorCode = (typeof IDENTITY_ERROR_CODES)[number];
