import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import {
  createDepartmentFx,
  createUserFx,
  loginFx,
  type Session,
} from '../../../test/factories/identity.factory';
import { updateDepartment } from '../../app/departments/update-department';
import { systemContext } from '../../app/context';
import type { RouteEntry } from '../build-app';
import { ROLE_GRANTS } from '../../domain/identity/role-grants';
import { ROLES, type Role } from '../../domain/identity/roles';
import type { Department } from '../../domain/departments/department';
import type { User } from '../../domain/identity/user';

let deps: TestDeps;
let app: FastifyInstance;
let routes: readonly RouteEntry[];
let close: () => Promise<void>;
const sessions = new Map<Role, Session>();
let dept: Record<'HQ' | 'CS' | 'EAST' | 'QA', Department>;
let target: Record<'east' | 'cs' | 'qa', User>;

const FAKE_ID = '01a20000-0000-7000-8000-000000000001';
const urlOf = (r: RouteEntry) => r.url.replace(':id', r.url.includes('/jobs/') ? '1' : FAKE_ID);

beforeAll(async () => {
  ({ deps, app, routes, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  const HQ = await createDepartmentFx(deps, 'HQ');
  const CS = await createDepartmentFx(deps, 'CS', HQ);
  const EAST = await createDepartmentFx(deps, 'CS-EAST', CS);
  const QA = await createDepartmentFx(deps, 'QA', HQ);
  dept = { HQ, CS, EAST, QA };
  for (const role of ROLES) {
    await createUserFx(deps, `m.${role}`, [role], [EAST]);
    sessions.set(role, await loginFx(app, `m.${role}`));
  }
  target = {
    east: await createUserFx(deps, 't.east', ['agent'], [EAST], { phone: '13812345678' }),
    cs: await createUserFx(deps, 't.cs', ['agent'], [CS]),
    qa: await createUserFx(deps, 't.qa', ['engineer'], [QA]),
  };
});
afterAll(async () => close());

describe('route × role matrix (R-SEC-1)', () => {
  it('should enumerate a permission or public flag on every API route', () => {
    const api = routes.filter((r) => r.url.startsWith('/api/v1/'));
    expect(api.length).toBeGreaterThan(20);
    const unguarded = api.filter(
      (r) => r.auth !== 'public' && !r.permission && !r.url.startsWith('/api/v1/auth/'),
    );
    expect(unguarded).toEqual([]);
  });

  it('should refuse every non-public route to an anonymous caller with 401', async () => {
    for (const r of routes.filter((x) => x.auth !== 'public' && x.url.startsWith('/api/'))) {
      const res = await app.inject({
        method: r.method as 'GET',
        url: urlOf(r),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode }).toEqual({
        route: `${r.method} ${r.url}`,
        status: 401,
      });
    }
  });

  it('should allow or forbid each route for each role exactly as the permission map says', async () => {
    const checked: string[] = [];
    for (const r of routes.filter((x) => x.permission)) {
      for (const role of ROLES) {
        const s = sessions.get(role)!;
        const res = await app.inject({
          method: r.method as 'GET',
          url: urlOf(r),
          headers: s.headers,
          payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        });
        const allowed = (ROLE_GRANTS[role].permissions as readonly string[]).includes(r.permission!);
        const forbidden = res.statusCode === 403 && res.json().error.code === 'FORBIDDEN';
        expect({ route: `${r.method} ${r.url}`, role, forbidden }).toEqual({
          route: `${r.method} ${r.url}`,
          role,
          forbidden: !allowed,
        });
        expect(res.statusCode).not.toBe(401);
        checked.push(`${r.method} ${r.url} ${role}`);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(ROLES.length * 15);
  });
});

describe('department data scope (R-SEC-1)', () => {
  const listIds = async (s: Session) => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/users?limit=200', headers: s.headers });
    return (res.json().items as { id: string }[]).map((u) => u.id);
  };

  it('should show an agent only users of its own department subtree, in the list and by id', async () => {
    const agent = sessions.get('agent')!;
    const ids = await listIds(agent);
    expect(ids).toContain(target.east.id);
    expect(ids).not.toContain(target.cs.id);
    expect(ids).not.toContain(target.qa.id);
    expect(
      (
        await app.inject({ method: 'GET', url: `/api/v1/users/${target.qa.id}`, headers: agent.headers })
      ).json().error.code,
    ).toBe('USER_NOT_FOUND');
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/users/${target.east.id}`, headers: agent.headers }))
        .statusCode,
    ).toBe(200);
  });

  it('should show a manager of a parent department the users of every department below it', async () => {
    await createUserFx(deps, 'mgr.cs', ['department_manager'], [dept.CS]);
    const ids = await listIds(await loginFx(app, 'mgr.cs'));
    expect(ids).toEqual(expect.arrayContaining([target.east.id, target.cs.id]));
    expect(ids).not.toContain(target.qa.id);
  });

  it('should show company-wide roles everyone', async () => {
    const ids = await listIds(sessions.get('service_manager')!);
    expect(ids).toEqual(expect.arrayContaining([target.east.id, target.cs.id, target.qa.id]));
  });

  it('should follow the tree at once when a department is moved', async () => {
    await createUserFx(deps, 'mgr.cs2', ['department_manager'], [dept.CS]);
    const s = await loginFx(app, 'mgr.cs2');
    expect(await listIds(s)).not.toContain(target.qa.id);
    await updateDepartment(deps, systemContext('t'), dept.QA.id, {
      expectedVersion: dept.QA.version,
      parentId: dept.CS.id,
    });
    expect(await listIds(s)).toContain(target.qa.id);
  });

  it('should mask phone numbers for viewers without pii.reveal and show them to those with it', async () => {
    const user = (s: Session) =>
      app.inject({ method: 'GET', url: `/api/v1/users/${target.east.id}`, headers: s.headers });
    expect((await user(sessions.get('agent')!)).json().phone).toBe('13812345678');
    expect((await user(sessions.get('quality_engineer')!)).json().phone).toBe('138****5678');
  });

  it('should narrow an API token to its scopes whatever its owner may do', async () => {
    const admin = sessions.get('admin')!;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: admin.headers,
      payload: { name: 'BI 只读', scopes: ['department.read'] },
    });
    const bearer = { authorization: `Bearer ${created.json().secret}` };
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/departments', headers: bearer })).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer })).json().error.code,
    ).toBe('FORBIDDEN');
    const tooWide = await app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: sessions.get('agent')!.headers,
      payload: { name: 'x', scopes: ['user.manage'] },
    });
    expect(tooWide.json().error.code).toBe('TOKEN_SCOPE_EXCEEDS_GRANT');
  });
});
