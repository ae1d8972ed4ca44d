import { decideLoginAttempt } from '../../domain/identity/decide-login-attempt';
import { computeSessionExpiry } from '../../domain/identity/decide-session-state';
import type { User } from '../../domain/identity/user';
import { rateLimitRepo } from '../../db/repos/rate-limit.repo';
import { sessionRepo } from '../../db/repos/session.repo';
import { userRepo } from '../../db/repos/user.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { hitRateLimit } from '../platform/hit-rate-limit';
import { burnPasswordCheck, randomToken, sha256Hex, verifyPassword } from '../secrets';

export type LogInInput = {
  readonly username: string;
  readonly password: string;
  readonly ip: string;
  readonly userAgent: string | null;
};

export type LogInResult = {
  readonly sessionToken: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
  readonly user: User;
};

/**
 * Logs a user in with username and password (R-SEC-1). Attempts are rate-limited per client address; wrong
 * passwords count towards a temporary lockout decided by the domain. Unknown users cost the same time as
 * known ones and get the same answer, so the answer does not reveal which usernames exist.
 * The counters commit even when the login fails; the error is raised after the transaction.
 */
export const logIn = async (deps: Deps, ctx: UseCaseContext, input: LogInInput): Promise<LogInResult> => {
  await hitRateLimit(deps, `login:ip:${input.ip}`, deps.config.login.ratePerMinute, 60);
  const now = deps.clock.now();
  const outcome = await deps.db.transaction(async (tx) => {
    const found = await userRepo.findCredentialsByUsername(tx, input.username);
    if (!found) {
      await burnPasswordCheck(input.password);
      // An unknown username gets exactly the answers a real account would (lockout included): its failure
      // count and lock live in a counter row and go through the same decision. ACCOUNT_LOCKED proves nothing.
      // Stored as count = failures and at = last failure, or count = -1 and at = end of the lock; housekeeping
      // drops records a day old.
      const key = `login:unknown:${input.username.toLowerCase()}`;
      const kept = await rateLimitRepo.findState(tx, key);
      const locked = kept?.count === -1;
      const decision = decideLoginAttempt(
        {
          status: 'active',
          failedLoginCount: locked ? 0 : (kept?.count ?? 0),
          lockedUntil: locked ? (kept?.at ?? null) : null,
        },
        false,
        now,
        deps.config.login,
      );
      const { lockedUntil } = decision.next;
      if (lockedUntil) await rateLimitRepo.saveState(tx, key, -1, lockedUntil);
      else await rateLimitRepo.saveState(tx, key, decision.next.failedLoginCount, now);
      return decision.outcome === 'locked'
        ? { kind: 'locked' as const, lockedUntil: decision.next.lockedUntil }
        : { kind: 'invalid_credentials' as const };
    }
    const matches = await verifyPassword(found.passwordHash, input.password);
    const decision = decideLoginAttempt(found.user, matches, now, deps.config.login);
    const user = found.user;
    const self = { userId: user.id, displayName: user.displayName };
    if (decision.outcome !== 'success') {
      if (decision.outcome === 'invalid_credentials' || decision.lockedNow) {
        await userRepo.setLoginState(tx, user.id, decision.next);
        await appendAudit(
          tx,
          ctx,
          now,
          [
            {
              entityType: 'user',
              entityId: user.id,
              action: decision.lockedNow ? 'user.locked' : 'user.login_failed',
              before: { failedLoginCount: user.failedLoginCount, lockedUntil: user.lockedUntil },
              after: { ...decision.next, ip: input.ip },
              reason: decision.rules.map((r) => `${r.rule} ${r.detail ?? ''}`.trim()).join('; ') || null,
            },
          ],
          self,
        );
      }
      return {
        kind: decision.outcome,
        lockedUntil: decision.lockedNow ? decision.next.lockedUntil : user.lockedUntil,
      };
    }
    await userRepo.setLoginState(tx, user.id, { ...decision.next, lastLoginAt: now });
    const sessionToken = randomToken(32);
    const csrfToken = randomToken(24);
    const expiresAt = computeSessionExpiry(
      { createdAt: now, lastSeenAt: now, revokedAt: null },
      deps.config.session,
    );
    await sessionRepo.insert(tx, {
      id: sha256Hex(sessionToken),
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      revokedAt: null,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
    });
    await appendAudit(
      tx,
      ctx,
      now,
      [{ entityType: 'user', entityId: user.id, action: 'user.logged_in', after: { ip: input.ip } }],
      self,
    );
    return { kind: 'success' as const, result: { sessionToken, csrfToken, expiresAt, user } };
  });
  switch (outcome.kind) {
    case 'success':
      return outcome.result;
    case 'locked':
      throw new AppError('ACCOUNT_LOCKED', { lockedUntil: outcome.lockedUntil?.toISOString() ?? null });
    case 'disabled':
      throw new AppError('ACCOUNT_DISABLED');
    case 'invalid_credentials':
      throw new AppError('INVALID_CREDENTIALS');
  }
};
