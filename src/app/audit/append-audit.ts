import {
  GENESIS_HASH,
  auditHashInput,
  type AuditActorType,
  type AuditContent,
  type AuditRecord,
} from '../../domain/audit/audit-record';
import type { Actor } from '../../domain/identity/actor';
import type { Tx } from '../../db/client';
import { auditRepo, type AuditHead } from '../../db/repos/audit.repo';
import type { UseCaseContext } from '../context';
import { sha256Hex } from '../secrets';

export type AuditEntry = {
  readonly entityType: string;
  readonly entityId: string;
  /** Dotted verb, e.g. `user.created`, `department.moved`. */
  readonly action: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly reason?: string | null;
};

const SECRET_KEYS = new Set([
  'password',
  'passwordHash',
  'tokenHash',
  'csrfToken',
  'secret',
  'token',
  'newPassword',
  'currentPassword',
]);

/** Copies a value for the audit trail without secrets; dates become ISO strings (what JSONB keeps). */
const sanitize = (value: unknown): unknown => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(sanitize);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k, v]) => !SECRET_KEYS.has(k) && v !== undefined)
        .map(([k, v]) => [k, sanitize(v)]),
    );
  }
  return value;
};

const actorColumns = (
  actor: Actor,
): { actorType: AuditActorType; actorId: string | null; actorName: string | null } => {
  switch (actor.kind) {
    case 'user':
      return actor.via.kind === 'token'
        ? { actorType: 'token', actorId: actor.via.tokenId, actorName: actor.displayName }
        : { actorType: 'user', actorId: actor.userId, actorName: actor.displayName };
    case 'system':
      return { actorType: 'system', actorId: null, actorName: actor.name };
    case 'anonymous':
      return { actorType: 'customer', actorId: null, actorName: null };
  }
};

/**
 * Locks this transaction's audit chain and builds the rows for `entries`, hashed onto its head (R-SEC-2). The
 * caller inserts them in the same transaction (`appendAudit` does; `recordChange` writes them together with the
 * events). The chain lock is held until commit, so call it near the end of the use-case.
 */
export const prepareAuditRows = async (
  tx: Tx,
  ctx: UseCaseContext,
  occurredAt: Date,
  entries: readonly AuditEntry[],
  /** Attributes the rows to a user who is not yet the request's actor (the user logging in). */
  actorOverride?: { readonly userId: string; readonly displayName: string },
): Promise<Omit<AuditRecord, 'id'>[]> => {
  if (entries.length === 0) return [];
  return chainAuditRows(await auditRepo.lockChainHead(tx), ctx, occurredAt, entries, actorOverride);
};

/**
 * The audit rows for `entries`, numbered and hashed onto `head` — which the caller read after taking the chain's
 * lock, in this transaction, with no audit row written since (`prepareAuditRows` does both).
 */
export const chainAuditRows = (
  head: AuditHead,
  ctx: UseCaseContext,
  occurredAt: Date,
  entries: readonly AuditEntry[],
  actorOverride?: { readonly userId: string; readonly displayName: string },
): Omit<AuditRecord, 'id'>[] => {
  let prevHash = head.hash ?? GENESIS_HASH;
  let seq = head.seq;
  const actor = actorOverride
    ? { actorType: 'user' as const, actorId: actorOverride.userId, actorName: actorOverride.displayName }
    : actorColumns(ctx.actor);
  return entries.map((e) => {
    seq += 1;
    const content: AuditContent = {
      chain: head.chain,
      chainSeq: seq,
      occurredAt,
      ...actor,
      entityType: e.entityType,
      entityId: e.entityId,
      action: e.action,
      before: sanitize(e.before),
      after: sanitize(e.after),
      reason: e.reason ?? null,
      requestId: ctx.requestId,
      prevHash,
    };
    const hash = sha256Hex(auditHashInput(content));
    prevHash = hash;
    return { ...content, hash };
  });
};

/**
 * Appends audit rows in the caller's transaction (R-SEC-2), so the trail commits or rolls back with the change.
 * Call it once, near the end of the use-case: it holds the chain lock until commit.
 */
export const appendAudit = async (
  tx: Tx,
  ctx: UseCaseContext,
  occurredAt: Date,
  entries: readonly AuditEntry[],
  /** Attributes the rows to a user who is not yet the request's actor (the user logging in). */
  actorOverride?: { readonly userId: string; readonly displayName: string },
): Promise<void> => {
  const rows = await prepareAuditRows(tx, ctx, occurredAt, entries, actorOverride);
  if (rows.length > 0) await auditRepo.insert(tx, rows);
};
