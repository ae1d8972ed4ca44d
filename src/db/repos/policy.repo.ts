import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { policies } from '../schema/settings.table';

export type PolicyRow = typeof policies.$inferSelect;

export const policyRepo = {
  async find(ex: Executor, key: string): Promise<PolicyRow | undefined> {
    const [row] = await ex.select().from(policies).where(eq(policies.key, key));
    return row;
  },

  async findAll(ex: Executor): Promise<PolicyRow[]> {
    return ex.select().from(policies);
  },

  /** Creates or replaces a policy; with `expectedVersion`, only when the stored one still has it (409 otherwise). */
  async save(
    ex: Executor,
    key: string,
    value: unknown,
    by: string | null,
    at: Date,
    expectedVersion?: number,
  ): Promise<PolicyRow | undefined> {
    if (expectedVersion === undefined) {
      const [row] = await ex
        .insert(policies)
        .values({ key, value, version: 1, updatedAt: at, updatedBy: by })
        .onConflictDoUpdate({
          target: policies.key,
          set: { value, updatedAt: at, updatedBy: by, version: sql`${policies.version} + 1` },
        })
        .returning();
      return row;
    }
    const [row] = await ex
      .update(policies)
      .set({ value, updatedAt: at, updatedBy: by, version: sql`${policies.version} + 1` })
      .where(sql`${policies.key} = ${key} and ${policies.version} = ${expectedVersion}`)
      .returning();
    return row;
  },
};
