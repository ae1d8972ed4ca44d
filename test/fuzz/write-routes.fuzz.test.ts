import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/domain/error-code';
import { ROLES } from '../../src/domain/identity/roles';
import {
  createDepartmentFx,
  createUserFx,
  loginFx,
  TEST_PASSWORD,
  type Session,
} from '../factories/identity.factory';
import { hotlineComplaint } from '../factories/complaint.factory';
import { createTestApp } from '../test-app';
import { changedTables, createFingerprinter, nextTransactionId, type Fingerprint } from './db-fingerprint';
import { caseArbitrary, expectationOf, fixedCases, type FuzzCase, type FuzzRoute } from './fuzz-cases';
import { IdPools, kindOf } from './id-pools';
import { preview, PoolRef, Raw, resolveRefs, toJsonText } from './json-text';
import { encodeMultipart } from './multipart';
import type { ArbitraryContext } from './zod-arbitrary';

/**
 * Fuzzes every write route (POST/PUT/PATCH/DELETE) of the route table from its zod contract (issue 7): valid bodies
 * generated from the schema and invalid ones (wrong types, missing and extra fields, huge strings inside and over the
 * body limit, 1,000-deep JSON, numbers at their limits, unicode edge cases, malformed JSON, foreign content types, bad
 * path parameters), sent through app.inject by a user holding every role, with its CSRF token. Invariants: never a
 * 5xx; every 4xx carries a known `error.code` and a message; a request the contract refuses gets the matching 4xx; and
 * a refused request writes nothing (an exact fingerprint of every table, the audit log included, is unchanged).
 *
 * FUZZ_CASES sets the total number of cases (default 10,000), FUZZ_SEED replays a run (the seed is in the test
 * names), FUZZ_ROUTE='POST /api/v1/complaints' runs the routes whose key contains the text.
 */
