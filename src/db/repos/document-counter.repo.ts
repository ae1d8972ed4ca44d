import { sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { documentCounters } from '../schema/compensation.table';

/** Printed-form series with their own gapless numbering per year (R-RPT-3). */
export type DocumentKind =
  | 'cost_transfer'
  | 'deduction_notice'
  | 'batch_case'
  | 'recall'
  | 'quality_report_abnormality'
  | 'quality_report_special'
  | 'capa_action'
  | 'eight_d_report'
  | 'nonconformity_disposal'
  | 'write_off';

export const documentCounterRepo = {
  /**
   * The next number of the series in `year`. The counter row stays locked until the caller's transaction commits,
   * so numbers are gapless and in commit order; a rolled-back transaction gives its number back.
   */
  async next(ex: Executor, kind: DocumentKind, year: number): Promise<number> {
    const [row] = await ex
      .insert(documentCounters)
      .values({ kind, year, last: 1 })
      .onConflictDoUpdate({
        target: [documentCounters.kind, documentCounters.year],
        set: { last: sql`${documentCounters.last} + 1` },
      })
      .returning({ last: documentCounters.last });
    if (!row) throw new Error(`document counter ${kind}/${year} returned no row`);
    return row.last;
  },
};
