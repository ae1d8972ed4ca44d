import {
  DEFAULT_COMPENSATION_POLICY,
  type CompensationPolicy,
  type FoodCase,
  type ProblemLevel,
} from '../../domain/compensation/compensation-policy';
import type { CompensationInput } from '../../domain/compensation/decide-compensation';
import { INDUSTRIES, type Industry } from '../../domain/compensation/legal-remedies';
import type { Complaint } from '../../domain/complaint/complaint';
import { toLocalDateTime } from '../../domain/sla/convert-local-time';
import type { Executor } from '../../db/client';
import { policyRepo } from '../../db/repos/policy.repo';
import { productRepo } from '../../db/repos/product.repo';

/** Facts the proposer states that the complaint record does not hold (all optional; audited with the proposal). */
export type CompensationFactOverrides = {
  readonly foodCase?: FoodCase | null | undefined;
  readonly problemLevel?: ProblemLevel | null | undefined;
  readonly unitPriceFen?: number | undefined;
  readonly quantity?: number | undefined;
  readonly lossFen?: number | undefined;
  readonly distanceSale?: boolean | undefined;
  readonly perishable?: boolean | undefined;
  readonly verificationDone?: boolean | undefined;
  readonly priorFailedRepairs?: number | undefined;
  readonly mileageKm?: number | null | undefined;
  readonly foodSafetyViolation?: boolean | undefined;
  readonly fraudEstablished?: boolean | undefined;
};

/** The compensation policy in force (its stored version), the default when none was saved. */
export const loadCompensationPolicy = async (ex: Executor): Promise<CompensationPolicy> => {
  const row = await policyRepo.find(ex, 'compensation_policy');
  return (row?.value as CompensationPolicy | undefined) ?? DEFAULT_COMPENSATION_POLICY;
};

export const industryOf = (preset: string): Industry =>
  (INDUSTRIES as readonly string[]).includes(preset) ? (preset as Industry) : 'generic';

const hasMaliciousSignals = (c: Complaint): boolean => {
  const suggestion = c.suggestion as { maliciousSignals?: unknown } | null;
  const signals = Array.isArray(suggestion?.maliciousSignals) ? suggestion.maliciousSignals : [];
  return signals.length > 0 || c.severity === 'special';
};

/**
 * What the compensation engine reads about a real complaint: classification (nature, severity, major), injury,
 * customer tier and special group, purchase date and the product's list price from the record; R-MAL-1 signals
 * from the intake suggestion or the special class; the decision date is today on the company calendar. The
 * proposer's overrides fill what the record does not know (losses evidenced, distance sale, verification done…).
 */
export const buildCompensationInput = async (
  ex: Executor,
  c: Complaint,
  preset: string,
  timeZone: string,
  now: Date,
  o: CompensationFactOverrides,
): Promise<CompensationInput> => {
  const product = c.product.id ? await productRepo.findById(ex, c.product.id) : undefined;
  const today = toLocalDateTime(timeZone, now).date;
  const mileage = c.customFields.mileage_km;
  return {
    industry: industryOf(preset),
    nature: c.nature,
    severity: c.severity,
    foodCase: o.foodCase ?? null,
    problemLevel: o.problemLevel ?? null,
    unitPriceFen: o.unitPriceFen ?? product?.priceFen ?? 0,
    quantity: o.quantity ?? 1,
    lossFen: o.lossFen ?? 0,
    purchaseDate: c.product.purchaseDate ?? today,
    decisionDate: today,
    distanceSale: o.distanceSale ?? false,
    perishable: o.perishable ?? industryOf(preset) === 'food',
    customerTier: c.customer.tier,
    specialGroup: c.customer.specialGroup,
    injury: c.injury,
    major: c.major,
    maliciousSignals: hasMaliciousSignals(c),
    verificationDone: o.verificationDone ?? false,
    priorFailedRepairs: o.priorFailedRepairs ?? 0,
    mileageKm: o.mileageKm ?? (typeof mileage === 'number' ? mileage : null),
    foodSafetyViolation: o.foodSafetyViolation ?? false,
    fraudEstablished: o.fraudEstablished ?? false,
  };
};
