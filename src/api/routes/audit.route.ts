import { getEntityHistory } from '../../app/audit/get-entity-history';
import { verifyAuditChain } from '../../app/audit/verify-audit-chain';
import { ZAuditPage, ZAuditQuery, ZAuditVerificationView } from '../../contracts/audit.contract';
import { errorResponses } from '../../contracts/common.contract';
import { presentAuditEntry } from '../presenters/ops.presenter';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

export const auditRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: '变更历史 History of an entity',
        description: 'Every change to one entity, oldest first, from the append-only audit trail (R-SEC-2).',
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage, ...errorResponses },
      },
    },
    async (request) => {
      const page = await getEntityHistory(deps, ctxOf(request), request.query);
      return { items: page.items.map(presentAuditEntry), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/audit/verification',
    {
      config: { permission: 'audit.verify' },
      schema: {
        tags: ['audit'],
        summary: '校验审计链 Verify the audit trail',
        description:
          'Recomputes every hash chain and names the first broken row of each (same as `closeloop audit verify`).',
        response: { 200: ZAuditVerificationView, ...errorResponses },
      },
    },
    async () => {
      const result = await verifyAuditChain(deps);
      return {
        ...result,
        breaks: [...result.breaks],
        heads: [...result.heads],
        anchorProblems: [...result.anchorProblems],
      };
    },
  );
};
