import type { ComplaintEventType } from '../../domain/complaint/complaint-status';
import { isTerminal } from '../../domain/complaint/complaint-status';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { emitEvents } from '../platform/emit-events';
import { advanceClocks, mergeEventTimes } from './advance-clocks';
import { complaintEvents, findOwner } from './complaint-events';
import { loadComplaintSettings } from './complaint-settings';
import { complaintScopeOf, loadComplaintDetail, type ComplaintDetail } from './get-complaint';

/** Things that happen during handling without changing the lifecycle state, each meeting its clock. */
export const MILESTONES = [
  'emergency_started',
  'unit_received',
  'unit_analysed',
  'report_issued',
] as const satisfies readonly ComplaintEventType[];
export type Milestone = (typeof MILESTONES)[number];

/**
 * Records a handling milestone: the emergency process started (R-SLA-4), the returned unit arrived and was
 * analysed (R-SLA-12), the abnormality / special report was issued (R-SLA-7). The clocks waiting for it are met;
 * the time may be given (when it happened earlier) but not in the future.
 */
export const recordMilestone = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: { milestone: Milestone; at?: Date | undefined; note?: string | undefined },
): Promise<ComplaintDetail> => {
  const scope = complaintScopeOf(ctx);
  assertPermission(ctx.actor, 'complaint.update');
  const now = deps.clock.now();
  const at = input.at && input.at.getTime() <= now.getTime() ? input.at : now;
  return deps.db.transaction(async (tx) => {
    if (!(await complaintRepo.findById(tx, id, scope))) throw new AppError('COMPLAINT_NOT_FOUND');
    const complaint = await complaintRepo.findByIdForUpdate(tx, id);
    if (!complaint) throw new AppError('COMPLAINT_NOT_FOUND');
    if (isTerminal(complaint.status))
      throw new AppError('ILLEGAL_TRANSITION', { status: complaint.status, allowed: [] });
    const events = [{ type: input.milestone, at }];
    await complaintRepo.update(
      tx,
      id,
      complaint.version,
      { eventTimes: mergeEventTimes(complaint.eventTimes, events) },
      now,
    );
    const rules = await advanceClocks(tx, complaint, events, await loadComplaintSettings(deps.db, tx));
    const updated = (await complaintRepo.findById(tx, id)) ?? complaint;
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'complaint',
        entityId: id,
        action: `complaint.${input.milestone}`,
        after: { at, note: input.note ?? null, rules },
        reason: input.note ?? null,
      },
    ]);
    await emitEvents(
      tx,
      now,
      complaintEvents(updated, [input.milestone], now, { owner: await findOwner(tx, updated.assigneeId) }),
    );
    return loadComplaintDetail(deps, tx, updated, ctx.actor);
  });
};
