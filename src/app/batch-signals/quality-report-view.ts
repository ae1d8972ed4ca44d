import type { QualityReport } from '../../domain/batch/batch-signal';
import type { Executor } from '../../db/client';
import {
  batchSignalRepo,
  listCountedComplaints,
  type CountedComplaint,
} from '../../db/repos/batch-signal.repo';
import type { ComplaintScope } from '../../db/repos/complaint.repo';
import { productRepo } from '../../db/repos/product.repo';
import { complaintScopeOf } from '../complaints/get-complaint';
import type { UseCaseContext } from '../context';
import { hasPermission } from '../identity/assert-permission';

/** A quality report with its product, the signal as it stands now and the complaints it covers. */
export type QualityReportView = {
  readonly report: QualityReport;
  readonly product: { readonly code: string; readonly name: string } | null;
  /** The counter now (it may have moved on since the report opened). */
  readonly current: { readonly validComplaints: number; readonly unitsShipped: number };
  /** An open report past its due time (R-SLA-7). */
  readonly overdue: boolean;
  /** The counted complaints of its batch and mechanism that the reader may see. */
  readonly complaints: readonly CountedComplaint[];
};

/** The complaint scope of a batch reader; null (no complaint shown) without complaint.read. */
export const signalComplaintScopeOf = (ctx: UseCaseContext): ComplaintScope | null =>
  hasPermission(ctx.actor, 'complaint.read') ? complaintScopeOf(ctx) : null;

export const loadQualityReportView = async (
  ex: Executor,
  ctx: UseCaseContext,
  report: QualityReport,
  now: Date,
): Promise<QualityReportView> => {
  const product = await productRepo.findById(ex, report.productId);
  const counted = await batchSignalRepo.findCounter(ex, report);
  return {
    report,
    product: product ? { code: product.code, name: product.name } : null,
    current: {
      validComplaints: counted?.validComplaints ?? report.validComplaints,
      unitsShipped: await batchSignalRepo.findUnitsShipped(ex, report.productId, report.batchNo),
    },
    overdue: report.status === 'open' && now.getTime() > report.dueAt.getTime(),
    complaints: await listCountedComplaints(ex, report, signalComplaintScopeOf(ctx)),
  };
};
