import {
  approveDisposal,
  getDisposal,
  listDisposals,
  objectToDisposal,
  publishDisposal,
  redecideDisposal,
  resubmitDisposal,
  returnDisposal,
  ruleOnDisposal,
} from '../../app/capa/disposals';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import {
  ZApproveDisposalBody,
  ZDisposal,
  ZDisposalListQuery,
  ZDisposals,
  ZObjectDisposalBody,
  ZPublishDisposalBody,
  ZRedecideDisposalBody,
  ZResubmitDisposalBody,
  ZReturnDisposalBody,
  ZRuleDisposalBody,
} from '../../contracts/disposal.contract';
import { presentDisposal } from '../presenters/capa.presenter';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

const tags = ['capa'];

/**
 * Nonconformity disposals 不合格品处置和评审单: the chief engineer's approval before publication, objections,
 * re-investigation and his final ruling (R-ESC-3).
 */
export const disposalRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/v1/disposals',
    {
      config: { permission: 'capa.manage' },
      schema: {
        tags,
        summary: '提交不合格品处置决定 Submit a disposal decision for approval',
        description:
          'R-ESC-3: numbered CZ-YYYY-NNNN and `awaiting_approval`: the chief engineer approves it (`…/approve`) ' +
          'before it is published; the objection window starts then.',
        body: ZPublishDisposalBody,
        response: { 201: ZDisposal, ...errorResponses },
      },
    },
    async (request, reply) => {
      const d = await publishDisposal(deps, ctxOf(request), request.body);
      reply.code(201).header('location', `/api/v1/disposals/${d.id}`);
      return presentDisposal(d);
    },
  );

  app.get(
    '/api/v1/disposals',
    {
      config: { permission: 'capa.read' },
      schema: {
        tags,
        summary: '不合格品处置列表 List disposals',
        querystring: ZDisposalListQuery,
        response: { 200: ZDisposals, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listDisposals(deps, ctxOf(request), request.query);
      return { items: page.items.map(presentDisposal), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/disposals/:id',
    {
      config: { permission: 'capa.read' },
      schema: {
        tags,
        summary: '不合格品处置详情 A disposal',
        params: ZIdParams,
        response: { 200: ZDisposal, ...errorResponses },
      },
    },
    async (request) => presentDisposal(await getDisposal(deps, ctxOf(request), request.params.id)),
  );

  app.post(
    '/api/v1/disposals/:id/approve',
    {
      config: { permission: 'disposal.rule' },
      schema: {
        tags,
        summary: '总工程师批准发布 Chief engineer approves publication',
        description:
          'R-ESC-3: `awaiting_approval` → `published`; the objection window runs from now until 24:00 of the ' +
          '7th calendar day (policy `capa_policy.objectionWindowDays`); no objection by then → `final`. Only the ' +
          'chief engineer (disposal.rule), others 403; any other status 409 DISPOSAL_ILLEGAL_TRANSITION.',
        params: ZIdParams,
        body: ZApproveDisposalBody,
        response: { 200: ZDisposal, ...errorResponses },
      },
    },
    async (request) =>
      presentDisposal(await approveDisposal(deps, ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/disposals/:id/return',
    {
      config: { permission: 'disposal.rule' },
      schema: {
        tags,
        summary: '总工程师退回质保部 Chief engineer returns the decision',
        description: 'R-ESC-3: `awaiting_approval` → `returned`, with the reason; only the chief engineer.',
        params: ZIdParams,
        body: ZReturnDisposalBody,
        response: { 200: ZDisposal, ...errorResponses },
      },
    },
    async (request) =>
      presentDisposal(await returnDisposal(deps, ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/disposals/:id/resubmit',
    {
      config: { permission: 'capa.manage' },
      schema: {
        tags,
        summary: '修改后重新提交批准 Resubmit a returned decision',
        description: 'R-ESC-3: `returned` → `awaiting_approval` with the edited decision.',
        params: ZIdParams,
        body: ZResubmitDisposalBody,
        response: { 200: ZDisposal, ...errorResponses },
      },
    },
    async (request) =>
      presentDisposal(await resubmitDisposal(deps, ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/disposals/:id/objections',
    {
      config: { permission: 'capa.manage' },
      schema: {
        tags,
        summary: '提出异议 Object to a published decision',
        description:
          'R-ESC-3, reason required: the first objection sends the decision back for re-investigation ' +
          '(`reinvestigating`), an objection to the republished decision goes to the chief engineer ' +
          '(`awaiting_ruling`). 409 DISPOSAL_OBJECTION_WINDOW_CLOSED after the window, 409 ' +
          'DISPOSAL_APPROVAL_REQUIRED before the chief engineer approved the decision.',
        params: ZIdParams,
        body: ZObjectDisposalBody,
        response: { 201: ZDisposal, ...errorResponses },
      },
    },
    async (request, reply) => {
      const d = await objectToDisposal(deps, ctxOf(request), request.params.id, request.body);
      reply.code(201);
      return presentDisposal(d);
    },
  );

  app.post(
    '/api/v1/disposals/:id/redecide',
    {
      config: { permission: 'capa.manage' },
      schema: {
        tags,
        summary: '复查后提交新决定 New decision after re-investigation',
        description:
          'R-ESC-3: findings and a new decision (round 2) → `awaiting_approval`; published for a new window once ' +
          'the chief engineer approves it.',
        params: ZIdParams,
        body: ZRedecideDisposalBody,
        response: { 200: ZDisposal, ...errorResponses },
      },
    },
    async (request) =>
      presentDisposal(await redecideDisposal(deps, ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/disposals/:id/ruling',
    {
      config: { permission: 'disposal.rule' },
      schema: {
        tags,
        summary: '总工程师最终裁决 Chief engineer’s final ruling',
        description: 'R-ESC-3: after a second objection; only the chief engineer (disposal.rule) → `final`.',
        params: ZIdParams,
        body: ZRuleDisposalBody,
        response: { 200: ZDisposal, ...errorResponses },
      },
    },
    async (request) =>
      presentDisposal(await ruleOnDisposal(deps, ctxOf(request), request.params.id, request.body)),
  );
};
