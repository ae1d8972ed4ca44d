import { z } from 'zod';
import { COMPLAINT_STATUSES } from '../domain/complaint/complaint-status';
import {
  CHECKLIST_STATUSES,
  PRODUCT_OUTCOMES,
  ROOT_CAUSE_METHODS,
  VERDICTS,
} from '../domain/investigation/investigation-record';
import { ZId, ZIsoDateTime, zText } from './common.contract';

const ZVersion = z.number().int().min(0).describe('The version you read (0 before the record is started)');

const ZChecklistItemBody = z.strictObject({
  status: z.enum(CHECKLIST_STATUSES),
  reason: zText(500).nullish().describe('Why it does not apply — required for not_applicable before filing'),
  note: zText(2000).nullish().describe('What was found, e.g. 留样复检合格'),
  evidenceIds: z.array(ZId).max(50).optional().describe('Evidence files of this complaint'),
});

/** R-INV-1 the checklist: one entry per kind; a kind left out is pending. */
const ZChecklistBody = z
  .strictObject({
    returned_unit: ZChecklistItemBody.optional().describe('退回实物 Returned unit'),
    photos_videos: ZChecklistItemBody.optional().describe('照片/视频 Photos and videos'),
    retained_sample: ZChecklistItemBody.optional().describe('留样复检 Retained-sample retest'),
    production_records: ZChecklistItemBody.optional().describe('生产记录 Production records'),
    inspection_reports: ZChecklistItemBody.optional().describe('检验记录/质检报告 QC and inspection reports'),
    shipping_records: ZChecklistItemBody.optional().describe('发货记录 Shipping records'),
    field_visit: ZChecklistItemBody.optional().describe('现场调查 Field visit (required for serious cases)'),
  })
  .describe('R-INV-1 evidence checklist');

const ZFiveWhyStep = z.strictObject({
  why: zText(500, 0).describe('为什么…？'),
  because: zText(500, 0).describe('因为… — the last step’s answer is the root cause'),
});

const ZCause = z.strictObject({
  text: zText(500),
  root: z.boolean().optional().describe('Marked as a root cause'),
});
const ZCauses = z.array(ZCause).max(30).optional();

/** R-INV-2 the fishbone by the 6M categories 人机料法测环; any other category is refused. */
const ZFishboneBody = z
  .strictObject({
    man: ZCauses.describe('人 Man'),
    machine: ZCauses.describe('机 Machine'),
    material: ZCauses.describe('料 Material'),
    method: ZCauses.describe('法 Method'),
    measurement: ZCauses.describe('测 Measurement'),
    environment: ZCauses.describe('环 Environment'),
  })
  .describe('R-INV-2 fishbone (6M)');

/** The whole draft: a replacement — whatever is left out is cleared. */
export const ZSaveInvestigationBody = z
  .strictObject({
    version: ZVersion,
    checklist: ZChecklistBody.optional(),
    methods: z.array(z.enum(ROOT_CAUSE_METHODS)).max(ROOT_CAUSE_METHODS.length).optional(),
    fiveWhy: z.array(ZFiveWhyStep).max(10).optional().describe('5-Why chain, at least 3 steps to file'),
    fishbone: ZFishboneBody.optional(),
    occurrenceCause: zText(2000).nullish().describe('产生原因 Cause of occurrence'),
    escapeCause: zText(2000).nullish().describe('流出原因 Cause of escape'),
    failureMechanism: zText(100)
      .nullish()
      .describe('失效机理 Failure mechanism that batch signals count by (R-BAT-1), e.g. 密封不良'),
    verdict: z.enum(VERDICTS).nullish().describe('R-INV-3 个别 isolated / 批量 batch / 严重 serious'),
    recallAnalysisNeeded: z
      .boolean()
      .optional()
      .describe('Ask for a recall analysis; forced on by a batch or serious verdict or a recall'),
    productOutcome: z.enum(PRODUCT_OUTCOMES).nullish().describe('R-INV-4 what happens to the product'),
  })
  .meta({ id: 'SaveInvestigation' });

export const ZFileInvestigationBody = z.strictObject({ version: ZVersion }).meta({ id: 'FileInvestigation' });

export const ZReopenInvestigationBody = z
  .strictObject({ version: ZVersion, reason: zText(1000).describe('Why the investigation is reopened') })
  .meta({ id: 'ReopenInvestigation' });

const ZLabel = z.object({ 'zh-CN': z.string(), en: z.string() });

const ZChecklistItemView = z.object({
  label: ZLabel,
  status: z.enum(CHECKLIST_STATUSES),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  evidenceIds: z.array(z.string()),
});

const ZCausesView = z.array(z.object({ text: z.string(), root: z.boolean() }));

export const ZInvestigationView = z
  .object({
    complaintId: ZId,
    complaintNumber: z.string(),
    complaintStatus: z.enum(COMPLAINT_STATUSES),
    state: z.enum(['not_started', 'draft', 'filed']),
    editable: z.boolean().describe('The complaint is under investigation or later and not closed'),
    version: z.number().int(),
    checklist: z.object({
      returned_unit: ZChecklistItemView,
      photos_videos: ZChecklistItemView,
      retained_sample: ZChecklistItemView,
      production_records: ZChecklistItemView,
      inspection_reports: ZChecklistItemView,
      shipping_records: ZChecklistItemView,
      field_visit: ZChecklistItemView,
    }),
    methods: z.array(z.string()),
    fiveWhy: z.array(z.object({ why: z.string(), because: z.string() })),
    fiveWhyRootCause: z.string().nullable().describe('The last step’s answer'),
    fishbone: z.object({
      man: ZCausesView,
      machine: ZCausesView,
      material: ZCausesView,
      method: ZCausesView,
      measurement: ZCausesView,
      environment: ZCausesView,
    }),
    occurrenceCause: z.string().nullable(),
    escapeCause: z.string().nullable(),
    failureMechanism: z.string().nullable(),
    verdict: z.enum(VERDICTS).nullable(),
    recallAnalysisNeeded: z.boolean(),
    productOutcome: z.enum(PRODUCT_OUTCOMES).nullable(),
    filedAt: ZIsoDateTime.nullable(),
    filedBy: z.string().nullable(),
    createdAt: ZIsoDateTime.nullable(),
    updatedAt: ZIsoDateTime.nullable(),
    problems: z
      .array(z.object({ path: z.string(), rule: z.string(), problem: z.string() }))
      .describe('What still keeps the record from being filed (empty when it can be)'),
    rules: z
      .array(z.object({ rule: z.string(), detail: z.string().optional() }))
      .describe(
        'What filing triggers: recall analysis (R-INV-3/4), failure mechanism for batch signals (R-BAT-1)',
      ),
  })
  .meta({ id: 'Investigation' });
