import type { Department } from '../../domain/departments/department';
import { decideDepartmentPath } from '../../domain/departments/decide-department-placement';
import type { Tx } from '../../db/client';
import { departmentRepo } from '../../db/repos/department.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';

export type UpdateDepartmentInput = {
  readonly expectedVersion: number;
  readonly code?: string | undefined;
  readonly name?: string | undefined;
  readonly nameEn?: string | null | undefined;
  readonly parentId?: string | null | undefined;
  readonly active?: boolean | undefined;
};

/**
 * Applies a change to a locked department inside an existing transaction. Moving it re-roots its whole subtree,
 * so department data scope (R-SEC-1) follows the new tree at once.
 */
export const applyDepartmentChange = async (
  tx: Tx,
  now: Date,
  current: Department,
  input: Omit<UpdateDepartmentInput, 'expectedVersion'>,
): Promise<Department> => {
  if (
    input.code !== undefined &&
    input.code !== current.code &&
    (await departmentRepo.findByCode(tx, input.code))
  ) {
    throw new AppError('DEPARTMENT_CODE_TAKEN', { code: input.code });
  }
  let placement: { path: string; depth: number; parentId: string | null } | undefined;
  if (input.parentId !== undefined && input.parentId !== current.parentId) {
    const parent = input.parentId ? await departmentRepo.findById(tx, input.parentId) : null;
    if (input.parentId && !parent) throw new AppError('DEPARTMENT_NOT_FOUND', { parentId: input.parentId });
    const placed = decideDepartmentPath(current.id, parent ?? null);
    if (!placed.ok) throw new AppError(placed.error, { departmentId: current.id, parentId: input.parentId });
    placement = { ...placed.value, parentId: parent?.id ?? null };
  }
  const updated = await departmentRepo.update(
    tx,
    current.id,
    current.version,
    {
      ...(input.code !== undefined && { code: input.code }),
      ...(input.name !== undefined && { name: input.name }),
      ...(input.nameEn !== undefined && { nameEn: input.nameEn }),
      ...(input.active !== undefined && { active: input.active }),
      ...(placement && placement),
    },
    now,
  );
  if (!updated) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
  if (placement) {
    await departmentRepo.rewriteSubtreePaths(
      tx,
      current.path,
      placement.path,
      placement.depth - current.depth,
      now,
    );
  }
  return updated;
};

/** Renames, re-codes, moves or deactivates a department (admin), with optimistic concurrency. */
export const updateDepartment = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: UpdateDepartmentInput,
): Promise<Department> => {
  assertPermission(ctx.actor, 'department.manage');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const current = await departmentRepo.findByIdForUpdate(tx, id);
    if (!current) throw new AppError('DEPARTMENT_NOT_FOUND');
    if (current.version !== input.expectedVersion)
      throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
    const updated = await applyDepartmentChange(tx, now, current, input);
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'department',
        entityId: id,
        action: updated.parentId !== current.parentId ? 'department.moved' : 'department.updated',
        before: current,
        after: updated,
      },
    ]);
    return updated;
  });
};

/** Removes an empty department (no sub-departments, no members); otherwise DEPARTMENT_NOT_EMPTY. */
export const deleteDepartment = async (deps: Deps, ctx: UseCaseContext, id: string): Promise<void> => {
  assertPermission(ctx.actor, 'department.manage');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const current = await departmentRepo.findByIdForUpdate(tx, id);
    if (!current) throw new AppError('DEPARTMENT_NOT_FOUND');
    const children = await departmentRepo.countChildren(tx, id);
    const members = await departmentRepo.countMembers(tx, id);
    if (children > 0 || members > 0) throw new AppError('DEPARTMENT_NOT_EMPTY', { children, members });
    await departmentRepo.delete(tx, id);
    await appendAudit(tx, ctx, now, [
      { entityType: 'department', entityId: id, action: 'department.deleted', before: current },
    ]);
  });
};
