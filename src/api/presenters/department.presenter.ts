import type { z } from 'zod';
import type { Department } from '../../domain/departments/department';
import type { ZDepartmentView } from '../../contracts/department.contract';

export const presentDepartment = (d: Department): z.infer<typeof ZDepartmentView> => ({
  id: d.id,
  code: d.code,
  name: d.name,
  nameEn: d.nameEn,
  parentId: d.parentId,
  depth: d.depth,
  active: d.active,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
  version: d.version,
});
