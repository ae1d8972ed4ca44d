import type { z } from 'zod';
import type { BatchBoard } from '../../app/batch-signals/get-batch-board';
import type { QualityReportListItem } from '../../app/batch-signals/get-quality-report';
import type { QualityReportView } from '../../app/batch-signals/quality-report-view';
import type { ZBatchBoard, ZQualityReport, ZQualityReportView } from '../../contracts/batch-signal.contract';

export const presentQualityReport = (item: QualityReportListItem): z.infer<typeof ZQualityReport> => {
  const r = item.report;
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    productId: r.productId,
    batchNo: r.batchNo,
    mechanism: r.mechanism,
    triggers: [...r.triggers],
    rate: r.rate,
    threshold: r.threshold,
    validComplaints: r.validComplaints,
    unitsShipped: r.unitsShipped,
    firstComplaintAt: r.firstComplaintAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
    overdue: item.overdue,
    status: r.status,
    content: r.content ? { ...r.content } : null,
    issuedAt: r.issuedAt?.toISOString() ?? null,
    issuedBy: r.issuedBy,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
};

export const presentQualityReportView = (v: QualityReportView): z.infer<typeof ZQualityReportView> => ({
  report: presentQualityReport({ report: v.report, overdue: v.overdue }),
  product: v.product,
  current: { ...v.current },
  complaints: v.complaints.map((c) => ({
    id: c.id,
    number: c.number,
    status: c.status,
    receivedAt: c.receivedAt.toISOString(),
    region: c.region,
    serious: c.serious,
    reportIssuedAt: c.reportIssuedAt,
  })),
});

export const presentBatchBoard = (b: BatchBoard): z.infer<typeof ZBatchBoard> => ({
  thresholds: { ...b.thresholds },
  items: b.items.map((s) => ({
    rank: s.rank,
    productId: s.productId,
    productCode: s.productCode,
    productName: s.productName,
    batchNo: s.batchNo,
    mechanism: s.mechanism,
    validComplaints: s.validComplaints,
    seriousEvents: s.seriousEvents,
    unitsShipped: s.unitsShipped,
    rate: s.rate,
    thresholdsCrossed: [...s.thresholdsCrossed],
    firstComplaintAt: s.firstComplaintAt.toISOString(),
    lastComplaintAt: s.lastComplaintAt.toISOString(),
    reports: s.reports.map(({ report: r, overdue }) => ({
      id: r.id,
      number: r.number,
      kind: r.kind,
      status: r.status,
      dueAt: r.dueAt.toISOString(),
      overdue,
    })),
    openCase: s.openCase
      ? {
          ...s.openCase,
          openedAt: s.openCase.openedAt.toISOString(),
          investigationDueAt: s.openCase.investigationDueAt.toISOString(),
        }
      : null,
    weekly: s.weekly.map((w) => ({ ...w })),
    regions: s.regions.map((r) => ({ ...r })),
  })),
});
