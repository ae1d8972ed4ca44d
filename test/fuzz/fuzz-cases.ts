import fc from 'fast-check';
import type { ErrorCode } from '../../src/domain/error-code';
import {
  getAt,
  isObject,
  pathsOf,
  PoolRef,
  Raw,
  REMOVE,
  setAt,
  toJsonText,
  type Node,
  type Path,
} from './json-text';
import { FILE_NAMES, FILE_SAMPLES, type MultipartBody, type Part } from './multipart';
import { validArbitrary, zodDef, type ArbitraryContext } from './zod-arbitrary';

/** One write route as the fuzzer sees it: its zod request schemas, from the app's route table. */
export type FuzzRoute = {
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
  readonly params: unknown;
  /** The body is multipart/form-data (evidence uploads): the schema documents the form, the handler parses it. */
  readonly multipart: boolean;
  readonly bodyLimit: number;
};

/** One generated request. */
export type FuzzCase = {
  /** What the generator meant: `valid` or the mutation applied. The response is judged on the real outcome. */
  readonly kind: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** The body tree (`undefined`: no body). */
  readonly body: Node;
  /** Verbatim body text, when the case is about the text itself (malformed JSON and such). */
  readonly rawBody?: string;
  /** A multipart/form-data body instead of JSON (upload routes). */
  readonly multipart?: MultipartBody;
  readonly contentType?: string;
  readonly idempotencyKey?: string;
  /** If-Match for PATCH/PUT (optimistic concurrency), well-formed or not. */
  readonly ifMatch?: string;
  readonly remoteAddress: string;
};

type SafeParse = { safeParse: (v: unknown) => { success: boolean } };

/** What the API must answer: anything but a 5xx, or a 4xx with one of `codes`. */
export type Expectation =
  | { readonly kind: 'any' }
  | { readonly kind: 'reject'; readonly codes: readonly ErrorCode[]; readonly why: string };

const MAX_PARAM_LENGTH = 200; // build-app.ts routerOptions.maxParamLength

const DEEP = 1000;
const deepObject = new Raw(`${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`);
const deepArray = new Raw(`${'['.repeat(DEEP)}${']'.repeat(DEEP)}`);
const deepMixed = new Raw(`${'[{"a":'.repeat(DEEP / 2)}null${'}]'.repeat(DEEP / 2)}`);

/** Numbers at the edges of IEEE-754 and of PostgreSQL's integer types, as raw JSON tokens and as strings. */
const LIMIT_NUMBERS = [
  '9007199254740991',
  '9007199254740992',
  '9007199254740993',
  '-9007199254740991',
  '-9007199254740993',
  '-0',
  '0.0',
  '1e308',
  '-1e308',
  '1e309',
  '-1e309',
  '5e-324',
  '2147483647',
  '2147483648',
  '-2147483648',
  '-2147483649',
  '4294967296',
  '1.0000000000000002',
  '0.1',
  '1e-7',
  '123456789012345678901234567890',
  '"NaN"',
  '"Infinity"',
  '"-0"',
  '"1e308"',
  '"9007199254740993"',
].map((t) => new Raw(t));

/**
 * Unicode that breaks naive code: emoji (and a ZWJ family), the RTL override, zero-width joiner/space, a BOM,
 * GB18030-only characters (𠀀 U+20000, 〇, ㈠), unpaired surrogates, NUL and other control characters, line/paragraph
 * separators, non-characters, and strings that only mean something to an SQL or template engine.
 */
const UNICODE_EDGES = [
  '😀',
  '👨‍👩‍👧‍👦',
  '\u202Eevil\u202C',
  'a\u200Db',
  'a\u200Bb',
  '\uFEFF',
  '𠀀',
  '〇',
  '㈠',
  '𠀀〇㈠ 王女士',
  '\uD800',
  'x\uDC00y',
  '\uDBFF\uDBFF',
  '\u0000',
  'a\u0000b',
  '\u0001\u0008',
  '\u001B[31m',
  '\u007F',
  '\u0085',
  '\u2028\u2029',
  '\uFFFE\uFFFF',
  'e\u0301\u0301\u0301',
  "'; drop table complaints; --",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../etc/passwd',
  '%00%ff',
  '\\u0000',
  ' ',
  '',
];

