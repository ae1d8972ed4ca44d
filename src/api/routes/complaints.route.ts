import { z } from 'zod';
import { addCommunication, listCommunications } from '../../app/complaints/add-communication';
import { getComplaint, type ComplaintDetail } from '../../app/complaints/get-complaint';
import { listComplaints } from '../../app/complaints/list-complaints';
import { openComplaint } from '../../app/complaints/open-complaint';
import { recordMilestone } from '../../app/complaints/record-milestone';
import { transitionComplaint, type TransitionInput } from '../../app/complaints/transition-complaint';
import {
  decideComplaintLink,
  listComplaintLinks,
  listFollowUps,
  updateComplaint,
} from '../../app/complaints/update-complaint';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import {
  ZCommunicationBody,
  ZCommunicationView,
  ZComplaintLinkView,
  ZComplaintView,
  ZCreateComplaintBody,
  ZFollowUpList,
  ZIntakeView,
  ZLinkDecisionBody,
  ZLinkParams,
  ZMilestoneBody,
  ZQueuePage,
  ZQueueQuery,
  ZTransitionBody,
  ZUpdateComplaintBody,
} from '../../contracts/complaint.contract';
import {
  presentCommunication,
  presentComplaint,
  presentComplaintSummary,
} from '../presenters/complaint.presenter';
import { ctxOf, etagOf, expectedVersionOf } from '../request-context';
import type { RouteModule } from './route-app';

const date = (iso: string | null | undefined) => (iso ? new Date(iso) : iso === null ? null : undefined);
const list = (csv: string | undefined) => csv?.split(',').filter(Boolean);
const bool = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');

