import type { Permission } from './permissions';
import type { Role } from './roles';

/**
 * How far a grant reaches (R-SEC-1): `department` = the user's own departments and every department below
 * them in the tree; `all` = the whole company.
 */
export type GrantScope = 'department' | 'all';

export type RoleGrant = { readonly scope: GrantScope; readonly permissions: readonly Permission[] };

const everyone: readonly Permission[] = [
  'department.read',
  'role.read',
  'token.manage_own',
  'reference.read',
];

/** Customer service: registers, hands off, talks to the customer, follows up (DOMAIN §1). */
const frontDesk: readonly Permission[] = [
  'complaint.read',
  'complaint.create',
  'complaint.update',
  'complaint.triage',
  'complaint.assign',
  'complaint.follow_up',
  'customer.read',
  'customer.manage',
];

/** Owners of assigned complaints: investigation, solution, resolution. */
const handling: readonly Permission[] = [
  'complaint.read',
  'complaint.update',
  'complaint.investigate',
  'complaint.propose',
  'complaint.resolve',
  'customer.read',
];

/**
 * The default permission map (R-SEC-1). Department-scoped roles see data of their own department subtree;
 * company-wide roles (service manager, quality, finance, GM, supervisor, admin) see everything their
 * permissions allow. Personal data is revealed only to roles that talk to customers or decide on them.
 * Complaint contents are confidential (R-SEC-4): administrators manage the system but do not read complaints.
 */
export const ROLE_GRANTS: Record<Role, RoleGrant> = {
  agent: { scope: 'department', permissions: [...everyone, 'user.read', 'pii.reveal', ...frontDesk] },
  department_manager: {
    scope: 'department',
    permissions: [
      ...everyone,
      'user.read',
      'pii.reveal',
      ...frontDesk,
      ...handling,
      'complaint.approve',
      'complaint.close',
      'compensation.sign',
      'compensation.execute',
      'investigation.manage',
      'batch.read',
      'capa.read',
      'capa.manage',
    ],
  },
  service_manager: {
    scope: 'all',
    permissions: [
      ...everyone,
      'user.read',
      'pii.reveal',
      ...frontDesk,
      ...handling,
      'complaint.approve',
      'complaint.close',
      'customer.archive',
      'compensation.sign',
      'compensation.execute',
      'compensation.allocate',
      'compensation.ledger',
      'investigation.manage',
      'batch.read',
      'batch.manage',
      'recall.manage',
      'adverse_event.manage',
      'capa.read',
      'capa.manage',
    ],
  },
  quality_engineer: {
    scope: 'all',
    permissions: [
      ...everyone,
      'user.read',
      'complaint.triage',
      ...handling,
      'reference.manage',
      'compensation.sign',
      'compensation.allocate',
      'investigation.manage',
      'batch.read',
      'batch.manage',
      'recall.manage',
      'adverse_event.manage',
      'capa.read',
      'capa.manage',
    ],
  },
  engineer: {
    scope: 'department',
    permissions: [
      ...everyone,
      'user.read',
      'complaint.read',
      'complaint.update',
      'complaint.investigate',
      'compensation.sign',
      'compensation.execute',
      'investigation.manage',
      'batch.read',
      'capa.read',
      'capa.manage',
    ],
  },
  production: {
    scope: 'department',
    permissions: [...everyone, 'complaint.read', 'batch.read', 'capa.read', 'capa.manage'],
  },
  finance: {
    scope: 'all',
    permissions: [
      ...everyone,
      'user.read',
      'complaint.read',
      'customer.read',
      'customer.archive',
      'compensation.execute',
      'compensation.allocate',
      'compensation.ledger',
    ],
  },
  /** 业务经理 (seed 000): signs cash compensation (R-RES-4). */
  business_manager: {
    scope: 'all',
    permissions: [
      ...everyone,
      'user.read',
      'complaint.read',
      'customer.read',
      'compensation.sign',
      'compensation.ledger',
    ],
  },
  /** 销售中心 (seed 002): signs amounts beyond the matrix and cash for foreign matter eaten (R-RES-3/4). */
  sales_centre: {
    scope: 'all',
    permissions: [
      ...everyone,
      'user.read',
      'complaint.read',
      'customer.read',
      'compensation.sign',
      'compensation.ledger',
    ],
  },
  general_manager: {
    scope: 'all',
    permissions: [
      ...everyone,
      'user.read',
      'pii.reveal',
      'audit.read',
      'complaint.read',
      'complaint.propose',
      'complaint.approve',
      'complaint.close',
      'customer.read',
      'customer.archive',
      'compensation.sign',
      'compensation.ledger',
      'batch.read',
      'batch.decide',
      'recall.manage',
      'adverse_event.manage',
      'capa.read',
      'capa.approve',
    ],
  },
  /** 总工程师 (seed 004): approves disposal decisions before publication and rules on disputed ones (R-ESC-3). */
  chief_engineer: {
    scope: 'all',
    permissions: [
      ...everyone,
      'user.read',
      'complaint.read',
      'investigation.manage',
      'batch.read',
      'capa.read',
      'capa.manage',
      'disposal.rule',
    ],
  },
  supervisor: {
    scope: 'all',
    permissions: [
      ...everyone,
      'user.read',
      'audit.read',
      'audit.verify',
      'complaint.read',
      'customer.read',
      'batch.read',
      'capa.read',
    ],
  },
  admin: {
    scope: 'all',
    permissions: [
      ...everyone,
      'user.read',
      'user.manage',
      'department.manage',
      'token.manage_all',
      'audit.read',
      'audit.verify',
      'outbox.manage',
      'job.manage',
      'pii.reveal',
      'reference.manage',
      'calendar.manage',
      'policy.manage',
    ],
  },
};
