import { idempotencyRepo } from '../../db/repos/idempotency.repo';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';

export type StoredAnswer = {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
};

export type IdempotentOutcome = StoredAnswer & { readonly replayed: boolean };

/**
 * Runs a POST under an `Idempotency-Key` so that a retried request gets the first answer instead of acting
 * twice. The key is claimed, the use-case runs and its answer is stored in ONE transaction (use-cases join it):
 * a crash before commit leaves no key and no effect, so the retry simply runs again; after commit, the retry
 * gets the stored answer. Two concurrent requests with one key: the second waits on the key's row lock, then
 * replays. The same key with a different request is refused (IDEMPOTENCY_KEY_REUSED). Only successful answers
 * are stored; a refused request leaves nothing and may be corrected and retried with the same key.
 */
export const runIdempotent = (
  deps: Deps,
  request: { scope: string; key: string; requestHash: string },
  execute: () => Promise<StoredAnswer>,
): Promise<IdempotentOutcome> =>
  deps.db.withAmbientTransaction(async (tx) => {
    const now = deps.clock.now();
    const row = {
      scope: request.scope,
      key: request.key,
      requestHash: request.requestHash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + deps.config.idempotencyTtlHours * 3_600_000),
    };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (await idempotencyRepo.claim(tx, row)) {
        const answer = await execute();
        await idempotencyRepo.complete(tx, request.scope, request.key, answer.status, answer);
        return { ...answer, replayed: false };
      }
      const existing = await idempotencyRepo.find(tx, request.scope, request.key);
      if (!existing) continue;
      if (existing.expiresAt <= now) {
        await idempotencyRepo.delete(tx, request.scope, request.key);
        continue;
      }
      if (existing.requestHash !== request.requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      const stored = existing.responseBody as StoredAnswer;
      return { status: stored.status, body: stored.body, headers: stored.headers ?? {}, replayed: true };
    }
    throw new AppError('IDEMPOTENCY_KEY_REUSED');
  });
