import type { User } from '../../domain/identity/user';
import { userRepo } from '../../db/repos/user.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';

/** Lifts a temporary lockout before it runs out (admin), e.g. after confirming the user's identity by phone. */
export const unlockUser = async (deps: Deps, ctx: UseCaseContext, id: string): Promise<User> => {
  assertPermission(ctx.actor, 'user.manage');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const user = await userRepo.findByIdForUpdate(tx, id);
    if (!user) throw new AppError('USER_NOT_FOUND');
    await userRepo.setLoginState(tx, id, { failedLoginCount: 0, lockedUntil: null });
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'user',
        entityId: id,
        action: 'user.unlocked',
        before: { failedLoginCount: user.failedLoginCount, lockedUntil: user.lockedUntil },
        after: { failedLoginCount: 0, lockedUntil: null },
      },
    ]);
    return { ...user, failedLoginCount: 0, lockedUntil: null };
  });
};
