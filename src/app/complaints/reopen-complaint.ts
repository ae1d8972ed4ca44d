import type { Complaint } from '../../domain/complaint/complaint';
import type { Tx } from '../../db/client';
import { complaintLinks } from '../../db/schema/complaint.table';
import { complaintRepo } from '../../db/repos/complaint.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { newId } from '../new-id';
import type { ComplaintSettings } from './complaint-settings';
import { toLifecycleActor } from './lifecycle-actor';
import { registerComplaint } from './register-complaint';

/**
 * R-FUP-3: a customer still not satisfied at the follow-up gets a NEW feedback form that runs the whole process
 * again (R-INT-3: one record per form), linked to the old one. Registered with the system's authority, since the
 * agent doing the follow-up may not hold complaint.create.
 */
export const reopenComplaint = async (
  deps: Deps,
  tx: Tx,
  ctx: UseCaseContext,
  old: Complaint,
  _settings: ComplaintSettings,
  now: Date,
  comment: string | null,
): Promise<Complaint> => {
  const result = await registerComplaint(
    deps,
    ctx,
    {
      kind: old.kind,
      channel: old.channel,
      receivedAt: now,
      receivedOutsideCustomerService: false,
      customer: { ...old.customer, id: old.customer.id ?? undefined },
      product: { ...old.product, id: old.product.id ?? undefined },
      problem: {
        ...old.problem,
        description:
          `【复开 ${old.number}】${comment ? `回访不满意：${comment}。` : '回访不满意。'}原问题：${old.problem.description}`.slice(
            0,
            5000,
          ),
      },
      demands: old.demands,
      claimedAmountFen: old.claimedAmountFen,
      injury: old.injury,
      flags: old.flags,
      customFields: old.customFields as Record<string, string | number | boolean | null>,
    },
    toLifecycleActor({ kind: 'system', name: 'reopen' }),
    {
      intakeDepartmentId: old.intakeDepartmentId,
      reporterId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    },
  );
  const reopened = result.complaint;
  await complaintRepo.update(tx, reopened.id, reopened.version, { linkedFromId: old.id }, now);
  await tx.insert(complaintLinks).values({
    id: newId(now.getTime()),
    fromId: reopened.id,
    toId: old.id,
    kind: 'reopen',
    status: 'confirmed',
    reasons: [{ rule: 'R-FUP-3', detail: 'unsatisfied follow-up' }],
    createdAt: now,
    decidedAt: now,
  });
  return (await complaintRepo.findById(tx, reopened.id)) ?? reopened;
};
