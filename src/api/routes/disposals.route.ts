import {
  getDisposal,
  listDisposals,
  objectToDisposal,
  publishDisposal,
  redecideDisposal,
  ruleOnDisposal,
} from '../../app/capa/disposals';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import {
  ZDisposal,
  ZDisposalListQuery,
  ZDisposals,
  ZObjectDisposalBody,
  ZPublishDisposalBody,
  ZRedecideDisposalBody,
  ZRuleDisposalBody,
} from '../../contracts/disposal.contract';
import { presentDisposal } from '../presenters/capa.presenter';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

const tags = ['capa'];

/** Nonconformity disposals 不合格品处置和评审单: publication, objections, re-investigation, chief engineer (R-ESC-3). */
export const disposalRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/v1/disposals',
    {
      config: { permission: 'capa.manage' },
      schema: {
        tags,
        summary: '发布不合格品处置决定 Publish a disposal decision',
        description:
          'R-ESC-3: published for objections until 24:00 of the 7th calendar day after publication (policy ' +
          '`capa_policy.objectionWindowDays`); no objection by then → `final`. Numbered CZ-YYYY-NNNN.',
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
    '/api/v1/disposals/:id/objections',
    {
      config: { permission: 'capa.manage' },
      schema: {
        tags,
        summary: '提出异议 Object to a published decision',
        description:
          'R-ESC-3, reason required: the first objection sends the decision back for re-investigation ' +
          '(`reinvestigating`), an objection to the republished decision goes to the chief engineer ' +
          '(`awaiting_ruling`). 409 DISPOSAL_OBJECTION_WINDOW_CLOSED after the window.',
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
        summary: '复查后重新发布 Republish after re-investigation',
        description: 'R-ESC-3: findings and a new decision, published for a new window (round 2).',
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
