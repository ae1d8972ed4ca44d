import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { AuditActorType, AuditRecord } from '../../domain/audit/audit-record';
import { rowsOf, type Executor } from '../client';
import { jsonInsert } from '../insert-json-rows';
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

/** Where the next audit row of a chain goes: after `seq`, hashed onto `hash` (undefined for an empty chain). */
export type AuditHead = { readonly chain: number; readonly seq: number; readonly hash: string | undefined };
type StoredHead = { seq: number | string; hash: string };

export const auditRepo = {
  /**
   * Locks this connection's chain until the transaction ends and returns its head. The chain is chosen by
   * backend pid, so every append of one transaction lands in one chain and two transactions on different
   * connections rarely wait for each other. The lock is taken in its own statement so that the next
   * statement (read committed) sees the head written by whoever held the lock before.
   */
  async lockChainHead(ex: Executor): Promise<AuditHead> {
    const [locked] = await rowsOf<{ audit_chain: number }>(ex, sql`select ${auditRepo.lockChainColumns()}`);
    const chain = Number(locked?.audit_chain ?? 0);
    const [head] = await rowsOf<{ audit_head: StoredHead }>(ex, sql`select ${auditRepo.headColumn(chain)}`);
    return auditRepo.toHead(chain, head?.audit_head ?? null);
  },

  /**
   * The select-list items that lock this connection's chain (`audit_chain`, `audit_locked`): a hot path folds them
   * into a statement it sends anyway. The head must then be read by a later statement (`headColumn`).
   */
  lockChainColumns(): SQL {
    return sql`(pg_backend_pid() % ${AUDIT_CHAINS})::int as audit_chain, pg_advisory_xact_lock(${CHAIN_LOCK_BASE} + pg_backend_pid() % ${AUDIT_CHAINS})::text as audit_locked`;
  },

  /** The select-list item `audit_head` with the chain's last row (seq and hash), or null for an empty chain. */
  headColumn(chain: number): SQL {
    return sql`(select json_build_object('seq', chain_seq, 'hash', hash) from audit_log
                 where chain = ${chain} order by chain_seq desc limit 1) as audit_head`;
  },

  toHead(chain: number, stored: StoredHead | null): AuditHead {
    return { chain, seq: Number(stored?.seq ?? 0), hash: stored?.hash };
  },

  /** One statement whatever the number of rows (a sweep's 1,000 breaches, a 5,000-row import): rows as one JSON value. */
  async insert(ex: Executor, rows: readonly Omit<AuditRecord, 'id'>[]): Promise<void> {
    const statement = auditRepo.insertStatement(rows);
    if (statement) await ex.execute(statement);
  },

  /** The insert of `insert`, to send together with other writes (`insertJsonRowsTogether`). */
  insertStatement(rows: readonly Omit<AuditRecord, 'id'>[]): SQL | null {
    return jsonInsert(
      auditLog,
      rows.map((r) => ({ ...r, before: r.before ?? null, after: r.after ?? null })),
    );
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