const WRONG_TYPES: readonly Node[] = [
  0,
  -1,
  1.5,
  true,
  false,
  '',
  'x',
  '1',
  'true',
  null,
  [],
  [1, 'a'],
  {},
  { a: 1 },
];
const typeOf = (v: Node) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

const EXTRA_KEYS = ['extra', 'id', 'version', 'isAdmin', 'role', '😀', '', ' ', 'a'.repeat(300)];

const BAD_PARAMS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '01a20000-0000-7000-8000-00000000000G',
  '01a20000-0000-7000-8000-000000000001 ',
  '😀',
  '𠀀',
  '..',
  "1' or '1'='1",
  '-1',
  '0',
  '1e3',
  '99999999999999999999',
  '\u0000',
  '.',
  '..',
  'a'.repeat(MAX_PARAM_LENGTH + 1),
  'a'.repeat(5000),
  // Sent as they are, not %-encoded: malformed escapes.
  new Raw('%E0%A4%A'),
  new Raw('%zz'),
  new Raw('%00'),
];

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'application/octet-stream',
  'multipart/form-data; boundary=fuzz',
  'application/JSON',
  'application/json; charset=utf-16le',
  'application/json; charset=gbk',
  'application/json-patch+json',
];

const IDEMPOTENCY_KEYS = ['fuzz-key-1', 'key with space', '键', 'a'.repeat(256), ''];
const IF_MATCH = [
  '"1"',
  '"2"',
  '"3"',
  '1',
  'W/"1"',
  '*',
  '"-1"',
  '"9007199254740993"',
  '"abc"',
  '""',
  '"1", "2"',
];

/** Builds the rare huge strings once per body limit (1 MiB by default, 16 MiB for bulk imports), reused by every route. */
const hugeCache = new Map<number, Readonly<Record<string, string>>>();
const hugeStrings = (bodyLimit: number): Readonly<Record<string, string>> => {
  let h = hugeCache.get(bodyLimit);
  if (!h) {
    const within = bodyLimit - 16 * 1024;
    h = {
      // ≥ 1 MB and still inside the body limit, in ASCII, CJK (3 bytes in UTF-8) and emoji (4 bytes).
      asciiWithin: 'a'.repeat(within),
      cjkWithin: '中'.repeat(Math.floor(within / 3)),
      emojiWithin: '😀'.repeat(Math.floor(within / 4)),
      asciiOver: 'a'.repeat(bodyLimit + 1),
      cjkOver: '中'.repeat(Math.ceil(bodyLimit / 3) + 1),
    };
    hugeCache.set(bodyLimit, h);
  }
  return h;
};

const pickPath = (paths: readonly Path[], n: number) => paths[n % paths.length]!;
const stringPaths = (v: Node) => pathsOf(v).filter((p) => typeof getAt(v, p) === 'string');
const numberPaths = (v: Node) => pathsOf(v).filter((p) => typeof getAt(v, p) === 'number');
const objectPaths = (v: Node) => pathsOf(v).filter((p) => isObject(getAt(v, p)));
/** Leaves of the preferred kind when there are any, else any node (the root included). */
const preferred = (v: Node, kind: (v: Node) => Path[]) => {
  const p = kind(v);
  return p.length > 0 ? p : pathsOf(v);
};

type Mutation = {
  kind: string;
  body: Node;
  rawBody?: string;
  contentType?: string;
  multipart?: MultipartBody;
};

/**
 * Upload forms: the generated form as multipart parts (text fields first, as the portal needs its key before the
 * files; every `file` a sample from FILE_SAMPLES under an awkward name), with unicode in the text fields, unknown
 * or misnamed parts, no file at all, broken bodies, and the same form as JSON (refused with 415).
 */
