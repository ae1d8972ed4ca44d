import { and, asc, desc, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type {
  AdverseEvent,
  AdverseEventStatus,
  ReportData,
  ReportDecision,
} from '../../domain/adverse-event/adverse-event';
import type { AdverseEventType } from '../../domain/adverse-event/adverse-event-policy';
import type { Executor } from '../client';
import { auditLog } from '../schema/platform.table';
import { complaints } from '../schema/complaint.table';
import { adverseEventDecisions, adverseEvents } from '../schema/quality.table';
import { complaintScopeCondition, type ComplaintScope } from './complaint.repo';

type EventRow = typeof adverseEvents.$inferSelect;
type DecisionRow = typeof adverseEventDecisions.$inferSelect;

const EMPTY_DATA: ReportData = { facts: {}, basis: {}, triggers: [] };

const toDecision = (r: DecisionRow): ReportDecision => ({ ...r });

const toEvent = (r: EventRow, decisions: readonly DecisionRow[]): AdverseEvent => ({
  id: r.id,
  complaintId: r.complaintId,
  eventType: r.eventType as AdverseEventType,
  awareAt: r.awareAt,
  status: r.status as AdverseEventStatus,
  reportData: { ...EMPTY_DATA, ...(r.reportData as Partial<ReportData>) },
  openedAt: r.openedAt,
  closedAt: r.closedAt,
  version: r.version,
  decisions: decisions
    .filter((d) => d.adverseEventId === r.id)
    .map(toDecision)
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.jurisdiction.localeCompare(b.jurisdiction)),
});

/** A line of the evaluation list: the evaluation with its complaint's number and product. */
export type AdverseEventListRow = AdverseEvent & {
  readonly complaintNumber: string;
  readonly complaintStatus: string;
  readonly productName: string | null;
};

/** An undecided (or decided reportable, not submitted) decision past its due time, for the sweep. */
export type OverdueDecision = ReportDecision & {
  readonly complaintId: string;
  readonly reason: 'undecided' | 'not_submitted';
};

