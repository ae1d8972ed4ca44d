import type { Config } from '../config/env';
import { openDb, type Db, type DbTarget } from '../db/client';
import { systemClock, type Clock } from './clock';
import { createLogger, type Logger } from './logger';

/** Everything a use-case needs from the outside world, passed explicitly (no module-level singletons). */
export type Deps = {
  readonly config: Config;
  readonly db: Db;
  readonly clock: Clock;
  readonly log: Logger;
};

export type DepsOverrides = { clock?: Clock; log?: Logger; dbTarget?: DbTarget; db?: Db };

/** The composition root: opens the configured database (PGlite or PostgreSQL) and wires the clock and logger. */
export const createDeps = async (config: Config, overrides: DepsOverrides = {}): Promise<Deps> => {
  const db = overrides.db ?? (await openDb(overrides.dbTarget ?? config.database));
  return {
    config,
    db,
    clock: overrides.clock ?? systemClock,
    log: overrides.log ?? createLogger(config.logLevel),
  };
};

export const closeDeps = async (deps: Deps): Promise<void> => {
  await deps.db.close();
};
