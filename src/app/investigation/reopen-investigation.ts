import { investigationRepo } from '../../db/repos/investigation.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { emitEvents } from '../platform/emit-events';
import {
  buildInvestigationView,
  complaintFactsOf,
  findAtVersion,
  lockEditableComplaint,
  type InvestigationView,
} from './investigation-view';

/**
 * Reopens a filed investigation as a draft (e.g. new evidence, or an objection to a disposal asks for
 * re-investigation, R-ESC-3). The reason is required and kept in the audit trail with the filing it undoes; the
 * record's content stays as filed. Emits `complaint.investigation_reopened` so consumers of the filing (batch
 * signals) know it no longer stands. INVESTIGATION_NOT_FILED for a draft.
 */
export const reopenInvestigation = async (
  deps: Deps,
  ctx: UseCaseContext,
  complaintId: string,
  input: { readonly version: number; readonly reason: string },
): Promise<InvestigationView> => {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const complaint = await lockEditableComplaint(tx, ctx, complaintId);
    const stored = await findAtVersion(tx, complaintId, input.version);
    if (!stored?.filedAt) throw new AppError('INVESTIGATION_NOT_FILED');
    const reopened = await investigationRepo.update(
      tx,
      complaintId,
      stored.version,
      stored,
      { filedAt: null, filedBy: null },
      now,
    );
    if (!reopened) throw new AppError('VERSION_CONFLICT', { currentVersion: stored.version });
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'investigation',
        entityId: complaintId,
        action: 'investigation.reopened',
        before: { version: stored.version, filedAt: stored.filedAt, filedBy: stored.filedBy },
        after: { version: reopened.version, filedAt: null },
        reason: input.reason,
      },
    ]);
    await emitEvents(tx, now, [
      {
        type: 'complaint.investigation_reopened',
        aggregateType: 'complaint',
        aggregateId: complaintId,
        payload: {
          complaintId,
          number: complaint.number,
          reason: input.reason,
          previouslyFiledAt: stored.filedAt.toISOString(),
        },
      },
    ]);
    return buildInvestigationView(complaint, reopened, await complaintFactsOf(tx, complaint));
  });
};
