import { z } from 'zod';
import { PERMISSIONS } from '../domain/identity/permissions';
import { ROLES } from '../domain/identity/roles';
import { ZId, ZIsoDateTime, ZLocale } from './common.contract';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/;

export const ZLoginBody = z
  .strictObject({
    // No control characters: PostgreSQL cannot even compare a text with NUL in it (a 500 before this check).
    username: z
      .string()
      .min(1)
      .max(64)
      .refine((s) => !CONTROL.test(s) && s.isWellFormed(), { message: 'contains control characters' }),
    password: z.string().min(1).max(256),
  })
  .meta({ id: 'LoginRequest' });

export const ZChangePasswordBody = z
  .strictObject({
    currentPassword: z.string().min(1).max(256),
    newPassword: z.string().min(1).max(256),
  })
  .meta({ id: 'ChangePasswordRequest' });

export const ZSessionView = z
  .object({
    user: z.object({
      id: ZId,
      username: z.string(),
      displayName: z.string(),
      locale: ZLocale,
      roles: z.array(z.enum(ROLES)),
      departmentIds: z.array(ZId),
      mustChangePassword: z.boolean(),
    }),
    permissions: z.array(z.object({ permission: z.enum(PERMISSIONS), scope: z.enum(['department', 'all']) })),
    csrfToken: z
      .string()
      .describe('Send as X-CSRF-Token on every POST/PATCH/PUT/DELETE made with the session cookie'),
    expiresAt: ZIsoDateTime,
  })
  .meta({ id: 'Session' });

export const ZSessionProbeView = z.object({ session: ZSessionView.nullable() }).meta({ id: 'SessionProbe' });
