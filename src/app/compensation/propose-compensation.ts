import { buildApprovalSteps } from '../../domain/compensation/approval-steps';
import { COMPENSATION_KIND_LABELS } from '../../domain/compensation/compensation-labels';
import { decideCompensation } from '../../domain/compensation/decide-compensation';
import {
  decideProposalOptions,
  type ProposedOption,
} from '../../domain/compensation/decide-proposal-options';
import type { Complaint } from '../../domain/complaint/complaint';
import { canonicalJson } from '../../domain/shared/canonical-json';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { proposalRepo } from '../../db/repos/compensation.repo';
import { appendAudit } from '../audit/append-audit';
import { advanceClocks } from '../complaints/advance-clocks';
import { loadComplaintSettings } from '../complaints/complaint-settings';
import { complaintScopeOf } from '../complaints/get-complaint';
import { transitionComplaintInTx } from '../complaints/transition-complaint';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { newId } from '../new-id';
import { sha256Hex } from '../secrets';
import { notifyWaitingSigners } from './notify-signers';
import {
  buildCompensationInput,
  loadCompensationPolicy,
  type CompensationFactOverrides,
} from './compensation-facts';
import { loadCompensationView, type CompensationView } from './compensation-view';
import { supersedeActiveProposal } from './supersede-proposal';
import { exposureOf, writeLedger } from './write-ledger';

export type ProposeCompensationInput = {
  readonly facts?: CompensationFactOverrides | undefined;
  /** The options put to the customer; the engine's ranked options when absent. */
  readonly options?: readonly ProposedOption[] | undefined;
  readonly note?: string | undefined;
  readonly executionWorkingDays?: number | undefined;
};

/**
 * Proposes a solution from the compensation engine (issue 5): the complaint's facts go through the policy in force
 * (R-RES-1…6, R-MAL-2), the proposer's options are checked against it (legal floors R-RES-5, cash before
 * verification R-MAL-2, beyond the matrix R-RES-4) and each gets its approval chain (R-APR-1). The proposal is stored
 * as a new version with the SHA-256 of its canonical content; the previous version is superseded, which voids its
 * signatures (R-APR-2). With approvals needed the approval clock starts and the first step's signers are told; with
 * none the proposal is approved at once. The complaint moves to `solution_proposed` in the same transaction.
 */
export const proposeCompensation = async (
  deps: Deps,
  ctx: UseCaseContext,
  complaintId: string,
  input: ProposeCompensationInput,
): Promise<CompensationView> => {
  assertPermission(ctx.actor, 'complaint.propose');
  const scope = complaintScopeOf(ctx);
  const now = deps.clock.now();
  const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  return deps.db.transaction(async (tx) => {
    const found = await complaintRepo.findById(tx, complaintId, scope);
    if (!found) throw new AppError('COMPLAINT_NOT_FOUND');
    if (found.status !== 'investigating' && found.status !== 'solution_proposed')
      throw new AppError('PROPOSAL_NOT_ALLOWED', { status: found.status });
    const settings = await loadComplaintSettings(deps.db, tx);
    const policy = await loadCompensationPolicy(tx);
    const facts = await buildCompensationInput(
      tx,
      found,
      settings.preset,
      settings.calendar.timeZone,
      now,
      input.facts ?? {},
    );
    const decision = decideCompensation(facts, policy);
    const proposed: readonly ProposedOption[] =
      input.options ??
      decision.options.map((o) => ({
        kind: o.kind,
        amountFen: o.amountFen,
        description: COMPENSATION_KIND_LABELS[o.kind]['zh-CN'],
      }));
    if (proposed.length === 0) throw new AppError('VALIDATION_FAILED', { field: 'options', reason: 'empty' });
    const checked = decideProposalOptions(decision, proposed, { major: facts.major }, policy);
    if (!checked.ok) {
      const { code, ...details } = checked.error;
      throw new AppError(code, details);
    }
    const options = checked.value.options;
    const steps = buildApprovalSteps(
      options.map((o) => o.approvalChain),
      policy,
    );
    const executionWorkingDays = input.executionWorkingDays ?? 7;
    const superseded = await supersedeActiveProposal(tx, found, settings.calendar.timeZone, now);
    const complaint = await transitionComplaintInTx(
      deps,
      tx,
      ctx,
      complaintId,
      {
        type: 'propose_solution',
        options: options.map((o) => ({ kind: o.kind, description: o.description, amountFen: o.amountFen })),
        note: input.note,
        requiresApproval: steps.length > 0,
        executionWorkingDays,
      },
      { viaCompensation: true },
    );
    const version = await proposalRepo.nextVersion(tx, complaintId);
    const id = newId();
    const explanation = {
      rules: [...decision.rules, ...checked.value.rules],
      citations: decision.citations,
      handling: decision.handling,
      engineOptions: decision.options,
    };
    const content = {
      complaintId,
      number: complaint.number,
      version,
      options,
      steps,
      note: input.note ?? null,
      executionWorkingDays,
      policyVersion: policy.version,
      facts,
    };
    const contentHash = sha256Hex(canonicalJson(content));
    const status = steps.length > 0 ? 'pending_approval' : 'approved';
    await proposalRepo.insert(tx, {
      id,
      complaintId,
      version,
      status,
      options,
      steps,
      facts,
      explanation,
      policyVersion: policy.version,
      contentHash,
      note: input.note ?? null,
      executionWorkingDays,
      createdBy: by,
      createdAt: now,
      decidedAt: status === 'approved' ? now : null,
    });
    const exposure = exposureOf(options);
    await writeLedger(
      tx,
      complaint,
      [
        { stage: 'proposed', kind: exposure.kind, amountFen: exposure.amountFen, proposalId: id },
        ...(status === 'approved'
          ? [
              {
                stage: 'approved' as const,
                kind: exposure.kind,
                amountFen: exposure.amountFen,
                proposalId: id,
              },
            ]
          : []),
      ],
      settings.calendar.timeZone,
      now,
    );
    let current: Complaint = complaint;
    if (steps.length > 0) {
      await advanceClocks(tx, current, [{ type: 'approval_requested', at: now }], settings);
      current = (await complaintRepo.findById(tx, complaintId)) as Complaint;
      await notifyWaitingSigners(tx, current, steps[0]?.roles ?? [], now, version);
    }
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'compensation_proposal',
        entityId: id,
        action: 'compensation.proposed',
        before: superseded ? { supersededVersion: superseded.version, status: superseded.status } : null,
        after: {
          complaintId,
          version,
          status,
          contentHash,
          options,
          steps,
          facts,
          rules: explanation.rules,
          citations: decision.citations.map((c) => c.ref),
        },
      },
    ]);
    return loadCompensationView(tx, current, now);
  });
};
