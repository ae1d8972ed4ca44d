import { checkPasswordPolicy } from '../../domain/identity/check-password-policy';
import type { Role } from '../../domain/identity/roles';
import type { Locale, User } from '../../domain/identity/user';
import type { UserId } from '../../domain/shared/brand';
import { userRepo } from '../../db/repos/user.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { newId } from '../new-id';
import { emitEvents } from '../platform/emit-events';
import { hashPassword, randomPassword } from '../secrets';
import { userAuditView } from './present-user-for-audit';

export type CreateUserInput = {
  readonly username: string;
  readonly displayName: string;
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly locale?: Locale | undefined;
  readonly roles: readonly Role[];
  readonly departmentIds: readonly string[];
  /** When absent a random initial password is generated and returned once; the user must change it. */
  readonly password?: string | undefined;
  /** Whether a password set by an administrator must be changed at first login (default: yes). */
  readonly mustChangePassword?: boolean | undefined;
};

/** Creates a staff account (admin). The first department listed is the user's primary one. */
export const createUser = async (
  deps: Deps,
  ctx: UseCaseContext,
  input: CreateUserInput,
): Promise<{ user: User; initialPassword: string | null }> => {
  assertPermission(ctx.actor, 'user.manage');
  if (input.password !== undefined) {
    const violations = checkPasswordPolicy(input.password, input.username);
    if (violations.length > 0)
      throw new AppError('PASSWORD_POLICY_VIOLATION', { violations, rule: 'R-SEC-1' });
  }
  const initialPassword = input.password === undefined ? randomPassword() : null;
  const passwordHash = await hashPassword(input.password ?? initialPassword ?? '');
  const now = deps.clock.now();
  const id = newId(now.getTime()) as UserId;
  const departmentIds = [...new Set(input.departmentIds)];
  const user = await deps.db.transaction(async (tx) => {
    if (await userRepo.usernameExists(tx, input.username))
      throw new AppError('USERNAME_TAKEN', { username: input.username });
    const existing = await userRepo.existingDepartmentIds(tx, departmentIds);
    const missing = departmentIds.filter((d) => !existing.includes(d));
    if (missing.length > 0) throw new AppError('DEPARTMENT_NOT_FOUND', { departmentIds: missing });
    await userRepo.insert(tx, {
      id,
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      locale: input.locale ?? deps.config.defaultLocale,
      timeZone: deps.config.defaultTimeZone,
      status: 'active',
      // Only the user should know their password: one set by someone else is changed at first login.
      mustChangePassword: initialPassword !== null || (input.mustChangePassword ?? true),
      passwordHash,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    await userRepo.replaceRoles(tx, id, [...new Set(input.roles)]);
    await userRepo.replaceDepartments(tx, id, departmentIds);
    const created = await userRepo.findById(tx, id);
    if (!created) throw new Error('user vanished inside its own transaction');
    await appendAudit(tx, ctx, now, [
      { entityType: 'user', entityId: id, action: 'user.created', after: userAuditView(created) },
    ]);
    await emitEvents(tx, now, [
      {
        type: 'user.created',
        aggregateType: 'user',
        aggregateId: id,
        payload: { username: created.username },
      },
    ]);
    return created;
  });
  return { user, initialPassword };
};
