import fc from 'fast-check';

/**
 * A fast-check arbitrary of values a zod 4 schema should accept, built by walking the schema's definition
 * (`schema._zod.def`). Covers what the API contracts use: objects (strict, stripping, catch-all), strings with
 * min/max/regex/trim and the uuid, email, url, ISO date and date-time formats, enums, literals, numbers and
 * integers with bounds, booleans, arrays, optional/nullable/default, unions (discriminated or not), pipes,
 * records, unknown. Refinements (`.refine`, `.superRefine`) cannot be generated from: values are produced for the
 * base type and the caller classifies each one with `schema.safeParse`, so a generated value is "probably valid",
 * never assumed valid.
 */
export type ArbitraryContext = {
  /** Ids to use for uuid fields: real rows (so requests reach deep paths) mixed with random ones. */
  readonly uuid: (key: string | undefined) => fc.Arbitrary<unknown>;
  /** Longest string generated for an unbounded field (keeps cases fast; huge strings are a separate mutation). */
  readonly maxString: number;
  /** Longest array generated for an unbounded array. */
  readonly maxArray: number;
};

type Def = { readonly type: string } & Record<string, unknown>;
type Check = { readonly check: string } & Record<string, unknown>;

export const zodDef = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): Check[] =>
  ((def.checks as { _zod: { def: Check } }[] | undefined) ?? []).map((c) => c._zod.def);
const isOptionalIn = (schema: unknown): boolean =>
  (schema as { _zod: { optin?: string } })._zod.optin === 'optional';

/**
 * Characters a person may legitimately type: ASCII, common CJK, and the "edge" characters the contracts must
 * carry unchanged — emoji (with a ZWJ sequence), the RTL override, zero-width joiner/space, a BOM, a combining
 * accent, and GB18030-only characters (𠀀 U+20000 in plane 2, 〇, ㈠).
 */
export const TEXT_UNITS: readonly string[] = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经',
  ' ',
  '-',
  '.',
  '，',
  '。',
  '😀',
  '👨‍👩‍👧',
  '\u202E',
  '\u200D',
  '\u200B',
  '\uFEFF',
  'e\u0301',
  '𠀀',
  '〇',
  '㈠',
  '€',
  '\t',
  '\n',
];

/** Cuts a string to at most `max` UTF-16 code units without splitting a surrogate pair. */
export const cutToLength = (s: string, max: number): string => {
  if (s.length <= max) return s;
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
};

const textArbitrary = (min: number, max: number, trim: boolean, ctx: ArbitraryContext) => {
  const upper = Math.max(min, Math.min(max, ctx.maxString));
  return fc
    .array(fc.constantFrom(...TEXT_UNITS), { minLength: 0, maxLength: Math.min(upper, 64) })
    .map((units) => {
      let s = cutToLength(units.join(''), upper);
      if (trim) s = s.trim();
      while (s.length < min) s += 'x';
      return s;
    });
};

const pad2 = (n: number) => String(n).padStart(2, '0');
// Mostly in the weeks before the test clock (2026-03-02T01:00Z), where business rules accept them (a complaint
// cannot be received in the future); sometimes after it, sometimes far off.
const CLOCK = Date.UTC(2026, 2, 2, 1);
const dateArbitrary = fc
  .oneof(
    {
      weight: 4,
      arbitrary: fc.integer({ min: -40 * 1440, max: -1 }).map((m) => new Date(CLOCK + m * 60_000)),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 1, max: 20 * 1440 }).map((m) => new Date(CLOCK + m * 60_000)),
    },
    {
      weight: 1,
      arbitrary: fc.date({
        min: new Date('1990-01-01T00:00:00Z'),
        max: new Date('2099-12-31T23:59:59Z'),
        noInvalidDate: true,
      }),
    },
  )
  .chain((d) =>
    fc.constantFrom(
      d.toISOString(),
      // The same instant with a +08:00 offset, as a browser in China sends it.
      (() => {
        const l = new Date(d.getTime() + 8 * 3600_000);
        return `${l.getUTCFullYear()}-${pad2(l.getUTCMonth() + 1)}-${pad2(l.getUTCDate())}T${pad2(l.getUTCHours())}:${pad2(l.getUTCMinutes())}:${pad2(l.getUTCSeconds())}+08:00`;
      })(),
    ),
  );
const localDateArbitrary = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const emailArbitrary = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/),
    fc.constantFrom('example.com', 'qq.com', '163.com'),
  )
  .map(([local, domain]) => `${local.replace(/\.\.+/g, '.')}@${domain}`);

