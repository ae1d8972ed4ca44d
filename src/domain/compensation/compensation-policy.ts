/**
 * The compensation policy (DOMAIN §9–10): versioned data an administrator edits without a deploy. Legal floors
 * and windows are NOT here — they are law (`legal-remedies.ts`) and a policy cannot undercut them (R-RES-5).
 */

/** R-RES-1 solution kinds. */
export const COMPENSATION_KINDS = [
  'repair',
  'replacement',
  'refund',
  'price_difference',
  'company_products',
  'voucher',
  'points',
  'extended_warranty',
  'future_order_discount',
  'thanks_gift',
  'apology',
  'cash',
] as const;
export type CompensationKind = (typeof COMPENSATION_KINDS)[number];

/** Kinds that pay money out (and so are checked against legal floors and the R-MAL-2 verification rule). */
export const MONEY_KINDS: readonly CompensationKind[] = ['refund', 'cash'];

/** R-RES-3 food matrix cases (seed 002). The special "extortion / no harm" case is the R-MAL cap, not a row. */
export const FOOD_CASES = [
  'general',
  'minor',
  'spoilage',
  'foreign_unopened',
  'foreign_opened_not_eaten',
  'foreign_eaten',
] as const;
export type FoodCase = (typeof FOOD_CASES)[number];

/** R-RES-2 problem levels (seed 000). */
export const PROBLEM_LEVELS = ['appearance', 'functional', 'safety'] as const;
export type ProblemLevel = (typeof PROBLEM_LEVELS)[number];

/**
 * Who may approve a compensation (R-APR-1, R-RES-4), in signing order. `business_manager` and `sales_centre` come
 * from seed 000/002; `site_supervisor` + `site_technician` are the site check of seed 004 (a department manager and an
 * engineer sign that they saw the product on site). Which system roles may sign as each is in `approval-steps.ts`.
 */
export const APPROVER_ROLES = [
  'department_manager',
  'service_manager',
  'site_supervisor',
  'site_technician',
  'business_manager',
  'sales_centre',
  'general_manager',
] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];

/**
 * One option of a matrix row. Amount = round(goods value × `multiple`) + `fixedFen` (+ consequential losses when
 * `plusLosses`); `maxMultiple` is the top of the matrix range (R-RES-4: beyond it goes to `beyondMatrixApprover`).
 */
export type OptionTemplate = {
  readonly kind: CompensationKind;
  readonly multiple: number;
  readonly maxMultiple?: number;
  /** Replaces `multiple` for a severity class (R-RES-3 "cash by severity"). */
  readonly multipleBySeverity?: Readonly<Record<string, number>>;
  readonly fixedFen?: number;
  /** R-RES-2 safety: consequential losses (freight, lost wages) are added. */
  readonly plusLosses?: boolean;
  /** Approvers this option needs on top of the bands (R-RES-3 foreign matter eaten: cash → sales centre). */
  readonly approvers?: readonly ApproverRole[];
};

export type FoodMatrixRow = { readonly case: FoodCase; readonly options: readonly OptionTemplate[] };

/** Any amount above `aboveFen` needs `role` (R-APR-1). Bands are ascending. */
export type ApprovalBand = { readonly aboveFen: number; readonly role: ApproverRole };

export type TierRule = {
  /** Multiplies company-product, voucher and points amounts (R-RES-6: long-term customers above standard). */
  readonly multiple: number;
  readonly futureOrderDiscount: boolean;
};

