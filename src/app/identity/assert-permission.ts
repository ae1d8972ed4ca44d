import type { Actor } from '../../domain/identity/actor';
import { decideDataScope, type DataScope } from '../../domain/identity/decide-data-scope';
import type { Permission } from '../../domain/identity/permissions';
import { AppError } from '../errors/app-error';

/**
 * Throws FORBIDDEN unless the actor holds the permission; returns how far it reaches, for the repository's
 * WHERE clause (R-SEC-1). The system actor (CLI, jobs) has every permission company-wide.
 */
export const assertPermission = (actor: Actor, permission: Permission): DataScope => {
  if (actor.kind === 'system') return { kind: 'all' };
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const scope = decideDataScope(actor.grants, permission, actor.scopeDepartmentIds);
  if (!scope) throw new AppError('FORBIDDEN', { permission });
  return scope;
};

export const hasPermission = (actor: Actor, permission: Permission): boolean =>
  actor.kind === 'system' || (actor.kind === 'user' && actor.grants.has(permission));
