import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  COMPLAINT_STATUSES,
  TERMINAL_STATUSES,
  type ComplaintStatus,
} from '../../domain/complaint/complaint-status';
import type { ComplaintKind } from '../../domain/complaint/complaint-vocabulary';
import type {
  ArchiveClosure,
  CustomerComplaintEntry,
  CustomerComplaintStats,
} from '../../domain/reference/customer-history';
import { rowsOf, type Executor } from '../client';
import { keysetCondition, keysetOrder, type KeysetSort } from '../keyset';
import { compensationLedger } from '../schema/compensation.table';
import { complaints } from '../schema/complaint.table';

/** Keys under which a paid amount (integer fen) may be recorded, most specific first. */
const PAID_KEYS = ['compensationPaidFen', 'paidFen', 'compensationFen', 'amountFen'] as const;
/** Statuses in which an agreed solution has been carried out, so the agreed amount counts as paid. */
const EXECUTED = ['resolved', 'follow_up', 'closed', 'reopened'] as const;

const numberAt = (column: SQL, key: string): SQL =>
  sql`case when jsonb_typeof(${column} -> ${sql.raw(`'${key}'`)}) = 'number' then least(greatest(round((${column} ->> ${sql.raw(`'${key}'`)})::numeric), 0), 1000000000000000) end`;

/**
 * Net paid entries of the compensation ledger for the complaint (issue 5), never below 0; NULL when it has none, so
 * the JSONB fallback applies (GREATEST ignores NULLs, hence the CASE).
 */
const ledgerPaidFen = sql`(select case when count(*) > 0 then greatest(sum(${compensationLedger.amountFen}), 0) end from ${compensationLedger}
  where ${compensationLedger.complaintId} = ${complaints.id} and ${compensationLedger.stage} = 'paid')`;

/**
 * Compensation paid on one complaint, in fen: the compensation ledger's paid entries (net of reversals) when it has
 * any. Complaints settled before the ledger existed (or imported) fall back to their JSONB, read defensively: the
 * paid amount recorded with the resolution, else the amount of the agreement once the complaint has been resolved,
 * else 0. Anything that is not a number (text, objects, a missing key) counts as nothing; negatives count as 0.
 */
const paidFen = sql<string>`coalesce(${ledgerPaidFen}, ${sql.join(
  [
    ...PAID_KEYS.map((k) => numberAt(sql`${complaints.resolution}`, k)),
    sql`case when ${complaints.status} in ${EXECUTED} then coalesce(${sql.join(
      PAID_KEYS.map((k) => numberAt(sql`${complaints.agreement}`, k)),
      sql`, `,
    )}) end`,
  ],
  sql`, `,
)}, 0)`;

const textOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

const toClosure = (value: unknown): ArchiveClosure | null => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const c = value as Record<string, unknown>;
  return { kind: textOrNull(c.kind), reason: textOrNull(c.reason), at: textOrNull(c.at) };
};

const entryColumns = {
  id: complaints.id,
  number: complaints.number,
  kind: complaints.kind,
  status: complaints.status,
  severity: complaints.severity,
  receivedAt: complaints.receivedAt,
  productName: complaints.productName,
  batchNo: complaints.batchNo,
  demands: complaints.demands,
  claimedAmountFen: complaints.claimedAmountFen,
  closure: complaints.closure,
  paid: paidFen,
};

type EntryRow = {
  id: string;
  number: string;
  kind: string;
  status: string;
  severity: string | null;
  receivedAt: Date;
  productName: string | null;
  batchNo: string | null;
  demands: string[] | null;
  claimedAmountFen: number | null;
  closure: unknown;
  paid: string | number;
};

const toEntry = (r: EntryRow): CustomerComplaintEntry => ({
  id: r.id,
  number: r.number,
  kind: r.kind as ComplaintKind,
  status: r.status as ComplaintStatus,
  severity: r.severity,
  receivedAt: r.receivedAt,
  productName: r.productName,
  batchNo: r.batchNo,
  demands: r.demands ?? [],
  claimedAmountFen: r.claimedAmountFen,
  compensationPaidFen: Number(r.paid),
  closure: toClosure(r.closure),
});

