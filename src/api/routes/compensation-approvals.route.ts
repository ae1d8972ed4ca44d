import { z } from 'zod';
import { getCompensation } from '../../app/compensation/get-compensation';
import { completeExecutionTask, listExecutionTasks } from '../../app/compensation/execution-tasks';
import { listPendingApprovals } from '../../app/compensation/list-pending-approvals';
import {
  createDelegation,
  listDelegations,
  revokeDelegation,
} from '../../app/compensation/manage-delegations';
import { proposeCompensation } from '../../app/compensation/propose-compensation';
import { renderWriteOffForm } from '../../app/compensation/render-write-off-form';
import { issueSigningChallenge, signProposal } from '../../app/compensation/sign-proposal';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import {
  ZCompensationView,
  ZCompleteTaskBody,
  ZCreateDelegationBody,
  ZDelegation,
  ZDelegations,
  ZExecutionTask,
  ZExecutionTasks,
  ZPendingApprovals,
  ZProposeCompensationBody,
  ZSignProposalBody,
  ZSigningChallenge,
  ZTaskListQuery,
} from '../../contracts/compensation-approval.contract';
import {
  presentChallenge,
  presentCompensationView,
  presentDelegation,
  presentPendingApproval,
  presentTask,
} from '../presenters/compensation-approval.presenter';
import { sendPrintedForm, ZPrintedFormResponse } from '../presenters/printed-form.presenter';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

const tags = ['compensation'];

