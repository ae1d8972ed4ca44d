import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Complaint } from '../../domain/complaint/complaint';
import type { Executor } from '../client';
import { likeContains } from '../keyset';
import { complaintDeadlines, complaints } from '../schema/complaint.table';
import { departments, users } from '../schema/identity.table';
import { complaintScopeCondition, toComplaint, type ComplaintScope } from './complaint.repo';

const OPEN_STATUSES = sql`${complaints.status} not in ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened')`;

export type QueueFilter = {
  readonly scope: ComplaintScope;
  readonly statuses?: readonly string[] | undefined;
  /** Only open complaints (the default of the work queue). */
  readonly openOnly?: boolean | undefined;
  readonly severities?: readonly string[] | undefined;
  readonly departmentId?: string | undefined;
  readonly assigneeId?: string | undefined;
  readonly productId?: string | undefined;
  readonly batchNo?: string | undefined;
  readonly channel?: string | undefined;
  readonly kind?: string | undefined;
  readonly dueBefore?: Date | undefined;
  readonly breached?: boolean | undefined;
  readonly major?: boolean | undefined;
  /** Escalated by a breach (escalation level ≥ 1), or not. */
  readonly escalated?: boolean | undefined;
  readonly number?: string | undefined;
  readonly phoneNorm?: string | undefined;
  /** Part of the customer's name. */
  readonly customerName?: string | undefined;
  /** Chinese full-text: bigram tsquery on the search vector, rechecked with a substring match. */
  readonly text?: { readonly tsquery: string; readonly substring: string } | undefined;
  readonly receivedFrom?: Date | undefined;
  readonly receivedTo?: Date | undefined;
};

export type QueueSort = 'nextDue' | 'receivedAt' | '-receivedAt';

export type QueueCursor = { readonly value: string | null; readonly id: string };

const filterConditions = (f: QueueFilter): (SQL | undefined)[] => [
  complaintScopeCondition(f.scope),
  f.openOnly ? OPEN_STATUSES : undefined,
  f.statuses && f.statuses.length > 0 ? inArray(complaints.status, [...f.statuses]) : undefined,
  f.severities && f.severities.length > 0 ? inArray(complaints.severity, [...f.severities]) : undefined,
  f.departmentId ? eq(complaints.departmentId, f.departmentId) : undefined,
  f.assigneeId ? eq(complaints.assigneeId, f.assigneeId) : undefined,
  f.productId ? eq(complaints.productId, f.productId) : undefined,
  f.batchNo ? eq(complaints.batchNo, f.batchNo) : undefined,
  f.channel ? eq(complaints.channel, f.channel) : undefined,
  f.kind ? eq(complaints.kind, f.kind) : undefined,
  f.dueBefore ? sql`${complaints.nextDueAt} <= ${f.dueBefore}` : undefined,
  f.breached !== undefined ? eq(complaints.breached, f.breached) : undefined,
  f.major !== undefined ? eq(complaints.major, f.major) : undefined,
  f.escalated === undefined
    ? undefined
    : f.escalated
      ? sql`${complaints.escalationLevel} > 0`
      : sql`${complaints.escalationLevel} = 0`,
  f.number ? eq(complaints.number, f.number) : undefined,
  f.phoneNorm ? eq(complaints.customerPhoneNorm, f.phoneNorm) : undefined,
  f.customerName ? sql`${complaints.customerName} ilike ${likeContains(f.customerName)}` : undefined,
  f.text
    ? sql`${complaints.searchVector} @@ ${f.text.tsquery}::tsquery and (${complaints.description} ilike ${likeContains(f.text.substring)} or ${complaints.customerName} ilike ${likeContains(f.text.substring)} or coalesce(${complaints.productName}, '') ilike ${likeContains(f.text.substring)})`
    : undefined,
  f.receivedFrom ? sql`${complaints.receivedAt} >= ${f.receivedFrom}` : undefined,
  f.receivedTo ? sql`${complaints.receivedAt} < ${f.receivedTo}` : undefined,
];

/**
 * Keyset condition for the "next due first" order, where complaints without an open clock (null) come last:
 * ORDER BY next_due_at ASC NULLS LAST, id ASC.
 */
