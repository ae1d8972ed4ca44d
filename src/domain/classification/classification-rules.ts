import {
  ESCALATION_KEYWORD_RULES,
  FOOD_KEYWORD_RULES,
  GENERIC_KEYWORD_RULES,
  type EscalationKeywordRule,
  type KeywordRule,
} from './keyword-rules';
import {
  FOOD_SEVERITY_TAXONOMY,
  GENERIC_SEVERITY_TAXONOMY,
  type SeverityTaxonomy,
} from './severity-taxonomy';

/** The policy the classification suggestion runs with (R-CLS-1..6, R-MAL-1); one per preset, admin-editable. */
export type ClassificationRules = {
  readonly taxonomy: SeverityTaxonomy;
  readonly keywordRules: readonly KeywordRule[];
  /** Words in the description that suggest an escalation flag (R-CLS-3 risk of exposure, R-MAL-1 threats). */
  readonly escalationKeywordRules: readonly EscalationKeywordRule[];
  /** R-CLS-3 large loss: a claim at or above this is major; R-MAL-1: a claim above it is a malicious signal. */
  readonly majorClaimThresholdFen: number;
  /** R-CLS-3 repeated repairs in a short time: prior complaints on the same unit (90 days) that make it major. */
  readonly repeatedRepairThreshold: number;
  /** R-CLS-3 "compensation claimed" (涉及赔偿的投诉, seed 004): any claimed amount above zero is major. */
  readonly majorWhenCompensationClaimed: boolean;
  /** R-MAL-1 claim far above value: a claim above this multiple of the product price … */
  readonly maliciousClaimMultiple: number;
  /** … and above this floor (the statutory minimum a consumer may claim anyway, so never suspicious below it). */
  readonly maliciousClaimFloorFen: number;
  /** R-MAL-1 abnormal frequency: prior complaints by the same customer (90 days) that raise a signal. */
  readonly frequentComplaintThreshold: number;
};

const SHARED = {
  escalationKeywordRules: ESCALATION_KEYWORD_RULES,
  majorClaimThresholdFen: 1_000_000,
  repeatedRepairThreshold: 2,
  maliciousClaimMultiple: 10,
  frequentComplaintThreshold: 3,
} as const;

/**
 * Food preset. A compensation claim alone is not major: the food procedure settles claims by its matrix
 * (R-RES-3) and has no 重大投诉 class. Claims up to 10× the price, at least 1,000 yuan, are what Food Safety
 * Law art. 148 grants, so they are not a malicious signal.
 */
export const FOOD_CLASSIFICATION_RULES: ClassificationRules = {
  ...SHARED,
  taxonomy: FOOD_SEVERITY_TAXONOMY,
  keywordRules: FOOD_KEYWORD_RULES,
  majorWhenCompensationClaimed: false,
  maliciousClaimFloorFen: 100_000,
};

/**
 * Appliance, furniture, automotive and medical-device presets: every compensation claim is major (seed 004,
 * 涉及到赔偿的投诉). The R-MAL-1 floor is 500 yuan, Consumer Protection Law art. 55's minimum.
 */
export const GENERIC_CLASSIFICATION_RULES: ClassificationRules = {
  ...SHARED,
  taxonomy: GENERIC_SEVERITY_TAXONOMY,
  keywordRules: GENERIC_KEYWORD_RULES,
  majorWhenCompensationClaimed: true,
  maliciousClaimFloorFen: 50_000,
};
