import type { SqlContext } from './complaint-sql';
import { DAY, MINUTE, addWorkingDays, iso, localMidnight, ts, uuid7 } from './sql-macros';

/** Draw keys of the clocks: 32 per complaint, after the complaints' and shipments' key spaces. */
const CLOCK_KEYS = 3_000_000_000_000;
const ckey = (extra = 0) => `(${CLOCK_KEYS} + i::bigint * 32 + rno * 2 + ${extra})`;

type Clock = {
  readonly kind: string;
  readonly rule?: string;
  /** The event that started it (for the rule hit), and when: null when the clock never applied or started. */
  readonly ev: string;
  readonly started: string;
  /** When the row was written: the start event, later than `started` for clocks counted from an earlier event. */
  readonly created?: string;
  readonly countFrom?: string;
  readonly due: string;
  readonly opens?: string;
  /** Time of the event that meets it, null while it has not happened. */
  readonly stop: string;
  readonly spec: string;
  readonly pausable?: boolean;
  readonly provisional?: boolean;
};

const wall = (minutes: number) => ({ due: `started + ${minutes * MINUTE}`, spec: `${minutes} min` });

/**
 * The default deadline policy (src/domain/sla/deadline-policy.ts), clock by clock, as the product's
 * decideClockEffects would start and stop it for the events in layer f. Working-day clocks count from the next
 * opening (no holiday data is loaded, so they are provisional, as the product marks them).
 */
const CLOCKS: readonly Clock[] = [
  { kind: 'R-SLA-1', ev: "'received'", started: 'CASE WHEN outside_cs THEN process_from END', ...wall(30), stop: 'h_reg' },
  { kind: 'R-SLA-2', ev: "'registered'", started: 'CASE WHEN kind = 0 THEN h_reg END', ...wall(10), stop: 'h_asg' },
  { kind: 'R-SLA-3', ev: "'assigned'", started: 'CASE WHEN kind = 0 THEN h_asg END', ...wall(120), stop: 'h_c2' },
  {
    kind: 'R-SLA-4',
    ev: "CASE WHEN v = 4 THEN 'registered' ELSE 'triaged' END",
    started: "CASE WHEN v = 4 OR (nature = 'safety' AND h_tri IS NOT NULL) THEN h_reg END",
    created: 'CASE WHEN v = 4 THEN h_reg ELSE h_tri END',
    countFrom: 'registered',
    ...wall(120),
    stop: 'h_emerg',
  },
  { kind: 'R-SLA-5', ev: "'registered'", started: 'CASE WHEN kind IN (0, 1, 2) THEN h_reg END', ...wall(1440), stop: 'h_c1' },
  {
    kind: 'R-SLA-6.contact',
    rule: 'R-SLA-6',
    ev: "'registered'",
    started: 'CASE WHEN kind = 0 AND v <> 2 THEN h_reg END',
    ...wall(1440),
    stop: 'h_c1',
  },
  {
    kind: 'R-SLA-6.answer',
    rule: 'R-SLA-6',
    ev: "'registered'",
    started: 'CASE WHEN kind = 0 AND v <> 2 THEN h_reg END',
    ...wall(2880),
    stop: "least(h_sent, h_res, CASE WHEN branch = 'E' THEN h_term END)",
    pausable: true,
  },
  {
    kind: 'R-SLA-7',
    ev: "CASE WHEN v = 2 THEN 'received' ELSE 'triaged' END",
    started: "CASE WHEN v = 2 OR (severity = 'serious' AND h_tri IS NOT NULL) THEN process_from END",
    created: 'CASE WHEN v = 2 THEN process_from ELSE h_tri END',
    countFrom: 'received',
    ...wall(4320),
    stop: 'h_report',
  },
  {
    kind: 'R-SLA-8',
    ev: "'registered'",
    started: 'CASE WHEN kind = 0 THEN h_reg END',
    ...wall(4320),
    stop: 'h_prop',
    pausable: true,
  },
  {
    kind: 'R-SLA-9',
    ev: "'registered'",
    started: 'CASE WHEN kind = 0 THEN h_reg END',
    due: addWorkingDays('open_t0', 3),
    spec: '3 working days',
    stop: 'h_res',
    pausable: true,
    provisional: true,
  },
  {
    kind: 'R-SLA-10',
    ev: "'assigned'",
    started: 'CASE WHEN kind = 0 THEN h_asg END',
    due: addWorkingDays('open_asg', 3),
    spec: '3 working days',
    stop: 'h_res',
    pausable: true,
    provisional: true,
  },
  {
    kind: 'R-SLA-12',
    ev: "'unit_received'",
    started: 'h_unit_r',
    due: `started + CASE WHEN v = 2 THEN ${2 * DAY} ELSE ${DAY} END`,
    spec: "' || CASE WHEN v = 2 THEN '2880' ELSE '1440' END || ' min",
    stop: 'h_unit_a',
  },
  {
    kind: 'R-SLA-13',
    ev: "'registered'",
    started: 'CASE WHEN kind IN (0, 4) THEN h_reg END',
    due: addWorkingDays('open_t0', 1),
    spec: '1 working days',
    stop: 'h_asg',
    provisional: true,
  },
  {
    kind: 'R-SLA-14',
    ev: "'resolved'",
    started: 'CASE WHEN kind = 0 THEN h_res END',
    due: localMidnight('h_res', 8),
    opens: localMidnight('h_res', 5),
    spec: 'day 5–7',
    stop: 'h_fur',
  },
  {
    kind: 'R-CLS-6',
    ev: "'triaged'",
    started: "CASE WHEN nature = 'misuse' AND h_tri IS NOT NULL THEN h_reg END",
    created: 'h_tri',
    countFrom: 'registered',
    ...wall(1440),
    stop: "least(h_sent, CASE WHEN branch = 'E' THEN h_term END)",
  },
  {
    kind: 'R-RES-7',
    ev: "'customer_accepted'",
    started: 'h_acc',
    due: addWorkingDays('open_acc', 'exec_days'),
    spec: 'agreed date',
    stop: 'h_res',
    pausable: true,
  },
];

