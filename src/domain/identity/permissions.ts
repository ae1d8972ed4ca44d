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
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const isPermission = (value: string): value is Permission =>
  (PERMISSIONS as readonly string[]).includes(value);
