import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { CapaSourceType } from '../../domain/capa/capa-action';
import type {
  Disposal,
  DisposalObjection,
  DisposalRuling,
  DisposalStatus,
} from '../../domain/capa/decide-disposal';
import type { Executor } from '../client';
import { keysetCondition, keysetOrder, type KeysetSort } from '../keyset';
import { nonconformityDisposals } from '../schema/quality.table';

type DisposalRow = typeof nonconformityDisposals.$inferSelect;

const toDisposal = (r: DisposalRow): Disposal => ({
  ...r,
  sourceType: r.sourceType as CapaSourceType,
  status: r.status as DisposalStatus,
  objections: Array.isArray(r.objections) ? (r.objections as DisposalObjection[]) : [],
  ruling: (r.ruling ?? null) as DisposalRuling | null,
});

export type DisposalFilter = {
  readonly status?: DisposalStatus | undefined;
  readonly sourceType?: CapaSourceType | undefined;
  readonly sourceId?: string | undefined;
};

export const disposalSortColumns = {
  createdAt: nonconformityDisposals.createdAt,
  objectionUntil: nonconformityDisposals.objectionUntil,
};

export const disposalRepo = {
  async insert(ex: Executor, d: Disposal): Promise<void> {
    await ex.insert(nonconformityDisposals).values(d);
  },

  async findById(ex: Executor, id: string): Promise<Disposal | undefined> {
    const [row] = await ex.select().from(nonconformityDisposals).where(eq(nonconformityDisposals.id, id));
    return row && toDisposal(row);
  },

  async findByIdForUpdate(ex: Executor, id: string): Promise<Disposal | undefined> {
    const [row] = await ex
      .select()
      .from(nonconformityDisposals)
      .where(eq(nonconformityDisposals.id, id))
      .for('update');
    return row && toDisposal(row);
  },

  async update(
    ex: Executor,
    id: string,
    patch: Partial<
      Pick<
        Disposal,
        'status' | 'round' | 'decision' | 'publishedAt' | 'objectionUntil' | 'objections' | 'ruling'
      >
    >,
  ): Promise<Disposal> {
    const [row] = await ex
      .update(nonconformityDisposals)
      .set({ ...patch, version: sql`${nonconformityDisposals.version} + 1` })
      .where(eq(nonconformityDisposals.id, id))
      .returning();
    if (!row) throw new Error(`disposal ${id} vanished`);
    return toDisposal(row);
  },

  async list(
    ex: Executor,
    filter: DisposalFilter,
    page: { sort: KeysetSort; after: { value: unknown; id: string } | undefined; limit: number },
  ): Promise<Disposal[]> {
    const rows = await ex
      .select()
      .from(nonconformityDisposals)
      .where(
        and(
          filter.status ? eq(nonconformityDisposals.status, filter.status) : undefined,
          filter.sourceType ? eq(nonconformityDisposals.sourceType, filter.sourceType) : undefined,
          filter.sourceId ? eq(nonconformityDisposals.sourceId, filter.sourceId) : undefined,
          keysetCondition(page.sort, nonconformityDisposals.id, page.after),
        ),
      )
      .orderBy(...keysetOrder(page.sort, nonconformityDisposals.id))
      .limit(page.limit);
    return rows.map(toDisposal);
  },

  /** Published decisions whose objection window has ended (R-ESC-3), locked; others' claims are skipped. */
  async claimLapsed(ex: Executor, now: Date, limit: number): Promise<Disposal[]> {
    const rows = await ex
      .select()
      .from(nonconformityDisposals)
      .where(
        and(eq(nonconformityDisposals.status, 'published'), lte(nonconformityDisposals.objectionUntil, now)),
      )
      .orderBy(asc(nonconformityDisposals.objectionUntil))
      .limit(limit)
      .for('update', { skipLocked: true });
    return rows.map(toDisposal);
  },
};
