import { characterBigrams } from '../../src/domain/classification/tokenise-text';
import { PURCHASE_PLACES } from './catalogue-names';
import type { SqlContext } from './complaint-sql';
import { DAY, addWorkingDays, ex, iso, jBool, jNum, jStr, jText, jsonObject, lit, textArray, ts, u } from './sql-macros';

/** Internal reports (kind 4) name the plant, not a customer. */
const INTERNAL_NAME = '生产中心内部质量报告';
const KINDS = textArray(['complaint', 'inquiry', 'suggestion', 'praise', 'internal_report']);
const FLAGS = ['media', 'consumer_association', 'regulator', 'lawyer', 'threat_to_publish'];
/** Event → the layer-g column with its time (null until it happened); eventTimes keeps the first occurrence. */
const EVENTS: Readonly<Record<string, string>> = {
  received: 'g.process_from', registered: 'g.h_reg', contacted: 'g.h_c1', acknowledged: 'g.h_c1',
  triaged: 'g.h_tri', assigned: 'g.h_asg', assignee_notified: 'g.h_asg', lead_department_decided: 'g.h_asg',
  investigation_started: 'g.h_inv', unit_received: 'g.h_unit_r', unit_analysed: 'g.h_unit_a',
  emergency_started: 'g.h_emerg', report_issued: 'g.h_report', solution_proposed: 'g.h_prop',
  solution_approved: 'g.h_appr', sent_to_customer: 'g.h_sent', customer_accepted: 'g.h_acc',
  execution_started: 'g.h_exe', resolved: 'g.h_res', follow_up_started: 'g.h_fus', follow_up_recorded: 'g.h_fur',
  closed: "CASE WHEN g.branch = 'C' THEN g.h_term END", reopened: "CASE WHEN g.branch = 'R' THEN g.h_term END",
  explained: "CASE WHEN g.branch = 'E' THEN g.h_term END",
  declared_not_valid: "CASE WHEN g.branch = 'N' THEN g.h_term END",
  withdrawn: "CASE WHEN g.branch = 'W' THEN g.h_term END", waiting_on_customer: 'g.h_wait',
};

const pick = (key: string, texts: readonly string[]) =>
  `(${textArray(texts)})[1 + floor(${u(key)} * ${texts.length})::int]`;
const cross = (a: string, b: string) => `CASE WHEN ${a} <> '' AND ${b} <> '' THEN ${a} || ${b} END`;

/**
 * The complaints INSERT … SELECT of the batch statement: every column as registerComplaint and the lifecycle
 * use-cases leave it (the customer and product snapshots, the suggestion and the confirmed classification, the
 * proposal, agreement, resolution, follow-up and closure documents, first time of each event), with
 * `search_vector` = buildSearchTerms([name, description, product name, batch]) assembled from the pieces'
 * precomputed bigrams, and `next_due_at` / `breached` from the clocks (layer agg). Texts are joined only here.
 */
