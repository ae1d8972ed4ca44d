import { z } from 'zod';
import {
  APPROVER_ROLES,
  COMPENSATION_KINDS,
  FOOD_CASES,
  PROBLEM_LEVELS,
} from '../domain/compensation/compensation-policy';
import { ZId, ZIsoDateTime, zText } from './common.contract';

const MAX_FEN = 10_000_000_000;
const ZFen = z.number().int().min(0).max(MAX_FEN);
/** An amount the policy computes from the facts (a multiple of the goods' value): bounded by exact integers only. */
const ZComputedFen = z.number().int().min(0);
const ZApproverRole = z.enum(APPROVER_ROLES);
const ZKind = z.enum(COMPENSATION_KINDS);
const ZRuleHit = z.object({ rule: z.string(), detail: z.string().optional() });

/** Facts the proposer states that the record does not hold (audited with the proposal). */
export const ZCompensationFacts = z
  .strictObject({
    foodCase: z
      .enum(FOOD_CASES)
      .nullable()
      .optional()
      .describe('R-RES-3 sub-case; derived from nature if absent'),
    problemLevel: z.enum(PROBLEM_LEVELS).nullable().optional().describe('R-RES-2 level'),
    unitPriceFen: ZFen.optional().describe("Unit price paid; the product's list price if absent"),
    quantity: z.number().int().min(1).max(100_000).optional(),
    lossFen: ZFen.optional().describe('Evidenced consequential losses (freight, lost wages, medical costs)'),
    distanceSale: z.boolean().optional(),
    perishable: z.boolean().optional(),
    verificationDone: z.boolean().optional().describe('R-MAL-2 verification on site done'),
    priorFailedRepairs: z.number().int().min(0).max(100).optional(),
    mileageKm: z.number().int().min(0).max(10_000_000).nullable().optional(),
    foodSafetyViolation: z.boolean().optional(),
    fraudEstablished: z.boolean().optional(),
  })
  .refine((f) => (f.unitPriceFen ?? 0) * (f.quantity ?? 1) <= MAX_FEN, {
    path: ['quantity'],
    message: 'the goods concerned (unitPriceFen × quantity) are worth at most 100,000,000.00 元',
  });

export const ZProposedOption = z.strictObject({
  kind: ZKind,
  amountFen: ZFen,
  description: zText(500),
});

export const ZProposeCompensationBody = z
  .strictObject({
    facts: ZCompensationFacts.optional(),
    options: z
      .array(ZProposedOption)
      .min(1)
      .max(10)
      .optional()
      .describe("The options put to the customer; the engine's ranked options when absent"),
    note: zText(2000).optional(),
    executionWorkingDays: z.number().int().min(1).max(60).optional(),
  })
  .meta({ id: 'ProposeCompensationBody' });

const ZSignature = z.object({
  id: ZId,
  role: ZApproverRole,
  stepIndex: z.number().int(),
  signerId: ZId,
  signerName: z.string().describe('Printed name of the signer (21 CFR 11.50)'),
  onBehalfOfId: ZId.nullable(),
  onBehalfOfName: z.string().nullable(),
  meaning: z.enum(['approve', 'reject']),
  reason: z.string().nullable(),
  signedAt: ZIsoDateTime,
  proposalVersion: z.number().int(),
  proposalHash: z.string(),
  void: z.boolean().describe('The version it signed is no longer in force'),
});

export const ZProposal = z
  .object({
    id: ZId,
    complaintId: ZId,
    version: z.number().int(),
    status: z.enum(['pending_approval', 'approved', 'rejected', 'superseded']),
    contentHash: z.string().describe('SHA-256 of the canonical proposal content; signatures bind it'),
    options: z.array(
      z.object({
        kind: ZKind,
        amountFen: ZComputedFen,
        description: z.string(),
        approvalChain: z.array(ZApproverRole),
        siteCheckRequired: z.boolean(),
        basis: z.array(z.string()),
      }),
    ),
    steps: z.array(z.object({ index: z.number().int(), roles: z.array(ZApproverRole) })),
    waitingFor: z.array(ZApproverRole),
    openStep: z.number().int().nullable(),
    explanation: z.object({
      rules: z.array(ZRuleHit),
      citations: z.array(z.object({ ref: z.string(), text: z.string(), floorFen: ZComputedFen.optional() })),
      handling: z.record(z.string(), z.boolean()),
    }),
    facts: z.record(z.string(), z.unknown()),
    policyVersion: z.number().int(),
    note: z.string().nullable(),
    executionWorkingDays: z.number().int(),
    createdBy: ZId.nullable(),
    createdByName: z.string().nullable(),
    createdAt: ZIsoDateTime,
    decidedAt: ZIsoDateTime.nullable(),
    /** 产品质量处理核销申报表 number (HX-YYYY-NNNNNN), given when the agreed solution is fully carried out (R-RPT-3). */
    writeOffNo: z.string().nullable(),
    signatures: z.array(ZSignature),
  })
  .meta({ id: 'CompensationProposal' });

