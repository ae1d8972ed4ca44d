import { eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { batchCases, capaActions, qualityReports } from '../schema/quality.table';

/** Whether the batch case, quality report or CAPA action a CAPA record names as its source exists. */
export const capaSourceQuery = {
  async exists(
    ex: Executor,
    sourceType: 'batch_case' | 'quality_report' | 'recurrence',
    id: string,
  ): Promise<boolean> {
    const table =
      sourceType === 'batch_case'
        ? batchCases
        : sourceType === 'quality_report'
          ? qualityReports
          : capaActions;
    const [row] = await ex.select({ id: table.id }).from(table).where(eq(table.id, id));
    return row !== undefined;
  },
};
