import { inArray, sql } from 'drizzle-orm';
import type { NotificationPayload } from '../../contracts/notification-event.contract';
import type { Complaint } from '../../domain/complaint/complaint';
import { decideSweepAction } from '../../domain/sla/decide-sweep-action';
import type { Tx } from '../../db/client';
import { toComplaint } from '../../db/repos/complaint.repo';
import { deadlineRepo, deadlineSweepRepo, type DeadlineRow } from '../../db/repos/deadline.repo';
import { findContacts } from '../../db/repos/user.repo';
import { complaints, kpiEvents } from '../../db/schema/complaint.table';
import { appendAudit, type AuditEntry } from '../audit/append-audit';
import { systemContext } from '../context';
import type { Deps } from '../deps';
import { newId } from '../new-id';
import { emitEvents, type DomainEvent } from '../platform/emit-events';
import { findEscalationOwner, type NotificationOwner } from './complaint-events';
import { loadComplaintSettings, type ComplaintSettings } from './complaint-settings';

export type SweepReport = {
  readonly warned: number;
  readonly breached: number;
  readonly rowsTouched: number;
};

const loadComplaints = async (tx: Tx, ids: readonly string[]): Promise<Map<string, Complaint>> => {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(complaints)
    .where(inArray(complaints.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, toComplaint(r)]));
};

const deadlineEvent = (
  c: Complaint,
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
    productName: c.product.name,
    summary: c.problem.description.slice(0, 500) || null,
    deadline: { kind: clock.kind, label, dueAt: clock.dueAt.toISOString() },
  };
  return { type, aggregateType: 'complaint', aggregateId: c.id, payload };
};

/**
 * One pass of the deadline sweep (R-ESC-1, R-KPI-2). Claims due clocks with SKIP LOCKED through the partial
 * indexes (rows touched ≈ rows due, no scan), lets the domain decide, and writes set-based: a clock reaching its
 * warning time warns the owner once; a clock past due is breached once, escalates the complaint one level up the
 * chain (assignee → department manager → service manager → GM), notifies that person, and costs the department
 * points (R-KPI-2). Two sweepers never act on the same clock.
 */
/**
 * Owners depend only on the role and the complaint's assignee or department, so one sweep looks each one up once —
 * the assignees of all complaints due in one read, each department's manager once — instead of one or two
 * statements per clock.
 */
const ownerFinder = async (tx: Tx, complaintsDue: Iterable<Complaint>) => {
  const found = new Map<string, Promise<NotificationOwner | null>>();
  // The assignees of every complaint due, in one read.
  const assigneeIds = [...complaintsDue].flatMap((c) => (c.assigneeId ? [c.assigneeId] : []));
  const contacts = await findContacts(tx, assigneeIds);
  for (const id of new Set(assigneeIds)) {
    const u = contacts.get(id);
    found.set(
      `assignee|${id}`,
      Promise.resolve(
        u
          ? {
              userId: u.id,
              displayName: u.displayName,
              email: u.email,
              locale: u.locale === 'en' ? 'en' : 'zh-CN',
            }
          : null,
      ),
    );
  }
  return (role: string, c: Complaint): Promise<NotificationOwner | null> => {
    const key =
      role === 'assignee' ? `assignee|${c.assigneeId}` : `${role}|${c.departmentId ?? c.intakeDepartmentId}`;
    let owner = found.get(key);
    if (!owner) {
      owner = findEscalationOwner(tx, role, c);
      found.set(key, owner);
    }
    return owner;
  };
};

/**
 * One statement for every complaint whose clock was breached: raises the escalation level of those escalated (never
 * lowers it; `levels` null = not escalated) and recomputes the next-due summary from their open clocks — what
 * `complaintRepo.refreshDueSummary` does — so each complaint row gets one new version, not two.
 */
