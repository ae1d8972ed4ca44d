import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './check-password-policy';

describe('checkPasswordPolicy (R-SEC-1)', () => {
  it.each([
    ['Closeloop-2026', 'li.na', []],
    ['质量投诉闭环2026年', 'li.na', []],
    ['short1', 'li.na', ['too_short']],
    ['onlyletterslong', 'li.na', ['too_few_classes']],
    ['li.na-2026-xyz', 'li.na', ['contains_username']],
    ['password123', 'li.na', ['too_common']],
    ['1234567890', 'li.na', ['too_few_classes', 'too_common']],
    [`${'a1'.repeat(65)}`, 'li.na', ['too_long']],
  ])('should judge %j as %j', (password, username, expected) => {
    expect(checkPasswordPolicy(password, username)).toEqual(expected);
  });

  it('should count characters, not UTF-16 units, when measuring length', () => {
    expect(checkPasswordPolicy('😀😀😀😀😀😀😀😀😀1', 'x')).toEqual([]);
  });
});
