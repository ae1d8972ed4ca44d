import { closeBatchCase } from '../../app/batch-cases/close-batch-case';
import { decideBatchCase } from '../../app/batch-cases/decide-batch-case';
import { fileBatchInvestigation } from '../../app/batch-cases/file-batch-investigation';
import { getBatchCase, listBatchCases } from '../../app/batch-cases/get-batch-case';
import { openBatchCase } from '../../app/batch-cases/open-batch-case';
import { completeSealTask, createSealTasks } from '../../app/batch-cases/quarantine-batch';
import {
  ZBatchCaseList,
  ZBatchCaseListQuery,
  ZBatchCaseView,
  ZCloseBatchCaseBody,
  ZCompleteSealTaskBody,
  ZCreateSealTasksBody,
  ZDecideBatchCaseBody,
  ZFileBatchInvestigationBody,
  ZOpenBatchCaseBody,
  ZSealTask,
} from '../../contracts/batch-case.contract';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import {
  presentBatchCase,
  presentBatchCaseSummary,
  presentSealTask,
} from '../presenters/batch-case.presenter';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

const tags = ['batch cases'];
const dateOf = (s: string | undefined): Date | undefined => (s === undefined ? undefined : new Date(s));

/** Batch cases after they open: quarantine 下架封存, the 2-hour investigation, the GM's decision, closing (R-BAT-4/5). */
export const batchCaseRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/batch-cases',
    {
      config: { permission: 'batch.read' },
      schema: {
        tags,
        summary: '批量问题案件列表 List batch cases',
        description:
          'Newest first; filters status, productId, batchNo. `investigationOverdue` flags R-SLA-11.',
        querystring: ZBatchCaseListQuery,
        response: { 200: ZBatchCaseList, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listBatchCases(deps, ctxOf(request), request.query)).map(presentBatchCaseSummary),
    }),
  );

  app.post(
    '/api/v1/batch-cases',
    {
      config: { permission: 'batch.manage' },
      schema: {
        tags,
        summary: '手工建立批量问题案件 Open a batch case by hand',
        description:
          'R-BAT-4 “confirm product/batch”: product and batch must exist; linked complaints must be of that product and ' +
          'batch (422 BATCH_CASE_COMPLAINT_MISMATCH). One open case per product + batch + mechanism: 409 ' +
          'BATCH_CASE_ALREADY_OPEN. The 2-hour investigation clock starts (R-SLA-11).',
        body: ZOpenBatchCaseBody,
        response: { 201: ZBatchCaseView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const view = await openBatchCase(deps, ctxOf(request), request.body);
      reply.code(201).header('location', `/api/v1/batch-cases/${view.batchCase.id}`);
      return presentBatchCase(view);
    },
  );

  app.get(
    '/api/v1/batch-cases/:id',
    {
      config: { permission: 'batch.read' },
      schema: {
        tags,
        summary: '批量问题案件详情 Get a batch case',
        description:
          'With linked complaints, seal tasks, the recall, what still blocks closing, and the investigation prefill ' +
          '(batch quantity, units shipped per region).',
        params: ZIdParams,
        response: { 200: ZBatchCaseView, ...errorResponses },
      },
    },
    async (request) => presentBatchCase(await getBatchCase(deps, ctxOf(request), request.params.id)),
  );

  app.post(
    '/api/v1/batch-cases/:id/seal-tasks',
    {
      config: { permission: 'batch.manage' },
      schema: {
        tags,
        summary: '下架封存任务 Create seal tasks per region',
        description:
          'R-BAT-4: one task per region — by default every region the batch was shipped to, expecting the units shipped ' +
          'there. Regions with a task keep it. The first seal moves the case to `investigating`.',
        params: ZIdParams,
        body: ZCreateSealTasksBody,
        response: { 201: ZBatchCaseView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const view = await createSealTasks(deps, ctxOf(request), request.params.id, {
        regions: b.regions?.map((r) => ({ ...r, dueAt: dateOf(r.dueAt) })),
        dueAt: dateOf(b.dueAt),
      });
      reply.code(201);
      return presentBatchCase(view);
    },
  );

  app.post(
    '/api/v1/seal-tasks/:id/complete',
    {
      config: { permission: 'batch.manage' },
      schema: {
        tags,
        summary: '完成下架封存 Record a region sealed',
        description: 'R-BAT-4: the sealed quantity 封存数量. 409 SEAL_TASK_NOT_OPEN when done already.',
        params: ZIdParams,
        body: ZCompleteSealTaskBody,
        response: { 200: ZSealTask, ...errorResponses },
      },
    },
    async (request) =>
      presentSealTask(await completeSealTask(deps, ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/batch-cases/:id/investigation',
    {
      config: { permission: 'batch.manage' },
      schema: {
        tags,
        summary: '提交批量调查（2小时内） File the batch investigation (within 2 h)',
        description:
          'R-BAT-4 / R-SLA-11: retained samples, batch quantity, production conditions of the day, shipments per region ' +
          '(prefilled from the records when absent), conclusion. Filed after `investigationDueAt` it is accepted and ' +
          'recorded as an R-SLA-11 breach (`investigation.late`). 409 BATCH_INVESTIGATION_ALREADY_FILED.',
        params: ZIdParams,
        body: ZFileBatchInvestigationBody,
        response: { 200: ZBatchCaseView, ...errorResponses },
      },
    },
    async (request) =>
      presentBatchCase(await fileBatchInvestigation(deps, ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/batch-cases/:id/decision',
    {
      config: { permission: 'batch.decide' },
      schema: {
        tags,
        summary: '总经理批示 The GM decides',
        description:
          'R-BAT-5: market_check | write_off | compensation | recall, with the note 批示. 409 ' +
          'BATCH_INVESTIGATION_MISSING before the investigation is filed; 409 BATCH_CASE_STATE_INVALID when decided.',
        params: ZIdParams,
        body: ZDecideBatchCaseBody,
        response: { 200: ZBatchCaseView, ...errorResponses },
      },
    },
    async (request) =>
      presentBatchCase(await decideBatchCase(deps, ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/batch-cases/:id/close',
    {
      config: { permission: 'batch.manage' },
      schema: {
        tags,
        summary: '结案 Close a batch case',
        description:
          'Only a decided case, once every seal task is done and, for a recall decision, the recall is completed; ' +
          'otherwise 409 BATCH_CASE_NOT_CLOSABLE with `details.reasons`.',
        params: ZIdParams,
        body: ZCloseBatchCaseBody,
        response: { 200: ZBatchCaseView, ...errorResponses },
      },
    },
    async (request) =>
      presentBatchCase(await closeBatchCase(deps, ctxOf(request), request.params.id, request.body ?? {})),
  );
};
