import { sql } from 'drizzle-orm';
import type { ComplaintStatus } from '../../domain/complaint/complaint-status';
import { rowsOf, type Executor } from '../client';
import { insertJsonRows } from '../insert-json-rows';
import { complaints, kpiEvents } from '../schema/complaint.table';

/** A uuid[] as one bind value (`{a,b,…}`): 1,000 ids are one parameter, not 1,000. */
const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** What a sweep needs of a complaint whose clock is due: who owns it and what its notification says. */
export type SweepSubject = {
  readonly id: string;
  readonly number: string;
  readonly status: ComplaintStatus;
  readonly assigneeId: string | null;
  readonly departmentId: string | null;
  readonly intakeDepartmentId: string | null;
  readonly escalationLevel: number;
  readonly customer: {
    readonly name: string;
    readonly email: string | null;
    readonly phone: string | null;
    readonly locale: 'zh-CN' | 'en';
  };
  readonly productName: string | null;
  /** The first 500 characters of the description (what a notification quotes). */
  readonly summary: string;
};

/**
 * Set-based reads and writes of one sweep pass: a handful of statements whatever the number of due clocks, each
 * with one array or JSON parameter (1,000 clocks would otherwise be 1,000–10,000 bind values per statement).
 */
export const deadlineSweepRepo = {
  /** The complaints of the due clocks, only the columns a sweep reads (not 70-column rows). */
  async findSubjects(ex: Executor, ids: readonly string[]): Promise<Map<string, SweepSubject>> {
    if (ids.length === 0) return new Map();
    const rows = await ex
      .select({
        id: complaints.id,
        number: complaints.number,
        status: complaints.status,
        assigneeId: complaints.assigneeId,
        departmentId: complaints.departmentId,
        intakeDepartmentId: complaints.intakeDepartmentId,
        escalationLevel: complaints.escalationLevel,
        name: complaints.customerName,
        email: complaints.customerEmail,
        phone: complaints.customerPhone,
        locale: complaints.customerLocale,
        productName: complaints.productName,
        summary: sql<string>`left(${complaints.description}, 500)`,
      })
      .from(complaints)
      .where(sql`${complaints.id} = any(${uuidArray([...new Set(ids)])})`);
    return new Map(
      rows.map(({ name, email, phone, locale, ...r }) => [
        r.id,
        {
          ...r,
          status: r.status as ComplaintStatus,
          customer: { name, email, phone, locale: locale === 'en' ? 'en' : 'zh-CN' },
        },
      ]),
    );
  },

  async markWarned(ex: Executor, ids: readonly string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await ex.execute(sql`update complaint_deadlines set warned_at = ${at}, updated_at = ${at}
                          where id = any(${uuidArray(ids)})`);
  },

  /** Marks clocks breached at their new escalation level (a warning never sent is counted as sent now). */
  async markBreached(
    ex: Executor,
    breaches: readonly { id: string; level: number }[],
    at: Date,
  ): Promise<void> {
    if (breaches.length === 0) return;
    await ex.execute(sql`update complaint_deadlines d
                            set breached_at = ${at}, warned_at = coalesce(d.warned_at, ${at}),
                                escalation_level = v.level, updated_at = ${at}
                           from unnest(${uuidArray(breaches.map((b) => b.id))},
                                       ${`{${breaches.map((b) => b.level).join(',')}}`}::int[]) as v(id, level)
                          where d.id = v.id`);
  },

  /**
   * The complaints of breached clocks: `breached` becomes true and those escalated rise to their new level (never
   * lower; level null = not escalated, row not touched otherwise). The next-due time does not move — a breached clock
   * stays open with the same due time — so this is exactly what `complaintRepo.refreshDueSummary` would store.
   */
  async escalateComplaints(
    ex: Executor,
    rows: readonly { id: string; level: number | null }[],
    at: Date,
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const updated = await rowsOf<{ id: string }>(
      ex,
      sql`update complaints c
             set breached = true,
                 escalation_level = greatest(c.escalation_level, coalesce(v.level, 0)),
                 updated_at = case when v.level is null then c.updated_at else ${at} end
            from unnest(${uuidArray(rows.map((r) => r.id))},
                        ${`{${rows.map((r) => r.level ?? 'NULL').join(',')}}`}::int[]) as v(id, level)
           where c.id = v.id and (not c.breached or v.level > c.escalation_level)
       returning c.id`,
    );
    return updated.length;
  },

  async insertKpi(ex: Executor, rows: readonly (typeof kpiEvents.$inferInsert)[]): Promise<void> {
    await insertJsonRows(ex, kpiEvents, rows, { onConflictDoNothing: true });
  },
};
