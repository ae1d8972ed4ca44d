export type PasswordViolation =
  'too_short' | 'too_long' | 'too_few_classes' | 'contains_username' | 'too_common';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON = new Set([
  'password',
  'password1',
  'password123',
  '12345678',
  '123456789',
  '1234567890',
  'qwertyuiop',
  'qwerty123',
  'admin123',
  'admin1234',
  'abc123456',
  'a123456789',
  '1qaz2wsx',
  '1qaz2wsx3edc',
  'woaini1314',
  'iloveyou1',
  'p@ssw0rd',
  'passw0rd',
  'abcd1234',
  'aa123456',
  '11111111',
  '00000000',
  '88888888',
  '66666666',
]);

/**
 * Checks a new password (R-SEC-1): 10–128 characters, at least two of letters / digits / other characters,
 * not containing the username, not a well-known weak password. Returns every violation, empty when fine.
 */
export const checkPasswordPolicy = (password: string, username: string): readonly PasswordViolation[] => {
  const violations: PasswordViolation[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) violations.push('too_short');
  if (length > PASSWORD_MAX_LENGTH) violations.push('too_long');
  const classes = [/\p{L}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((re) => re.test(password)).length;
  if (classes < 2) violations.push('too_few_classes');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    violations.push('contains_username');
  }
  if (COMMON.has(password.toLowerCase())) violations.push('too_common');
  return violations;
};
