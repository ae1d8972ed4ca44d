import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import { createUserFx, loginFx, TEST_PASSWORD } from '../../../test/factories/identity.factory';
import { createUser } from '../../app/users/create-user';
import { systemContext } from '../../app/context';
import { updateUser } from '../../app/users/update-user';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  await createUserFx(deps, 'li.na', ['agent']);
  await createUserFx(deps, 'lock.me', ['agent']);
  await createUserFx(deps, 'admin1', ['admin']);
});
afterAll(async () => close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });

describe('login and sessions (R-SEC-1)', () => {
  it('should set an httpOnly SameSite cookie and return the CSRF token when the password is right', async () => {
    const res = await login('li.na', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'cl_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(res.json()).toMatchObject({
      user: { username: 'li.na', roles: ['agent'] },
      csrfToken: expect.any(String),
    });
    const session = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: `cl_session=${cookie?.value}` },
    });
    expect(session.json().user.username).toBe('li.na');
  });

  it('should answer the same 401 for a wrong password and an unknown user', async () => {
    const wrong = await login('li.na', 'not-the-password-1');
    const unknown = await login('nobody.here', 'not-the-password-1');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('should answer an unknown username like a known one, lockout included, so usernames cannot be probed', async () => {
    const probe = async (username: string) => {
      const answers: unknown[] = [];
      for (let i = 0; i < 6; i += 1) {
        const res = await login(username, 'guess-guess-1');
        answers.push([res.statusCode, res.json()]);
      }
      return answers;
    };
    await createUserFx(deps, 'probe.known', ['agent']);
    const disabled = await createUserFx(deps, 'probe.disabled', ['agent']);
    await updateUser(deps, systemContext('t'), disabled.id, {
      expectedVersion: disabled.version,
      status: 'disabled',
    });
    const known = await probe('probe.known');
    expect(known.map((a) => (a as [number])[0])).toEqual([401, 401, 401, 401, 423, 423]);
    expect(await probe('probe.unknown')).toEqual(known);
    expect(await probe('probe.disabled')).toEqual(known);
  });

  it('should lock the account after 5 wrong passwords, refuse the right one, and open again after 15 minutes', async () => {
    for (let i = 0; i < 4; i += 1) expect((await login('lock.me', 'wrong-password-1')).statusCode).toBe(401);
    const fifth = await login('lock.me', 'wrong-password-1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      details: { lockedUntil: expect.any(String) },
    });
    expect((await login('lock.me', TEST_PASSWORD)).json().error.code).toBe('ACCOUNT_LOCKED');
    deps.clock.advance(15 * 60_000);
    expect((await login('lock.me', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('should end an idle session after SESSION_IDLE_MINUTES and keep an active one alive', async () => {
    const s = await loginFx(app, 'li.na');
    const get = () =>
      app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: s.cookie } });
    deps.clock.advance(100 * 60_000);
    expect((await get()).statusCode).toBe(200);
    deps.clock.advance(100 * 60_000);
    expect((await get()).statusCode).toBe(200);
    deps.clock.advance(121 * 60_000);
    const expired = await get();
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error).toMatchObject({
      code: 'SESSION_EXPIRED',
      details: { reason: 'idle_expired' },
    });
  });

  it('should end a session after SESSION_ABSOLUTE_HOURS however active it is', async () => {
    const s = await loginFx(app, 'li.na');
    for (let i = 0; i < 13; i += 1) {
      deps.clock.advance(60 * 60_000);
      const res = await app.inject({
        method: 'GET',
        url: '/api/v1/auth/session',
        headers: { cookie: s.cookie },
      });
      if (i < 11) expect(res.statusCode).toBe(200);
      else
        expect(res.json().error).toMatchObject({ code: 'SESSION_EXPIRED', details: { reason: 'expired' } });
    }
  });

  it('should make the cookie worthless after logout', async () => {
    const s = await loginFx(app, 'li.na');
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers })).statusCode,
    ).toBe(204);
    const after = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: s.cookie },
    });
    expect(after.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('should mark the cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    const t = await createTestApp({ TRUST_PROXY: '1' });
    await createUserFx(t.deps, 'https.user', ['agent']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'https.user', password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.cookies.find((c) => c.name === 'cl_session')?.secure).toBe(true);
    await t.close();
  });
});

describe('CSRF protection for cookie-authenticated writes', () => {
  const body = { name: '对接 ERP', scopes: ['department.read'] };

  it('should refuse a write without the CSRF header', async () => {
    const s = await loginFx(app, 'li.na');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: { cookie: s.cookie },
      payload: body,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_REJECTED');
  });

  it('should refuse a write with another session’s CSRF token or from a foreign origin', async () => {
    const s = await loginFx(app, 'li.na');
    const other = await loginFx(app, 'admin1');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: { cookie: s.cookie, 'x-csrf-token': other.csrf },
      payload: body,
    });
    expect(wrong.json().error.code).toBe('CSRF_REJECTED');
    const foreign = await app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: { ...s.headers, origin: 'https://evil.example' },
      payload: body,
    });
    expect(foreign.json().error.code).toBe('CSRF_REJECTED');
  });

  it('should accept the write with the session’s CSRF token', async () => {
    const s = await loginFx(app, 'li.na');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: { ...s.headers, origin: 'http://localhost:80' },
      payload: body,
    });
    expect(res.statusCode).toBe(201);
  });

  it('should refuse a login posted from a foreign origin (login CSRF)', async () => {
    const res = await login('li.na', TEST_PASSWORD, { origin: 'https://evil.example' });
    expect(res.json().error.code).toBe('CSRF_REJECTED');
  });
});

describe('passwords', () => {
  it('should allow only the session, logout and password change until an initial password is changed', async () => {
    const { initialPassword } = await createUser(deps, systemContext('t'), {
      username: 'new.hire',
      displayName: '新同事',
      roles: ['agent'],
      departmentIds: [],
    });
    const s = await loginFx(app, 'new.hire', initialPassword ?? '');
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: s.headers })).json().user
        .mustChangePassword,
    ).toBe(true);
    const blocked = await app.inject({ method: 'GET', url: '/api/v1/departments', headers: s.headers });
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: s.headers,
      payload: { currentPassword: initialPassword, newPassword: 'new.hire2026' },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.details.violations).toContain('contains_username');
    const changed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: s.headers,
      payload: { currentPassword: initialPassword, newPassword: 'Strong-Pass-2026' },
    });
    expect(changed.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/departments', headers: s.headers })).statusCode,
    ).toBe(200);
  });

  it('should refuse a change with a wrong current password and end other sessions on a change', async () => {
    await createUserFx(deps, 'two.sessions', ['agent']);
    const a = await loginFx(app, 'two.sessions');
    const b = await loginFx(app, 'two.sessions');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: a.headers,
      payload: { currentPassword: 'nope-nope-1', newPassword: 'Another-Pass-2026' },
    });
    expect(wrong.json().error.code).toBe('CURRENT_PASSWORD_WRONG');
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: a.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Another-Pass-2026' },
    });
    expect(ok.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: a.headers })).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: b.headers })).statusCode,
    ).toBe(401);
  });
});

describe('login rate limit', () => {
  it('should answer 429 with Retry-After when one address tries too often in a minute', async () => {
    const t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'x.y.z', password: 'whatever-123' },
      });
    for (let i = 0; i < 3; i += 1) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    t.deps.clock.advance(61_000);
    expect((await attempt()).statusCode).toBe(401);
    await t.close();
  });
});
