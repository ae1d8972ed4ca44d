import { decidePreventiveAction } from '../../app/capa/approve-capa-action';
import { completeCapaAction } from '../../app/capa/complete-capa-action';
import { createCapaAction } from '../../app/capa/create-capa-action';
import { getCapaAction, listCapaActions } from '../../app/capa/list-capa-actions';
import { verifyCapaAction } from '../../app/capa/verify-capa-action';
import {
  ZApproveCapaBody,
  ZCapaAction,
  ZCapaActions,
  ZCapaListQuery,
  ZCapaVerificationResult,
  ZCompleteCapaBody,
  ZCreateCapaActionBody,
  ZRejectCapaBody,
  ZVerifyCapaBody,
} from '../../contracts/capa.contract';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import { presentCapaAction, presentCapaVerification } from '../presenters/capa.presenter';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

const tags = ['capa'];

/** CAPA actions 纠正预防措施 (R-CAPA-1, R-CAPA-3, R-CAPA-4). */
export const capaActionRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/v1/capa-actions',
    {
      config: { permission: 'capa.manage' },
      schema: {
        tags,
        summary: '新建纠正预防措施 Open a CAPA action',
        description:
          'R-CAPA-1: every action has an owner and a due date. A preventive action waits for the general manager ' +
          '(`awaiting_approval`, R-CAPA-4). Give `productId` and `mechanism` so recurrences on later production are ' +
          'found automatically (R-CAPA-3). Numbered CA-YYYY-NNNN. 422 CAPA_DUE_INVALID for a due date before today.',
        body: ZCreateCapaActionBody,
        response: { 201: ZCapaAction, ...errorResponses },
      },
    },
    async (request, reply) => {
      const a = await createCapaAction(deps, ctxOf(request), request.body);
      reply.code(201).header('location', `/api/v1/capa-actions/${a.id}`);
      return presentCapaAction(a);
    },
  );

  app.get(
    '/api/v1/capa-actions',
    {
      config: { permission: 'capa.read' },
      schema: {
        tags,
        summary: '纠正预防措施列表 List CAPA actions',
        description:
          'Department roles see actions owned in their departments and their own (R-SEC-1). `overdue=true`: working ' +
          'actions past their due date.',
        querystring: ZCapaListQuery,
        response: { 200: ZCapaActions, ...errorResponses },
      },
    },
    async (request) => {
      const { overdue, ...q } = request.query;
      const page = await listCapaActions(deps, ctxOf(request), { ...q, overdue: overdue === 'true' });
      return { items: page.items.map(presentCapaAction), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/capa-actions/:id',
    {
      config: { permission: 'capa.read' },
      schema: {
        tags,
        summary: '纠正预防措施详情 A CAPA action',
        description: 'With every verification (verified, reopened, review) and its evidence (R-CAPA-3).',
        params: ZIdParams,
        response: { 200: ZCapaAction, ...errorResponses },
      },
    },
    async (request) => presentCapaAction(await getCapaAction(deps, ctxOf(request), request.params.id)),
  );

  app.post(
    '/api/v1/capa-actions/:id/approve',
    {
      config: { permission: 'capa.approve' },
      schema: {
        tags,
        summary: '总经理批准预防措施 GM approves a preventive action',
        description:
          'R-CAPA-4: `awaiting_approval` → `open`. Only the general manager (capa.approve); others 403.',
        params: ZIdParams,
        body: ZApproveCapaBody,
        response: { 200: ZCapaAction, ...errorResponses },
      },
    },
    async (request) =>
      presentCapaAction(
        await decidePreventiveAction(deps, ctxOf(request), request.params.id, {
          approve: true,
          note: request.body.note,
        }),
      ),
  );

  app.post(
    '/api/v1/capa-actions/:id/reject',
    {
      config: { permission: 'capa.approve' },
      schema: {
        tags,
        summary: '总经理驳回预防措施 GM rejects a preventive action',
        description: 'R-CAPA-4: `awaiting_approval` → `cancelled`, with the reason.',
        params: ZIdParams,
        body: ZRejectCapaBody,
        response: { 200: ZCapaAction, ...errorResponses },
      },
    },
    async (request) =>
      presentCapaAction(
        await decidePreventiveAction(deps, ctxOf(request), request.params.id, {
          approve: false,
          note: request.body.reason,
        }),
      ),
  );

  app.post(
    '/api/v1/capa-actions/:id/complete',
    {
      config: { permission: 'capa.manage' },
      schema: {
        tags,
        summary: '措施完成 Report an action done',
        description:
          'With what was done and, for corrective and preventive actions, `effectiveFrom`: the production date from ' +
          'which it applies; batches produced on or after it are watched for `verifyAfterDays` (R-CAPA-3). 409 ' +
          'CAPA_APPROVAL_REQUIRED for a preventive action the GM has not approved (R-CAPA-4); 422 ' +
          'CAPA_EFFECTIVE_FROM_INVALID when the problem already recurred on production from that date.',
        params: ZIdParams,
        body: ZCompleteCapaBody,
        response: { 200: ZCapaAction, ...errorResponses },
      },
    },
    async (request) =>
      presentCapaAction(await completeCapaAction(deps, ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/capa-actions/:id/verify',
    {
      config: { permission: 'capa.manage' },
      schema: {
        tags,
        summary: '验证措施有效性 Verify effectiveness now',
        description:
          'R-CAPA-3 on the data as it stands: a counted complaint of the same product and failure mechanism on a ' +
          'batch produced on or after `effectiveFrom` reopens the action — or, after two reopenings, sends it to the ' +
          'quality review meeting (`review`); no recurrence once the window has passed → `verified` with the batches ' +
          'checked and complaints counted; otherwise `pending` (nothing changes). The deadline sweep does the same on ' +
          'schedule.',
        params: ZIdParams,
        body: ZVerifyCapaBody,
        response: { 200: ZCapaVerificationResult, ...errorResponses },
      },
    },
    async (request) =>
      presentCapaVerification(await verifyCapaAction(deps, ctxOf(request), request.params.id, request.body)),
  );
};
