import { z } from 'zod';
import { ZId, ZIsoDateTime, ZPageQuery, zPage } from './common.contract';

export const ZOutboxEventView = z
  .object({
    id: ZId.describe('Event id: receivers use it to drop duplicates'),
    type: z.string(),
    aggregateType: z.string(),
    aggregateId: z.string(),
    payload: z.record(z.string(), z.unknown()),
    occurredAt: ZIsoDateTime,
    status: z.enum(['pending', 'delivered', 'dead']),
    attempts: z.number().int(),
    nextAttemptAt: ZIsoDateTime,
    deliveredHandlers: z.array(z.string()),
    lastError: z.string().nullable(),
    deliveredAt: ZIsoDateTime.nullable(),
  })
  .meta({ id: 'OutboxEvent' });

export const ZOutboxQuery = ZPageQuery.extend({
  status: z.enum(['pending', 'delivered', 'dead']).default('dead'),
});
export const ZOutboxPage = zPage(ZOutboxEventView).meta({ id: 'OutboxPage' });

export const ZJobView = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    payload: z.record(z.string(), z.unknown()),
    status: z.enum(['queued', 'running', 'done', 'dead']),
    runAt: ZIsoDateTime,
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    lockedBy: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: ZIsoDateTime,
    finishedAt: ZIsoDateTime.nullable(),
  })
  .meta({ id: 'Job' });

export const ZJobQuery = ZPageQuery.extend({
  status: z.enum(['queued', 'running', 'done', 'dead']).default('dead'),
});
export const ZJobPage = zPage(ZJobView).meta({ id: 'JobPage' });
export const ZJobIdParams = z.strictObject({
  id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});

export const ZRoleView = z
  .object({
    role: z.string(),
    label: z.object({ 'zh-CN': z.string(), en: z.string() }),
    scope: z.enum(['department', 'all']),
    permissions: z.array(z.string()),
  })
  .meta({ id: 'Role' });
export const ZRoleList = z.object({ items: z.array(ZRoleView) }).meta({ id: 'RoleList' });
