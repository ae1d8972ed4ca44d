import type { ApprovalStep } from '../../domain/compensation/approval-steps';
import type { ApproverRole } from '../../domain/compensation/compensation-policy';
import { summarizeApproval, type GivenSignature } from '../../domain/compensation/decide-signature';
import type { ProposalOption } from '../../domain/compensation/decide-proposal-options';
import type { Complaint } from '../../domain/complaint/complaint';
import type { Executor } from '../../db/client';
import {
  proposalRepo,
  signatureRepo,
  taskRepo,
  type ProposalRow,
  type SignatureRow,
  type TaskRow,
} from '../../db/repos/compensation.repo';
import { userRepo } from '../../db/repos/user.repo';

/** A signature as shown wherever the approval is shown (21 CFR 11.50): printed name, time, meaning. */
export type SignatureView = {
  readonly id: string;
  readonly role: ApproverRole;
  readonly stepIndex: number;
  readonly signerId: string;
  readonly signerName: string;
  readonly onBehalfOfId: string | null;
  readonly onBehalfOfName: string | null;
  readonly meaning: 'approve' | 'reject';
  readonly reason: string | null;
  readonly signedAt: Date;
  readonly proposalVersion: number;
  readonly proposalHash: string;
  /** The proposal version it signed is no longer in force (edited, or replaced after the customer's answer). */
  readonly void: boolean;
};

export type ProposalView = {
  readonly id: string;
  readonly complaintId: string;
  readonly version: number;
  readonly status: ProposalRow['status'];
  readonly contentHash: string;
  readonly options: readonly ProposalOption[];
  readonly steps: readonly ApprovalStep[];
  readonly waitingFor: readonly ApproverRole[];
  readonly openStep: number | null;
  readonly explanation: unknown;
  readonly facts: unknown;
  readonly policyVersion: number;
  readonly note: string | null;
  readonly executionWorkingDays: number;
  readonly createdBy: string | null;
  readonly createdByName: string | null;
  readonly createdAt: Date;
  readonly decidedAt: Date | null;
  /** 产品质量处理核销申报表 number, once the agreed solution is carried out (R-RPT-3). */
  readonly writeOffNo: string | null;
  readonly signatures: readonly SignatureView[];
};

export type TaskView = {
  readonly id: string;
  readonly complaintId: string;
  readonly complaintNumber: string | null;
  readonly proposalId: string;
  readonly kind: string;
  readonly optionKind: string;
  readonly amountFen: number;
  readonly ownerRole: string;
  readonly dueAt: Date;
  readonly status: string;
  readonly overdue: boolean;
  readonly escalatedAt: Date | null;
  readonly reference: string | null;
  readonly note: string | null;
  readonly doneAt: Date | null;
  readonly doneBy: string | null;
};

export type CompensationView = {
  readonly complaintId: string;
  readonly number: string;
  readonly complaintStatus: string;
  readonly current: ProposalView | null;
  readonly history: readonly ProposalView[];
  readonly tasks: readonly TaskView[];
};

export const givenSignatures = (rows: readonly SignatureRow[]): GivenSignature[] =>
  rows.map((s) => ({
    role: s.role as ApproverRole,
    stepIndex: s.stepIndex,
    signerId: s.signerId,
    meaning: s.meaning as 'approve' | 'reject',
  }));

export const toTaskView = (t: TaskRow, now: Date, complaintNumber: string | null): TaskView => ({
  id: t.id,
  complaintId: t.complaintId,
  complaintNumber,
  proposalId: t.proposalId,
  kind: t.kind,
  optionKind: t.optionKind,
  amountFen: t.amountFen,
  ownerRole: t.ownerRole,
  dueAt: t.dueAt,
  status: t.status,
  overdue: t.status === 'open' && t.dueAt.getTime() < now.getTime(),
  escalatedAt: t.escalatedAt,
  reference: t.reference,
  note: t.note,
  doneAt: t.doneAt,
  doneBy: t.doneBy,
});

export const toProposalView = (
  p: ProposalRow,
  signatures: readonly SignatureRow[],
  names: ReadonlyMap<string, string>,
): ProposalView => {
  const mine = signatures.filter((s) => s.proposalId === p.id);
  const steps = p.steps as ApprovalStep[];
  const summary = summarizeApproval(steps, givenSignatures(mine));
  return {
    id: p.id,
    complaintId: p.complaintId,
    version: p.version,
    status: p.status,
    contentHash: p.contentHash,
    options: p.options as ProposalOption[],
    steps,
    waitingFor: p.status === 'pending_approval' ? summary.waitingFor : [],
    openStep: p.status === 'pending_approval' ? summary.openStep : null,
    explanation: p.explanation,
    facts: p.facts,
    policyVersion: p.policyVersion,
    note: p.note,
    executionWorkingDays: p.executionWorkingDays,
    createdBy: p.createdBy,
    createdByName: p.createdBy ? (names.get(p.createdBy) ?? null) : null,
    createdAt: p.createdAt,
    decidedAt: p.decidedAt,
    writeOffNo: p.writeOffNo,
    signatures: mine.map((s) => ({
      id: s.id,
      role: s.role as ApproverRole,
      stepIndex: s.stepIndex,
      signerId: s.signerId,
      signerName: s.signerName,
      onBehalfOfId: s.onBehalfOfId,
      onBehalfOfName: s.onBehalfOfName,
      meaning: s.meaning as 'approve' | 'reject',
      reason: s.reason,
      signedAt: s.signedAt,
      proposalVersion: s.proposalVersion,
      proposalHash: s.proposalHash,
      void: p.status === 'superseded',
    })),
  };
};

/** Every proposal version of a complaint with its signatures, and the execution tasks (newest version first). */
export const loadCompensationView = async (
  ex: Executor,
  c: Complaint,
  now: Date,
): Promise<CompensationView> => {
  const proposals = await proposalRepo.listByComplaint(ex, c.id);
  const signatures = await signatureRepo.listByProposals(
    ex,
    proposals.map((p) => p.id),
  );
  const names = new Map<string, string>();
  for (const id of new Set(proposals.map((p) => p.createdBy).filter((x): x is string => x !== null))) {
    const u = await userRepo.findById(ex, id);
    if (u) names.set(id, u.displayName);
  }
  const views = proposals.map((p) => toProposalView(p, signatures, names));
  const tasks = await taskRepo.listByComplaint(ex, c.id);
  return {
    complaintId: c.id,
    number: c.number,
    complaintStatus: c.status,
    current: views.find((v) => v.status === 'pending_approval' || v.status === 'approved') ?? null,
    history: views,
    tasks: tasks.map((t) => toTaskView(t, now, c.number)),
  };
};
