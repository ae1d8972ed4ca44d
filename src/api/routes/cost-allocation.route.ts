import { allocateCost } from '../../app/compensation/allocate-cost';
import { getCostAllocation } from '../../app/compensation/get-cost-allocation';
import { renderCostForm } from '../../app/compensation/render-cost-form';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import {
  ZCostAllocationView,
  ZCostCauseQuery,
  ZCostFormQuery,
  ZPutCostAllocationBody,
} from '../../contracts/cost-allocation.contract';
import { presentCostAllocation } from '../presenters/cost-allocation.presenter';
import { sendPrintedForm, ZPrintedFormResponse } from '../presenters/printed-form.presenter';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

/** Cost allocation 责任划分 (R-RES-8) and its printed forms 质量事故费用转移单 / 扣款通知单 (R-RPT-3). */
export const costAllocationRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/complaints/:id/cost-allocation',
    {
      config: { permission: 'compensation.allocate' },
      schema: {
        tags: ['compensation'],
        summary: '费用分摊 Get the cost allocation of a complaint',
        description:
          'The allocated shares with their form numbers, and the suggested responsible party with the rule ids ' +
          '(R-RES-8; R-CLS-5/6 when the classification decided; R-WAR-4 for the customer). `cause` sharpens the suggestion.',
        params: ZIdParams,
        querystring: ZCostCauseQuery,
        response: { 200: ZCostAllocationView, ...errorResponses },
      },
    },
    async (request) =>
      presentCostAllocation(
        await getCostAllocation(deps, ctxOf(request), request.params.id, { cause: request.query.cause }),
      ),
  );

  app.put(
    '/api/v1/complaints/:id/cost-allocation',
    {
      config: { permission: 'compensation.allocate' },
      schema: {
        tags: ['compensation'],
        summary: '费用分摊 Allocate the cost of a complaint',
        description:
          'Replaces the allocation (R-RES-8). Shares in basis points must add up to exactly 10 000 (422 ' +
          'COST_SHARES_INVALID); amounts are split by the largest remainder so they add up to the total to the fen. ' +
          "Without totalFen the total is the complaint's agreed or paid compensation in the ledger, whichever is larger " +
          '(422 COST_TOTAL_REQUIRED when there is none). Parties other than the company and the customer get a ' +
          '质量事故费用转移单 number ZY-YYYY-NNNNNN, external parties (supplier, logistics, retailer) also a 扣款通知单 ' +
          'number KK-YYYY-NNNNNN, gapless per year. A share whose document does not change keeps its numbers. Audited.',
        params: ZIdParams,
        body: ZPutCostAllocationBody,
        response: { 200: ZCostAllocationView, ...errorResponses },
      },
    },
    async (request) =>
      presentCostAllocation(await allocateCost(deps, ctxOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/cost-allocations/:id/form',
    {
      config: { permission: 'compensation.allocate' },
      schema: {
        tags: ['compensation'],
        summary: '打印单据 Printable cost-transfer form or deduction notice',
        description:
          'An HTML page to print: 质量事故费用转移单 (type=transfer) or 扣款通知单 (type=deduction) of one allocated ' +
          'share, in Simplified Chinese with English subtitles. 404 COST_FORM_NOT_AVAILABLE when the party gets no such form.',
        params: ZIdParams,
        querystring: ZCostFormQuery,
        response: {
          200: ZPrintedFormResponse,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      return sendPrintedForm(
        reply,
        await renderCostForm(deps, ctxOf(request), request.params.id, request.query.type),
      );
    },
  );
};
