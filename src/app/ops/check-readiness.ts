import { countKnownMigrations, findAppliedMigrations } from '../../db/client';
import { jobRepo } from '../../db/repos/job.repo';
import { outboxRepo } from '../../db/repos/outbox.repo';
import type { Deps } from '../deps';

export type Readiness = {
  readonly ready: boolean;
  readonly database: 'ok' | 'down';
  readonly migrations: { applied: number; expected: number };
};

/** Ready = the database answers and every migration this build knows is applied. */
export const checkReadiness = async (deps: Deps): Promise<Readiness> => {
  const expected = countKnownMigrations();
  try {
    await deps.db.ping();
    const applied = await findAppliedMigrations(deps.db);
    return { ready: applied >= expected, database: 'ok', migrations: { applied, expected } };
  } catch {
    return { ready: false, database: 'down', migrations: { applied: 0, expected } };
  }
};

/** Queue depths for /metrics: jobs and outbox events by status. */
export const findBacklog = async (
  deps: Deps,
): Promise<{ jobs: Record<string, number>; outbox: Record<string, number> }> => {
  const ex = deps.db.reader();
  return { jobs: await jobRepo.countByStatus(ex), outbox: await outboxRepo.countByStatus(ex) };
};
