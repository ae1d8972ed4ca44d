import type { Permission } from './permissions';
import { ROLE_GRANTS, type GrantScope } from './role-grants';
import type { Role } from './roles';

/** What an actor may do, and how far each permission reaches. */
export type Grants = ReadonlyMap<Permission, GrantScope>;

/**
 * Merges the grants of every role a user holds (R-SEC-1). When two roles grant the same permission,
 * the wider scope wins. An API token narrows the result to its scopes; it never widens it.
 */
export const computeGrants = (roles: readonly Role[], tokenScopes?: readonly Permission[]): Grants => {
  const grants = new Map<Permission, GrantScope>();
  for (const role of roles) {
    const grant = ROLE_GRANTS[role];
    for (const permission of grant.permissions) {
      if (grants.get(permission) !== 'all') grants.set(permission, grant.scope);
    }
  }
  if (tokenScopes) {
    const allowed = new Set(tokenScopes);
    for (const permission of [...grants.keys()]) if (!allowed.has(permission)) grants.delete(permission);
  }
  return grants;
};
