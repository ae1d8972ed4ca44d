import type { NotificationPayload } from '../../contracts/notification-event.contract';
import { decideSweepAction, type SweepAction } from '../../domain/sla/decide-sweep-action';
import type { Tx } from '../../db/client';
import { deadlineRepo, type DeadlineRow } from '../../db/repos/deadline.repo';
import { deadlineSweepRepo, type SweepSubject } from '../../db/repos/deadline-sweep.repo';
import { departmentRepo } from '../../db/repos/department.repo';
import { findActiveRoleHolders, findContacts } from '../../db/repos/user.repo';
import type { kpiEvents } from '../../db/schema/complaint.table';
import { appendAudit, type AuditEntry } from '../audit/append-audit';
import { systemContext } from '../context';
import type { Deps } from '../deps';
import { newId } from '../new-id';
import { emitEvents, type DomainEvent } from '../platform/emit-events';
import {
  chooseEscalationHolder,
  departmentChain,
  toNotificationOwner,
  type NotificationOwner,
  type RoleHolder,
} from './complaint-events';
import { loadComplaintSettings, type ComplaintSettings } from './complaint-settings';

export type SweepReport = {
  readonly warned: number;
  readonly breached: number;
  readonly rowsTouched: number;
};

const deadlineEvent = (
  c: SweepSubject,
  type: 'deadline.warned' | 'deadline.breached',
  clock: DeadlineRow,
  settings: ComplaintSettings,
  owner: NotificationOwner | null,
  now: Date,
): DomainEvent => {
  const rule = settings.deadlinePolicy.rules.find((r) => r.kind === clock.kind);
  const label = rule?.label[owner?.locale ?? 'zh-CN'] ?? clock.kind;
  const payload: NotificationPayload = {
    complaintId: c.id,
    number: c.number,
    status: c.status,
    eventType: type,
    occurredAt: now.toISOString(),
    locale: c.customer.locale,
    customer: { name: c.customer.name, email: c.customer.email, phone: c.customer.phone },
    owner,
    trackingUrl: null,
    productName: c.productName,
    summary: c.summary || null,
    deadline: { kind: clock.kind, label, dueAt: clock.dueAt.toISOString() },
  };
  return { type, aggregateType: 'complaint', aggregateId: c.id, payload };
};

/**
 * The people one sweep pass notifies, looked up in a few reads whatever the number of clocks: the assignees in one,
 * the holders of each escalation role in one per role, the home departments' paths in one; then each complaint's
 * owner is chosen in memory by the same rule as `findEscalationOwner` (R-ESC-1, R-ESC-2).
 */
const resolveOwners = async (
  tx: Tx,
  needs: readonly { role: string; c: SweepSubject }[],
): Promise<(role: string, c: SweepSubject) => NotificationOwner | null> => {
  const homeOf = (c: SweepSubject) => c.departmentId ?? c.intakeDepartmentId;
  const contacts = await findContacts(
    tx,
    needs.flatMap((n) => (n.role === 'assignee' && n.c.assigneeId ? [n.c.assigneeId] : [])),
  );
  const holders = new Map<string, RoleHolder[]>();
  for (const role of new Set(needs.map((n) => n.role)))
    if (role !== 'assignee') holders.set(role, await findActiveRoleHolders(tx, role, null));
  const paths = await departmentRepo.findPaths(
    tx,
    needs.flatMap((n) => {
      const home = homeOf(n.c);
      return n.role === 'department_manager' && home ? [home] : [];
    }),
  );
  return (role, c) => {
    if (role === 'assignee') {
      const u = c.assigneeId ? contacts.get(c.assigneeId) : undefined;
      return u ? toNotificationOwner(u) : null;
    }
    const home = homeOf(c);
    const path = role === 'department_manager' && home ? departmentChain(paths.get(home), home) : null;
    const chosen = chooseEscalationHolder(path, holders.get(role) ?? []);
    return chosen ? toNotificationOwner(chosen) : null;
  };
};

const sweepInput = (clock: DeadlineRow) => ({
  dueAt: clock.dueAt,
  warnAt: clock.warnAt,
  warnedAt: clock.warnedAt,
  breachedAt: clock.breachedAt,
  escalationLevel: clock.escalationLevel,
  paused: clock.paused,
});

/**
 * One pass of the deadline sweep (R-ESC-1, R-KPI-2). Claims due clocks with SKIP LOCKED through the partial
 * indexes (rows touched ≈ rows due, no scan), lets the domain decide, and writes set-based: a clock reaching its
 * warning time warns the owner once; a clock past due is breached once, escalates the complaint one level up the
 * chain (assignee → department manager → service manager → GM), notifies that person, and costs the department
 * points (R-KPI-2). Two sweepers never act on the same clock. About a dozen statements whatever the number due.
 */