const multipartChoices = (base: Node): { weight: number; arbitrary: fc.Arbitrary<Mutation> }[] => {
  const form = isObject(base) ? base : {};
  const fileCount = Array.isArray(form.file) ? Math.max(1, form.file.length) : 1;
  const textParts: Part[] = Object.entries(form)
    .filter(([k, v]) => k !== 'file' && v !== undefined)
    .map(([name, v]) => ({ name, data: typeof v === 'string' ? v : toJsonText(v) }));
  const files = fc.array(
    fc.record({
      sample: fc.constantFrom(...Object.keys(FILE_SAMPLES)),
      filename: fc.constantFrom(...FILE_NAMES, undefined),
      contentType: fc.constantFrom('image/jpeg', 'application/octet-stream', 'text/plain', undefined),
    }),
    { minLength: fileCount, maxLength: fileCount + 1 },
  );
  const fileParts = (
    fs: { sample: string; filename: string | undefined; contentType: string | undefined }[],
  ) =>
    fs.map((f): Part => ({
      name: 'file',
      ...(f.filename !== undefined && { filename: f.filename }),
      ...(f.contentType !== undefined && { contentType: f.contentType }),
      data: FILE_SAMPLES[f.sample]!,
    }));
  const mp = (kind: string, multipart: MultipartBody): Mutation => ({ kind, body: undefined, multipart });
  return [
    {
      weight: 40,
      arbitrary: files.map((fs) => mp('multipart', { parts: [...textParts, ...fileParts(fs)] })),
    },
    {
      weight: 10,
      arbitrary: fc
        .tuple(
          files,
          fc.constantFrom(...UNICODE_EDGES),
          fc.constantFrom('caption', 'token', 'number', 'phoneLast4'),
        )
        .map(([fs, edge, name]) =>
          mp('multipart-unicode', {
            parts: [...textParts.filter((p) => p.name !== name), { name, data: edge }, ...fileParts(fs)],
          }),
        ),
    },
    {
      weight: 5,
      arbitrary: fc.tuple(files, fc.constantFrom('extra', 'photo', 'file[]', '')).map(([fs, name]) =>
        mp('multipart-extra', {
          parts: [...textParts, { name, filename: 'x.png', data: FILE_SAMPLES.png! }, ...fileParts(fs)],
        }),
      ),
    },
    { weight: 4, arbitrary: fc.constant(mp('multipart-no-file', { parts: textParts })) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(files, fc.constantFrom('truncate' as const, 'no-end' as const, 'boundary' as const))
        .map(([fs, broken]) => mp('multipart-broken', { parts: [...textParts, ...fileParts(fs)], broken })),
    },
    { weight: 8, arbitrary: fc.constant<Mutation>({ kind: 'json-to-upload', body: base }) },
  ];
};

