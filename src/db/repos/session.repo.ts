import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { sessions, users } from '../schema/identity.table';
import { principalColumns } from './principal.query';

export type SessionRow = typeof sessions.$inferSelect;
export type UserRow = typeof users.$inferSelect;

export type SessionWithPrincipal = {
  readonly session: SessionRow;
  readonly user: UserRow;
  readonly roles: string[];
  readonly departmentIds: string[];
  readonly subtreeIds: string[];
};

export const sessionRepo = {
  async insert(ex: Executor, row: SessionRow): Promise<void> {
    await ex.insert(sessions).values(row);
  },

  /** The session and its user with roles and department scope, in one round trip (runs on every request). */
  async findWithPrincipal(ex: Executor, id: string): Promise<SessionWithPrincipal | undefined> {
    // A named prepared statement: PostgreSQL plans this four-subquery join once per connection, not per request.
    const [row] = await ex
      .select({ session: sessions, user: users, ...principalColumns })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, sql.placeholder('id')))
      .prepare('closeloop_session_with_principal')
      .execute({ id });
    return row;
  },

  async touch(ex: Executor, id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    await ex.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.id, id));
  },

  async revoke(ex: Executor, id: string, at: Date): Promise<void> {
    await ex
      .update(sessions)
      .set({ revokedAt: at })
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
  },

  /** Ends every session of a user (password change or reset, account disabled), optionally keeping one. */
  async revokeAllForUser(ex: Executor, userId: string, at: Date, exceptId?: string): Promise<number> {
    const rows = await ex
      .update(sessions)
      .set({ revokedAt: at })
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          exceptId ? sql`${sessions.id} <> ${exceptId}` : undefined,
        ),
      )
      .returning({ id: sessions.id });
    return rows.length;
  },

  async purgeEnded(ex: Executor, before: Date): Promise<number> {
    const rows = await ex
      .delete(sessions)
      .where(or(lt(sessions.expiresAt, before), lt(sessions.revokedAt, before)))
      .returning({ id: sessions.id });
    return rows.length;
  },
};
