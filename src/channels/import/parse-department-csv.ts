import { parse } from 'csv-parse/sync';
import type { DepartmentImportRow } from '../../app/departments/import-departments';
import { decodeTextFile } from './decode-text-file';

/** Header names accepted for each column, English or Chinese. */
const COLUMNS = {
  code: ['code', '编码', '部门编码', '部门代码'],
  name: ['name', '名称', '部门名称', '部门'],
  nameEn: ['name_en', 'nameen', 'english name', '英文名称', '英文名'],
  parentCode: ['parent_code', 'parentcode', 'parent', '上级编码', '上级部门编码', '上级部门'],
} as const;

export type ParsedCsv = { rows: DepartmentImportRow[]; encoding: string; problems: string[] };

/**
 * Parses an organisation chart CSV: a header row naming at least `code` and `name` (or 编码 / 名称), optional
 * `name_en` and `parent_code` (上级编码). Line numbers are kept so import errors point at the right line.
 */
export const parseDepartmentCsv = (bytes: Uint8Array): ParsedCsv => {
  const { text, encoding } = decodeTextFile(bytes);
  const parsed = parse(text, {
    bom: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    relax_column_count: true,
    trim: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [first, ...rest] = parsed;
  const header = first?.record;
  if (!header) return { rows: [], encoding, problems: ['the file is empty'] };
  const normalised = header.map((h) => h.trim().toLowerCase());
  const indexOf = (names: readonly string[]) => normalised.findIndex((h) => names.includes(h));
  const idx = {
    code: indexOf(COLUMNS.code),
    name: indexOf(COLUMNS.name),
    nameEn: indexOf(COLUMNS.nameEn),
    parentCode: indexOf(COLUMNS.parentCode),
  };
  const problems: string[] = [];
  if (idx.code < 0) problems.push('missing column: code (编码)');
  if (idx.name < 0) problems.push('missing column: name (名称)');
  if (problems.length > 0) return { rows: [], encoding, problems };
  const cell = (row: string[], i: number) => (i >= 0 ? (row[i] ?? '').trim() : '');
  const rows = rest.map(({ record: r, info }) => ({
    // The line the record ends on in the file, so blank lines do not shift what errors point at.
    line: info.lines,
    code: cell(r, idx.code),
    name: cell(r, idx.name),
    nameEn: cell(r, idx.nameEn) || null,
    parentCode: cell(r, idx.parentCode) || null,
  }));
  return { rows, encoding, problems };
};
