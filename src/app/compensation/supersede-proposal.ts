import type { Complaint } from '../../domain/complaint/complaint';
import type { Tx } from '../../db/client';
import { proposalRepo, type ProposalRow } from '../../db/repos/compensation.repo';
import type { ProposalOption } from '../../domain/compensation/decide-proposal-options';
import { exposureOf, writeLedger } from './write-ledger';

/**
 * Takes a complaint's active proposal out of force (a new version replaces it, or the customer rejected it): its
 * status becomes `superseded`, which voids its signatures and any challenge issued for it (R-APR-2), and the ledger
 * reverses what it booked for it (proposed, and approved when it was).
 */
export const supersedeActiveProposal = async (
  tx: Tx,
  c: Complaint,
  timeZone: string,
  now: Date,
): Promise<ProposalRow | undefined> => {
  const active = await proposalRepo.findActive(tx, c.id);
  if (!active) return undefined;
  await proposalRepo.setStatus(tx, active.id, 'superseded', now);
  const exposure = exposureOf(active.options as ProposalOption[]);
  await writeLedger(
    tx,
    c,
    [
      { stage: 'proposed', kind: exposure.kind, amountFen: -exposure.amountFen, proposalId: active.id },
      ...(active.status === 'approved'
        ? [
            {
              stage: 'approved' as const,
              kind: exposure.kind,
              amountFen: -exposure.amountFen,
              proposalId: active.id,
            },
          ]
        : []),
    ],
    timeZone,
    now,
  );
  return active;
};
