import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import { createUserFx, loginFx, type Session } from '../../../test/factories/identity.factory';
import { rowsOf } from '../../db/client';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let admin: Session;

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({
    BODY_LIMIT_BYTES: '4096',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  }));
  await createUserFx(deps, 'root.admin', ['admin']);
  admin = await loginFx(app, 'root.admin');
});
afterAll(async () => close());

const counts = async () => {
  const [r] = await rowsOf<{ users: number; audit: number; outbox: number }>(
    deps.db.reader(),
    sql`select (select count(*) from users)::int as users, (select count(*) from audit_log)::int as audit, (select count(*) from outbox_events)::int as outbox`,
  );
  return r;
};

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, headers: { ...admin.headers, ...headers }, payload: payload as never });

const validUser = (username: string) => ({
  username,
  displayName: '张三',
  roles: ['agent'],
  password: 'Complaint-Loop-1',
});

describe('bad input gets a clear 4xx and writes nothing', () => {
  const cases: [string, () => ReturnType<typeof post>, number, string][] = [
    [
      'malformed JSON',
      () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/users',
          headers: { ...admin.headers, 'content-type': 'application/json' },
          payload: '{"username": "a",',
        }),
      400,
      'MALFORMED_JSON',
    ],
    [
      'empty JSON body where one is required',
      () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/users',
          headers: { ...admin.headers, 'content-type': 'application/json' },
          payload: '',
        }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'wrong types',
      () => post('/api/v1/users', { ...validUser('typed.user'), roles: 'agent', displayName: 42 }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'unknown field',
      () => post('/api/v1/users', { ...validUser('extra.user'), isAdmin: true }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'unknown role',
      () => post('/api/v1/users', { ...validUser('role.user'), roles: ['root'] }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'over-long string',
      () => post('/api/v1/users', { ...validUser('long.user'), displayName: '长'.repeat(65) }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'control characters',
      () => post('/api/v1/users', { ...validUser('ctl.user'), displayName: 'a\u0000b' }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'unpaired surrogate',
      () => post('/api/v1/users', { ...validUser('sur.user'), displayName: 'a\ud800b' }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'oversize body',
      () => post('/api/v1/users', { ...validUser('big.user'), displayName: 'x'.repeat(10_000) }),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'wrong content type',
      () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/users',
          headers: { ...admin.headers, 'content-type': 'text/xml' },
          payload: '<user/>',
        }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'prototype pollution',
      () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/users',
          headers: { ...admin.headers, 'content-type': 'application/json' },
          payload: '{"__proto__":{"isAdmin":true},"username":"p.user"}',
        }),
      400,
      'MALFORMED_JSON',
    ],
    [
      'bad id in the path',
      () => app.inject({ method: 'GET', url: '/api/v1/users/not-a-uuid', headers: admin.headers }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'bad query parameter',
      () => app.inject({ method: 'GET', url: '/api/v1/users?limit=100000', headers: admin.headers }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'unknown route',
      () => app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: admin.headers }),
      404,
      'ROUTE_NOT_FOUND',
    ],
  ];

  it.each(cases)('should answer %s with the right 4xx and code', async (_name, send, status, code) => {
    const before = await counts();
    const res = await send();
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({
      error: { code, message: expect.any(String), details: expect.any(Object) },
    });
    expect(await counts()).toEqual(before);
  });

  it('should keep the field path of each validation issue', async () => {
    const res = await post('/api/v1/users', { ...validUser('path.user'), departmentIds: ['nope'] });
    expect(res.json().error.details).toMatchObject({
      in: 'body',
      issues: [{ path: ['departmentIds', '0'], code: expect.any(String) }],
    });
  });

  it('should store SQL and HTML injection strings verbatim and return them as JSON data', async () => {
    const nasty = `Robert'); DROP TABLE users;-- <script>alert("x")</script> 😀 ‮ 𠀀`;
    const res = await post('/api/v1/users', { ...validUser('bobby.tables'), displayName: nasty });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const got = await app.inject({
      method: 'GET',
      url: `/api/v1/users/${res.json().user.id}`,
      headers: admin.headers,
    });
    expect(got.json().displayName).toBe(nasty);
    expect((await counts())?.users).toBeGreaterThan(1);
  });

  it('should hide internals and leave nothing behind when a use-case fails midway', async () => {
    const before = await counts();
    const res = await post('/api/v1/users', {
      ...validUser('dept.missing'),
      departmentIds: ['01a20000-0000-7000-8000-00000000abcd'],
    });
    expect(res.json().error.code).toBe('DEPARTMENT_NOT_FOUND');
    expect(await counts()).toEqual(before);
  });
});

