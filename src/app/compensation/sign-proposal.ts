import { decideSignature, type SignatureMeaning } from '../../domain/compensation/decide-signature';
import type { ApproverRole } from '../../domain/compensation/compensation-policy';
import type { ApprovalStep } from '../../domain/compensation/approval-steps';
import type { ProposalOption } from '../../domain/compensation/decide-proposal-options';
import type { Complaint } from '../../domain/complaint/complaint';
import type { UserActor } from '../../domain/identity/actor';
import type { Role } from '../../domain/identity/roles';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { challengeRepo, delegationRepo, proposalRepo, signatureRepo } from '../../db/repos/compensation.repo';
import { userRepo } from '../../db/repos/user.repo';
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
import { verifyPassword } from '../secrets';
import { loadCompensationView, givenSignatures, type CompensationView } from './compensation-view';
import { notifyWaitingSigners } from './notify-signers';
import { exposureOf, writeLedger } from './write-ledger';
import { summarizeApproval } from '../../domain/compensation/decide-signature';

/** How long a signing challenge may be answered. */
export const CHALLENGE_TTL_MS = 5 * 60_000;

export type SigningChallenge = {
  readonly challengeId: string;
  readonly proposalId: string;
  readonly proposalVersion: number;
  readonly proposalHash: string;
  readonly expiresAt: Date;
  /** What the signer declares, printed in the console above the password field (zh-CN / en). */
  readonly statement: { readonly 'zh-CN': string; readonly en: string };
};

const signer = (ctx: UseCaseContext): UserActor => {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
};

/** Loads the proposal and its complaint within the caller's complaint scope (404 outside it). */
const loadInScope = async (
  ex: Parameters<typeof proposalRepo.findById>[0],
  ctx: UseCaseContext,
  proposalId: string,
  forUpdate: boolean,
) => {
  const proposal = forUpdate
    ? await proposalRepo.findByIdForUpdate(ex, proposalId)
    : await proposalRepo.findById(ex, proposalId);
  if (!proposal) throw new AppError('PROPOSAL_NOT_FOUND');
  const complaint = await complaintRepo.findById(ex, proposal.complaintId, complaintScopeOf(ctx));
  if (!complaint) throw new AppError('PROPOSAL_NOT_FOUND');
  return { proposal, complaint };
};

/**
 * Step 1 of an electronic signature (R-APR-2): a single-use challenge for this user and the proposal version they
 * are looking at (its hash), valid five minutes. The signature request must answer it; a replayed request finds it
 * used and is refused.
 */
export const issueSigningChallenge = async (
  deps: Deps,
  ctx: UseCaseContext,
  proposalId: string,
): Promise<SigningChallenge> => {
  assertPermission(ctx.actor, 'compensation.sign');
  const user = signer(ctx);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { proposal, complaint } = await loadInScope(tx, ctx, proposalId, false);
    if (proposal.status !== 'pending_approval')
      throw new AppError('PROPOSAL_NOT_PENDING', { status: proposal.status });
    await challengeRepo.deleteExpired(tx, new Date(now.getTime() - CHALLENGE_TTL_MS));
    const id = newId();
    const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
    await challengeRepo.insert(tx, {
      id,
      proposalId,
      userId: user.userId,
      proposalHash: proposal.contentHash,
      createdAt: now,
      expiresAt,
    });
    const total = exposureOf(proposal.options as ProposalOption[]).amountFen;
    return {
      challengeId: id,
      proposalId,
      proposalVersion: proposal.version,
      proposalHash: proposal.contentHash,
      expiresAt,
      statement: {
        'zh-CN': `本人 ${user.displayName} 对投诉 ${complaint.number} 的补偿方案第 ${proposal.version} 版（最高 ${(total / 100).toFixed(2)} 元）进行电子签名，签名含义以所选为准，与手写签名具有同等效力。`,
        en: `I, ${user.displayName}, electronically sign version ${proposal.version} of the compensation proposal for complaint ${complaint.number} (up to CNY ${(total / 100).toFixed(2)}) with the meaning I choose; this signature is the legally binding equivalent of my handwritten signature.`,
      },
    };
  });
};

export type SignProposalInput = {
  readonly challengeId: string;
  readonly proposalHash: string;
  readonly meaning: SignatureMeaning;
  readonly reason?: string | undefined;
  readonly password: string;
  readonly role?: ApproverRole | undefined;
};

/**
 * Step 2: the electronic signature itself (R-APR-1, R-APR-2; 21 CFR 11.50/11.200, 电子签名法 第十三条). The signer
 * re-enters their password (console session only — an API token cannot sign); the challenge must be theirs, for
 * this proposal, unexpired and unused (it is consumed here: a replay is refused); the hash they saw must still be the
 * proposal's (an edit since makes it stale); `decideSignature` checks role, delegation, step order and four eyes.
 * The signature row is append-only. The last approval approves the solution on the complaint (the approval clock
 * stops, the proposer can send it to the customer); a rejection stops the clock and asks the proposer for a new plan;
 * an approval that opens the next step tells its signers.
 */
