import type { Complaint } from '../../domain/complaint/complaint';
import type { ComplaintEventType } from '../../domain/complaint/complaint-status';
import { decideClockEffects, type ClockSubject } from '../../domain/sla/decide-clock-effects';
import type { PauseInterval } from '../../domain/sla/compute-due-at';
import type { RuleHit } from '../../domain/shared/rule-hit';
import type { Tx } from '../../db/client';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { deadlineRepo, type DeadlineRow, type StoredPause } from '../../db/repos/deadline.repo';
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

/**
 * Moves the complaint's deadline clocks on for each event, in order (R-SLA table, ARCHITECTURE: deadlines are
 * rows): the domain decides which clocks start, are met, cancelled, paused or resumed; this writes the rows and
 * refreshes the complaint's next-due summary. Returns the rule hits for the audit trail.
 */
export const advanceClocks = async (
  tx: Tx,
  complaint: Complaint,
  events: readonly TimedEvent[],
  settings: ComplaintSettings,
  options: { dueAtOverrides?: Readonly<Record<string, Date>> } = {},
): Promise<RuleHit[]> => {
  const rules: RuleHit[] = [];
  const eventTimes: Partial<Record<ComplaintEventType, Date>> = Object.fromEntries(
    Object.entries(complaint.eventTimes).map(([k, v]) => [k, new Date(v)]),
  );
  const subject = clockSubjectOf(complaint);
  for (const event of events) {
    eventTimes[event.type] ??= event.at;
    const all = await deadlineRepo.findOpen(tx, complaint.id);
    const finishedKinds = (await deadlineRepo.listForComplaint(tx, complaint.id))
      .filter((d) => d.metAt !== null || d.cancelledAt !== null)
      .map((d) => d.kind);
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
      await deadlineRepo.markMet(tx, row.id, met.metAt, met.late);
      // R-KPI-2: a step done late counts against the department once, whether or not the sweep saw it first.
      const rule = settings.deadlinePolicy.rules.find((r) => r.kind === met.kind);
      if (met.late && !row.breachedAt && (rule?.escalates ?? true)) {
        await tx
          .insert(kpiEvents)
          .values({
            id: newId(met.metAt.getTime()),
            departmentId: complaint.departmentId ?? complaint.intakeDepartmentId,
            complaintId: complaint.id,
            deadlineId: row.id,
            kind: 'late_step',
            points: settings.kpi.lateStep,
            rule: 'R-KPI-2',
            at: met.metAt,
          })
          .onConflictDoNothing();
        rules.push({ rule: 'R-KPI-2', detail: `${met.kind} met late: ${settings.kpi.lateStep} points` });
      }
    }
    await deadlineRepo.cancel(
      tx,
      effects.cancelled.map((c) => byKind.get(c.kind)?.id).filter((id): id is string => id !== undefined),
      event.at,
    );
    for (const paused of effects.paused) {
      const row = byKind.get(paused.kind);
      if (row)
        await deadlineRepo.pause(
          tx,
          row.id,
          storePauses([...toPauses(row.pauses), { from: paused.at, to: null }]),
          paused.at,
        );
    }
    for (const resumed of effects.resumed) {
      const row = byKind.get(resumed.kind);
      if (!row) continue;
      const pauses = toPauses(row.pauses).map((p) => (p.to === null ? { ...p, to: resumed.at } : p));
      await deadlineRepo.reschedule(
        tx,
        row.id,
        {
          dueAt: resumed.dueAt,
          warnAt: resumed.warnAt,
          paused: false,
          pauses: storePauses(pauses),
          provisional: resumed.provisional,
        },
        resumed.at,
      );
    }
    await deadlineRepo.insert(
      tx,
      effects.start.map((s) => ({
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
      })),
    );
  }
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
