import { and, asc, desc, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { BatchCase, SealTask } from '../../domain/batch/batch-case-records';
import type { Executor } from '../client';
import { complaints } from '../schema/complaint.table';
import { complaintScopeCondition, type ComplaintScope } from './complaint.repo';
import { auditLog } from '../schema/platform.table';
import { batchCaseComplaints, batchCases, sealTasks } from '../schema/quality.table';

type CaseRow = typeof batchCases.$inferSelect;
type SealRow = typeof sealTasks.$inferSelect;

/** The audit action the overdue sweep writes; its presence means "escalated already" (R-SLA-11, once). */
export const INVESTIGATION_OVERDUE_ACTION = 'batch_case.investigation_overdue';

const toCase = (r: CaseRow): BatchCase => ({
  ...r,
  trigger: (r.trigger ?? {}) as Record<string, unknown>,
  status: r.status as BatchCase['status'],
  investigation: (r.investigation ?? null) as BatchCase['investigation'],
  decision: r.decision as BatchCase['decision'],
});

const toSealTask = (r: SealRow): SealTask => ({ ...r, status: r.status as SealTask['status'] });

export type BatchCaseInsert = Omit<CaseRow, 'version'>;
export type BatchCasePatch = Partial<
  Pick<
    CaseRow,
    | 'status'
    | 'investigation'
    | 'investigationFiledAt'
    | 'investigationFiledBy'
    | 'decision'
    | 'decisionNote'
    | 'decidedBy'
    | 'decidedAt'
    | 'closedAt'
  >
>;

export type BatchCaseFilter = {
  readonly status?: BatchCase['status'] | undefined;
  readonly productId?: string | undefined;
  readonly batchNo?: string | undefined;
};

export const batchCaseRepo = {
  async findById(ex: Executor, id: string): Promise<BatchCase | undefined> {
    const [row] = await ex.select().from(batchCases).where(eq(batchCases.id, id));
    return row && toCase(row);
  },

  async findByIdForUpdate(ex: Executor, id: string): Promise<BatchCase | undefined> {
    const [row] = await ex.select().from(batchCases).where(eq(batchCases.id, id)).for('update');
    return row && toCase(row);
  },

  /** The case not yet closed for (product, batch, mechanism), if any (the partial unique index allows one). */
  async findOpen(
    ex: Executor,
    productId: string,
    batchNo: string,
    mechanism: string,
  ): Promise<BatchCase | undefined> {
    const [row] = await ex
      .select()
      .from(batchCases)
      .where(
        and(
          eq(batchCases.productId, productId),
          eq(batchCases.batchNo, batchNo),
          eq(batchCases.mechanism, mechanism),
          ne(batchCases.status, 'closed'),
        ),
      );
    return row && toCase(row);
  },

  async insert(ex: Executor, row: BatchCaseInsert): Promise<void> {
    await ex.insert(batchCases).values(row);
  },

  /** Applies the patch and bumps the version (the caller holds the row lock). */
  async update(ex: Executor, id: string, patch: BatchCasePatch): Promise<void> {
    await ex
      .update(batchCases)
      .set({ ...patch, version: sql`${batchCases.version} + 1` })
      .where(eq(batchCases.id, id));
  },

  async list(ex: Executor, filter: BatchCaseFilter, limit: number): Promise<BatchCase[]> {
    const rows = await ex
      .select()
      .from(batchCases)
      .where(
        and(
          filter.status ? eq(batchCases.status, filter.status) : undefined,
          filter.productId ? eq(batchCases.productId, filter.productId) : undefined,
          filter.batchNo ? eq(batchCases.batchNo, filter.batchNo) : undefined,
        ),
      )
      .orderBy(desc(batchCases.openedAt), desc(batchCases.id))
      .limit(limit);
    return rows.map(toCase);
  },

  async linkComplaints(
    ex: Executor,
    caseId: string,
    complaintIds: readonly string[],
    at: Date,
  ): Promise<void> {
    if (complaintIds.length === 0) return;
    await ex
      .insert(batchCaseComplaints)
      .values(complaintIds.map((complaintId) => ({ caseId, complaintId, linkedAt: at })))
      .onConflictDoNothing();
  },

  /** The linked complaints the reader may see (R-SEC-1 complaint scope). */
  async listComplaints(
    ex: Executor,
    caseId: string,
    scope: ComplaintScope,
  ): Promise<{ id: string; number: string; receivedAt: Date; linkedAt: Date }[]> {
    return ex
      .select({
        id: complaints.id,
        number: complaints.number,
        receivedAt: complaints.receivedAt,
        linkedAt: batchCaseComplaints.linkedAt,
      })
      .from(batchCaseComplaints)
      .innerJoin(complaints, eq(complaints.id, batchCaseComplaints.complaintId))
      .where(and(eq(batchCaseComplaints.caseId, caseId), complaintScopeCondition(scope)))
      .orderBy(asc(complaints.receivedAt), asc(complaints.id));
  },

  /**
   * R-SLA-11 sweep: cases still open or investigating whose investigation is not filed by its due time and that
   * were not escalated yet (no overdue audit row), locked with SKIP LOCKED so two workers never take one case.
   */
  async claimOverdueInvestigations(ex: Executor, now: Date, limit: number): Promise<BatchCase[]> {
    const rows = await ex
      .select()
      .from(batchCases)
      .where(
        and(
          inArray(batchCases.status, ['open', 'investigating']),
          isNull(batchCases.investigationFiledAt),
          lt(batchCases.investigationDueAt, now),
          sql`not exists (select 1 from ${auditLog} a where a.entity_type = 'batch_case'
                and a.entity_id = ${batchCases.id}::text and a.action = ${INVESTIGATION_OVERDUE_ACTION})`,
        ),
      )
      .orderBy(asc(batchCases.investigationDueAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    return rows.map(toCase);
  },
};

export type SealTaskInsert = Omit<SealRow, 'sealedQuantity' | 'doneAt' | 'doneBy'>;

export const sealTaskRepo = {
  async listByCase(ex: Executor, caseId: string): Promise<SealTask[]> {
    const rows = await ex
      .select()
      .from(sealTasks)
      .where(eq(sealTasks.caseId, caseId))
      .orderBy(asc(sealTasks.region));
    return rows.map(toSealTask);
  },

  async findByIdForUpdate(ex: Executor, id: string): Promise<SealTask | undefined> {
    const [row] = await ex.select().from(sealTasks).where(eq(sealTasks.id, id)).for('update');
    return row && toSealTask(row);
  },

  /** Inserts tasks for regions that have none yet; a region that has one keeps it. */
  async insertMissing(ex: Executor, rows: readonly SealTaskInsert[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted = await ex
      .insert(sealTasks)
      .values(rows.map((r) => ({ ...r })))
      .onConflictDoNothing({ target: [sealTasks.caseId, sealTasks.region] })
      .returning({ id: sealTasks.id });
    return inserted.map((r) => r.id);
  },

  async complete(
    ex: Executor,
    id: string,
    done: { sealedQuantity: number; note: string | null; doneBy: string | null },
    at: Date,
  ): Promise<void> {
    await ex
      .update(sealTasks)
      .set({
        status: 'done',
        sealedQuantity: done.sealedQuantity,
        note: done.note,
        doneBy: done.doneBy,
        doneAt: at,
      })
      .where(eq(sealTasks.id, id));
  },
};
