import type { QualityReportKind, ReportTrigger } from './decide-batch-signal';

/** What batch signals count by (R-BAT-1): one product, one batch 批号, one failure mechanism 同种机理. */
export type SignalKey = {
  readonly productId: string;
  readonly batchNo: string;
  readonly mechanism: string;
};

/** The counter of one signal key after an atomic upsert (R-BAT-1). */
export type SignalCounter = SignalKey & {
  readonly validComplaints: number;
  readonly seriousEvents: number;
  readonly firstComplaintId: string;
  readonly firstComplaintAt: Date;
  readonly lastComplaintAt: Date;
};

export const QUALITY_REPORT_STATUSES = ['open', 'issued'] as const;
export type QualityReportStatus = (typeof QUALITY_REPORT_STATUSES)[number];

/** What the person issuing a report writes in it (《市场质量异常反馈单》 / 《质量专题报告》). */
export type QualityReportContent = {
  readonly summary: string;
  readonly cause: string;
  readonly measures: string;
};

/** A market quality abnormality report or a quality special report (R-BAT-2, R-BAT-3), due by R-SLA-7. */
export type QualityReport = SignalKey & {
  readonly id: string;
  readonly number: string;
  readonly kind: QualityReportKind;
  readonly triggers: readonly ReportTrigger[];
  /** valid ÷ shipped when opened, as an exact decimal text (8 places); null when nothing was shipped. */
  readonly rate: string | null;
  readonly threshold: string | null;
  readonly validComplaints: number;
  readonly unitsShipped: number;
  readonly firstComplaintAt: Date;
  readonly dueAt: Date;
  readonly status: QualityReportStatus;
  readonly content: QualityReportContent | null;
  readonly issuedAt: Date | null;
  readonly issuedBy: string | null;
  readonly createdAt: Date;
  readonly version: number;
};
