import type { UserId } from '../../domain/shared/brand';
import { LOCKS, lockRepo } from '../../db/repos/lock.repo';
import { userRepo } from '../../db/repos/user.repo';
import { appendAudit } from '../audit/append-audit';
import { systemContext } from '../context';
import type { Deps } from '../deps';
import { newId } from '../new-id';
import { hashPassword, randomPassword } from '../secrets';

export type FirstAdmin = { readonly username: string; readonly password: string | null };

/**
 * On an empty database, creates the first administrator: with ADMIN_PASSWORD when set, else a random password
 * that the caller prints once and the admin must change at first login. Safe when several processes start at
 * once (advisory lock). Returns undefined when users already exist.
 */
export const ensureFirstAdmin = async (deps: Deps): Promise<FirstAdmin | undefined> => {
  const generated = deps.config.admin.password === undefined ? randomPassword() : null;
  const password = deps.config.admin.password ?? generated ?? '';
  const passwordHash = await hashPassword(password);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await lockRepo.lock(tx, LOCKS.bootstrap);
    if ((await userRepo.count(tx)) > 0) return undefined;
    const id = newId(now.getTime()) as UserId;
    await userRepo.insert(tx, {
      id,
      username: deps.config.admin.username,
      displayName: '系统管理员',
      email: null,
      phone: null,
      locale: deps.config.defaultLocale,
      timeZone: deps.config.defaultTimeZone,
      status: 'active',
      mustChangePassword: generated !== null,
      passwordHash,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    await userRepo.replaceRoles(tx, id, ['admin']);
    await appendAudit(tx, systemContext('bootstrap'), now, [
      {
        entityType: 'user',
        entityId: id,
        action: 'user.created',
        after: { username: deps.config.admin.username, roles: ['admin'] },
        reason: 'first start',
      },
    ]);
    return { username: deps.config.admin.username, password: generated };
  });
};
