import { idempotencyRepo } from '../../db/repos/idempotency.repo';
import { jobRepo } from '../../db/repos/job.repo';
import { outboxRepo } from '../../db/repos/outbox.repo';
import { rateLimitRepo } from '../../db/repos/rate-limit.repo';
import { sessionRepo } from '../../db/repos/session.repo';
import type { Deps } from '../deps';
import { purgeOrphanEvidence } from '../evidence/purge-orphan-evidence';

const DAY = 86_400_000;

/**
 * Housekeeping (recurring job `maintenance.purge`): ended sessions after a day, idempotency keys past their 24 h,
 * rate-limit windows, finished jobs after 7 days and delivered outbox events after 30 days. Dead letters stay.
 * Then evidence files without a row, a day old (an upload whose transaction failed after its files were placed).
 */
export const purgeExpired = async (deps: Deps): Promise<Record<string, number>> => {
  const now = deps.clock.now().getTime();
  const rows = await deps.db.transaction(async (tx) => ({
    sessions: await sessionRepo.purgeEnded(tx, new Date(now - DAY)),
    idempotencyKeys: await idempotencyRepo.purgeExpired(tx, new Date(now)),
    rateLimits: await rateLimitRepo.purgeBefore(tx, new Date(now - DAY)),
    jobs: await jobRepo.purgeDone(tx, new Date(now - 7 * DAY)),
    outboxEvents: await outboxRepo.purgeDelivered(tx, new Date(now - 30 * DAY)),
  }));
  // Files are not transactional: swept after the rows, outside the transaction.
  return { ...rows, evidenceFiles: await purgeOrphanEvidence(deps) };
};
