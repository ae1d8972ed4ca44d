import { z } from 'zod';
import { COST_CAUSES, PARTY_KINDS } from '../domain/compensation/allocate-cost';
import { ZId, ZIsoDateTime, zText } from './common.contract';

const ZFen = z.number().int().min(0).max(10_000_000_000);
const ZRuleHit = z.object({ rule: z.string(), detail: z.string().optional() });

export const ZCostCauseQuery = z.strictObject({
  cause: z
    .enum(COST_CAUSES)
    .optional()
    .describe(
      'An established cause (R-RES-8) that sharpens the suggestion; from the classification when absent',
    ),
});

export const ZCostShareBody = z.strictObject({
  partyKind: z.enum(PARTY_KINDS),
  partyName: zText(100).describe('The department, supplier, logistics company, retailer or customer by name'),
  departmentId: ZId.nullable().optional().describe('The internal department that bears the share, if one'),
  shareBp: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .describe('Share in basis points (10 000 = 100 %); all shares together exactly 10 000'),
  reason: zText(300).nullable().optional().describe('Why this party bears it; printed on the forms'),
});

/** PUT body: the whole allocation of one complaint's cost, replacing the previous one (R-RES-8). */
export const ZPutCostAllocationBody = z
  .strictObject({
    totalFen: ZFen.optional().describe(
      "Fen to allocate; default: the complaint's agreed or paid compensation in the ledger, whichever is larger",
    ),
    cause: z
      .enum(COST_CAUSES)
      .nullable()
      .optional()
      .describe('An established cause (R-RES-8), for the suggestion'),
    shares: z.array(ZCostShareBody).min(1).max(20),
  })
  .meta({ id: 'PutCostAllocation' });

export const ZCostAllocationItem = z
  .object({
    id: ZId,
    partyKind: z.enum(PARTY_KINDS),
    partyName: z.string(),
    departmentId: ZId.nullable(),
    shareBp: z.number().int(),
    amountFen: ZFen,
    rule: z.string().nullable().describe('The rule or reason this party bears it for'),
    transferFormNo: z
      .string()
      .nullable()
      .describe('质量事故费用转移单 number ZY-YYYY-NNNNNN; null for company and customer'),
    deductionNoticeNo: z
      .string()
      .nullable()
      .describe('扣款通知单 number KK-YYYY-NNNNNN; external parties (supplier, logistics, retailer) only'),
    documents: z.object({
      transferForm: z.boolean(),
      deductionNotice: z.boolean(),
      customerCharge: z.boolean().describe('R-WAR-4: the customer pays at market price, with consent'),
    }),
    forms: z.object({
      transfer: z.string().nullable().describe('URL of the printable cost-transfer form'),
      deduction: z.string().nullable().describe('URL of the printable deduction notice'),
    }),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: 'CostAllocationItem' });

export const ZCostAllocationView = z
  .object({
    complaintId: ZId,
    complaintNumber: z.string(),
    totalFen: ZFen.describe('What the stored allocation adds up to; 0 while there is none'),
    allocations: z.array(ZCostAllocationItem),
    suggestion: z.object({
      partyKind: z.enum(PARTY_KINDS),
      basis: z.enum(['cause', 'stage', 'misuse', 'nature', 'none']),
      rules: z.array(ZRuleHit),
    }),
    ledger: z
      .object({
        proposedFen: z.number().int(),
        approvedFen: z.number().int(),
        agreedFen: z.number().int(),
        paidFen: z.number().int(),
      })
      .describe("The complaint's net compensation ledger amounts"),
  })
  .meta({ id: 'CostAllocation' });

export const ZCostFormQuery = z.strictObject({
  type: z.enum(['transfer', 'deduction']).describe('transfer = 质量事故费用转移单, deduction = 扣款通知单'),
});
