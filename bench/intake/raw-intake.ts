import { randomBytes } from 'node:crypto';
import { newId } from '../../src/app/new-id';
import { sha256Hex } from '../../src/app/secrets';
import { auditHashInput, GENESIS_HASH, type AuditActorType } from '../../src/domain/audit/audit-record';
import { formatComplaintNumber } from '../../src/domain/complaint/complaint';
import { AUDIT_CHAINS } from '../../src/db/repos/audit.repo';
import type { SqlRunner } from '../lib/bench-target';

type Json = Record<string, unknown>;

/** Everything one intake wrote, as rows (row_to_json): the physical-limit run writes the same rows again. */
export type IntakeTemplate = {
  readonly complaint: Json;
  readonly deadlines: readonly Json[];
  readonly links: readonly Json[];
  readonly audit: readonly Json[];
  readonly outbox: readonly Json[];
};

const idList = (type: 'uuid' | 'text') => `(SELECT value::${type} FROM json_array_elements_text($1::json))`;

/** The rows the use-case wrote for these complaints, read back in one query per table. */
export const loadIntakeTemplates = async (
  runner: SqlRunner,
  ids: readonly string[],
): Promise<IntakeTemplate[]> => {
  const param = [JSON.stringify(ids)];
  const complaints = await runner.query<{ k: string; j: Json }>(
    `SELECT id::text AS k, row_to_json(c) AS j FROM complaints c WHERE id IN ${idList('uuid')}`,
    param,
  );
  const grouped = async (table: string, key: string, type: 'uuid' | 'text', where = '', drop = '') => {
    const rows = await runner.query<{ k: string; j: Json[] }>(
      `SELECT ${key}::text AS k, json_agg(to_jsonb(t)${drop}) AS j FROM ${table} t WHERE ${key} IN ${idList(type)} ${where} GROUP BY 1`,
      param,
    );
    return new Map(rows.map((r) => [r.k, typeof r.j === 'string' ? (JSON.parse(r.j) as Json[]) : r.j]));
  };
  const deadlines = await grouped('complaint_deadlines', 'complaint_id', 'uuid');
  const links = await grouped('complaint_links', 'from_id', 'uuid');
  const audit = await grouped('audit_log', 'entity_id', 'text', `AND entity_type = 'complaint'`, ` - 'id'`);
  const outbox = await grouped('outbox_events', 'aggregate_id', 'text', `AND aggregate_type = 'complaint'`);
  return complaints.map((c) => ({
    complaint: typeof c.j === 'string' ? (JSON.parse(c.j) as Json) : c.j,
    deadlines: deadlines.get(c.k) ?? [],
    links: links.get(c.k) ?? [],
    audit: audit.get(c.k) ?? [],
    outbox: outbox.get(c.k) ?? [],
  }));
};

/** Rows per intake in the templates (what the use-case wrote on average), for the report. */
export const rowsPerIntake = (templates: readonly IntakeTemplate[]) => {
  const avg = (f: (t: IntakeTemplate) => number) =>
    Math.round((templates.reduce((s, t) => s + f(t), 0) / Math.max(1, templates.length)) * 100) / 100;
  return {
    complaints: 1,
    complaint_deadlines: avg((t) => t.deadlines.length),
    complaint_links: avg((t) => t.links.length),
    audit_log: avg((t) => t.audit.length),
    outbox_events: avg((t) => t.outbox.length),
  };
};

// The same advisory lock auditRepo.lockChainHead takes (CHAIN_LOCK_BASE + chain), so the chains stay valid.
const CHAIN_LOCK_BASE = 7_301_100;

const LOCK_CHAIN = `SELECT (pg_backend_pid() % ${AUDIT_CHAINS})::int AS chain,
  pg_advisory_xact_lock(${CHAIN_LOCK_BASE} + pg_backend_pid() % ${AUDIT_CHAINS})::text AS locked`;

const NUMBER_AND_HEAD = `WITH n AS (
    INSERT INTO complaint_counters AS k (year, last) VALUES ($1, 1)
    ON CONFLICT (year) DO UPDATE SET last = k.last + 1 RETURNING last)
  SELECT n.last AS seq, h.chain_seq, h.hash
    FROM n LEFT JOIN LATERAL (
      SELECT chain_seq::int8 AS chain_seq, hash FROM audit_log WHERE chain = $2 ORDER BY chain_seq DESC LIMIT 1) h ON true`;