const mutations = (
  base: Node,
  hasBody: boolean,
  bodyLimit: number,
): { weight: number; arbitrary: fc.Arbitrary<Mutation> }[] => {
  const all = pathsOf(base);
  const m = (weight: number, arbitrary: fc.Arbitrary<Mutation>) => ({ weight, arbitrary });
  const text = base === undefined ? '' : toJsonText(base);
  const out = [
    m(
      6,
      fc.tuple(fc.nat(), fc.constantFrom(...WRONG_TYPES)).map(([n, w]) => {
        const path = pickPath(all, n);
        const current = getAt(base, path);
        const replacement = typeOf(w) === typeOf(current) ? (typeof w === 'string' ? 42 : 'x') : w;
        return { kind: 'wrong-type', body: setAt(base, path, replacement) };
      }),
    ),
    m(
      3,
      fc.constantFrom<Mutation>(
        { kind: 'raw-body', body: undefined, rawBody: '{' },
        { kind: 'raw-body', body: undefined, rawBody: '{"a":' },
        { kind: 'raw-body', body: undefined, rawBody: 'NaN' },
        { kind: 'raw-body', body: undefined, rawBody: '[1,]' },
        { kind: 'raw-body', body: undefined, rawBody: "{'a':1}" },
        { kind: 'raw-body', body: undefined, rawBody: 'null' },
        { kind: 'raw-body', body: undefined, rawBody: '[]' },
        { kind: 'raw-body', body: undefined, rawBody: '"text"' },
        { kind: 'raw-body', body: undefined, rawBody: '12' },
        { kind: 'raw-body', body: undefined, rawBody: '   ' },
        { kind: 'raw-body', body: undefined, rawBody: '{"__proto__":{"isAdmin":true}}' },
        { kind: 'raw-body', body: undefined, rawBody: '{"constructor":{"prototype":{"isAdmin":true}}}' },
        { kind: 'raw-body', body: undefined, rawBody: `\uFEFF${text || '{}'}` },
        { kind: 'raw-body', body: undefined, rawBody: `${text || '{}'}}` },
        { kind: 'raw-body', body: undefined, rawBody: `${text || '{}'}\u0000` },
      ),
    ),
    m(
      2,
      fc.nat().map((n) => ({
        kind: 'raw-body',
        body: undefined,
        rawBody: text.slice(0, text.length > 1 ? 1 + (n % (text.length - 1)) : 0) || '{',
      })),
    ),
    m(
      2,
      fc.constantFrom(...CONTENT_TYPES).map((contentType) => ({
        kind: 'content-type',
        body: undefined,
        rawBody: text || '{}',
        contentType,
      })),
    ),
    m(
      1,
      fc.tuple(fc.nat(), fc.constantFrom(deepObject, deepArray, deepMixed)).map(([n, deep]) => ({
        kind: 'deep-json',
        body: setAt(base, pickPath(all, n), deep),
      })),
    ),
  ];
  if (!hasBody) return out;
  const h = hugeStrings(bodyLimit);
  return [
    ...out,
    m(
      5,
      fc.nat().map((n) => {
        const objects = objectPaths(base);
        if (objects.length === 0) return { kind: 'missing-field', body: undefined };
        const path = pickPath(objects, n);
        const keys = Object.keys(getAt(base, path) as object);
        if (keys.length === 0) return { kind: 'missing-field', body: setAt(base, path, REMOVE) };
        return { kind: 'missing-field', body: setAt(base, [...path, keys[n % keys.length]!], REMOVE) };
      }),
    ),
    m(
      3,
      fc
        .tuple(fc.nat(), fc.constantFrom(...EXTRA_KEYS), fc.constantFrom(...WRONG_TYPES))
        .map(([n, key, value]) => {
          const objects = objectPaths(base);
          const path = objects.length > 0 ? pickPath(objects, n) : [];
          const target = objects.length > 0 ? (getAt(base, path) as Record<string, unknown>) : {};
          return { kind: 'extra-field', body: setAt(base, path, { ...target, [key]: value }) };
        }),
    ),
    m(
      5,
      fc.tuple(fc.nat(), fc.constantFrom(...LIMIT_NUMBERS)).map(([n, token]) => ({
        kind: 'limit-number',
        body: setAt(base, pickPath(preferred(base, numberPaths), n), token),
      })),
    ),
    m(
      8,
      fc
        .tuple(fc.nat(), fc.nat(), fc.constantFrom(...UNICODE_EDGES), fc.boolean())
        .map(([n, at, edge, insert]) => {
          const path = pickPath(preferred(base, stringPaths), n);
          const current = getAt(base, path);
          const value =
            insert && typeof current === 'string'
              ? `${current.slice(0, at % (current.length + 1))}${edge}${current.slice(at % (current.length + 1))}`
              : edge;
          return { kind: 'unicode', body: setAt(base, path, value) };
        }),
    ),
    m(
      1,
      fc.tuple(fc.nat(), fc.constantFrom(...Object.entries(h))).map(([n, [name, huge]]) => ({
        kind: `huge-string-${name}`,
        body: setAt(base, pickPath(preferred(base, stringPaths), n), huge),
      })),
    ),
  ];
};

