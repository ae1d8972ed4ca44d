import { z } from 'zod';
import {
  APPROVER_ROLES,
  COMPENSATION_KINDS,
  FOOD_CASES,
  PROBLEM_LEVELS,
} from '../domain/compensation/compensation-policy';
import { INDUSTRIES } from '../domain/compensation/legal-remedies';
import {
  CUSTOMER_TIERS,
  INJURY_LEVELS,
  NATURES,
  SPECIAL_GROUPS,
} from '../domain/complaint/complaint-vocabulary';

const MAX_FEN = 10_000_000_000;
const ZFen = z.number().int().min(0).max(MAX_FEN);
/**
 * An amount the policy computes (a multiple of the goods' value plus losses): it may exceed the input cap, e.g. 10×
 * the price under 食品安全法 148, so it is bounded only by exact integer arithmetic.
 */
const ZComputedFen = z.number().int().min(0);
const ZLocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('Local calendar date YYYY-MM-DD (Asia/Shanghai)');

/** A hypothetical complaint run through the compensation policy (DOMAIN §9–10), plus an optional draft policy. */
export const ZSimulateCompensationBody = z
  .strictObject({
    industry: z.enum(INDUSTRIES),
    nature: z.enum(NATURES).nullable().default(null),
    severity: z.string().max(40).nullable().default(null),
    foodCase: z
      .enum(FOOD_CASES)
      .nullable()
      .default(null)
      .describe('R-RES-3 sub-case; derived from nature if null'),
    problemLevel: z
      .enum(PROBLEM_LEVELS)
      .nullable()
      .default(null)
      .describe('R-RES-2 level; derived from nature if null'),
    unitPriceFen: ZFen,
    quantity: z.number().int().min(1).max(100_000),
    lossFen: ZFen.default(0).describe('Evidenced consequential losses (freight, lost wages, medical costs)'),
    purchaseDate: ZLocalDate,
    decisionDate: ZLocalDate,
    distanceSale: z.boolean().default(false),
    perishable: z.boolean().default(false),
    customerTier: z.enum(CUSTOMER_TIERS).default('standard'),
    specialGroup: z.enum(SPECIAL_GROUPS).nullable().default(null),
    injury: z.enum(INJURY_LEVELS).default('none'),
    major: z.boolean().default(false),
    maliciousSignals: z.boolean().default(false),
    verificationDone: z.boolean().default(false),
    priorFailedRepairs: z.number().int().min(0).max(100).default(0),
    mileageKm: z.number().int().min(0).max(10_000_000).nullable().default(null),
    foodSafetyViolation: z.boolean().default(false),
    fraudEstablished: z.boolean().default(false),
    policy: z
      .unknown()
      .optional()
      .describe(
        'A draft compensation policy to try; the one in force when absent. 422 POLICY_INVALID lists its problems',
      ),
  })
  .refine((b) => b.decisionDate >= b.purchaseDate, {
    path: ['decisionDate'],
    message: 'decisionDate must not be before purchaseDate',
  })
  .refine((b) => b.unitPriceFen * b.quantity <= MAX_FEN, {
    path: ['quantity'],
    message: 'the goods concerned (unitPriceFen × quantity) are worth at most 100,000,000.00 元',
  });

const ZApproverRole = z.enum(APPROVER_ROLES);

export const ZCompensationSimulation = z
  .object({
    policyVersion: z.number().int(),
    draft: z.boolean().describe('The answer comes from the draft policy in the request'),
    options: z.array(
      z.object({
        kind: z.enum(COMPENSATION_KINDS),
        amountFen: ZComputedFen,
        maxAmountFen: ZComputedFen,
        approvalChain: z.array(ZApproverRole),
        siteCheckRequired: z.boolean(),
        basis: z.array(z.string()),
      }),
    ),
    approvals: z.array(ZApproverRole),
    rules: z.array(z.object({ rule: z.string(), detail: z.string().optional() })),
    citations: z.array(z.object({ ref: z.string(), text: z.string(), floorFen: ZComputedFen.optional() })),
    handling: z.object({
      fastLane: z.boolean(),
      homeService: z.boolean(),
      dedicatedFollowUpOwner: z.boolean(),
      hospitalDiagnosisRequired: z.boolean(),
    }),
  })
  .meta({ id: 'CompensationSimulation' });
