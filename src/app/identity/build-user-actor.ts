import { computeGrants } from '../../domain/identity/compute-grants';
import type { UserActor } from '../../domain/identity/actor';
import { isPermission, type Permission } from '../../domain/identity/permissions';
import { isRole } from '../../domain/identity/roles';
import type { DepartmentId, UserId } from '../../domain/shared/brand';

type PrincipalRow = {
  readonly user: { id: string; username: string; displayName: string; mustChangePassword: boolean };
  readonly roles: readonly string[];
  readonly departmentIds: readonly string[];
  readonly subtreeIds: readonly string[];
};

/** Turns the principal loaded with a session or token into the actor every use-case checks (R-SEC-1). */
export const buildUserActor = (
  row: PrincipalRow,
  via: UserActor['via'],
  tokenScopes?: readonly string[],
): UserActor => {
  const roles = row.roles.filter(isRole);
  const scopes = tokenScopes?.filter(isPermission) as Permission[] | undefined;
  return {
    kind: 'user',
    userId: row.user.id as UserId,
    username: row.user.username,
    displayName: row.user.displayName,
    roles,
    grants: computeGrants(roles, scopes),
    departmentIds: row.departmentIds as DepartmentId[],
    scopeDepartmentIds: row.subtreeIds as DepartmentId[],
    via,
    mustChangePassword: row.user.mustChangePassword,
  };
};
