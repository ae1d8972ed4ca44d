import { describe, expect, it } from 'vitest';
import { computeSessionExpiry, decideSessionState } from './decide-session-state';

const policy = { idleMinutes: 120, absoluteHours: 12 };
const createdAt = new Date('2026-05-01T00:00:00Z');
const at = (iso: string) => new Date(iso);

describe('decideSessionState (R-SEC-1 session expiry)', () => {
  it.each([
    ['2026-05-01T01:59:59Z', '2026-05-01T00:00:00Z', 'valid'],
    ['2026-05-01T02:00:00Z', '2026-05-01T00:00:00Z', 'idle_expired'],
    ['2026-05-01T11:59:59Z', '2026-05-01T11:00:00Z', 'valid'],
    ['2026-05-01T12:00:00Z', '2026-05-01T11:59:00Z', 'expired'],
  ] as const)('should answer %s → %s when last seen at %s', (now, lastSeen, expected) => {
    expect(
      decideSessionState({ createdAt, lastSeenAt: at(lastSeen), revokedAt: null }, at(now), policy),
    ).toBe(expected);
  });

  it('should treat a revoked session as ended when it is used again', () => {
    expect(
      decideSessionState({ createdAt, lastSeenAt: createdAt, revokedAt: createdAt }, createdAt, policy),
    ).toBe('revoked');
  });

  it('should end at the earlier of the idle and absolute deadlines', () => {
    expect(
      computeSessionExpiry(
        { createdAt, lastSeenAt: at('2026-05-01T11:00:00Z'), revokedAt: null },
        policy,
      ).toISOString(),
    ).toBe('2026-05-01T12:00:00.000Z');
    expect(
      computeSessionExpiry({ createdAt, lastSeenAt: createdAt, revokedAt: null }, policy).toISOString(),
    ).toBe('2026-05-01T02:00:00.000Z');
  });
});