/** Every case of one route: valid bodies from the contract, and the mutations above (about 60 % of cases). */
export const caseArbitrary = (
  route: FuzzRoute,
  ctx: ArbitraryContext,
  paramHint: (name: string) => string,
): fc.Arbitrary<FuzzCase> => {
  const bodyLimit = route.bodyLimit;
  const paramsArb = route.params
    ? paramsArbitrary(route.params, ctx, paramHint)
    : fc.constant<Record<string, unknown>>({});
  const hasBody = route.body !== undefined;
  const bodyArb = hasBody ? validArbitrary(route.body, ctx) : fc.constant(undefined);
  const extras = fc.record(
    {
      remoteAddress: fc.ipV4(),
      idempotencyKey: fc.oneof(
        { weight: 6, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.uuid().map((u) => `fuzz-${u}`) },
        { weight: 1, arbitrary: fc.constantFrom(...IDEMPOTENCY_KEYS) },
      ),
      ifMatch: fc.oneof(
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 2, arbitrary: fc.constantFrom(...IF_MATCH) },
      ),
    },
    { requiredKeys: ['remoteAddress'] },
  );
  return fc.tuple(paramsArb, bodyArb, extras).chain(([params, base, extra]) => {
    const withExtras = (c: Omit<FuzzCase, 'remoteAddress'>): FuzzCase => ({
      ...c,
      remoteAddress: extra.remoteAddress,
      ...(route.method === 'POST' &&
        extra.idempotencyKey !== undefined && { idempotencyKey: extra.idempotencyKey }),
      ...((route.method === 'PATCH' || route.method === 'PUT') &&
        extra.ifMatch !== undefined && { ifMatch: extra.ifMatch }),
    });
    const choices = route.multipart
      ? [...multipartChoices(base), ...mutations(base, false, bodyLimit)]
      : [
          { weight: hasBody ? 40 : 30, arbitrary: fc.constant<Mutation>({ kind: 'valid', body: base }) },
          ...mutations(base, hasBody, bodyLimit),
        ];
    const paramNames = Object.keys(params);
    const badParam =
      paramNames.length > 0
        ? [
            {
              weight: 5,
              arbitrary: fc
                .tuple(fc.constantFrom(...paramNames), fc.constantFrom(...BAD_PARAMS))
                .map(([name, bad]) => ({
                  kind: 'bad-param',
                  params: { ...params, [name]: bad },
                  body: base,
                })),
            },
          ]
        : [];
    return fc.oneof(
      ...choices.map((c) => ({
        weight: c.weight,
        arbitrary: c.arbitrary.map((mutation) => withExtras({ ...mutation, params })),
      })),
      ...badParam.map((c) => ({ weight: c.weight, arbitrary: c.arbitrary.map(withExtras) })),
    );
  });
};

/**
 * The edge cases every route gets on every run, whatever the seed draws, derived from one valid case: a path
 * parameter over the router's length limit and a malformed %-escape; a body over the limit and a string of ≥ 1 MB
 * inside it; 1,000-deep JSON; NUL, an unpaired surrogate and GB18030-only characters in a text field.
 */
export const fixedCases = (route: FuzzRoute, valid: FuzzCase): FuzzCase[] => {
  const out: FuzzCase[] = [];
  const names = Object.keys(valid.params);
  if (names.length > 0) {
    out.push({
      ...valid,
      kind: 'fixed-long-param',
      params: { ...valid.params, [names[0]!]: 'a'.repeat(201) },
    });
    out.push({
      ...valid,
      kind: 'fixed-bad-escape',
      params: { ...valid.params, [names[0]!]: new Raw('%E0%A4%A') },
    });
  }
  if (route.multipart || route.body === undefined) return out;
  const base = valid.body === undefined ? {} : valid.body;
  const h = hugeStrings(route.bodyLimit);
  const text = pickPath(preferred(base, stringPaths), 0);
  out.push({ ...valid, kind: 'fixed-body-over-limit', body: setAt(base, text, h.asciiOver!) });
  out.push({ ...valid, kind: 'fixed-huge-string-within', body: setAt(base, text, h.cjkWithin!) });
  out.push({ ...valid, kind: 'fixed-deep-json', body: setAt(base, [], deepObject) });
  for (const edge of ['a\u0000b', 'x\uD800y', '𠀀〇㈠'])
    out.push({ ...valid, kind: 'fixed-unicode', body: setAt(base, text, edge) });
  return out;
};

