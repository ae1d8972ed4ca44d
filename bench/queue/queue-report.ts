import type { PlanSummary } from '../lib/explain';
import type { Percentiles } from '../lib/stats';
import type { QueueCase } from './queue-cases';

export const GOAL_P99_MS = 20;

const log = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

export type Row = {
  id: string;
  title: string;
  statement: 'list' | 'counts' | 'floor';
  rows: string;
  server: Percentiles;
  planning: Percentiles;
  client: Percentiles;
  raw: Percentiles;
  narrow: Percentiles | undefined;
  plan: PlanSummary | undefined;
  slowestPlan: PlanSummary | undefined;
  sql: string | undefined;
};

const f = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

export const printTable = (floor: Row[], rows: Row[], cases: readonly QueueCase[]) => {
  const pkServer = floor[1]?.server.p50 ?? Number.NaN;
  const oneClient = floor[0]?.client.p50 ?? Number.NaN;
  log('\nserver = EXPLAIN ANALYZE execution time; client = repository call round trip (ms)');
  log(
    'raw = the same SQL through the driver without Drizzle mapping; ×PK = server p50 / PK lookup server p50;',
  );
  log('×SEL1 = client p50 / SELECT 1 client p50; goal = server p99 ≤ 20 ms (issue 7)');
  log(
    `${'query'.padEnd(48)} ${'rows'.padStart(11)} │ ${'server p50'.padStart(10)} ${'p95'.padStart(6)} ${'p99'.padStart(6)} ${'max'.padStart(6)} │ ${'raw p50'.padStart(7)} │ ${'client p50'.padStart(10)} ${'p99'.padStart(6)} │ ${'×PK'.padStart(6)} ${'×SEL1'.padStart(6)} │ goal`,
  );
  const line = (label: string, r: Row, goal: string) =>
    log(
      `${label.slice(0, 48).padEnd(48)} ${r.rows.padStart(11)} │ ${f(r.server.p50).padStart(10)} ${f(r.server.p95).padStart(6)} ${f(r.server.p99).padStart(6)} ${f(r.server.max).padStart(6)} │ ${f(r.raw.p50).padStart(7)} │ ${f(r.client.p50).padStart(10)} ${f(r.client.p99).padStart(6)} │ ${(r.server.p50 / pkServer).toFixed(0).padStart(6)} ${(r.client.p50 / oneClient).toFixed(1).padStart(6)} │ ${goal}`,
    );
  for (const r of floor) line(`floor: ${r.title}`, r, '');
  for (const r of rows) {
    const c = cases.find((x) => x.id === r.id);
    const label =
      r.statement === 'list' ? `${r.id}${c?.core ? '' : '*'} ${r.title}` : `   + counts by status`;
    line(label, r, r.server.p99 <= GOAL_P99_MS ? 'ok' : 'MISS');
  }
  log('* extra diagnostics beyond the five the issue names');
  log(
    '\nrow width (client side): the list statement as built (all columns) vs only the 20 the queue page shows',
  );
  for (const r of rows.filter((x) => x.narrow)) {
    const n = r.narrow as Percentiles;
    log(
      `  ${r.id.padEnd(3)} raw all columns p50 ${f(r.raw.p50).padStart(6)} ms  summary columns p50 ${f(n.p50).padStart(6)} ms  (repository call p50 ${f(r.client.p50)} ms)`,
    );
  }
};

/** What each plan read to return its rows (first parameter set, and the slowest execution's if different). */
export const printPlans = (rows: Row[]) => {
  log(
    '\nplans (first parameter set / slowest execution): access; rows touched → returned; bitmap entries; heap pages',
  );
  for (const r of rows)
    for (const p of [r.plan, r.slowestPlan]) {
      if (!p || (p === r.slowestPlan && JSON.stringify(p) === JSON.stringify(r.plan))) continue;
      log(
        `  ${`${r.id} ${r.statement}`.padEnd(10)} ${p.access.join(' + ')}; ${p.rowsTouched} → ${p.returned}; bitmap ${p.bitmapEntries}; heap ${p.heapBlocks}${p.jitMs === null ? '' : `; JIT ${f(p.jitMs)} ms`}`,
      );
    }
};
