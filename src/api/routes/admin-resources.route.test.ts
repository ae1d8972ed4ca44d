import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import { createUserFx, loginFx, TEST_PASSWORD, type Session } from '../../../test/factories/identity.factory';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let admin: Session;

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  await createUserFx(deps, 'the.admin', ['admin']);
  admin = await loginFx(app, 'the.admin');
});
afterAll(async () => close());

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) => app.inject({ method, url, headers: { ...admin.headers, ...headers }, payload: payload as never });

describe('users', () => {
  it('should generate an initial password once and force its change when none is given', async () => {
    const res = await call('POST', '/api/v1/users', {
      username: 'gen.pass',
      displayName: '自动密码',
      roles: ['finance'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      user: { mustChangePassword: true },
      initialPassword: expect.stringMatching(/^.{16}$/),
    });
    expect(
      (await call('POST', '/api/v1/users', { username: 'GEN.pass', displayName: '重名', roles: [] })).json()
        .error.code,
    ).toBe('USERNAME_TAKEN');
  });

  it('should force a change of an admin-set password unless the admin waives it', async () => {
    const body = { displayName: '设置密码', roles: ['agent'], password: 'Set-By-Admin-2026' };
    const forced = (await call('POST', '/api/v1/users', { ...body, username: 'set.forced' })).json();
    const waived = (
      await call('POST', '/api/v1/users', { ...body, username: 'set.waived', mustChangePassword: false })
    ).json();
    expect([forced.user.mustChangePassword, waived.user.mustChangePassword]).toEqual([true, false]);
    const s = await loginFx(app, 'set.forced', 'Set-By-Admin-2026');
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/departments', headers: s.headers })).json().error.code,
    ).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('should refuse to disable or demote the last active administrator', async () => {
    const me = (await call('GET', '/api/v1/auth/session')).json().user;
    const current = (await call('GET', `/api/v1/users/${me.id}`)).json();
    const demote = await call('PATCH', `/api/v1/users/${me.id}`, {
      version: current.version,
      roles: ['agent'],
    });
    expect(demote.json().error.code).toBe('LAST_ADMIN');
    const disable = await call('PATCH', `/api/v1/users/${me.id}`, {
      version: current.version,
      status: 'disabled',
    });
    expect(disable.json().error.code).toBe('LAST_ADMIN');
  });

  it('should end a user’s sessions when an admin disables the account', async () => {
    const u = await createUserFx(deps, 'to.disable', ['agent']);
    const s = await loginFx(app, 'to.disable');
    expect(
      (
        await call('PATCH', `/api/v1/users/${u.id}`, {
          version: u.version,
          status: 'disabled',
          reason: '离职',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: s.headers })).statusCode,
    ).toBe(401);
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'to.disable', password: TEST_PASSWORD },
    });
    expect(again.json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('should reset a password (shown once) and unlock a locked user', async () => {
    const u = await createUserFx(deps, 'forgot.pw', ['agent']);
    for (let i = 0; i < 5; i += 1)
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'forgot.pw', password: 'wrong-wrong-1' },
      });
    expect((await call('GET', `/api/v1/users/${u.id}`)).json().lockedUntil).not.toBeNull();
    const unlocked = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${u.id}/unlock`,
      headers: { ...admin.headers, 'content-type': 'application/json' },
    });
    expect(unlocked.json().lockedUntil).toBeNull();
    const reset = await call('POST', `/api/v1/users/${u.id}/reset-password`, { reason: '用户来电' });
    const temp = reset.json().temporaryPassword as string;
    const s = await loginFx(app, 'forgot.pw', temp);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: s.headers })).json().user
        .mustChangePassword,
    ).toBe(true);
    const history = (await call('GET', `/api/v1/audit?entityType=user&entityId=${u.id}`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(history).toEqual(
      expect.arrayContaining([
        'user.created',
        'user.login_failed',
        'user.locked',
        'user.unlocked',
        'user.password_reset',
        'user.logged_in',
      ]),
    );
  });

  it('should show a user’s departments, primary first', async () => {
    const a = (await call('POST', '/api/v1/departments', { code: 'U-A', name: '甲部门' })).json();
    const b = (await call('POST', '/api/v1/departments', { code: 'U-B', name: '乙部门' })).json();
    const created = await call('POST', '/api/v1/users', {
      username: 'two.depts',
      displayName: '双部门',
      roles: ['agent'],
      departmentIds: [b.id, a.id],
    });
    const got = (await call('GET', `/api/v1/users/${created.json().user.id}`)).json();
    expect(got.departments).toEqual([
      { id: b.id, code: 'U-B', name: '乙部门', isPrimary: true },
      { id: a.id, code: 'U-A', name: '甲部门', isPrimary: false },
    ]);
  });

  it('should record before and after of an edit in the entity history (R-SEC-2)', async () => {
    const d1 = (await call('POST', '/api/v1/departments', { code: 'E-1', name: '一部' })).json();
    const d2 = (await call('POST', '/api/v1/departments', { code: 'E-2', name: '二部' })).json();
    const u = (
      await call('POST', '/api/v1/users', {
        username: 'edit.me',
        displayName: '用户 edit.me',
        roles: ['agent'],
        departmentIds: [d1.id],
      })
    ).json().user;
    await call('PATCH', `/api/v1/users/${u.id}`, {
      version: u.version,
      displayName: '新名字',
      roles: ['agent', 'engineer'],
      departmentIds: [d2.id],
      reason: '岗位调整',
    });
    const items = (await call('GET', `/api/v1/audit?entityType=user&entityId=${u.id}&limit=1`)).json();
    expect(items.nextCursor).not.toBeNull();
    const second = (
      await call('GET', `/api/v1/audit?entityType=user&entityId=${u.id}&cursor=${items.nextCursor}`)
    ).json().items[0];
    expect(second).toMatchObject({
      action: 'user.updated',
      before: { displayName: '用户 edit.me', roles: ['agent'], departmentIds: [d1.id] },
      after: { displayName: '新名字', roles: ['agent', 'engineer'], departmentIds: [d2.id] },
      reason: '岗位调整',
    });
  });
});

describe('departments', () => {
  it('should build a tree, refuse cycles, and refuse to delete a department that is not empty', async () => {
    const root = (await call('POST', '/api/v1/departments', { code: 'T-HQ', name: '总公司' })).json();
    const child = (
      await call('POST', '/api/v1/departments', { code: 'T-CS', name: '客服部', parentId: root.id })
    ).json();
    expect(child).toMatchObject({ depth: 1, parentId: root.id });
    const cycle = await call('PATCH', `/api/v1/departments/${root.id}`, {
      version: root.version,
      parentId: child.id,
    });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().error.code).toBe('DEPARTMENT_CYCLE');
    expect((await call('DELETE', `/api/v1/departments/${root.id}`)).json().error.code).toBe(
      'DEPARTMENT_NOT_EMPTY',
    );
    expect(
      (await call('POST', '/api/v1/departments', { code: 'T-CS', name: '重复' })).json().error.code,
    ).toBe('DEPARTMENT_CODE_TAKEN');
    expect((await call('DELETE', `/api/v1/departments/${child.id}`)).statusCode).toBe(204);
  });

  it('should import a chart whose parents come later in the list, and report every bad line without importing any', async () => {
    const ok = await call('POST', '/api/v1/departments/bulk', {
      rows: [
        { code: 'B-EAST', name: '华东大区', parentCode: 'B-SALES' },
        { code: 'B-SALES', name: '销售中心', parentCode: 'B-HQ' },
        { code: 'B-HQ', name: '集团', nameEn: 'Group' },
      ],
    });
    expect(ok.json()).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const again = await call('POST', '/api/v1/departments/bulk', {
      rows: [
        { code: 'B-HQ', name: '集团总部', nameEn: 'Group' },
        { code: 'B-SALES', name: '销售中心', parentCode: 'B-HQ' },
      ],
    });
    expect(again.json()).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const before = (await call('GET', '/api/v1/departments')).json().items.length;
    const bad = await call('POST', '/api/v1/departments/bulk', {
      rows: [
        { code: 'C-1', name: '一', parentCode: 'C-2' },
        { code: 'C-2', name: '二', parentCode: 'C-1' },
        { code: 'C-3', name: '三', parentCode: 'NOPE' },
        { code: 'C-3', name: '三又一次' },
      ],
    });
    expect(bad.statusCode).toBe(422);
    const problems = bad.json().error.details.rows as { line: number; problem: string }[];
    expect(problems.map((p) => p.line).sort()).toEqual(expect.arrayContaining([1, 4]));
    expect(problems.some((p) => p.problem.startsWith('cycle'))).toBe(true);
    expect((await call('GET', '/api/v1/departments')).json().items.length).toBe(before);
  });
});

describe('audit verification endpoint', () => {
  it('should report an intact trail to supervisors and refuse agents', async () => {
    const r = (await call('GET', '/api/v1/audit/verification')).json();
    expect(r).toMatchObject({ ok: true, breaks: [], anchorProblems: [] });
    expect(r.heads.length).toBeGreaterThan(0);
    expect(r.heads[0]).toMatchObject({
      chain: expect.any(Number),
      chainSeq: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(r.rowsChecked).toBeGreaterThan(5);
    await createUserFx(deps, 'plain.agent', ['agent']);
    const agent = await loginFx(app, 'plain.agent');
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/audit/verification', headers: agent.headers }))
        .statusCode,
    ).toBe(403);
  });
});
