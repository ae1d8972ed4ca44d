import { eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { rateLimits } from '../schema/platform.table';

export const rateLimitRepo = {
  /** Counts one hit in the key's fixed window and returns the count so far (atomic across processes). */
  async hit(ex: Executor, key: string, windowStart: Date): Promise<number> {
    const [row] = await ex
      .insert(rateLimits)
      .values({ key, windowStart, count: 1 })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.count} + 1 else 1 end`,
          windowStart: sql`excluded.window_start`,
        },
      })
      .returning({ count: rateLimits.count });
    return row?.count ?? 1;
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