export const complaintRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/v1/complaints',
    {
      config: { permission: 'complaint.create' },
      schema: {
        tags: ['complaints'],
        summary: '登记投诉 Register a complaint',
        description:
          'Any channel (R-INT-1). Answers with the number, the portal tracking token (once), the suggested classification (R-CLS), the after-hours decision (R-INT-5), possible re-submissions (R-INT-3) and the clocks started.',
        body: ZCreateComplaintBody,
        response: { 201: ZIntakeView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const r = await openComplaint(deps, ctxOf(request), {
        ...b,
        receivedAt: date(b.receivedAt) ?? undefined,
        problem: { ...b.problem, occurredAt: date(b.problem.occurredAt) },
      });
      // The answer is the use-case's own result (the new complaint, its clocks, the allowed actions): no re-read.
      const detail: ComplaintDetail = {
        complaint: r.complaint,
        deadlines: r.deadlines,
        allowedActions: r.allowedActions,
        assigneeName: null,
        departmentName: null,
      };
      reply
        .code(201)
        .header('location', `/api/v1/complaints/${r.complaint.id}`)
        .header('etag', etagOf(detail.complaint.version));
      return {
        complaint: presentComplaint(detail, request.actor),
        trackingToken: r.trackingToken,
        suggestion: r.suggestion,
        afterHours: { handling: r.afterHours.handling, processFrom: r.afterHours.processFrom.toISOString() },
        duplicates: [...r.duplicates],
        rules: r.rules.map((x) => ({ rule: x.rule, ...(x.detail !== undefined && { detail: x.detail }) })),
      };
    },
  );

  app.get(
    '/api/v1/complaints',
    {
      config: { permission: 'complaint.read' },
      schema: {
        tags: ['complaints'],
        summary: '工作队列 Work queue',
        description:
          'Open complaints in the caller’s scope (R-SEC-1), next due first; filters, cursor paging, counts by status.',
        querystring: ZQueueQuery,
        response: { 200: ZQueuePage, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await listComplaints(deps, ctxOf(request), {
        statuses: list(q.status),
        openOnly: q.open === 'true',
        severities: list(q.severity),
        departmentId: q.departmentId,
        assignee: q.assignee,
        productId: q.productId,
        batchNo: q.batchNo,
        channel: q.channel,
        kind: q.kind,
        dueBefore: date(q.dueBefore) ?? undefined,
        breached: bool(q.breached),
        major: bool(q.major),
        escalated: bool(q.escalated),
        q: q.q,
        sort: q.sort,
        cursor: q.cursor,
        limit: q.limit,
      });
      return {
        items: page.items.map((i) => ({
          ...presentComplaintSummary(i.complaint, request.actor),
          nextClock: i.nextClock && {
            ...i.nextClock,
            dueAt: i.nextClock.dueAt.toISOString(),
            warnAt: i.nextClock.warnAt.toISOString(),
          },
          assigneeName: i.assigneeName,
          departmentName: i.departmentName,
        })),
        nextCursor: page.nextCursor,
        counts: page.counts,
      };
    },
  );

  app.get(
    '/api/v1/complaints/:id',
    {
      config: { permission: 'complaint.read' },
      schema: {
        tags: ['complaints'],
        summary: '投诉详情 Complaint detail',
        params: ZIdParams,
        response: { 200: ZComplaintView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const detail = await getComplaint(deps, ctxOf(request), request.params.id);
      reply.header('etag', etagOf(detail.complaint.version));
      return presentComplaint(detail, request.actor);
    },
  );

  app.patch(
    '/api/v1/complaints/:id',
    {
      config: { permission: 'complaint.update' },
      schema: {
        tags: ['complaints'],
        summary: '更正投诉记录 Correct the record',
        description: 'Needs If-Match or `version`; closed records cannot be edited.',
        params: ZIdParams,
        body: ZUpdateComplaintBody,
        response: { 200: ZComplaintView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { version, problem, ...rest } = request.body;
      const detail = await updateComplaint(deps, ctxOf(request), request.params.id, {
        ...rest,
        ...(problem && { problem: { ...problem, occurredAt: date(problem.occurredAt) } }),
        expectedVersion: expectedVersionOf(request, version),
      });
      reply.header('etag', etagOf(detail.complaint.version));
      return presentComplaint(detail, request.actor);
    },
  );

  app.post(
    '/api/v1/complaints/:id/transitions',
    {
      config: { permission: 'complaint.read' },
      schema: {
        tags: ['complaints'],
        summary: '流转 Lifecycle command',
        description:
          'triage, assign, start_investigation, propose_solution, approve_solution, send_to_customer, customer_accept, customer_reject, start_execution, resolve, start_follow_up, record_follow_up, explain, declare_not_valid, withdraw, wait_on_customer, customer_responded. A command not allowed now → 409 ILLEGAL_TRANSITION with details.allowed; a guard → 422 TRANSITION_GUARD_FAILED. If-Match / version optional.',
        params: ZIdParams,
        body: ZTransitionBody,
        response: { 200: ZComplaintView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { version, ...body } = request.body;
      const input = (
        body.type === 'customer_accept' ? { ...body, executionDueAt: new Date(body.executionDueAt) } : body
      ) as TransitionInput;
      const header = request.headers['if-match'];
      const expected =
        typeof header === 'string' || version !== undefined ? expectedVersionOf(request, version) : undefined;
      const detail = await transitionComplaint(deps, ctxOf(request), request.params.id, input, {
        expectedVersion: expected,
      });
      reply.header('etag', etagOf(detail.complaint.version));
      return presentComplaint(detail, request.actor);
    },
  );

  app.post(
    '/api/v1/complaints/:id/milestones',
    {
      config: { permission: 'complaint.update' },
      schema: {
        tags: ['complaints'],
        summary: '处理节点 Record a handling milestone',
        description:
          'Meets the clocks waiting for it: emergency started (R-SLA-4), returned unit received/analysed (R-SLA-12), report issued (R-SLA-7).',
        params: ZIdParams,
        body: ZMilestoneBody,
        response: { 200: ZComplaintView, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body;
      const detail = await recordMilestone(deps, ctxOf(request), request.params.id, {
        milestone: b.milestone,
        at: date(b.at) ?? undefined,
        note: b.note,
      });
      return presentComplaint(detail, request.actor);
    },
  );

  app.get(
    '/api/v1/complaints/:id/communications',
    {
      config: { permission: 'complaint.read' },
      schema: {
        tags: ['complaints'],
        summary: '沟通记录 Communication log',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZCommunicationView) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listCommunications(deps, ctxOf(request), request.params.id)).map(presentCommunication),
    }),
  );

  app.post(
    '/api/v1/complaints/:id/communications',
    {
      config: { permission: 'complaint.update' },
      schema: {
        tags: ['complaints'],
        summary: '记录沟通 Log a contact',
        description:
          'Outbound contacts meet the call-back clocks (R-SLA-3/6); acknowledges=true the first answer (R-SLA-5); progress=true the progress report (R-SLA-10).',
        params: ZIdParams,
        body: ZCommunicationBody,
        response: { 201: ZCommunicationView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const row = await addCommunication(deps, ctxOf(request), request.params.id, {
        ...b,
        at: date(b.at) ?? undefined,
      });
      reply.code(201);
      return presentCommunication(row);
    },
  );

  app.get(
    '/api/v1/complaints/:id/links',
    {
      config: { permission: 'complaint.read' },
      schema: {
        tags: ['complaints'],
        summary: '关联投诉 Links (duplicates, reopen)',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZComplaintLinkView) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listComplaintLinks(deps, ctxOf(request), request.params.id)) as never,
    }),
  );

  app.post(
    '/api/v1/complaints/:id/links/:linkId/decision',
    {
      config: { permission: 'complaint.update' },
      schema: {
        tags: ['complaints'],
        summary: '确认/驳回重复 Confirm or reject a suggested duplicate (R-INT-3)',
        params: ZLinkParams,
        body: ZLinkDecisionBody,
        response: { 200: z.object({ items: z.array(ZComplaintLinkView) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await decideComplaintLink(
        deps,
        ctxOf(request),
        request.params.id,
        request.params.linkId,
        request.body.decision,
      )) as never,
    }),
  );

  app.get(
    '/api/v1/follow-ups',
    {
      config: { permission: 'complaint.follow_up' },
      schema: {
        tags: ['complaints'],
        summary: '回访任务 Follow-up calls (day 5–7, R-SLA-14)',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: ZFollowUpList, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listFollowUps(deps, ctxOf(request), request.query.limit)).map((t) => ({
        complaint: presentComplaintSummary(t.complaint, request.actor),
        opensAt: t.opensAt?.toISOString() ?? null,
        dueAt: t.dueAt.toISOString(),
        state: t.state,
      })),
    }),
  );
};
