import { BATCHES_PER_PRODUCT } from './reference-data';
import { lifecycleLayersSql } from './complaint-lifecycle-sql';
import { complaintInsertSql } from './complaint-row-sql';
import { deadlineLayersSql, deadlineInsertSql } from './deadline-sql';
import { DAY, HOUR, MINUTE, ex, isWorkingTime, openAt, skewed, u } from './sql-macros';

/**
 * `seed` and `openings` are those bench_gen was set up with: scratchSchemaSql bakes the seed into the draw functions
 * and uploadSql.pieceO loads the openings; they are checked here, not repeated in the SQL.
 */
export type ComplaintBatchOptions = {
  readonly seed: number;
  readonly customers: number;
  readonly products: number;
  readonly anchorIso: string;
  readonly batchBaseIso: string;
  readonly batchSpacingSec: number;
  readonly openings: number;
  readonly deptIdx: ReadonlyMap<string, number>;
};

/** Everything the layers of the statement share. */
export type SqlContext = {
  readonly now: number;
  /** Draw key of complaint i, slot s (64 slots per complaint). */
  readonly k: (slot: number) => string;
  readonly dept: (code: string) => number;
};

const CHANNELS: readonly [string, number][] = [
  ['hotline', 0.4], ['web_form', 0.09], ['portal', 0.09], ['email', 0.07], ['social_media', 0.06],
  ['store', 0.08], ['dealer', 0.04], ['visit', 0.03], ['api', 0.07], ['import', 0.07],
];

const cumulative = (key: string, items: readonly [string, number][]): string => {
  let acc = 0;
  const arms = items.map(([name, p]) => {
    acc += p;
    return `WHEN ${u(key)} < ${acc.toFixed(4)} THEN '${name}'`;
  });
  return `(CASE ${arms.join(' ')} ELSE '${items.at(-1)?.[0] ?? ''}' END)`;
};

/**
 * Lookups are LATERAL … LIMIT 1 (one index probe per row): as joins, the planner's row estimates collapse to a
 * handful and it hashes the wide layers instead of the small tables, and loses the row order.
 * Layers a–c: the draws of complaint i. a: receipt time, customer (skewed: a few call often), product (Zipf: rank r
 * with probability ∝ 1/(r+1)), kind. b: failure group by weight for the kind and product category, problem core,
 * text pieces, batch (mostly the latest made before receipt; the product's bad batch floods for two spacings after
 * it ships), number. c: intake variant, channel, the suggestion computed for it, the delay of every lifecycle step.
 */
