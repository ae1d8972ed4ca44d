import { sessionRepo } from '../../db/repos/session.repo';
import { userRepo } from '../../db/repos/user.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { hashPassword, randomPassword } from '../secrets';

/**
 * Gives a user a new random password, shown once to the administrator; the user must change it at next login.
 * All of the user's sessions end, and any lockout is lifted.
 */
export const resetUserPassword = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  reason: string | null,
): Promise<{ temporaryPassword: string }> => {
  assertPermission(ctx.actor, 'user.manage');
  const temporaryPassword = randomPassword();
  const hash = await hashPassword(temporaryPassword);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const user = await userRepo.findByIdForUpdate(tx, id);
    if (!user) throw new AppError('USER_NOT_FOUND');
    await userRepo.setPassword(tx, id, hash, true, now);
    const ended = await sessionRepo.revokeAllForUser(tx, id, now);
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'user',
        entityId: id,
        action: 'user.password_reset',
        after: { sessionsEnded: ended },
        reason,
      },
    ]);
  });
  return { temporaryPassword };
};
