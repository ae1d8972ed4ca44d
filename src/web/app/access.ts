import type { Session } from './api-types';

type Permission = Session['permissions'][number]['permission'];

/**
 * What the signed-in user can do, derived once from the session's permissions (ant-design-pro `access.ts`).
 * Menus, routes and buttons ask this; lifecycle actions come from the server's `allowedActions` instead, so
 * the UI never re-implements policy.
 */
export type Access = {
  readonly has: (p: Permission) => boolean;
  readonly canSeeQueue: boolean;
  readonly canRegister: boolean;
  readonly canFollowUp: boolean;
  readonly canAssign: boolean;
  readonly canManageUsers: boolean;
  readonly canManageDepartments: boolean;
  readonly canSeeRoles: boolean;
  readonly canManagePolicies: boolean;
  readonly canManageCalendar: boolean;
  readonly canManageTokens: boolean;
  readonly canManageOutbox: boolean;
  readonly canManageReference: boolean;
  readonly canRevealPii: boolean;
  readonly isAdminArea: boolean;
};

export const computeAccess = (session: Session | undefined): Access => {
  const granted = new Set(session?.permissions.map((p) => p.permission) ?? []);
  const has = (p: Permission) => granted.has(p);
  const a = {
    has,
    canSeeQueue: has('complaint.read'),
    canRegister: has('complaint.create'),
    canFollowUp: has('complaint.follow_up'),
    canAssign: has('complaint.assign'),
    canManageUsers: has('user.manage'),
    canManageDepartments: has('department.manage'),
    canSeeRoles: has('role.read'),
    canManagePolicies: has('policy.manage'),
    canManageCalendar: has('calendar.manage'),
    canManageTokens: has('token.manage_own') || has('token.manage_all'),
    canManageOutbox: has('outbox.manage'),
    canManageReference: has('reference.manage'),
    canRevealPii: has('pii.reveal'),
  };
  return {
    ...a,
    isAdminArea:
      a.canManageUsers ||
      a.canManageDepartments ||
      a.canManagePolicies ||
      a.canManageCalendar ||
      a.canManageTokens ||
      a.canManageOutbox,
  };
};
