import { MOBILE_PREFIXES } from './catalogue-names';
import type { NameRanges } from './reference-names';
import { DAY, lit, scratchFunctionsSql, skewed, textArray, u, uuid7 } from './sql-macros';

/** What the setup statements are built from (generate-data.ts). */
export type Setup = {
  readonly seed: number;
  readonly complaints: number;
  readonly customers: number;
  readonly startIso: string;
  readonly anchorIso: string;
  readonly spanSec: number;
  readonly nameRanges: NameRanges;
};

/** Key spaces of the hash draws, so customers, shipments and complaints never share a draw. */
export const CUSTOMER_KEYS = 1_000_000_000_000;
export const SHIPMENT_KEYS = 2_000_000_000_000;

/**
 * The scratch schema `bench_gen`: the reference data uploaded from JavaScript, looked up by the set-based
 * statements through their integer index, and the helper functions. Dropped after the load.
 */
export const scratchSchemaSql = (s: Setup): string[] => [
  `DROP SCHEMA IF EXISTS bench_gen CASCADE`,
  `CREATE SCHEMA bench_gen`,
  `CREATE TABLE bench_gen.dept (idx int PRIMARY KEY, id uuid NOT NULL, handlers uuid[] NOT NULL, n int NOT NULL)`,
  `CREATE TABLE bench_gen.prod (idx int PRIMARY KEY, id uuid, code text, name text, model text, category text,
     cat int, price_fen bigint, warranty int, noun text, noun_terms text, noun_head text, noun_tail text,
     name_terms text, off float8, bad_k int)`,
  `CREATE TABLE bench_gen.batch (idx int PRIMARY KEY, prod int, id uuid, batch_no text, production_date date,
     quantity int, terms text)`,
  `CREATE TABLE bench_gen.names (idx int PRIMARY KEY, kind text, text text, terms text, region text,
     province text, area text, desk int)`,
  `CREATE TABLE bench_gen.opening (idx int PRIMARY KEY, cls int, text text, terms text, head text, tail text)`,
  `CREATE TABLE bench_gen.closing (LIKE bench_gen.opening INCLUDING ALL)`,
  `CREATE TABLE bench_gen.core (idx int PRIMARY KEY, grp int, text text, terms text, head text, tail text,
     symptom text, part text)`,
  `CREATE TABLE bench_gen.sugg (key int PRIMARY KEY, suggestion jsonb, urgent boolean, nature text, severity text,
     major boolean, misuse boolean, cls_valid jsonb, cls_nqp jsonb, cls_nop jsonb)`,
  `CREATE TABLE bench_gen.grp (idx int PRIMARY KEY, code text, kind int, cat int, nature text, severity text,
     stage text, depts int[], core_lo int, core_n int, o_lo int, o_n int, c_lo int, c_n int, with_noun boolean,
     injury float8, explain float8, unit_return float8, demands text[], sol_kind text, sol_text text,
     sol_factor float8, res_text text)`,
  `CREATE TABLE bench_gen.gslot (key int, slot int, grp int, PRIMARY KEY (key, slot))`,
  ...scratchFunctionsSql({
    seed: s.seed,
    complaints: s.complaints,
    startMs: Date.parse(s.startIso),
    spanDays: s.spanSec / 86_400,
  }),
];

const piece = (table: string) =>
  `INSERT INTO bench_gen.${table} SELECT * FROM json_to_recordset($1::json)
     AS r(idx int, cls int, text text, terms text, head text, tail text)`;

