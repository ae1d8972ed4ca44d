import { computeSessionExpiry, decideSessionState } from '../../domain/identity/decide-session-state';
import type { UserActor } from '../../domain/identity/actor';
import { apiTokenRepo } from '../../db/repos/api-token.repo';
import { sessionRepo } from '../../db/repos/session.repo';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { sha256Hex } from '../secrets';
import { buildUserActor } from './build-user-actor';

export type SessionAuth = { readonly actor: UserActor; readonly csrfToken: string; readonly expiresAt: Date };

const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves a session cookie to its user (R-SEC-1). Idle and absolute expiry are decided by the domain; a valid
 * session's idle deadline slides forward, written at most once a minute so reads stay reads.
 */
export const authenticateSession = async (deps: Deps, token: string): Promise<SessionAuth> => {
  const id = sha256Hex(token);
  const found = await sessionRepo.findWithPrincipal(deps.db.reader(), id);
  if (!found) throw new AppError('UNAUTHENTICATED');
  const now = deps.clock.now();
  const state = decideSessionState(found.session, now, deps.config.session);
  if (state !== 'valid') throw new AppError('SESSION_EXPIRED', { reason: state });
  if (found.user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
  let expiresAt = found.session.expiresAt;
  if (now.getTime() - found.session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    expiresAt = computeSessionExpiry({ ...found.session, lastSeenAt: now }, deps.config.session);
    await deps.db.transaction((tx) => sessionRepo.touch(tx, id, now, expiresAt));
  }
  return {
    actor: buildUserActor(found, { kind: 'session', sessionId: id }),
    csrfToken: found.session.csrfToken,
    expiresAt,
  };
};

/** API tokens look like `clt_<8 hex>_<secret>`; the prefix is shown in lists, the whole token is only hashed. */
export const API_TOKEN_PATTERN = /^clt_[0-9a-f]{8}_[A-Za-z0-9_-]{32,64}$/;

/** Resolves a bearer API token to its owner, narrowed to the token's scopes (R-SEC-1). */
export const authenticateToken = async (deps: Deps, token: string): Promise<UserActor> => {
  if (!API_TOKEN_PATTERN.test(token)) throw new AppError('UNAUTHENTICATED');
  const found = await apiTokenRepo.findByHashWithPrincipal(deps.db.reader(), sha256Hex(token));
  const now = deps.clock.now();
  if (!found || found.token.revokedAt || (found.token.expiresAt && found.token.expiresAt <= now)) {
    throw new AppError('UNAUTHENTICATED');
  }
  if (found.user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
  if (!found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
    await deps.db.transaction((tx) => apiTokenRepo.touchLastUsed(tx, found.token.id, now));
  }
  // A token never carries the owner's "must change password" gate: systems cannot answer it.
  return {
    ...buildUserActor(found, { kind: 'token', tokenId: found.token.id }, found.token.scopes),
    mustChangePassword: false,
  };
};
