import { sessionRepo } from '../../db/repos/session.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';

/** Ends the caller's session server-side; the cookie alone is worthless afterwards. */
export const logOut = async (deps: Deps, ctx: UseCaseContext): Promise<void> => {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || actor.via.kind !== 'session') return;
  const now = deps.clock.now();
  const sessionId = actor.via.sessionId;
  await deps.db.transaction(async (tx) => {
    await sessionRepo.revoke(tx, sessionId, now);
    await appendAudit(tx, ctx, now, [
      { entityType: 'user', entityId: actor.userId, action: 'user.logged_out' },
    ]);
  });
};
