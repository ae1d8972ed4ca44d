import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import {
  approvalDelegations,
  approvalSignatures,
  compensationProposals,
  compensationTasks,
  signatureChallenges,
} from '../schema/compensation.table';
import { userRoles, users } from '../schema/identity.table';

export type ProposalRow = typeof compensationProposals.$inferSelect;
export type SignatureRow = typeof approvalSignatures.$inferSelect;
export type ChallengeRow = typeof signatureChallenges.$inferSelect;
export type DelegationRow = typeof approvalDelegations.$inferSelect;
export type TaskRow = typeof compensationTasks.$inferSelect;
export type ProposalStatus = 'pending_approval' | 'approved' | 'rejected' | 'superseded';

/** Compensation proposals, their electronic signatures and challenges (R-APR-2). */
export const proposalRepo = {
  async insert(ex: Executor, row: typeof compensationProposals.$inferInsert): Promise<void> {
    await ex.insert(compensationProposals).values(row);
  },

  async findById(ex: Executor, id: string): Promise<ProposalRow | undefined> {
    const [row] = await ex.select().from(compensationProposals).where(eq(compensationProposals.id, id));
    return row;
  },

  async findByIdForUpdate(ex: Executor, id: string): Promise<ProposalRow | undefined> {
    const [row] = await ex
      .select()
      .from(compensationProposals)
      .where(eq(compensationProposals.id, id))
      .for('update');
    return row;
  },

  async listByComplaint(ex: Executor, complaintId: string): Promise<ProposalRow[]> {
    return ex
      .select()
      .from(compensationProposals)
      .where(eq(compensationProposals.complaintId, complaintId))
      .orderBy(desc(compensationProposals.version));
  },

  /** The newest version that still counts (waiting for signatures, or approved and not yet replaced). */
  async findActive(ex: Executor, complaintId: string): Promise<ProposalRow | undefined> {
    const [row] = await ex
      .select()
      .from(compensationProposals)
      .where(
        and(
          eq(compensationProposals.complaintId, complaintId),
          inArray(compensationProposals.status, ['pending_approval', 'approved']),
        ),
      )
      .orderBy(desc(compensationProposals.version))
      .limit(1);
    return row;
  },

  async nextVersion(ex: Executor, complaintId: string): Promise<number> {
    const [row] = await ex
      .select({ max: sql<number | null>`max(${compensationProposals.version})` })
      .from(compensationProposals)
      .where(eq(compensationProposals.complaintId, complaintId));
    return Number(row?.max ?? 0) + 1;
  },

  async setStatus(ex: Executor, id: string, status: ProposalStatus, at: Date): Promise<void> {
    await ex
      .update(compensationProposals)
      .set({ status, decidedAt: at })
      .where(eq(compensationProposals.id, id));
  },

  /** Numbers the proposal's 产品质量处理核销申报表 once (R-RPT-3); false when it already had a number. */
  async setWriteOff(ex: Executor, id: string, writeOffNo: string, at: Date): Promise<boolean> {
    const rows = await ex
      .update(compensationProposals)
      .set({ writeOffNo, writeOffAt: at })
      .where(and(eq(compensationProposals.id, id), isNull(compensationProposals.writeOffNo)))
      .returning({ id: compensationProposals.id });
    return rows.length === 1;
  },

  /** Proposals waiting for signatures, oldest first (the approvals inbox filters by open step). */
  async listPending(ex: Executor, limit: number): Promise<ProposalRow[]> {
    return ex
      .select()
      .from(compensationProposals)
      .where(eq(compensationProposals.status, 'pending_approval'))
      .orderBy(asc(compensationProposals.createdAt))
      .limit(limit);
  },
};

export const signatureRepo = {
  async insert(ex: Executor, row: typeof approvalSignatures.$inferInsert): Promise<void> {
    await ex.insert(approvalSignatures).values(row);
  },

  async listByProposals(ex: Executor, proposalIds: readonly string[]): Promise<SignatureRow[]> {
    if (proposalIds.length === 0) return [];
    return ex
      .select()
      .from(approvalSignatures)
      .where(inArray(approvalSignatures.proposalId, [...proposalIds]))
      .orderBy(asc(approvalSignatures.signedAt));
  },
};

export const challengeRepo = {
  async insert(ex: Executor, row: typeof signatureChallenges.$inferInsert): Promise<void> {
    await ex.insert(signatureChallenges).values(row);
  },

  async findForUpdate(ex: Executor, id: string): Promise<ChallengeRow | undefined> {
    const [row] = await ex
      .select()
      .from(signatureChallenges)
      .where(eq(signatureChallenges.id, id))
      .for('update');
    return row;
  },

  async markUsed(ex: Executor, id: string, at: Date): Promise<void> {
    await ex.update(signatureChallenges).set({ usedAt: at }).where(eq(signatureChallenges.id, id));
  },

  async deleteExpired(ex: Executor, before: Date): Promise<void> {
    await ex.delete(signatureChallenges).where(lt(signatureChallenges.expiresAt, before));
  },
};

export type ActiveDelegationRow = { readonly delegatorId: string; readonly roles: readonly string[] };

