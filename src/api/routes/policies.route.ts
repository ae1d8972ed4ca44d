import { getPolicy, listPolicies } from '../../app/policies/list-policies';
import { updatePolicy } from '../../app/policies/update-policy';
import { errorResponses } from '../../contracts/common.contract';
import { ZPolicyKeyParams, ZPolicyList, ZPolicyView, ZPutPolicyBody } from '../../contracts/policy.contract';
import { presentPolicy } from '../presenters/policy.presenter';
import { ctxOf, etagOf, expectedVersionOf } from '../request-context';
import type { RouteModule } from './route-app';

export const policyRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/policies',
    {
      config: { permission: 'reference.read' },
      schema: {
        tags: ['policies'],
        summary: '规则配置列表 List policies',
        description:
          'Every policy key with the value in force (stored, or the built-in default with version 0): deadlines, classification, re-review and escalation chains, duplicate window, custom fields, KPI points.',
        response: { 200: ZPolicyList, ...errorResponses },
      },
    },
    async (request) => ({ items: (await listPolicies(deps, ctxOf(request))).map(presentPolicy) }),
  );

  app.get(
    '/api/v1/policies/:key',
    {
      config: { permission: 'reference.read' },
      schema: {
        tags: ['policies'],
        summary: '规则配置详情 Get a policy',
        params: ZPolicyKeyParams,
        response: { 200: ZPolicyView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const p = await getPolicy(deps, ctxOf(request), request.params.key);
      reply.header('etag', etagOf(p.version));
      return presentPolicy(p);
    },
  );

  app.put(
    '/api/v1/policies/:key',
    {
      config: { permission: 'policy.manage' },
      schema: {
        tags: ['policies'],
        summary: '修改规则配置 Replace a policy',
        description:
          'Takes effect at once in every process, no deploy. Needs If-Match: "<version>" or `version` (409 VERSION_CONFLICT when stale); ' +
          'a policy still at its default takes version 0 or none. The value is checked by key: 422 POLICY_INVALID ' +
          '(DEADLINE_POLICY_INVALID for deadline_policy) lists every { path, message } in details.problems. Audited with before and after.',
        params: ZPolicyKeyParams,
        body: ZPutPolicyBody,
        response: { 200: ZPolicyView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { value, version, reason } = request.body;
      const versioned = request.headers['if-match'] !== undefined || version !== undefined;
      const p = await updatePolicy(deps, ctxOf(request), request.params.key, {
        value,
        expectedVersion: versioned ? expectedVersionOf(request, version) : undefined,
        reason,
      });
      reply.header('etag', etagOf(p.version));
      return presentPolicy(p);
    },
  );
};