export const signProposal = async (
  deps: Deps,
  ctx: UseCaseContext,
  proposalId: string,
  input: SignProposalInput,
): Promise<CompensationView> => {
  assertPermission(ctx.actor, 'compensation.sign');
  const user = signer(ctx);
  const now = deps.clock.now();
  if (user.via.kind !== 'session')
    throw new AppError('SIGNATURE_REAUTH_FAILED', { reason: 'session_required', rule: 'R-APR-2' });
  const hash = await userRepo.findPasswordHash(deps.db.reader(), user.userId);
  if (!hash || !(await verifyPassword(hash, input.password))) {
    await deps.db.transaction((tx) =>
      appendAudit(tx, ctx, now, [
        {
          entityType: 'compensation_proposal',
          entityId: proposalId,
          action: 'compensation.signature_reauth_failed',
          after: { rule: 'R-APR-2' },
        },
      ]),
    );
    throw new AppError('SIGNATURE_REAUTH_FAILED', { rule: 'R-APR-2' });
  }
  return deps.db.transaction(async (tx) => {
    const { proposal, complaint } = await loadInScope(tx, ctx, proposalId, true);
    const challenge = await challengeRepo.findForUpdate(tx, input.challengeId);
    const problem = !challenge
      ? 'unknown'
      : challenge.usedAt
        ? 'replayed'
        : challenge.userId !== user.userId
          ? 'other_user'
          : challenge.proposalId !== proposalId
            ? 'other_proposal'
            : challenge.expiresAt.getTime() <= now.getTime()
              ? 'expired'
              : null;
    if (problem) throw new AppError('SIGNATURE_CHALLENGE_INVALID', { reason: problem, rule: 'R-APR-2' });
    await challengeRepo.markUsed(tx, input.challengeId, now);
    if (challenge && challenge.proposalHash !== input.proposalHash)
      throw new AppError('PROPOSAL_STALE', { reason: 'hash_not_challenged', rule: 'R-APR-2' });
    const signatures = await signatureRepo.listByProposals(tx, [proposalId]);
    const delegations = await delegationRepo.listActiveForDelegate(tx, user.userId, now);
    const steps = proposal.steps as ApprovalStep[];
    const decided = decideSignature(
      {
        status: proposal.status as 'pending_approval',
        contentHash: proposal.contentHash,
        proposerId: proposal.createdBy,
        steps,
        signatures: givenSignatures(signatures),
      },
      {
        signerId: user.userId,
        signerRoles: user.roles,
        delegations: delegations.map((d) => ({
          delegatorId: d.delegatorId,
          delegatorRoles: d.roles as Role[],
        })),
        proposalHash: input.proposalHash,
        meaning: input.meaning,
        reason: input.reason ?? null,
        role: input.role ?? null,
      },
    );
    if (!decided.ok) {
      const status = decided.error.code === 'PROPOSAL_NOT_PENDING' ? { status: proposal.status } : {};
      throw new AppError(decided.error.code, { detail: decided.error.detail, ...status, rule: 'R-APR-2' });
    }
    const d = decided.value;
    const delegator = d.onBehalfOfId ? await userRepo.findById(tx, d.onBehalfOfId) : undefined;
    const signatureId = newId();
    await signatureRepo.insert(tx, {
      id: signatureId,
      proposalId,
      complaintId: complaint.id,
      proposalVersion: proposal.version,
      proposalHash: proposal.contentHash,
      stepIndex: d.stepIndex,
      role: d.role,
      signerId: user.userId,
      signerName: user.displayName,
      onBehalfOfId: d.onBehalfOfId,
      onBehalfOfName: delegator?.displayName ?? null,
      meaning: input.meaning,
      reason: input.reason ?? null,
      challengeId: input.challengeId,
      signedAt: now,
    });
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'compensation_proposal',
        entityId: proposalId,
        action: `compensation.signed_${input.meaning}`,
        before: { status: proposal.status },
        after: {
          signatureId,
          version: proposal.version,
          contentHash: proposal.contentHash,
          role: d.role,
          stepIndex: d.stepIndex,
          onBehalfOfId: d.onBehalfOfId,
          outcome: d.outcome,
          rules: d.rules,
        },
        reason: input.reason ?? null,
      },
    ]);
    let current: Complaint = complaint;
    const settings = await loadComplaintSettings(deps.db, tx);
    if (d.outcome === 'approved') {
      await proposalRepo.setStatus(tx, proposalId, 'approved', now);
      current = await transitionComplaintInTx(
        deps,
        tx,
        ctx,
        complaint.id,
        { type: 'approve_solution' },
        {
          viaCompensation: true,
          signedBy: { userId: user.userId, roles: user.roles, permissions: new Set(['complaint.approve']) },
        },
      );
      const exposure = exposureOf(proposal.options as ProposalOption[]);
      await writeLedger(
        tx,
        current,
        [{ stage: 'approved', kind: exposure.kind, amountFen: exposure.amountFen, proposalId }],
        settings.calendar.timeZone,
        now,
      );
    } else if (d.outcome === 'rejected') {
      await proposalRepo.setStatus(tx, proposalId, 'rejected', now);
      const exposure = exposureOf(proposal.options as ProposalOption[]);
      await writeLedger(
        tx,
        current,
        [{ stage: 'proposed', kind: exposure.kind, amountFen: -exposure.amountFen, proposalId }],
        settings.calendar.timeZone,
        now,
      );
      await advanceClocks(tx, current, [{ type: 'approval_rejected', at: now }], settings);
      current = (await complaintRepo.findById(tx, complaint.id)) as Complaint;
    } else {
      const all = await signatureRepo.listByProposals(tx, [proposalId]);
      const next = summarizeApproval(steps, givenSignatures(all));
      if (next.openStep !== null && next.openStep !== d.stepIndex)
        await notifyWaitingSigners(tx, current, next.waitingFor, now, proposal.version);
    }
    return loadCompensationView(tx, current, now);
  });
};
