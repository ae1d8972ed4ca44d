import { getDashboard } from '../../app/dashboard/get-dashboard';
import { errorResponses } from '../../contracts/common.contract';
import { ZDashboardQuery, ZDashboardView } from '../../contracts/dashboard.contract';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

export const dashboardRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/dashboard',
    {
      config: { permission: 'complaint.read' },
      schema: {
        tags: ['complaints'],
        summary: '工作台统计 Dashboard figures',
        description:
          'Open complaints by status and severity, clocks breached today, intake per day with how much is closed, and the caller’s own open items; all within the caller’s department scope (R-SEC-1).',
        querystring: ZDashboardQuery,
        response: { 200: ZDashboardView, ...errorResponses },
      },
    },
    async (request) => {
      const d = await getDashboard(deps, ctxOf(request), request.query.days);
      return {
        ...d,
        openByStatus: { ...d.openByStatus },
        openBySeverity: { ...d.openBySeverity },
        trend: d.trend.map((t) => ({ ...t })),
        mine: d.mine && { ...d.mine },
      };
    },
  );
};
