import { z } from 'zod';
import {
  closeEightDReport,
  createEightDReport,
  getEightDReport,
  listEightDReports,
  updateEightDSection,
} from '../../app/capa/eight-d-reports';
import { AppError } from '../../app/errors/app-error';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import {
  Z_EIGHT_D_SECTION_CONTENT,
  ZCreateEightDBody,
  ZEightDListQuery,
  ZEightDReport,
  ZEightDReports,
  ZEightDSectionBody,
  ZEightDSectionParams,
} from '../../contracts/eight-d.contract';
import { presentEightDReport } from '../presenters/capa.presenter';
import { ctxOf, etagOf, expectedVersionOf } from '../request-context';
import type { RouteModule } from './route-app';

const tags = ['capa'];

/** 8D reports 质量异常分析改进8D报告 (R-CAPA-2). */
export const eightDReportRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/v1/eight-d-reports',
    {
      config: { permission: 'capa.manage' },
      schema: {
        tags,
        summary: '新建 8D 报告 Open an 8D report',
        description:
          'R-CAPA-2: for serious cases or when the customer asks for one (`customerRequested`). Numbered 8D-YYYY-NNNN.',
        body: ZCreateEightDBody,
        response: { 201: ZEightDReport, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await createEightDReport(deps, ctxOf(request), request.body);
      reply.code(201).header('location', `/api/v1/eight-d-reports/${r.id}`).header('etag', etagOf(r.version));
      return presentEightDReport(r);
    },
  );

  app.get(
    '/api/v1/eight-d-reports',
    {
      config: { permission: 'capa.read' },
      schema: {
        tags,
        summary: '8D 报告列表 List 8D reports',
        querystring: ZEightDListQuery,
        response: { 200: ZEightDReports, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listEightDReports(deps, ctxOf(request), request.query);
      return { items: page.items.map(presentEightDReport), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/eight-d-reports/:id',
    {
      config: { permission: 'capa.read' },
      schema: {
        tags,
        summary: '8D 报告详情 An 8D report',
        description: '`completeness` lists what each section still needs before the report can close.',
        params: ZIdParams,
        response: { 200: ZEightDReport, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await getEightDReport(deps, ctxOf(request), request.params.id);
      reply.header('etag', etagOf(r.version));
      return presentEightDReport(r);
    },
  );

  app.put(
    '/api/v1/eight-d-reports/:id/sections/:d',
    {
      config: { permission: 'capa.manage' },
      schema: {
        tags,
        summary: '填写 8D 某一步 Save one section D0…D8',
        description:
          'The body’s `content` follows the section’s schema (EightD_D0 … EightD_D8); drafts may be incomplete. Needs ' +
          'If-Match: "<version>" or `version` (409 VERSION_CONFLICT when stale); 409 EIGHT_D_CLOSED once closed.',
        params: ZEightDSectionParams,
        body: ZEightDSectionBody,
        response: { 200: ZEightDReport, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id, d } = request.params;
      const parsed = Z_EIGHT_D_SECTION_CONTENT[d].safeParse(request.body.content);
      if (!parsed.success)
        throw new AppError('VALIDATION_FAILED', {
          in: 'body',
          issues: parsed.error.issues.map((i) => ({
            path: ['content', ...i.path.map(String)],
            code: i.code,
            message: i.message,
          })),
        });
      const r = await updateEightDSection(
        deps,
        ctxOf(request),
        id,
        d,
        parsed.data as never,
        expectedVersionOf(request, request.body.version),
      );
      reply.header('etag', etagOf(r.version));
      return presentEightDReport(r);
    },
  );

  app.post(
    '/api/v1/eight-d-reports/:id/close',
    {
      config: { permission: 'capa.manage' },
      schema: {
        tags,
        summary: '8D 结案 Close an 8D report',
        description:
          'R-CAPA-2: only with D1–D8 complete; 422 EIGHT_D_INCOMPLETE lists each incomplete section and its missing fields.',
        params: ZIdParams,
        body: z.strictObject({}).optional(),
        response: { 200: ZEightDReport, ...errorResponses },
      },
    },
    async (request) => presentEightDReport(await closeEightDReport(deps, ctxOf(request), request.params.id)),
  );
};
