import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type {
  QualityReport,
  QualityReportContent,
  QualityReportStatus,
  SignalKey,
} from '../../domain/batch/batch-signal';
import type { QualityReportKind, ReportTrigger } from '../../domain/batch/decide-batch-signal';
import type { Executor } from '../client';
import { auditLog } from '../schema/platform.table';
import { qualityReports } from '../schema/quality.table';

type ReportRow = typeof qualityReports.$inferSelect;

export type QualityReportInsert = SignalKey & {
  readonly id: string;
  readonly number: string;
  readonly kind: QualityReportKind;
  readonly triggers: readonly ReportTrigger[];
  readonly rate: string | null;
  readonly threshold: string | null;
  readonly validComplaints: number;
  readonly unitsShipped: number;
  readonly firstComplaintAt: Date;
  readonly dueAt: Date;
  readonly createdAt: Date;
};

const isContent = (v: unknown): v is QualityReportContent =>
  typeof v === 'object' && v !== null && 'summary' in v;

const toReport = (r: ReportRow): QualityReport => ({
  id: r.id,
  number: r.number,
  kind: r.kind as QualityReportKind,
  productId: r.productId,
  batchNo: r.batchNo,
  mechanism: r.mechanism,
  triggers: r.trigger.split('+').filter((t) => t !== '') as ReportTrigger[],
  rate: r.rate,
  threshold: r.threshold,
  validComplaints: r.validComplaints,
  unitsShipped: r.unitsShipped,
  firstComplaintAt: r.firstComplaintAt,
  dueAt: r.dueAt,
  status: r.status as QualityReportStatus,
  content: isContent(r.content) ? r.content : null,
  issuedAt: r.issuedAt,
  issuedBy: r.issuedBy,
  createdAt: r.createdAt,
  version: r.version,
});

/** The audit action that marks a report escalated for missing its 72 hours (R-SLA-7): written once per report. */
export const REPORT_OVERDUE_ACTION = 'quality_report.overdue';

/** Market quality abnormality and quality special reports (R-BAT-2, R-BAT-3, R-SLA-7). */
export const qualityReportRepo = {
  /**
   * Open reports past their due time and not yet escalated (no REPORT_OVERDUE_ACTION audit row), oldest due first,
   * through the partial index of open reports; locked with SKIP LOCKED so two sweeps never take the same one.
   */
  async claimOverdue(ex: Executor, now: Date, limit: number): Promise<QualityReport[]> {
    const rows = await ex
      .select()
      .from(qualityReports)
      .where(
        and(
          eq(qualityReports.status, 'open'),
          lt(qualityReports.dueAt, now),
          sql`not exists (select 1 from ${auditLog} a where a.entity_type = 'quality_report'
                and a.entity_id = ${qualityReports.id}::text and a.action = ${REPORT_OVERDUE_ACTION})`,
        ),
      )
      .orderBy(asc(qualityReports.dueAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    return rows.map(toReport);
  },

  async findById(ex: Executor, id: string): Promise<QualityReport | undefined> {
    const [row] = await ex.select().from(qualityReports).where(eq(qualityReports.id, id));
    return row && toReport(row);
  },

  /** The kinds of report that exist for a signal key already. */
  async findKindsForKey(ex: Executor, key: SignalKey): Promise<QualityReportKind[]> {
    const rows = await ex
      .select({ kind: qualityReports.kind })
      .from(qualityReports)
      .where(
        and(
          eq(qualityReports.productId, key.productId),
          eq(qualityReports.batchNo, key.batchNo),
          eq(qualityReports.mechanism, key.mechanism),
        ),
      );
    return rows.map((r) => r.kind as QualityReportKind);
  },

  /** Opens a report unless one of that kind exists for the key (quality_reports_signal_uq); true when inserted. */
  async insertIfAbsent(ex: Executor, row: QualityReportInsert): Promise<boolean> {
    const { triggers, ...rest } = row;
    const inserted = await ex
      .insert(qualityReports)
      .values({ ...rest, trigger: triggers.join('+'), status: 'open', content: {} })
      .onConflictDoNothing({
        target: [
          qualityReports.kind,
          qualityReports.productId,
          qualityReports.batchNo,
          qualityReports.mechanism,
        ],
      })
      .returning({ id: qualityReports.id });
    return inserted.length > 0;
  },

  /** Reports by status (all when none), the earliest due first. */
  async list(ex: Executor, status: QualityReportStatus | undefined, limit: number): Promise<QualityReport[]> {
    const rows = await ex
      .select()
      .from(qualityReports)
      .where(status ? eq(qualityReports.status, status) : undefined)
      .orderBy(
        status === 'issued' ? desc(qualityReports.issuedAt) : asc(qualityReports.dueAt),
        asc(qualityReports.number),
      )
      .limit(limit);
    return rows.map(toReport);
  },

  /** Every report of these products (the batch board filters by key). */
  async listForProducts(ex: Executor, productIds: readonly string[]): Promise<QualityReport[]> {
    if (productIds.length === 0) return [];
    const rows = await ex
      .select()
      .from(qualityReports)
      .where(inArray(qualityReports.productId, [...productIds]))
      .orderBy(asc(qualityReports.createdAt));
    return rows.map(toReport);
  },

  /** Marks an open report issued when it still has `expectedVersion`; false when it is not open any more. */
  async markIssued(
    ex: Executor,
    id: string,
    expectedVersion: number,
    issue: { content: QualityReportContent; issuedAt: Date; issuedBy: string | null },
  ): Promise<boolean> {
    const rows = await ex
      .update(qualityReports)
      .set({
        status: 'issued',
        content: issue.content,
        issuedAt: issue.issuedAt,
        issuedBy: issue.issuedBy,
        version: sql`${qualityReports.version} + 1`,
      })
      .where(
        and(
          eq(qualityReports.id, id),
          eq(qualityReports.status, 'open'),
          eq(qualityReports.version, expectedVersion),
        ),
      )
      .returning({ id: qualityReports.id });
    return rows.length > 0;
  },
};
