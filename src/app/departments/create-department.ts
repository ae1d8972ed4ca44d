import type { Department } from '../../domain/departments/department';
import { decideDepartmentPath } from '../../domain/departments/decide-department-placement';
import type { DepartmentId } from '../../domain/shared/brand';
import type { Tx } from '../../db/client';
import { departmentRepo } from '../../db/repos/department.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { newId } from '../new-id';

export type CreateDepartmentInput = {
  readonly code: string;
  readonly name: string;
  readonly nameEn?: string | null | undefined;
  readonly parentId?: string | null | undefined;
};

/** Inserts a department inside an existing transaction (shared by the API and the bulk import). */
export const insertDepartment = async (
  tx: Tx,
  now: Date,
  input: CreateDepartmentInput,
): Promise<Department> => {
  if (await departmentRepo.findByCode(tx, input.code))
    throw new AppError('DEPARTMENT_CODE_TAKEN', { code: input.code });
  const parent = input.parentId ? await departmentRepo.findById(tx, input.parentId) : null;
  if (input.parentId && !parent) throw new AppError('DEPARTMENT_NOT_FOUND', { parentId: input.parentId });
  const id = newId(now.getTime()) as DepartmentId;
  const placed = decideDepartmentPath(id, parent ?? null);
  if (!placed.ok) throw new AppError(placed.error);
  const department: Department = {
    id,
    code: input.code,
    name: input.name,
    nameEn: input.nameEn ?? null,
    parentId: parent?.id ?? null,
    path: placed.value.path,
    depth: placed.value.depth,
    active: true,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await departmentRepo.insert(tx, department);
  return department;
};

/** Adds a department to the tree (admin). */
export const createDepartment = async (
  deps: Deps,
  ctx: UseCaseContext,
  input: CreateDepartmentInput,
): Promise<Department> => {
  assertPermission(ctx.actor, 'department.manage');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const department = await insertDepartment(tx, now, input);
    await appendAudit(tx, ctx, now, [
      { entityType: 'department', entityId: department.id, action: 'department.created', after: department },
    ]);
    return department;
  });
};
