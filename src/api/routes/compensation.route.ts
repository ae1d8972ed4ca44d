import { simulateCompensation } from '../../app/compensation/simulate-compensation';
import { errorResponses } from '../../contracts/common.contract';
import { ZCompensationSimulation, ZSimulateCompensationBody } from '../../contracts/compensation.contract';
import { presentCompensationSimulation } from '../presenters/compensation.presenter';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

export const compensationRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/v1/compensation/simulate',
    {
      config: { permission: 'complaint.propose' },
      schema: {
        tags: ['compensation'],
        summary: '补偿方案模拟 Simulate a compensation decision',
        description:
          'Runs a hypothetical complaint through the compensation policy in force (or the draft in `policy`) and answers ' +
          'ranked options with amounts in fen, the approval chain of each, the rule ids that fired (R-RES-2…6, R-MAL-2, ' +
          'R-APR-1) and legal citations with computed floors. Nothing is stored. 422 POLICY_INVALID lists every problem ' +
          'of a draft in details.problems.',
        body: ZSimulateCompensationBody,
        response: { 200: ZCompensationSimulation, ...errorResponses },
      },
    },
    async (request) =>
      presentCompensationSimulation(await simulateCompensation(deps, ctxOf(request), request.body)),
  );
};
