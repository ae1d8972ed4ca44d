import type { z } from 'zod';
import type { CompensationSimulation } from '../../app/compensation/simulate-compensation';
import type { ZCompensationSimulation } from '../../contracts/compensation.contract';

/** Maps a simulated compensation decision to its contract (fresh arrays; no domain object leaks). */
export const presentCompensationSimulation = (
  s: CompensationSimulation,
): z.output<typeof ZCompensationSimulation> => ({
  policyVersion: s.policyVersion,
  draft: s.draft,
  options: s.options.map((o) => ({
    kind: o.kind,
    amountFen: o.amountFen,
    maxAmountFen: o.maxAmountFen,
    approvalChain: [...o.approvalChain],
    siteCheckRequired: o.siteCheckRequired,
    basis: [...o.basis],
  })),
  approvals: [...s.approvals],
  rules: s.rules.map((r) => ({ rule: r.rule, ...(r.detail !== undefined && { detail: r.detail }) })),
  citations: s.citations.map((c) => ({
    ref: c.ref,
    text: c.text,
    ...(c.floorFen !== undefined && { floorFen: c.floorFen }),
  })),
  handling: { ...s.handling },
});
