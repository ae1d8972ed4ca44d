import type { DepartmentId } from '../shared/brand';
import type { Grants } from './compute-grants';
import type { Permission } from './permissions';

/** The rows a query may return for one permission: all of them, or those of listed departments. */
export type DataScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'departments'; readonly departmentIds: readonly DepartmentId[] };

/**
 * Decides the data scope of one permission (R-SEC-1): `undefined` when the actor lacks the permission,
 * `all` for company-wide grants, otherwise the actor's departments with every department below them.
 * Repositories apply the result inside the SQL `WHERE`, never by filtering fetched rows.
 */
export const decideDataScope = (
  grants: Grants,
  permission: Permission,
  departmentSubtreeIds: readonly DepartmentId[],
): DataScope | undefined => {
  const scope = grants.get(permission);
  if (scope === undefined) return undefined;
  if (scope === 'all') return { kind: 'all' };
  return { kind: 'departments', departmentIds: departmentSubtreeIds };
};