export const complaintInsertSql = (x: SqlContext): string => {
  const k = (slot: number) => `(g.i::bigint * 64 + ${slot})`;
  const internal = 'g.kind = 4';
  const hasBatch = `(g.kind = 4 OR ${u(k(48))} < CASE WHEN g.kind = 0 THEN 0.85 ELSE 0.4 END)`;
  const localDay = (ms: string) => `(to_timestamp((${ms} + 28800000)::float8 / 1000) AT TIME ZONE 'UTC')::date`;
  const n = 'ct.phone_norm';
  const dashed = `substr(${n}, 1, 3) || '-' || substr(${n}, 4, 4) || '-' || substr(${n}, 8)`;
  const spaced = `substr(${n}, 1, 3) || ' ' || substr(${n}, 4, 4) || ' ' || substr(${n}, 8)`;
  // The phone as the customer gave it this time; customer_phone_norm is what normaliseCustomerPhone makes of it.
  const phone = `CASE WHEN ${internal} THEN NULL WHEN NOT ct.landline THEN (CASE floor(${u(k(47))} * 20)::int
        WHEN 14 THEN ${dashed} WHEN 15 THEN ${dashed} WHEN 16 THEN ${spaced} WHEN 17 THEN ${spaced}
        WHEN 18 THEN '+86 ' || ${n} WHEN 19 THEN '+86-' || ${dashed} ELSE ${n} END)
      WHEN ${u(k(47))} < 0.15 THEN '+86 ' || substr(${n}, 2) ELSE ct.phone END`;
  const nameTerms = `CASE WHEN ${internal} THEN ${lit([...new Set(characterBigrams(INTERNAL_NAME))].join(' '))} ELSE ct.name_terms END`;
  const vector = `array_to_tsvector(string_to_array(concat_ws(' ', nullif(${nameTerms}, ''), nullif(o.terms, ''),
      CASE WHEN g.with_noun THEN nullif(concat_ws(' ', ${cross('o.tail', 'p.noun_head')}, nullif(p.noun_terms, ''),
        ${cross('p.noun_tail', 'co.head')}), '') ELSE ${cross('o.tail', 'co.head')} END,
      nullif(co.terms, ''), ${cross('co.tail', 'cl.head')}, nullif(cl.terms, ''), nullif(p.name_terms, ''),
      CASE WHEN ${hasBatch} THEN nullif(bt.terms, '') END), ' '))`;
  const approver = `(SELECT handlers[1]::text FROM bench_gen.dept WHERE idx = ${x.dept('CS')})`;
  const handler = `CASE WHEN g.h_asg IS NOT NULL THEN g.assignee ELSE g.agent END::text`;
  const eventTimes = `('{' || concat_ws(', ', ${Object.entries(EVENTS)
    .map(([key, col]) => `'"${key}": "' || ${iso(col)} || '"'`)
    .join(', ')}) || '}')::jsonb`;
  const closureReason = `CASE g.branch
      WHEN 'E' THEN (CASE WHEN g.kind <> 0 THEN '已答复顾客。' WHEN g.nature = 'misuse' THEN '系使用不当所致，已讲解正确使用方法。'
        ELSE '经检测产品符合标准，已向顾客解释说明。' END)
      WHEN 'N' THEN '经核对包装与批号，确认非本公司产品，已告知顾客。'
      WHEN 'W' THEN '顾客表示问题已自行解决，主动撤回投诉。' ELSE '同样问题再次出现，顾客不满意' END`;
  const closureKind = `CASE g.branch WHEN 'E' THEN 'explained' WHEN 'N' THEN 'not_valid' WHEN 'W' THEN 'withdrawn' ELSE 'reopened' END`;
  return `INSERT INTO complaints (id, number, year, seq, kind, channel, status, received_at, registered_at, reporter_id,
      intake_department_id, received_outside_cs, after_hours, customer_id, customer_name, customer_phone,
      customer_phone_norm, customer_email, customer_address, customer_type, customer_tier, customer_special_group,
      customer_locale, product_id, product_name, product_model, product_code, batch_no, serial_no, production_date,
      ship_date, purchase_date, purchase_place, proof_of_purchase, description, occurred_at, symptom, affected_part,
      scope, demands, claimed_amount_fen, injury, flags, custom_fields, suggestion, classification, nature, severity,
      major, validity, department_id, assignee_id, review_level, proposers, waiting_on_customer, escalation_level,
      proposal, agreement, resolution, follow_up, closure, linked_from_id, duplicate_of_id, tracking_token_hash,
      search_vector, next_due_at, breached, event_times, created_at, updated_at, version)
    SELECT g.cid, 'KS-' || g.year || '-' || lpad(g.seq::text, 6, '0'), g.year, g.seq, (${KINDS})[g.kind + 1], g.channel,
      g.status, ${ts('g.recv')}, CASE WHEN g.registered THEN ${ts('g.reg')} END,
      CASE WHEN NOT g.self_service THEN g.agent END, g.desk_id, g.outside_cs,
      ${jsonObject({ urgent: jBool('g.urgent'), handling: jStr('g.handling'), processFrom: jStr(iso('g.process_from')) })}::jsonb,
      CASE WHEN ${internal} THEN NULL ELSE ct.id END, CASE WHEN ${internal} THEN ${lit(INTERNAL_NAME)} ELSE ct.name END,
      ${phone}, CASE WHEN ${internal} THEN NULL ELSE ${n} END,
      CASE WHEN ${internal} THEN NULL ELSE ct.email END, CASE WHEN ${internal} THEN NULL ELSE ct.address END,
      CASE WHEN ${internal} THEN 'b2b' ELSE ct.type END, CASE WHEN ${internal} THEN 'standard' ELSE ct.tier END,
      CASE WHEN ${internal} THEN NULL ELSE ct.special END, ct.locale,
      p.id, p.name, p.model, p.code, CASE WHEN ${hasBatch} THEN bt.batch_no END,
      CASE WHEN g.cat = 1 THEN 'SN' || substr(p.code, 4) || lpad((bench_gen.h(${k(49)}) & 16777215)::text, 8, '0') END,
      CASE WHEN ${hasBatch} THEN bt.production_date END,
      CASE WHEN ${hasBatch} AND ${u(k(51))} < 0.2 THEN bt.production_date + (2 + floor(${u(k(52))} * 20))::int END,
      CASE WHEN ${u(k(53))} < 0.6 THEN greatest(bt.production_date, ${localDay('g.recv')} - floor(${u(k(54))} * 60)::int) END,
      CASE WHEN ${u(k(55))} < 0.5 THEN ${pick(k(56), PURCHASE_PLACES)} END, ${u(k(57))} < 0.5,
      o.text || CASE WHEN g.with_noun THEN p.noun ELSE '' END || co.text || cl.text,
      CASE WHEN ${u(k(58))} < 0.7 THEN ${ts(`g.recv - ${ex(k(59), 2 * DAY)}`)} END, co.symptom, co.part,
      CASE g.v WHEN 1 THEN 'several_units' WHEN 2 THEN 'batch' ELSE 'single_unit' END,
      CASE WHEN g.kind = 0 THEN gr.demands ELSE '{}'::text[] END,
      CASE WHEN g.kind = 0 AND 'compensation' = ANY (gr.demands)
        THEN least(100000, greatest(1000, (g.price_fen * (1 + 4 * ${u(k(61))}) / 100)::bigint * 100)) END,
      CASE g.v WHEN 3 THEN 'minor' WHEN 4 THEN 'serious' ELSE 'none' END,
      CASE WHEN g.v >= 5 THEN ARRAY[(${textArray(FLAGS)})[g.v - 4]] ELSE '{}'::text[] END, '{}'::jsonb,
      s.suggestion,
      CASE WHEN g.h_tri IS NOT NULL THEN (CASE WHEN g.branch = 'N' THEN s.cls_nop
          WHEN g.branch = 'E' AND g.kind = 0 THEN s.cls_nqp ELSE s.cls_valid END)
        || ${jsonObject({ confirmedAt: jStr(iso('g.h_tri')), confirmedBy: jStr('g.agent::text') })}::jsonb END,
      CASE WHEN g.h_tri IS NOT NULL THEN g.nature END, CASE WHEN g.h_tri IS NOT NULL THEN g.severity END, g.major,
      CASE WHEN g.h_tri IS NULL THEN 'pending' WHEN g.branch = 'N' THEN 'not_our_product'
        WHEN g.branch = 'E' AND g.kind = 0 THEN 'no_quality_problem' ELSE 'valid' END,
      CASE WHEN g.h_asg IS NOT NULL THEN g.dept_id END, CASE WHEN g.h_asg IS NOT NULL THEN g.assignee END, 0,
      CASE WHEN g.h_prop IS NOT NULL THEN ARRAY[g.assignee::text] ELSE '{}'::text[] END, g.h_wait IS NOT NULL,
      coalesce(agg.level, 0),
      CASE WHEN g.h_prop IS NOT NULL THEN ${jsonObject({
        note: `'null'`,
        options: `'[' || ${jsonObject({ kind: jStr('gr.sol_kind'), amountFen: jNum('g.amount'), description: jText('gr.sol_text') })} || ']'`,
        approved: jBool('g.h_appr IS NOT NULL'),
        approvedBy: jStr(`CASE WHEN g.h_appr IS NOT NULL THEN ${approver} END`),
        proposedAt: jStr(iso('g.h_prop')),
        proposedBy: jStr('g.assignee::text'),
        reviewLevel: `'0'`,
        requiresApproval: jBool('g.amount >= 20000'),
        executionWorkingDays: jNum('g.exec_days'),
      })}::jsonb END,
      CASE WHEN g.h_acc IS NOT NULL THEN ${jsonObject({
        terms: jText(pick(k(62), ['顾客电话确认接受处理方案，约定按期执行完毕。', '顾客同意方案，已书面确认。', '顾客在线确认接受处理方案。'])),
        acceptedAt: jStr(iso('g.h_acc')),
        recordedBy: jStr('g.agent::text'),
        chosenOption: `'null'`,
        executionDueAt: jStr(iso(addWorkingDays('g.open_acc', 'g.exec_days'))),
      })}::jsonb END,
      CASE WHEN g.h_res IS NOT NULL THEN ${jsonObject({
        summary: jText('gr.res_text'),
        resolvedAt: jStr(iso('g.h_res')),
        resolvedBy: jStr(handler),
      })}::jsonb END,
      CASE WHEN g.h_fur IS NOT NULL THEN ${jsonObject({
        csat: jNum(`CASE WHEN g.branch = 'R' THEN 1 + floor(${u(k(63))} * 2)::int ELSE 5 - floor(power(${u(k(63))}, 3) * 3)::int END`),
        comment: jText(`CASE WHEN g.branch = 'R' THEN '同样问题再次出现，顾客不满意' ELSE ${pick(k(62), ['顾客对处理结果表示满意。', '顾客表示认可，感谢及时处理。'])} END`),
        satisfied: jBool(`g.branch <> 'R'`),
        recordedAt: jStr(iso('g.h_fur')),
        recordedBy: jStr('g.agent::text'),
      })}::jsonb END,
      CASE WHEN g.h_term IS NOT NULL AND g.branch <> 'C' THEN ${jsonObject({
        at: jStr(iso('g.h_term')),
        by: jStr(`CASE WHEN g.branch IN ('E', 'N') THEN ${handler} ELSE g.agent::text END`),
        kind: jStr(closureKind),
        reason: jText(closureReason),
      })}::jsonb END,
      NULL, NULL, encode(sha256(int8send(bench_gen.h(${k(60)} + 1000)) || int8send(g.i::bigint)), 'hex'),
      ${vector}, ${ts('agg.next_due')}, coalesce(agg.breached, false), ${eventTimes}, ${ts('g.created')},
      ${ts(`greatest(g.created, g.h_c1, g.h_tri, g.h_asg, g.h_inv, g.h_prop, g.h_appr, g.h_sent, g.h_acc, g.h_exe, g.h_res, g.h_fus, g.h_fur, g.h_term, g.h_c2, g.h_unit_r, g.h_unit_a, g.h_emerg, g.h_report, g.h_wait, agg.last_breach)`)},
      1 + num_nonnulls(g.h_tri, g.h_asg, g.h_inv, g.h_prop, g.h_appr, g.h_sent, g.h_acc, g.h_exe, g.h_res, g.h_fus,
        g.h_fur, g.h_c1, g.h_c2, g.h_wait, g.h_unit_r, g.h_unit_a, g.h_emerg, g.h_report)
        + CASE WHEN g.h_term IS NOT NULL AND g.branch NOT IN ('C', 'R') THEN 1 ELSE 0 END
    FROM g
      CROSS JOIN LATERAL (SELECT * FROM bench_gen.sugg WHERE key = g.skey LIMIT 1) s
      CROSS JOIN LATERAL (SELECT * FROM bench_gen.cust WHERE idx = g.ci LIMIT 1) ct
      CROSS JOIN LATERAL (SELECT * FROM bench_gen.prod WHERE idx = g.pi LIMIT 1) p
      CROSS JOIN LATERAL (SELECT * FROM bench_gen.batch WHERE idx = g.bi LIMIT 1) bt
      JOIN bench_gen.core co ON co.idx = g.core
      JOIN bench_gen.opening o ON o.idx = g.oi
      JOIN bench_gen.closing cl ON cl.idx = g.cli
      JOIN bench_gen.grp gr ON gr.idx = g.grp
      LEFT JOIN agg ON agg.i = g.i`;
};