export type CompensationPolicy = {
  readonly version: number;
  readonly currency: 'CNY';
  /** R-RES-3. */
  readonly foodMatrix: readonly FoodMatrixRow[];
  /** R-RES-2. */
  readonly levels: Readonly<Record<ProblemLevel, readonly OptionTemplate[]>>;
  /** R-APR-1 amount bands. */
  readonly approvalBands: readonly ApprovalBand[];
  /** R-RES-4: cash always needs these, whatever the amount. */
  readonly cashApprovers: readonly ApproverRole[];
  /** R-APR-1: any compensation in a major complaint needs this signature. */
  readonly majorApprover: ApproverRole;
  /** R-RES-4: an amount beyond the matrix range goes here. */
  readonly beyondMatrixApprover: ApproverRole;
  /** R-APR-1: above this a site check by supervisor + technician is needed (seed 004). */
  readonly siteCheckAboveFen: number;
  /**
   * Roles that sign side by side in one step (R-APR-1 parallel steps); every other role is a step of its own, in
   * `APPROVER_ROLES` order. Absent in policies saved before it existed: `DEFAULT_PARALLEL_APPROVERS` applies.
   */
  readonly parallelApprovers?: readonly (readonly ApproverRole[])[];
  /** R-RES-4 ranking: company products before cash. Every kind exactly once. */
  readonly rank: readonly CompensationKind[];
  /** R-RES-6. */
  readonly tiers: Readonly<Record<'long_term' | 'key_account', TierRule>>;
  readonly caps: {
    /** No multiple in the policy may exceed this. */
    readonly maxMultiple: number;
    /** R-MAL / R-RES-3 special case: the "small thank-you" on top of strict 1:1. */
    readonly thankYouFen: number;
  };
};

const BUSINESS_RANK: readonly CompensationKind[] = [
  'replacement',
  'repair',
  'refund',
  'price_difference',
  'company_products',
  'voucher',
  'points',
  'extended_warranty',
  'future_order_discount',
  'thanks_gift',
  'apology',
  'cash',
];

/** Site check and cash sign-offs are parallel pairs unless the policy says otherwise. */
export const DEFAULT_PARALLEL_APPROVERS: readonly (readonly ApproverRole[])[] = [
  ['site_supervisor', 'site_technician'],
  ['business_manager', 'sales_centre'],
];

/** Defaults: seed 000 levels, seed 002 food matrix, bands in fen (1,000 元 / 5,000 元). */
export const DEFAULT_COMPENSATION_POLICY: CompensationPolicy = {
  version: 1,
  currency: 'CNY',
  foodMatrix: [
    { case: 'general', options: [{ kind: 'apology', multiple: 0 }] },
    {
      case: 'minor',
      options: [
        { kind: 'replacement', multiple: 1 },
        { kind: 'refund', multiple: 1 },
        { kind: 'company_products', multiple: 1, maxMultiple: 2 },
      ],
    },
    {
      case: 'spoilage',
      options: [
        { kind: 'replacement', multiple: 1 },
        { kind: 'company_products', multiple: 1, maxMultiple: 5 },
      ],
    },
    { case: 'foreign_unopened', options: [{ kind: 'replacement', multiple: 1 }] },
    {
      case: 'foreign_opened_not_eaten',
      options: [
        { kind: 'refund', multiple: 1 },
        { kind: 'company_products', multiple: 1, maxMultiple: 3 },
      ],
    },
    {
      case: 'foreign_eaten',
      options: [
        { kind: 'company_products', multiple: 5, maxMultiple: 5 },
        {
          kind: 'cash',
          multiple: 1,
          maxMultiple: 5,
          multipleBySeverity: { major: 3, serious: 5 },
          approvers: ['service_manager', 'sales_centre'],
        },
      ],
    },
  ],
  levels: {
    appearance: [
      { kind: 'repair', multiple: 0 },
      { kind: 'replacement', multiple: 1 },
    ],
    functional: [
      { kind: 'price_difference', multiple: 0.2, maxMultiple: 0.5 },
      { kind: 'repair', multiple: 0 },
    ],
    safety: [{ kind: 'refund', multiple: 1, plusLosses: true }],
  },
  approvalBands: [
    { aboveFen: 0, role: 'department_manager' },
    { aboveFen: 100_000, role: 'service_manager' },
    { aboveFen: 500_000, role: 'general_manager' },
  ],
  cashApprovers: ['business_manager'],
  majorApprover: 'general_manager',
  beyondMatrixApprover: 'sales_centre',
  siteCheckAboveFen: 500_000,
  parallelApprovers: [
    ['site_supervisor', 'site_technician'],
    ['business_manager', 'sales_centre'],
  ],
  rank: BUSINESS_RANK,
  tiers: {
    long_term: { multiple: 1.2, futureOrderDiscount: true },
    key_account: { multiple: 1.5, futureOrderDiscount: true },
  },
  caps: { maxMultiple: 10, thankYouFen: 2_000 },
};
