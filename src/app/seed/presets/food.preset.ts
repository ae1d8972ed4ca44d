import { FOOD_CLASSIFICATION_RULES } from '../../../domain/classification/classification-rules';
import { DEFAULT_DEADLINE_POLICY } from '../../../domain/sla/deadline-policy';
import { FOOD_DEMO } from '../demo/food.demo';
import { defineIndustryPreset } from './industry-preset';

/**
 * Food (DOMAIN §18, seed 002 food procedure): the six food severity classes 一般/次要/主要/严重/特殊/商超 with food
 * keywords (R-CLS-2), a compensation claim alone is not major; the default deadline table (R-SLA-1…14, 10-minute
 * regional manager notice, 2-hour batch investigation); KPI −1/−5/−2 (R-KPI-1/2); no custom fields.
 */
export const foodPreset = defineIndustryPreset({
  name: 'food',
  description: {
    'zh-CN': '食品行业（食品分级、食品关键词、默认时限）',
    en: 'Food (food severity classes and keywords, default deadlines)',
  },
  policies: {
    classification_rules: FOOD_CLASSIFICATION_RULES,
    deadline_policy: DEFAULT_DEADLINE_POLICY,
    kpi: { generalComplaint: -1, majorComplaint: -5, lateStep: -2 },
    custom_fields: [],
  },
  demo: FOOD_DEMO,
});