const stringArbitrary = (def: Def, ctx: ArbitraryContext, key: string | undefined): fc.Arbitrary<unknown> => {
  const checks = checksOf(def);
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  let trim = false;
  let pattern: RegExp | undefined;
  for (const c of checks) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum as number);
    else if (c.check === 'max_length') max = Math.min(max, c.maximum as number);
    else if (c.check === 'length_equals') min = max = c.length as number;
    else if (c.check === 'overwrite') trim = true;
    else if (c.check === 'string_format' && c.format === 'regex') pattern = c.pattern as RegExp;
  }
  const bounded = (a: fc.Arbitrary<string>) => a.filter((s) => s.length >= min && s.length <= max);
  switch (def.format) {
    case 'uuid':
    case 'guid':
      return ctx.uuid(key);
    case 'datetime':
      return dateArbitrary;
    case 'date':
      return localDateArbitrary;
    case 'email':
      return emailArbitrary;
    case 'url':
      return fc.stringMatching(/^[a-z]{1,12}$/).map((p) => `https://example.com/${p}`);
    default:
  }
  if (pattern) return bounded(stringMatchingSafe(pattern));
  return textArbitrary(min, max, trim, ctx);
};

const stringMatchingSafe = (pattern: RegExp): fc.Arbitrary<string> => {
  try {
    return fc.stringMatching(pattern).filter((s) => pattern.test(s));
  } catch {
    // A construct fast-check cannot generate from (e.g. a lookahead): any short word; safeParse decides.
    return fc.stringMatching(/^[a-z/]{1,12}$/);
  }
};

const numberArbitrary = (def: Def): fc.Arbitrary<number> => {
  let min = -1e12;
  let max = 1e12;
  let int = false;
  for (const c of checksOf(def)) {
    if (c.check === 'greater_than') min = Math.max(min, (c.value as number) + (c.inclusive ? 0 : 1e-9));
    else if (c.check === 'less_than') max = Math.min(max, (c.value as number) - (c.inclusive ? 0 : 1e-9));
    else if (c.check === 'number_format') {
      int = c.format !== 'float32' && c.format !== 'float64';
      if (c.format === 'int32') {
        min = Math.max(min, -2_147_483_648);
        max = Math.min(max, 2_147_483_647);
      }
    }
  }
  if (int) {
    const lo = Math.ceil(min);
    const hi = Math.floor(max);
    // Bounds themselves are where bugs live: pick them often.
    return fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: lo, max: hi }) },
      { weight: 1, arbitrary: fc.constantFrom(lo, hi) },
    );
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
};

/** A value the schema should accept (see the module comment); `undefined` stands for "leave the key out". */
export const validArbitrary = (
  schema: unknown,
  ctx: ArbitraryContext,
  depth = 0,
  key?: string,
): fc.Arbitrary<unknown> => {
  const def = zodDef(schema);
  // `key` (the object member being generated) lets uuid fields pick a row of the right kind.
  const next = (s: unknown, k: string | undefined = key) => validArbitrary(s, ctx, depth + 1, k);
  switch (def.type) {
    case 'string':
      return stringArbitrary(def, ctx, key);
    case 'number':
      // Optimistic-concurrency versions: small, so some match the row and the request gets past the version check.
      return key === 'version' || key === 'expectedVersion'
        ? fc.oneof(
            { weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }) },
            { weight: 1, arbitrary: numberArbitrary(def) },
          )
        : numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
    case 'optional':
      return fc.option(next(def.innerType), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(next(def.innerType), { nil: null, freq: 3 });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return next(def.innerType);
    case 'pipe':
      return next(def.in);
    case 'lazy':
      return depth > 6 ? fc.constant(null) : next((def.getter as () => unknown)());
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => next(o)));
    case 'intersection':
      return fc
        .tuple(next(def.left), next(def.right))
        .map(([a, b]) => (isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : a));
    case 'array': {
      let min = 0;
      let max = ctx.maxArray;
      for (const c of checksOf(def)) {
        if (c.check === 'min_length') min = c.minimum as number;
        else if (c.check === 'max_length') max = Math.min(max, c.maximum as number);
      }
      return fc.array(next(def.element), { minLength: min, maxLength: Math.max(min, max) });
    }
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map((o) => next(o)));
    case 'record': {
      const key = zodDef(def.keyType);
      if (key.type === 'enum') {
        const keys = Object.values(key.entries as Record<string, string>);
        return fc.record(Object.fromEntries(keys.map((k) => [k, next(def.valueType)])));
      }
      // Often empty: open records (custom fields) are checked against configuration the generator cannot see.
      return fc.oneof(
        fc.constant({}),
        fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/), next(def.valueType, undefined), {
          maxKeys: 4,
        }),
      );
    }
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const keys = Object.keys(shape);
      const requiredKeys = keys.filter((k) => !isOptionalIn(shape[k]));
      const arbs = Object.fromEntries(
        keys.map((k) => {
          const inner = zodDef(shape[k]);
          // Optional keys: the record leaves them out by itself; generate the inner value when present.
          // `customer: { id }` names a customer: an `id` member takes the kind of the object it is in.
          const hint = k === 'id' && key !== undefined ? key : k;
          return [k, inner.type === 'optional' ? next(inner.innerType, hint) : next(shape[k], hint)];
        }),
      );
      return fc.record(arbs, { requiredKeys });
    }
    case 'unknown':
    case 'any':
      return fc.jsonValue({ maxDepth: 2 });
    case 'date':
      return dateArbitrary;
    case 'file':
      return fc.constant('not a file');
    default:
      throw new Error(`zod type "${def.type}" has no generator: add it to test/fuzz/zod-arbitrary.ts`);
  }
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
