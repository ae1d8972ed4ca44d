import { and, asc, eq, inArray, isNotNull, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type {
  CapaAction,
  CapaKind,
  CapaSourceType,
  CapaStatus,
  CapaVerification,
} from '../../domain/capa/capa-action';
import type { Executor } from '../client';
import { keysetCondition, keysetOrder, type KeysetSort } from '../keyset';
import { userDepartments } from '../schema/identity.table';
import { capaActions } from '../schema/quality.table';

type CapaRow = typeof capaActions.$inferSelect;

/** Who may see an action (R-SEC-1): everyone, or actions owned in the actor's departments, or owned/created by them. */
export type CapaScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'departments'; readonly departmentIds: readonly string[]; readonly userId: string };

const scopeCondition = (scope: CapaScope): SQL | undefined => {
  if (scope.kind === 'all') return undefined;
  const mine = sql`(${capaActions.ownerId} = ${scope.userId} or ${capaActions.createdBy} = ${scope.userId})`;
  if (scope.departmentIds.length === 0) return mine;
  return sql`(${mine} or exists (select 1 from ${userDepartments} ud where ud.user_id = ${capaActions.ownerId} and ud.department_id in ${scope.departmentIds}))`;
};

const toAction = (r: CapaRow): CapaAction => ({
  ...r,
  sourceType: r.sourceType as CapaSourceType,
  kind: r.kind as CapaKind,
  status: r.status as CapaStatus,
  verifications: Array.isArray(r.verification) ? (r.verification as CapaVerification[]) : [],
});

export type CapaInsert = Omit<CapaAction, 'verifications'>;

export type CapaPatch = Partial<
  Pick<
    CapaAction,
    | 'status'
    | 'dueAt'
    | 'doneAt'
    | 'doneBy'
    | 'completionNote'
    | 'effectiveFrom'
    | 'verifications'
    | 'gmApprovedBy'
    | 'gmApprovedAt'
    | 'reopenCount'
    | 'escalatedAt'
    | 'cancelReason'
  >
>;

export type CapaFilter = {
  readonly status?: CapaStatus | undefined;
  readonly kind?: CapaKind | undefined;
  readonly sourceType?: CapaSourceType | undefined;
  readonly sourceId?: string | undefined;
  readonly productId?: string | undefined;
  readonly ownerId?: string | undefined;
  /** Working actions (open, reopened, review) whose due time is at or before this instant. */
  readonly overdueAt?: Date | undefined;
};

export const capaSortColumns = { createdAt: capaActions.createdAt, dueAt: capaActions.dueAt };
export type CapaSortKey = keyof typeof capaSortColumns;

