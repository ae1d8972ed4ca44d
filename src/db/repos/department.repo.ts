import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Department } from '../../domain/departments/department';
import type { DepartmentId } from '../../domain/shared/brand';
import type { Executor } from '../client';
import { departments, userDepartments } from '../schema/identity.table';

type DepartmentRow = typeof departments.$inferSelect;

const toDepartment = (r: DepartmentRow): Department => ({
  ...r,
  id: r.id as DepartmentId,
  parentId: r.parentId as DepartmentId | null,
});

export const departmentRepo = {
  async listAll(ex: Executor): Promise<Department[]> {
    const rows = await ex.select().from(departments).orderBy(asc(departments.path));
    return rows.map(toDepartment);
  },

  async findById(ex: Executor, id: string): Promise<Department | undefined> {
    const [row] = await ex.select().from(departments).where(eq(departments.id, id));
    return row && toDepartment(row);
  },

  /** The tree paths of some departments, in one read (a sweep's escalations look up each home department once). */
  async findPaths(ex: Executor, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await ex
      .select({ id: departments.id, path: departments.path })
      .from(departments)
      .where(inArray(departments.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r.path]));
  },

  async findByIdForUpdate(ex: Executor, id: string): Promise<Department | undefined> {
    const [row] = await ex.select().from(departments).where(eq(departments.id, id)).for('update');
    return row && toDepartment(row);
  },

  async findByCode(ex: Executor, code: string): Promise<Department | undefined> {
    const [row] = await ex.select().from(departments).where(eq(departments.code, code));
    return row && toDepartment(row);
  },

  /** The given departments and every department below them (R-SEC-1 data scope), by path prefix. */
  async findSubtreeIds(ex: Executor, ids: readonly string[]): Promise<DepartmentId[]> {
    if (ids.length === 0) return [];
    const rows = await ex
      .selectDistinct({ id: departments.id })
      .from(departments)
      .where(
        sql`exists (select 1 from departments root where root.id in ${ids} and ${departments.path} like root.path || '%')`,
      );
    return rows.map((r) => r.id as DepartmentId);
  },

  async insert(ex: Executor, d: Department): Promise<void> {
    await ex.insert(departments).values(d);
  },

  async update(
    ex: Executor,
    id: string,
    expectedVersion: number,
    patch: Partial<
      Pick<DepartmentRow, 'code' | 'name' | 'nameEn' | 'parentId' | 'path' | 'depth' | 'active'>
    >,
    now: Date,
  ): Promise<Department | undefined> {
    const [row] = await ex
      .update(departments)
      .set({ ...patch, updatedAt: now, version: sql`${departments.version} + 1` })
      .where(and(eq(departments.id, id), eq(departments.version, expectedVersion)))
      .returning();
    return row && toDepartment(row);
  },

  /** Re-roots a moved subtree: every descendant's path and depth follow the moved department. */
  async rewriteSubtreePaths(
    ex: Executor,
    oldPrefix: string,
    newPrefix: string,
    depthDelta: number,
    now: Date,
  ): Promise<void> {
    await ex
      .update(departments)
      .set({
        path: sql`${newPrefix} || substr(${departments.path}, ${oldPrefix.length + 1})`,
        depth: sql`${departments.depth} + ${depthDelta}`,
        updatedAt: now,
      })
      .where(sql`${departments.path} like ${`${oldPrefix}%`} and ${departments.path} <> ${oldPrefix}`);
  },

  async countChildren(ex: Executor, id: string): Promise<number> {
    const [row] = await ex
      .select({ n: sql<number>`count(*)::int` })
      .from(departments)
      .where(eq(departments.parentId, id));
    return Number(row?.n ?? 0);
  },

  async countMembers(ex: Executor, id: string): Promise<number> {
    const [row] = await ex
      .select({ n: sql<number>`count(*)::int` })
      .from(userDepartments)
      .where(eq(userDepartments.departmentId, id));
    return Number(row?.n ?? 0);
  },

  async delete(ex: Executor, id: string): Promise<void> {
    await ex.delete(departments).where(eq(departments.id, id));
  },
};
