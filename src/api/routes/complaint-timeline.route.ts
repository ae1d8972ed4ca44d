import { getComplaintTimeline } from '../../app/complaints/get-complaint-timeline';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import { ZTimelineView } from '../../contracts/timeline.contract';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

export const complaintTimelineRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/complaints/:id/timeline',
    {
      config: { permission: 'complaint.read' },
      schema: {
        tags: ['complaints'],
        summary: '投诉时间线 Complaint timeline',
        description:
          'Audit trail, communications and events (with their notification delivery) of one complaint, newest first, in one list. Department scope as for the complaint (R-SEC-1); audit entries name the changed fields, not their values.',
        params: ZIdParams,
        response: { 200: ZTimelineView, ...errorResponses },
      },
    },
    async (request) => {
      const entries = await getComplaintTimeline(deps, ctxOf(request), request.params.id);
      return {
        items: entries.map((e) => ({ ...e, at: e.at.toISOString(), detail: { ...e.detail } })),
      };
    },
  );
};
