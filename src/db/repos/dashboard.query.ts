import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { complaintDeadlines, complaints } from '../schema/complaint.table';
import { complaintScopeCondition, type ComplaintScope } from './complaint.repo';

const OPEN = sql`${complaints.status} not in ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened')`;
const CLOSED = sql`${complaints.status} in ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened')`;

/** Set-based figures for the dashboard, each in the viewer's department scope (R-SEC-1), each from an index. */
export const dashboardQuery = {
  async openByStatusAndSeverity(ex: Executor, scope: ComplaintScope) {
    return ex
      .select({
        status: complaints.status,
        severity: complaints.severity,
        breached: complaints.breached,
        n: sql<number>`count(*)::int`,
      })
      .from(complaints)
      .where(and(OPEN, complaintScopeCondition(scope)))
      .groupBy(complaints.status, complaints.severity, complaints.breached);
  },

  /** Clocks that breached in [from, to), one row per clock. */
  async breachesBetween(ex: Executor, scope: ComplaintScope, from: Date, to: Date) {
    const [row] = await ex
      .select({ n: sql<number>`count(*)::int` })
      .from(complaintDeadlines)
      .innerJoin(complaints, eq(complaints.id, complaintDeadlines.complaintId))
      .where(
        and(
          sql`${complaintDeadlines.breachedAt} is not null`,
          gte(complaintDeadlines.breachedAt, from),
          lt(complaintDeadlines.breachedAt, to),
          complaintScopeCondition(scope),
        ),
      );
    return Number(row?.n ?? 0);
  },

  /** Complaints received per local day since `from`, and how many of each day's intake are closed by now. */
  async intakeByDay(ex: Executor, scope: ComplaintScope, from: Date, timeZone: string) {
    const day = sql<string>`to_char(${complaints.receivedAt} at time zone ${timeZone}, 'YYYY-MM-DD')`;
    return (
      ex
        .select({
          day,
          received: sql<number>`count(*)::int`,
          closed: sql<number>`(count(*) filter (where ${CLOSED}))::int`,
        })
        .from(complaints)
        .where(and(gte(complaints.receivedAt, from), complaintScopeCondition(scope)))
        // By position: the zone is a bound parameter, so the expression differs textually between SELECT and GROUP BY.
        .groupBy(sql`1`)
        .orderBy(sql`1`)
    );
  },

  async mine(ex: Executor, userId: string) {
    const [row] = await ex
      .select({
        open: sql<number>`count(*)::int`,
        breached: sql<number>`(count(*) filter (where ${complaints.breached}))::int`,
      })
      .from(complaints)
      .where(and(OPEN, eq(complaints.assigneeId, userId)));
    return { open: Number(row?.open ?? 0), breached: Number(row?.breached ?? 0) };
  },
};
