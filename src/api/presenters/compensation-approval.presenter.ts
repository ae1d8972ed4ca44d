import type { z } from 'zod';
import type { CompensationView, ProposalView, TaskView } from '../../app/compensation/compensation-view';
import type { PendingApproval } from '../../app/compensation/list-pending-approvals';
import type { DelegationView } from '../../app/compensation/manage-delegations';
import type { SigningChallenge } from '../../app/compensation/sign-proposal';
import type {
  ZCompensationView,
  ZDelegation,
  ZExecutionTask,
  ZPendingApproval,
  ZProposal,
  ZSigningChallenge,
} from '../../contracts/compensation-approval.contract';

type Explanation = z.output<typeof ZProposal>['explanation'];

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

const explanationOf = (value: unknown): Explanation => {
  const e = (value ?? {}) as Partial<Explanation>;
  return {
    rules: (e.rules ?? []).map((r) => ({
      rule: r.rule,
      ...(r.detail !== undefined && { detail: r.detail }),
    })),
    citations: (e.citations ?? []).map((c) => ({
      ref: c.ref,
      text: c.text,
      ...(c.floorFen !== undefined && { floorFen: c.floorFen }),
    })),
    handling: { ...(e.handling ?? {}) },
  };
};

export const presentProposal = (p: ProposalView): z.output<typeof ZProposal> => ({
  id: p.id,
  complaintId: p.complaintId,
  version: p.version,
  status: p.status as z.output<typeof ZProposal>['status'],
  contentHash: p.contentHash,
  options: p.options.map((o) => ({
    kind: o.kind,
    amountFen: o.amountFen,
    description: o.description,
    approvalChain: [...o.approvalChain],
    siteCheckRequired: o.siteCheckRequired,
    basis: [...o.basis],
  })),
  steps: p.steps.map((s) => ({ index: s.index, roles: [...s.roles] })),
  waitingFor: [...p.waitingFor],
  openStep: p.openStep,
  explanation: explanationOf(p.explanation),
  facts: { ...((p.facts ?? {}) as Record<string, unknown>) },
  policyVersion: p.policyVersion,
  note: p.note,
  executionWorkingDays: p.executionWorkingDays,
  createdBy: p.createdBy,
  createdByName: p.createdByName,
  createdAt: p.createdAt.toISOString(),
  decidedAt: iso(p.decidedAt),
  writeOffNo: p.writeOffNo,
  signatures: p.signatures.map((s) => ({ ...s, signedAt: s.signedAt.toISOString() })),
});

export const presentTask = (t: TaskView): z.output<typeof ZExecutionTask> => ({
  ...t,
  status: t.status as z.output<typeof ZExecutionTask>['status'],
  dueAt: t.dueAt.toISOString(),
  escalatedAt: iso(t.escalatedAt),
  doneAt: iso(t.doneAt),
});

export const presentCompensationView = (v: CompensationView): z.output<typeof ZCompensationView> => ({
  complaintId: v.complaintId,
  number: v.number,
  complaintStatus: v.complaintStatus,
  current: v.current ? presentProposal(v.current) : null,
  history: v.history.map(presentProposal),
  tasks: v.tasks.map(presentTask),
});

export const presentChallenge = (c: SigningChallenge): z.output<typeof ZSigningChallenge> => ({
  ...c,
  expiresAt: c.expiresAt.toISOString(),
  statement: { ...c.statement },
});

export const presentPendingApproval = (p: PendingApproval): z.output<typeof ZPendingApproval> => ({
  ...p,
  waitingFor: [...p.waitingFor],
  canSignAs: p.canSignAs.map((c) => ({ ...c })),
  createdAt: p.createdAt.toISOString(),
});

export const presentDelegation = (d: DelegationView): z.output<typeof ZDelegation> => ({
  ...d,
  startsAt: d.startsAt.toISOString(),
  endsAt: d.endsAt.toISOString(),
});