/** Path parameters: uuids name a row of the kind the segment before them names (`/complaints/:id` → complaint). */
const paramsArbitrary = (
  schema: unknown,
  ctx: ArbitraryContext,
  paramHint: (name: string) => string,
): fc.Arbitrary<Record<string, unknown>> => {
  const shape = zodDef(schema).shape as Record<string, unknown>;
  return fc.record(
    Object.fromEntries(
      Object.entries(shape).map(([name, s]) => {
        const def = zodDef(s);
        const hint = paramHint(name);
        if (def.type === 'string' && (def.format === 'uuid' || def.format === 'guid'))
          return [name, ctx.uuid(hint)];
        // Other keys (a policy key, a preset name, a year): a known one most of the time, else a generated one.
        return [
          name,
          fc
            .tuple(fc.nat(), fc.nat(9), validArbitrary(s, ctx, 0, hint))
            .map(([pick, r, v]) => (r < 7 ? new PoolRef(hint, pick, v) : v)),
        ];
      }),
    ),
  );
};

/** What Fastify's JSON parser (secure-json-parse) refuses: a `__proto__` member, or `constructor.prototype`. */
const isPoisoned = (v: unknown): boolean => {
  if (Array.isArray(v)) return v.some(isPoisoned);
  if (typeof v !== 'object' || v === null) return false;
  const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
  if (own(v, '__proto__')) return true;
  const ctor = (v as Record<string, unknown>).constructor;
  if (own(v, 'constructor') && typeof ctor === 'object' && ctor !== null && own(ctor, 'prototype'))
    return true;
  return Object.values(v).some(isPoisoned);
};

/**
 * Decides what the API must answer from the request as it will be sent, not from what the generator meant: the
 * bytes against the body limit, the text against the JSON parser, the parsed value and the path parameters against
 * the route's zod schemas. A request the contract refuses must be a 4xx with the matching code; one it accepts may be
 * refused by the business rules (any 4xx with a code) or succeed.
 */
export const expectationOf = (
  route: FuzzRoute,
  c: {
    /** Path parameters as the server decodes them; `undefined` for a malformed %-escape. */
    params: Record<string, string | undefined>;
    text: string | undefined;
    /** The Content-Type sent when it is not JSON (multipart uploads, foreign types). */
    contentType: string | undefined;
  },
): Expectation => {
  for (const v of Object.values(c.params)) {
    if (v === undefined)
      return { kind: 'reject', codes: ['VALIDATION_FAILED'], why: 'malformed %-escape in the path' };
    if (v === '' || v === '.' || v === '..' || v.length > MAX_PARAM_LENGTH)
      return {
        kind: 'reject',
        codes: ['ROUTE_NOT_FOUND', 'VALIDATION_FAILED'],
        why: 'path parameter that changes the path or is too long',
      };
  }
  if (c.contentType !== undefined) return { kind: 'any' };
  if (c.text !== undefined && Buffer.byteLength(c.text) > route.bodyLimit)
    return { kind: 'reject', codes: ['PAYLOAD_TOO_LARGE'], why: 'body over the limit' };
  let parsed: unknown;
  const text = c.text?.replace(/^\uFEFF/, ''); // Fastify's JSON parser drops a byte-order mark
  if (text !== undefined && text.trim() !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      return { kind: 'reject', codes: ['MALFORMED_JSON'], why: 'not JSON' };
    }
    if (isPoisoned(parsed))
      return { kind: 'reject', codes: ['MALFORMED_JSON', 'VALIDATION_FAILED'], why: 'prototype poisoning' };
  }
  if (route.params && !(route.params as SafeParse).safeParse(c.params).success)
    return { kind: 'reject', codes: ['VALIDATION_FAILED'], why: 'contract refuses the path parameters' };
  if (route.multipart)
    return {
      kind: 'reject',
      codes: ['UNSUPPORTED_MEDIA_TYPE', 'IDEMPOTENCY_KEY_INVALID'],
      why: 'JSON sent to an upload route',
    };
  if (route.body && !(route.body as SafeParse).safeParse(parsed).success)
    return { kind: 'reject', codes: ['VALIDATION_FAILED'], why: 'contract refuses the body' };
  return { kind: 'any' };
};

export { PoolRef };
