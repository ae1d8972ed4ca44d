import { describe, expect, it } from 'vitest';
import { decideLoginAttempt, type LoginState } from './decide-login-attempt';

const now = new Date('2026-05-01T02:00:00Z');
const policy = { maxFailedAttempts: 5, lockoutMinutes: 15 };
const fresh: LoginState = { status: 'active', failedLoginCount: 0, lockedUntil: null };

describe('decideLoginAttempt (R-SEC-1 lockout)', () => {
  it('should succeed and reset the failure count when the password matches', () => {
    const d = decideLoginAttempt({ ...fresh, failedLoginCount: 3 }, true, now, policy);
    expect(d.outcome).toBe('success');
    expect(d.next).toEqual({ failedLoginCount: 0, lockedUntil: null });
  });

  it('should count a failure when the password is wrong and the limit is not reached', () => {
    const d = decideLoginAttempt({ ...fresh, failedLoginCount: 3 }, false, now, policy);
    expect(d).toMatchObject({
      outcome: 'invalid_credentials',
      next: { failedLoginCount: 4, lockedUntil: null },
      lockedNow: false,
    });
  });

  it('should lock for the lockout period when the fifth consecutive failure happens', () => {
    const d = decideLoginAttempt({ ...fresh, failedLoginCount: 4 }, false, now, policy);
    expect(d.outcome).toBe('locked');
    expect(d.lockedNow).toBe(true);
    expect(d.next.lockedUntil?.toISOString()).toBe('2026-05-01T02:15:00.000Z');
    expect(d.rules.map((r) => r.rule)).toEqual(['R-SEC-1']);
  });

  it('should refuse even the right password when the account is locked, without extending the lock', () => {
    const lockedUntil = new Date('2026-05-01T02:10:00Z');
    const d = decideLoginAttempt({ ...fresh, lockedUntil }, true, now, policy);
    expect(d.outcome).toBe('locked');
    expect(d.next.lockedUntil).toBe(lockedUntil);
    expect(d.lockedNow).toBe(false);
  });

  it('should allow login again when the lock has run out', () => {
    const d = decideLoginAttempt(
      { ...fresh, lockedUntil: new Date('2026-05-01T02:00:00Z') },
      true,
      now,
      policy,
    );
    expect(d.outcome).toBe('success');
  });

  it('should never log in a disabled account, and reveal it is disabled only to the right password', () => {
    expect(decideLoginAttempt({ ...fresh, status: 'disabled' }, true, now, policy).outcome).toBe('disabled');
    const wrong = decideLoginAttempt({ ...fresh, status: 'disabled' }, false, now, policy);
    expect(wrong.outcome).toBe('invalid_credentials');
    expect(wrong.next.failedLoginCount).toBe(1);
    expect(
      decideLoginAttempt({ ...fresh, status: 'disabled', failedLoginCount: 4 }, false, now, policy).outcome,
    ).toBe('locked');
  });
});
