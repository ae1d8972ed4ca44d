import { describe, expect, it } from 'vitest';
import { chooseEscalationHolder, departmentChain, type RoleHolder } from './complaint-events';

const holder = (id: string, departmentId: string | null): RoleHolder => ({
  id,
  displayName: id,
  email: `${id}@example.cn`,
  locale: 'zh-CN',
  departmentId,
});

// Holders as the repository returns them: by user name, one row per department a user belongs to.
const managers = [
  holder('a-hq', 'hq'),
  holder('b-prod', 'prod'),
  holder('c-line', 'line'),
  holder('d-qa', 'qa'),
];

describe('chooseEscalationHolder (R-ESC-1, R-ESC-2)', () => {
  it('should pick the manager of the owning department before the one above it', () => {
    expect(chooseEscalationHolder(departmentChain('/hq/prod/line/', 'line'), managers)?.id).toBe('c-line');
  });

  it('should go up the tree when the owning department has no manager', () => {
    expect(chooseEscalationHolder(departmentChain('/hq/prod/line2/', 'line2'), managers)?.id).toBe('b-prod');
  });

  it('should fall back to the first holder when nobody on the path holds the role', () => {
    expect(chooseEscalationHolder(departmentChain('/other/', 'other'), managers)?.id).toBe('a-hq');
  });

  it('should take the first holder for a company-wide role and skip people excluded', () => {
    expect(chooseEscalationHolder(null, managers)?.id).toBe('a-hq');
    expect(chooseEscalationHolder(departmentChain('/hq/prod/line/', 'line'), managers, ['c-line'])?.id).toBe(
      'b-prod',
    );
    expect(
      chooseEscalationHolder(
        null,
        managers,
        managers.map((m) => m.id),
      ),
    ).toBeUndefined();
  });

  it('should use the department itself when its path is unknown', () => {
    expect(departmentChain(undefined, 'x')).toEqual(['x']);
  });
});