const TOTAL = Number(process.env.FUZZ_CASES ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ONLY = process.env.FUZZ_ROUTE;

/**
 * Writes a refused request may make, by design: rate-limit counters commit in their own transaction so failed
 * attempts count (portal look-ups and submissions, logins), and a failed login records the failure on the user and
 * in the audit trail (lockout, R-SEC-1).
 */
const WRITES_ON_REFUSAL: readonly {
  readonly route: RegExp;
  readonly tables: readonly string[];
  /** Only when refused with one of these codes (any code when absent). */
  readonly codes?: readonly string[];
}[] = [
  { route: /^POST \/api\/v1\/portal\//, tables: ['rate_limits'] },
  { route: /^POST \/api\/v1\/auth\/login$/, tables: ['rate_limits', 'users', 'audit_log'] },
  // A failed re-authentication of an electronic signature is itself a record (21 CFR 11, R-APR-2).
  { route: /\/signatures$/, tables: ['audit_log'], codes: ['SIGNATURE_REAUTH_FAILED'] },
];

/** Routes that hash or verify a password (argon2, tens of ms each) get fewer cases. */
const WEIGHTS: readonly { readonly route: RegExp; readonly weight: number }[] = [
  { route: /^POST \/api\/v1\/auth\/(login|password)$/, weight: 0.3 },
  { route: /^POST \/api\/v1\/users(\/:id\/reset-password)?$/, weight: 0.5 },
  // Each successful log-out is followed by a log-in (argon2) to get the session back.
  { route: /^POST \/api\/v1\/auth\/logout$/, weight: 0.3 },
  // Applying a whole preset rewrites policies and settings: slow, and its inputs are a name and a flag.
  { route: /^POST \/api\/v1\/presets\/:name\/apply$/, weight: 0.3 },
  { route: /\/signatures$/, weight: 0.5 },
];

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KNOWN_CODES = new Set<string>(ERROR_CODES);

const { deps, app, routes, close } = await createTestApp();
const keyOf = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const bodyLimit = deps.config.bodyLimitBytes;

// Creations without a path parameter first (their answers fill the id pools), then the rest, deletions and the
// session routes last.
const order = (r: FuzzRoute) =>
  r.url.startsWith('/api/v1/auth/') ? 3 : r.method === 'DELETE' ? 2 : r.url.includes('/:') ? 1 : 0;
const allWriteRoutes: FuzzRoute[] = routes
  .filter((r) => WRITE_METHODS.has(r.method) && r.url.startsWith('/api/'))
  .map((r) => ({
    method: r.method,
    url: r.url,
    body: r.schema?.body,
    params: r.schema?.params,
    multipart: r.schema?.consumes?.includes('multipart/form-data') ?? false,
    bodyLimit: r.bodyLimit ?? bodyLimit,
  }))
  .sort((a, b) => order(a) - order(b) || keyOf(a).localeCompare(keyOf(b)));
const weightOf = (r: FuzzRoute) => WEIGHTS.find((w) => w.route.test(keyOf(r)))?.weight ?? 1;
const totalWeight = allWriteRoutes.reduce((s, r) => s + weightOf(r), 0);
const casesOf = (r: FuzzRoute) => Math.max(10, Math.ceil((TOTAL * weightOf(r)) / totalWeight));
const selected = allWriteRoutes.filter((r) => !ONLY || keyOf(r).includes(ONLY));

const pools = new IdPools();
const ctx: ArbitraryContext = {
  uuid: (key) =>
    fc
      .tuple(fc.nat(), fc.uuid({ version: [4, 7] }), fc.nat(9))
      .map(([pick, u, r]) => (r < 7 ? new PoolRef(kindOf(key), pick, u) : u)),
  maxString: 80,
  maxArray: 4,
};
let fuzzer: Session;
let sessionUser: Session;
let fingerprint: () => Promise<Fingerprint>;
/** The database as the last case left it: the next transaction id, and the per-table fingerprint taken with it. */
let current: { xid: string; tables: Fingerprint };
const stats = {
  cases: 0,
  byStatus: new Map<number, number>(),
  byKind: new Map<string, number>(),
  ms: 0,
  sendMs: 0,
  checkMs: 0,
  fingerprints: 0,
};

/** Reads the database state; the per-table fingerprint only when something was written since `current`. */
const observe = async (): Promise<{ xid: string; tables: Fingerprint }> => {
  const xid = await nextTransactionId(deps.db);
  if (current && xid === current.xid) return current;
  stats.fingerprints += 1;
  return { xid, tables: await fingerprint() };
};

beforeAll(async () => {
  // Everyone the fuzzer needs: a user with every role (admin included), a second one for the session routes (log
  // out, change password) so the first keeps its session, and rows to point at.
  const HQ = await createDepartmentFx(deps, 'FZ-HQ');
  const CS = await createDepartmentFx(deps, 'FZ-CS', HQ);
  const all = await createUserFx(deps, 'fuzz.all', [...ROLES], [HQ]);
  const auth = await createUserFx(deps, 'fuzz.session', [...ROLES], [HQ]);
  pools.exclude(all.id);
  pools.exclude(auth.id);
  fuzzer = await loginFx(app, 'fuzz.all');
  sessionUser = await loginFx(app, 'fuzz.session');
  pools.add('department', HQ.id);
  pools.add('department', CS.id);
  pools.add('user', (await createUserFx(deps, 'fuzz.target', ['agent'], [CS], { phone: '13800001111' })).id);
  for (let i = 0; i < 2; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: fuzzer.headers,
      payload: hotlineComplaint(),
    });
    if (res.statusCode !== 201) throw new Error(`setup complaint: ${res.statusCode} ${res.body}`);
    pools.harvest('/api/v1/complaints', res.json());
  }
  const listed = async (url: string) =>
    (await app.inject({ method: 'GET', url, headers: fuzzer.headers })).json() as unknown;
  for (const p of ((await listed('/api/v1/policies')) as { items: { key: string }[] }).items)
    pools.add('policy', p.key);
  for (const p of ((await listed('/api/v1/presets')) as { items: { name: string }[] }).items)
    pools.add('preset', p.name);
  for (const y of ['2026', '2027']) pools.add('year', y);
  fingerprint = await createFingerprinter(deps.db);
  current = await observe();
}, 300_000);

