import { desc, eq } from 'drizzle-orm';
import type { ComplaintEventType } from '../../domain/complaint/complaint-status';
import { isTerminal } from '../../domain/complaint/complaint-status';
import { complaintCommunications } from '../../db/schema/complaint.table';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { newId } from '../new-id';
import { emitEvents } from '../platform/emit-events';
import { advanceClocks, mergeEventTimes } from './advance-clocks';
import { complaintEvents, findOwner } from './complaint-events';
import { loadComplaintSettings } from './complaint-settings';
import { complaintScopeOf } from './get-complaint';

export type CommunicationInput = {
  readonly at?: Date | undefined;
  readonly channel: string;
  readonly direction: 'inbound' | 'outbound';
  readonly summary: string;
  readonly nextStep?: string | null | undefined;
  readonly contactPerson?: string | null | undefined;
  readonly acknowledges: boolean;
  readonly progress: boolean;
};

export type Communication = {
  id: string;
  at: Date;
  channel: string;
  direction: string;
  summary: string;
  nextStep: string | null;
  contactPerson: string | null;
  createdBy: string | null;
};

/**
 * Records a contact with the customer (R-INT-6 paraphrase, R-FUP-1 milestones). An outbound contact meets the
 * call-back clocks (R-SLA-3, R-SLA-6 contact); one that gave the customer the number meets the first answer
 * (R-INT-2, R-SLA-5); a progress report restarts the progress clock (R-SLA-10).
 */
export const addCommunication = async (
  deps: Deps,
  ctx: UseCaseContext,
  complaintId: string,
  input: CommunicationInput,
): Promise<Communication> => {
  const scope = complaintScopeOf(ctx);
  assertPermission(ctx.actor, 'complaint.update');
  const now = deps.clock.now();
  const at = input.at && input.at.getTime() <= now.getTime() ? input.at : now;
  return deps.db.transaction(async (tx) => {
    if (!(await complaintRepo.findById(tx, complaintId, scope))) throw new AppError('COMPLAINT_NOT_FOUND');
    const complaint = await complaintRepo.findByIdForUpdate(tx, complaintId);
    if (!complaint) throw new AppError('COMPLAINT_NOT_FOUND');
    const row: Communication = {
      id: newId(now.getTime()),
      at,
      channel: input.channel,
      direction: input.direction,
      summary: input.summary,
      nextStep: input.nextStep ?? null,
      contactPerson: input.contactPerson ?? null,
      createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    };
    await tx.insert(complaintCommunications).values({ ...row, complaintId, createdAt: now });
    const types: ComplaintEventType[] = [];
    if (input.direction === 'outbound') types.push('contacted');
    if (input.acknowledges) types.push('acknowledged');
    if (input.progress) types.push('progress_noted');
    const events = isTerminal(complaint.status) ? [] : types.map((type) => ({ type, at }));
    if (events.length > 0) {
      await complaintRepo.update(
        tx,
        complaintId,
        complaint.version,
        { eventTimes: mergeEventTimes(complaint.eventTimes, events) },
        now,
      );
      await advanceClocks(tx, complaint, events, await loadComplaintSettings(deps.db, tx));
    }
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'complaint',
        entityId: complaintId,
        action: 'complaint.communication_logged',
        after: { ...row, events: types },
      },
    ]);
    if (events.length > 0) {
      await emitEvents(
        tx,
        now,
        complaintEvents(complaint, types, now, { owner: await findOwner(tx, complaint.assigneeId) }),
      );
    }
    return row;
  });
};

/** The communication log of a complaint, newest first. */
export const listCommunications = async (
  deps: Deps,
  ctx: UseCaseContext,
  complaintId: string,
): Promise<Communication[]> => {
  const scope = complaintScopeOf(ctx);
  const ex = deps.db.reader();
  if (!(await complaintRepo.findById(ex, complaintId, scope))) throw new AppError('COMPLAINT_NOT_FOUND');
  return ex
    .select({
      id: complaintCommunications.id,
      at: complaintCommunications.at,
      channel: complaintCommunications.channel,
      direction: complaintCommunications.direction,
      summary: complaintCommunications.summary,
      nextStep: complaintCommunications.nextStep,
      contactPerson: complaintCommunications.contactPerson,
      createdBy: complaintCommunications.createdBy,
    })
    .from(complaintCommunications)
    .where(eq(complaintCommunications.complaintId, complaintId))
    .orderBy(desc(complaintCommunications.at))
    .limit(500);
};
