import { describe, expect, it } from 'vitest';
import { parseDepartmentCsv } from './parse-department-csv';

const csv = (text: string) => parseDepartmentCsv(new TextEncoder().encode(text));

describe('parseDepartmentCsv', () => {
  it('should keep the real file line of each row when there are blank and comma-only lines', () => {
    const r = csv('code,name,parent_code\n\nA,甲,\n,,\n\nB,乙,A\n');
    expect(r.rows.map((x) => [x.line, x.code, x.parentCode])).toEqual([
      [3, 'A', null],
      [6, 'B', 'A'],
    ]);
  });

  it('should accept Chinese headers and a UTF-8 BOM as Excel writes them', () => {
    const r = parseDepartmentCsv(
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('编码,名称,上级编码\r\nQA,品质部,\r\n')]),
    );
    expect(r).toMatchObject({
      encoding: 'utf-8',
      problems: [],
      rows: [{ code: 'QA', name: '品质部', nameEn: null, parentCode: null }],
    });
  });

  it('should name the missing columns when the header lacks code or name', () => {
    expect(csv('部门,备注\nx,y\n').problems).toEqual(['missing column: code (编码)']);
    expect(csv('').problems).toEqual(['the file is empty']);
  });
});
