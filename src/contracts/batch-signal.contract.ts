import { z } from 'zod';
import { QUALITY_REPORT_STATUSES } from '../domain/batch/batch-signal';
import { QUALITY_REPORT_KINDS, REPORT_TRIGGERS } from '../domain/batch/decide-batch-signal';
import { ZId, ZIsoDateTime, ZVersion, zText } from './common.contract';

const ZKind = z
  .enum(QUALITY_REPORT_KINDS)
  .describe('abnormality 《市场质量异常反馈单》 · special 《质量专题报告》');

export const ZBatchBoardQuery = z.strictObject({
  productId: ZId.optional(),
  batchNo: zText(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZQualityReportListQuery = z.strictObject({
  status: z.enum(QUALITY_REPORT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ZIssueQualityReportBody = z
  .strictObject({
    version: ZVersion.optional().describe('The version last read; 409 VERSION_CONFLICT when it moved on'),
    content: z.strictObject({
      summary: zText(4000).describe('What happened: the complaints, the batch, the symptom 异常描述'),
      cause: zText(4000).describe('The cause found 原因分析'),
      measures: zText(4000).describe('Containment and corrective measures 纠正预防措施'),
    }),
  })
  .meta({ id: 'IssueQualityReportRequest' });

export const ZQualityReport = z
  .object({
    id: ZId,
    number: z.string().describe('YC-YYYY-NNNN (abnormality) or ZT-YYYY-NNNN (special)'),
    kind: ZKind,
    productId: ZId,
    batchNo: z.string(),
    mechanism: z.string().describe('The failure mechanism 同种机理 counted by'),
    triggers: z.array(z.enum(REPORT_TRIGGERS)).describe('Why it opened (R-BAT-2, R-BAT-3)'),
    rate: z
      .string()
      .nullable()
      .describe('valid ÷ shipped when it opened (exact, 8 decimals); null: nothing shipped'),
    threshold: z.string().nullable().describe('The rate threshold of this kind in force then'),
    validComplaints: z.number().int(),
    unitsShipped: z.number().int(),
    firstComplaintAt: ZIsoDateTime,
    dueAt: ZIsoDateTime.describe('72 h after the first complaint (R-SLA-7)'),
    overdue: z.boolean(),
    status: z.enum(QUALITY_REPORT_STATUSES),
    content: z.object({ summary: z.string(), cause: z.string(), measures: z.string() }).nullable(),
    issuedAt: ZIsoDateTime.nullable(),
    issuedBy: ZId.nullable(),
    createdAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: 'QualityReport' });

export const ZQualityReports = z.object({ items: z.array(ZQualityReport) });

export const ZQualityReportView = z
  .object({
    report: ZQualityReport,
    product: z.object({ code: z.string(), name: z.string() }).nullable(),
    current: z
      .object({ validComplaints: z.number().int(), unitsShipped: z.number().int() })
      .describe('The signal now (it may have moved on since the report opened)'),
    complaints: z
      .array(
        z.object({
          id: ZId,
          number: z.string(),
          status: z.string(),
          receivedAt: ZIsoDateTime,
          region: z.string().nullable(),
          serious: z.boolean(),
          reportIssuedAt: ZIsoDateTime.nullable().describe('When R-SLA-7 was met on this complaint'),
        }),
      )
      .describe('The counted complaints of this batch and mechanism that you may see'),
  })
  .meta({ id: 'QualityReportView' });

export const ZBatchBoard = z
  .object({
    thresholds: z.object({ abnormalityReportRate: z.number(), specialReportRate: z.number() }),
    items: z.array(
      z.object({
        rank: z.number().int().describe('Batches ranked by their highest rate; one rank per batch'),
        productId: ZId,
        productCode: z.string(),
        productName: z.string(),
        batchNo: z.string(),
        mechanism: z.string(),
        validComplaints: z.number().int(),
        seriousEvents: z.number().int(),
        unitsShipped: z.number().int(),
        rate: z.number().nullable().describe('valid ÷ shipped (0.0031 = 3.1‰); null: nothing shipped'),
        thresholdsCrossed: z.array(ZKind),
        firstComplaintAt: ZIsoDateTime,
        lastComplaintAt: ZIsoDateTime,
        reports: z.array(
          z.object({
            id: ZId,
            number: z.string(),
            kind: ZKind,
            status: z.enum(QUALITY_REPORT_STATUSES),
            dueAt: ZIsoDateTime,
            overdue: z.boolean(),
          }),
        ),
        openCase: z
          .object({
            id: ZId,
            number: z.string(),
            status: z.string(),
            openedAt: ZIsoDateTime,
            investigationDueAt: ZIsoDateTime,
          })
          .nullable(),
        weekly: z
          .array(z.object({ week: z.string().describe('ISO week, e.g. 2026-W10'), count: z.number().int() }))
          .describe('Counted complaints per ISO week they came in'),
        regions: z.array(z.object({ region: z.string().nullable(), count: z.number().int() })),
      }),
    ),
  })
  .meta({ id: 'BatchBoard' });
