import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { AuditActorType, AuditRecord } from '../../domain/audit/audit-record';
import { rowsOf, type Executor } from '../client';
import { auditLog } from '../schema/platform.table';

/** Concurrent writers spread over this many hash chains (one lock each) instead of queueing on one. */
export const AUDIT_CHAINS = 8;
const CHAIN_LOCK_BASE = 7_301_100;

type AuditRow = typeof auditLog.$inferSelect;

const toRecord = (r: AuditRow): AuditRecord => ({
  ...r,
  id: r.id.toString(),
  actorType: r.actorType as AuditActorType,
});

export const auditRepo = {
  /**
   * Locks this connection's chain until the transaction ends and returns its head. The chain is chosen by
   * backend pid, so every append of one transaction lands in one chain and two transactions on different
   * connections rarely wait for each other. The lock is taken in its own statement so that the next
   * statement (read committed) sees the head written by whoever held the lock before.
   */
  async lockChainHead(ex: Executor): Promise<{ chain: number; seq: number; hash: string | undefined }> {
    const [locked] = await rowsOf<{ chain: number }>(
      ex,
      sql`select (pg_backend_pid() % ${AUDIT_CHAINS})::int as chain, pg_advisory_xact_lock(${CHAIN_LOCK_BASE} + pg_backend_pid() % ${AUDIT_CHAINS})::text as locked`,
    );
    const chain = Number(locked?.chain ?? 0);
    const [head] = await ex
      .select({ seq: auditLog.chainSeq, hash: auditLog.hash })
      .from(auditLog)
      .where(eq(auditLog.chain, chain))
      .orderBy(sql`${auditLog.chainSeq} desc`)
      .limit(1);
    return { chain, seq: head?.seq ?? 0, hash: head?.hash };
  },

  /** Inserts in chunks: one statement may carry at most 65,535 parameters (a 5,000-row import would not fit). */
  async insert(ex: Executor, rows: readonly Omit<AuditRecord, 'id'>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await ex
        .insert(auditLog)
        .values(
          rows.slice(i, i + 500).map((r) => ({ ...r, before: r.before ?? null, after: r.after ?? null })),
        );
    }
  },

  async listForEntity(
    ex: Executor,
    entityType: string,
    entityId: string,
    afterId: string | undefined,
    limit: number,
  ): Promise<AuditRecord[]> {
    const rows = await ex
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, entityType),
          eq(auditLog.entityId, entityId),
          afterId ? gt(auditLog.id, BigInt(afterId)) : undefined,
        ),
      )
      .orderBy(asc(auditLog.id))
      .limit(limit);
    return rows.map(toRecord);
  },

  /** The chain numbers in use (a loose index scan: one probe per chain, not a scan of the table). */
  async findChains(ex: Executor): Promise<number[]> {
    const rows = await rowsOf<{ chain: number }>(
      ex,
      sql`with recursive c(chain) as (
            select min(chain) from audit_log
            union all
            select (select min(a.chain) from audit_log a where a.chain > c.chain) from c where c.chain is not null)
          select chain::int as chain from c where chain is not null`,
    );
    return rows.map((r) => Number(r.chain));
  },

  async findBySeq(ex: Executor, chain: number, chainSeq: number): Promise<AuditRecord | undefined> {
    const [row] = await ex
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.chain, chain), eq(auditLog.chainSeq, chainSeq)));
    return row && toRecord(row);
  },

  async listChainPage(ex: Executor, chain: number, afterSeq: number, limit: number): Promise<AuditRecord[]> {
    const rows = await ex
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.chain, chain), gt(auditLog.chainSeq, afterSeq)))
      .orderBy(asc(auditLog.chainSeq))
      .limit(limit);
    return rows.map(toRecord);
  },
};