const emptyByStatus = (): Record<ComplaintStatus, number> =>
  Object.fromEntries(COMPLAINT_STATUSES.map((s) => [s, 0])) as Record<ComplaintStatus, number>;

/** Newest first: the archive and the hotline summary read a customer's complaints in this order. */
export const customerHistorySort: KeysetSort = { column: complaints.receivedAt, direction: 'desc' };

/** A customer's complaint and compensation history (R-RES-6), read from the complaints by customer id. */
export const customerHistoryRepo = {
  async listComplaints(
    ex: Executor,
    customerId: string,
    page: { after: { value: unknown; id: string } | undefined; limit: number },
  ): Promise<CustomerComplaintEntry[]> {
    const rows = await ex
      .select(entryColumns)
      .from(complaints)
      .where(
        and(
          eq(complaints.customerId, customerId),
          keysetCondition(customerHistorySort, complaints.id, page.after),
        ),
      )
      .orderBy(...keysetOrder(customerHistorySort, complaints.id))
      .limit(page.limit);
    return rows.map(toEntry);
  },

  /** The `perCustomer` newest complaints of each customer, in one query. */
  async recentComplaints(
    ex: Executor,
    customerIds: readonly string[],
    perCustomer: number,
  ): Promise<Map<string, CustomerComplaintEntry[]>> {
    const result = new Map<string, CustomerComplaintEntry[]>(customerIds.map((id) => [id, []]));
    if (customerIds.length === 0) return result;
    const ranked = ex
      .select({
        ...entryColumns,
        paid: paidFen.as('paid'),
        customerId: complaints.customerId,
        rank: sql<number>`row_number() over (partition by ${complaints.customerId} order by ${complaints.receivedAt} desc, ${complaints.id} desc)`.as(
          'rank',
        ),
      })
      .from(complaints)
      .where(inArray(complaints.customerId, [...customerIds]))
      .as('ranked');
    const rows = await ex
      .select()
      .from(ranked)
      .where(sql`${ranked.rank} <= ${perCustomer}`)
      .orderBy(sql`${ranked.receivedAt} desc`, sql`${ranked.id} desc`);
    for (const r of rows) if (r.customerId) result.get(r.customerId)?.push(toEntry(r as EntryRow));
    return result;
  },

  /** Counts by status, open complaints, compensation paid and amounts claimed, per customer. */
  async stats(ex: Executor, customerIds: readonly string[]): Promise<Map<string, CustomerComplaintStats>> {
    const result = new Map<string, CustomerComplaintStats>();
    if (customerIds.length === 0) return result;
    const rows = await rowsOf<{
      customerId: string;
      status: string;
      n: number;
      paid: string;
      claimed: string;
    }>(
      ex,
      sql`select ${complaints.customerId} as "customerId", ${complaints.status} as status, count(*)::int as n,
            sum(${paidFen})::text as paid, coalesce(sum(${complaints.claimedAmountFen}), 0)::text as claimed
          from ${complaints} where ${inArray(complaints.customerId, [...customerIds])}
          group by 1, 2`,
    );
    const acc = new Map<
      string,
      {
        complaints: number;
        open: number;
        paid: number;
        claimed: number;
        byStatus: Record<ComplaintStatus, number>;
      }
    >(
      customerIds.map((id) => [
        id,
        { complaints: 0, open: 0, paid: 0, claimed: 0, byStatus: emptyByStatus() },
      ]),
    );
    for (const r of rows) {
      const a = acc.get(r.customerId);
      if (!a) continue;
      const status = r.status as ComplaintStatus;
      a.complaints += r.n;
      if (!TERMINAL_STATUSES.includes(status)) a.open += r.n;
      if (status in a.byStatus) a.byStatus[status] += r.n;
      a.paid += Number(r.paid);
      a.claimed += Number(r.claimed);
    }
    for (const [id, a] of acc)
      result.set(id, {
        complaints: a.complaints,
        open: a.open,
        compensationPaidFen: a.paid,
        claimedAmountFen: a.claimed,
        byStatus: a.byStatus,
      });
    return result;
  },
};
