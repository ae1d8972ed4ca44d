import { buildSearchQuery } from '../../src/domain/search/build-search-terms';
import type { SqlRunner } from '../lib/bench-target';

const OPEN = `status NOT IN ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened')`;
const pct = (n: number, of: number) => `${((100 * n) / Math.max(of, 1)).toFixed(1)} %`;
const mix = (rows: readonly { k: string | null; n: number }[], of: number) =>
  rows.map((r) => `${r.k ?? '—'} ${pct(r.n, of)}`).join(', ');

/**
 * What the generated data looks like, for the report and docs/performance.md: status, kind, channel and severity
 * mixes, open and breached shares, skew (top products and batches, complaints per phone), clocks by state, and the
 * two search words the queue benchmark uses.
 */
export const profileData = async (runner: SqlRunner): Promise<Record<string, unknown>> => {
  const [t] = await runner.query<{ n: number; open: number; breached: number; major: number; d: number }>(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE ${OPEN})::int AS open,
       count(*) FILTER (WHERE ${OPEN} AND breached)::int AS breached,
       count(*) FILTER (WHERE severity = 'major')::int AS major,
       (SELECT count(*)::int FROM complaint_deadlines) AS d FROM complaints`,
  );
  const n = t?.n ?? 0;
  const open = t?.open ?? 0;
  const groupBy = (col: string, where = 'true') =>
    runner.query<{ k: string | null; n: number }>(
      `SELECT ${col} AS k, count(*)::int AS n FROM complaints WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1`,
    );
  const closed = await groupBy('status', `NOT (${OPEN})`);
  const closedN = closed.reduce((s, r) => s + r.n, 0);
  const [skew] = await runner.query<{ top1: number; top20: number; products: number }>(
    `WITH p AS (SELECT product_id, count(*)::int AS n FROM complaints GROUP BY 1)
     SELECT max(n)::int AS top1, (SELECT sum(n)::int FROM (SELECT n FROM p ORDER BY n DESC LIMIT 20) x) AS top20,
       count(*)::int AS products FROM p`,
  );
  const batches = await runner.query<{ batch_no: string; n: number; open: number }>(
    `SELECT batch_no, count(*)::int AS n, count(*) FILTER (WHERE ${OPEN})::int AS open FROM complaints
     WHERE batch_no IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`,
  );
  const [phones] = await runner.query<{ p50: number; p90: number; p99: number; max: number }>(
    `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n)::int AS p50, percentile_disc(0.9) WITHIN GROUP (ORDER BY n)::int AS p90,
       percentile_disc(0.99) WITHIN GROUP (ORDER BY n)::int AS p99, max(n)::int AS max
     FROM (SELECT count(*) AS n FROM complaints WHERE customer_phone_norm IS NOT NULL GROUP BY customer_phone_norm) x`,
  );
  const clocks = await runner.query<{ k: string; n: number }>(
    `SELECT CASE WHEN met_at IS NOT NULL THEN (CASE WHEN late THEN 'met late' ELSE 'met' END)
         WHEN cancelled_at IS NOT NULL THEN 'cancelled' WHEN paused THEN 'open paused'
         WHEN breached_at IS NOT NULL THEN 'open breached' WHEN warned_at IS NOT NULL THEN 'open warned'
         ELSE 'open' END AS k, count(*)::int AS n
     FROM complaint_deadlines GROUP BY 1 ORDER BY 2 DESC`,
  );
  const kinds = await runner.query<{ k: string; n: number }>(
    `SELECT kind AS k, count(*)::int AS n FROM complaint_deadlines GROUP BY 1 ORDER BY 1`,
  );
  const words: Record<string, string> = {};
  for (const w of ['头发', '起火']) {
    const [r] = await runner.query<{ n: number; open: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE ${OPEN})::int AS open FROM complaints
       WHERE search_vector @@ $1::tsquery AND description ILIKE $2`,
      [buildSearchQuery(w) ?? '', `%${w}%`],
    );
    words[w] = `${r?.n ?? 0} complaints, ${r?.open ?? 0} open`;
  }
  return {
    complaints: n,
    deadlines: t?.d ?? 0,
    clocksPerComplaint: Math.round(((t?.d ?? 0) / Math.max(n, 1)) * 100) / 100,
    open: `${open} (${pct(open, n)}), breached ${t?.breached ?? 0} (${pct(t?.breached ?? 0, open)} of open)`,
    openStatuses: mix(await groupBy('status', OPEN), open),
    closedStatuses: mix(closed, closedN),
    kinds: mix(await groupBy('kind'), n),
    channels: mix(await groupBy('channel'), n),
    severities: mix(await groupBy('severity'), n),
    productSkew: `${skew?.products ?? 0} products; top one ${skew?.top1 ?? 0} (${pct(skew?.top1 ?? 0, n)}), top 20 ${pct(skew?.top20 ?? 0, n)}`,
    hotBatches: batches.map((b) => `${b.batch_no} ${b.n} (${b.open} open)`).join(', '),
    complaintsPerPhone: `p50 ${phones?.p50} p90 ${phones?.p90} p99 ${phones?.p99} max ${phones?.max}`,
    clocks: mix(clocks, t?.d ?? 0),
    clockKinds: kinds.map((k) => `${k.k} ${k.n}`).join(', '),
    search: words,
  };
};
