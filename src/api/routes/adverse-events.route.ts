import { z } from 'zod';
import { decideAdverseEvent, updateAdverseEventFacts } from '../../app/adverse-events/decide-adverse-event';
import {
  exportAdverseEvent,
  getAdverseEvent,
  listAdverseEvents,
} from '../../app/adverse-events/get-adverse-event';
import { openAdverseEvent } from '../../app/adverse-events/open-adverse-event';
import {
  ZAdverseEventList,
  ZAdverseEventListQuery,
  ZAdverseEventReport,
  ZAdverseEventView,
  ZDecideAdverseEventBody,
  ZDecisionParams,
  ZExportQuery,
  ZOpenAdverseEventBody,
  ZReportFacts,
} from '../../contracts/adverse-event.contract';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import {
  presentAdverseEvent,
  presentAdverseEventReport,
  presentAdverseEventReportCsv,
} from '../presenters/adverse-event.presenter';
import { contentDisposition } from '../presenters/evidence.presenter';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

const tags = ['adverse-events'];
const permission = 'adverse_event.manage';

/** Adverse-event evaluation 不良事件评价 (R-AE-1…3): deadlines per regulator, reportability decisions, report export. */
export const adverseEventRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/v1/complaints/:id/adverse-event',
    {
      config: { permission },
      schema: {
        tags,
        summary: '手动启动不良事件评价 Open an adverse-event evaluation by hand',
        description:
          'Opens the complaint’s evaluation (R-AE-2), or extends the one it has with the report kinds of another event ' +
          'type: group event, malfunction that could cause serious injury, public-health threat. Death and serious ' +
          'injury on a medical device open one automatically at registration. Each jurisdiction in force (policy ' +
          '`adverse_event_policy`: default CN-NMPA, plus the product’s markets) adds one decision row per report kind ' +
          'with its due time counted from `awareAt`. 201 when created, 200 when extended or unchanged. 422 ' +
          'ADVERSE_EVENT_NOT_COVERED when no jurisdiction asks anything for the event type; 422 ' +
          'ADVERSE_EVENT_AWARE_AT_INVALID for a time in the future.',
        params: ZIdParams,
        body: ZOpenAdverseEventBody,
        response: { 200: ZAdverseEventView, 201: ZAdverseEventView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const ctx = ctxOf(request);
      const opened = await openAdverseEvent(deps, ctx, request.params.id, {
        eventType: body.eventType,
        awareAt: body.awareAt ? new Date(body.awareAt) : undefined,
        facts: body.facts,
      });
      reply.code(opened.created ? 201 : 200);
      return presentAdverseEvent(await getAdverseEvent(deps, ctx, opened.evaluation.id));
    },
  );

  app.get(
    '/api/v1/adverse-events',
    {
      config: { permission },
      schema: {
        tags,
        summary: '不良事件评价列表 List adverse-event evaluations',
        description:
          'Evaluations whose complaint is in your scope, newest first; `open=true` lists those still evaluating (a ' +
          'decision without answer and rationale), `open=false` the decided ones. Each shows its next due time and ' +
          'whether a deadline has passed. Cursor paging.',
        querystring: ZAdverseEventListQuery,
        response: { 200: ZAdverseEventList, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listAdverseEvents(deps, ctxOf(request), request.query);
      return { items: page.items.map(presentAdverseEvent), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/adverse-events/:id',
    {
      config: { permission },
      schema: {
        tags,
        summary: '不良事件评价详情 Get an adverse-event evaluation',
        description:
          'The evaluation with one decision row per (jurisdiction, report kind): due time, source and LAW.md ' +
          'confidence of the deadline, the decision and its rationale, the submission. `closeBlocked` is true while ' +
          'the complaint cannot close (R-AE-2).',
        params: ZIdParams,
        response: { 200: ZAdverseEventView, ...errorResponses },
      },
    },
    async (request) => presentAdverseEvent(await getAdverseEvent(deps, ctxOf(request), request.params.id)),
  );

  app.post(
    '/api/v1/adverse-events/:id/decisions/:decisionId',
    {
      config: { permission },
      schema: {
        tags,
        summary: '记录可报告性决定 Record a reportability decision',
        description:
          'R-AE-2: reportable or not, with the rationale (both required), and for a reported event the regulator’s ' +
          'reference and submission time. May be sent again to revise the decision or add the submission later; the ' +
          'audit trail keeps every version. 422 ADVERSE_EVENT_DECISION_INVALID (submission on a not-reportable row, ' +
          'submission time before awareness or in the future); 409 ADVERSE_EVENT_ALREADY_SUBMITTED when a submitted ' +
          'report would become not reportable.',
        params: ZDecisionParams,
        body: ZDecideAdverseEventBody,
        response: { 200: ZAdverseEventView, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const body = request.body;
      await decideAdverseEvent(deps, ctx, request.params.id, request.params.decisionId, {
        reportable: body.reportable,
        rationale: body.rationale,
        submissionRef: body.submissionRef,
        submittedAt:
          body.submittedAt === undefined || body.submittedAt === null
            ? body.submittedAt
            : new Date(body.submittedAt),
      });
      return presentAdverseEvent(await getAdverseEvent(deps, ctx, request.params.id));
    },
  );

  app.put(
    '/api/v1/adverse-events/:id/report-facts',
    {
      config: { permission },
      schema: {
        tags,
        summary: '填写报告事实 Set the report facts',
        description:
          'Replaces the facts of the report the complaint does not hold: patient outcome, age, sex, operator of the ' +
          'device, whether it is available for evaluation, cause analysis, manufacturer actions. Audited.',
        params: ZIdParams,
        body: ZReportFacts,
        response: { 200: ZAdverseEventView, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      await updateAdverseEventFacts(deps, ctx, request.params.id, request.body);
      return presentAdverseEvent(await getAdverseEvent(deps, ctx, request.params.id));
    },
  );

  app.get(
    '/api/v1/adverse-events/:id/export',
    {
      config: { permission },
      schema: {
        tags,
        summary: '导出监管报告字段 Export the key fields of a regulator form',
        description:
          'The key fields of the NMPA 医疗器械不良事件报告表 (form=nmpa), FDA MedWatch 3500A (fda) or EU MIR (eu), ' +
          'filled from the complaint, the product (name, model, code, batch/lot, serial, UDI custom field), the report ' +
          'facts and the dates — not the full form; `missing` lists what the record could not fill. The reporter’s ' +
          'contact details are masked without pii.reveal. format=csv gives the same as CSV (UTF-8 with BOM).',
        params: ZIdParams,
        querystring: ZExportQuery,
        response: {
          200: {
            description: 'The key fields as JSON, or as CSV with format=csv',
            content: {
              'application/json': { schema: ZAdverseEventReport },
              'text/csv': { schema: z.string() },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const report = await exportAdverseEvent(deps, ctxOf(request), request.params.id, request.query.form);
      if (request.query.format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', contentDisposition(`adverse-event-${report.form}.csv`, false))
          .header('cache-control', 'private, no-cache')
          .send(presentAdverseEventReportCsv(report));
      return presentAdverseEventReport(report);
    },
  );
};
