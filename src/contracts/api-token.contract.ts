import { z } from 'zod';
import { PERMISSIONS } from '../domain/identity/permissions';
import { ZId, ZIsoDateTime, zText } from './common.contract';

export const ZApiTokenView = z
  .object({
    id: ZId,
    name: z.string(),
    prefix: z.string().describe('First characters of the token, to recognise it'),
    scopes: z.array(z.enum(PERMISSIONS)),
    ownerUserId: ZId,
    createdBy: ZId,
    createdAt: ZIsoDateTime,
    expiresAt: ZIsoDateTime.nullable(),
    lastUsedAt: ZIsoDateTime.nullable(),
    revokedAt: ZIsoDateTime.nullable(),
  })
  .meta({ id: 'ApiToken' });

export const ZApiTokenList = z.object({ items: z.array(ZApiTokenView) }).meta({ id: 'ApiTokenList' });

export const ZCreateApiTokenBody = z
  .strictObject({
    name: zText(100),
    scopes: z.array(z.enum(PERMISSIONS)).min(1).max(PERMISSIONS.length),
    ownerUserId: ZId.optional().describe(
      'Issue for another user (needs token.manage_all); default: yourself',
    ),
    expiresAt: ZIsoDateTime.nullable().optional(),
  })
  .meta({ id: 'CreateApiTokenRequest' });

export const ZCreatedApiTokenView = z
  .object({
    token: ZApiTokenView,
    secret: z.string().describe('Shown once. Send as Authorization: Bearer <secret>'),
  })
  .meta({ id: 'CreatedApiToken' });
