import { sql } from 'drizzle-orm';

/**
 * One cheap answer that moves whenever a policy or the calendar changes (versions and counts): every process
 * compares it with the stamp of the settings it holds and reloads only when it moved. A select-list expression, so a
 * hot path can ask it inside a statement it sends anyway (intake's first read).
 */
export const settingsStamp = sql`concat_ws('/',
  (select coalesce(sum(version), 0) from policies),
  (select coalesce(max(version), 0) from calendar_settings),
  (select count(*) from calendar_days),
  (select coalesce(max(imported_at)::text, '') from calendar_years),
  (select count(*) from calendar_years))`;
