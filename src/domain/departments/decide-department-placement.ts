import type { DepartmentId } from '../shared/brand';
import { err, ok, type Result } from '../shared/result';

export type PlacedDepartment = { readonly id: DepartmentId; readonly path: string };

/**
 * Decides where a department sits in the tree. The materialised `path` (`/rootId/…/id/`) lets the database
 * find a whole subtree with one indexed prefix match, which is how department data scope is applied (R-SEC-1).
 * A department cannot be moved under itself or under one of its own descendants.
 */
export const decideDepartmentPath = (
  id: DepartmentId,
  parent: PlacedDepartment | null,
): Result<{ path: string; depth: number }, 'DEPARTMENT_CYCLE'> => {
  if (!parent) return ok({ path: `/${id}/`, depth: 0 });
  if (parent.id === id || parent.path.includes(`/${id}/`)) return err('DEPARTMENT_CYCLE');
  const path = `${parent.path}${id}/`;
  return ok({ path, depth: path.split('/').length - 3 });
};
