import type { DepartmentId, UserId } from '../shared/brand';
import type { Grants } from './compute-grants';
import type { Role } from './roles';

/** A staff user, acting through a console session or an API token issued to them. */
export type UserActor = {
  readonly kind: 'user';
  readonly userId: UserId;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly grants: Grants;
  /** The departments the user belongs to. */
  readonly departmentIds: readonly DepartmentId[];
  /** Those departments and every department below them: the reach of department-scoped grants (R-SEC-1). */
  readonly scopeDepartmentIds: readonly DepartmentId[];
  readonly via:
    | { readonly kind: 'session'; readonly sessionId: string }
    | { readonly kind: 'token'; readonly tokenId: string };
  readonly mustChangePassword: boolean;
};

/** Who performs an action: a staff user, the system itself (jobs, CLI, migrations), or an anonymous visitor. */
export type Actor =
  UserActor | { readonly kind: 'system'; readonly name: string } | { readonly kind: 'anonymous' };
