import type { LifecycleActor } from '../../domain/complaint/lifecycle-types';
import type { Actor } from '../../domain/identity/actor';
import { PERMISSIONS } from '../../domain/identity/permissions';

/** The customer acting through the public portal: may submit, answer a solution and rate, nothing else. */
export const PORTAL_ACTOR: LifecycleActor = {
  userId: 'portal',
  roles: ['customer'],
  permissions: new Set(['complaint.create', 'complaint.update']),
};

/** The actor as the lifecycle sees it: a user id, roles and permission names (system actors hold all). */
export const toLifecycleActor = (actor: Actor): LifecycleActor => {
  switch (actor.kind) {
    case 'user':
      return { userId: actor.userId, roles: actor.roles, permissions: new Set(actor.grants.keys()) };
    case 'system':
      return { userId: `system:${actor.name}`, roles: ['system'], permissions: new Set(PERMISSIONS) };
    case 'anonymous':
      return PORTAL_ACTOR;
  }
};
