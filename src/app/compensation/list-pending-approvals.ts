import { approverRolesOf } from '../../domain/compensation/approval-steps';
import type { ApprovalStep } from '../../domain/compensation/approval-steps';
import type { ApproverRole } from '../../domain/compensation/compensation-policy';
import { summarizeApproval } from '../../domain/compensation/decide-signature';
import type { ProposalOption } from '../../domain/compensation/decide-proposal-options';
import type { Role } from '../../domain/identity/roles';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { userRepo } from '../../db/repos/user.repo';
import { delegationRepo, proposalRepo, signatureRepo } from '../../db/repos/compensation.repo';
import { complaintScopeOf } from '../complaints/get-complaint';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { givenSignatures } from './compensation-view';
import { exposureOf } from './write-ledger';

export type PendingApproval = {
  readonly proposalId: string;
  readonly complaintId: string;
  readonly number: string;
  readonly version: number;
  readonly proposalHash: string;
  readonly exposureFen: number;
  readonly waitingFor: readonly ApproverRole[];
  /** Roles of the open step the caller may sign now, with the delegator when through a delegation. */
  readonly canSignAs: readonly {
    readonly role: ApproverRole;
    readonly onBehalfOfId: string | null;
    readonly onBehalfOfName: string | null;
  }[];
  readonly createdAt: Date;
  readonly major: boolean;
  readonly description: string;
};

/**
 * The caller's approvals inbox (R-APR-1): proposals waiting for a signature in their open step that the caller may
 * give — by their own roles or a delegation in force — within their complaint scope, oldest first.
 */
export const listPendingApprovals = async (deps: Deps, ctx: UseCaseContext): Promise<PendingApproval[]> => {
  assertPermission(ctx.actor, 'compensation.sign');
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  const me = ctx.actor;
  const scope = complaintScopeOf(ctx);
  const now = deps.clock.now();
  const ex = deps.db.reader();
  const own = approverRolesOf(me.roles);
  const delegated = await Promise.all(
    (await delegationRepo.listActiveForDelegate(ex, me.userId, now)).map(async (d) => ({
      delegatorId: d.delegatorId,
      delegatorName: (await userRepo.findById(ex, d.delegatorId))?.displayName ?? null,
      roles: approverRolesOf(d.roles as Role[]),
    })),
  );
  const pending = await proposalRepo.listPending(ex, 500);
  const signatures = await signatureRepo.listByProposals(
    ex,
    pending.map((p) => p.id),
  );
  const out: PendingApproval[] = [];
  for (const p of pending) {
    if (p.createdBy === me.userId) continue;
    const summary = summarizeApproval(
      p.steps as ApprovalStep[],
      givenSignatures(signatures.filter((s) => s.proposalId === p.id)),
    );
    const canSignAs = summary.waitingFor.flatMap((role): PendingApproval['canSignAs'] =>
      own.includes(role)
        ? [{ role, onBehalfOfId: null, onBehalfOfName: null }]
        : delegated
            .filter((d) => d.roles.includes(role))
            .map((d) => ({ role, onBehalfOfId: d.delegatorId, onBehalfOfName: d.delegatorName })),
    );
    if (canSignAs.length === 0) continue;
    const c = await complaintRepo.findById(ex, p.complaintId, scope);
    if (!c) continue;
    out.push({
      proposalId: p.id,
      complaintId: c.id,
      number: c.number,
      version: p.version,
      proposalHash: p.contentHash,
      exposureFen: exposureOf(p.options as ProposalOption[]).amountFen,
      waitingFor: summary.waitingFor,
      canSignAs,
      createdAt: p.createdAt,
      major: c.major,
      description: c.problem.description.slice(0, 200),
    });
  }
  return out;
};
