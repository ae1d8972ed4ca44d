import type { Complaint } from '../../domain/complaint/complaint';
import type { ComplaintEventType } from '../../domain/complaint/complaint-status';
import { decideClockEffects, type ClockSubject } from '../../domain/sla/decide-clock-effects';
import type { PauseInterval } from '../../domain/sla/compute-due-at';
import type { RuleHit } from '../../domain/shared/rule-hit';
import type { Tx } from '../../db/client';
import { complaintRepo } from '../../db/repos/complaint.repo';
import {
  deadlineRepo,
  type DeadlineRow,
  type NewDeadlineRow,
  type StoredPause,
} from '../../db/repos/deadline.repo';
import { kpiEvents } from '../../db/schema/complaint.table';
import { newId } from '../new-id';
import type { ComplaintSettings } from './complaint-settings';

export type TimedEvent = { readonly type: ComplaintEventType; readonly at: Date };

export const clockSubjectOf = (c: Complaint): ClockSubject => ({
  kind: c.kind,
  severity: c.severity,
  nature: c.nature,
  major: c.major,
  channel: c.channel,
  injury: c.injury,
  scope: c.problem.scope,
  receivedOutsideCustomerService: c.receivedOutsideCustomerService,
});

const toPauses = (stored: unknown): PauseInterval[] =>
  ((stored ?? []) as StoredPause[]).map((p) => ({
    from: new Date(p.from),
    to: p.to ? new Date(p.to) : null,
  }));

const storePauses = (pauses: readonly PauseInterval[]): StoredPause[] =>
  pauses.map((p) => ({ from: p.from.toISOString(), to: p.to ? p.to.toISOString() : null }));

/** The complaint's next-due summary (what the queue sorts and filters by): R-ESC-1's red flag and the next due time. */
export type DueSummary = { readonly nextDueAt: Date | null; readonly breached: boolean };

const isOpen = (d: DeadlineRow): boolean => d.metAt === null && d.cancelledAt === null;

/** The summary `complaintRepo.refreshDueSummary` would compute, from rows known in memory. */
export const summariseClocks = (rows: readonly DeadlineRow[]): DueSummary => {
  const open = rows.filter(isOpen);
  const due = open.filter((d) => !d.paused).map((d) => d.dueAt.getTime());
  return {
    nextDueAt: due.length > 0 ? new Date(Math.min(...due)) : null,
    breached: open.some((d) => d.breachedAt !== null),
  };
};

export type AdvanceOptions = {
  readonly dueAtOverrides?: Readonly<Record<string, Date>>;
  /**
   * A complaint not stored yet (intake): it has no clocks, so none are read, and none are written — the caller
   * stores the returned `rows` and `kpi` together with the complaint, in one statement.
   */
  readonly fresh?: boolean;
};

/**
 * Moves the complaint's deadline clocks on for each event, in order (R-SLA table, ARCHITECTURE: deadlines are
 * rows): the domain decides which clocks start, are met, cancelled, paused or resumed, and this writes the rows.
 * The clocks are read (and the open ones locked) once, then followed in memory from event to event. Returns the
 * rule hits for the audit trail and the complaint's new next-due summary, which the caller stores.
 */
