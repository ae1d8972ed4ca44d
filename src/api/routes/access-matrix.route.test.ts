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
import type { Role } from '../../domain/identity/roles';
import type { Department } from '../../domain/departments/department';
import type { User } from '../../domain/identity/user';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
const sessions = new Map<Role, Session>();
let dept: Record<'HQ' | 'CS' | 'EAST' | 'QA', Department>;
let target: Record<'east' | 'cs' | 'qa', User>;

// The route × role × department matrix itself is test/access/access-matrix.test.ts, driven by test/access/access-policy.ts.
const ROLES_HERE: readonly Role[] = ['agent', 'service_manager', 'quality_engineer', 'admin'];

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  const HQ = await createDepartmentFx(deps, 'HQ');
  const CS = await createDepartmentFx(deps, 'CS', HQ);
  const EAST = await createDepartmentFx(deps, 'CS-EAST', CS);
  const QA = await createDepartmentFx(deps, 'QA', HQ);
  dept = { HQ, CS, EAST, QA };
  for (const role of ROLES_HERE) {
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
