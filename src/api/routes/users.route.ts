import { z } from 'zod';
import { createUser } from '../../app/users/create-user';
import { getUser, listUsers } from '../../app/users/list-users';
import { resetUserPassword } from '../../app/users/reset-user-password';
import { unlockUser } from '../../app/users/unlock-user';
import { updateUser } from '../../app/users/update-user';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import {
  ZCreateUserBody,
  ZCreatedUserView,
  ZResetPasswordBody,
  ZTemporaryPasswordView,
  ZUpdateUserBody,
  ZUserListQuery,
  ZUserPage,
  ZUserView,
} from '../../contracts/user.contract';
import { presentUser } from '../presenters/user.presenter';
import { ctxOf, etagOf, expectedVersionOf } from '../request-context';
import type { RouteModule } from './route-app';

export const userRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/users',
    {
      config: { permission: 'user.read' },
      schema: {
        tags: ['users'],
        summary: '用户列表 List users',
        description:
          'Department-scoped roles see users of their department subtree only (R-SEC-1). Cursor paging; sort by username, displayName or createdAt (prefix - for descending).',
        querystring: ZUserListQuery,
        response: { 200: ZUserPage, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listUsers(deps, ctxOf(request), request.query);
      return { items: page.items.map((u) => presentUser(u, request.actor)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/users/:id',
    {
      config: { permission: 'user.read' },
      schema: {
        tags: ['users'],
        summary: '用户详情 Get a user',
        params: ZIdParams,
        response: { 200: ZUserView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = await getUser(deps, ctxOf(request), request.params.id);
      reply.header('etag', etagOf(user.version));
      return presentUser(user, request.actor);
    },
  );

  app.post(
    '/api/v1/users',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['users'],
        summary: '新建用户 Create a user',
        description:
          'Without `password`, an initial password is generated, returned once, and must be changed at first login.',
        body: ZCreateUserBody,
        response: { 201: ZCreatedUserView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { user, initialPassword } = await createUser(deps, ctxOf(request), request.body);
      reply.code(201).header('location', `/api/v1/users/${user.id}`).header('etag', etagOf(user.version));
      return { user: presentUser(user, request.actor), initialPassword };
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['users'],
        summary: '修改用户 Update a user',
        description:
          'Needs If-Match: "<version>" or `version` in the body; a stale version answers 409 VERSION_CONFLICT.',
        params: ZIdParams,
        body: ZUpdateUserBody,
        response: { 200: ZUserView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { version, ...changes } = request.body;
      const user = await updateUser(deps, ctxOf(request), request.params.id, {
        ...changes,
        expectedVersion: expectedVersionOf(request, version),
      });
      reply.header('etag', etagOf(user.version));
      return presentUser(user, request.actor);
    },
  );

  app.post(
    '/api/v1/users/:id/reset-password',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['users'],
        summary: '重置密码 Reset a password',
        params: ZIdParams,
        body: ZResetPasswordBody,
        response: { 200: ZTemporaryPasswordView, ...errorResponses },
      },
    },
    async (request) =>
      resetUserPassword(deps, ctxOf(request), request.params.id, request.body?.reason ?? null),
  );

  app.post(
    '/api/v1/users/:id/unlock',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['users'],
        summary: '解除锁定 Unlock',
        params: ZIdParams,
        body: z.strictObject({}).nullish(),
        response: { 200: ZUserView, ...errorResponses },
      },
    },
    async (request) => presentUser(await unlockUser(deps, ctxOf(request), request.params.id), request.actor),
  );
};
