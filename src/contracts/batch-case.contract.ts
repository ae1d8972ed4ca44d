import { z } from 'zod';
import { BATCH_CASE_DECISIONS, BATCH_CASE_STATUSES } from '../domain/batch/batch-case-workflow';
import { ZId, ZIsoDateTime, zText } from './common.contract';

const ZRuleHit = z.object({ rule: z.string(), detail: z.string().optional() });
const ZQuantity = z.number().int().min(0).max(2_147_483_647);
const ZRegion = zText(64).describe('Region as in the shipment records, e.g. 华东 / 河南');
const ZRegionQuantity = z.object({ region: z.string(), quantity: z.number().int() });

export const ZOpenBatchCaseBody = z
  .strictObject({
    productId: ZId,
    batchNo: zText(64).describe('批号 of the product; the batch must exist'),
    mechanism: zText(100).describe('Failure mechanism / 失效模式, e.g. 发霉 mould'),
    region: ZRegion.describe('Where the complaints concentrate'),
    complaintIds: z.array(ZId).max(500).default([]).describe('Complaints of this product and batch to link'),
    note: zText(2000).optional(),
  })
  .meta({ id: 'OpenBatchCaseRequest' });

export const ZBatchCaseListQuery = z.strictObject({
  status: z.enum(BATCH_CASE_STATUSES).optional(),
  productId: ZId.optional(),
  batchNo: zText(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ZCreateSealTasksBody = z
  .strictObject({
    regions: z
      .array(
        z.strictObject({
          region: ZRegion,
          expectedQuantity: ZQuantity.optional().describe(
            'Units expected in the region; shipped units if absent',
          ),
          ownerId: ZId.optional().describe('Who seals the stock there (a user)'),
          dueAt: ZIsoDateTime.optional(),
        }),
      )
      .min(1)
      .max(200)
      .optional()
      .describe('Absent: one task per region the batch was shipped to'),
    dueAt: ZIsoDateTime.optional().describe(
      'Due time of every new task without its own; default 24 h from now',
    ),
  })
  .meta({ id: 'CreateSealTasksRequest' });

export const ZCompleteSealTaskBody = z
  .strictObject({
    sealedQuantity: ZQuantity.describe('Units removed from shelves and sealed 封存数量'),
    note: zText(2000).optional().describe('Spec, production date, problem found, customer demands…'),
  })
  .meta({ id: 'CompleteSealTaskRequest' });

export const ZFileBatchInvestigationBody = z
  .strictObject({
    retainedSamples: z.strictObject({
      result: z.enum(['conforming', 'nonconforming', 'no_sample']).describe('留样复检 result'),
      detail: zText(2000),
    }),
    batchQuantity: z
      .number()
      .int()
      .min(1)
      .max(2_147_483_647)
      .optional()
      .describe("该批总生产数量; the batch record's quantity if absent"),
    productionConditions: zText(4000).describe(
      '当天生产情况: QC, process, workshop temperature, raw materials, disinfection, moisture, water activity, microbiology',
    ),
    shipmentsByRegion: z
      .array(z.strictObject({ region: ZRegion, quantity: ZQuantity }))
      .max(500)
      .optional()
      .describe('发货情况; from the shipment records if absent'),
    conclusion: zText(4000),
  })
  .meta({ id: 'FileBatchInvestigationRequest' });

export const ZDecideBatchCaseBody = z
  .strictObject({
    decision: z.enum(BATCH_CASE_DECISIONS),
    note: zText(2000).describe('The GM’s instruction 批示'),
  })
  .meta({ id: 'DecideBatchCaseRequest' });

export const ZCloseBatchCaseBody = z
  .strictObject({ note: zText(2000).optional() })
  .meta({ id: 'CloseBatchCaseRequest' });

export const ZSealTask = z
  .object({
    id: ZId,
    caseId: ZId,
    region: z.string(),
    ownerId: ZId.nullable(),
    status: z.enum(['open', 'done']),
    expectedQuantity: z.number().int().nullable(),
    sealedQuantity: z.number().int().nullable(),
    dueAt: ZIsoDateTime,
    doneAt: ZIsoDateTime.nullable(),
    doneBy: ZId.nullable(),
    note: z.string().nullable(),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: 'SealTask' });

const ZInvestigation = z.object({
  retainedSamples: z.object({ result: z.string(), detail: z.string() }),
  batchQuantity: z.number().int(),
  productionConditions: z.string(),
  shipmentsByRegion: z.array(ZRegionQuantity),
  conclusion: z.string(),
  late: z.boolean().describe('Filed after the due time: an R-SLA-11 breach'),
  rules: z.array(ZRuleHit),
});

export const ZBatchCaseSummary = z
  .object({
    id: ZId,
    number: z.string().describe('PL-YYYY-NNNNNN'),
    productId: ZId,
    batchNo: z.string(),
    mechanism: z.string(),
    region: z.string().nullable(),
    status: z.enum(BATCH_CASE_STATUSES),
    openedAt: ZIsoDateTime,
    investigationDueAt: ZIsoDateTime,
    investigationFiledAt: ZIsoDateTime.nullable(),
    investigationOverdue: z.boolean().describe('R-SLA-11: due time passed and nothing filed'),
    decision: z.enum(BATCH_CASE_DECISIONS).nullable(),
    closedAt: ZIsoDateTime.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'BatchCaseSummary' });

export const ZBatchCaseView = ZBatchCaseSummary.extend({
  productName: z.string().nullable(),
  trigger: z.record(z.string(), z.unknown()).describe('What opened the case (signal or manual)'),
  investigation: ZInvestigation.nullable(),
  investigationFiledBy: ZId.nullable(),
  decisionNote: z.string().nullable(),
  decidedBy: ZId.nullable(),
  decidedAt: ZIsoDateTime.nullable(),
  complaints: z.array(
    z.object({ id: ZId, number: z.string(), receivedAt: ZIsoDateTime, linkedAt: ZIsoDateTime }),
  ),
  sealTasks: z.array(ZSealTask),
  recall: z.object({ id: ZId, number: z.string(), status: z.enum(['in_progress', 'completed']) }).nullable(),
  closeBlockers: z
    .array(z.enum(['seal_tasks_open', 'recall_missing', 'recall_not_completed']))
    .describe('Decided cases: what still keeps it from closing'),
  prefill: z
    .object({
      batchQuantity: z.number().int().nullable(),
      productionDate: z.string().nullable(),
      shipmentsByRegion: z.array(ZRegionQuantity),
    })
    .describe('Investigation form prefill from the batch and shipment records'),
}).meta({ id: 'BatchCase' });

export const ZBatchCaseList = z.object({ items: z.array(ZBatchCaseSummary) }).meta({ id: 'BatchCaseList' });
