export type SessionPolicy = {
  /** A session unused this long ends. */
  readonly idleMinutes: number;
  /** A session ends this long after login, however active. */
  readonly absoluteHours: number;
};

export type SessionTimes = {
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly revokedAt: Date | null;
};

export type SessionState = 'valid' | 'idle_expired' | 'expired' | 'revoked';

/** Decides whether a server-side session still authenticates (R-SEC-1, session expiry). */
export const decideSessionState = (session: SessionTimes, now: Date, policy: SessionPolicy): SessionState => {
  if (session.revokedAt) return 'revoked';
  if (now.getTime() >= session.createdAt.getTime() + policy.absoluteHours * 3_600_000) return 'expired';
  if (now.getTime() >= session.lastSeenAt.getTime() + policy.idleMinutes * 60_000) return 'idle_expired';
  return 'valid';
};

/** When a valid session will end if it stays idle from `lastSeenAt`. */
export const computeSessionExpiry = (session: SessionTimes, policy: SessionPolicy): Date =>
  new Date(
    Math.min(
      session.createdAt.getTime() + policy.absoluteHours * 3_600_000,
      session.lastSeenAt.getTime() + policy.idleMinutes * 60_000,
    ),
  );