const drawLayersSql = (o: ComplaintBatchOptions, x: SqlContext): string => {
  const { k } = x;
  const batchBase = Date.parse(o.batchBaseIso);
  const spacing = o.batchSpacingSec * 1000;
  const kNow = `greatest(0, least(${BATCHES_PER_PRODUCT - 1}, floor((a.recv - ${batchBase})::float8 / ${spacing} - a.off)::int))`;
  const stuck = (stage: number) => `CASE WHEN stuck_stage = ${stage} THEN stuck_extra ELSE 0 END`;
  return `
  a AS MATERIALIZED (
    SELECT i, bench_gen.received_ms(i) AS recv, c.idx AS ci, c.ctype, c.desk AS region_desk, c.landline,
      p.idx AS pi, p.cat, p.price_fen, p.off, p.bad_k,
      CASE WHEN c.ctype >= 4 THEN 1 WHEN ${u(k(0))} < 0.82 THEN 0 WHEN ${u(k(0))} < 0.9 THEN 1
        WHEN ${u(k(0))} < 0.94 THEN 2 WHEN ${u(k(0))} < 0.96 THEN 3 ELSE 4 END AS kind
    FROM generate_series($1::int, $2::int - 1) i
    JOIN bench_gen.cust c ON c.idx = least(${o.customers - 1}, floor(${o.customers} * power(${u(k(1))}, 1.25))::int)
    JOIN bench_gen.prod p ON p.idx = ${skewed(k(2), String(o.products))}
  ),
  b AS MATERIALIZED (
    SELECT a.*, g.idx AS grp, g.depts, g.explain, g.unit_return, g.sol_factor, g.with_noun,
      g.core_lo + floor(${u(k(4))} * g.core_n)::int AS core, g.o_lo + floor(${u(k(5))} * g.o_n)::int AS oi,
      g.c_lo + floor(${u(k(6))} * g.c_n)::int AS cli, bench_gen.year_of(a.recv) AS year,
      a.i + 1 - (SELECT y.first_i FROM bench_gen.years y WHERE y.year = bench_gen.year_of(a.recv)) AS seq,
      a.pi * ${BATCHES_PER_PRODUCT} + (CASE
        WHEN a.bad_k <= ${kNow} AND ${kNow} - a.bad_k <= 1 AND ${u(k(11))} < 0.45 THEN a.bad_k
        ELSE greatest(0, ${kNow} - (CASE WHEN ${u(k(10))} < 0.6 THEN 0 WHEN ${u(k(10))} < 0.9 THEN 1 ELSE 2 END)) END) AS bi,
      CASE WHEN a.kind = 0 THEN (CASE
          WHEN ${u(k(7))} < g.injury THEN (CASE WHEN ${u(k(8))} < 0.1 THEN 4 ELSE 3 END)
          WHEN ${u(k(7))} < g.injury + 0.025 THEN 5 + floor(${u(k(8))} * 5)::int
          WHEN ${u(k(7))} < g.injury + 0.025 + (CASE WHEN a.ctype IN (1, 2) THEN 0.25 ELSE 0.025 END) THEN 2
          WHEN ${u(k(7))} < g.injury + 0.125 + (CASE WHEN a.ctype IN (1, 2) THEN 0.25 ELSE 0.025 END) THEN 1
          ELSE 0 END)
        WHEN a.kind = 4 AND ${u(k(7))} < 0.15 THEN 2 ELSE 0 END AS v,
      a.kind = 0 AND a.ctype = 0 AND ${u(k(9))} < 0.012 AS official
    FROM a
    CROSS JOIN LATERAL (SELECT g.* FROM bench_gen.gslot gs JOIN bench_gen.grp g ON g.idx = gs.grp
      WHERE gs.key = a.kind * 3 + (CASE WHEN a.kind = 0 THEN a.cat ELSE 2 END)
        AND gs.slot = floor(${u(k(3))} * 1000)::int LIMIT 1) g
  ),
  c AS MATERIALIZED (
    SELECT b.*, s.urgent, s.nature, s.severity, s.major, s.misuse, b.core * 64 + q.combo AS skey, q.channel,
      q.channel IN ('web_form', 'portal', 'api') AS self_service,
      ${isWorkingTime('b.recv')} AS within_hours, ${openAt('b.recv')} AS open_recv,
      CASE WHEN q.channel IN ('store', 'dealer', 'visit') AND ${u(k(43))} < 0.3 THEN true ELSE false END AS outside_cs,
      CASE WHEN b.kind = 0 THEN (CASE WHEN ${u(k(31))} < 0.027 THEN 'W' WHEN ${u(k(31))} < 0.065 THEN 'N'
          WHEN ${u(k(31))} < 0.065 + 0.935 * b.explain THEN 'E' WHEN ${u(k(31))} > 0.988 THEN 'R' ELSE 'C' END)
        WHEN b.kind = 4 THEN (CASE WHEN ${u(k(31))} < 0.1 THEN 'E' ELSE 'C' END)
        ELSE (CASE WHEN ${u(k(31))} < 0.02 THEN 'W' WHEN ${u(k(31))} < 0.32 THEN 'E' ELSE 'C' END) END AS branch,
      1 + floor(${u(k(32))} * 8)::int AS withdraw_stage, 2 + floor(${u(k(32))} * 3)::int AS invalid_stage,
      b.kind <> 0 OR ${u(k(33))} < 0.2 AS quick,
      ${u(k(34))} < b.unit_return AS unit_back, ${u(k(35))} < 0.35 AS may_wait,
      round(b.price_fen * b.sol_factor / 10)::bigint * 10 AS amount,
      (ARRAY[3, 5, 7])[1 + floor(${u(k(50))} * 3)::int] AS exec_days,
      CASE q.channel WHEN 'hotline' THEN 0 WHEN 'store' THEN 0 WHEN 'visit' THEN 0 WHEN 'web_form' THEN 1
        WHEN 'portal' THEN 1 WHEN 'api' THEN 1 ELSE 2 END AS ch_cls,
      ${MINUTE} + ${ex(k(36), 4 * MINUTE)} AS d_reg_call, ${10 * MINUTE} + ${ex(k(36), HOUR)} AS d_reg_day,
      ${5 * MINUTE} + ${ex(k(36), 40 * MINUTE)} AS d_reg_morning,
      ${10 * MINUTE} + ${ex(k(18), 90 * MINUTE)} AS d_c1,
      ${5 * MINUTE} + ${ex(k(19), HOUR)} + ${stuck(2)} AS d_tri,
      ${ex(k(20), 20 * MINUTE)} + ${stuck(3)} AS d_asg,
      ${5 * MINUTE} + ${ex(k(21), 80 * MINUTE)} AS d_c2,
      ${10 * MINUTE} + ${ex(k(22), 4 * HOUR)} + ${stuck(4)} AS d_inv,
      ${HOUR} + ${ex(k(23), 12 * HOUR)} * pace + ${stuck(5)} AS d_prop,
      ${ex(k(24), 6 * HOUR)} AS d_appr,
      ${10 * MINUTE} + ${ex(k(25), 3 * HOUR)} AS d_sent,
      ${30 * MINUTE} + ${ex(k(26), 12 * HOUR)} * pace + ${stuck(7)} AS d_acc,
      ${30 * MINUTE} + ${ex(k(27), 4 * HOUR)} AS d_exe,
      ${HOUR} + ${ex(k(28), DAY)} * pace + ${stuck(9)} AS d_res,
      CASE WHEN b.kind = 0 THEN ${4.6 * DAY} + ${u(k(29))} * ${2.4 * DAY} ELSE ${30 * MINUTE} + ${ex(k(29), 20 * HOUR)} END
        + ${stuck(10)} AS d_fus,
      ${5 * MINUTE} + ${ex(k(30), 20 * MINUTE)} AS d_fur,
      CASE WHEN b.kind IN (1, 2, 3) THEN ${30 * MINUTE} + ${ex(k(37), 6 * HOUR)} ELSE ${2 * HOUR} + ${ex(k(37), 30 * HOUR)} END AS d_term,
      ${HOUR} + ${ex(k(38), 30 * HOUR)} AS d_unit_r, ${4 * HOUR} + ${ex(k(39), 20 * HOUR)} AS d_unit_a,
      ${20 * MINUTE} + ${ex(k(40), HOUR)} AS d_emerg, ${DAY} + ${ex(k(41), 30 * HOUR)} AS d_report,
      ${30 * MINUTE} + ${ex(k(42), 8 * HOUR)} AS d_wait
    FROM b
    CROSS JOIN LATERAL (SELECT
        CASE WHEN ${u(k(15))} < 0.1 THEN (ARRAY[2, 3, 4, 5, 7, 9, 10])[1 + floor(${u(k(16))} * 7)::int] END AS stuck_stage,
        ${30 * DAY} + ${ex(k(17), 300 * DAY)} AS stuck_extra,
        CASE WHEN ${u(k(14))} < 0.62 THEN 1 ELSE 10 END AS pace,
        CASE b.kind WHEN 0 THEN b.v * 4 + (CASE WHEN b.official THEN 2 ELSE 0 END) + (CASE WHEN b.ctype = 1 THEN 1 ELSE 0 END)
          WHEN 4 THEN b.v * 4 ELSE (CASE WHEN b.ctype = 1 THEN 1 ELSE 0 END) END AS combo,
        CASE WHEN b.official THEN 'regulator' WHEN b.kind = 4 THEN 'email' WHEN b.ctype = 1 THEN 'store'
          WHEN b.ctype = 2 THEN 'dealer' WHEN b.ctype = 3 THEN 'email' WHEN b.ctype = 4 THEN 'regulator'
          WHEN b.ctype = 5 THEN 'media' ELSE ${cumulative(k(12), CHANNELS)} END AS channel
      OFFSET 0) q
    CROSS JOIN LATERAL (SELECT urgent, nature, severity, major, misuse FROM bench_gen.sugg
      WHERE key = b.core * 64 + q.combo LIMIT 1) s
  )`;
};

