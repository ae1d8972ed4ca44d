import type { z } from 'zod';
import type { ApiToken } from '../../app/tokens/manage-api-tokens';
import type { AuditRecord } from '../../domain/audit/audit-record';
import { isPermission } from '../../domain/identity/permissions';
import type { ZApiTokenView } from '../../contracts/api-token.contract';
import type { ZAuditEntryView } from '../../contracts/audit.contract';
import type { ZJobView, ZOutboxEventView } from '../../contracts/ops.contract';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export const presentApiToken = (t: ApiToken): z.infer<typeof ZApiTokenView> => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes.filter(isPermission),
  ownerUserId: t.ownerUserId,
  createdBy: t.createdBy,
  createdAt: t.createdAt.toISOString(),
  expiresAt: iso(t.expiresAt),
  lastUsedAt: iso(t.lastUsedAt),
  revokedAt: iso(t.revokedAt),
});

export const presentAuditEntry = (r: AuditRecord): z.infer<typeof ZAuditEntryView> => ({
  id: r.id,
  occurredAt: r.occurredAt.toISOString(),
  actor: { type: r.actorType, id: r.actorId, name: r.actorName },
  entityType: r.entityType,
  entityId: r.entityId,
  action: r.action,
  before: r.before,
  after: r.after,
  reason: r.reason,
  requestId: r.requestId,
  hash: r.hash,
});

type OutboxLike = {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: unknown;
  occurredAt: Date;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  nextAttemptAt: Date;
  deliveredHandlers: string[];
  lastError: string | null;
  deliveredAt: Date | null;
};

export const presentOutboxEvent = (e: OutboxLike): z.infer<typeof ZOutboxEventView> => ({
  ...e,
  payload: (e.payload ?? {}) as Record<string, unknown>,
  occurredAt: e.occurredAt.toISOString(),
  nextAttemptAt: e.nextAttemptAt.toISOString(),
  deliveredAt: iso(e.deliveredAt),
});

type JobLike = {
  id: number;
  kind: string;
  payload: unknown;
  status: 'queued' | 'running' | 'done' | 'dead';
  runAt: Date;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
};

export const presentJob = (j: JobLike): z.infer<typeof ZJobView> => ({
  id: j.id,
  kind: j.kind,
  payload: (j.payload ?? {}) as Record<string, unknown>,
  status: j.status,
  runAt: j.runAt.toISOString(),
  attempts: j.attempts,
  maxAttempts: j.maxAttempts,
  lockedBy: j.lockedBy,
  lastError: j.lastError,
  createdAt: j.createdAt.toISOString(),
  finishedAt: iso(j.finishedAt),
});
