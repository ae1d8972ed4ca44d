import type { QualityReport, QualityReportStatus } from '../../domain/batch/batch-signal';
import { qualityReportRepo } from '../../db/repos/quality-report.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { loadQualityReportView, type QualityReportView } from './quality-report-view';

/** One quality report with the complaints it covers (batch.read). */
export const getQualityReport = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
): Promise<QualityReportView> => {
  assertPermission(ctx.actor, 'batch.read');
  const ex = deps.db.reader();
  const report = await qualityReportRepo.findById(ex, id);
  if (!report) throw new AppError('QUALITY_REPORT_NOT_FOUND');
  return loadQualityReportView(ex, ctx, report, deps.clock.now());
};

export type QualityReportListItem = { readonly report: QualityReport; readonly overdue: boolean };

/** Quality reports by status — open ones the earliest due first (R-SLA-7), issued ones the latest first (batch.read). */
export const listQualityReports = async (
  deps: Deps,
  ctx: UseCaseContext,
  filter: { readonly status?: QualityReportStatus | undefined; readonly limit?: number | undefined },
): Promise<QualityReportListItem[]> => {
  assertPermission(ctx.actor, 'batch.read');
  const now = deps.clock.now();
  const reports = await qualityReportRepo.list(deps.db.reader(), filter.status, filter.limit ?? 100);
  return reports.map((report) => ({
    report,
    overdue: report.status === 'open' && now.getTime() > report.dueAt.getTime(),
  }));
};