/**
 * Layers cl0/clk/agg: one row per clock that started, then met (its stop event happened), cancelled (a terminal
 * event came first), paused (waiting on the customer now), and what the deadline sweep did to it while it was open
 * (warned at 75 % of the span, breached once past due, each within a minute of the time). agg mirrors the open
 * clocks onto the complaint exactly as complaintRepo.refreshDueSummary does.
 */
export const deadlineLayersSql = (x: SqlContext): string => {
  // One SELECT per clock, not a LATERAL VALUES list: VALUES would recompile its expressions for every complaint.
  const branches = CLOCKS.map((c, rno) => {
    const due = c.due.replace(/started/g, `(${c.started})`);
    return `SELECT i, cid, h_term, h_wait, ${rno} AS rno, '${c.kind}'::text AS ckind, '${c.rule ?? c.kind}'::text AS rid,
        (${c.ev})::text AS ev, (${c.started})::bigint AS started, (${c.created ?? c.started})::bigint AS created,
        ${c.countFrom ? `'${c.countFrom}'` : 'NULL'}::text AS count_from, (${due})::bigint AS due,
        (${c.opens ?? 'NULL'})::bigint AS opens, (${c.stop})::bigint AS stop, ('${c.spec}')::text AS spec,
        ${c.pausable ?? false} AS pausable, ${c.provisional ?? false} AS prov
      FROM g WHERE (${c.started}) IS NOT NULL`;
  });
  return `
  cl0 AS (
    ${branches.join('\n    UNION ALL ')}
  ),
  clk AS MATERIALIZED (
    SELECT cl0.*, m.met, m.cancelled, m.paused, m.warn, b.breached,
      CASE WHEN m.warn_at < m.horizon AND (b.breached IS NULL OR m.warn_at < b.breached) THEN m.warn_at
        ELSE b.breached END AS warned
    FROM cl0
    CROSS JOIN LATERAL (SELECT stop AS met, CASE WHEN stop IS NULL THEN h_term END AS cancelled,
        stop IS NULL AND h_term IS NULL AND pausable AND h_wait IS NOT NULL AS paused,
        CASE WHEN due > started THEN started + round((due - started) * 0.75::float8)::bigint ELSE due END AS warn,
        greatest(CASE WHEN due > started THEN started + round((due - started) * 0.75::float8)::bigint ELSE due END,
          created) + (bench_gen.h(${ckey(1)}) & 65535) % 60000 AS warn_at,
        coalesce(stop, h_term, CASE WHEN pausable THEN h_wait END, ${x.now}) AS horizon,
        greatest(due, created) + 1000 + (bench_gen.h(${ckey()}) & 65535) % 59000 AS breach_at OFFSET 0) m
    CROSS JOIN LATERAL (SELECT CASE WHEN m.breach_at < m.horizon THEN m.breach_at END AS breached OFFSET 0) b
  ),
  agg AS MATERIALIZED (
    SELECT i, min(due) FILTER (WHERE met IS NULL AND cancelled IS NULL AND NOT paused) AS next_due,
      bool_or(breached IS NOT NULL AND met IS NULL AND cancelled IS NULL) AS breached,
      least(3, count(breached))::int AS level, max(breached) AS last_breach
    FROM clk GROUP BY i
  )`;
};

/** The clocks as complaint_deadlines rows, with the rule hits startClock records. */
export const deadlineInsertSql = (): string => {
  const hit = (detail: string) => `'{"rule": "' || rid || '", "detail": "' || ${detail} || '"}'`;
  const rules = `('[' || concat_ws(', ', ${hit(`'started on ' || ev || '; due ' || ${iso('due')} || ' (' || spec || ')'`)},
      CASE WHEN created <> started THEN ${hit(`'counted from ' || count_from || ' at ' || ${iso('started')}`)} END,
      CASE WHEN prov THEN ${hit(`'calendar year without official holiday data: provisional'`)} END,
      CASE WHEN due <= created THEN ${hit(`'already overdue when started'`)} END) || ']')::jsonb`;
  return `INSERT INTO complaint_deadlines (id, complaint_id, kind, started_at, due_at, warn_at, opens_at, met_at,
      late, cancelled_at, warned_at, breached_at, paused, pauses, escalation_level, provisional, rules, created_at,
      updated_at)
    SELECT ${uuid7('started', ckey())}, cid, ckind, ${ts('started')}, ${ts('due')}, ${ts('warn')}, ${ts('opens')},
      ${ts('met')}, CASE WHEN met IS NOT NULL THEN met > due END, ${ts('cancelled')}, ${ts('warned')},
      ${ts('breached')}, paused,
      CASE WHEN paused THEN ('[{"from": "' || ${iso('h_wait')} || '", "to": null}]')::jsonb ELSE '[]' END,
      CASE WHEN breached IS NULL THEN 0 ELSE least(3, count(breached) OVER w)::int END, prov, ${rules},
      ${ts('created')}, ${ts('greatest(created, met, cancelled, breached, warned, CASE WHEN paused THEN h_wait END)')}
    FROM clk WINDOW w AS (PARTITION BY i ORDER BY breached, rno)`;
};
