import { z } from 'zod';
import { ROLES } from '../domain/identity/roles';
import {
  ZEmail,
  ZId,
  ZIsoDateTime,
  ZLocale,
  ZPageQuery,
  ZPhone,
  ZReason,
  ZUsername,
  ZVersion,
  zPage,
  zText,
} from './common.contract';

export const USER_SORTS = [
  'username',
  '-username',
  'displayName',
  '-displayName',
  'createdAt',
  '-createdAt',
] as const;

export const ZUserView = z
  .object({
    id: ZId,
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable().describe('Masked (a***@x.com) for viewers without pii.reveal'),
    phone: z.string().nullable().describe('Masked (138****5678) for viewers without pii.reveal'),
    locale: ZLocale,
    timeZone: z.string(),
    status: z.enum(['active', 'disabled']),
    roles: z.array(z.enum(ROLES)),
    departments: z.array(z.object({ id: ZId, code: z.string(), name: z.string(), isPrimary: z.boolean() })),
    mustChangePassword: z.boolean(),
    lockedUntil: ZIsoDateTime.nullable(),
    lastLoginAt: ZIsoDateTime.nullable(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: 'User' });

export const ZUserListQuery = ZPageQuery.extend({
  q: zText(64).optional().describe('Part of the username or display name'),
  role: z.enum(ROLES).optional(),
  departmentId: ZId.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  sort: z.enum(USER_SORTS).default('username'),
});

export const ZUserPage = zPage(ZUserView).meta({ id: 'UserPage' });

export const ZCreateUserBody = z
  .strictObject({
    username: ZUsername,
    displayName: zText(64),
    email: ZEmail.nullable().optional(),
    phone: ZPhone.nullable().optional(),
    locale: ZLocale.optional(),
    roles: z.array(z.enum(ROLES)).max(ROLES.length).default([]),
    departmentIds: z.array(ZId).max(20).default([]).describe('The first one is the primary department'),
    password: z
      .string()
      .min(1)
      .max(256)
      .optional()
      .describe('Omit to generate an initial password (returned once)'),
    mustChangePassword: z
      .boolean()
      .default(true)
      .describe('Whether the user must change a password set here at first login (default true)'),
  })
  .meta({ id: 'CreateUserRequest' });

export const ZCreatedUserView = z
  .object({
    user: ZUserView,
    initialPassword: z.string().nullable().describe('Shown once; null when a password was given'),
  })
  .meta({ id: 'CreatedUser' });

export const ZUpdateUserBody = z
  .strictObject({
    version: ZVersion.optional().describe('Or send If-Match: "<version>"'),
    displayName: zText(64).optional(),
    email: ZEmail.nullable().optional(),
    phone: ZPhone.nullable().optional(),
    locale: ZLocale.optional(),
    status: z.enum(['active', 'disabled']).optional(),
    roles: z.array(z.enum(ROLES)).max(ROLES.length).optional(),
    departmentIds: z.array(ZId).max(20).optional(),
    reason: ZReason,
  })
  .meta({ id: 'UpdateUserRequest' });

export const ZResetPasswordBody = z
  .strictObject({ reason: ZReason })
  .nullish()
  .meta({ id: 'ResetPasswordRequest' });
export const ZTemporaryPasswordView = z
  .object({ temporaryPassword: z.string() })
  .meta({ id: 'TemporaryPassword' });
