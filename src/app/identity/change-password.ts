import { checkPasswordPolicy } from '../../domain/identity/check-password-policy';
import { sessionRepo } from '../../db/repos/session.repo';
import { userRepo } from '../../db/repos/user.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { hashPassword, verifyPassword } from '../secrets';

/**
 * Changes the caller's own password after re-checking the current one (R-SEC-1). Every other session of the
 * user ends; the current one stays, so the user is not thrown out of the console.
 */
export const changePassword = async (
  deps: Deps,
  ctx: UseCaseContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> => {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  const violations = checkPasswordPolicy(input.newPassword, actor.username);
  if (violations.length > 0) throw new AppError('PASSWORD_POLICY_VIOLATION', { violations, rule: 'R-SEC-1' });
  if (input.newPassword === input.currentPassword) {
    throw new AppError('PASSWORD_POLICY_VIOLATION', { violations: ['same_as_current'], rule: 'R-SEC-1' });
  }
  const currentHash = await userRepo.findPasswordHash(deps.db.reader(), actor.userId);
  if (!currentHash || !(await verifyPassword(currentHash, input.currentPassword))) {
    throw new AppError('CURRENT_PASSWORD_WRONG');
  }
  const newHash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await userRepo.findByIdForUpdate(tx, actor.userId);
    await userRepo.setPassword(tx, actor.userId, newHash, false, now);
    const keep = actor.via.kind === 'session' ? actor.via.sessionId : undefined;
    const ended = await sessionRepo.revokeAllForUser(tx, actor.userId, now, keep);
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'user',
        entityId: actor.userId,
        action: 'user.password_changed',
        after: { otherSessionsEnded: ended },
      },
    ]);
  });
};
