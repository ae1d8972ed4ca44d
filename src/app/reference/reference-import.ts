import type { Tx } from '../../db/client';
import { appendAudit, type AuditEntry } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import { AppError } from '../errors/app-error';

/** A bad row of a bulk upsert; `row` counts from 1 in the order the rows were sent. */
export type ReferenceImportProblem = { readonly row: number; readonly problem: string };

export type ReferenceImportResult = { created: number; updated: number; unchanged: number };

/** Throws REFERENCE_IMPORT_INVALID with every problem, ordered by row, when there is any. */
export const assertNoImportProblems = (problems: readonly ReferenceImportProblem[]): void => {
  if (problems.length === 0) return;
  throw new AppError('REFERENCE_IMPORT_INVALID', {
    rows: [...problems].sort((a, b) => a.row - b.row),
  });
};

/** Reports every value that occurs on more than one row (`what` names it in the problem text). */
export const findRepeatedKeys = <R extends { readonly row: number }>(
  rows: readonly R[],
  keyOf: (r: R) => string | null,
  what: string,
): ReferenceImportProblem[] => {
  const firstRow = new Map<string, number>();
  const problems: ReferenceImportProblem[] = [];
  for (const r of rows) {
    const key = keyOf(r);
    if (key === null) continue;
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, r.row);
    else problems.push({ row: r.row, problem: `${what} ${key} is also on row ${first}` });
  }
  return problems;
};

const AUDIT_CHUNK = 500;

/** Appends a bulk upsert's audit rows in slices (one multi-row insert per slice stays under the bind limit). */
export const appendImportAudit = async (
  tx: Tx,
  ctx: UseCaseContext,
  now: Date,
  entries: readonly AuditEntry[],
): Promise<void> => {
  for (let i = 0; i < entries.length; i += AUDIT_CHUNK)
    await appendAudit(tx, ctx, now, entries.slice(i, i + AUDIT_CHUNK));
};

/** Whether applying `next` over `current` changes any of the compared fields. */
export const changesAny = <T extends object>(current: T, next: T, keys: readonly (keyof T)[]): boolean =>
  keys.some((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]));

/** Keeps only the fields that were given (undefined = keep the current value). */
export const definedFields = <T extends object>(input: T): Partial<T> =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
