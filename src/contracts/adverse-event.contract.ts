import { z } from 'zod';
import { DEVICE_OPERATORS, PATIENT_SEXES } from '../domain/adverse-event/adverse-event';
import { ADVERSE_EVENT_TYPES, CONFIDENCES, REPORT_FORMS } from '../domain/adverse-event/adverse-event-policy';
import { ZId, ZIsoDateTime, zText } from './common.contract';

const ZRuleHit = z.object({ rule: z.string(), detail: z.string().optional() });
const ZLabel = z.object({ 'zh-CN': z.string(), en: z.string() });

export const ZAdverseEventType = z
  .enum(ADVERSE_EVENT_TYPES)
  .describe(
    'death, serious_injury, malfunction (could cause death or serious injury if it recurred), group (群体不良事件), ' +
      'public_health_threat (serious public-health threat, or remedial action needed to prevent an unreasonable risk)',
  );

/** Report facts the complaint record does not hold; every field optional, null clears it. */
export const ZReportFacts = z
  .strictObject({
    patientOutcome: zText(1000).nullable().optional().describe('伤害表现及转归 Injury and outcome'),
    patientAge: z.number().int().min(0).max(150).nullable().optional(),
    patientSex: z.enum(PATIENT_SEXES).nullable().optional(),
    deviceOperator: z.enum(DEVICE_OPERATORS).nullable().optional(),
    deviceAvailableForEvaluation: z.boolean().nullable().optional(),
    causeAnalysis: zText(4000).nullable().optional().describe('事件原因分析 Cause analysis'),
    manufacturerActions: zText(4000)
      .nullable()
      .optional()
      .describe('控制措施 Actions taken by the manufacturer'),
  })
  .meta({ id: 'AdverseEventReportFacts' });

export const ZOpenAdverseEventBody = z
  .strictObject({
    eventType: ZAdverseEventType,
    awareAt: ZIsoDateTime.optional().describe(
      'When the company became aware (ISO time); default now; not in the future',
    ),
    facts: ZReportFacts.optional(),
  })
  .meta({ id: 'OpenAdverseEvent' });

export const ZDecideAdverseEventBody = z
  .strictObject({
    reportable: z.boolean().describe('Whether a report to this regulator is due'),
    rationale: zText(4000).describe('Why (required for both answers, R-AE-2)'),
    submissionRef: zText(120).nullable().optional().describe('The regulator’s report number, once submitted'),
    submittedAt: ZIsoDateTime.nullable()
      .optional()
      .describe('When it was submitted; default now with a reference'),
  })
  .meta({ id: 'DecideAdverseEvent' });

export const ZDecisionParams = z.strictObject({ id: ZId, decisionId: ZId });

export const ZAdverseEventListQuery = z.strictObject({
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true = still evaluating, false = decided; all when absent'),
  complaintId: ZId.optional().describe('only the evaluation(s) of this complaint'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});

export const ZExportQuery = z.strictObject({
  form: z.enum(REPORT_FORMS).describe('nmpa = 医疗器械不良事件报告表, fda = MedWatch 3500A, eu = MIR'),
  format: z.enum(['json', 'csv']).default('json'),
});

export const ZReportDecisionView = z
  .object({
    id: ZId,
    jurisdiction: z.string(),
    reportKind: z.string(),
    label: ZLabel.nullable(),
    form: z.enum(REPORT_FORMS).nullable(),
    source: z.string().nullable().describe('Where the deadline comes from'),
    confidence: z.enum(CONFIDENCES).nullable().describe('LAW.md confidence of the deadline'),
    dueAt: ZIsoDateTime,
    provisional: z.boolean().describe('A work-day deadline on a year without official holiday data'),
    overdue: z.boolean().describe('Past due and still undecided, or reportable and not submitted'),
    reportable: z.boolean().nullable(),
    rationale: z.string().nullable(),
    decidedAt: ZIsoDateTime.nullable(),
    decidedBy: z.string().nullable(),
    submittedAt: ZIsoDateTime.nullable(),
    submissionRef: z.string().nullable(),
    rules: z.array(ZRuleHit),
  })
  .meta({ id: 'AdverseEventDecision' });

export const ZAdverseEventView = z
  .object({
    id: ZId,
    complaintId: ZId,
    complaintNumber: z.string(),
    complaintStatus: z.string(),
    productName: z.string().nullable(),
    eventType: ZAdverseEventType,
    status: z.enum(['evaluating', 'decided']),
    awareAt: ZIsoDateTime,
    openedAt: ZIsoDateTime,
    decidedAt: ZIsoDateTime.nullable().describe('When the last open decision was taken'),
    nextDueAt: ZIsoDateTime.nullable().describe('Earliest due time of an undecided row'),
    overdue: z.boolean(),
    closeBlocked: z.boolean().describe('R-AE-2: the complaint cannot close while true'),
    decisions: z.array(ZReportDecisionView),
    facts: ZReportFacts,
    triggers: z.array(
      z.object({
        eventType: ZAdverseEventType,
        awareAt: ZIsoDateTime,
        at: ZIsoDateTime,
        via: z.enum(['registered', 'triaged', 'updated', 'manual']),
      }),
    ),
    exports: z.object({ nmpa: z.string(), fda: z.string(), eu: z.string() }),
    version: z.number().int(),
  })
  .meta({ id: 'AdverseEvent' });

export const ZAdverseEventList = z.object({
  items: z.array(ZAdverseEventView),
  nextCursor: z.string().nullable(),
});

export const ZAdverseEventReport = z
  .object({
    form: z.enum(REPORT_FORMS),
    title: ZLabel,
    notice: ZLabel,
    applicable: z.boolean().describe('The evaluation has a decision row of this form’s jurisdiction'),
    generatedAt: ZIsoDateTime,
    fields: z.array(
      z.object({
        key: z.string(),
        section: z.string(),
        label: ZLabel,
        value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
      }),
    ),
    missing: z.array(z.string()).describe('Keys the record could not fill'),
  })
  .meta({ id: 'AdverseEventReport' });
