import { and, asc, eq, gte, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { SignalCounter, SignalKey } from '../../domain/batch/batch-signal';
import { rowsOf, type Executor } from '../client';
import { complaintScopeCondition, type ComplaintScope } from './complaint.repo';
import { complaints } from '../schema/complaint.table';
import {
  batchCaseComplaints,
  batchCases,
  batchSignalCounters,
  batchSignalEvents,
  investigations,
} from '../schema/quality.table';
import { batches, customers, shipments } from '../schema/reference.table';

export type SignalEventInsert = SignalKey & {
  readonly complaintId: string;
  readonly region: string | null;
  readonly serious: boolean;
  readonly receivedAt: Date;
  readonly countedAt: Date;
};

export type OpenCaseRef = { readonly id: string; readonly number: string };

export type BatchCaseInsert = SignalKey & {
  readonly id: string;
  readonly number: string;
  readonly region: string | null;
  readonly trigger: Record<string, unknown>;
  readonly openedAt: Date;
  readonly investigationDueAt: Date;
};

type KeyColumns = { productId: AnyPgColumn; batchNo: AnyPgColumn; mechanism: AnyPgColumn };

const sameKey = (t: KeyColumns, key: SignalKey): SQL | undefined =>
  and(eq(t.productId, key.productId), eq(t.batchNo, key.batchNo), eq(t.mechanism, key.mechanism));

/** Batch signal counting (R-BAT-1, R-BAT-4): events, counters, the open batch case and its complaints. */
export const batchSignalRepo = {
  /** The investigation's failure mechanism of a complaint, if one is recorded. */
  async findInvestigationMechanism(ex: Executor, complaintId: string): Promise<string | null> {
    const [row] = await ex
      .select({ mechanism: investigations.failureMechanism })
      .from(investigations)
      .where(eq(investigations.complaintId, complaintId));
    return row?.mechanism ?? null;
  },

  async findCustomerRegion(ex: Executor, customerId: string): Promise<string | null> {
    const [row] = await ex
      .select({ region: customers.region })
      .from(customers)
      .where(eq(customers.id, customerId));
    const region = row?.region?.trim() ?? '';
    return region === '' ? null : region;
  },

  /** The key a complaint counted under, or undefined when it has not counted. Locks the row until commit. */
  async findEvent(
    ex: Executor,
    complaintId: string,
  ): Promise<(SignalKey & { serious: boolean }) | undefined> {
    const [row] = await ex
      .select({
        productId: batchSignalEvents.productId,
        batchNo: batchSignalEvents.batchNo,
        mechanism: batchSignalEvents.mechanism,
        serious: batchSignalEvents.serious,
      })
      .from(batchSignalEvents)
      .where(eq(batchSignalEvents.complaintId, complaintId))
      .for('update');
    return row;
  },

  /**
   * Takes a counted complaint out of its signal (R-BAT-1): deletes its event row and subtracts it from the counter
   * in one atomic update that also re-derives the first and last complaint from the events left (an index range
   * of that key, not a scan); a counter left at zero is deleted. Returns the counter after, or undefined if gone.
   */
  async removeFromSignal(
    ex: Executor,
    complaintId: string,
    key: SignalKey,
    serious: boolean,
    now: Date,
  ): Promise<SignalCounter | undefined> {
    await ex.delete(batchSignalEvents).where(eq(batchSignalEvents.complaintId, complaintId));
    const e = batchSignalEvents;
    const same = sql`${e.productId} = ${key.productId} and ${e.batchNo} = ${key.batchNo} and ${e.mechanism} = ${key.mechanism}`;
    const [row] = await rowsOf<Record<string, unknown>>(
      ex,
      sql`with first as (select ${e.complaintId} as id, ${e.receivedAt} as at from ${e} where ${same}
                          order by ${e.receivedAt} asc, ${e.complaintId} asc limit 1),
               last as (select max(${e.receivedAt}) as at from ${e} where ${same})
          update ${batchSignalCounters} set
            valid_complaints = valid_complaints - 1,
            serious_events = greatest(0, serious_events - ${serious ? 1 : 0}),
            first_complaint_id = coalesce((select id from first), first_complaint_id),
            first_complaint_at = coalesce((select at from first), first_complaint_at),
            last_complaint_at = coalesce((select at from last), last_complaint_at),
            updated_at = ${now}
          where product_id = ${key.productId} and batch_no = ${key.batchNo} and mechanism = ${key.mechanism}
          returning valid_complaints`,
    );
    if (!row || Number(row.valid_complaints) <= 0) {
      await ex.delete(batchSignalCounters).where(sameKey(batchSignalCounters, key));
      return undefined;
    }
    return batchSignalRepo.findCounter(ex, key);
  },

  /** Records that a complaint counted; false when it had counted already (a re-triage never counts twice). */
  async insertEvent(ex: Executor, row: SignalEventInsert): Promise<boolean> {
    const inserted = await ex
      .insert(batchSignalEvents)
      .values(row)
      .onConflictDoNothing({ target: batchSignalEvents.complaintId })
      .returning({ id: batchSignalEvents.complaintId });
    return inserted.length > 0;
  },

  /**
   * Adds one complaint to the counter in a single atomic upsert (never read-modify-write): the row stays locked
   * until commit, so concurrent intakes of one signal key queue here and each sees the count before it. The first
   * complaint is the earliest received (R-SLA-7 counts from it), whatever order they were triaged in.
   */
  async addToCounter(
    ex: Executor,
    key: SignalKey,
    c: { complaintId: string; receivedAt: Date; serious: boolean; now: Date },
  ): Promise<SignalCounter> {
    const t = batchSignalCounters;
    const [row] = await ex
      .insert(t)
      .values({
        ...key,
        validComplaints: 1,
        seriousEvents: c.serious ? 1 : 0,
        firstComplaintId: c.complaintId,
        firstComplaintAt: c.receivedAt,
        lastComplaintAt: c.receivedAt,
        updatedAt: c.now,
      })
      .onConflictDoUpdate({
        target: [t.productId, t.batchNo, t.mechanism],
        set: {
          validComplaints: sql`${t.validComplaints} + 1`,
          seriousEvents: sql`${t.seriousEvents} + excluded.serious_events`,
          firstComplaintId: sql`case when excluded.first_complaint_at < ${t.firstComplaintAt} then excluded.first_complaint_id else ${t.firstComplaintId} end`,
          firstComplaintAt: sql`least(${t.firstComplaintAt}, excluded.first_complaint_at)`,
          lastComplaintAt: sql`greatest(${t.lastComplaintAt}, excluded.last_complaint_at)`,
          updatedAt: sql`excluded.updated_at`,
        },
      })
      .returning();
    if (!row) throw new Error('batch signal counter upsert returned no row');
    return row;
  },

  async findCounter(ex: Executor, key: SignalKey): Promise<SignalCounter | undefined> {
    const [row] = await ex.select().from(batchSignalCounters).where(sameKey(batchSignalCounters, key));
    return row;
  },

  /** R-BAT-1 denominator: units of the batch shipped, else the batch quantity, else 0. */
  async findUnitsShipped(ex: Executor, productId: string, batchNo: string): Promise<number> {
    const [row] = await rowsOf<{ shipped: string | number | null; quantity: number | null }>(
      ex,
      sql`select (select sum(${shipments.quantity}) from ${shipments} where ${shipments.batchId} = b.id) as shipped,
                 b.quantity as quantity
          from ${batches} b where b.product_id = ${productId} and b.batch_no = ${batchNo}`,
    );
    if (!row) return 0;
    return row.shipped !== null ? Number(row.shipped) : (row.quantity ?? 0);
  },

  /** When the counted complaints of a key in one region came in, between two times (an index range). */
  async listRegionalReceivedAt(
    ex: Executor,
    key: SignalKey,
    region: string,
    from: Date,
    to: Date,
  ): Promise<Date[]> {
    const e = batchSignalEvents;
    const rows = await ex
      .select({ receivedAt: e.receivedAt })
      .from(e)
      .where(and(sameKey(e, key), eq(e.region, region), gte(e.receivedAt, from), lte(e.receivedAt, to)));
    return rows.map((r) => r.receivedAt);
  },

  async listCountedComplaintIds(ex: Executor, key: SignalKey): Promise<string[]> {
    const e = batchSignalEvents;
    const rows = await ex
      .select({ id: e.complaintId })
      .from(e)
      .where(sameKey(e, key))
      .orderBy(asc(e.receivedAt), asc(e.complaintId));
    return rows.map((r) => r.id);
  },

  async findOpenCase(ex: Executor, key: SignalKey): Promise<OpenCaseRef | undefined> {
    const [row] = await ex
      .select({ id: batchCases.id, number: batchCases.number })
      .from(batchCases)
      .where(and(sameKey(batchCases, key), ne(batchCases.status, 'closed')));
    return row;
  },

  /**
   * Opens the batch case of a key unless one is open (the partial unique index batch_cases_open_uq decides, so
   * concurrent intakes end with one case); true when this call opened it.
   */
  async insertCaseIfNoneOpen(ex: Executor, row: BatchCaseInsert): Promise<boolean> {
    const inserted = await ex
      .insert(batchCases)
      .values({ ...row, status: 'open' })
      .onConflictDoNothing({
        target: [batchCases.productId, batchCases.batchNo, batchCases.mechanism],
        where: sql`status <> 'closed'`,
      })
      .returning({ id: batchCases.id });
    return inserted.length > 0;
  },

  /** Links complaints to a case (idempotent); returns the ids newly linked. */
  async linkComplaints(
    ex: Executor,
    caseId: string,
    complaintIds: readonly string[],
    at: Date,
  ): Promise<string[]> {
    if (complaintIds.length === 0) return [];
    const rows = await ex
      .insert(batchCaseComplaints)
      .values(complaintIds.map((complaintId) => ({ caseId, complaintId, linkedAt: at })))
      .onConflictDoNothing()
      .returning({ id: batchCaseComplaints.complaintId });
    return rows.map((r) => r.id);
  },
};

export type CountedComplaint = {
  readonly id: string;
  readonly number: string;
  readonly status: string;
  readonly receivedAt: Date;
  readonly region: string | null;
  readonly serious: boolean;
  readonly reportIssuedAt: string | null;
};

/** The counted complaints of a key the reader may see (complaint scope, R-SEC-1), the earliest first. */
export const listCountedComplaints = async (
  ex: Executor,
  key: SignalKey,
  scope: ComplaintScope | null,
): Promise<CountedComplaint[]> => {
  if (scope === null) return [];
  const e = batchSignalEvents;
  const rows = await ex
    .select({
      id: complaints.id,
      number: complaints.number,
      status: complaints.status,
      receivedAt: e.receivedAt,
      region: e.region,
      serious: e.serious,
      eventTimes: complaints.eventTimes,
    })
    .from(e)
    .innerJoin(complaints, eq(complaints.id, e.complaintId))
    .where(and(sameKey(e, key), complaintScopeCondition(scope)))
    .orderBy(asc(e.receivedAt), asc(e.complaintId));
  return rows.map(({ eventTimes, ...r }) => ({
    ...r,
    reportIssuedAt: (eventTimes as Record<string, string> | null)?.report_issued ?? null,
  }));
};
