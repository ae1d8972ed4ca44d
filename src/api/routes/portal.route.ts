import {
  answerPortalSolution,
  ratePortalComplaint,
  submitPortalComplaint,
  trackPortalComplaint,
  type PortalKey,
  type PortalView,
} from '../../app/portal/portal-complaint';
import { trackingPath } from '../../app/complaints/complaint-events';
import { errorResponses } from '../../contracts/common.contract';
import {
  ZPortalAnswerBody,
  ZPortalKeyQuery,
  ZPortalRatingBody,
  ZPortalReceipt,
  ZPortalSubmitBody,
  ZPortalView,
} from '../../contracts/portal.contract';
import type { RouteModule } from './route-app';

const keyOf = (k: {
  token?: string | undefined;
  number?: string | undefined;
  phoneLast4?: string | undefined;
}): PortalKey =>
  k.token !== undefined ? { token: k.token } : { number: k.number ?? '', phoneLast4: k.phoneLast4 ?? '' };

const present = (v: PortalView) => ({
  ...v,
  receivedAt: v.receivedAt.toISOString(),
  milestones: v.milestones.map((m) => ({ ...m })),
  proposal: v.proposal && { options: v.proposal.options.map((o) => ({ ...o })), note: v.proposal.note },
});

/** The customer portal's API (public, rate-limited): submit, track, answer a solution, rate the outcome. */
export const portalRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/v1/portal/complaints',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['portal'],
        summary: '顾客提交投诉 Submit a complaint (public)',
        description: 'Rate-limited per address and per phone. Answers with the number and a tracking token.',
        body: ZPortalSubmitBody,
        response: { 201: ZPortalReceipt, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const r = await submitPortalComplaint(
        deps,
        {
          ...b,
          problem: { ...b.problem, occurredAt: b.problem.occurredAt ? new Date(b.problem.occurredAt) : null },
        },
        request.ip,
      );
      reply.code(201);
      return { ...r, trackingUrl: trackingPath(r.trackingToken) };
    },
  );

  app.get(
    '/api/v1/portal/complaints/track',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['portal'],
        summary: '查询进度 Track a complaint (public)',
        description:
          'By token, or by number and the last 4 phone digits. A wrong number and a wrong phone get the same 404.',
        querystring: ZPortalKeyQuery,
        response: { 200: ZPortalView, ...errorResponses },
      },
    },
    async (request) => present(await trackPortalComplaint(deps, keyOf(request.query), request.ip)),
  );

  app.post(
    '/api/v1/portal/complaints/answer',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['portal'],
        summary: '接受/拒绝方案 Accept or reject the solution (public)',
        body: ZPortalAnswerBody,
        response: { 200: ZPortalView, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body;
      const answer =
        b.decision === 'accept'
          ? { decision: 'accept' as const, optionIndex: b.optionIndex }
          : { decision: 'reject' as const, reason: b.reason ?? '' };
      return present(await answerPortalSolution(deps, keyOf(b), answer, request.ip));
    },
  );

  app.post(
    '/api/v1/portal/complaints/rating',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['portal'],
        summary: '满意度评价 Rate the outcome (public)',
        body: ZPortalRatingBody,
        response: { 200: ZPortalView, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body;
      return present(
        await ratePortalComplaint(
          deps,
          keyOf(b),
          { satisfied: b.satisfied, csat: b.csat, comment: b.comment },
          request.ip,
        ),
      );
    },
  );
};
