import type { SqlContext } from './complaint-sql';
import { openAt, u, uuid7 } from './sql-macros';

/** Stage numbers along the lifecycle (issue 3 §3); a complaint ends at its branch stage `bs`. */
const STAGES = {
  registered: 1,
  triaged: 2,
  assigned: 3,
  investigating: 4,
  solution_proposed: 5,
  awaiting_customer: 6,
  agreed: 7,
  executing: 8,
  resolved: 9,
  follow_up: 10,
  closed: 11,
} as const;

/**
 * Layers d–g: who handles it, when each step happens, and what has happened by `now`.
 * d: owning department and assignee (skewed to a few busy people), intake desk and agent, after-hours handling
 *    (R-INT-5: a non-urgent complaint outside working time runs from the next opening) and registration time.
 * e: the time every step would happen (registered → … → follow-up recorded, or the quick path without a proposal),
 *    the branch (closed, reopened, explained, not valid or withdrawn at stage `bs`, ending at `tterm`), and `h_*` =
 *    the time of each event that has happened by now (null otherwise), including the side events that stop clocks:
 *    contacts, returned unit received and analysed, emergency process, report issued.
 * g: status, the current wait on the customer, the working-day openings the clocks count from, the complaint id.
 */
export const lifecycleLayersSql = (x: SqlContext): string => {
  const { k, now } = x;
  const desk = `CASE WHEN c.kind = 4 THEN c.depts[1]
      WHEN c.channel IN ('hotline', 'regulator', 'media') THEN ${x.dept('CS-HOTLINE')}
      WHEN c.self_service OR c.channel = 'social_media' THEN ${x.dept('CS-ONLINE')}
      ELSE coalesce(c.region_desk, ${x.dept('CS-HOTLINE')}) END`;
  const tri = `(z.t0 + d_tri)`;
  const asg = `(z.t0 + d_tri + d_asg)`;
  const inv = `(z.t0 + d_tri + d_asg + d_inv)`;
  const prop = `(${inv} + d_prop)`;
  const sent = `(${prop} + (CASE WHEN amount >= 20000 THEN d_appr ELSE 0 END) + d_sent)`;
  const acc = `(${sent} + d_acc)`;
  const exe = `(${acc} + d_exe)`;
  const res = `((CASE WHEN quick THEN ${inv} ELSE ${exe} END) + d_res)`;
  const fus = `(${res} + d_fus)`;
  const fur = `(${res} + d_fus + d_fur)`;
  const onPath = (raw: string) => `CASE WHEN NOT quick THEN ${raw} END`;
  const at = (stage: number, raw: string) =>
    `CASE WHEN zb.bs >= ${stage} AND ${raw} <= ${now} THEN (${raw})::bigint END`;
  const cut = (raw: string) => `CASE WHEN ${raw} <= ${now} AND ${raw} < zt.tterm THEN (${raw})::bigint END`;
  return `
  d AS MATERIALIZED (
    SELECT c.*, dd.id AS dept_id, dd.handlers[1 + floor(dd.n * power(${u(k(44))}, 2))::int] AS assignee,
      dk.id AS desk_id, dk.handlers[1 + floor(dk.n * ${u(k(45))})::int] AS agent,
      CASE WHEN c.within_hours THEN 'normal' WHEN c.urgent THEN 'notify_on_call_now' ELSE 'next_working_day' END
        AS handling,
      CASE WHEN c.within_hours OR c.urgent THEN c.recv ELSE c.open_recv END AS process_from,
      (c.recv + CASE c.ch_cls WHEN 1 THEN 0 WHEN 0 THEN c.d_reg_call
        ELSE (CASE WHEN c.within_hours THEN c.d_reg_day ELSE c.open_recv - c.recv + c.d_reg_morning END) END)::bigint
        AS reg
    FROM c
    CROSS JOIN LATERAL (SELECT id, handlers, n FROM bench_gen.dept
      WHERE idx = c.depts[1 + floor(cardinality(c.depts) * ${u(k(46))})::int] LIMIT 1) dd
    CROSS JOIN LATERAL (SELECT id, handlers, n FROM bench_gen.dept WHERE idx = ${desk} LIMIT 1) dk
  ),
  e AS MATERIALIZED (
    SELECT d.i, d.recv, d.ci, d.pi, d.cat, d.price_fen, d.kind, d.grp, d.core, d.oi, d.cli, d.bi, d.year, d.seq, d.v,
      d.with_noun, d.urgent, d.nature, d.severity, d.major, d.skey, d.channel, d.self_service, d.outside_cs, d.branch,
      d.amount, d.exec_days, d.may_wait, d.d_wait, d.dept_id, d.assignee, d.desk_id, d.agent, d.handling,
      d.process_from, d.reg, z.t0, zb.bs, zt.tterm, d.reg <= ${now} AS registered, CASE WHEN d.reg <= ${now} THEN z.t0 END AS h_reg,
      ${at(STAGES.triaged, tri)} AS h_tri, ${at(STAGES.assigned, asg)} AS h_asg,
      ${at(STAGES.investigating, inv)} AS h_inv, ${at(STAGES.solution_proposed, onPath(prop))} AS h_prop,
      ${at(STAGES.awaiting_customer, onPath(sent))} AS h_sent, ${at(STAGES.agreed, onPath(acc))} AS h_acc,
      ${at(STAGES.executing, onPath(exe))} AS h_exe, ${at(STAGES.resolved, res)} AS h_res,
      ${at(STAGES.follow_up, fus)} AS h_fus, ${at(STAGES.closed, fur)} AS h_fur,
      CASE WHEN zt.tterm <= ${now} THEN zt.tterm END AS h_term,
      CASE WHEN zb.bs >= ${STAGES.awaiting_customer} AND NOT quick AND amount >= 20000 THEN ${cut(`(${prop} + d_appr)`)} END AS h_appr,
      ${cut('(z.t0 + d_c1)')} AS h_c1,
      CASE WHEN zb.bs >= ${STAGES.assigned} THEN ${cut(`(${asg} + d_c2)`)} END AS h_c2,
      CASE WHEN unit_back AND zb.bs >= ${STAGES.investigating} THEN ${cut(`(${inv} + d_unit_r)`)} END AS h_unit_r,
      CASE WHEN unit_back AND zb.bs >= ${STAGES.investigating} THEN ${cut(`(${inv} + d_unit_r + d_unit_a)`)} END AS h_unit_a,
      CASE WHEN v = 4 THEN ${cut('(z.t0 + d_emerg)')}
        WHEN nature = 'safety' AND zb.bs >= ${STAGES.triaged} THEN ${cut(`(${tri} + d_emerg)`)} END AS h_emerg,
      CASE WHEN v = 2 THEN ${cut('(d.process_from + d_report)')}
        WHEN severity = 'serious' AND zb.bs >= ${STAGES.triaged} THEN ${cut(`(${tri} + d_report)`)} END AS h_report
    FROM d
    CROSS JOIN LATERAL (SELECT greatest(d.reg, d.process_from) AS t0 OFFSET 0) z
    CROSS JOIN LATERAL (SELECT CASE d.branch
        WHEN 'W' THEN (CASE WHEN d.quick THEN least(d.withdraw_stage, 4) ELSE d.withdraw_stage END)
        WHEN 'N' THEN d.invalid_stage WHEN 'E' THEN (CASE WHEN d.kind IN (1, 2, 3) THEN 2 ELSE 4 END)
        ELSE 11 END AS bs OFFSET 0) zb
    CROSS JOIN LATERAL (SELECT (CASE WHEN d.branch IN ('C', 'R') THEN ${fur}
        ELSE (CASE zb.bs WHEN 1 THEN z.t0 WHEN 2 THEN ${tri} WHEN 3 THEN ${asg} WHEN 4 THEN ${inv}
          WHEN 5 THEN ${prop} WHEN 6 THEN ${sent} WHEN 7 THEN ${acc} ELSE ${exe} END) + d.d_term END)::bigint AS tterm
      OFFSET 0) zt
  ),
  g AS MATERIALIZED (
    SELECT e.*,
      CASE WHEN h_term IS NOT NULL THEN (CASE branch WHEN 'C' THEN 'closed' WHEN 'R' THEN 'reopened'
          WHEN 'E' THEN 'explained' WHEN 'N' THEN 'not_valid' ELSE 'withdrawn' END)
        WHEN h_fus IS NOT NULL THEN 'follow_up' WHEN h_res IS NOT NULL THEN 'resolved'
        WHEN h_exe IS NOT NULL THEN 'executing' WHEN h_acc IS NOT NULL THEN 'agreed'
        WHEN h_sent IS NOT NULL THEN 'awaiting_customer' WHEN h_prop IS NOT NULL THEN 'solution_proposed'
        WHEN h_inv IS NOT NULL THEN 'investigating' WHEN h_asg IS NOT NULL THEN 'assigned'
        WHEN h_tri IS NOT NULL THEN 'triaged' WHEN registered THEN 'registered' ELSE 'received' END AS status,
      CASE WHEN may_wait AND h_term IS NULL AND h_inv IS NOT NULL AND h_res IS NULL
          AND NOT (h_sent IS NOT NULL AND h_acc IS NULL)
          AND greatest(h_inv, h_prop, h_acc, h_exe) + d_wait <= ${now}
        THEN (greatest(h_inv, h_prop, h_acc, h_exe) + d_wait)::bigint END AS h_wait,
      ${openAt('t0')} AS open_t0, ${openAt('h_asg')} AS open_asg, ${openAt('h_acc')} AS open_acc,
      CASE WHEN registered THEN reg ELSE recv END AS created,
      ${uuid7('CASE WHEN registered THEN reg ELSE recv END', k(60))} AS cid
    FROM e
  )`;
};