/** Each takes `$1` = the JSON array of one kind of reference rows (reference-data.ts). */
export const uploadSql = {
  dept: `INSERT INTO bench_gen.dept SELECT idx, id, handlers, cardinality(handlers)
     FROM json_to_recordset($1::json) AS r(idx int, id uuid, handlers uuid[])`,
  prod: `INSERT INTO bench_gen.prod SELECT idx, id, code, name, model, category, cat, "priceFen", "warrantyMonths",
       noun, "nounTerms", "nounHead", "nounTail", "nameTerms", off, "badK"
     FROM json_to_recordset($1::json) AS r(idx int, id uuid, code text, name text, model text, category text, cat int,
       "priceFen" bigint, "warrantyMonths" int, noun text, "nounTerms" text, "nounHead" text, "nounTail" text,
       "nameTerms" text, off float8, "badK" int)`,
  batch: `INSERT INTO bench_gen.batch SELECT idx, prod, id, "batchNo", "productionDate", quantity, terms
     FROM json_to_recordset($1::json) AS r(idx int, prod int, id uuid, "batchNo" text, "productionDate" date,
       quantity int, terms text)`,
  names: `INSERT INTO bench_gen.names SELECT * FROM json_to_recordset($1::json)
     AS r(idx int, kind text, text text, terms text, region text, province text, area text, desk int)`,
  pieceO: piece('opening'),
  pieceC: piece('closing'),
  core: `WITH r AS (SELECT * FROM json_to_recordset($1::json) AS r(idx int, grp int, text text, terms text,
       head text, tail text, symptom text, part text, sugg json)),
     c AS (INSERT INTO bench_gen.core SELECT idx, grp, text, terms, head, tail, symptom, part FROM r)
     INSERT INTO bench_gen.sugg SELECT r.idx * 64 + s.combo, s.suggestion, s.urgent, s.nature, s.severity, s.major,
       s.misuse, s."clsValid", s."clsNoProblem", s."clsNotOurs"
     FROM r, json_to_recordset(r.sugg) AS s(combo int, suggestion jsonb, urgent boolean, nature text,
       severity text, major boolean, misuse boolean, "clsValid" jsonb, "clsNoProblem" jsonb, "clsNotOurs" jsonb)`,
  grp: `WITH r AS (SELECT * FROM json_to_recordset($1::json) AS r(idx int, code text, kind int, cat int, nature text,
       severity text, stage text, depts int[], "coreLo" int, "coreN" int, "oLo" int, "oN" int, "cLo" int, "cN" int,
       "withNoun" boolean, injury float8, explain float8, "unitReturn" float8, demands text[], "solKind" text,
       "solText" text, "solFactor" float8, "resText" text, "slotLo" int, "slotHi" int)),
     g AS (INSERT INTO bench_gen.grp SELECT idx, code, kind, cat, nature, severity, stage, depts, "coreLo", "coreN",
       "oLo", "oN", "cLo", "cN", "withNoun", injury, explain, "unitReturn", demands, "solKind", "solText",
       "solFactor", "resText" FROM r)
     INSERT INTO bench_gen.gslot SELECT kind * 3 + cat, slot, idx FROM r, generate_series("slotLo", "slotHi" - 1) slot`,
};

/** The product's own reference tables, written from the uploaded rows (parameters as generate-data.ts passes). */
export const referenceInsertSql = {
  departments: `INSERT INTO departments (id, code, name, name_en, parent_id, path, depth, active, created_at,
       updated_at, version)
     SELECT id, code, name, "nameEn", "parentId", path, depth, true, $2::timestamptz, $2::timestamptz, 1
     FROM json_to_recordset($1::json) AS r(id uuid, code text, name text, "nameEn" text, "parentId" uuid,
       path text, depth int) ORDER BY depth`,
  users: `INSERT INTO users (id, username, display_name, email, locale, time_zone, password_hash,
       must_change_password, status, failed_login_count, password_changed_at, created_at, updated_at, version)
     SELECT id, username, "displayName", email, 'zh-CN', 'Asia/Shanghai', $2, false, 'active', 0, $3::timestamptz,
       $3::timestamptz, $3::timestamptz, 1
     FROM json_to_recordset($1::json) AS r(id uuid, username text, "displayName" text, email text)`,
  userRoles: `INSERT INTO user_roles (user_id, role)
     SELECT id, role FROM json_to_recordset($1::json) AS r(id uuid, role text)`,
  userDepartments: `INSERT INTO user_departments (user_id, department_id, is_primary)
     SELECT id, "departmentId", true FROM json_to_recordset($1::json) AS r(id uuid, "departmentId" uuid)`,
  products: `INSERT INTO products (id, code, name, model, category, price_fen, warranty_months, medical_device,
       active, created_at, updated_at, version)
     SELECT id, code, name, model, category, price_fen, warranty, false, true, $1::timestamptz, $1::timestamptz, 1
     FROM bench_gen.prod ORDER BY idx`,
  batches: `INSERT INTO batches (id, product_id, batch_no, production_date, quantity, created_at, updated_at, version)
     SELECT b.id, p.id, b.batch_no, b.production_date, b.quantity, b.production_date::timestamp AT TIME ZONE 'UTC',
       b.production_date::timestamp AT TIME ZONE 'UTC', 1
     FROM bench_gen.batch b JOIN bench_gen.prod p ON p.idx = b.prod ORDER BY b.idx`,
};