const withDecisions = async (ex: Executor, rows: readonly EventRow[]): Promise<AdverseEvent[]> => {
  if (rows.length === 0) return [];
  const decisions = await ex
    .select()
    .from(adverseEventDecisions)
    .where(
      inArray(
        adverseEventDecisions.adverseEventId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => toEvent(r, decisions));
};

export const adverseEventRepo = {
  async findById(ex: Executor, id: string): Promise<AdverseEvent | undefined> {
    const rows = await ex.select().from(adverseEvents).where(eq(adverseEvents.id, id));
    return (await withDecisions(ex, rows))[0];
  },

  /** Locks the evaluation row (decisions are changed under it, one writer at a time). */
  async findByIdForUpdate(ex: Executor, id: string): Promise<AdverseEvent | undefined> {
    const rows = await ex.select().from(adverseEvents).where(eq(adverseEvents.id, id)).for('update');
    return (await withDecisions(ex, rows))[0];
  },

  async findByComplaint(ex: Executor, complaintId: string): Promise<AdverseEvent | undefined> {
    const rows = await ex.select().from(adverseEvents).where(eq(adverseEvents.complaintId, complaintId));
    return (await withDecisions(ex, rows))[0];
  },

  async insert(
    ex: Executor,
    row: Omit<EventRow, 'version' | 'closedAt'>,
    decisions: readonly Omit<
      DecisionRow,
      'reportable' | 'rationale' | 'decidedAt' | 'decidedBy' | 'submittedAt' | 'submissionRef'
    >[],
  ): Promise<void> {
    await ex.insert(adverseEvents).values({ ...row, version: 1, closedAt: null });
    if (decisions.length > 0) await ex.insert(adverseEventDecisions).values([...decisions]);
  },

  async insertDecisions(
    ex: Executor,
    decisions: readonly Omit<
      DecisionRow,
      'reportable' | 'rationale' | 'decidedAt' | 'decidedBy' | 'submittedAt' | 'submissionRef'
    >[],
  ): Promise<void> {
    if (decisions.length > 0) await ex.insert(adverseEventDecisions).values([...decisions]);
  },

  async update(
    ex: Executor,
    id: string,
    patch: Partial<Pick<EventRow, 'eventType' | 'status' | 'reportData' | 'closedAt'>>,
  ): Promise<void> {
    await ex
      .update(adverseEvents)
      .set({ ...patch, version: sql`${adverseEvents.version} + 1` })
      .where(eq(adverseEvents.id, id));
  },

  async updateDecision(
    ex: Executor,
    id: string,
    patch: Pick<
      DecisionRow,
      'reportable' | 'rationale' | 'decidedAt' | 'decidedBy' | 'submittedAt' | 'submissionRef'
    >,
  ): Promise<void> {
    await ex.update(adverseEventDecisions).set(patch).where(eq(adverseEventDecisions.id, id));
  },

  /** Evaluations whose complaint is in scope, newest first; `open` = still evaluating. Keyset on (opened_at, id). */
  async list(
    ex: Executor,
    filter: {
      readonly open?: boolean | undefined;
      readonly complaintId?: string | undefined;
      readonly scope: ComplaintScope;
    },
    page: { readonly after: { value: unknown; id: string } | undefined; readonly limit: number },
  ): Promise<AdverseEventListRow[]> {
    const conditions: (SQL | undefined)[] = [complaintScopeCondition(filter.scope)];
    if (filter.complaintId) conditions.push(eq(adverseEvents.complaintId, filter.complaintId));
    if (filter.open === true) conditions.push(eq(adverseEvents.status, 'evaluating'));
    if (filter.open === false) conditions.push(eq(adverseEvents.status, 'decided'));
    if (page.after)
      conditions.push(
        sql`(${adverseEvents.openedAt}, ${adverseEvents.id}) < (${new Date(String(page.after.value))}, ${page.after.id})`,
      );
    const rows = await ex
      .select({
        event: adverseEvents,
        number: complaints.number,
        status: complaints.status,
        productName: complaints.productName,
      })
      .from(adverseEvents)
      .innerJoin(complaints, eq(complaints.id, adverseEvents.complaintId))
      .where(and(...conditions))
      .orderBy(desc(adverseEvents.openedAt), desc(adverseEvents.id))
      .limit(page.limit);
    const events = await withDecisions(
      ex,
      rows.map((r) => r.event),
    );
    return events.map((e, i) => ({
      ...e,
      complaintNumber: rows[i]?.number ?? '',
      complaintStatus: rows[i]?.status ?? '',
      productName: rows[i]?.productName ?? null,
    }));
  },

  /**
   * Decisions past their due time that are still undecided, or decided reportable without a submission, and not yet
   * escalated for that reason (an `adverse_event.overdue` audit row marks the escalation). The rows are locked with
   * SKIP LOCKED so two sweeps never take the same one; the caller re-checks the audit mark after locking.
   */
  async claimOverdue(ex: Executor, now: Date, limit: number): Promise<OverdueDecision[]> {
    const reason = sql<string>`case when ${adverseEventDecisions.decidedAt} is null then 'undecided' else 'not_submitted' end`;
    const rows = await ex
      .select({ d: adverseEventDecisions, complaintId: adverseEvents.complaintId, reason })
      .from(adverseEventDecisions)
      .innerJoin(adverseEvents, eq(adverseEvents.id, adverseEventDecisions.adverseEventId))
      .where(
        and(
          lte(adverseEventDecisions.dueAt, now),
          sql`(${isNull(adverseEventDecisions.decidedAt)} or (${adverseEventDecisions.reportable} and ${adverseEventDecisions.submittedAt} is null))`,
          sql`not exists (select 1 from ${auditLog} a where a.entity_type = 'adverse_event_decision'
                and a.entity_id = ${adverseEventDecisions.id}::text and a.action = 'adverse_event.overdue'
                and a.after->>'reason' = (${reason}))`,
        ),
      )
      .orderBy(asc(adverseEventDecisions.dueAt))
      .limit(limit)
      .for('update', { of: adverseEventDecisions, skipLocked: true });
    return rows.map((r) => ({
      ...toDecision(r.d),
      complaintId: r.complaintId,
      reason: r.reason === 'undecided' ? 'undecided' : 'not_submitted',
    }));
  },

  /** `decisionId/reason` of the escalations already recorded for these decisions (a fresh read after locking). */
  async findEscalated(ex: Executor, decisionIds: readonly string[]): Promise<Set<string>> {
    if (decisionIds.length === 0) return new Set();
    const rows = await ex
      .select({ id: auditLog.entityId, reason: sql<string>`${auditLog.after}->>'reason'` })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, 'adverse_event_decision'),
          inArray(auditLog.entityId, [...decisionIds]),
          eq(auditLog.action, 'adverse_event.overdue'),
        ),
      );
    return new Set(rows.map((r) => `${r.id}/${r.reason}`));
  },
};