/**
 * ONE statement that writes complaints [$1, $2) and their deadline clocks, set-based, and returns
 * `{complaints, deadlines}`. Every value is a function of (seed, complaint index): batches can run in any order on
 * any connection and give the same rows.
 */
export const complaintBatchSql = (o: ComplaintBatchOptions): string => {
  if (!Number.isInteger(o.seed) || o.openings <= 0 || o.customers <= 0 || o.products <= 0)
    throw new Error('complaintBatchSql needs an integer seed and the reference data loaded into bench_gen');
  const x: SqlContext = {
    now: Date.parse(o.anchorIso),
    k: (slot) => `(i::bigint * 64 + ${slot})`,
    dept: (code) => {
      const idx = o.deptIdx.get(code);
      if (idx === undefined) throw new Error(`unknown department ${code}`);
      return idx;
    },
  };
  return `WITH ${drawLayersSql(o, x)},
  ${lifecycleLayersSql(x)},
  ${deadlineLayersSql(x)},
  ins_c AS (${complaintInsertSql(x)} RETURNING 1),
  ins_d AS (${deadlineInsertSql()} RETURNING 1)
  SELECT (SELECT count(*) FROM ins_c)::int AS complaints, (SELECT count(*) FROM ins_d)::int AS deadlines`;
};