const afterNextDue = (c: QueueCursor): SQL =>
  c.value === null
    ? sql`(${complaints.nextDueAt} is null and ${complaints.id} > ${c.id})`
    : sql`(${complaints.nextDueAt} > ${new Date(c.value)} or ${complaints.nextDueAt} is null or (${complaints.nextDueAt} = ${new Date(c.value)} and ${complaints.id} > ${c.id}))`;

export const complaintQueueRepo = {
  async list(
    ex: Executor,
    filter: QueueFilter,
    sort: QueueSort,
    after: QueueCursor | undefined,
    limit: number,
  ): Promise<Complaint[]> {
    const conditions = filterConditions(filter);
    let order: SQL[];
    if (sort === 'nextDue') {
      if (after) conditions.push(afterNextDue(after));
      order = [sql`${complaints.nextDueAt} asc nulls last`, sql`${complaints.id} asc`];
    } else {
      const desc = sort === '-receivedAt';
      if (after && after.value !== null) {
        conditions.push(
          desc
            ? sql`(${complaints.receivedAt}, ${complaints.id}) < (${new Date(after.value)}, ${after.id})`
            : sql`(${complaints.receivedAt}, ${complaints.id}) > (${new Date(after.value)}, ${after.id})`,
        );
      }
      order = desc
        ? [sql`${complaints.receivedAt} desc`, sql`${complaints.id} desc`]
        : [sql`${complaints.receivedAt} asc`, sql`${complaints.id} asc`];
    }
    const rows = await ex
      .select()
      .from(complaints)
      .where(and(...conditions))
      .orderBy(...order)
      .limit(limit);
    return rows.map(toComplaint);
  },

  /**
   * What a queue row shows besides the complaint: its nearest open clock (with the warn time, for the amber
   * badge) and the owner's and department's names. One indexed look-up per page, never per row.
   */
  async pageExtras(
    ex: Executor,
    page: readonly Complaint[],
  ): Promise<{
    clocks: Map<string, { kind: string; dueAt: Date; warnAt: Date; paused: boolean }>;
    names: Map<string, string>;
  }> {
    const ids = page.filter((c) => c.nextDueAt !== null).map((c) => c.id);
    const clocks = new Map<string, { kind: string; dueAt: Date; warnAt: Date; paused: boolean }>();
    if (ids.length > 0) {
      const rows = await ex
        .selectDistinctOn([complaintDeadlines.complaintId], {
          complaintId: complaintDeadlines.complaintId,
          kind: complaintDeadlines.kind,
          dueAt: complaintDeadlines.dueAt,
          warnAt: complaintDeadlines.warnAt,
          paused: complaintDeadlines.paused,
        })
        .from(complaintDeadlines)
        .where(
          and(
            inArray(complaintDeadlines.complaintId, ids),
            sql`${complaintDeadlines.metAt} is null and ${complaintDeadlines.cancelledAt} is null`,
          ),
        )
        .orderBy(complaintDeadlines.complaintId, complaintDeadlines.paused, complaintDeadlines.dueAt);
      for (const r of rows) clocks.set(r.complaintId, r);
    }
    const names = new Map<string, string>();
    const userIds = [...new Set(page.flatMap((c) => (c.assigneeId ? [c.assigneeId] : [])))];
    const deptIds = [...new Set(page.flatMap((c) => (c.departmentId ? [c.departmentId] : [])))];
    if (userIds.length > 0)
      for (const u of await ex
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, userIds)))
        names.set(u.id, u.name);
    if (deptIds.length > 0)
      for (const d of await ex
        .select({ id: departments.id, name: departments.name })
        .from(departments)
        .where(inArray(departments.id, deptIds)))
        names.set(d.id, d.name);
    return { clocks, names };
  },

  /** Counts by status under the same filter (without paging), for the queue's tabs. */
  async countByStatus(ex: Executor, filter: QueueFilter): Promise<Record<string, number>> {
    const rows = await ex
      .select({ status: complaints.status, n: sql<number>`count(*)::int` })
      .from(complaints)
      .where(and(...filterConditions({ ...filter, statuses: undefined })))
      .groupBy(complaints.status);
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  },
};