const range = (s: Setup, kind: string) => {
  const r = s.nameRanges[kind];
  if (!r) throw new Error(`no names of kind ${kind}`);
  return { lo: r[0], n: r[1] - r[0] };
};

/**
 * Customers (archive rows) as `bench_gen.cust`, with everything a complaint copies: the name and its search terms,
 * the phone as stored and normalised (src/domain/reference/normalise-customer-phone.ts: mobiles 1xxxxxxxxxx,
 * landlines with their trunk 0), region and service desk. Then `customers` and the dealers shipments go to.
 */
export const customerSql = (s: Setup): string[] => {
  const k = (slot: number) => `${CUSTOMER_KEYS} + k * 16 + ${slot}`;
  const sur = range(s, 'surname');
  const giv = range(s, 'given');
  const city = range(s, 'city');
  const road = range(s, 'road');
  const orgs = ['shop', 'dealer', 'b2b', 'regulator', 'media'].map((kind) => range(s, kind));
  const org = `CASE t.ctype ${orgs.map((o, i) => `WHEN ${i + 1} THEN ${o.lo} + floor(${u(k(3))} * ${o.n})::int`).join(' ')} END`;
  const local8 = `lpad(((k::bigint * 7919 + 1234567) % 100000000)::text, 8, '0')`;
  const mobile = `(${textArray(MOBILE_PREFIXES)})[1 + floor(${u(k(4))} * ${MOBILE_PREFIXES.length})::int] || ${local8}`;
  const landline = `(2 + k % 7)::text || lpad(((k::bigint * 7919 + 7654321) % 10000000)::text, 7, '0')`;
  const created = Date.parse(s.startIso) - 400 * DAY;
  return [
    `CREATE TABLE bench_gen.cust AS
     SELECT k AS idx, ${uuid7(`t.created`, k(9))} AS id, 'C' || lpad((k + 1)::text, 7, '0') AS code,
       CASE WHEN t.ctype = 0 THEN sn.text || gn.text ELSE o.text END AS name,
       CASE WHEN t.ctype = 0 THEN concat_ws(' ', nullif(sn.terms, ''), right(sn.text, 1) || left(gn.text, 1),
         nullif(gn.terms, '')) ELSE o.terms END AS name_terms,
       t.ctype, (ARRAY['consumer','retailer','dealer','b2b','regulator','media'])[t.ctype + 1] AS type,
       CASE WHEN t.ctype = 0 THEN (CASE WHEN ${u(k(5))} < 0.8 THEN 'standard' WHEN ${u(k(5))} < 0.92 THEN 'new'
           ELSE 'long_term' END)
         ELSE (CASE WHEN ${u(k(5))} < 0.3 THEN 'key_account' WHEN ${u(k(5))} < 0.7 THEN 'long_term' ELSE 'standard' END)
         END AS tier,
       CASE WHEN t.ctype = 0 THEN (CASE WHEN ${u(k(6))} < 0.04 THEN 'elderly' WHEN ${u(k(6))} < 0.045 THEN 'disabled'
         WHEN ${u(k(6))} < 0.05 THEN 'pregnant' WHEN ${u(k(6))} < 0.055 THEN 'minor' END) END AS special,
       t.landline, t.norm AS phone_norm,
       CASE WHEN t.landline THEN ct.area || '-' || substr(t.norm, length(ct.area) + 1)
         WHEN ${u(k(7))} < 0.1 THEN substr(t.norm, 1, 3) || ' ' || substr(t.norm, 4, 4) || ' ' || substr(t.norm, 8)
         ELSE t.norm END AS phone,
       CASE WHEN ${u(k(8))} < (CASE WHEN t.ctype = 0 THEN 0.15 ELSE 0.6 END)
         THEN (100000000 + (k::bigint * 104729) % 900000000)::text || (CASE WHEN k % 3 = 0 THEN '@163.com' ELSE '@qq.com' END)
         END AS email,
       ct.text || rd.text || (1 + k % 397)::text || '号' || CASE WHEN t.ctype = 0
         THEN (1 + k % 23)::text || '栋' || (1 + k % 4)::text || '单元' || (1 + k % 28)::text || '0' || (1 + k % 4)::text || '室'
         ELSE '' END AS address,
       ct.region, ct.province, ct.desk,
       CASE WHEN t.ctype IN (2, 3) THEN o.text END AS company,
       CASE WHEN ${u(k(11))} < 0.003 THEN 'en' ELSE 'zh-CN' END AS locale,
       t.created
     FROM generate_series(0, ${s.customers - 1}) k
     CROSS JOIN LATERAL (SELECT
         CASE WHEN ${u(k(0))} < 0.92 THEN 0 WHEN ${u(k(0))} < 0.95 THEN 1 WHEN ${u(k(0))} < 0.975 THEN 2
           WHEN ${u(k(0))} < 0.99 THEN 3 WHEN ${u(k(0))} < 0.995 THEN 4 ELSE 5 END AS ctype,
         ${created} + floor(${u(k(10))} * ${400 * DAY})::bigint AS created) t0
     JOIN bench_gen.names ct ON ct.idx = ${city.lo} + floor(${u(k(2))} * ${city.n})::int
     CROSS JOIN LATERAL (SELECT t0.*, t0.ctype >= 4 OR (t0.ctype > 0 AND ${u(k(12))} < 0.5) AS landline,
         CASE WHEN t0.ctype >= 4 OR (t0.ctype > 0 AND ${u(k(12))} < 0.5) THEN ct.area || ${landline}
           ELSE ${mobile} END AS norm) t
     JOIN bench_gen.names sn ON sn.idx = ${sur.lo} + ${skewed(k(1), String(sur.n))}
     JOIN bench_gen.names gn ON gn.idx = ${giv.lo} + floor(${u(k(13))} * ${giv.n})::int
     JOIN bench_gen.names rd ON rd.idx = ${road.lo} + floor(${u(k(14))} * ${road.n})::int
     LEFT JOIN bench_gen.names o ON o.idx = ${org}`,
    `ALTER TABLE bench_gen.cust ADD PRIMARY KEY (idx)`,
    `INSERT INTO customers (id, code, name, type, tier, special_group, phone, phone_norm, email, address, region,
       company, contacts, notes, created_at, updated_at, version)
     SELECT id, code, name, type, tier, special, phone, phone_norm, email, address, region, company, '[]'::jsonb,
       CASE special WHEN 'elderly' THEN ${lit('老年人，上门服务，指定回访专人')} WHEN 'disabled' THEN ${lit('行动不便，上门服务')}
         WHEN 'pregnant' THEN ${lit('孕期顾客，优先处理')} WHEN 'minor' THEN ${lit('未成年人，联系监护人')} END,
       to_timestamp(created::float8 / 1000), to_timestamp(created::float8 / 1000), 1
     FROM bench_gen.cust ORDER BY idx`,
    `CREATE TABLE bench_gen.dealer AS SELECT (row_number() OVER (ORDER BY idx) - 1)::int AS rn, id
     FROM bench_gen.cust WHERE ctype = 2`,
    `ALTER TABLE bench_gen.dealer ADD PRIMARY KEY (rn)`,
  ];
};