/** Compensation proposals from the policy engine, electronic-signature approvals, delegation, execution tasks. */
export const compensationApprovalRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/complaints/:id/compensation',
    {
      config: { permission: 'complaint.read' },
      schema: {
        tags,
        summary: '投诉的补偿方案与审批 A complaint’s compensation, approvals and execution tasks',
        description:
          'Every proposal version (newest first) with its options, approval steps, the engine’s rules and citations, and ' +
          'each electronic signature with printed name, time and meaning (R-APR-2); signatures of a version no longer in ' +
          'force are marked `void`. `current` is the version in force. Tasks are the execution tasks of the agreement.',
        params: ZIdParams,
        response: { 200: ZCompensationView, ...errorResponses },
      },
    },
    async (request) =>
      presentCompensationView(await getCompensation(deps, ctxOf(request), request.params.id)),
  );

  app.get(
    '/api/v1/complaints/:id/compensation/write-off-form',
    {
      config: { permission: 'compensation.execute' },
      schema: {
        tags,
        summary: '打印产品质量处理核销申报表 Printable write-off application',
        description:
          'An HTML page to print: the 产品质量处理核销申报表 of the approved proposal (seed 004, R-RPT-3) — customer, ' +
          'product, agreement, each task carried out with its voucher or waybill, the amount to write off in figures and ' +
          'in words, who bears it (R-RES-8) and the electronic approvals (R-APR-2). Numbered HX-YYYY-NNNNNN when the ' +
          'last execution task is done. 409 WRITE_OFF_FORM_NOT_READY (details.reason: not_approved, tasks_open, ' +
          'nothing_carried_out) before that. Phone and address masked without pii.reveal.',
        params: ZIdParams,
        response: {
          200: ZPrintedFormResponse,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      return sendPrintedForm(reply, await renderWriteOffForm(deps, ctxOf(request), request.params.id));
    },
  );

  app.post(
    '/api/v1/complaints/:id/compensation/proposals',
    {
      config: { permission: 'complaint.propose' },
      schema: {
        tags,
        summary: '按补偿政策提出方案 Propose a solution from the compensation policy',
        description:
          'Runs the complaint through the compensation policy in force (R-RES-1…6, R-MAL-2, legal floors R-RES-5) and ' +
          'stores a new proposal version with the approval steps its options need (R-APR-1). Without `options` the ' +
          'engine’s ranked options are proposed. A new version supersedes the previous one and voids its signatures. ' +
          '422 AMOUNT_BELOW_LEGAL_FLOOR / CASH_BEFORE_VERIFICATION; 409 PROPOSAL_NOT_ALLOWED outside investigation.',
        params: ZIdParams,
        body: ZProposeCompensationBody,
        response: { 201: ZCompensationView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const view = await proposeCompensation(deps, ctxOf(request), request.params.id, request.body);
      reply.code(201);
      return presentCompensationView(view);
    },
  );

  app.post(
    '/api/v1/compensation/proposals/:id/challenge',
    {
      config: { permission: 'compensation.sign' },
      schema: {
        tags,
        summary: '发起电子签名 Start an electronic signature',
        description:
          'A single-use challenge for the caller and the proposal version’s hash, valid 5 minutes, with the statement the ' +
          'signer makes. Answer it with POST …/signatures.',
        params: ZIdParams,
        response: { 201: ZSigningChallenge, ...errorResponses },
      },
    },
    async (request, reply) => {
      const challenge = await issueSigningChallenge(deps, ctxOf(request), request.params.id);
      reply.code(201);
      return presentChallenge(challenge);
    },
  );

  app.post(
    '/api/v1/compensation/proposals/:id/signatures',
    {
      config: { permission: 'compensation.sign' },
      schema: {
        tags,
        summary: '电子签名（批准/驳回） Sign: approve or reject',
        description:
          'R-APR-2: re-enter your password (console session only), answer your challenge, state the meaning (approve, or ' +
          'reject with a reason). 401 SIGNATURE_REAUTH_FAILED wrong password; 409 SIGNATURE_CHALLENGE_INVALID unknown, ' +
          'expired, someone else’s or replayed; 409 PROPOSAL_STALE the proposal was edited; 403 SIGNER_NOT_AUTHORIZED ' +
          'no role or delegation for the open step; 403 SELF_APPROVAL_REFUSED the proposer.',
        params: ZIdParams,
        body: ZSignProposalBody,
        response: { 201: ZCompensationView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const view = await signProposal(deps, ctxOf(request), request.params.id, request.body);
      reply.code(201);
      return presentCompensationView(view);
    },
  );

  app.get(
    '/api/v1/approvals/pending',
    {
      config: { permission: 'compensation.sign' },
      schema: {
        tags,
        summary: '待我签署的审批 Approvals waiting for my signature',
        description:
          'Proposals whose open step you may sign, by your roles or a delegation in force (R-APR-1).',
        response: { 200: ZPendingApprovals, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listPendingApprovals(deps, ctxOf(request))).map(presentPendingApproval),
    }),
  );

  app.get(
    '/api/v1/approval-delegations',
    {
      config: { permission: 'compensation.sign' },
      schema: {
        tags,
        summary: '我的审批委托 My approval delegations',
        response: { 200: ZDelegations, ...errorResponses },
      },
    },
    async (request) => ({ items: (await listDelegations(deps, ctxOf(request))).map(presentDelegation) }),
  );

  app.post(
    '/api/v1/approval-delegations',
    {
      config: { permission: 'compensation.sign' },
      schema: {
        tags,
        summary: '外出委托审批 Delegate my approvals while away',
        description:
          'The delegate may sign for your approver roles within the window; signatures show “on behalf of”.',
        body: ZCreateDelegationBody,
        response: { 201: ZDelegation, ...errorResponses },
      },
    },
    async (request, reply) => {
      const view = await createDelegation(deps, ctxOf(request), {
        delegateId: request.body.delegateId,
        startsAt: new Date(request.body.startsAt),
        endsAt: new Date(request.body.endsAt),
        reason: request.body.reason,
      });
      reply.code(201);
      return presentDelegation(view);
    },
  );

  app.post(
    '/api/v1/approval-delegations/:id/revoke',
    {
      config: { permission: 'compensation.sign' },
      schema: {
        tags,
        summary: '撤销委托 Revoke a delegation',
        params: ZIdParams,
        response: { 200: z.object({ revoked: z.literal(true) }), ...errorResponses },
      },
    },
    async (request) => {
      await revokeDelegation(deps, ctxOf(request), request.params.id);
      return { revoked: true as const };
    },
  );

  app.get(
    '/api/v1/compensation/tasks',
    {
      config: { permission: 'compensation.execute' },
      schema: {
        tags,
        summary: '方案执行任务 Execution tasks',
        description: '`overdue=true` lists agreed solutions not carried out by their date (R-RES-9).',
        querystring: ZTaskListQuery,
        response: { 200: ZExecutionTasks, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const items = await listExecutionTasks(deps, ctxOf(request), {
        status: q.status,
        overdue: q.overdue === 'true',
        mine: q.mine === 'true',
        limit: q.limit,
      });
      return { items: items.map(presentTask) };
    },
  );

  app.post(
    '/api/v1/compensation/tasks/:id/complete',
    {
      config: { permission: 'compensation.execute' },
      schema: {
        tags,
        summary: '完成执行任务 / 财务确认已付 Complete a task (finance: mark paid)',
        description:
          'The holder of the task’s owner role records it done; a refund or cash payment needs the payment reference. ' +
          'The ledger books the amount as paid.',
        params: ZIdParams,
        body: ZCompleteTaskBody,
        response: { 200: ZExecutionTask, ...errorResponses },
      },
    },
    async (request) =>
      presentTask(await completeExecutionTask(deps, ctxOf(request), request.params.id, request.body)),
  );
};
