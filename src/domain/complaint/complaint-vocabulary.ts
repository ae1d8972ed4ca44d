/**
 * The words of a complaint record (DOMAIN.md §2–4). Lists are `as const` so the API contracts, the database
 * checks and the console all use the same values.
 */

/** Kinds of feedback (DOMAIN §2): 投诉, 咨询, 建议, 表扬, 内部反馈. */
export const COMPLAINT_KINDS = ['complaint', 'inquiry', 'suggestion', 'praise', 'internal_report'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/** Where the complaint came in (R-INT-1: every channel ends in the same record and process). */
export const CHANNELS = [
  'hotline',
  'email',
  'web_form',
  'portal',
  'social_media',
  'store',
  'dealer',
  'regulator',
  'media',
  'visit',
  'api',
  'import',
] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * R-CLS-1 nature 性质, plus the two food natures the food matrix (R-RES-3) turns on: foreign matter 异物 and
 * spoilage 变质.
 */
export const NATURES = [
  'appearance',
  'function',
  'performance',
  'safety',
  'packaging',
  'delivery',
  'price',
  'misuse',
  'service',
  'foreign_matter',
  'spoilage',
] as const;
export type Nature = (typeof NATURES)[number];

/** R-AE-1: asked for every complaint; there is no "not asked". */
export const INJURY_LEVELS = ['none', 'minor', 'serious', 'death'] as const;
export type Injury = (typeof INJURY_LEVELS)[number];

/** Escalation flags (DOMAIN §2) — each one makes a complaint major (R-CLS-3). */
export const ESCALATION_FLAGS = [
  'media',
  'lawyer',
  'police',
  'consumer_association',
  'regulator',
  'threat_to_publish',
  'court',
  'extreme_behaviour',
] as const;
export type EscalationFlag = (typeof ESCALATION_FLAGS)[number];

/** R-CLS-4 validity 有效投诉. */
export const VALIDITIES = ['pending', 'valid', 'not_our_product', 'no_quality_problem'] as const;
export type Validity = (typeof VALIDITIES)[number];

/** R-CLS-5 preliminary responsibility stage, used for routing and later cost allocation (R-RES-8). */
export const RESPONSIBILITY_STAGES = [
  'design',
  'purchasing',
  'production',
  'logistics',
  'installation',
  'retailer_storage',
  'customer_misuse',
  'unknown',
] as const;
export type ResponsibilityStage = (typeof RESPONSIBILITY_STAGES)[number];

/** 客户诉求. */
export const DEMANDS = [
  'refund',
  'exchange',
  'repair',
  'compensation',
  'apology',
  'explanation',
  'other',
] as const;
export type Demand = (typeof DEMANDS)[number];

export const CUSTOMER_TYPES = ['consumer', 'dealer', 'retailer', 'b2b', 'regulator', 'media'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** R-RES-6 tiers. */
export const CUSTOMER_TIERS = ['standard', 'new', 'long_term', 'key_account'] as const;
export type CustomerTier = (typeof CUSTOMER_TIERS)[number];

/** R-RES-6 special groups: home service and a dedicated follow-up owner. */
export const SPECIAL_GROUPS = ['elderly', 'disabled', 'pregnant', 'minor'] as const;
export type SpecialGroup = (typeof SPECIAL_GROUPS)[number];

/** Scope of the problem: one unit, several units of the customer, or many customers (batch suspicion). */
export const SCOPES = ['single_unit', 'several_units', 'batch'] as const;
export type Scope = (typeof SCOPES)[number];
