import { getBatchBoard } from '../../app/batch-signals/get-batch-board';
import { getQualityReport, listQualityReports } from '../../app/batch-signals/get-quality-report';
import { issueQualityReport } from '../../app/batch-signals/issue-quality-report';
import {
  ZBatchBoard,
  ZBatchBoardQuery,
  ZIssueQualityReportBody,
  ZQualityReportListQuery,
  ZQualityReports,
  ZQualityReportView,
} from '../../contracts/batch-signal.contract';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import {
  presentBatchBoard,
  presentQualityReport,
  presentQualityReportView,
} from '../presenters/batch-signal.presenter';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

const tags = ['batch'];

/** Batch signals: the batch board and the abnormality / special quality reports (R-BAT-1…4, R-SLA-7). */
export const batchSignalRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/batch-board',
    {
      config: { permission: 'batch.read' },
      schema: {
        tags,
        summary: '批量问题看板 Batch board',
        description:
          'Every counted (product, batch, failure mechanism) with valid complaints, units shipped (shipments of the ' +
          'batch, else its quantity) and the rate (R-BAT-1), the thresholds it crossed (3‰ abnormality R-BAT-2, 1% ' +
          'special R-BAT-3, from policy batch_thresholds), its quality reports, its open batch case (R-BAT-4), ' +
          'counts per ISO week and per region. Batches are ranked by their highest rate; nothing shipped ranks last.',
        querystring: ZBatchBoardQuery,
        response: { 200: ZBatchBoard, ...errorResponses },
      },
    },
    async (request) => presentBatchBoard(await getBatchBoard(deps, ctxOf(request), request.query)),
  );

  app.get(
    '/api/v1/quality-reports',
    {
      config: { permission: 'batch.read' },
      schema: {
        tags,
        summary: '质量异常/专题报告列表 Quality reports',
        description:
          'Market quality abnormality reports 《市场质量异常反馈单》 and quality special reports 《质量专题报告》 opened by ' +
          'batch signals. `status=open`: the earliest due first, `overdue` past the 72 hours from the first ' +
          'complaint (R-SLA-7).',
        querystring: ZQualityReportListQuery,
        response: { 200: ZQualityReports, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listQualityReports(deps, ctxOf(request), request.query)).map(presentQualityReport),
    }),
  );

  app.get(
    '/api/v1/quality-reports/:id',
    {
      config: { permission: 'batch.read' },
      schema: {
        tags,
        summary: '质量报告详情 A quality report',
        description:
          'The report, the signal as it stands now, and the counted complaints of its batch and mechanism that you ' +
          'may see, each with the time its R-SLA-7 clock was met.',
        params: ZIdParams,
        response: { 200: ZQualityReportView, ...errorResponses },
      },
    },
    async (request) =>
      presentQualityReportView(await getQualityReport(deps, ctxOf(request), request.params.id)),
  );

  app.post(
    '/api/v1/quality-reports/:id/issue',
    {
      config: { permission: 'batch.manage' },
      schema: {
        tags,
        summary: '发出质量报告 Issue a quality report',
        description:
          'Records summary, cause and measures and issues the report; the `report_issued` milestone is recorded on ' +
          'every counted complaint of its batch and mechanism still being handled, meeting their R-SLA-7 clocks. ' +
          '409 QUALITY_REPORT_ALREADY_ISSUED once issued; 409 VERSION_CONFLICT when `version` moved on.',
        params: ZIdParams,
        body: ZIssueQualityReportBody,
        response: { 200: ZQualityReportView, ...errorResponses },
      },
    },
    async (request) =>
      presentQualityReportView(
        await issueQualityReport(deps, ctxOf(request), request.params.id, {
          content: request.body.content,
          expectedVersion: request.body.version,
        }),
      ),
  );
};