export const capaActionRepo = {
  async insert(ex: Executor, a: CapaInsert): Promise<void> {
    await ex.insert(capaActions).values({ ...a, verification: [] });
  },

  async findById(
    ex: Executor,
    id: string,
    scope: CapaScope = { kind: 'all' },
  ): Promise<CapaAction | undefined> {
    const [row] = await ex
      .select()
      .from(capaActions)
      .where(and(eq(capaActions.id, id), scopeCondition(scope)));
    return row && toAction(row);
  },

  /** Locks the action for the rest of the transaction (every status change goes through here). */
  async findByIdForUpdate(
    ex: Executor,
    id: string,
    scope: CapaScope = { kind: 'all' },
  ): Promise<CapaAction | undefined> {
    const [row] = await ex
      .select()
      .from(capaActions)
      .where(and(eq(capaActions.id, id), scopeCondition(scope)))
      .for('update');
    return row && toAction(row);
  },

  async exists(ex: Executor, id: string): Promise<boolean> {
    const [row] = await ex.select({ id: capaActions.id }).from(capaActions).where(eq(capaActions.id, id));
    return row !== undefined;
  },

  async update(ex: Executor, id: string, patch: CapaPatch, at: Date): Promise<CapaAction> {
    const { verifications, ...rest } = patch;
    const [row] = await ex
      .update(capaActions)
      .set({
        ...rest,
        ...(verifications !== undefined && { verification: verifications }),
        updatedAt: at,
        version: sql`${capaActions.version} + 1`,
      })
      .where(eq(capaActions.id, id))
      .returning();
    if (!row) throw new Error(`capa action ${id} vanished`);
    return toAction(row);
  },

  async list(
    ex: Executor,
    filter: CapaFilter,
    scope: CapaScope,
    page: { sort: KeysetSort; after: { value: unknown; id: string } | undefined; limit: number },
  ): Promise<CapaAction[]> {
    const rows = await ex
      .select()
      .from(capaActions)
      .where(
        and(
          filter.status ? eq(capaActions.status, filter.status) : undefined,
          filter.kind ? eq(capaActions.kind, filter.kind) : undefined,
          filter.sourceType ? eq(capaActions.sourceType, filter.sourceType) : undefined,
          filter.sourceId ? eq(capaActions.sourceId, filter.sourceId) : undefined,
          filter.productId ? eq(capaActions.productId, filter.productId) : undefined,
          filter.ownerId ? eq(capaActions.ownerId, filter.ownerId) : undefined,
          filter.overdueAt
            ? and(
                inArray(capaActions.status, ['open', 'reopened', 'review']),
                lte(capaActions.dueAt, filter.overdueAt),
              )
            : undefined,
          scopeCondition(scope),
          keysetCondition(page.sort, capaActions.id, page.after),
        ),
      )
      .orderBy(...keysetOrder(page.sort, capaActions.id))
      .limit(page.limit);
    return rows.map(toAction);
  },

  /** Working actions past their due time not escalated yet (R-CAPA-1), locked; others' claims are skipped. */
  async claimOverdue(ex: Executor, now: Date, limit: number): Promise<CapaAction[]> {
    const rows = await ex
      .select()
      .from(capaActions)
      .where(
        and(
          inArray(capaActions.status, ['open', 'reopened', 'review']),
          lte(capaActions.dueAt, now),
          isNull(capaActions.escalatedAt),
        ),
      )
      .orderBy(asc(capaActions.dueAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    return rows.map(toAction);
  },

  /**
   * Done corrective/preventive actions the data can judge (product and mechanism known) whose watch window has
   * passed by `today` with production in it, or on whose production the problem has recurred already (R-CAPA-3),
   * locked for the sweep. Those without production in the window wait for a person (the decision asks for a note).
   * A recurrence is a counted complaint of the same product and mechanism on a batch produced on or after
   * `effective_from` (the batch's production date, else the one on the complaint).
   */
  async claimDueForVerification(ex: Executor, today: string, limit: number): Promise<CapaAction[]> {
    const rows = await ex
      .select()
      .from(capaActions)
      .where(
        and(
          eq(capaActions.status, 'done'),
          ne(capaActions.kind, 'containment'),
          isNotNull(capaActions.effectiveFrom),
          isNotNull(capaActions.productId),
          isNotNull(capaActions.mechanism),
          sql`((${capaActions.effectiveFrom} + ${capaActions.verifyAfterDays} <= ${today}::date and exists (
            select 1 from batches pb
            where pb.product_id = ${capaActions.productId} and pb.production_date >= ${capaActions.effectiveFrom}
              and pb.production_date <= ${today}::date)) or exists (
            select 1 from batch_signal_events e
              join complaints c on c.id = e.complaint_id
              left join batches b on b.product_id = e.product_id and b.batch_no = e.batch_no
            where e.product_id = ${capaActions.productId} and e.mechanism = ${capaActions.mechanism}
              and coalesce(b.production_date, c.production_date) >= ${capaActions.effectiveFrom}))`,
        ),
      )
      .orderBy(asc(capaActions.effectiveFrom))
      .limit(limit)
      .for('update', { skipLocked: true });
    return rows.map(toAction);
  },
};
