import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type {
  Channel,
  ComplaintKind,
  Injury,
  Nature,
  Scope,
} from '../../domain/complaint/complaint-vocabulary';
import type { ClockSubject } from '../../domain/sla/deadline-policy';
import type { Executor } from '../client';
import { complaintDeadlines, complaints } from '../schema/complaint.table';
import { calendarDays, calendarSettings, calendarYears } from '../schema/settings.table';
import type { DeadlineRow } from './deadline.repo';

export type CalendarSettingsRow = typeof calendarSettings.$inferSelect;
export type CalendarDayRow = typeof calendarDays.$inferSelect;
export type CalendarYearRow = typeof calendarYears.$inferSelect;

export const calendarRepo = {
  async findSettings(ex: Executor): Promise<CalendarSettingsRow | undefined> {
    const [row] = await ex.select().from(calendarSettings).where(eq(calendarSettings.id, 'default'));
    return row;
  },

  async saveSettings(ex: Executor, row: Omit<CalendarSettingsRow, 'id' | 'version'>): Promise<void> {
    await ex
      .insert(calendarSettings)
      .values({ id: 'default', ...row })
      .onConflictDoUpdate({
        target: calendarSettings.id,
        set: { ...row, version: sql`${calendarSettings.version} + 1` },
      });
  },

  /** Creates the settings row unless one exists; true when this call created it (first start). */
  async insertSettingsIfAbsent(
    ex: Executor,
    row: Omit<CalendarSettingsRow, 'id' | 'version'>,
  ): Promise<boolean> {
    const inserted = await ex
      .insert(calendarSettings)
      .values({ id: 'default', ...row })
      .onConflictDoNothing({ target: calendarSettings.id })
      .returning({ id: calendarSettings.id });
    return inserted.length > 0;
  },

  /**
   * Moves the calendar's version on after a change of its days or years, so that every process reloads the
   * calendar and a console holding the old version gets a conflict. Returns the new version.
   */
  async touchSettings(ex: Executor, at: Date): Promise<number | undefined> {
    const [row] = await ex
      .update(calendarSettings)
      .set({ updatedAt: at, version: sql`${calendarSettings.version} + 1` })
      .where(eq(calendarSettings.id, 'default'))
      .returning({ version: calendarSettings.version });
    return row?.version;
  },

  async listDays(ex: Executor): Promise<CalendarDayRow[]> {
    return ex.select().from(calendarDays).orderBy(asc(calendarDays.date));
  },

  async listDaysOfYear(ex: Executor, year: number): Promise<CalendarDayRow[]> {
    return ex.select().from(calendarDays).where(eq(calendarDays.year, year)).orderBy(asc(calendarDays.date));
  },

  /** Special days stored under another notice's year (a notice may list the previous December). */
  async findDaysOfOtherYears(
    ex: Executor,
    year: number,
    dates: readonly string[],
  ): Promise<CalendarDayRow[]> {
    if (dates.length === 0) return [];
    return ex
      .select()
      .from(calendarDays)
      .where(and(inArray(calendarDays.date, [...dates]), ne(calendarDays.year, year)));
  },

  async deleteDates(ex: Executor, dates: readonly string[]): Promise<void> {
    if (dates.length > 0) await ex.delete(calendarDays).where(inArray(calendarDays.date, [...dates]));
  },

  async listYears(ex: Executor): Promise<CalendarYearRow[]> {
    return ex.select().from(calendarYears).orderBy(asc(calendarYears.year));
  },

  async findYear(ex: Executor, year: number): Promise<CalendarYearRow | undefined> {
    const [row] = await ex.select().from(calendarYears).where(eq(calendarYears.year, year));
    return row;
  },

  /** Replaces one year's special days (a new State Council notice supersedes the old list). */
  async replaceYear(
    ex: Executor,
    year: CalendarYearRow,
    days: readonly Omit<CalendarDayRow, 'year'>[],
  ): Promise<void> {
    await ex.delete(calendarDays).where(eq(calendarDays.year, year.year));
    if (days.length > 0) await ex.insert(calendarDays).values(days.map((d) => ({ ...d, year: year.year })));
    await ex
      .insert(calendarYears)
      .values(year)
      .onConflictDoUpdate({
        target: calendarYears.year,
        set: {
          source: year.source,
          papers: year.papers,
          dayCount: year.dayCount,
          importedAt: year.importedAt,
          importedBy: year.importedBy,
        },
      });
  },

  async deleteYear(ex: Executor, year: number): Promise<void> {
    await ex.delete(calendarDays).where(eq(calendarDays.year, year));
    await ex.delete(calendarYears).where(eq(calendarYears.year, year));
  },

  /**
   * The read side of the bulk deadline recompute after a calendar (or policy) change: locks the complaints of a
   * page of clocks, then the clocks that are still open, and returns them with each complaint's clock subject.
   * Complaints are locked first and in id order — the order every lifecycle transition takes them (complaint,
   * then its clocks) — so a recompute and a transition wait for each other instead of deadlocking.
   */
  async lockOpenClocksForRecompute(
    ex: Executor,
    page: readonly Pick<DeadlineRow, 'id' | 'complaintId'>[],
  ): Promise<{ clocks: DeadlineRow[]; subjects: Map<string, ClockSubject> }> {
    if (page.length === 0) return { clocks: [], subjects: new Map() };
    const complaintIds = [...new Set(page.map((d) => d.complaintId))].sort();
    const rows = await ex
      .select({
        id: complaints.id,
        kind: complaints.kind,
        severity: complaints.severity,
        nature: complaints.nature,
        major: complaints.major,
        channel: complaints.channel,
        injury: complaints.injury,
        scope: complaints.scope,
        receivedOutsideCustomerService: complaints.receivedOutsideCustomerService,
      })
      .from(complaints)
      .where(inArray(complaints.id, complaintIds))
      .orderBy(asc(complaints.id))
      .for('update');
    const subjects = new Map<string, ClockSubject>(
      rows.map((r) => [
        r.id,
        {
          kind: r.kind as ComplaintKind,
          severity: r.severity,
          nature: r.nature as Nature | null,
          major: r.major,
          channel: r.channel as Channel,
          injury: r.injury as Injury,
          scope: r.scope as Scope,
          receivedOutsideCustomerService: r.receivedOutsideCustomerService,
        },
      ]),
    );
    const clocks = await ex
      .select()
      .from(complaintDeadlines)
      .where(
        and(
          inArray(
            complaintDeadlines.id,
            page.map((d) => d.id),
          ),
          isNull(complaintDeadlines.metAt),
          isNull(complaintDeadlines.cancelledAt),
        ),
      )
      .orderBy(asc(complaintDeadlines.id))
      .for('update');
    return { clocks, subjects };
  },
};
