import { listJobs, retryJob } from '../../app/ops/manage-jobs';
import { listOutboxEvents, retryOutboxEvent } from '../../app/ops/manage-outbox';
import { ROLE_GRANTS } from '../../domain/identity/role-grants';
import { ROLE_LABELS, ROLES } from '../../domain/identity/roles';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import {
  ZJobIdParams,
  ZJobPage,
  ZJobQuery,
  ZJobView,
  ZOutboxEventView,
  ZOutboxPage,
  ZOutboxQuery,
  ZRoleList,
} from '../../contracts/ops.contract';
import { presentJob, presentOutboxEvent } from '../presenters/ops.presenter';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

export const adminOpsRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/roles',
    {
      config: { permission: 'role.read' },
      schema: {
        tags: ['users'],
        summary: '角色与权限 Roles and permissions',
        response: { 200: ZRoleList, ...errorResponses },
      },
    },
    async () => ({
      items: ROLES.map((role) => ({
        role,
        label: ROLE_LABELS[role],
        scope: ROLE_GRANTS[role].scope,
        permissions: [...ROLE_GRANTS[role].permissions],
      })),
    }),
  );

  app.get(
    '/api/v1/admin/outbox',
    {
      config: { permission: 'outbox.manage' },
      schema: {
        tags: ['admin'],
        summary: '外发事件 Outbox events',
        description: 'Default status=dead: events whose delivery failed every retry.',
        querystring: ZOutboxQuery,
        response: { 200: ZOutboxPage, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listOutboxEvents(deps, ctxOf(request), request.query);
      return { items: page.items.map(presentOutboxEvent), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/v1/admin/outbox/:id/retry',
    {
      config: { permission: 'outbox.manage' },
      schema: {
        tags: ['admin'],
        summary: '重试死信事件 Retry a dead event',
        params: ZIdParams,
        response: { 200: ZOutboxEventView, ...errorResponses },
      },
    },
    async (request) => presentOutboxEvent(await retryOutboxEvent(deps, ctxOf(request), request.params.id)),
  );

  app.get(
    '/api/v1/admin/jobs',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags: ['admin'],
        summary: '后台任务 Background jobs',
        querystring: ZJobQuery,
        response: { 200: ZJobPage, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listJobs(deps, ctxOf(request), request.query);
      return { items: page.items.map(presentJob), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/v1/admin/jobs/:id/retry',
    {
      config: { permission: 'job.manage' },
      schema: {
        tags: ['admin'],
        summary: '重试失败任务 Retry a dead job',
        params: ZJobIdParams,
        response: { 200: ZJobView, ...errorResponses },
      },
    },
    async (request) => presentJob(await retryJob(deps, ctxOf(request), request.params.id)),
  );
};
