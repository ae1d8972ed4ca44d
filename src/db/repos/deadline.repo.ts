import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';
import { insertJsonRows, jsonInsert, storedRowOf } from '../insert-json-rows';
import { complaintDeadlines } from '../schema/complaint.table';

export type DeadlineRow = typeof complaintDeadlines.$inferSelect;
export type NewDeadlineRow = typeof complaintDeadlines.$inferInsert;
export type StoredPause = { from: string; to: string | null };

const OPEN = and(isNull(complaintDeadlines.metAt), isNull(complaintDeadlines.cancelledAt));

export const deadlineRepo = {
  /** Inserts clocks in one statement (one JSON parameter) and returns them as stored, without reading them back. */
  async insert(ex: Executor, rows: readonly NewDeadlineRow[]): Promise<DeadlineRow[]> {
    await insertJsonRows(ex, complaintDeadlines, rows);
    return deadlineRepo.asStored(rows);
  },

  /** New clocks as they will be stored (defaults filled in), for a caller that inserts them later. */
  asStored(rows: readonly NewDeadlineRow[]): DeadlineRow[] {
    return rows.map((r) => storedRowOf(complaintDeadlines, r));
  },

  /** The insert of new clocks, to send together with other writes (`insertJsonRowsTogether`). */
  insertStatement(rows: readonly NewDeadlineRow[]): SQL | null {
    return jsonInsert(complaintDeadlines, rows);
  },

  /**
   * Every clock of a complaint, open ones locked until commit (the sweep skips locked clocks), in start order:
   * what advanceClocks reads once before it moves them.
   */
  async lockForComplaint(ex: Executor, complaintId: string): Promise<DeadlineRow[]> {
    return ex
      .select()
      .from(complaintDeadlines)
      .where(eq(complaintDeadlines.complaintId, complaintId))
      .orderBy(asc(complaintDeadlines.startedAt), asc(complaintDeadlines.kind))
      .for('update');
  },

  async listForComplaint(ex: Executor, complaintId: string): Promise<DeadlineRow[]> {
    return ex
      .select()
      .from(complaintDeadlines)
      .where(eq(complaintDeadlines.complaintId, complaintId))
      .orderBy(asc(complaintDeadlines.startedAt), asc(complaintDeadlines.kind));
  },

  async findOpen(ex: Executor, complaintId: string): Promise<DeadlineRow[]> {
    return ex
      .select()
      .from(complaintDeadlines)
      .where(and(eq(complaintDeadlines.complaintId, complaintId), OPEN))
      .for('update');
  },

  async markMet(ex: Executor, id: string, metAt: Date, late: boolean): Promise<void> {
    await ex
      .update(complaintDeadlines)
      .set({ metAt, late, updatedAt: metAt })
      .where(and(eq(complaintDeadlines.id, id), OPEN));
  },

  async cancel(ex: Executor, ids: readonly string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await ex
      .update(complaintDeadlines)
      .set({ cancelledAt: at, updatedAt: at })
      .where(and(inArray(complaintDeadlines.id, [...ids]), OPEN));
  },

  async pause(ex: Executor, id: string, pauses: readonly StoredPause[], at: Date): Promise<void> {
    await ex
      .update(complaintDeadlines)
      .set({ paused: true, pauses: [...pauses], updatedAt: at })
      .where(eq(complaintDeadlines.id, id));
  },

  async reschedule(
    ex: Executor,
    id: string,
    change: {
      dueAt: Date;
      warnAt: Date;
      paused: boolean;
      pauses: readonly StoredPause[];
      provisional?: boolean;
    },
    at: Date,
  ): Promise<void> {
    await ex
      .update(complaintDeadlines)
      .set({ ...change, pauses: [...change.pauses], updatedAt: at })
      .where(eq(complaintDeadlines.id, id));
  },

  /**
   * Claims clocks whose due time has passed and that are not yet breached (SKIP LOCKED: two sweepers never take
   * the same clock). Only the partial index on open, unbreached clocks is read: rows touched ≈ rows due.
   */
  async claimBreached(ex: Executor, now: Date, limit: number): Promise<DeadlineRow[]> {
    return ex
      .select()
      .from(complaintDeadlines)
      .where(
        sql`met_at is null and cancelled_at is null and breached_at is null and not paused and due_at <= ${now}`,
      )
      .orderBy(asc(complaintDeadlines.dueAt))
      .limit(limit)
      .for('update', { skipLocked: true });
  },

  /** Claims clocks that reached their warning time and have not been warned. */
  async claimWarnings(ex: Executor, now: Date, limit: number): Promise<DeadlineRow[]> {
    return ex
      .select()
      .from(complaintDeadlines)
      .where(
        sql`met_at is null and cancelled_at is null and warned_at is null and breached_at is null and not paused and warn_at <= ${now}`,
      )
      .orderBy(asc(complaintDeadlines.warnAt))
      .limit(limit)
      .for('update', { skipLocked: true });
  },

  async markWarned(ex: Executor, id: string, at: Date): Promise<void> {
    await ex
      .update(complaintDeadlines)
      .set({ warnedAt: at, updatedAt: at })
      .where(eq(complaintDeadlines.id, id));
  },

  async markBreached(ex: Executor, id: string, at: Date, escalationLevel: number): Promise<void> {
    await ex
      .update(complaintDeadlines)
      .set({
        breachedAt: at,
        warnedAt: sql`coalesce(${complaintDeadlines.warnedAt}, ${at})`,
        escalationLevel,
        updatedAt: at,
      })
      .where(eq(complaintDeadlines.id, id));
  },

  /** Open clocks in id order, a page at a time (bulk recompute after a calendar or policy change). */
  async listOpenPage(ex: Executor, afterId: string | null, limit: number): Promise<DeadlineRow[]> {
    return ex
      .select()
      .from(complaintDeadlines)
      .where(and(OPEN, afterId ? sql`${complaintDeadlines.id} > ${afterId}` : undefined))
      .orderBy(asc(complaintDeadlines.id))
      .limit(limit);
  },
};
