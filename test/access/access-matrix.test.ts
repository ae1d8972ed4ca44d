import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../src/api/build-app';
import type { Department } from '../../src/domain/departments/department';
import { PERMISSIONS } from '../../src/domain/identity/permissions';
import { ROLE_GRANTS } from '../../src/domain/identity/role-grants';
import { ROLES, type Role } from '../../src/domain/identity/roles';
import { hotlineComplaint } from '../factories/complaint.factory';
import { createDepartmentFx, createUserFx, loginFx, type Session } from '../factories/identity.factory';
import { createTestApp } from '../test-app';
import type { TestDeps } from '../test-deps';
import { ACCESS_POLICY, HOLDERS, ROLE_REACH, type AccessRule, type ScopedEntity } from './access-policy';

/**
 * The access-control matrix (issue 7, R-SEC-1): every route of the app's route table × every role × a user placed in
 * the row's own department, its parent and a sibling, checked against the one declarative policy in access-policy.ts.
 * Allowed → never 401/403; denied → 403 FORBIDDEN; a department-scoped row seen from a sibling department → exactly
 * the answer a missing id gets. A route without a policy entry fails the first test, by name.
 */
let deps: TestDeps;
let app: FastifyInstance;
let routes: readonly RouteEntry[];
let close: () => Promise<void>;

const PLACEMENTS = ['own', 'parent', 'sibling'] as const;
type Placement = (typeof PLACEMENTS)[number];
const sessions = new Map<string, Session>();
const sessionOf = (role: Role, placement: Placement = 'own') => sessions.get(`${role}@${placement}`)!;

const FAKE_ID = '01a20000-0000-7000-8000-000000000001';
const ENTITY_NOT_FOUND: Record<ScopedEntity, string> = {
  complaint: 'COMPLAINT_NOT_FOUND',
  user: 'USER_NOT_FOUND',
};
const rows: Record<ScopedEntity, string> = { complaint: '', user: '' };
let complaint: { id: string; number: string; trackingToken: string; customerId: string };

const keyOf = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const apiRoutes = () => routes.filter((r) => r.url !== '*');

/** A concrete URL for a route: the given id for `:id`, harmless values for the other parameters. */
const urlOf = (r: RouteEntry, id = FAKE_ID): string =>
  r.url
    .replace(/:(\w+)/g, (_, name: string) => {
      if (name === 'id') return r.url.startsWith('/api/v1/admin/') ? '1' : id;
      if (name === 'year') return '2026';
      if (name === 'd') return 'D1';
      if (name === 'key' || name === 'name') return 'access-matrix';
      return FAKE_ID;
    })
    .replace('*', 'index.html');

const call = (r: RouteEntry, headers: Record<string, string>, id?: string) =>
  app.inject({
    method: r.method as 'GET',
    url: urlOf(r, id),
    headers,
    ...(r.method !== 'GET' && r.method !== 'DELETE' && { payload: {} }),
  });