const updateBreachedComplaints = async (
  tx: Tx,
  ids: readonly string[],
  levels: ReadonlyMap<string, number>,
  now: Date,
): Promise<void> => {
  if (ids.length === 0) return;
  const values = sql.join(
    ids.map((id) => sql`(${id}::uuid, ${levels.get(id) ?? null}::int)`),
    sql`, `,
  );
  await tx.execute(sql`
    with v(id, level) as (values ${values}),
         s as (select d.complaint_id,
                      min(d.due_at) filter (where not d.paused) as next_due_at,
                      bool_or(d.breached_at is not null) as breached
                 from complaint_deadlines d
                where d.complaint_id in (select id from v) and d.met_at is null and d.cancelled_at is null
                group by d.complaint_id)
    update complaints c
       set escalation_level = greatest(c.escalation_level, coalesce(v.level, 0)),
           next_due_at = s.next_due_at,
           breached = coalesce(s.breached, false),
           updated_at = case when v.level is null then c.updated_at else ${now} end
      from v left join s on s.complaint_id = v.id
     where c.id = v.id`);
};

export const sweepDeadlines = async (deps: Deps, limit = 1000): Promise<SweepReport> => {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const breachRows = await deadlineRepo.claimBreached(tx, now, limit);
    const breachIds = new Set(breachRows.map((r) => r.id));
    const warnRows = (await deadlineRepo.claimWarnings(tx, now, limit)).filter((r) => !breachIds.has(r.id));
    if (breachRows.length === 0 && warnRows.length === 0) return { warned: 0, breached: 0, rowsTouched: 0 };
    const settings = await loadComplaintSettings(deps.db, tx);
    const byId = await loadComplaints(
      tx,
      [...breachRows, ...warnRows].map((r) => r.complaintId),
    );
    const events: DomainEvent[] = [];
    const audit: AuditEntry[] = [];
    const ownerOf = await ownerFinder(tx, byId.values());

    const warned: string[] = [];
    for (const clock of warnRows) {
      const c = byId.get(clock.complaintId);
      const action = decideSweepAction(
        {
          dueAt: clock.dueAt,
          warnAt: clock.warnAt,
          warnedAt: clock.warnedAt,
          breachedAt: clock.breachedAt,
          escalationLevel: clock.escalationLevel,
          paused: clock.paused,
        },
        now,
        settings.escalationChain,
      );
      if (!c || action.action !== 'warn') continue;
      warned.push(clock.id);
      // The owner is warned; while nobody owns it yet, the manager of the department that took it in.
      const owner = await ownerOf(c.assigneeId ? 'assignee' : 'department_manager', c);
      events.push(deadlineEvent(c, 'deadline.warned', clock, settings, owner, now));
    }
    await deadlineSweepRepo.markWarned(tx, warned, now);

    const breached: { id: string; level: number }[] = [];
    // Each missed deadline takes the complaint one level further up the chain, in due order (R-ESC-1).
    const escalations = new Map<string, number>();
    const kpi: (typeof kpiEvents.$inferInsert)[] = [];
    for (const clock of breachRows) {
      const c = byId.get(clock.complaintId);
      const rule = settings.deadlinePolicy.rules.find((r) => r.kind === clock.kind);
      const action = decideSweepAction(
        {
          dueAt: clock.dueAt,
          warnAt: clock.warnAt,
          warnedAt: clock.warnedAt,
          breachedAt: clock.breachedAt,
          escalationLevel: escalations.get(clock.complaintId) ?? c?.escalationLevel ?? 0,
          escalates: rule?.escalates ?? true,
          paused: clock.paused,
        },
        now,
        settings.escalationChain,
      );
      if (!c || action.action !== 'breach') continue;
      breached.push({ id: clock.id, level: action.newLevel });
      if (action.escalateTo) escalations.set(c.id, action.newLevel);
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
      const owner = action.escalateTo ? await ownerOf(action.escalateTo, c) : null;
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
    await deadlineSweepRepo.markBreached(tx, breached, now);
    if (kpi.length > 0) await tx.insert(kpiEvents).values(kpi).onConflictDoNothing();
    await updateBreachedComplaints(tx, [...new Set(breachRows.map((r) => r.complaintId))], escalations, now);
    await appendAudit(tx, systemContext('deadline-sweep'), now, audit);
    await emitEvents(tx, now, events);
    return {
      warned: warned.length,
      breached: breached.length,
      rowsTouched: warnRows.length + breachRows.length,
    };
  });
};
