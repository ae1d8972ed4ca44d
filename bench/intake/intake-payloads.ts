import type { SqlRunner } from '../lib/bench-target';

/** One intake request as the console sends it (POST /api/v1/complaints body, and the use-case's input). */
export type IntakePayload = {
  readonly kind: 'complaint';
  readonly channel: string;
  readonly receivedOutsideCustomerService: false;
  readonly customer: { readonly name: string; readonly phone: string; readonly type: string };
  readonly product: { readonly id: string; readonly batchNo: string | null };
  readonly problem: { readonly description: string; readonly scope: 'single_unit' };
  readonly demands: readonly string[];
  readonly injury: 'none';
  readonly flags: readonly string[];
  readonly customFields: Record<string, never>;
};

/**
 * Intake requests drawn from the bench data (a repeatable sample of its pages): real callers (name, phone as
 * stored, customer type) about real catalogue products and batches, with descriptions of the same kind. The
 * phone is known, so the customer archive is found, not created; the earlier complaints of that phone are the
 * duplicate candidates (R-INT-3) and the repeat counts of the classification (R-CLS-3), as at a real hotline.
 * Injury is "none" and there are no escalation flags, so every request writes the same kinds of rows:
 * the complaint, its clocks, the audit row and the outbox events (an injury would open an adverse event).
 */
export const sampleIntakePayloads = async (
  runner: SqlRunner,
  count: number,
  seed: number,
): Promise<IntakePayload[]> => {
  const [size] = await runner.query<{ n: number }>(
    `SELECT greatest(reltuples, 1)::float8 AS n FROM pg_class WHERE relname = 'complaints'`,
  );
  // Pages enough for about three times the rows needed (some are filtered out), repeatably.
  const percent = Math.min(100, Math.max(0.1, ((count * 3) / Number(size?.n ?? 1)) * 100));
  const rows = await runner.query<{
    customer_name: string;
    customer_phone: string;
    customer_type: string;
    channel: string;
    product_id: string;
    batch_no: string | null;
    description: string;
  }>(
    `SELECT customer_name, customer_phone, customer_type, channel, product_id::text AS product_id, batch_no, description
       FROM complaints TABLESAMPLE SYSTEM (${percent.toFixed(3)}) REPEATABLE (${Math.floor(seed)})
      WHERE customer_phone IS NOT NULL AND product_id IS NOT NULL AND kind = 'complaint'
      LIMIT ${Math.max(1, Math.floor(count)) + 1}`,
  );
  if (rows.length < count + 1)
    throw new Error(`only ${rows.length} sample complaints found for ${count} intake requests`);
  // The caller of one sampled complaint reports the product and problem of the next one: with its own
  // complaint's text every request would be a re-submission (a duplicate link each time).
  return rows.slice(0, count).map((r, i) => {
    const about = rows[i + 1] ?? r;
    return {
      kind: 'complaint',
      channel: r.channel,
      receivedOutsideCustomerService: false,
      customer: { name: r.customer_name, phone: r.customer_phone, type: r.customer_type },
      product: { id: about.product_id, batchNo: about.batch_no },
      problem: { description: about.description, scope: 'single_unit' },
      demands: [],
      injury: 'none',
      flags: [],
      customFields: {},
    };
  });
};

/** A bench user who may register complaints (an agent of a service desk); every bench user shares one password. */
export const findIntakeUser = async (runner: SqlRunner): Promise<string> => {
  const [row] = await runner.query<{ username: string }>(
    `SELECT u.username FROM users u JOIN user_roles r ON r.user_id = u.id
      WHERE r.role = 'agent' AND u.username LIKE 'bench.%' AND u.status = 'active'
      ORDER BY u.username LIMIT 1`,
  );
  if (!row) throw new Error('no bench agent found: generate the data with npm run bench:data');
  return row.username;
};

export const BENCH_PASSWORD = 'Bench-Closeloop-2024';
