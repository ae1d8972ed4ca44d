import type { z } from 'zod';
import type { Actor } from '../../domain/identity/actor';
import type { User } from '../../domain/identity/user';
import { maskEmail, maskPhone } from '../../domain/shared/mask-personal-data';
import type { ZSessionView } from '../../contracts/auth.contract';
import type { ZUserView } from '../../contracts/user.contract';

const canReveal = (viewer: Actor, user: User): boolean =>
  viewer.kind === 'system' ||
  (viewer.kind === 'user' &&
    (viewer.grants.has('pii.reveal') || viewer.grants.has('user.manage') || viewer.userId === user.id));

/** A user as the viewer may see them: contact details masked without `pii.reveal` (R-SEC-1). */
export const presentUser = (user: User, viewer: Actor): z.infer<typeof ZUserView> => {
  const reveal = canReveal(viewer, user);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email && (reveal ? user.email : maskEmail(user.email)),
    phone: user.phone && (reveal ? user.phone : maskPhone(user.phone)),
    locale: user.locale,
    timeZone: user.timeZone,
    status: user.status,
    roles: [...user.roles],
    departments: user.departments.map((d) => ({ ...d })),
    mustChangePassword: user.mustChangePassword,
    lockedUntil: user.lockedUntil?.toISOString() ?? null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    version: user.version,
  };
};

/** Who a session belongs to: the request's actor, or the user who just logged in. */
export type SessionSubject = Pick<
  Extract<Actor, { kind: 'user' }>,
  'userId' | 'username' | 'displayName' | 'roles' | 'departmentIds' | 'mustChangePassword' | 'grants'
>;

export const presentSession = (
  actor: SessionSubject,
  locale: 'zh-CN' | 'en',
  csrfToken: string,
  expiresAt: Date,
): z.infer<typeof ZSessionView> => ({
  user: {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    locale,
    roles: [...actor.roles],
    departmentIds: [...actor.departmentIds],
    mustChangePassword: actor.mustChangePassword,
  },
  permissions: [...actor.grants.entries()].map(([permission, scope]) => ({ permission, scope })),
  csrfToken,
  expiresAt: expiresAt.toISOString(),
});