export const sweepDeadlines = async (deps: Deps, limit = 1000): Promise<SweepReport> => {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const breachRows = await deadlineRepo.claimBreached(tx, now, limit);
    const breachIds = new Set(breachRows.map((r) => r.id));
    const warnRows = (await deadlineRepo.claimWarnings(tx, now, limit)).filter((r) => !breachIds.has(r.id));
    if (breachRows.length === 0 && warnRows.length === 0) return { warned: 0, breached: 0, rowsTouched: 0 };
    const settings = await loadComplaintSettings(deps.db, tx);
    const byId = await deadlineSweepRepo.findSubjects(
      tx,
      [...breachRows, ...warnRows].map((r) => r.complaintId),
    );

    // First what the domain decides for every clock, then who hears of it (a few reads), then the writes.
    const warnings: { clock: DeadlineRow; c: SweepSubject; role: string }[] = [];
    for (const clock of warnRows) {
      const c = byId.get(clock.complaintId);
      const action = decideSweepAction(sweepInput(clock), now, settings.escalationChain);
      // The owner is warned; while nobody owns it yet, the manager of the department that took it in.
      if (c && action.action === 'warn')
        warnings.push({ clock, c, role: c.assigneeId ? 'assignee' : 'department_manager' });
    }
    const breaches: {
      clock: DeadlineRow;
      c: SweepSubject;
      action: Extract<SweepAction, { action: 'breach' }>;
    }[] = [];
    // Each missed deadline takes the complaint one level further up the chain, in due order (R-ESC-1).
    const escalations = new Map<string, number>();
    for (const clock of breachRows) {
      const c = byId.get(clock.complaintId);
      const rule = settings.deadlinePolicy.rules.find((r) => r.kind === clock.kind);
      const action = decideSweepAction(
        {
          ...sweepInput(clock),
          escalationLevel: escalations.get(clock.complaintId) ?? c?.escalationLevel ?? 0,
          escalates: rule?.escalates ?? true,
        },
        now,
        settings.escalationChain,
      );
      if (!c || action.action !== 'breach') continue;
      breaches.push({ clock, c, action });
      if (action.escalateTo) escalations.set(c.id, action.newLevel);
    }
    const ownerOf = await resolveOwners(tx, [
      ...warnings,
      ...breaches.flatMap(({ c, action }) => (action.escalateTo ? [{ role: action.escalateTo, c }] : [])),
    ]);

    const events: DomainEvent[] = warnings.map(({ clock, c, role }) =>
      deadlineEvent(c, 'deadline.warned', clock, settings, ownerOf(role, c), now),
    );
    const audit: AuditEntry[] = [];
    const kpi: (typeof kpiEvents.$inferInsert)[] = [];
    for (const { clock, c, action } of breaches) {
      if (action.countsAgainstDepartment) {
        kpi.push({
          id: newId(now.getTime()),
          departmentId: c.departmentId ?? c.intakeDepartmentId,
          complaintId: c.id,
          deadlineId: clock.id,
          kind: 'late_step',
          points: settings.kpi.lateStep,
          rule: 'R-KPI-2',
          at: now,
        });
      }
      const owner = action.escalateTo ? ownerOf(action.escalateTo, c) : null;
      events.push(deadlineEvent(c, 'deadline.breached', clock, settings, owner, now));
      audit.push({
        entityType: 'complaint',
        entityId: c.id,
        action: 'complaint.deadline_breached',
        after: {
          kind: clock.kind,
          dueAt: clock.dueAt,
          escalatedTo: action.escalateTo,
          escalatedToUser: owner?.userId ?? null,
          level: action.newLevel,
          rules: action.rules,
        },
      });
    }
    await deadlineSweepRepo.markWarned(
      tx,
      warnings.map((w) => w.clock.id),
      now,
    );
    await deadlineSweepRepo.markBreached(
      tx,
      breaches.map((b) => ({ id: b.clock.id, level: b.action.newLevel })),
      now,
    );
    if (kpi.length > 0) await deadlineSweepRepo.insertKpi(tx, kpi);
    await deadlineSweepRepo.escalateComplaints(
      tx,
      [...new Set(breaches.map((b) => b.c.id))].map((id) => ({ id, level: escalations.get(id) ?? null })),
      now,
    );
    await appendAudit(tx, systemContext('deadline-sweep'), now, audit);
    await emitEvents(tx, now, events);
    return {
      warned: warnings.length,
      breached: breaches.length,
      rowsTouched: warnRows.length + breachRows.length,
    };
  });
};