const codeOf = (res: LightMyRequestResponse): string | undefined => {
  try {
    return (res.json() as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
};

beforeAll(async () => {
  ({ deps, app, routes, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' }));
  const HQ = await createDepartmentFx(deps, 'HQ');
  const CS = await createDepartmentFx(deps, 'CS', HQ);
  const EAST = await createDepartmentFx(deps, 'CS-EAST', CS);
  const WEST = await createDepartmentFx(deps, 'CS-WEST', CS);
  const placed: Record<Placement, Department> = { own: EAST, parent: CS, sibling: WEST };
  for (const role of ROLES)
    for (const placement of PLACEMENTS) {
      const username = `m.${role}.${placement}`;
      await createUserFx(deps, username, [role], [placed[placement]]);
      sessions.set(`${role}@${placement}`, await loginFx(app, username));
    }
  // The rows the department dimension is about, all in CS-EAST, registered by someone who is not under test.
  rows.user = (await createUserFx(deps, 't.east', ['agent'], [EAST], { phone: '13812345678' })).id;
  await createUserFx(deps, 'r.east', ['agent'], [EAST]);
  const reporter = await loginFx(app, 'r.east');
  const customer = await app.inject({
    method: 'POST',
    url: '/api/v1/customers',
    headers: reporter.headers,
    payload: {
      name: '王建国',
      type: 'consumer',
      phone: '13812345678',
      address: '浙江省杭州市西湖区文三路 100 号',
    },
  });
  if (customer.statusCode !== 201) throw new Error(`customer: ${customer.body}`);
  const customerId = (customer.json() as { id: string }).id;
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: reporter.headers,
    payload: hotlineComplaint({
      customer: {
        id: customerId,
        name: '王建国',
        phone: '13812345678',
        address: '浙江省杭州市西湖区文三路 100 号',
        type: 'consumer',
      },
    }),
  });
  if (created.statusCode !== 201) throw new Error(`complaint: ${created.body}`);
  const intake = created.json() as { complaint: { id: string; number: string }; trackingToken: string };
  complaint = { ...intake.complaint, trackingToken: intake.trackingToken, customerId };
  rows.complaint = complaint.id;
}, 300_000);
afterAll(async () => close());

describe('the declarative access policy (R-SEC-1)', () => {
  it('should declare every route of the route table, and no route that is gone', () => {
    const registered = new Set(apiRoutes().map(keyOf));
    const undeclared = [...registered].filter((k) => !(k in ACCESS_POLICY));
    expect(
      undeclared,
      `routes without an entry in test/access/access-policy.ts (decide who may call them): ${undeclared.join(', ')}`,
    ).toEqual([]);
    const stale = Object.keys(ACCESS_POLICY).filter((k) => !registered.has(k));
    expect(stale, `policy entries for routes that are not registered: ${stale.join(', ')}`).toEqual([]);
  });

  it('should declare the permission and the public flag each route registers', () => {
    const mismatched = apiRoutes()
      .map((r) => ({ route: keyOf(r), rule: ACCESS_POLICY[keyOf(r)] }))
      .filter((x): x is { route: string; rule: AccessRule } => x.rule !== undefined)
      .flatMap(({ route, rule }) => {
        const r = apiRoutes().find((x) => keyOf(x) === route)!;
        const declared = 'permission' in rule ? rule.permission : undefined;
        const problems: string[] = [];
        if ((rule.scope === 'public') !== (r.auth === 'public'))
          problems.push(`${route}: declared ${rule.scope}, registered auth ${r.auth}`);
        if (declared !== r.permission)
          problems.push(`${route}: declared ${String(declared)}, registered ${String(r.permission)}`);
        return problems;
      });
    expect(mismatched).toEqual([]);
  });

  it('should declare exactly the grants ROLE_GRANTS gives, permission by permission', () => {
    for (const permission of PERMISSIONS) {
      const granted = ROLES.filter((role) =>
        (ROLE_GRANTS[role].permissions as readonly string[]).includes(permission),
      );
      expect({ permission, roles: [...HOLDERS[permission]].sort() }).toEqual({
        permission,
        roles: [...granted].sort(),
      });
    }
    for (const role of ROLES)
      expect({ role, reach: ROLE_REACH[role] }).toEqual({ role, reach: ROLE_GRANTS[role].scope });
  });
});

describe('route × role matrix (R-SEC-1)', () => {
  it('should refuse every non-public route to an anonymous caller with 401 and let every public one through', async () => {
    const wrong: string[] = [];
    for (const r of apiRoutes()) {
      const rule = ACCESS_POLICY[keyOf(r)];
      if (!rule) continue;
      const res = await call(r, {});
      const refused = res.statusCode === 401 && codeOf(res) === 'UNAUTHENTICATED';
      if (rule.scope !== 'public' && !refused) wrong.push(`${keyOf(r)}: ${res.statusCode} ${codeOf(res)}`);
      if (rule.scope === 'public' && (res.statusCode === 401 || res.statusCode === 403))
        wrong.push(`${keyOf(r)} (public): ${res.statusCode} ${codeOf(res)}`);
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it('should allow or forbid every route for every role exactly as the policy says', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const r of apiRoutes()) {
      const rule = ACCESS_POLICY[keyOf(r)];
      // Logging out ends the session the rest of the matrix needs: its own test below.
      if (!rule || rule.scope === 'public' || keyOf(r) === 'POST /api/v1/auth/logout') continue;
      for (const role of ROLES) {
        const res = await call(r, sessionOf(role).headers);
        const allowed = rule.scope === 'self' || HOLDERS[rule.permission].includes(role);
        const code = codeOf(res);
        if (allowed && (res.statusCode === 401 || res.statusCode === 403))
          wrong.push(`${keyOf(r)} as ${role}: allowed, got ${res.statusCode} ${code}`);
        if (!allowed && !(res.statusCode === 403 && code === 'FORBIDDEN'))
          wrong.push(`${keyOf(r)} as ${role}: denied, got ${res.statusCode} ${code}`);
        checked += 1;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(ROLES.length * 100);
  }, 300_000);

  it('should show a department-scoped row to its own and the parent department and answer a sibling as for a missing id', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const r of apiRoutes()) {
      const rule = ACCESS_POLICY[keyOf(r)];
      if (rule?.scope !== 'department' || !rule.entity) continue;
      const notFound = ENTITY_NOT_FOUND[rule.entity];
      for (const role of HOLDERS[rule.permission]) {
        for (const placement of PLACEMENTS) {
          const s = sessionOf(role, placement);
          const res = await call(r, s.headers, rows[rule.entity]);
          const where = `${keyOf(r)} as ${role} in the ${placement} department`;
          if (res.statusCode === 401 || res.statusCode === 403) wrong.push(`${where}: ${res.statusCode}`);
          else if (placement === 'sibling' && ROLE_REACH[role] === 'department') {
            // Out of scope: the same status, code and details as an id that does not exist.
            const missing = await call(r, s.headers, FAKE_ID);
            const same = res.statusCode === missing.statusCode && res.body === missing.body;
            if (!same || codeOf(res) !== notFound)
              wrong.push(
                `${where}: ${res.statusCode} ${res.body} — a missing id gets ${missing.statusCode} ${missing.body}`,
              );
          } else if (codeOf(res) === notFound) wrong.push(`${where}: ${notFound}, but the row is in scope`);
          checked += 1;
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  }, 300_000);

  it('should let every role log out, and refuse the ended session afterwards', async () => {
    for (const role of ROLES) {
      const s = await loginFx(app, `m.${role}.own`);
      const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
      expect({ role, status: out.statusCode }).toEqual({ role, status: 204 });
      const after = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: s.headers });
      expect({ role, status: after.statusCode }).toEqual({ role, status: 401 });
    }
  });
});

describe('portal IDOR attempts (R-SEC-1, R-INT-2)', () => {
  let ip = 0;
  /** Each look-up from an address of its own, unless given: the per-address limit is tested on its own. */
  // The per-number limit is 10 look-ups an hour, answers and uploads included: the tests below use exactly 10 on the
  // complaint's number (a further one would be 429), and a fresh complaint for the limit itself.
  /** Look-ups made per number (as the server counts them: upper case), for the per-number limit. */
  const lookups = new Map<string, number>();
  const track = (
    query: Record<string, string>,
    remoteAddress = `10.1.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`,
  ) => {
    const n = query.number?.trim().toUpperCase();
    if (n) lookups.set(n, (lookups.get(n) ?? 0) + 1);
    return app.inject({
      method: 'GET',
      url: `/api/v1/portal/complaints/track?${new URLSearchParams(query).toString()}`,
      remoteAddress,
    });
  };
  const NOT_FOUND_BODY = () =>
    track({ number: 'KS-2026-999999', phoneLast4: '0000' }).then((r) => {
      expect(r.statusCode).toBe(404);
      expect(codeOf(r)).toBe('PORTAL_COMPLAINT_NOT_FOUND');
      return r.body;
    });

  it('should open the complaint with its number and the right last 4 digits, and with its token', async () => {
    expect((await track({ number: complaint.number, phoneLast4: '5678' })).statusCode).toBe(200);
    expect((await track({ token: complaint.trackingToken })).statusCode).toBe(200);
  });

  it('should answer a real number with wrong digits exactly as a number that does not exist', async () => {
    const missing = await NOT_FOUND_BODY();
    for (const phoneLast4 of ['0000', '5679', '1234', '8765']) {
      const res = await track({ number: complaint.number, phoneLast4 });
      expect({ phoneLast4, status: res.statusCode, body: res.body }).toEqual({
        phoneLast4,
        status: 404,
        body: missing,
      });
    }
    // Lower case and surrounding variants of a real number are the same number: still refused without the digits.
    const res = await track({ number: complaint.number.toLowerCase(), phoneLast4: '0001' });
    expect(res.body).toBe(missing);
  });

  it('should answer guessed and forged tokens exactly as a number that does not exist', async () => {
    const missing = await NOT_FOUND_BODY();
    const t = complaint.trackingToken;
    const flip = (c: string) => (c === 'a' ? 'b' : 'a');
    const forged = [
      'a'.repeat(16),
      '0'.repeat(64),
      `${t.slice(0, -1)}${flip(t.slice(-1))}`,
      `${flip(t[0]!)}${t.slice(1)}`,
      `${t}x`,
      t.toUpperCase() === t ? t.toLowerCase() : t.toUpperCase(),
      t.slice(0, 16),
      complaint.number.padEnd(16, '0'),
      complaint.id,
    ].filter((x) => x !== t && x.length >= 16 && x.length <= 100);
    for (const token of forged) {
      const res = await track({ token });
      expect({ token, status: res.statusCode, body: res.body }).toEqual({
        token,
        status: 404,
        body: missing,
      });
    }
  });

  it('should give the same answer to every number of a sequential enumeration, whether it exists or not', async () => {
    const missing = await NOT_FOUND_BODY();
    const seq = Number(complaint.number.slice(-6));
    const year = complaint.number.slice(3, 7);
    const answers = new Set<string>();
    for (let n = Math.max(1, seq - 5); n <= seq + 5; n++) {
      const res = await track({ number: `KS-${year}-${String(n).padStart(6, '0')}`, phoneLast4: '0000' });
      expect(res.statusCode).toBe(404);
      answers.add(res.body);
    }
    expect([...answers]).toEqual([missing]);
  });

  it('should refuse answering, rating and uploading with a wrong key exactly as with a missing complaint', async () => {
    const post = (url: string, payload: Record<string, unknown>, n: number) =>
      app.inject({ method: 'POST', url, payload, remoteAddress: `10.2.0.${n}` });
    const wrong = { number: complaint.number, phoneLast4: '0000' };
    const none = { number: 'KS-2026-999998', phoneLast4: '0000' };
    const forms = [
      ['/api/v1/portal/complaints/answer', { decision: 'accept' }],
      ['/api/v1/portal/complaints/rating', { satisfied: true, csat: 5 }],
    ] as const;
    let n = 0;
    for (const [url, body] of forms) {
      const a = await post(url, { ...wrong, ...body }, ++n);
      const b = await post(url, { ...none, ...body }, ++n);
      const c = await post(url, { token: 'f'.repeat(32), ...body }, ++n);
      expect({ url, status: a.statusCode, code: codeOf(a) }).toEqual({
        url,
        status: 404,
        code: 'PORTAL_COMPLAINT_NOT_FOUND',
      });
      expect([b.body, c.body]).toEqual([a.body, a.body]);
    }
    const boundary = 'accessmatrix';
    const upload = (key: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/portal/complaints/evidence',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload:
          Object.entries(key)
            .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
            .join('') +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nxx\r\n--${boundary}--\r\n`,
        remoteAddress: `10.2.0.${++n}`,
      });
    const a = await upload(wrong);
    const b = await upload(none);
    expect({ status: a.statusCode, code: codeOf(a) }).toEqual({
      status: 404,
      code: 'PORTAL_COMPLAINT_NOT_FOUND',
    });
    expect(b.body).toBe(a.body);
  });

  it('should rate-limit look-ups per address and per number, the same for existing and missing numbers', async () => {
    // Per address: 30 a minute, then 429 RATE_LIMITED with Retry-After.
    const address = '10.3.0.1';
    let last: LightMyRequestResponse | undefined;
    for (let i = 0; i < 31; i++)
      last = await track(
        { number: `KS-2026-${String(900000 + i).padStart(6, '0')}`, phoneLast4: '0000' },
        address,
      );
    expect({ status: last!.statusCode, code: codeOf(last!) }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    // Per number: 10 an hour from any addresses, then refused — also for the right digits, and also for a number
    // that does not exist (the limit does not tell which numbers exist). A complaint created now:
    const fresh = await app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: sessionOf('agent').headers,
      payload: hotlineComplaint({ customer: { name: '李女士', phone: '13900005678', type: 'consumer' } }),
    });
    const number = (fresh.json() as { complaint: { number: string } }).complaint.number;
    for (const n of [number, 'KS-2026-999990']) {
      const left = 10 - (lookups.get(n) ?? 0); // earlier tests may have looked this number up already
      expect(left).toBeGreaterThan(0);
      const statuses: number[] = [];
      for (let i = 0; i <= left; i++)
        statuses.push((await track({ number: n, phoneLast4: '0000' })).statusCode);
      expect({ n, statuses }).toEqual({ n, statuses: [...Array(left).fill(404), 429] });
    }
    expect((await track({ number, phoneLast4: '5678' })).statusCode).toBe(429);
  });
});

describe('personal data masking per role (R-SEC-1, 个人信息保护法)', () => {
  const reveals = (role: Role) => HOLDERS['pii.reveal'].includes(role);
  const get = (role: Role, url: string) =>
    app.inject({ method: 'GET', url, headers: sessionOf(role).headers });

  it('should mask phone and address in the complaint view for roles without pii.reveal', async () => {
    for (const role of HOLDERS['complaint.read']) {
      const res = await get(role, `/api/v1/complaints/${complaint.id}`);
      const c = (res.json() as { customer: { phone: string; address: string } }).customer;
      expect({ role, phone: c.phone, address: c.address }).toEqual(
        reveals(role)
          ? { role, phone: '13812345678', address: '浙江省杭州市西湖区文三路 100 号' }
          : { role, phone: '138****5678', address: expect.stringMatching(/^浙江省杭州市\*+$/) },
      );
    }
  });

  it('should mask the phone in work-queue rows for roles without pii.reveal', async () => {
    for (const role of HOLDERS['complaint.read']) {
      const res = await get(role, '/api/v1/complaints?limit=200');
      const row = (res.json() as { items: { id: string; customerPhone: string }[] }).items.find(
        (i) => i.id === complaint.id,
      );
      expect({ role, phone: row?.customerPhone }).toEqual({
        role,
        phone: reveals(role) ? '13812345678' : '138****5678',
      });
    }
  });

  it('should mask phone and address in the customer archive and record for roles without pii.reveal', async () => {
    for (const role of HOLDERS['customer.archive']) {
      const res = await get(role, `/api/v1/customers/${complaint.customerId}/archive`);
      const c = (res.json() as { customer: { phone: string; address: string } }).customer;
      expect({ role, phone: c.phone, masked: c.address !== '浙江省杭州市西湖区文三路 100 号' }).toEqual({
        role,
        phone: reveals(role) ? '13812345678' : '138****5678',
        masked: !reveals(role),
      });
    }
    for (const role of HOLDERS['customer.read']) {
      const c = (await get(role, `/api/v1/customers/${complaint.customerId}`)).json() as { phone: string };
      expect({ role, phone: c.phone }).toEqual({
        role,
        phone: reveals(role) ? '13812345678' : '138****5678',
      });
    }
  });
});
