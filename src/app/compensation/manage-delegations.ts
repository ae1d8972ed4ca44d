import type { Executor } from '../../db/client';
import { delegationRepo, type DelegationRow } from '../../db/repos/compensation.repo';
import { userRepo } from '../../db/repos/user.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { newId } from '../new-id';

export type DelegationView = {
  readonly id: string;
  readonly delegatorId: string;
  readonly delegatorName: string;
  readonly delegateId: string;
  readonly delegateName: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly reason: string;
  readonly active: boolean;
};

const toView = async (ex: Executor, d: DelegationRow, now: Date): Promise<DelegationView> => ({
  id: d.id,
  delegatorId: d.delegatorId,
  delegatorName: (await userRepo.findById(ex, d.delegatorId))?.displayName ?? d.delegatorId,
  delegateId: d.delegateId,
  delegateName: (await userRepo.findById(ex, d.delegateId))?.displayName ?? d.delegateId,
  startsAt: d.startsAt,
  endsAt: d.endsAt,
  reason: d.reason,
  active: d.revokedAt === null && d.startsAt.getTime() <= now.getTime() && d.endsAt.getTime() > now.getTime(),
});

const userOf = (ctx: UseCaseContext): string => {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  return ctx.actor.userId;
};

/**
 * R-APR-1 delegation while someone is away: an approver names an active colleague who may sign for their approver
 * roles between `startsAt` and `endsAt` (the signature then shows "on behalf of"). Not to oneself; the window must
 * end after it starts and in the future.
 */
export const createDelegation = async (
  deps: Deps,
  ctx: UseCaseContext,
  input: {
    readonly delegateId: string;
    readonly startsAt: Date;
    readonly endsAt: Date;
    readonly reason: string;
  },
): Promise<DelegationView> => {
  assertPermission(ctx.actor, 'compensation.sign');
  const me = userOf(ctx);
  const now = deps.clock.now();
  if (input.delegateId === me) throw new AppError('DELEGATION_INVALID', { reason: 'self' });
  if (input.endsAt.getTime() <= input.startsAt.getTime() || input.endsAt.getTime() <= now.getTime())
    throw new AppError('DELEGATION_INVALID', { reason: 'window' });
  return deps.db.transaction(async (tx) => {
    const delegate = await userRepo.findById(tx, input.delegateId);
    if (!delegate || delegate.status !== 'active')
      throw new AppError('USER_NOT_FOUND', { delegateId: input.delegateId });
    const id = newId();
    await delegationRepo.insert(tx, {
      id,
      delegatorId: me,
      delegateId: input.delegateId,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      reason: input.reason,
      createdBy: me,
      createdAt: now,
    });
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'approval_delegation',
        entityId: id,
        action: 'compensation.delegation_created',
        after: {
          delegateId: input.delegateId,
          startsAt: input.startsAt.toISOString(),
          endsAt: input.endsAt.toISOString(),
          rules: [{ rule: 'R-APR-1', detail: 'delegation' }],
        },
        reason: input.reason,
      },
    ]);
    return toView(tx, (await delegationRepo.findById(tx, id)) as DelegationRow, now);
  });
};

/** Delegations the caller gave or received that have not ended. */
export const listDelegations = async (deps: Deps, ctx: UseCaseContext): Promise<DelegationView[]> => {
  assertPermission(ctx.actor, 'compensation.sign');
  const me = userOf(ctx);
  const now = deps.clock.now();
  const ex = deps.db.reader();
  const rows = await delegationRepo.listForUser(ex, me, now);
  return Promise.all(rows.map((r) => toView(ex, r, now)));
};

/** The delegator ends a delegation early. */
export const revokeDelegation = async (deps: Deps, ctx: UseCaseContext, id: string): Promise<void> => {
  assertPermission(ctx.actor, 'compensation.sign');
  const me = userOf(ctx);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const d = await delegationRepo.findById(tx, id);
    if (!d || d.delegatorId !== me || d.revokedAt) throw new AppError('DELEGATION_NOT_FOUND');
    await delegationRepo.revoke(tx, id, now);
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'approval_delegation',
        entityId: id,
        action: 'compensation.delegation_revoked',
        before: { endsAt: d.endsAt.toISOString() },
        after: { revokedAt: now.toISOString() },
      },
    ]);
  });
};
