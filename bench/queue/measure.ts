import type { Executor } from '../../src/db/client';
import { toDrizzleSql } from '../lib/bench-target';
import { capturingExecutor, type CapturedQuery } from '../lib/capture-sql';
import { parseExplain, summarisePlan, type PlanSummary } from '../lib/explain';
import { msSince } from '../lib/stats';

export type Measured = {
  readonly server: number[];
  readonly planning: number[];
  readonly client: number[];
  readonly raw: number[];
  /** The list statement with only the columns the queue page shows (a candidate fix, see narrowed()). */
  readonly narrow: number[];
  readonly rows: number[];
  first?: { query: CapturedQuery; summary: PlanSummary };
  /** The parameter set of the slowest measured execution, for explaining the tail. */
  slowest?: { query: CapturedQuery; summary: PlanSummary; ms: number };
};

export const empty = (): Measured => ({
  server: [],
  planning: [],
  client: [],
  raw: [],
  narrow: [],
  rows: [],
});

/** The columns presentComplaintSummary reads (the queue page's rows), instead of all 70 of the table. */
const SUMMARY_COLUMNS = [
  'id',
  'number',
  'kind',
  'channel',
  'status',
  'received_at',
  'customer_name',
  'customer_phone',
  'product_name',
  'batch_no',
  'severity',
  'nature',
  'major',
  'injury',
  'department_id',
  'assignee_id',
  'next_due_at',
  'breached',
  'escalation_level',
  'version',
]
  .map((c) => `"${c}"`)
  .join(', ');

/** A list statement (select of every complaints column) narrowed to the summary columns; undefined otherwise. */
const narrowed = (statement: string): string | undefined => {
  const m = /^select (.+?) from "complaints"/s.exec(statement);
  return m && (m[1]?.split(',').length ?? 0) > 40
    ? `select ${SUMMARY_COLUMNS} from "complaints"${statement.slice(m[0].length)}`
    : undefined;
};

/** The statement `call` sends, captured through a proxy executor (used once per parameter set). */
export const captureOnce = async (
  ex: Executor,
  call: (ex: Executor) => Promise<unknown>,
): Promise<CapturedQuery> => {
  let last: CapturedQuery | undefined;
  await call(capturingExecutor(ex, (q) => (last = q)));
  if (!last) throw new Error('no statement captured');
  return last;
};

export const explain = async (ex: Executor, q: CapturedQuery, format: 'json' | 'text') => {
  const prefix =
    format === 'json' ? 'EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ' : 'EXPLAIN (ANALYZE, BUFFERS) ';
  const result = (await ex.execute(toDrizzleSql(prefix + q.sql, q.params))) as unknown as {
    rows: Record<string, unknown>[];
  };
  return result.rows;
};

/**
 * One measurement of one statement: the product's call as the application makes it (client), the same SQL sent
 * raw through the driver without Drizzle's mapping (raw), and EXPLAIN ANALYZE of it (server, planning).
 */
export const measure = async (
  ex: Executor,
  m: Measured,
  record: boolean,
  query: CapturedQuery,
  call: (ex: Executor) => Promise<number>,
): Promise<void> => {
  let t0 = process.hrtime.bigint();
  const rows = await call(ex);
  const client = msSince(t0);
  t0 = process.hrtime.bigint();
  await ex.execute(toDrizzleSql(query.sql, query.params));
  const raw = msSince(t0);
  let narrow: number | undefined;
  const narrowSql = narrowed(query.sql);
  if (narrowSql) {
    t0 = process.hrtime.bigint();
    await ex.execute(toDrizzleSql(narrowSql, query.params));
    narrow = msSince(t0);
  }
  const [row] = await explain(ex, query, 'json');
  const e = parseExplain(row?.['QUERY PLAN']);
  if (!record) return;
  m.client.push(client);
  m.raw.push(raw);
  if (narrow !== undefined) m.narrow.push(narrow);
  m.server.push(e['Execution Time']);
  m.planning.push(e['Planning Time']);
  m.rows.push(rows);
  m.first ??= { query, summary: summarisePlan(e) };
  if (!m.slowest || e['Execution Time'] > m.slowest.ms)
    m.slowest = { query, summary: summarisePlan(e), ms: e['Execution Time'] };
};
