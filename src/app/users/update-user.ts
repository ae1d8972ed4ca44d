import type { Role } from '../../domain/identity/roles';
import type { Locale, User, UserStatus } from '../../domain/identity/user';
import { sessionRepo } from '../../db/repos/session.repo';
import { userRepo } from '../../db/repos/user.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { userAuditView } from './present-user-for-audit';

export type UpdateUserInput = {
  readonly expectedVersion: number;
  readonly displayName?: string | undefined;
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly locale?: Locale | undefined;
  readonly status?: UserStatus | undefined;
  readonly roles?: readonly Role[] | undefined;
  readonly departmentIds?: readonly string[] | undefined;
  readonly reason?: string | undefined;
};

const isActiveAdmin = (u: Pick<User, 'roles' | 'status'>) =>
  u.status === 'active' && u.roles.includes('admin');

/**
 * Edits a staff account (admin) with optimistic concurrency: a stale `expectedVersion` answers
 * VERSION_CONFLICT. Disabling an account ends its sessions. The last active administrator cannot be disabled
 * or lose the admin role (LAST_ADMIN), so the company can never lock itself out.
 */
export const updateUser = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: UpdateUserInput,
): Promise<User> => {
  const scope = assertPermission(ctx.actor, 'user.manage');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const current = await userRepo.findByIdForUpdate(tx, id);
    if (!current || (scope.kind === 'departments' && !(await userRepo.findById(tx, id, scope)))) {
      throw new AppError('USER_NOT_FOUND');
    }
    if (current.version !== input.expectedVersion) {
      throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
    }
    const nextRoles = input.roles ? [...new Set(input.roles)] : current.roles;
    const nextStatus = input.status ?? current.status;
    if (isActiveAdmin(current) && !isActiveAdmin({ roles: nextRoles, status: nextStatus })) {
      if ((await userRepo.countActiveAdmins(tx, id)) === 0) throw new AppError('LAST_ADMIN');
    }
    if (input.departmentIds) {
      const wanted = [...new Set(input.departmentIds)];
      const existing = await userRepo.existingDepartmentIds(tx, wanted);
      const missing = wanted.filter((d) => !existing.includes(d));
      if (missing.length > 0) throw new AppError('DEPARTMENT_NOT_FOUND', { departmentIds: missing });
      await userRepo.replaceDepartments(tx, id, wanted);
    }
    if (input.roles) await userRepo.replaceRoles(tx, id, nextRoles);
    await userRepo.updateProfile(
      tx,
      id,
      current.version,
      {
        ...(input.displayName !== undefined && { displayName: input.displayName }),
        ...(input.email !== undefined && { email: input.email }),
        ...(input.phone !== undefined && { phone: input.phone }),
        ...(input.locale !== undefined && { locale: input.locale }),
        ...(input.status !== undefined && { status: input.status }),
      },
      now,
    );
    if (current.status === 'active' && nextStatus === 'disabled')
      await sessionRepo.revokeAllForUser(tx, id, now);
    const updated = await userRepo.findById(tx, id);
    if (!updated) throw new Error('user vanished inside its own transaction');
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'user',
        entityId: id,
        action: 'user.updated',
        before: userAuditView(current),
        after: userAuditView(updated),
        reason: input.reason ?? null,
      },
    ]);
    return updated;
  });
};
