import { GENERIC_CLASSIFICATION_RULES } from '../../../domain/classification/classification-rules';
import type { KeywordRule } from '../../../domain/classification/keyword-rules';
import type { ClockRule } from '../../../domain/sla/deadline-policy';
import { MEDICAL_DEMO } from '../demo/medical.demo';
import { GENERIC_DEADLINE_POLICY } from './generic-deadline-policy';
import { defineIndustryPreset } from './industry-preset';

/** Words of medical-device complaints the generic keywords miss (sterile barrier, measurement accuracy). */
const MEDICAL_KEYWORD_RULES: readonly KeywordRule[] = [
  {
    keywords: ['无菌包装破损', '包装破损', '灭菌', '无菌屏障'],
    topic: 'sterile_barrier',
    nature: 'packaging',
    severity: 'important',
    rule: 'R-CLS-2',
  },
  {
    keywords: ['读数不准', '测量不准', '误差大', '测量偏差', '数值偏差'],
    topic: 'measurement',
    nature: 'performance',
    severity: 'important',
    rule: 'R-CLS-1',
  },
];

/**
 * R-AE-2 with China's deadlines (《医疗器械不良事件监测和再评价管理办法》 art. 25): a suspected adverse event that
 * caused death is reported within 7 days, serious injury within 20 days, counted in calendar days from the day
 * after it became known (legal days). The clock is met when the report is issued.
 */
const ADVERSE_EVENT_CLOCKS: readonly ClockRule[] = [
  {
    kind: 'R-AE-2.death',
    rule: 'R-AE-2',
    label: { 'zh-CN': '死亡事件：7日内报告不良事件', en: 'Death: adverse event reported within 7 days' },
    startOn: ['registered'],
    stopOn: ['report_issued'],
    appliesTo: { injury: ['death'] },
    duration: { mode: 'legal_days', days: 7 },
    warnAtShare: 0.5,
    escalates: true,
    pausesWhileWaiting: false,
  },
  {
    kind: 'R-AE-2.serious',
    rule: 'R-AE-2',
    label: {
      'zh-CN': '严重伤害：20日内报告不良事件',
      en: 'Serious injury: adverse event reported within 20 days',
    },
    startOn: ['registered'],
    stopOn: ['report_issued'],
    appliesTo: { injury: ['serious'] },
    duration: { mode: 'legal_days', days: 20 },
    warnAtShare: 0.5,
    escalates: true,
    pausesWhileWaiting: false,
  },
];

/**
 * Medical devices (DOMAIN §18, seed 002 ISO 13485 customer-feedback procedure): the generic taxonomy with
 * sterile-barrier and measurement keywords; the customer-feedback report fields of the procedure as custom fields
 * (patient involved, required; UDI; user facility; adverse-event report number) — lot, serial, product code and
 * ship date are fields of every complaint; the default deadline table plus the NMPA adverse-event clocks.
 * Demo products are flagged as medical devices.
 */
export const medicalPreset = defineIndustryPreset({
  name: 'medical',
  description: {
    'zh-CN': '医疗器械（ISO 13485 反馈报告字段、不良事件上报时限）',
    en: 'Medical devices (ISO 13485 feedback report fields, adverse-event reporting clocks)',
  },
  policies: {
    classification_rules: {
      ...GENERIC_CLASSIFICATION_RULES,
      keywordRules: [...MEDICAL_KEYWORD_RULES, ...GENERIC_CLASSIFICATION_RULES.keywordRules],
    },
    deadline_policy: {
      ...GENERIC_DEADLINE_POLICY,
      name: 'medical',
      rules: [...GENERIC_DEADLINE_POLICY.rules, ...ADVERSE_EVENT_CLOCKS],
    },
    kpi: { generalComplaint: -1, majorComplaint: -5, lateStep: -2 },
    custom_fields: [
      {
        key: 'patient_involved',
        label: { 'zh-CN': '是否涉及患者', en: 'Patient involved' },
        type: 'text',
        required: true,
        pattern: '^(yes|no|unknown)$',
      },
      {
        key: 'udi',
        label: { 'zh-CN': '医疗器械唯一标识（UDI）', en: 'UDI' },
        type: 'text',
        required: false,
        pattern: '^[!-~]{1,120}$',
      },
      { key: 'hospital', label: { 'zh-CN': '使用单位', en: 'User facility' }, type: 'text', required: false },
      {
        key: 'ae_report_no',
        label: { 'zh-CN': '不良事件报告编号', en: 'Adverse-event report no.' },
        type: 'text',
        required: false,
      },
    ],
  },
  demo: MEDICAL_DEMO,
});
