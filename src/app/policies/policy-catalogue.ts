import { DEFAULT_ADVERSE_EVENT_POLICY } from '../../domain/adverse-event/adverse-event-policy';
import { DEFAULT_CAPA_POLICY } from '../../domain/capa/capa-policy';
import { DEFAULT_COMPENSATION_POLICY } from '../../domain/compensation/compensation-policy';
import { POLICY_DEFAULTS, type PolicyKey } from '../complaints/complaint-settings';

/**
 * R-BAT-2 / R-BAT-3 thresholds (seed 004): a market quality abnormality report above 3‰ valid complaints of one
 * failure mechanism per shipped batch, a quality special report above 1%; read by src/app/batch-signals, which
 * fills the optional fields from `DEFAULT_BATCH_SIGNAL_POLICY`.
 */
export type BatchThresholds = {
  readonly abnormalityReportRate: number;
  readonly specialReportRate: number;
  /** R-BAT-4: complaints of one batch and mechanism in one region that open a batch case (default 3)… */
  readonly regionalCaseCount?: number;
  /** …when received within this many days of each other (default 7). */
  readonly regionalWindowDays?: number;
  /** R-BAT-3 long-standing repetition: at least this many earlier complaints (default 5)… */
  readonly repeatedComplaintCount?: number;
  /** …the first of them at least this many days before (default 90). */
  readonly repeatedSpanDays?: number;
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
  capa_policy: DEFAULT_CAPA_POLICY,
  adverse_event_policy: DEFAULT_ADVERSE_EVENT_POLICY,
} as const;

export type PolicyName =
  PolicyKey | 'batch_thresholds' | 'compensation_policy' | 'capa_policy' | 'adverse_event_policy';

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
    capa_policy: { 'zh-CN': '纠正预防与不合格品处置', en: 'CAPA and nonconformity disposal' },
    adverse_event_policy: { 'zh-CN': '不良事件上报时限', en: 'Adverse-event reporting deadlines' },
  };

/** The built-in default of a policy (what is in force while nothing is stored). */
export const policyDefaultOf = (key: PolicyName): unknown => POLICY_CATALOGUE_DEFAULTS[key];
