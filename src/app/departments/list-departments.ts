import type { Department } from '../../domain/departments/department';
import { departmentRepo } from '../../db/repos/department.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';

/** The whole department tree, ordered so that every parent comes before its children. */
export const listDepartments = async (deps: Deps, ctx: UseCaseContext): Promise<Department[]> => {
  assertPermission(ctx.actor, 'department.read');
  return departmentRepo.listAll(deps.db.reader());
};

export const getDepartment = async (deps: Deps, ctx: UseCaseContext, id: string): Promise<Department> => {
  assertPermission(ctx.actor, 'department.read');
  const found = await departmentRepo.findById(deps.db.reader(), id);
  if (!found) throw new AppError('DEPARTMENT_NOT_FOUND');
  return found;
};

export const getDepartmentByCode = async (
  deps: Deps,
  ctx: UseCaseContext,
  code: string,
): Promise<Department> => {
  assertPermission(ctx.actor, 'department.read');
  const found = await departmentRepo.findByCode(deps.db.reader(), code);
  if (!found) throw new AppError('DEPARTMENT_NOT_FOUND', { code });
  return found;
};
