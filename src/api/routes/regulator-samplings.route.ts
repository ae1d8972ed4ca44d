import {
  createRegulatorSampling,
  getRegulatorSampling,
  listRegulatorSamplings,
  recordOriginalReport,
  requestSamplingRetest,
} from '../../app/regulator-samplings/manage-regulator-samplings';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import {
  ZCreateSamplingBody,
  ZOriginalReportBody,
  ZRegulatorSampling,
  ZRegulatorSamplingList,
  ZRetestRequestBody,
  ZSamplingListQuery,
} from '../../contracts/regulator-sampling.contract';
import { presentRegulatorSampling } from '../presenters/regulator-sampling.presenter';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

const tags = ['regulator sampling'];

/** Regulator sampling 职能部门抽检 (R-BAT-6): record, re-test request, original report to quality. */
export const regulatorSamplingRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/v1/regulator-samplings',
    {
      config: { permission: 'batch.manage' },
      schema: {
        tags,
        summary: '登记职能部门抽检 Record a regulator sampling',
        description:
          'Agency, product/batch, date, samples, result, report reference, and whether the sample was representative ' +
          '(an intact pack of normal product).',
        body: ZCreateSamplingBody,
        response: { 201: ZRegulatorSampling, ...errorResponses },
      },
    },
    async (request, reply) => {
      const s = await createRegulatorSampling(deps, ctxOf(request), request.body);
      reply.code(201).header('location', `/api/v1/regulator-samplings/${s.id}`);
      return presentRegulatorSampling(s);
    },
  );

  app.get(
    '/api/v1/regulator-samplings',
    {
      config: { permission: 'batch.read' },
      schema: {
        tags,
        summary: '职能部门抽检列表 List regulator samplings',
        querystring: ZSamplingListQuery,
        response: { 200: ZRegulatorSamplingList, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listRegulatorSamplings(deps, ctxOf(request), request.query)).map(
        presentRegulatorSampling,
      ),
    }),
  );

  app.get(
    '/api/v1/regulator-samplings/:id',
    {
      config: { permission: 'batch.read' },
      schema: {
        tags,
        summary: '职能部门抽检详情 Get a regulator sampling',
        params: ZIdParams,
        response: { 200: ZRegulatorSampling, ...errorResponses },
      },
    },
    async (request) =>
      presentRegulatorSampling(await getRegulatorSampling(deps, ctxOf(request), request.params.id)),
  );

  app.post(
    '/api/v1/regulator-samplings/:id/retest-request',
    {
      config: { permission: 'batch.manage' },
      schema: {
        tags,
        summary: '申请复检 Request a re-test',
        description:
          'R-BAT-6: only when the sample was not representative, with the reason; once. 409 RETEST_NOT_ALLOWED.',
        params: ZIdParams,
        body: ZRetestRequestBody,
        response: { 200: ZRegulatorSampling, ...errorResponses },
      },
    },
    async (request) =>
      presentRegulatorSampling(
        await requestSamplingRetest(deps, ctxOf(request), request.params.id, request.body),
      ),
  );

  app.post(
    '/api/v1/regulator-samplings/:id/original-report',
    {
      config: { permission: 'batch.manage' },
      schema: {
        tags,
        summary: '检测报告原件交质量部 Original report handed to quality',
        description:
          'R-BAT-6: recorded once (409 ORIGINAL_REPORT_ALREADY_RECORDED), with the report reference and result if given.',
        params: ZIdParams,
        body: ZOriginalReportBody,
        response: { 200: ZRegulatorSampling, ...errorResponses },
      },
    },
    async (request) =>
      presentRegulatorSampling(
        await recordOriginalReport(deps, ctxOf(request), request.params.id, request.body ?? {}),
      ),
  );
};
