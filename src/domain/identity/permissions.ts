/**
 * Every permission the system checks. Routes declare one; API tokens are scoped to a subset.
 * Later capabilities add theirs here so the role × route matrix test covers them.
 */
export const PERMISSIONS = [
  'user.read',
  'user.manage',
  'department.read',
  'department.manage',
  'role.read',
  'token.manage_own',
  'token.manage_all',
  'audit.read',
  'audit.verify',
  'outbox.manage',
  'job.manage',
  'pii.reveal',
  'complaint.read',
  'complaint.create',
  'complaint.update',
  'complaint.triage',
  'complaint.assign',
  'complaint.investigate',
  'complaint.propose',
  'complaint.approve',
  'complaint.resolve',
  'complaint.follow_up',
  'complaint.close',
  'customer.read',
  'customer.archive',
  'customer.manage',
  'reference.read',
  'reference.manage',
  'calendar.manage',
  'policy.manage',
  /** Sign compensation approvals (R-APR-2) and manage one's own delegations. */
  'compensation.sign',
  /** Carry out execution tasks of an agreed solution (R-RES-9); finance marks payments. */
  'compensation.execute',
  /** Allocate the cost of a complaint to the responsible party (R-RES-8). */
  'compensation.allocate',
  /** Read and export the compensation ledger. */
  'compensation.ledger',
  /** Record and file the investigation of a complaint (R-INV-1…4). */
  'investigation.manage',
  /** See batch signals, reports, batch cases and recalls (R-BAT). */
  'batch.read',
  /** Issue reports, run batch cases: seal, investigate (R-BAT-2…4, R-BAT-6). */
  'batch.manage',
  /** Decide a batch case: market check, write-off, compensation, recall (R-BAT-5, GM). */
  'batch.decide',
  /** Run a recall: notify, record recovery, complete (R-BAT-5). */
  'recall.manage',
  /** Evaluate adverse events and decide reportability (R-AE-2). */
  'adverse_event.manage',
  /** See CAPA actions, 8D reports and disposals (R-CAPA). */
  'capa.read',
  /** Create and carry out CAPA actions and 8D reports; publish disposals (R-CAPA-1…3, R-ESC-3). */
  'capa.manage',
  /** Approve preventive measures (R-CAPA-4, GM). */
  'capa.approve',
  /** Approve (or return) a disposal before it is published; the final ruling after a second objection (R-ESC-3, chief engineer). */
  'disposal.rule',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const isPermission = (value: string): value is Permission =>
  (PERMISSIONS as readonly string[]).includes(value);
