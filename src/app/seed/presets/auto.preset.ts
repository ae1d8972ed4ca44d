import { GENERIC_CLASSIFICATION_RULES } from '../../../domain/classification/classification-rules';
import type { KeywordRule } from '../../../domain/classification/keyword-rules';
import type { ClockRule } from '../../../domain/sla/deadline-policy';
import { AUTO_DEMO } from '../demo/auto.demo';
import { GENERIC_DEADLINE_POLICY } from './generic-deadline-policy';
import { defineIndustryPreset } from './industry-preset';

/** Safety words of a car (brakes, steering, airbags, stalling) and dealer service words. */
const AUTO_KEYWORD_RULES: readonly KeywordRule[] = [
  {
    keywords: ['刹车失灵', '制动失效', '刹车偏软', '转向失灵', '方向盘卡滞', '安全气囊', '失去动力', '熄火'],
    topic: 'vehicle_safety',
    nature: 'safety',
    severity: 'urgent',
    rule: 'R-CLS-2',
  },
  {
    keywords: ['故障灯', '报警灯', '抖动', '无法启动'],
    topic: 'vehicle_function',
    nature: 'function',
    severity: 'important',
    rule: 'R-CLS-1',
  },
];

/**
 * R-SLA-2 for a dealership (seed 002 dealer procedure 客户投诉处理流程): customer service passes the form to the
 * responsible department manager within half an hour (最迟不可以超过半个小时), instead of the food procedure's
 * 10-minute notice to a regional manager.
 */
const DISPATCH_CLOCK: ClockRule = {
  kind: 'R-SLA-2',
  label: { 'zh-CN': '转交责任部门经理', en: 'Passed to the responsible department manager' },
  startOn: ['registered'],
  stopOn: ['assigned', 'assignee_notified'],
  appliesTo: { kinds: ['complaint'] },
  duration: { mode: 'wall', minutes: 30 },
  warnAtShare: 0.75,
  escalates: true,
  pausesWhileWaiting: false,
};

/**
 * Automotive dealers (DOMAIN §18, seed 002 dealer procedure): VIN (17 characters, no I/O/Q, required), mileage,
 * licence plate and repair count on the form; generic taxonomy with vehicle-safety keywords; deadlines are the
 * defaults the procedure shares (30-minute hand-off, manager calls back within 2 h, progress after 3 working days,
 * follow-up on day 5–7) with the 30-minute dispatch instead of the food notice; KPI −1 general, −5 major, −2 per
 * late step (考核).
 */
export const autoPreset = defineIndustryPreset({
  name: 'auto',
  description: {
    'zh-CN': '汽车经销商（车架号、里程、30分钟转交、2小时回电、第5–7天回访）',
    en: 'Car dealers (VIN, mileage, 30-minute hand-off, 2-hour call-back, day 5–7 follow-up)',
  },
  policies: {
    classification_rules: {
      ...GENERIC_CLASSIFICATION_RULES,
      keywordRules: [...AUTO_KEYWORD_RULES, ...GENERIC_CLASSIFICATION_RULES.keywordRules],
    },
    deadline_policy: {
      ...GENERIC_DEADLINE_POLICY,
      name: 'auto',
      rules: GENERIC_DEADLINE_POLICY.rules.map((r) => (r.kind === 'R-SLA-2' ? DISPATCH_CLOCK : r)),
    },
    kpi: { generalComplaint: -1, majorComplaint: -5, lateStep: -2 },
    custom_fields: [
      {
        key: 'vin',
        label: { 'zh-CN': '车架号（VIN）', en: 'VIN' },
        type: 'text',
        required: true,
        pattern: '^[A-HJ-NPR-Z0-9]{17}$',
      },
      {
        key: 'mileage_km',
        label: { 'zh-CN': '行驶里程（公里）', en: 'Mileage (km)' },
        type: 'number',
        required: false,
      },
      {
        key: 'licence_plate',
        label: { 'zh-CN': '车牌号', en: 'Licence plate' },
        type: 'text',
        required: false,
        pattern:
          '^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]$',
      },
      {
        key: 'fault_count',
        label: { 'zh-CN': '故障次数', en: 'Times repaired' },
        type: 'number',
        required: false,
      },
    ],
  },
  demo: AUTO_DEMO,
});
