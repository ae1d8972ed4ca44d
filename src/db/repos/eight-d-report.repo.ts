import { and, eq, sql } from 'drizzle-orm';
import type { CapaSourceType } from '../../domain/capa/capa-action';
import type { EightDReport, EightDSections } from '../../domain/capa/eight-d';
import type { Executor } from '../client';
import { keysetCondition, keysetOrder, type KeysetSort } from '../keyset';
import { eightDReports } from '../schema/quality.table';

type EightDRow = typeof eightDReports.$inferSelect;

const toReport = (r: EightDRow): EightDReport => ({
  ...r,
  sourceType: r.sourceType as CapaSourceType,
  sections: (r.sections ?? {}) as EightDSections,
  status: r.status as EightDReport['status'],
});

export type EightDFilter = {
  readonly status?: EightDReport['status'] | undefined;
  readonly sourceType?: CapaSourceType | undefined;
  readonly sourceId?: string | undefined;
};

export const eightDReportRepo = {
  async insert(ex: Executor, r: EightDReport): Promise<void> {
    await ex.insert(eightDReports).values(r);
  },

  async findById(ex: Executor, id: string): Promise<EightDReport | undefined> {
    const [row] = await ex.select().from(eightDReports).where(eq(eightDReports.id, id));
    return row && toReport(row);
  },

  async findByIdForUpdate(ex: Executor, id: string): Promise<EightDReport | undefined> {
    const [row] = await ex.select().from(eightDReports).where(eq(eightDReports.id, id)).for('update');
    return row && toReport(row);
  },

  async update(
    ex: Executor,
    id: string,
    patch: Partial<Pick<EightDReport, 'sections' | 'status' | 'closedAt'>>,
    at: Date,
  ): Promise<EightDReport> {
    const [row] = await ex
      .update(eightDReports)
      .set({ ...patch, updatedAt: at, version: sql`${eightDReports.version} + 1` })
      .where(eq(eightDReports.id, id))
      .returning();
    if (!row) throw new Error(`8D report ${id} vanished`);
    return toReport(row);
  },

  async list(
    ex: Executor,
    filter: EightDFilter,
    page: { sort: KeysetSort; after: { value: unknown; id: string } | undefined; limit: number },
  ): Promise<EightDReport[]> {
    const rows = await ex
      .select()
      .from(eightDReports)
      .where(
        and(
          filter.status ? eq(eightDReports.status, filter.status) : undefined,
          filter.sourceType ? eq(eightDReports.sourceType, filter.sourceType) : undefined,
          filter.sourceId ? eq(eightDReports.sourceId, filter.sourceId) : undefined,
          keysetCondition(page.sort, eightDReports.id, page.after),
        ),
      )
      .orderBy(...keysetOrder(page.sort, eightDReports.id))
      .limit(page.limit);
    return rows.map(toReport);
  },
};

export const eightDSortColumns = { createdAt: eightDReports.createdAt };
