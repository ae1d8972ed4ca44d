import { and, asc, eq, lte, sql, type SQL } from 'drizzle-orm';
import type { CapaSourceType } from '../../domain/capa/capa-action';
import type {
  Disposal,
  DisposalApproval,
  DisposalObjection,
  DisposalReturn,
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
  approvals: Array.isArray(r.approvals) ? (r.approvals as DisposalApproval[]) : [],
  returns: Array.isArray(r.returns) ? (r.returns as DisposalReturn[]) : [],
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

// A decision waiting for the chief engineer has no window yet: it sorts after every window, as if it ended at infinity.
const windowKey = sql`coalesce(${nonconformityDisposals.objectionUntil}, 'infinity'::timestamptz)`;

const seekAndOrder = (page: {
  sort: KeysetSort;
  after: { value: unknown; id: string } | undefined;
}): { where: SQL | undefined; orderBy: SQL[] } => {
  if (page.sort.column !== nonconformityDisposals.objectionUntil)
    return {
      where: keysetCondition(page.sort, nonconformityDisposals.id, page.after),
      orderBy: keysetOrder(page.sort, nonconformityDisposals.id),
    };
  const dir = sql.raw(page.sort.direction);
  const op = sql.raw(page.sort.direction === 'asc' ? '>' : '<');
  const after = page.after;
  const value = after?.value == null ? null : new Date(String(after.value));
  return {
    where: after
      ? sql`(${windowKey}, ${nonconformityDisposals.id}) ${op} (coalesce(${value}::timestamptz, 'infinity'::timestamptz), ${after.id})`
      : undefined,
    orderBy: [sql`${windowKey} ${dir}`, sql`${nonconformityDisposals.id} ${dir}`],
  };
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
        | 'status'
        | 'round'
        | 'decision'
        | 'publishedAt'
        | 'objectionUntil'
        | 'approvals'
        | 'returns'
        | 'objections'
        | 'ruling'
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
    const seek = seekAndOrder(page);
    const rows = await ex
      .select()
      .from(nonconformityDisposals)
      .where(
        and(
          filter.status ? eq(nonconformityDisposals.status, filter.status) : undefined,
          filter.sourceType ? eq(nonconformityDisposals.sourceType, filter.sourceType) : undefined,
          filter.sourceId ? eq(nonconformityDisposals.sourceId, filter.sourceId) : undefined,
          seek.where,
        ),
      )
      .orderBy(...seek.orderBy)
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