afterAll(async () => {
  const top = (m: Map<string | number, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ');
  console.log(
    `write-route fuzz: seed ${SEED}, ${stats.cases} cases on ${selected.length} routes in ${(stats.ms / 1000).toFixed(1)} s ` +
      `(${deps.databaseUrl ? 'PostgreSQL' : 'PGlite'}; requests ${(stats.sendMs / 1000).toFixed(1)} s, write checks ` +
      `${(stats.checkMs / 1000).toFixed(1)} s, ${stats.fingerprints} table fingerprints)\n  statuses: ${top(stats.byStatus)}\n  kinds: ${top(stats.byKind)}\n  ids known: ${JSON.stringify(pools.sizes())}`,
  );
  await close();
});

let logins = 0;
/** Logs in from an address of its own each time, so the per-address login limit does not refuse it. */
const logInAgain = async (username: string): Promise<Session> => {
  logins += 1;
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: TEST_PASSWORD },
    remoteAddress: `10.77.${Math.floor(logins / 250) % 250}.${(logins % 250) + 1}`,
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = `cl_session=${res.cookies.find((c) => c.name === 'cl_session')!.value}`;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
};

/** The segment before a path parameter names its kind: `/complaints/:id` → complaint, `/links/:linkId` → link. */
const paramHintsOf = (url: string) => {
  const parts = url.split('/');
  const hints = new Map<string, string>();
  parts.forEach((p, i) => {
    if (p.startsWith(':')) hints.set(p.slice(1), kindOf(parts[i - 1]) ?? p.slice(1));
  });
  return (name: string) => hints.get(name) ?? name;
};

type Sent = {
  readonly url: string;
  /** The body as text (a preview for multipart). */
  readonly text: string | undefined;
  /** Path parameters as the server decodes them (`undefined`: a malformed %-escape). */
  readonly params: Record<string, string | undefined>;
  readonly res: LightMyRequestResponse;
};

const decoded = (v: unknown): string | undefined => {
  if (!(v instanceof Raw)) return String(v);
  try {
    return decodeURIComponent(v.text);
  } catch {
    return undefined;
  }
};

const send = async (route: FuzzRoute, c: FuzzCase): Promise<Sent> => {
  const raw = resolveRefs(c.params, (r) => pools.resolve(r)) as Record<string, unknown>;
  const url = route.url.replace(/:(\w+)/g, (_, name: string) => {
    const v = raw[name];
    return v instanceof Raw ? v.text : encodeURIComponent(String(v ?? ''));
  });
  const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, decoded(v)]));
  const isPublic = route.url.startsWith('/api/v1/portal/') || route.url === '/api/v1/auth/login';
  const session = route.url.startsWith('/api/v1/auth/') ? sessionUser : fuzzer;
  const headers: Record<string, string> = isPublic ? {} : { ...session.headers };
  let payload: string | Buffer | undefined;
  let text: string | undefined;
  if (c.multipart) {
    const m = encodeMultipart(c.multipart);
    headers['content-type'] = m.contentType;
    payload = m.payload;
    text = m.preview;
  } else {
    const body = resolveRefs(c.body, (r) => pools.resolve(r));
    text = c.rawBody ?? (body === undefined ? undefined : toJsonText(body));
    payload = text;
    if (text !== undefined) headers['content-type'] = c.contentType ?? 'application/json';
  }
  if (c.idempotencyKey !== undefined) headers['idempotency-key'] = c.idempotencyKey;
  if (c.ifMatch !== undefined) headers['if-match'] = c.ifMatch;
  const res = await app.inject({
    method: route.method as 'POST',
    url,
    headers,
    ...(payload !== undefined && { payload }),
    remoteAddress: c.remoteAddress,
  });
  return { url, text, params, res };
};

/** Everything wrong with one answer (empty when it keeps every invariant). */
const judge = (route: FuzzRoute, c: FuzzCase, sent: Sent, changed: string[]): string[] => {
  const problems: string[] = [];
  const { res } = sent;
  const status = res.statusCode;
  if (status >= 500) problems.push(`answered ${status}`);
  let code: unknown;
  if (status >= 400) {
    let body: { error?: { code?: unknown; message?: unknown } } | undefined;
    try {
      body = res.json();
    } catch {
      problems.push('a 4xx without a JSON body');
    }
    code = body?.error?.code;
    if (typeof code !== 'string' || !KNOWN_CODES.has(code))
      problems.push(`unknown error code ${String(code)}`);
    if (typeof body?.error?.message !== 'string' || body.error.message === '')
      problems.push('an error without a message');
    const allowed = WRITES_ON_REFUSAL.filter(
      (w) => w.route.test(keyOf(route)) && (!w.codes || w.codes.includes(String(code))),
    ).flatMap((w) => w.tables);
    const written = changed.filter((t) => !allowed.includes(t.split(' ')[0]!));
    if (written.length > 0) problems.push(`refused but wrote: ${written.join('; ')}`);
  }
  const expected = expectationOf(route, {
    params: sent.params,
    text: sent.text,
    contentType: c.multipart ? 'multipart/form-data' : c.contentType,
  });
  if (
    expected.kind === 'reject' &&
    (status < 400 || status >= 500 || !expected.codes.includes(code as never))
  )
    problems.push(
      `expected ${expected.codes.join(' or ')} (${expected.why}), got ${status} ${String(code ?? '')}`,
    );
  return problems;
};

