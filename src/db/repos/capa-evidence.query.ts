import { sql } from 'drizzle-orm';
import type { CapaBatchChecked, CapaRecurrence } from '../../domain/capa/capa-action';
import { rowsOf, type Executor } from '../client';

type RecurrenceRow = {
  complaint_id: string;
  number: string | null;
  batch_no: string;
  production_date: string;
  received_at: Date | string;
};

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

/**
 * The field and production data of R-CAPA-3, read from the batch-signal counts (one `batch_signal_events` row per
 * counted, i.e. valid, complaint) and the batches' production dates. A batch missing from the reference data falls back
 * to the production date written on the complaint; a complaint with neither date cannot be placed and is left out.
 */
export const capaEvidenceQuery = {
  /** Counted complaints of the product and mechanism on batches produced on or after `from`, oldest production first. */
  async findRecurrences(
    ex: Executor,
    productId: string,
    mechanism: string,
    from: string,
  ): Promise<CapaRecurrence[]> {
    const rows = await rowsOf<RecurrenceRow>(
      ex,
      sql`select e.complaint_id, c.number, e.batch_no,
                 to_char(coalesce(b.production_date, c.production_date), 'YYYY-MM-DD') as production_date,
                 e.received_at
            from batch_signal_events e
            join complaints c on c.id = e.complaint_id
            left join batches b on b.product_id = e.product_id and b.batch_no = e.batch_no
           where e.product_id = ${productId} and e.mechanism = ${mechanism}
             and coalesce(b.production_date, c.production_date) >= ${from}::date
           order by coalesce(b.production_date, c.production_date), e.received_at, e.complaint_id
           limit 200`,
    );
    return rows.map((r) => ({
      complaintId: r.complaint_id,
      complaintNumber: r.number,
      batchNo: r.batch_no,
      productionDate: r.production_date,
      receivedAt: iso(r.received_at),
    }));
  },

  /** Batches of the product produced from `from` to `until` (inclusive), by production date. */
  async findBatchesProduced(
    ex: Executor,
    productId: string,
    from: string,
    until: string,
  ): Promise<CapaBatchChecked[]> {
    const rows = await rowsOf<{ batch_no: string; production_date: string; quantity: number | null }>(
      ex,
      sql`select batch_no, to_char(production_date, 'YYYY-MM-DD') as production_date, quantity
            from batches
           where product_id = ${productId} and production_date >= ${from}::date and production_date <= ${until}::date
           order by production_date, batch_no
           limit 1000`,
    );
    return rows.map((r) => ({
      batchNo: r.batch_no,
      productionDate: r.production_date,
      quantity: r.quantity === null ? null : Number(r.quantity),
    }));
  },

  /** Counted complaints of the product, any mechanism, on batches produced from `from` to `until`. */
  async countComplaints(ex: Executor, productId: string, from: string, until: string): Promise<number> {
    const [row] = await rowsOf<{ n: number | string }>(
      ex,
      sql`select count(*)::int as n
            from batch_signal_events e
            join complaints c on c.id = e.complaint_id
            left join batches b on b.product_id = e.product_id and b.batch_no = e.batch_no
           where e.product_id = ${productId}
             and coalesce(b.production_date, c.production_date) between ${from}::date and ${until}::date`,
    );
    return Number(row?.n ?? 0);
  },
};
