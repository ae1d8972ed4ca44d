import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/db/client';
import type { TestDeps } from '../test-deps';

/**
 * The batch-signal row (R-BAT-1) of a complaint triaged valid: the triage counts it when the batch-signal module does
 * (it is wired into triage); otherwise this inserts the row the count would have written, under `fallbackMechanism`.
 * Returns the mechanism the complaint is counted under, so CAPA tests can name the same one (R-CAPA-3).
 */
export const ensureSignalEventFx = async (
  deps: TestDeps,
  complaintId: string,
  fallbackMechanism: string,
): Promise<string> => {
  const ex = deps.db.reader();
  const [counted] = await rowsOf<{ mechanism: string }>(
    ex,
    sql`select mechanism from batch_signal_events where complaint_id = ${complaintId}`,
  );
  if (counted) return counted.mechanism;
  const [c] = await rowsOf<{ product_id: string; batch_no: string; received_at: Date }>(
    ex,
    sql`select product_id, batch_no, received_at from complaints where id = ${complaintId}`,
  );
  if (!c?.product_id || !c.batch_no) throw new Error(`complaint ${complaintId} names no product batch`);
  await deps.db.transaction((tx) =>
    tx.execute(
      sql`insert into batch_signal_events (complaint_id, product_id, batch_no, mechanism, received_at, counted_at)
          values (${complaintId}, ${c.product_id}, ${c.batch_no}, ${fallbackMechanism}, ${c.received_at}, now())`,
    ),
  );
  return fallbackMechanism;
};
