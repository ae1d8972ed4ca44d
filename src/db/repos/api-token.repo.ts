import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { apiTokens, users } from '../schema/identity.table';
import { principalColumns } from './principal.query';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export const apiTokenRepo = {
  async insert(ex: Executor, row: ApiTokenRow): Promise<void> {
    await ex.insert(apiTokens).values(row);
  },

  async findByHashWithPrincipal(ex: Executor, tokenHash: string) {
    const [row] = await ex
      .select({ token: apiTokens, user: users, ...principalColumns })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.ownerUserId))
      .where(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')))
      // Runs on every request of an integration: planned once per connection (named prepared statement).
      .prepare('closeloop_api_token_with_principal')
      .execute({ tokenHash });
    return row;
  },

  async findById(ex: Executor, id: string): Promise<ApiTokenRow | undefined> {
    const [row] = await ex.select().from(apiTokens).where(eq(apiTokens.id, id));
    return row;
  },

  async list(ex: Executor, ownerUserId: string | undefined): Promise<ApiTokenRow[]> {
    return ex
      .select()
      .from(apiTokens)
      .where(ownerUserId ? eq(apiTokens.ownerUserId, ownerUserId) : undefined)
      .orderBy(desc(apiTokens.createdAt))
      .limit(500);
  },

  async revoke(ex: Executor, id: string, at: Date): Promise<ApiTokenRow | undefined> {
    const [row] = await ex
      .update(apiTokens)
      .set({ revokedAt: at })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning();
    return row;
  },

  /** Records use at most once a minute per token, so a busy integration does not write on every call. */
  async touchLastUsed(ex: Executor, id: string, at: Date): Promise<void> {
    await ex
      .update(apiTokens)
      .set({ lastUsedAt: at })
      .where(
        and(
          eq(apiTokens.id, id),
          sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < ${new Date(at.getTime() - 60_000)})`,
        ),
      );
  },
};