const AUDIT_COLUMNS =
  'chain, chain_seq, occurred_at, actor_type, actor_id, actor_name, entity_type, entity_id, action, before, after, reason, request_id, prev_hash, hash';

const INSERT_ALL = `WITH
  c AS (INSERT INTO complaints SELECT * FROM json_populate_record(NULL::complaints, $1::json)),
  d AS (INSERT INTO complaint_deadlines SELECT * FROM json_populate_recordset(NULL::complaint_deadlines, $2::json)),
  l AS (INSERT INTO complaint_links SELECT * FROM json_populate_recordset(NULL::complaint_links, $3::json)),
  a AS (INSERT INTO audit_log (${AUDIT_COLUMNS})
        SELECT ${AUDIT_COLUMNS} FROM json_populate_recordset(NULL::audit_log, $4::json)),
  o AS (INSERT INTO outbox_events SELECT * FROM json_populate_recordset(NULL::outbox_events, $5::json))
SELECT 1 AS done`;

/**
 * The physical limit of one intake: the same rows as the use-case wrote for `t`, written by hand in one
 * transaction with as few round trips as the rules allow — BEGIN; lock this connection's audit chain (its own
 * statement, so the next one sees the head its previous holder wrote); the gapless number (R-INT-3) and the chain
 * head together; every row in one statement (data-modifying CTEs, rows passed as JSON); COMMIT. The number
 * counter's row lock is held for the last two round trips only. New ids, number, tracking-token hash and audit
 * hashes are computed per request, the rest is copied from the template.
 */
export const writeIntakeByHand = async (
  q: SqlRunner,
  t: IntakeTemplate,
  requestId: string,
): Promise<string> => {
  const now = new Date();
  const id = newId(now.getTime());
  const year = Number(t.complaint.year);
  const [locked] = await q.query<{ chain: number }>(LOCK_CHAIN);
  const chain = Number(locked?.chain ?? 0);
  const [head] = await q.query<{ seq: number; chain_seq: string | number | null; hash: string | null }>(
    NUMBER_AND_HEAD,
    [year, chain],
  );
  const seq = Number(head?.seq);
  const number = formatComplaintNumber(year, seq);
  let chainSeq = Number(head?.chain_seq ?? 0);
  let prevHash = head?.hash ?? GENESIS_HASH;
  const complaint = {
    ...t.complaint,
    id,
    number,
    seq,
    tracking_token_hash: sha256Hex(randomBytes(24).toString('base64url')),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  const deadlines = t.deadlines.map((d) => ({ ...d, id: newId(now.getTime()), complaint_id: id }));
  const links = t.links.map((l) => ({ ...l, id: newId(now.getTime()), from_id: id }));
  const audit = t.audit.map((a) => {
    chainSeq += 1;
    const after = { ...(a.after as Json), number };
    const content = {
      chain,
      chainSeq,
      occurredAt: now,
      actorType: a.actor_type as AuditActorType,
      actorId: (a.actor_id as string | null) ?? null,
      actorName: (a.actor_name as string | null) ?? null,
      entityType: String(a.entity_type),
      entityId: id,
      action: String(a.action),
      before: a.before ?? null,
      after,
      reason: (a.reason as string | null) ?? null,
      requestId,
      prevHash,
    };
    const hash = sha256Hex(auditHashInput(content));
    const row = {
      ...a,
      chain,
      chain_seq: chainSeq,
      occurred_at: now.toISOString(),
      entity_id: id,
      after,
      request_id: requestId,
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  const outbox = t.outbox.map((o) => ({
    ...o,
    id: newId(now.getTime()),
    aggregate_id: id,
    payload: { ...(o.payload as Json), complaintId: id, number },
    occurred_at: now.toISOString(),
    next_attempt_at: now.toISOString(),
  }));
  await q.query(INSERT_ALL, [
    JSON.stringify(complaint),
    JSON.stringify(deadlines),
    JSON.stringify(links),
    JSON.stringify(audit),
    JSON.stringify(outbox),
  ]);
  return id;
};
