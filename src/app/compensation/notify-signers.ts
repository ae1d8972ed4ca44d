import { SIGNING_ROLES } from '../../domain/compensation/approval-steps';
import type { ApproverRole } from '../../domain/compensation/compensation-policy';
import type { Complaint } from '../../domain/complaint/complaint';
import type { Tx } from '../../db/client';
import { complaintEvents, findRoleOwners } from '../complaints/complaint-events';
import { emitEvents } from '../platform/emit-events';

/**
 * Tells the holders of the waiting approver roles that a proposal needs their signature (R-APR-1): one
 * `complaint.approval_requested` outbox event per person (mail + webhook), in the caller's transaction.
 */
export const notifyWaitingSigners = async (
  tx: Tx,
  c: Complaint,
  roles: readonly ApproverRole[],
  now: Date,
  version: number,
): Promise<void> => {
  const told = new Set<string>();
  for (const role of roles)
    for (const systemRole of SIGNING_ROLES[role])
      for (const owner of await findRoleOwners(tx, systemRole)) {
        if (told.has(owner.userId)) continue;
        told.add(owner.userId);
        const summary = `补偿方案第${version}版待您签署 Compensation proposal v${version} awaits your signature (${role})`;
        await emitEvents(tx, now, complaintEvents(c, ['approval_requested'], now, { owner, summary }));
      }
};
