import { GENERIC_CLASSIFICATION_RULES } from '../../../domain/classification/classification-rules';
import { DEFAULT_BATCH_THRESHOLDS } from '../../policies/policy-catalogue';
import { APPLIANCE_DEMO } from '../demo/appliance.demo';
import { GENERIC_DEADLINE_POLICY } from './generic-deadline-policy';
import { defineIndustryPreset } from './industry-preset';

/**
 * Appliances and electronics (DOMAIN §18, seeds 000/001/004): the generic 一般/重要/紧急/严重 taxonomy, every
 * compensation claim is major (seed 004); the default deadline table, whose R-SLA-12 already analyses returned
 * units in 24 h (batch 48 h, special 72 h); 3‰ / 1% batch thresholds (R-BAT-2/3, read by the batch module);
 * an optional fault code 故障代码 on the form. Warranty is 12 months per product (reference data).
 */
export const appliancePreset = defineIndustryPreset({
  name: 'appliance',
  description: {
    'zh-CN': '家电/电子（通用分级、退回品24/48/72小时分析、3‰/1%批量阈值）',
    en: 'Appliances and electronics (generic classes, 24/48/72 h returned-unit analysis, 3‰/1% batch thresholds)',
  },
  policies: {
    classification_rules: GENERIC_CLASSIFICATION_RULES,
    deadline_policy: GENERIC_DEADLINE_POLICY,
    batch_thresholds: DEFAULT_BATCH_THRESHOLDS,
    kpi: { generalComplaint: -1, majorComplaint: -5, lateStep: -2 },
    custom_fields: [
      {
        key: 'fault_code',
        label: { 'zh-CN': '故障代码', en: 'Fault code' },
        type: 'text',
        required: false,
        pattern: '^[A-Z]{1,2}-?\\d{1,3}$',
      },
    ],
  },
  demo: APPLIANCE_DEMO,
});
