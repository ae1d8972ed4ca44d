import { eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { rateLimits } from '../schema/platform.table';

export const rateLimitRepo = {
  /** Counts one hit in each key's fixed window in one statement; returns the counts so far by key. */
  async hitMany(
    ex: Executor,
    hits: readonly { key: string; windowStart: Date }[],
  ): Promise<Map<string, number>> {
    if (hits.length === 0) return new Map();
    const rows = await ex
      .insert(rateLimits)
      .values(hits.map((h) => ({ key: h.key, windowStart: h.windowStart, count: 1 })))
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.count} + 1 else 1 end`,
          windowStart: sql`excluded.window_start`,
        },
      })
      .returning({ key: rateLimits.key, count: rateLimits.count });
    return new Map(rows.map((r) => [r.key, r.count]));
  },

  /** A counter row used as a small state record: a number and a time, meaning given by the caller. */
  async findState(ex: Executor, key: string): Promise<{ count: number; at: Date } | undefined> {
    const [row] = await ex
      .select({ count: rateLimits.count, at: rateLimits.windowStart })
      .from(rateLimits)
      .where(eq(rateLimits.key, key))
      .for('update');
    return row;
  },

  async saveState(ex: Executor, key: string, count: number, at: Date): Promise<void> {
    await ex
      .insert(rateLimits)
      .values({ key, windowStart: at, count })
      .onConflictDoUpdate({ target: rateLimits.key, set: { count, windowStart: at } });
  },

  async purgeBefore(ex: Executor, before: Date): Promise<number> {
    const rows = await ex
      .delete(rateLimits)
      .where(lt(rateLimits.windowStart, before))
      .returning({ key: rateLimits.key });
    return rows.length;
  },
};
