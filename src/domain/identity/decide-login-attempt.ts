import type { RuleHit } from '../shared/rule-hit';

export type LoginPolicy = {
  /** Consecutive failures that lock the account. */
  readonly maxFailedAttempts: number;
  /** How long a lock lasts. */
  readonly lockoutMinutes: number;
};

export type LoginState = {
  readonly status: 'active' | 'disabled';
  readonly failedLoginCount: number;
  readonly lockedUntil: Date | null;
};

export type LoginOutcome = 'success' | 'invalid_credentials' | 'locked' | 'disabled';

export type LoginDecision = {
  readonly outcome: LoginOutcome;
  readonly next: { readonly failedLoginCount: number; readonly lockedUntil: Date | null };
  /** True when this attempt is the one that locked the account. */
  readonly lockedNow: boolean;
  readonly rules: readonly RuleHit[];
};

/**
 * Decides one login attempt for a known user (R-SEC-1, temporary lockout).
 * - A locked account answers `locked` until `lockedUntil`, even with the right password, and the attempt does
 *   not extend the lock (so a lock cannot be kept alive forever by an attacker).
 * - Each wrong password counts, for every account (disabled ones too, so they answer like any other);
 *   reaching `maxFailedAttempts` locks for `lockoutMinutes` and resets the count.
 * - A disabled account never logs in; it says so only to someone who gave its right password, so probing
 *   usernames with guesses learns nothing.
 * - A right password resets the count.
 */
export const decideLoginAttempt = (
  state: LoginState,
  passwordMatches: boolean,
  now: Date,
  policy: LoginPolicy,
): LoginDecision => {
  const unchanged = { failedLoginCount: state.failedLoginCount, lockedUntil: state.lockedUntil };
  if (state.lockedUntil && state.lockedUntil.getTime() > now.getTime()) {
    return {
      outcome: 'locked',
      next: unchanged,
      lockedNow: false,
      rules: [{ rule: 'R-SEC-1', detail: 'locked' }],
    };
  }
  if (!passwordMatches) {
    const failures = state.failedLoginCount + 1;
    if (failures >= policy.maxFailedAttempts) {
      const lockedUntil = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
      return {
        outcome: 'locked',
        next: { failedLoginCount: 0, lockedUntil },
        lockedNow: true,
        rules: [{ rule: 'R-SEC-1', detail: `lockout after ${failures} failures` }],
      };
    }
    return {
      outcome: 'invalid_credentials',
      next: { failedLoginCount: failures, lockedUntil: null },
      lockedNow: false,
      rules: [],
    };
  }
  if (state.status === 'disabled') {
    return {
      outcome: 'disabled',
      next: unchanged,
      lockedNow: false,
      rules: [{ rule: 'R-SEC-1', detail: 'disabled' }],
    };
  }
  return {
    outcome: 'success',
    next: { failedLoginCount: 0, lockedUntil: null },
    lockedNow: false,
    rules: [],
  };
};