/** Shipments: each batch to 3–8 provinces, some through a dealer, from a few days after production until now. */
export const shipmentSql = (s: Setup): string => {
  const city = range(s, 'city');
  const k = (slot: number) => `${SHIPMENT_KEYS} + b.idx::bigint * 64 + n * 4 + ${slot}`;
  const anchor = Date.parse(s.anchorIso);
  return `INSERT INTO shipments (id, batch_id, region, quantity, shipped_on, customer_id, reference, created_at)
    SELECT ${uuid7('x.ms', k(0))}, b.id, ct.province, greatest(100, (b.quantity / x.parts / 100) * 100),
      to_timestamp(x.ms::float8 / 1000)::date, d.id, 'SH-' || b.batch_no || '-' || n, to_timestamp(x.ms::float8 / 1000)
    FROM bench_gen.batch b
    CROSS JOIN LATERAL generate_series(1, 3 + (bench_gen.h(${SHIPMENT_KEYS} + b.idx) & 1023)::int % 6) n
    CROSS JOIN LATERAL (SELECT (b.production_date - DATE '1970-01-01' + 2 + 3 * n)::bigint * ${DAY}
        + floor(${u(k(1))} * ${DAY})::bigint AS ms, 3 + (bench_gen.h(${SHIPMENT_KEYS} + b.idx) & 1023)::int % 6 AS parts
      OFFSET 0) x
    JOIN bench_gen.names ct ON ct.idx = ${city.lo} + ((b.idx * 11 + n * 5) % ${city.n})
    LEFT JOIN bench_gen.dealer d ON ${u(k(2))} < 0.4
      AND d.rn = floor(${u(k(3))} * (SELECT count(*) FROM bench_gen.dealer))::int
    WHERE x.ms < ${anchor}`;
};
