import { appendAudit } from '../audit/append-audit';
import { systemContext } from '../context';
import type { Deps } from '../deps';
import { ensureCalendarInitialised, lockCalendar } from './calendar-store';

export type CalendarSeedReport = {
  /** False when the calendar had been set up before (nothing was written). */
  readonly seeded: boolean;
  readonly loadedYears: readonly number[];
  readonly provisionalYears: readonly number[];
};

/**
 * First start (issue 3 §4): on a database whose calendar was never set up, stores the default working week
 * (Mon–Fri 08:30–12:00 and 13:30–17:30 in DEFAULT_TIME_ZONE) and the bundled official holiday data; years without
 * published data stay provisional. Idempotent, and safe when several processes start at once (calendar lock).
 */
export const seedCalendar = async (deps: Deps): Promise<CalendarSeedReport> => {
  const now = deps.clock.now();
  const ctx = systemContext('bootstrap');
  return deps.db.transaction(async (tx) => {
    await lockCalendar(tx);
    const init = await ensureCalendarInitialised(tx, deps, ctx, now);
    if (!init) return { seeded: false, loadedYears: [], provisionalYears: [] };
    await appendAudit(tx, ctx, now, [init.audit]);
    return { seeded: true, loadedYears: init.loadedYears, provisionalYears: init.provisionalYears };
  });
};
