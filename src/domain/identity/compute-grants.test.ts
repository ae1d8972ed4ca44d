import { describe, expect, it } from 'vitest';
import type { DepartmentId } from '../shared/brand';
import { computeGrants } from './compute-grants';
import { decideDataScope } from './decide-data-scope';
import { ROLE_GRANTS } from './role-grants';
import { ROLES } from './roles';

const subtree = ['d1', 'd2'] as DepartmentId[];

describe('computeGrants / decideDataScope (R-SEC-1)', () => {
  it('should give every role at least reading the department tree when the role is held', () => {
    for (const role of ROLES) expect(computeGrants([role]).has('department.read')).toBe(true);
  });

  it('should scope an agent to its department subtree when it reads users (R-SEC-1)', () => {
    const scope = decideDataScope(computeGrants(['agent']), 'user.read', subtree);
    expect(scope).toEqual({ kind: 'departments', departmentIds: subtree });
  });

  it('should give company-wide scope when a role with scope all grants the permission (R-SEC-1)', () => {
    expect(decideDataScope(computeGrants(['service_manager']), 'user.read', subtree)).toEqual({
      kind: 'all',
    });
  });

  it('should let the widest scope win when two roles grant the same permission (R-SEC-1)', () => {
    const grants = computeGrants(['agent', 'general_manager']);
    expect(grants.get('user.read')).toBe('all');
    expect(computeGrants(['general_manager', 'agent']).get('user.read')).toBe('all');
  });

  it('should refuse a permission no held role grants (R-SEC-1)', () => {
    expect(decideDataScope(computeGrants(['production']), 'user.read', subtree)).toBeUndefined();
    expect(decideDataScope(computeGrants([]), 'department.read', subtree)).toBeUndefined();
  });

  it('should narrow to the token scopes and never widen when an API token is used (R-SEC-1)', () => {
    const grants = computeGrants(['admin'], ['user.read', 'job.manage']);
    expect([...grants.keys()].sort()).toEqual(['job.manage', 'user.read']);
    expect(computeGrants(['agent'], ['user.manage']).has('user.manage')).toBe(false);
  });

  it('should keep personal data hidden from roles that do not need it (R-SEC-1)', () => {
    expect(ROLE_GRANTS.production.permissions).not.toContain('pii.reveal');
    expect(ROLE_GRANTS.quality_engineer.permissions).not.toContain('pii.reveal');
    expect(ROLE_GRANTS.agent.permissions).toContain('pii.reveal');
  });

  it('should reserve user and department administration for admins', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect(ROLE_GRANTS[role].permissions).not.toContain('user.manage');
      expect(ROLE_GRANTS[role].permissions).not.toContain('department.manage');
    }
  });
});
