import { and, inArray, ne, sql } from 'drizzle-orm';
import type { SignalKey } from '../../domain/batch/batch-signal';
import { rowsOf, type Executor } from '../client';
import { batchCases, batchSignalEvents } from '../schema/quality.table';

export type BoardSignalRow = SignalKey & {
  readonly productCode: string;
  readonly productName: string;
  readonly validComplaints: number;
  readonly seriousEvents: number;
  readonly firstComplaintAt: Date;
  readonly lastComplaintAt: Date;
  readonly unitsShipped: number;
};

export type BoardCount = SignalKey & { readonly label: string | null; readonly n: number };

type RawSignal = {
  product_id: string;
  batch_no: string;
  mechanism: string;
  product_code: string;
  product_name: string;
  valid_complaints: number;
  serious_events: number;
  first_complaint_at: Date | string;
  last_complaint_at: Date | string;
  units_shipped: string | number;
};

/** Set-based figures of the batch board (R-BAT-1…4): signals ranked by rate, trends and regions from the events. */
export const batchBoardQuery = {
  /**
   * The signal counters with their units shipped (shipments of the batch, else its quantity, else 0), batches
   * ranked by their highest rate (nothing shipped last), the signals of a batch by rate, then by count.
   */
  async rankedSignals(
    ex: Executor,
    filter: { readonly productId?: string | undefined; readonly batchNo?: string | undefined },
    limit: number,
  ): Promise<BoardSignalRow[]> {
    const rows = await rowsOf<RawSignal>(
      ex,
      sql`with s as (
            select c.product_id, c.batch_no, c.mechanism, c.valid_complaints, c.serious_events,
                   c.first_complaint_at, c.last_complaint_at,
                   coalesce(
                     (select sum(sh.quantity) from shipments sh join batches b on b.id = sh.batch_id
                      where b.product_id = c.product_id and b.batch_no = c.batch_no),
                     (select b.quantity from batches b where b.product_id = c.product_id and b.batch_no = c.batch_no),
                     0)::bigint as units_shipped
            from batch_signal_counters c
            where (${filter.productId ?? null}::uuid is null or c.product_id = ${filter.productId ?? null}::uuid)
              and (${filter.batchNo ?? null}::text is null or c.batch_no = ${filter.batchNo ?? null}::text)
          ), r as (
            select s.*,
                   case when s.units_shipped > 0 then s.valid_complaints::numeric / s.units_shipped end as rate
            from s
          ), ranked as (
            select r.*,
                   max(r.rate) over (partition by r.product_id, r.batch_no) as batch_rate,
                   sum(r.valid_complaints) over (partition by r.product_id, r.batch_no) as batch_valid
            from r
          )
          select ranked.*, p.code as product_code, p.name as product_name
          from ranked join products p on p.id = ranked.product_id
          order by ranked.batch_rate desc nulls last, ranked.batch_valid desc, p.code, ranked.batch_no,
                   ranked.rate desc nulls last, ranked.valid_complaints desc, ranked.mechanism
          limit ${limit}`,
    );
    return rows.map((r) => ({
      productId: r.product_id,
      batchNo: r.batch_no,
      mechanism: r.mechanism,
      productCode: r.product_code,
      productName: r.product_name,
      validComplaints: Number(r.valid_complaints),
      seriousEvents: Number(r.serious_events),
      firstComplaintAt: new Date(r.first_complaint_at),
      lastComplaintAt: new Date(r.last_complaint_at),
      unitsShipped: Number(r.units_shipped),
    }));
  },

  /** Counted complaints per ISO week (of the calendar's time zone) for these products' signals. */
  async weeklyCounts(ex: Executor, productIds: readonly string[], timeZone: string): Promise<BoardCount[]> {
    if (productIds.length === 0) return [];
    const e = batchSignalEvents;
    const week = sql<string>`to_char(${e.receivedAt} at time zone ${timeZone}, 'IYYY-"W"IW')`;
    const rows = await ex
      .select({
        productId: e.productId,
        batchNo: e.batchNo,
        mechanism: e.mechanism,
        label: week,
        n: sql<number>`count(*)::int`,
      })
      .from(e)
      .where(inArray(e.productId, [...productIds]))
      // By position: the zone is a bound parameter, so the expression differs textually between SELECT and GROUP BY.
      .groupBy(sql`1, 2, 3, 4`)
      .orderBy(sql`4`);
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  },

  /** Counted complaints per region (null: customer's region unknown) for these products' signals. */
  async regionCounts(ex: Executor, productIds: readonly string[]): Promise<BoardCount[]> {
    if (productIds.length === 0) return [];
    const e = batchSignalEvents;
    const rows = await ex
      .select({
        productId: e.productId,
        batchNo: e.batchNo,
        mechanism: e.mechanism,
        label: e.region,
        n: sql<number>`count(*)::int`,
      })
      .from(e)
      .where(inArray(e.productId, [...productIds]))
      .groupBy(e.productId, e.batchNo, e.mechanism, e.region)
      .orderBy(sql`count(*) desc`, e.region);
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  },

  /** The batch cases not closed yet of these products. */
  async openCases(ex: Executor, productIds: readonly string[]) {
    if (productIds.length === 0) return [];
    return ex
      .select({
        id: batchCases.id,
        number: batchCases.number,
        productId: batchCases.productId,
        batchNo: batchCases.batchNo,
        mechanism: batchCases.mechanism,
        status: batchCases.status,
        openedAt: batchCases.openedAt,
        investigationDueAt: batchCases.investigationDueAt,
      })
      .from(batchCases)
      .where(and(inArray(batchCases.productId, [...productIds]), ne(batchCases.status, 'closed')));
  },
};
