import { sql } from 'drizzle-orm';
import { rateLimitRepo } from '../../db/repos/rate-limit.repo';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';

/** One fixed-window limit: at most `limit` hits per key in each window of `windowSeconds`. */
export type RateLimit = { readonly key: string; readonly limit: number; readonly windowSeconds: number };

/**
 * Counts one attempt against each fixed-window limit, shared by every process (the counters are database rows),
 * and refuses with RATE_LIMITED once any of them is passed (Retry-After: the longest wait). All counters move in
 * one statement of their own transaction, so the count sticks even when the attempt itself fails; that
 * transaction does not wait for its WAL flush (`synchronous_commit = off`): a crash may forget the last
 * fraction of a second of counts, which a limiter can afford, and a look-up does not pay a disk flush.
 */
export const hitRateLimits = async (deps: Deps, limits: readonly RateLimit[]): Promise<void> => {
  if (limits.length === 0) return;
  const now = deps.clock.now().getTime();
  const windows = new Map(
    limits.map((l) => {
      const windowMs = l.windowSeconds * 1000;
      return [
        l.key,
        { ...l, windowMs, windowStart: new Date(Math.floor(now / windowMs) * windowMs) },
      ] as const;
    }),
  );
  const counts = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    return rateLimitRepo.hitMany(
      tx,
      [...windows.values()].map((w) => ({ key: w.key, windowStart: w.windowStart })),
    );
  });
  const waits = [...windows.values()]
    .filter((w) => (counts.get(w.key) ?? 1) > w.limit)
    .map((w) => Math.max(1, Math.ceil((w.windowStart.getTime() + w.windowMs - now) / 1000)));
  if (waits.length > 0) throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.max(...waits) });
};

/** Counts one attempt against one fixed-window limit (see hitRateLimits). */
export const hitRateLimit = (deps: Deps, key: string, limit: number, windowSeconds: number): Promise<void> =>
  hitRateLimits(deps, [{ key, limit, windowSeconds }]);