export const advanceClockRows = async (
  tx: Tx,
  complaint: Complaint,
  events: readonly TimedEvent[],
  settings: ComplaintSettings,
  options: AdvanceOptions = {},
): Promise<{
  rules: RuleHit[];
  summary: DueSummary;
  rows: DeadlineRow[];
  kpi: (typeof kpiEvents.$inferInsert)[];
}> => {
  const rules: RuleHit[] = [];
  const fresh = options.fresh === true;
  const kpi: (typeof kpiEvents.$inferInsert)[] = [];
  const eventTimes: Partial<Record<ComplaintEventType, Date>> = Object.fromEntries(
    Object.entries(complaint.eventTimes).map(([k, v]) => [k, new Date(v)]),
  );
  const subject = clockSubjectOf(complaint);
  const rows: DeadlineRow[] = options.fresh ? [] : await deadlineRepo.lockForComplaint(tx, complaint.id);
  const replace = (row: DeadlineRow, change: Partial<DeadlineRow>) => {
    rows[rows.indexOf(row)] = { ...row, ...change };
  };
  for (const event of events) {
    eventTimes[event.type] ??= event.at;
    const all = rows.filter(isOpen);
    const finishedKinds = rows.filter((d) => !isOpen(d)).map((d) => d.kind);
    const byKind = new Map<string, DeadlineRow>(all.map((d) => [d.kind, d]));
    const effects = decideClockEffects({
      event: event.type,
      at: event.at,
      subject,
      openClocks: all.map((d) => ({
        kind: d.kind,
        startedAt: d.startedAt,
        dueAt: d.dueAt,
        pauses: toPauses(d.pauses),
        paused: d.paused,
      })),
      policy: settings.deadlinePolicy,
      calendar: settings.calendar,
      ...(options.dueAtOverrides && { dueAtOverrides: options.dueAtOverrides }),
      finishedKinds,
      eventTimes,
    });
    rules.push(...effects.rules);
    for (const met of effects.met) {
      const row = byKind.get(met.kind);
      if (!row) continue;
      if (!fresh) await deadlineRepo.markMet(tx, row.id, met.metAt, met.late);
      replace(row, { metAt: met.metAt, late: met.late, updatedAt: met.metAt });
      // R-KPI-2: a step done late counts against the department once, whether or not the sweep saw it first.
      const rule = settings.deadlinePolicy.rules.find((r) => r.kind === met.kind);
      if (met.late && !row.breachedAt && (rule?.escalates ?? true)) {
        const late = {
          id: newId(met.metAt.getTime()),
          departmentId: complaint.departmentId ?? complaint.intakeDepartmentId,
          complaintId: complaint.id,
          deadlineId: row.id,
          kind: 'late_step',
          points: settings.kpi.lateStep,
          rule: 'R-KPI-2',
          at: met.metAt,
        };
        if (fresh) kpi.push(late);
        else await tx.insert(kpiEvents).values(late).onConflictDoNothing();
        rules.push({ rule: 'R-KPI-2', detail: `${met.kind} met late: ${settings.kpi.lateStep} points` });
      }
    }
    const cancelled = effects.cancelled
      .map((c) => byKind.get(c.kind))
      .filter((r): r is DeadlineRow => r !== undefined);
    if (!fresh)
      await deadlineRepo.cancel(
        tx,
        cancelled.map((r) => r.id),
        event.at,
      );
    for (const row of cancelled) replace(row, { cancelledAt: event.at, updatedAt: event.at });
    for (const paused of effects.paused) {
      const row = byKind.get(paused.kind);
      if (!row) continue;
      const pauses = storePauses([...toPauses(row.pauses), { from: paused.at, to: null }]);
      if (!fresh) await deadlineRepo.pause(tx, row.id, pauses, paused.at);
      replace(row, { paused: true, pauses, updatedAt: paused.at });
    }
    for (const resumed of effects.resumed) {
      const row = byKind.get(resumed.kind);
      if (!row) continue;
      const pauses = storePauses(
        toPauses(row.pauses).map((p) => (p.to === null ? { ...p, to: resumed.at } : p)),
      );
      const change = {
        dueAt: resumed.dueAt,
        warnAt: resumed.warnAt,
        paused: false,
        pauses,
        provisional: resumed.provisional,
      };
      if (!fresh) await deadlineRepo.reschedule(tx, row.id, change, resumed.at);
      replace(row, { ...change, updatedAt: resumed.at });
    }
    const started = effects.start.map((s): NewDeadlineRow => ({
      id: newId(s.startedAt.getTime()),
      complaintId: complaint.id,
      kind: s.kind,
      startedAt: s.startedAt,
      dueAt: s.dueAt,
      warnAt: s.warnAt,
      opensAt: s.opensAt,
      provisional: s.provisional,
      rules: [...s.rules],
      createdAt: event.at,
      updatedAt: event.at,
    }));
    rows.push(...(fresh ? deadlineRepo.asStored(started) : await deadlineRepo.insert(tx, started)));
  }
  return { rules, summary: summariseClocks(rows), rows, kpi };
};

/** advanceClockRows, then the complaint's next-due summary refreshed from the stored clocks. */
export const advanceClocks = async (
  tx: Tx,
  complaint: Complaint,
  events: readonly TimedEvent[],
  settings: ComplaintSettings,
  options: AdvanceOptions = {},
): Promise<RuleHit[]> => {
  const { rules } = await advanceClockRows(tx, complaint, events, settings, options);
  await complaintRepo.refreshDueSummary(tx, [complaint.id]);
  return rules;
};

/** The event times to store on the complaint after these events (the first occurrence of each type wins). */
export const mergeEventTimes = (
  current: Readonly<Record<string, string>>,
  events: readonly TimedEvent[],
): Record<string, string> => {
  const next: Record<string, string> = { ...current };
  for (const e of events) next[e.type] ??= e.at.toISOString();
  return next;
};
