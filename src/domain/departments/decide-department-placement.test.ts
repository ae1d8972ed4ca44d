import { describe, expect, it } from 'vitest';
import type { DepartmentId } from '../shared/brand';
import { decideDepartmentPath } from './decide-department-placement';

const id = (s: string) => s as DepartmentId;

describe('decideDepartmentPath', () => {
  it('should root a department without parent at depth 0', () => {
    expect(decideDepartmentPath(id('a'), null)).toEqual({ ok: true, value: { path: '/a/', depth: 0 } });
  });

  it('should extend the parent path when placing under a parent', () => {
    expect(decideDepartmentPath(id('c'), { id: id('b'), path: '/a/b/' })).toEqual({
      ok: true,
      value: { path: '/a/b/c/', depth: 2 },
    });
  });

  it('should refuse a cycle when moving a department under itself or its descendant', () => {
    expect(decideDepartmentPath(id('a'), { id: id('a'), path: '/a/' })).toEqual({
      ok: false,
      error: 'DEPARTMENT_CYCLE',
    });
    expect(decideDepartmentPath(id('a'), { id: id('c'), path: '/a/b/c/' })).toEqual({
      ok: false,
      error: 'DEPARTMENT_CYCLE',
    });
  });
});
