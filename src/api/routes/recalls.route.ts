import { completeRecall, getRecall, listRecalls, recordRecallTarget } from '../../app/recalls/run-recall';
import { startRecall } from '../../app/recalls/start-recall';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import {
  ZCompleteRecallBody,
  ZRecallList,
  ZRecallListQuery,
  ZRecallTargetParams,
  ZRecallView,
  ZRecordRecallTargetBody,
  ZStartRecallBody,
} from '../../contracts/recall.contract';
import { presentRecall, presentRecallSummary } from '../presenters/recall.presenter';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

const tags = ['recalls'];

/** Recalls 产品撤回 (R-BAT-5): targets from shipments, notification and recovery, completion report. */
export const recallRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/v1/recalls',
    {
      config: { permission: 'recall.manage' },
      schema: {
        tags,
        summary: '启动召回 Start a recall',
        description:
          'From a batch case the GM decided “recall” (409 RECALL_NOT_DECIDED otherwise; one per case) or standalone with ' +
          'productId. Targets: customers reached through shipments of `scope.batches` into `scope.regions` (all regions ' +
          'when absent); 422 RECALL_SCOPE_EMPTY when none. Class I/II/III sets the notice time 1/3/7 days.',
        body: ZStartRecallBody,
        response: { 201: ZRecallView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const view = await startRecall(deps, ctxOf(request), request.body);
      reply.code(201).header('location', `/api/v1/recalls/${view.recall.id}`);
      return presentRecall(view);
    },
  );

  app.get(
    '/api/v1/recalls',
    {
      config: { permission: 'batch.read' },
      schema: {
        tags,
        summary: '召回列表 List recalls',
        querystring: ZRecallListQuery,
        response: { 200: ZRecallList, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listRecalls(deps, ctxOf(request), request.query)).map(presentRecallSummary),
    }),
  );

  app.get(
    '/api/v1/recalls/:id',
    {
      config: { permission: 'batch.read' },
      schema: {
        tags,
        summary: '召回详情与进度 Get a recall with progress',
        description: 'Targets with notification and recovery, progress % = units recovered ÷ units in scope.',
        params: ZIdParams,
        response: { 200: ZRecallView, ...errorResponses },
      },
    },
    async (request) => presentRecall(await getRecall(deps, ctxOf(request), request.params.id)),
  );

  app.post(
    '/api/v1/recalls/:id/targets/:targetId',
    {
      config: { permission: 'recall.manage' },
      schema: {
        tags,
        summary: '登记通知与回收 Record notification / recovery of a target',
        description:
          '`notified: true` stamps the notice (kept on repeats); `recoveredQuantity` is the absolute count back so far, ' +
          'at most the target’s quantity and only once notified (422 RECALL_RECOVERY_INVALID).',
        params: ZRecallTargetParams,
        body: ZRecordRecallTargetBody,
        response: { 200: ZRecallView, ...errorResponses },
      },
    },
    async (request) =>
      presentRecall(
        await recordRecallTarget(
          deps,
          ctxOf(request),
          request.params.id,
          request.params.targetId,
          request.body,
        ),
      ),
  );

  app.post(
    '/api/v1/recalls/:id/complete',
    {
      config: { permission: 'recall.manage' },
      schema: {
        tags,
        summary: '完成召回（总结报告） Complete a recall with its report',
        description:
          'Units recovered (from the targets), disposal of recovered units, effectiveness, remaining risk. 409 ' +
          'RECALL_TARGETS_NOT_NOTIFIED while a target has not been told.',
        params: ZIdParams,
        body: ZCompleteRecallBody,
        response: { 200: ZRecallView, ...errorResponses },
      },
    },
    async (request) =>
      presentRecall(
        await completeRecall(deps, ctxOf(request), request.params.id, {
          ...request.body,
          disposalNote: request.body.disposalNote ?? null,
        }),
      ),
  );
};
