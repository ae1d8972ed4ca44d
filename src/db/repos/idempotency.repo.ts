import { and, eq, lt } from 'drizzle-orm';
import type { Executor } from '../client';
import { idempotencyKeys } from '../schema/platform.table';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

export const idempotencyRepo = {
  /**
   * Claims a key inside the caller's transaction. A concurrent request with the same key blocks on the
   * primary key until this transaction ends, then finds the stored answer (or the key free, after a rollback).
   */
  async claim(ex: Executor, row: Omit<IdempotencyRow, 'responseStatus' | 'responseBody'>): Promise<boolean> {
    const inserted = await ex
      .insert(idempotencyKeys)
      .values({ ...row, responseStatus: 0, responseBody: null })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    return inserted.length === 1;
  },

  async find(ex: Executor, scope: string, key: string): Promise<IdempotencyRow | undefined> {
    const [row] = await ex
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    return row;
  },

  async delete(ex: Executor, scope: string, key: string): Promise<void> {
    await ex
      .delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  },

  async complete(ex: Executor, scope: string, key: string, status: number, body: unknown): Promise<void> {
    await ex
      .update(idempotencyKeys)
      .set({ responseStatus: status, responseBody: body })
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  },

  async purgeExpired(ex: Executor, now: Date): Promise<number> {
    const rows = await ex
      .delete(idempotencyKeys)
      .where(lt(idempotencyKeys.expiresAt, now))
      .returning({ key: idempotencyKeys.key });
    return rows.length;
  },
};
