import { sql } from 'drizzle-orm';
import type { Executor } from '../client';

/** Named transaction-scoped advisory locks (released at commit or rollback). */
/** `calendar` serialises every change of the business calendar (first-start seeding, imports, settings). */
export const LOCKS = { bootstrap: 7_301_002, seed: 7_301_003, calendar: 7_301_004 } as const;

export const lockRepo = {
  async lock(ex: Executor, key: (typeof LOCKS)[keyof typeof LOCKS]): Promise<void> {
    await ex.execute(sql`select pg_advisory_xact_lock(${key})::text`);
  },
};
