/**
 * SQL text builders shared by the generator's statements. Times are bigint epoch milliseconds until they are
 * written; Asia/Shanghai has no daylight saving, so local time is UTC + 8 h. The calendar is the product's default
 * (src/domain/sla/business-calendar.ts): Monday–Friday 08:30–12:00 and 13:30–17:30, no holiday data loaded.
 * Builders repeat their argument: pass column names, not expressions.
 */
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
const TZ = 8 * HOUR;
const OPEN_AM = 8.5 * HOUR;
const CLOSE_AM = 12 * HOUR;
const OPEN_PM = 13.5 * HOUR;
const CLOSE_PM = 17.5 * HOUR;
const SIGN_BIT = `'-9223372036854775808'::bigint`;

/** Uniform draw in [0, 1) for a key (row number × slots + slot): the same key gives the same draw. */
export const u = (key: string): string => `bench_gen.u(${key})`;
/** Exponential draw with the given mean (ms), from the key's uniform draw. */
export const ex = (key: string, meanMs: number): string => `(-ln(1 - ${u(key)}) * ${meanMs})`;
/** A Zipf-like index in [0, n): rank r with probability ∝ 1/(r+1) (bench/lib/random.ts pickSkewed). */
export const skewed = (key: string, n: string): string =>
  `least(${n} - 1, floor(exp(${u(key)} * ln(${n} + 1)))::int - 1)`;

export const ts = (ms: string): string => `to_timestamp((${ms})::float8 / 1000)`;
/** JavaScript's Date.toISOString() of an epoch-ms value. */
export const iso = (ms: string): string =>
  `to_char(to_timestamp((${ms})::float8 / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** A UUID version 7 (src/app/new-id.ts) with `ms` as its time and the key's hash as its random part. */
export const uuid7 = (ms: string, key: string): string =>
  `encode(int8send(((${ms})::bigint << 16) | 28672 | (bench_gen.h(${key}) & 4095)) || int8send((bench_gen.h((${key}) + 1) & 4611686018427387903) | ${SIGN_BIT}), 'hex')::uuid`;

const dayOf = (x: string) => `((${x} + ${TZ}) / ${DAY})`;
const todOf = (x: string) => `((${x} + ${TZ}) % ${DAY})`;
const dowOf = (x: string) => `((${dayOf(x)} + 3) % 7 + 1)`;

/** Local midnight (as epoch ms) of the day `plusDays` after the local day of `x`. */
export const localMidnight = (x: string, plusDays = 0): string => `((${dayOf(x)} + ${plusDays}) * ${DAY} - ${TZ})`;

/** isWithinBusinessHours. */
export const isWorkingTime = (x: string): string =>
  `(${dowOf(x)} <= 5 AND ((${todOf(x)} >= ${OPEN_AM} AND ${todOf(x)} < ${CLOSE_AM}) OR (${todOf(x)} >= ${OPEN_PM} AND ${todOf(x)} < ${CLOSE_PM})))`;

/** nextWorkingInstant: `x` itself inside working time, else the next opening (08:30 or 13:30 of a weekday). */
export const openAt = (x: string): string => `(CASE
    WHEN ${dowOf(x)} <= 5 AND ${todOf(x)} < ${OPEN_AM} THEN ${x} - ${todOf(x)} + ${OPEN_AM}
    WHEN ${dowOf(x)} <= 5 AND ${todOf(x)} < ${CLOSE_AM} THEN ${x}
    WHEN ${dowOf(x)} <= 5 AND ${todOf(x)} < ${OPEN_PM} THEN ${x} - ${todOf(x)} + ${OPEN_PM}
    WHEN ${dowOf(x)} <= 5 AND ${todOf(x)} < ${CLOSE_PM} THEN ${x}
    ELSE (${dayOf(x)} + CASE ${dowOf(x)} WHEN 5 THEN 3 WHEN 6 THEN 2 ELSE 1 END) * ${DAY} + ${OPEN_AM - TZ} END)`;

/** The `working_days` due date from an opening instant (openAt): same local time n weekdays later. */
export const addWorkingDays = (opening: string, n: string | number): string =>
  `(${opening} + (${n} + 2 * ((${dowOf(opening)} - 1 + ${n}) / 5)) * ${DAY}::bigint)`;

/** A SQL string literal. */
export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;
/** A SQL text[] literal. */
export const textArray = (xs: readonly string[]): string => `ARRAY[${xs.map(lit).join(', ')}]::text[]`;

/**
 * Helper functions of the scratch schema: the seeded hash draws and the receipt time of complaint i. They are
 * single-expression SQL functions, which PostgreSQL inlines into the statements that call them.
 */
export const scratchFunctionsSql = (o: {
  seed: number;
  complaints: number;
  startMs: number;
  spanDays: number;
}): string[] => {
  const fullDays = Math.floor(o.spanDays);
  // Received over spanDays, denser towards now (t ∝ p^0.7), and within a day mostly around noon: the day's share
  // x is warped by x + 0.6/(2π)·sin(2πx), which keeps the order (complaint numbers follow receipt).
  const t = `(${o.spanDays}::float8 * power((i + 0.5::float8) / ${o.complaints}, 0.7::float8))`;
  const x = `(${t} - floor(${t}))`;
  return [
    `CREATE FUNCTION bench_gen.h(k bigint) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT hashint8extended(k, ${o.seed}) $$`,
    `CREATE FUNCTION bench_gen.u(k bigint) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT (hashint8extended(k, ${o.seed}) & 9007199254740991)::float8 / 9007199254740992 $$`,
    `CREATE FUNCTION bench_gen.received_ms(i bigint) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT ${o.startMs}::bigint + round((floor(${t}) + CASE WHEN floor(${t}) < ${fullDays}
         THEN ${x} + 0.6 / (2 * pi()) * sin(2 * pi() * ${x}) ELSE ${x} END) * ${DAY})::bigint $$`,
    `CREATE FUNCTION bench_gen.year_of(ms bigint) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT extract(year FROM to_timestamp((ms + ${TZ})::float8 / 1000) AT TIME ZONE 'UTC')::int $$`,
  ];
};

/**
 * JSON built as text and cast to jsonb once (several times cheaper than jsonb_build_object). Values are JSON text:
 * jStr for generated strings without quotes or backslashes, jText for any text, jNum, jBool; SQL NULL gives null.
 */
export const jsonObject = (pairs: Readonly<Record<string, string>>): string =>
  `('{' || ${Object.entries(pairs)
    .map(([key, value], i) => `'${i === 0 ? '' : ', '}"${key}": ' || ${value}`)
    .join(' || ')} || '}')`;
export const jStr = (x: string): string => `coalesce('"' || ${x} || '"', 'null')`;
export const jText = (x: string): string => `coalesce(to_json(${x})::text, 'null')`;
export const jNum = (x: string): string => `coalesce((${x})::text, 'null')`;
export const jBool = (x: string): string => `CASE WHEN ${x} THEN 'true' WHEN NOT ${x} THEN 'false' ELSE 'null' END`;
