import type { DepartmentId } from '../shared/brand';

/** A node of the company's department tree. */
export type Department = {
  readonly id: DepartmentId;
  readonly code: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly parentId: DepartmentId | null;
  readonly path: string;
  readonly depth: number;
  readonly active: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;
};
