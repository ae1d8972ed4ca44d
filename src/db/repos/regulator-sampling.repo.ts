import { and, desc, eq, sql } from 'drizzle-orm';
import type { RegulatorSampling } from '../../domain/batch/batch-case-records';
import type { Executor } from '../client';
import { regulatorSamplings } from '../schema/quality.table';

type SamplingRow = typeof regulatorSamplings.$inferSelect;

const toSampling = (r: SamplingRow): RegulatorSampling => ({
  ...r,
  result: r.result as RegulatorSampling['result'],
});

export type SamplingInsert = Omit<SamplingRow, 'version'>;
export type SamplingPatch = Partial<
  Pick<
    SamplingRow,
    'retestRequestedAt' | 'retestReason' | 'originalReportToQualityAt' | 'reportRef' | 'result'
  >
>;
export type SamplingFilter = {
  readonly productId?: string | undefined;
  readonly batchNo?: string | undefined;
  readonly result?: RegulatorSampling['result'] | undefined;
};

export const regulatorSamplingRepo = {
  async findById(ex: Executor, id: string): Promise<RegulatorSampling | undefined> {
    const [row] = await ex.select().from(regulatorSamplings).where(eq(regulatorSamplings.id, id));
    return row && toSampling(row);
  },

  async findByIdForUpdate(ex: Executor, id: string): Promise<RegulatorSampling | undefined> {
    const [row] = await ex
      .select()
      .from(regulatorSamplings)
      .where(eq(regulatorSamplings.id, id))
      .for('update');
    return row && toSampling(row);
  },

  async insert(ex: Executor, row: SamplingInsert): Promise<void> {
    await ex.insert(regulatorSamplings).values(row);
  },

  async update(ex: Executor, id: string, patch: SamplingPatch): Promise<void> {
    await ex
      .update(regulatorSamplings)
      .set({ ...patch, version: sql`${regulatorSamplings.version} + 1` })
      .where(eq(regulatorSamplings.id, id));
  },

  async list(ex: Executor, filter: SamplingFilter, limit: number): Promise<RegulatorSampling[]> {
    const rows = await ex
      .select()
      .from(regulatorSamplings)
      .where(
        and(
          filter.productId ? eq(regulatorSamplings.productId, filter.productId) : undefined,
          filter.batchNo ? eq(regulatorSamplings.batchNo, filter.batchNo) : undefined,
          filter.result ? eq(regulatorSamplings.result, filter.result) : undefined,
        ),
      )
      .orderBy(desc(regulatorSamplings.sampledOn), desc(regulatorSamplings.createdAt))
      .limit(limit);
    return rows.map(toSampling);
  },
};
