import { PAYMENT_TASK_KINDS, type ExecutionTaskKind } from '../../domain/compensation/plan-execution-tasks';
import type { Complaint } from '../../domain/complaint/complaint';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { taskRepo } from '../../db/repos/compensation.repo';
import { appendAudit } from '../audit/append-audit';
import { complaintEvents, findRoleOwners } from '../complaints/complaint-events';
import { loadComplaintSettings } from '../complaints/complaint-settings';
import { complaintScopeOf } from '../complaints/get-complaint';
import { systemContext, type UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { emitEvents } from '../platform/emit-events';
import { toTaskView, type TaskView } from './compensation-view';
import { writeLedger } from './write-ledger';
import { numberWriteOffIfReady } from './write-off';

export type TaskListFilter = {
  readonly status?: 'open' | 'done' | 'cancelled' | undefined;
  readonly overdue?: boolean | undefined;
  /** Only tasks owned by one of the caller's roles. */
  readonly mine?: boolean | undefined;
  readonly limit?: number | undefined;
};

/** Execution tasks across complaints (R-RES-9 non-performance is `overdue=true`), within the caller's scope. */
export const listExecutionTasks = async (
  deps: Deps,
  ctx: UseCaseContext,
  filter: TaskListFilter,
): Promise<TaskView[]> => {
  assertPermission(ctx.actor, 'compensation.execute');
  const scope = complaintScopeOf(ctx);
  const now = deps.clock.now();
  const ex = deps.db.reader();
  const rows = await taskRepo.list(
    ex,
    {
      status: filter.status,
      overdueAt: filter.overdue ? now : undefined,
      ownerRoles: filter.mine && ctx.actor.kind === 'user' ? ctx.actor.roles : undefined,
    },
    Math.min(filter.limit ?? 100, 500),
  );
  const numbers = new Map<string, string | null>();
  for (const id of new Set(rows.map((r) => r.complaintId))) {
    const c = await complaintRepo.findById(ex, id, scope);
    numbers.set(id, c ? c.number : null);
  }
  return rows
    .filter((r) => numbers.get(r.complaintId))
    .map((r) => toTaskView(r, now, numbers.get(r.complaintId) ?? null));
};

/**
 * Marks an execution task done (R-RES-9): the holder of its owner role (or a service manager) records it with a
 * reference — the payment voucher number for a refund or cash payment (finance "marks paid"), the waybill for goods.
 * The ledger books the amount as paid. Payments need a reference.
 */
export const completeExecutionTask = async (
  deps: Deps,
  ctx: UseCaseContext,
  taskId: string,
  input: { readonly reference?: string | undefined; readonly note?: string | undefined },
): Promise<TaskView> => {
  assertPermission(ctx.actor, 'compensation.execute');
  const scope = complaintScopeOf(ctx);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const task = await taskRepo.findByIdForUpdate(tx, taskId);
    if (!task) throw new AppError('TASK_NOT_FOUND');
    const complaint = await complaintRepo.findById(tx, task.complaintId, scope);
    if (!complaint) throw new AppError('TASK_NOT_FOUND');
    if (task.status !== 'open') throw new AppError('TASK_NOT_OPEN', { status: task.status });
    const roles: readonly string[] = ctx.actor.kind === 'user' ? ctx.actor.roles : [];
    if (ctx.actor.kind === 'user' && !roles.includes(task.ownerRole) && !roles.includes('service_manager'))
      throw new AppError('FORBIDDEN', { ownerRole: task.ownerRole, rule: 'R-RES-9' });
    const payment = PAYMENT_TASK_KINDS.includes(task.kind as ExecutionTaskKind);
    const reference = input.reference?.trim() || null;
    if (payment && !reference)
      throw new AppError('VALIDATION_FAILED', { field: 'reference', reason: 'payment_reference_required' });
    const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    await taskRepo.complete(tx, taskId, { reference, note: input.note ?? null, doneBy: by }, now);
    const settings = await loadComplaintSettings(deps.db, tx);
    await writeLedger(
      tx,
      complaint,
      [
        {
          stage: 'paid',
          kind: task.optionKind,
          amountFen: task.amountFen,
          proposalId: task.proposalId,
          taskId,
        },
      ],
      settings.calendar.timeZone,
      now,
    );
    const writeOff = await numberWriteOffIfReady(tx, task.proposalId, settings.calendar.timeZone, now);
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'compensation_task',
        entityId: taskId,
        action: payment ? 'compensation.paid' : 'compensation.task_done',
        before: { status: 'open' },
        after: {
          status: 'done',
          complaintId: complaint.id,
          kind: task.kind,
          amountFen: task.amountFen,
          reference,
          rules: [{ rule: 'R-RES-9', detail: `${task.kind}_done` }],
        },
      },
      ...(writeOff ? [writeOff] : []),
    ]);
    const [done] = (await taskRepo.listByComplaint(tx, complaint.id)).filter((t) => t.id === taskId);
    return toTaskView(done ?? task, now, complaint.number);
  });
};

/**
 * R-RES-9 non-performance: open execution tasks past their due date are escalated once — the holders of the owner
 * role and the service manager are told (`complaint.escalated`), and the task shows `escalatedAt`. Rows are claimed
 * with SKIP LOCKED so two workers never escalate one task twice. Returns how many were escalated.
 */
export const escalateOverdueTasks = async (deps: Deps, limit = 200): Promise<number> => {
  const now = deps.clock.now();
  const ctx = systemContext('compensation-sweep');
  return deps.db.transaction(async (tx) => {
    const due = await taskRepo.claimOverdue(tx, now, limit);
    if (due.length === 0) return 0;
    await taskRepo.markEscalated(
      tx,
      due.map((t) => t.id),
      now,
    );
    for (const t of due) {
      const c = (await complaintRepo.findById(tx, t.complaintId)) as Complaint;
      const summary = `方案未按期执行 Agreed solution not carried out: ${t.kind} (${(t.amountFen / 100).toFixed(2)} 元) due ${t.dueAt.toISOString()}`;
      const owners = [
        ...(await findRoleOwners(tx, t.ownerRole)),
        ...(await findRoleOwners(tx, 'service_manager')),
      ];
      const seen = new Set<string>();
      for (const owner of owners) {
        if (seen.has(owner.userId)) continue;
        seen.add(owner.userId);
        await emitEvents(tx, now, complaintEvents(c, ['escalated'], now, { owner, summary }));
      }
    }
    await appendAudit(
      tx,
      ctx,
      now,
      due.map((t) => ({
        entityType: 'compensation_task',
        entityId: t.id,
        action: 'compensation.task_escalated',
        after: { dueAt: t.dueAt.toISOString(), rules: [{ rule: 'R-RES-9', detail: 'non_performance' }] },
      })),
    );
    return due.length;
  });
};
