import { canonicalJson } from '../shared/canonical-json';

/** Who did a change: a staff user, a system token, a customer through the portal, or the system itself. */
export type AuditActorType = 'user' | 'token' | 'customer' | 'system';

/** The content of one audit row, as written (R-SEC-2). */
export type AuditContent = {
  readonly chain: number;
  readonly chainSeq: number;
  readonly occurredAt: Date;
  readonly actorType: AuditActorType;
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly entityType: string;
  readonly entityId: string;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly reason: string | null;
  readonly requestId: string | null;
  readonly prevHash: string;
};

export type AuditRecord = AuditContent & { readonly id: string; readonly hash: string };

/** The hash a chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The text an audit row's hash is computed over (R-SEC-2): every field of the row, including the
 * previous row's hash, so editing any field or any earlier row breaks the chain from that point.
 */
export const auditHashInput = (content: AuditContent): string =>
  canonicalJson({
    v: 1,
    chain: content.chain,
    chainSeq: content.chainSeq,
    occurredAt: content.occurredAt,
    actorType: content.actorType,
    actorId: content.actorId,
    actorName: content.actorName,
    entityType: content.entityType,
    entityId: content.entityId,
    action: content.action,
    before: content.before,
    after: content.after,
    reason: content.reason,
    requestId: content.requestId,
    prevHash: content.prevHash,
  });