export const ZExecutionTask = z
  .object({
    id: ZId,
    complaintId: ZId,
    complaintNumber: z.string().nullable(),
    proposalId: ZId,
    kind: z.string(),
    optionKind: z.string(),
    amountFen: ZComputedFen,
    ownerRole: z.string(),
    dueAt: ZIsoDateTime,
    status: z.enum(['open', 'done', 'cancelled']),
    overdue: z.boolean().describe('R-RES-9 non-performance'),
    escalatedAt: ZIsoDateTime.nullable(),
    reference: z.string().nullable(),
    note: z.string().nullable(),
    doneAt: ZIsoDateTime.nullable(),
    doneBy: ZId.nullable(),
  })
  .meta({ id: 'ExecutionTask' });

export const ZCompensationView = z
  .object({
    complaintId: ZId,
    number: z.string(),
    complaintStatus: z.string(),
    current: ZProposal.nullable(),
    history: z.array(ZProposal),
    tasks: z.array(ZExecutionTask),
  })
  .meta({ id: 'CompensationView' });

export const ZSigningChallenge = z
  .object({
    challengeId: ZId,
    proposalId: ZId,
    proposalVersion: z.number().int(),
    proposalHash: z.string(),
    expiresAt: ZIsoDateTime,
    statement: z.object({ 'zh-CN': z.string(), en: z.string() }),
  })
  .meta({ id: 'SigningChallenge' });

export const ZSignProposalBody = z
  .strictObject({
    challengeId: ZId,
    proposalHash: z.string().regex(/^[0-9a-f]{64}$/),
    meaning: z.enum(['approve', 'reject']),
    reason: zText(500).optional(),
    password: z.string().min(1).max(200),
    role: ZApproverRole.optional().describe(
      'Sign as this approver role; the first open one you may fill if absent',
    ),
  })
  .meta({ id: 'SignProposalBody' });

export const ZPendingApproval = z.object({
  proposalId: ZId,
  complaintId: ZId,
  number: z.string(),
  version: z.number().int(),
  proposalHash: z.string(),
  exposureFen: ZComputedFen,
  waitingFor: z.array(ZApproverRole),
  canSignAs: z.array(
    z.object({ role: ZApproverRole, onBehalfOfId: ZId.nullable(), onBehalfOfName: z.string().nullable() }),
  ),
  createdAt: ZIsoDateTime,
  major: z.boolean(),
  description: z.string(),
});
export const ZPendingApprovals = z
  .object({ items: z.array(ZPendingApproval) })
  .meta({ id: 'PendingApprovals' });

export const ZCreateDelegationBody = z
  .strictObject({
    delegateId: ZId,
    startsAt: ZIsoDateTime,
    endsAt: ZIsoDateTime,
    reason: zText(500),
  })
  .meta({ id: 'CreateDelegationBody' });

export const ZDelegation = z
  .object({
    id: ZId,
    delegatorId: ZId,
    delegatorName: z.string(),
    delegateId: ZId,
    delegateName: z.string(),
    startsAt: ZIsoDateTime,
    endsAt: ZIsoDateTime,
    reason: z.string(),
    active: z.boolean(),
  })
  .meta({ id: 'ApprovalDelegation' });
export const ZDelegations = z.object({ items: z.array(ZDelegation) });

export const ZTaskListQuery = z.strictObject({
  status: z.enum(['open', 'done', 'cancelled']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export const ZExecutionTasks = z.object({ items: z.array(ZExecutionTask) }).meta({ id: 'ExecutionTasks' });

export const ZCompleteTaskBody = z
  .strictObject({
    reference: zText(200)
      .optional()
      .describe('Payment voucher number (required for refunds and cash), waybill…'),
    note: zText(1000).optional(),
  })
  .meta({ id: 'CompleteTaskBody' });
