import type { FastifyInstance } from 'fastify';
import { systemContext } from '../../src/app/context';
import type { Deps } from '../../src/app/deps';
import { createDepartment } from '../../src/app/departments/create-department';
import { createUser } from '../../src/app/users/create-user';
import type { Department } from '../../src/domain/departments/department';
import type { Role } from '../../src/domain/identity/roles';
import type { User } from '../../src/domain/identity/user';

export const TEST_PASSWORD = 'Quality-Loop-2026';

const ctx = systemContext('test-factory');

export const createDepartmentFx = (deps: Deps, code: string, parent?: Department): Promise<Department> =>
  createDepartment(deps, ctx, {
    code,
    name: `部门 ${code}`,
    nameEn: `Dept ${code}`,
    parentId: parent?.id ?? null,
  });

export const createUserFx = async (
  deps: Deps,
  username: string,
  roles: Role[],
  departments: Department[] = [],
  extra: { phone?: string; email?: string } = {},
): Promise<User> =>
  (
    await createUser(deps, ctx, {
      username,
      displayName: `用户 ${username}`,
      roles,
      departmentIds: departments.map((d) => d.id),
      password: TEST_PASSWORD,
      mustChangePassword: false,
      phone: extra.phone ?? null,
      email: extra.email ?? null,
    })
  ).user;

export type Session = { cookie: string; csrf: string; headers: Record<string, string> };

/** Logs in through the API and returns the cookie and CSRF header to send with later requests. */
export const loginFx = async (
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Session> => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'cl_session');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `cl_session=${setCookie.value}`;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
};
