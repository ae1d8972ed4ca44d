import { z } from 'zod';
import { CAPA_KINDS, CAPA_SOURCE_TYPES, CAPA_STATUSES } from '../domain/capa/capa-action';
import { ZId, ZIsoDateTime, zPage, zText } from './common.contract';
import { ZDate } from './reference.contract';

export const ZRuleHit = z.object({ rule: z.string(), detail: z.string().optional() });
export const ZCapaSourceType = z
  .enum(CAPA_SOURCE_TYPES)
  .describe(
    'complaint | batch_case | quality_report | recurrence (the CAPA action that recurred) | management_review',
  );

export const ZCreateCapaActionBody = z
  .strictObject({
    sourceType: ZCapaSourceType,
    sourceId: ZId.nullable().optional().describe('Required for complaint, batch_case and quality_report'),
    kind: z
      .enum(CAPA_KINDS)
      .describe('containment 临时措施 | corrective 纠正措施 | preventive 预防措施 (GM approval)'),
    title: zText(200),
    description: zText(4000),
    productId: ZId.nullable()
      .optional()
      .describe("The complaint's product when absent and the source is a complaint"),
    mechanism: zText(100)
      .nullable()
      .optional()
      .describe(
        'Failure mechanism 同种机理 as batch signals count it; with the product, recurrences are found automatically (R-CAPA-3)',
      ),
    ownerId: ZId.describe('R-CAPA-1: the responsible person'),
    dueOn: ZDate.describe('R-CAPA-1: due at the end of this day, company time zone'),
    verifyAfterDays: z
      .number()
      .int()
      .min(1)
      .max(730)
      .optional()
      .describe('Days of production watched after effectiveFrom (policy default 90)'),
  })
  .meta({ id: 'CreateCapaActionBody' });

export const ZApproveCapaBody = z
  .strictObject({ note: zText(1000).optional() })
  .meta({ id: 'ApproveCapaBody' });
export const ZRejectCapaBody = z.strictObject({ reason: zText(1000) }).meta({ id: 'RejectCapaBody' });

export const ZCompleteCapaBody = z
  .strictObject({
    effectiveFrom: ZDate.optional().describe(
      'Production date from which the action applies; required for corrective and preventive actions (R-CAPA-3)',
    ),
    note: zText(4000).describe('What was done (evidence of implementation)'),
  })
  .meta({ id: 'CompleteCapaBody' });

export const ZVerifyCapaBody = z
  .strictObject({
    note: zText(4000)
      .optional()
      .describe('The verifier’s evidence, needed where the data cannot judge (no mechanism, no production)'),
  })
  .meta({ id: 'VerifyCapaBody' });

const ZRecurrence = z.object({
  complaintId: ZId,
  complaintNumber: z.string().nullable(),
  batchNo: z.string(),
  productionDate: ZDate,
  receivedAt: ZIsoDateTime,
});

export const ZCapaEvidence = z.object({
  producedFrom: ZDate,
  producedUntil: ZDate,
  batchesChecked: z.array(
    z.object({ batchNo: z.string(), productionDate: ZDate, quantity: z.number().int().nullable() }),
  ),
  unitsProduced: z.number().int(),
  complaintsCounted: z.number().int(),
  recurrences: z.array(ZRecurrence),
  note: z.string().nullable(),
});

const ZCapaVerification = z.object({
  at: ZIsoDateTime,
  by: ZId.nullable(),
  outcome: z.enum(['verified', 'reopened', 'review']),
  windowEndsOn: ZDate,
  effectiveFrom: ZDate,
  rules: z.array(ZRuleHit),
  evidence: ZCapaEvidence,
});

export const ZCapaAction = z
  .object({
    id: ZId,
    number: z.string().describe('CA-YYYY-NNNN'),
    sourceType: ZCapaSourceType,
    sourceId: ZId.nullable(),
    kind: z.enum(CAPA_KINDS),
    title: z.string(),
    description: z.string(),
    productId: ZId.nullable(),
    mechanism: z.string().nullable(),
    ownerId: ZId,
    ownerName: z.string().nullable(),
    dueAt: ZIsoDateTime,
    overdue: z.boolean(),
    escalatedAt: ZIsoDateTime.nullable(),
    status: z.enum(CAPA_STATUSES),
    doneAt: ZIsoDateTime.nullable(),
    doneBy: ZId.nullable(),
    completionNote: z.string().nullable(),
    effectiveFrom: ZDate.nullable(),
    verifyAfterDays: z.number().int(),
    windowEndsOn: ZDate.nullable().describe('From this day on, no recurrence means verified (R-CAPA-3)'),
    reopenCount: z.number().int(),
    verifications: z.array(ZCapaVerification),
    gmApprovedBy: ZId.nullable(),
    gmApprovedAt: ZIsoDateTime.nullable(),
    cancelReason: z.string().nullable(),
    createdBy: ZId.nullable(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
    version: z.number().int(),
    rules: z.array(ZRuleHit).describe('Rules the step just taken applied; empty on reads'),
  })
  .meta({ id: 'CapaAction' });

export const ZCapaActions = zPage(ZCapaAction).meta({ id: 'CapaActions' });

export const ZCapaVerificationResult = z
  .object({
    action: ZCapaAction,
    decision: z.object({
      outcome: z.enum(['verified', 'reopened', 'review', 'pending']),
      windowEndsOn: ZDate,
      reopenCount: z.number().int(),
      rules: z.array(ZRuleHit),
      evidence: ZCapaEvidence,
    }),
  })
  .meta({ id: 'CapaVerificationResult' });

export const ZCapaListQuery = z.strictObject({
  status: z.enum(CAPA_STATUSES).optional(),
  kind: z.enum(CAPA_KINDS).optional(),
  sourceType: ZCapaSourceType.optional(),
  sourceId: ZId.optional(),
  productId: ZId.optional(),
  ownerId: ZId.optional(),
  overdue: z.enum(['true', 'false']).optional().describe('true: working actions past their due date'),
  sort: z.enum(['createdAt', '-createdAt', 'dueAt', '-dueAt']).default('-createdAt'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});
