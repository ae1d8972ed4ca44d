import type { CompensationKind } from '../../domain/compensation/compensation-policy';
import type { ProposalOption } from '../../domain/compensation/decide-proposal-options';
import { planExecutionTasks } from '../../domain/compensation/plan-execution-tasks';
import type { Complaint } from '../../domain/complaint/complaint';
import type { Tx } from '../../db/client';
import { proposalRepo, taskRepo } from '../../db/repos/compensation.repo';
import { appendAudit } from '../audit/append-audit';
import type { TransitionInput } from '../complaints/transition-payload';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { newId } from '../new-id';
import { loadComplaintSettings } from '../complaints/complaint-settings';
import { supersedeActiveProposal } from './supersede-proposal';
import { writeLedger } from './write-ledger';

/**
 * Refuses lifecycle commands that would go around the compensation module: once a compensation proposal is in force
 * its approval is an electronic signature (R-APR-2), so the plain propose/approve commands answer
 * SIGNATURE_REQUIRED; and a complaint with open execution tasks cannot be resolved (R-RES-9).
 */
export const assertLifecycleCommandAllowed = async (
  tx: Tx,
  c: Complaint,
  input: TransitionInput,
  viaCompensation: boolean,
): Promise<void> => {
  if (!viaCompensation && (input.type === 'propose_solution' || input.type === 'approve_solution')) {
    const active = await proposalRepo.findActive(tx, c.id);
    if (active)
      throw new AppError('SIGNATURE_REQUIRED', {
        proposalId: active.id,
        version: active.version,
        rule: 'R-APR-2',
      });
  }
  if (input.type === 'resolve') {
    const open = await taskRepo.countOpen(tx, c.id);
    if (open > 0) throw new AppError('EXECUTION_INCOMPLETE', { openTasks: open, rule: 'R-RES-9' });
  }
};

/** The options the customer agreed to: the one they chose, or the first-ranked when they accepted as a whole. */
const agreedOptions = (c: Complaint, options: readonly ProposalOption[]): readonly ProposalOption[] => {
  const chosen = c.agreement?.chosenOption ?? null;
  const pick = chosen !== null ? options[chosen] : options[0];
  return pick ? [pick] : [];
};

/**
 * What a lifecycle command does to compensation, in the command's transaction:
 * - customer_accept (R-RES-7, R-RES-9): execution tasks for the agreed option, due on the agreed date, owned by the
 *   role that carries them out; the ledger books the agreed amount.
 * - customer_reject (R-RES-7): the proposal goes out of force (a new plan follows); the ledger reverses it.
 */
export const afterLifecycleCommand = async (
  deps: Deps,
  tx: Tx,
  ctx: UseCaseContext,
  c: Complaint,
  input: TransitionInput,
  now: Date,
): Promise<void> => {
  if (input.type !== 'customer_accept' && input.type !== 'customer_reject') return;
  const active = await proposalRepo.findActive(tx, c.id);
  if (!active) return;
  const settings = await loadComplaintSettings(deps.db, tx);
  const timeZone = settings.calendar.timeZone;
  if (input.type === 'customer_reject') {
    await supersedeActiveProposal(tx, c, timeZone, now);
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'compensation_proposal',
        entityId: active.id,
        action: 'compensation.rejected_by_customer',
        before: { status: active.status },
        after: { status: 'superseded', rules: [{ rule: 'R-RES-7', detail: 'rejected_new_plan' }] },
        reason: input.reason,
      },
    ]);
    return;
  }
  const agreed = agreedOptions(c, active.options as ProposalOption[]);
  const dueAt = input.executionDueAt;
  const plan = planExecutionTasks(
    agreed.map((o) => ({ kind: o.kind as CompensationKind, amountFen: o.amountFen })),
    dueAt,
  );
  const rows = plan.tasks.map((t) => ({
    id: newId(),
    complaintId: c.id,
    proposalId: active.id,
    kind: t.kind,
    optionKind: t.optionKind,
    amountFen: t.amountFen,
    ownerRole: t.ownerRole,
    ownerId: null,
    dueAt: t.dueAt,
    status: 'open',
    createdAt: now,
  }));
  await taskRepo.insertMany(tx, rows);
  await writeLedger(
    tx,
    c,
    agreed.map((o) => ({
      stage: 'agreed' as const,
      kind: o.kind,
      amountFen: o.amountFen,
      proposalId: active.id,
    })),
    timeZone,
    now,
  );
  await appendAudit(
    tx,
    ctx,
    now,
    rows.map((r) => ({
      entityType: 'compensation_task',
      entityId: r.id,
      action: 'compensation.task_created',
      after: {
        complaintId: c.id,
        kind: r.kind,
        amountFen: r.amountFen,
        ownerRole: r.ownerRole,
        dueAt: r.dueAt.toISOString(),
        rules: plan.rules,
      },
    })),
  );
};
