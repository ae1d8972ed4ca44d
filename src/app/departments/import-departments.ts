import type { Department } from '../../domain/departments/department';
import { departmentRepo } from '../../db/repos/department.repo';
import { appendAudit, type AuditEntry } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError, isAppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { insertDepartment } from './create-department';
import { applyDepartmentChange } from './update-department';

export type DepartmentImportRow = {
  /** Line in the source file, for error messages (1 = header). */
  readonly line: number;
  readonly code: string;
  readonly name: string;
  readonly nameEn?: string | null | undefined;
  readonly parentCode?: string | null | undefined;
};

export type DepartmentImportProblem = {
  readonly line: number;
  readonly code: string;
  readonly problem: string;
};

export type DepartmentImportResult = {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
};

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Orders rows so that each parent in the file comes before its children; reports cycles within the file. */
const orderByParent = (
  rows: readonly DepartmentImportRow[],
  problems: DepartmentImportProblem[],
): DepartmentImportRow[] => {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const state = new Map<string, 'visiting' | 'done'>();
  const ordered: DepartmentImportRow[] = [];
  const visit = (row: DepartmentImportRow, trail: string[]): void => {
    const seen = state.get(row.code);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      problems.push({
        line: row.line,
        code: row.code,
        problem: `cycle: ${[...trail, row.code].join(' → ')}`,
      });
      return;
    }
    state.set(row.code, 'visiting');
    const parent = row.parentCode ? byCode.get(row.parentCode) : undefined;
    if (parent) visit(parent, [...trail, row.code]);
    state.set(row.code, 'done');
    ordered.push(row);
  };
  for (const row of rows) visit(row, []);
  return ordered;
};

/**
 * Creates or updates departments by code from an organisation chart (CSV import, bulk API). Parents may be
 * listed anywhere in the file or exist already; a row without a parent code creates a top-level department, and
 * leaves an existing department where it is (move one with the API). An empty English name keeps the old one.
 * All rows are checked first and every problem is reported with its line; nothing is written unless the whole
 * file is valid (one transaction).
 */
export const importDepartments = async (
  deps: Deps,
  ctx: UseCaseContext,
  rows: readonly DepartmentImportRow[],
  /** `createMissing`: never touch departments that exist (presets must not undo an administrator's edits). */
  mode: 'upsert' | 'createMissing' = 'upsert',
): Promise<DepartmentImportResult> => {
  assertPermission(ctx.actor, 'department.manage');
  const problems: DepartmentImportProblem[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (!CODE.test(r.code))
      problems.push({ line: r.line, code: r.code, problem: 'code must be 1–64 letters, digits, . _ -' });
    if (r.name.trim() === '' || r.name.length > 100)
      problems.push({ line: r.line, code: r.code, problem: 'name must be 1–100 characters' });
    if (seen.has(r.code)) problems.push({ line: r.line, code: r.code, problem: 'code listed twice' });
    if (r.parentCode && r.parentCode === r.code)
      problems.push({ line: r.line, code: r.code, problem: 'department is its own parent' });
    seen.add(r.code);
  }
  const ordered = orderByParent(rows, problems);
  if (problems.length > 0) throw new AppError('DEPARTMENT_IMPORT_INVALID', { rows: problems });

  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const result = { created: 0, updated: 0, unchanged: 0 };
    const audit: AuditEntry[] = [];
    const resolved = new Map<string, Department>();
    for (const row of ordered) {
      try {
        let parentId: string | null = null;
        if (row.parentCode) {
          const parent =
            resolved.get(row.parentCode) ?? (await departmentRepo.findByCode(tx, row.parentCode));
          if (!parent) {
            problems.push({ line: row.line, code: row.code, problem: `parent ${row.parentCode} not found` });
            continue;
          }
          parentId = parent.id;
        }
        const existing = await departmentRepo.findByCode(tx, row.code);
        if (!existing) {
          const created = await insertDepartment(tx, now, {
            code: row.code,
            name: row.name,
            nameEn: row.nameEn ?? null,
            parentId,
          });
          resolved.set(row.code, created);
          audit.push({
            entityType: 'department',
            entityId: created.id,
            action: 'department.created',
            after: created,
            reason: 'import',
          });
          result.created += 1;
          continue;
        }
        const nameEn = row.nameEn ?? existing.nameEn;
        // No parent code keeps the current parent: a file without the column must not flatten the tree.
        const nextParentId = row.parentCode ? parentId : existing.parentId;
        if (
          mode === 'createMissing' ||
          (existing.name === row.name && existing.nameEn === nameEn && existing.parentId === nextParentId)
        ) {
          resolved.set(row.code, existing);
          result.unchanged += 1;
          continue;
        }
        const updated = await applyDepartmentChange(tx, now, existing, {
          name: row.name,
          nameEn,
          parentId: nextParentId,
        });
        resolved.set(row.code, updated);
        audit.push({
          entityType: 'department',
          entityId: updated.id,
          action: 'department.updated',
          before: existing,
          after: updated,
          reason: 'import',
        });
        result.updated += 1;
      } catch (e) {
        if (!isAppError(e)) throw e;
        problems.push({ line: row.line, code: row.code, problem: e.code });
      }
    }
    if (problems.length > 0) throw new AppError('DEPARTMENT_IMPORT_INVALID', { rows: problems });
    await appendAudit(tx, ctx, now, audit);
    return result;
  });
};
