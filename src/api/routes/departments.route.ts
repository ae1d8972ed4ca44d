import { z } from 'zod';
import { createDepartment } from '../../app/departments/create-department';
import { importDepartments } from '../../app/departments/import-departments';
import { getDepartment, listDepartments } from '../../app/departments/list-departments';
import { deleteDepartment, updateDepartment } from '../../app/departments/update-department';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import {
  ZCreateDepartmentBody,
  ZDepartmentBulkBody,
  ZDepartmentBulkResult,
  ZDepartmentList,
  ZDepartmentView,
  ZUpdateDepartmentBody,
} from '../../contracts/department.contract';
import { presentDepartment } from '../presenters/department.presenter';
import { ctxOf, etagOf, expectedVersionOf } from '../request-context';
import type { RouteModule } from './route-app';

export const departmentRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/departments',
    {
      config: { permission: 'department.read' },
      schema: {
        tags: ['departments'],
        summary: '部门树 Department tree',
        description: 'Parents come before their children.',
        response: { 200: ZDepartmentList, ...errorResponses },
      },
    },
    async (request) => ({ items: (await listDepartments(deps, ctxOf(request))).map(presentDepartment) }),
  );

  app.get(
    '/api/v1/departments/:id',
    {
      config: { permission: 'department.read' },
      schema: {
        tags: ['departments'],
        summary: '部门详情 Get a department',
        params: ZIdParams,
        response: { 200: ZDepartmentView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const d = await getDepartment(deps, ctxOf(request), request.params.id);
      reply.header('etag', etagOf(d.version));
      return presentDepartment(d);
    },
  );

  app.post(
    '/api/v1/departments',
    {
      config: { permission: 'department.manage' },
      schema: {
        tags: ['departments'],
        summary: '新建部门 Create a department',
        body: ZCreateDepartmentBody,
        response: { 201: ZDepartmentView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const d = await createDepartment(deps, ctxOf(request), request.body);
      reply.code(201).header('location', `/api/v1/departments/${d.id}`).header('etag', etagOf(d.version));
      return presentDepartment(d);
    },
  );

  app.post(
    '/api/v1/departments/bulk',
    {
      config: { permission: 'department.manage' },
      schema: {
        tags: ['departments'],
        summary: '批量导入部门 Bulk upsert departments',
        description:
          'Creates or updates by code; parents by parentCode, anywhere in the list. All or nothing: any bad row → 422 DEPARTMENT_IMPORT_INVALID listing every problem.',
        body: ZDepartmentBulkBody,
        response: { 200: ZDepartmentBulkResult, ...errorResponses },
      },
    },
    async (request) =>
      importDepartments(
        deps,
        ctxOf(request),
        request.body.rows.map((r, i) => ({ ...r, line: i + 1 })),
      ),
  );

  app.patch(
    '/api/v1/departments/:id',
    {
      config: { permission: 'department.manage' },
      schema: {
        tags: ['departments'],
        summary: '修改或移动部门 Update or move a department',
        description: 'Needs If-Match or `version`. Moving re-roots the whole subtree.',
        params: ZIdParams,
        body: ZUpdateDepartmentBody,
        response: { 200: ZDepartmentView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { version, ...changes } = request.body;
      const d = await updateDepartment(deps, ctxOf(request), request.params.id, {
        ...changes,
        expectedVersion: expectedVersionOf(request, version),
      });
      reply.header('etag', etagOf(d.version));
      return presentDepartment(d);
    },
  );

  app.delete(
    '/api/v1/departments/:id',
    {
      config: { permission: 'department.manage' },
      schema: {
        tags: ['departments'],
        summary: '删除空部门 Delete an empty department',
        params: ZIdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteDepartment(deps, ctxOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
