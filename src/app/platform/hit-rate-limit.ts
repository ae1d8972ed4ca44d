import { rateLimitRepo } from '../../db/repos/rate-limit.repo';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';

/**
 * Counts one attempt against a fixed-window limit shared by every process (the counter is a database row),
 * and refuses with RATE_LIMITED once `limit` is passed. Runs in its own transaction so the count sticks even
 * when the attempt itself fails.
 */
export const hitRateLimit = async (
  deps: Deps,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<void> => {
  const now = deps.clock.now().getTime();
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const count = await deps.db.transaction((tx) => rateLimitRepo.hit(tx, key, windowStart));
  if (count > limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000));
    throw new AppError('RATE_LIMITED', { retryAfterSeconds });
  }
};
