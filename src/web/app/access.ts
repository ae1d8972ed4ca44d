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
  /** Propose a compensation from the policy (complaint.propose). */
  readonly canPropose: boolean;
  /** Sign compensation approvals and delegate them (compensation.sign). */
  readonly canSign: boolean;
  /** Carry out agreed solutions; finance marks payments paid (compensation.execute). */
  readonly canExecute: boolean;
  /** Split a complaint's cost between the responsible parties and print the forms (compensation.allocate). */
  readonly canAllocateCost: boolean;
  /** Read and export the compensation ledger (compensation.ledger). */
  readonly canSeeLedger: boolean;
  /** A customer's complaint and compensation archive (customer.archive). */
  readonly canSeeCustomerArchive: boolean;
  /** Batch cases, recalls and regulator samplings (batch.read). */
  readonly canSeeBatchCases: boolean;
  /** CAPA actions, 8D reports and nonconformity disposals (capa.read). */
  readonly canSeeCapa: boolean;
  /** Edit, file and reopen a complaint's investigation record (investigation.manage). */
  readonly canManageInvestigation: boolean;
  /** Issue quality reports of batch signals (batch.manage). */
  readonly canManageBatch: boolean;
  /** Adverse-event evaluations: deadlines, reportability decisions, exports (adverse_event.manage). */
  readonly canManageAdverseEvents: boolean;
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
    canPropose: has('complaint.propose'),
    canSign: has('compensation.sign'),
    canExecute: has('compensation.execute'),
    canAllocateCost: has('compensation.allocate'),
    canSeeLedger: has('compensation.ledger'),
    canSeeCustomerArchive: has('customer.archive'),
    canSeeBatchCases: has('batch.read'),
    canSeeCapa: has('capa.read'),
    canManageInvestigation: has('investigation.manage'),
    canManageBatch: has('batch.manage'),
    canManageAdverseEvents: has('adverse_event.manage'),
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
