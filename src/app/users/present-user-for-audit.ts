import type { User } from '../../domain/identity/user';

/** The fields of a user recorded in the audit trail's before/after (no secrets, no volatile counters). */
export const userAuditView = (u: User) => ({
  username: u.username,
  displayName: u.displayName,
  email: u.email,
  phone: u.phone,
  locale: u.locale,
  status: u.status,
  roles: [...u.roles],
  departmentIds: u.departments.map((d) => d.id),
  mustChangePassword: u.mustChangePassword,
  version: u.version,
});