describe('API conventions', () => {
  it('should localise error messages by Accept-Language, Chinese by default', async () => {
    const zh = await app.inject({ method: 'GET', url: '/api/v1/users' });
    const en = await app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { 'accept-language': 'en-US,en;q=0.9,zh;q=0.5' },
    });
    expect(zh.json().error.message).toBe('请先登录。');
    expect(en.json().error.message).toBe('Please sign in.');
  });

  it('should echo a sane X-Request-Id and record it in the audit row of the change', async () => {
    const res = await post('/api/v1/users', validUser('req.id.user'), { 'x-request-id': 'trace-abc-123' });
    expect(res.headers['x-request-id']).toBe('trace-abc-123');
    const history = await app.inject({
      method: 'GET',
      url: `/api/v1/audit?entityType=user&entityId=${res.json().user.id}`,
      headers: admin.headers,
    });
    expect(history.json().items[0]).toMatchObject({
      action: 'user.created',
      requestId: 'trace-abc-123',
      actor: { type: 'user', name: '用户 root.admin' },
    });
    const bad = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should replay the first answer when a POST is retried with the same Idempotency-Key', async () => {
    const before = await counts();
    const key = { 'idempotency-key': 'create-user-0001' };
    const first = await post('/api/v1/users', validUser('idem.user'), key);
    const again = await post('/api/v1/users', validUser('idem.user'), key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.json()).toEqual(first.json());
    expect((await counts())?.users).toBe((before?.users ?? 0) + 1);
    const reused = await post('/api/v1/users', validUser('other.user'), key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(
      (await post('/api/v1/users', validUser('k.user'), { 'idempotency-key': 'bad key' })).json().error.code,
    ).toBe('IDEMPOTENCY_KEY_INVALID');
  });

  it('should act once when the same Idempotency-Key arrives twice at the same time', async () => {
    const key = { 'idempotency-key': 'concurrent-0001' };
    const [a, b] = await Promise.all([
      post('/api/v1/users', validUser('race.user'), key),
      post('/api/v1/users', validUser('race.user'), key),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().user.id).toBe(b.json().user.id);
  });

  it('should run a request again after its key expires (24 h)', async () => {
    const key = { 'idempotency-key': 'expiring-0001' };
    await post('/api/v1/users', validUser('exp.user'), key);
    deps.clock.advance(25 * 3_600_000);
    admin = await loginFx(app, 'root.admin');
    const again = await post('/api/v1/users', validUser('exp.user'), key);
    expect(again.json().error.code).toBe('USERNAME_TAKEN');
  });

  it('should answer 409 to a stale If-Match and 428 to an update without a version', async () => {
    const created = (await post('/api/v1/users', validUser('ver.user'))).json().user;
    const url = `/api/v1/users/${created.id}`;
    const ok = await app.inject({
      method: 'PATCH',
      url,
      headers: { ...admin.headers, 'if-match': '"1"' },
      payload: { displayName: '李四' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    const stale = await app.inject({
      method: 'PATCH',
      url,
      headers: { ...admin.headers, 'if-match': '"1"' },
      payload: { displayName: '王五' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    const missing = await app.inject({
      method: 'PATCH',
      url,
      headers: admin.headers,
      payload: { displayName: '王五' },
    });
    expect(missing.statusCode).toBe(428);
    const viaBody = await app.inject({
      method: 'PATCH',
      url,
      headers: admin.headers,
      payload: { displayName: '王五', version: 2 },
    });
    expect(viaBody.json().displayName).toBe('王五');
  });

  it('should let exactly one of two concurrent updates of the same version win', async () => {
    const created = (await post('/api/v1/users', validUser('race.ver'))).json().user;
    const patch = (name: string) =>
      app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${created.id}`,
        headers: { ...admin.headers, 'if-match': '"1"' },
        payload: { displayName: name },
      });
    const results = await Promise.all([patch('甲'), patch('乙')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('should page through a list with cursors without repeating or skipping rows', async () => {
    for (let i = 0; i < 7; i += 1) await post('/api/v1/users', validUser(`page.${i}`));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/users?q=page.&limit=3&sort=-username${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await app.inject({ method: 'GET', url, headers: admin.headers })).json() as {
        items: { username: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.items.map((u) => u.username));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['page.6', 'page.5', 'page.4', 'page.3', 'page.2', 'page.1', 'page.0']);
    const bad = await app.inject({
      method: 'GET',
      url: '/api/v1/users?cursor=garbage',
      headers: admin.headers,
    });
    expect(bad.json().error.code).toBe('INVALID_CURSOR');
    const otherSort = await app.inject({
      method: 'GET',
      url: `/api/v1/users?limit=1&sort=username`,
      headers: admin.headers,
    });
    const mismatch = await app.inject({
      method: 'GET',
      url: `/api/v1/users?sort=-createdAt&cursor=${otherSort.json().nextCursor}`,
      headers: admin.headers,
    });
    expect(mismatch.json().error.code).toBe('INVALID_CURSOR');
  });

  it('should serve an OpenAPI 3.1 document listing the routes and the error schema', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/users/{id}', '/api/v1/audit']),
    );
    expect(doc.components.schemas.Error).toBeDefined();
    expect((await app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('should report liveness, readiness and Prometheus metrics', async () => {
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
    expect(health.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' });
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({
      ready: true,
      database: 'ok',
    });
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('closeloop_http_request_duration_seconds');
    expect(metrics.body).toContain('closeloop_backlog');
  });

  it('should record last use of an API token and refuse it once revoked', async () => {
    const created = await post('/api/v1/api-tokens', { name: '呼叫中心', scopes: ['user.read'] });
    const { token, secret } = created.json();
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer })).statusCode).toBe(200);
    const listed = (await app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: admin.headers }))
      .json()
      .items.find((t: { id: string }) => t.id === token.id);
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect((await post(`/api/v1/api-tokens/${token.id}/revoke`, {})).json().revokedAt).not.toBeNull();
    expect((await app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer })).statusCode).toBe(401);
  });

  it('should not require a CSRF header for writes made with an API token', async () => {
    const { secret } = (
      await post('/api/v1/api-tokens', { name: 'HR 同步', scopes: ['user.manage', 'user.read'] })
    ).json();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { authorization: `Bearer ${secret}` },
      payload: validUser('from.hr'),
    });
    expect(res.statusCode).toBe(201);
  });
});
