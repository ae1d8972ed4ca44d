import { DEFAULT_COMPENSATION_POLICY } from '../../domain/compensation/compensation-policy';
import { POLICY_DEFAULTS, type PolicyKey } from '../complaints/complaint-settings';

/**
 * R-BAT-2 / R-BAT-3 thresholds (seed 004): a market quality abnormality report above 3‰ valid complaints of one
 * failure mechanism per shipped batch, a quality special report above 1%. Stored now so the appliance preset can
 * carry them; the batch-signal module will read them.
 */
export type BatchThresholds = {
  readonly abnormalityReportRate: number;
  readonly specialReportRate: number;
};

export const DEFAULT_BATCH_THRESHOLDS: BatchThresholds = {
  abnormalityReportRate: 0.003,
  specialReportRate: 0.01,
};

/** Every policy an administrator can read and edit: the complaint loop's keys plus those later modules will read. */
export const POLICY_CATALOGUE_DEFAULTS = {
  ...POLICY_DEFAULTS,
  batch_thresholds: DEFAULT_BATCH_THRESHOLDS,
  compensation_policy: DEFAULT_COMPENSATION_POLICY,
} as const;

export type PolicyName = PolicyKey | 'batch_thresholds' | 'compensation_policy';

/** The values a preset writes: a value for each policy it sets. */
export type PolicyValues = { readonly [K in PolicyName]?: (typeof POLICY_CATALOGUE_DEFAULTS)[K] };

export const POLICY_NAMES = Object.keys(POLICY_CATALOGUE_DEFAULTS) as readonly PolicyName[];

export const isPolicyName = (key: string): key is PolicyName =>
  (POLICY_NAMES as readonly string[]).includes(key);

export const POLICY_LABELS: Readonly<Record<PolicyName, { readonly 'zh-CN': string; readonly en: string }>> =
  {
    preset: { 'zh-CN': '行业预置', en: 'Industry preset' },
    deadline_policy: { 'zh-CN': '时限规则', en: 'Deadline policy' },
    classification_rules: { 'zh-CN': '分类分级规则', en: 'Classification rules' },
    review_chain: { 'zh-CN': '复审链', en: 'Re-review chain' },
    escalation_chain: { 'zh-CN': '超时升级链', en: 'Escalation chain' },
    duplicate_policy: { 'zh-CN': '重复投诉识别', en: 'Duplicate detection' },
    custom_fields: { 'zh-CN': '自定义字段', en: 'Custom fields' },
    kpi: { 'zh-CN': '考核分值', en: 'KPI points' },
    intake: { 'zh-CN': '线上受理部门', en: 'Intake department for portal and e-mail' },
    batch_thresholds: { 'zh-CN': '批量性问题阈值', en: 'Batch signal thresholds' },
    compensation_policy: { 'zh-CN': '补偿政策', en: 'Compensation policy' },
  };

/** The built-in default of a policy (what is in force while nothing is stored). */
export const policyDefaultOf = (key: PolicyName): unknown => POLICY_CATALOGUE_DEFAULTS[key];