export const delegationRepo = {
  async insert(ex: Executor, row: typeof approvalDelegations.$inferInsert): Promise<void> {
    await ex.insert(approvalDelegations).values(row);
  },

  async findById(ex: Executor, id: string): Promise<DelegationRow | undefined> {
    const [row] = await ex.select().from(approvalDelegations).where(eq(approvalDelegations.id, id));
    return row;
  },

  async revoke(ex: Executor, id: string, at: Date): Promise<void> {
    await ex.update(approvalDelegations).set({ revokedAt: at }).where(eq(approvalDelegations.id, id));
  },

  /** Delegations given or received by the user that have not ended or been revoked. */
  async listForUser(ex: Executor, userId: string, now: Date): Promise<DelegationRow[]> {
    return ex
      .select()
      .from(approvalDelegations)
      .where(
        and(
          sql`(${approvalDelegations.delegatorId} = ${userId} or ${approvalDelegations.delegateId} = ${userId})`,
          isNull(approvalDelegations.revokedAt),
          gt(approvalDelegations.endsAt, now),
        ),
      )
      .orderBy(asc(approvalDelegations.startsAt));
  },

  /** Delegations in force now for this delegate, with the delegator's roles (an inactive delegator counts not). */
  async listActiveForDelegate(ex: Executor, delegateId: string, now: Date): Promise<ActiveDelegationRow[]> {
    const rows = await ex
      .select({ delegatorId: approvalDelegations.delegatorId, role: userRoles.role })
      .from(approvalDelegations)
      .innerJoin(users, eq(users.id, approvalDelegations.delegatorId))
      .innerJoin(userRoles, eq(userRoles.userId, approvalDelegations.delegatorId))
      .where(
        and(
          eq(approvalDelegations.delegateId, delegateId),
          isNull(approvalDelegations.revokedAt),
          lte(approvalDelegations.startsAt, now),
          gt(approvalDelegations.endsAt, now),
          eq(users.status, 'active'),
        ),
      );
    const by = new Map<string, string[]>();
    for (const r of rows) by.set(r.delegatorId, [...(by.get(r.delegatorId) ?? []), r.role]);
    return [...by].map(([delegatorId, roles]) => ({ delegatorId, roles }));
  },
};

export type TaskFilter = {
  readonly status?: 'open' | 'done' | 'cancelled' | undefined;
  readonly overdueAt?: Date | undefined;
  readonly ownerRoles?: readonly string[] | undefined;
  readonly complaintIds?: readonly string[] | undefined;
};

export const taskRepo = {
  async insertMany(ex: Executor, rows: readonly (typeof compensationTasks.$inferInsert)[]): Promise<void> {
    if (rows.length > 0) await ex.insert(compensationTasks).values([...rows]);
  },

  async listByComplaint(ex: Executor, complaintId: string): Promise<TaskRow[]> {
    return ex
      .select()
      .from(compensationTasks)
      .where(eq(compensationTasks.complaintId, complaintId))
      .orderBy(asc(compensationTasks.createdAt), asc(compensationTasks.kind));
  },

  async findByIdForUpdate(ex: Executor, id: string): Promise<TaskRow | undefined> {
    const [row] = await ex.select().from(compensationTasks).where(eq(compensationTasks.id, id)).for('update');
    return row;
  },

  async complete(
    ex: Executor,
    id: string,
    patch: { reference: string | null; note: string | null; doneBy: string | null },
    at: Date,
  ): Promise<void> {
    await ex
      .update(compensationTasks)
      .set({ ...patch, status: 'done', doneAt: at, version: sql`${compensationTasks.version} + 1` })
      .where(eq(compensationTasks.id, id));
  },

  async cancelOpen(ex: Executor, complaintId: string, at: Date): Promise<number> {
    const rows = await ex
      .update(compensationTasks)
      .set({ status: 'cancelled', doneAt: at })
      .where(and(eq(compensationTasks.complaintId, complaintId), eq(compensationTasks.status, 'open')))
      .returning({ id: compensationTasks.id });
    return rows.length;
  },

  async countOpen(ex: Executor, complaintId: string): Promise<number> {
    const [row] = await ex
      .select({ n: sql<number>`count(*)` })
      .from(compensationTasks)
      .where(and(eq(compensationTasks.complaintId, complaintId), eq(compensationTasks.status, 'open')));
    return Number(row?.n ?? 0);
  },

  async list(ex: Executor, filter: TaskFilter, limit: number): Promise<TaskRow[]> {
    const where = [
      filter.status ? eq(compensationTasks.status, filter.status) : undefined,
      filter.overdueAt
        ? and(eq(compensationTasks.status, 'open'), lt(compensationTasks.dueAt, filter.overdueAt))
        : undefined,
      filter.ownerRoles ? inArray(compensationTasks.ownerRole, [...filter.ownerRoles]) : undefined,
      filter.complaintIds ? inArray(compensationTasks.complaintId, [...filter.complaintIds]) : undefined,
    ].filter((c) => c !== undefined);
    return ex
      .select()
      .from(compensationTasks)
      .where(where.length > 0 ? and(...where) : undefined)
      .orderBy(asc(compensationTasks.dueAt), asc(compensationTasks.id))
      .limit(limit);
  },

  /** R-RES-9: open tasks past due not yet escalated, locked so two workers never escalate one twice. */
  async claimOverdue(ex: Executor, now: Date, limit: number): Promise<TaskRow[]> {
    return ex
      .select()
      .from(compensationTasks)
      .where(
        and(
          eq(compensationTasks.status, 'open'),
          lt(compensationTasks.dueAt, now),
          isNull(compensationTasks.escalatedAt),
        ),
      )
      .orderBy(asc(compensationTasks.dueAt))
      .limit(limit)
      .for('update', { skipLocked: true });
  },

  async markEscalated(ex: Executor, ids: readonly string[], at: Date): Promise<void> {
    if (ids.length > 0)
      await ex
        .update(compensationTasks)
        .set({ escalatedAt: at })
        .where(inArray(compensationTasks.id, [...ids]));
  },
};
