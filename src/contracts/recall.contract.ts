import { z } from 'zod';
import { RECALL_CLASSES, RECALL_DISPOSALS, RECALL_EFFECTIVENESS } from '../domain/batch/plan-recall';
import { ZId, ZIsoDateTime, zText } from './common.contract';

const ZQuantity = z.number().int().min(0).max(2_147_483_647);

export const ZStartRecallBody = z
  .strictObject({
    caseId: ZId.optional().describe('The batch case the GM decided “recall”; absent for a standalone recall'),
    productId: ZId.optional().describe("Required without caseId; the case's product otherwise"),
    recallClass: z
      .enum(RECALL_CLASSES)
      .describe(
        'I/II/III (医疗器械召回管理办法); notice within 1/3/7 days. Severity level for other products',
      ),
    reason: zText(2000),
    scope: z
      .strictObject({
        batches: z
          .array(zText(64))
          .min(1)
          .max(100)
          .optional()
          .describe("Batch numbers; the case's batch if absent"),
        regions: z.array(zText(64)).min(1).max(200).optional().describe('Absent: every region shipped to'),
      })
      .optional(),
  })
  .meta({ id: 'StartRecallRequest' });

export const ZRecallTargetParams = z.strictObject({ id: ZId, targetId: ZId });

export const ZRecordRecallTargetBody = z
  .strictObject({
    notified: z.literal(true).optional().describe('The target was told (stamped now; kept on repeats)'),
    recoveredQuantity: ZQuantity.optional().describe(
      'Units back from this target so far (absolute, not a delta)',
    ),
  })
  .refine((b) => b.notified !== undefined || b.recoveredQuantity !== undefined, {
    message: 'send notified and/or recoveredQuantity',
  })
  .meta({ id: 'RecordRecallTargetRequest' });

export const ZCompleteRecallBody = z
  .strictObject({
    disposal: z.enum(RECALL_DISPOSALS).describe('What was done with the recovered units'),
    disposalNote: zText(2000).optional().describe('Where/when destroyed, rework details…'),
    effectiveness: z.enum(RECALL_EFFECTIVENESS),
    effectivenessNote: zText(4000).describe('召回效果评价: how the rating was reached'),
    remainingRisk: zText(4000).describe('Risk left in the market and what is done about it'),
  })
  .meta({ id: 'CompleteRecallRequest' });

export const ZRecallListQuery = z.strictObject({
  status: z.enum(['in_progress', 'completed']).optional(),
  productId: ZId.optional(),
  caseId: ZId.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const ZProgress = z.object({
  unitsInScope: z.number().int(),
  unitsRecovered: z.number().int(),
  percent: z.number().describe('units recovered ÷ units in scope × 100, rounded down to 0.1'),
  targetsTotal: z.number().int(),
  targetsNotified: z.number().int(),
});

const ZCompletionReport = z.object({
  unitsInScope: z.number().int(),
  unitsRecovered: z.number().int(),
  percent: z.number(),
  targetsTotal: z.number().int(),
  targetsNotifiedLate: z.number().int(),
  disposal: z.enum(RECALL_DISPOSALS),
  disposalNote: z.string().nullable(),
  effectiveness: z.enum(RECALL_EFFECTIVENESS),
  effectivenessNote: z.string(),
  remainingRisk: z.string(),
  completedAt: ZIsoDateTime,
});

export const ZRecallSummary = z
  .object({
    id: ZId,
    number: z.string().describe('ZH-YYYY-NNNNNN'),
    caseId: ZId.nullable(),
    productId: ZId,
    recallClass: z.enum(RECALL_CLASSES),
    scope: z.object({ batches: z.array(z.string()), regions: z.array(z.string()) }),
    status: z.enum(['in_progress', 'completed']),
    unitsInScope: z.number().int(),
    unitsRecovered: z.number().int(),
    reason: z.string(),
    startedAt: ZIsoDateTime,
    startedBy: ZId.nullable(),
    completedAt: ZIsoDateTime.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'RecallSummary' });

export const ZRecallTarget = z
  .object({
    id: ZId,
    customer: z.object({ id: ZId, code: z.string().nullable(), name: z.string() }).nullable(),
    region: z.string(),
    batchNo: z.string(),
    quantity: z.number().int().describe('Units shipped to this target'),
    notifiedAt: ZIsoDateTime.nullable(),
    notificationLate: z
      .boolean()
      .describe("Told after the class's notice time, or not yet told and it passed"),
    recoveredQuantity: z.number().int(),
    updatedAt: ZIsoDateTime,
  })
  .meta({ id: 'RecallTarget' });

export const ZRecallView = ZRecallSummary.extend({
  caseNumber: z.string().nullable(),
  productName: z.string().nullable(),
  medicalDevice: z
    .boolean()
    .describe('The class is the regulator’s for a medical device, a severity level otherwise'),
  notificationDueAt: ZIsoDateTime,
  progress: ZProgress,
  targets: z.array(ZRecallTarget),
  completionReport: ZCompletionReport.nullable(),
}).meta({ id: 'Recall' });

export const ZRecallList = z.object({ items: z.array(ZRecallSummary) }).meta({ id: 'RecallList' });