describe(`write-route fuzz from the zod contracts (seed ${SEED}, ${TOTAL} cases; FUZZ_SEED=${SEED} replays)`, () => {
  it('should find every write route of the route table with its contract', () => {
    expect(allWriteRoutes.length).toBeGreaterThan(40);
    const total = allWriteRoutes.reduce((s, r) => s + casesOf(r), 0);
    expect(total).toBeGreaterThanOrEqual(Math.min(TOTAL, 10_000));
  });

  selected.forEach((route) => {
    const index = allWriteRoutes.indexOf(route);
    const n = casesOf(route);
    it(`should keep the invariants on ${keyOf(route)} (${n} cases, seed ${SEED + index})`, async () => {
      const arbitrary = caseArbitrary(route, ctx, paramHintsOf(route.url));
      const drawn = fc.sample(arbitrary, { seed: SEED + index, numRuns: n });
      const valid = drawn.find((c) => c.kind === 'valid' || c.kind === 'multipart') ?? drawn[0]!;
      const cases = [...fixedCases(route, valid), ...drawn];
      current = await observe();
      const failures: string[] = [];
      const routeStatuses = new Map<string, number>();
      const started = performance.now();
      for (const [i, c] of cases.entries()) {
        const t0 = performance.now();
        const sent = await send(route, c);
        const t1 = performance.now();
        const after = await observe();
        const problems = judge(route, c, sent, changedTables(current.tables, after.tables));
        current = after;
        stats.sendMs += t1 - t0;
        stats.checkMs += performance.now() - t1;
        const status = sent.res.statusCode;
        if (process.env.FUZZ_VERBOSE) {
          const code = status >= 400 ? `:${/"code":"([A-Z_]+)"/.exec(sent.res.body)?.[1] ?? '?'}` : '';
          const k = `${c.kind === 'valid' ? 'valid' : 'other'}:${status}${code}`;
          routeStatuses.set(k, (routeStatuses.get(k) ?? 0) + 1);
        }
        stats.byStatus.set(status, (stats.byStatus.get(status) ?? 0) + 1);
        stats.byKind.set(c.kind, (stats.byKind.get(c.kind) ?? 0) + 1);
        if (status < 300 && sent.res.body) {
          try {
            pools.harvest(route.url, sent.res.json());
          } catch {
            // not JSON (a 204, a file)
          }
        }
        if (route.url === '/api/v1/auth/logout' && status === 204) {
          sessionUser = await logInAgain('fuzz.session');
          current = await observe(); // the new session is the test's write, not the next case's
        }
        if (problems.length > 0 && failures.length < 8) {
          failures.push(
            `#${i} ${c.kind}: ${problems.join('; ')}\n    ${route.method} ${preview(sent.url, 300)}` +
              `${c.contentType ? ` [${c.contentType}]` : ''}${c.idempotencyKey !== undefined ? ` [Idempotency-Key ${preview(c.idempotencyKey, 40)}]` : ''}` +
              `${c.ifMatch !== undefined ? ` [If-Match ${c.ifMatch}]` : ''}` +
              `\n    body: ${preview(sent.text)}\n    → ${status} ${preview(sent.res.body, 400)}`,
          );
        }
      }
      if (process.env.FUZZ_VERBOSE)
        console.log(keyOf(route), JSON.stringify(Object.fromEntries(routeStatuses)));
      stats.cases += cases.length;
      stats.ms += performance.now() - started;
      expect(failures, failures.join('\n')).toEqual([]);
    }, 300_000);
  });
});
