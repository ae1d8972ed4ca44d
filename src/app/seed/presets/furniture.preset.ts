import { GENERIC_CLASSIFICATION_RULES } from '../../../domain/classification/classification-rules';
import type { KeywordRule } from '../../../domain/classification/keyword-rules';
import { FURNITURE_DEMO } from '../demo/furniture.demo';
import { GENERIC_DEADLINE_POLICY } from './generic-deadline-policy';
import { defineIndustryPreset } from './industry-preset';

/** Furniture and building-material words: odour/formaldehyde, installation faults, moisture. */
const FURNITURE_KEYWORD_RULES: readonly KeywordRule[] = [
  {
    keywords: ['甲醛', '刺鼻', '熏眼睛'],
    topic: 'emissions',
    nature: 'safety',
    severity: 'urgent',
    rule: 'R-CLS-2',
  },
  {
    keywords: ['安装不当', '没装好', '装歪', '松动', '晃动', '缝隙', '不平'],
    topic: 'installation',
    severity: 'important',
    rule: 'R-CLS-1',
  },
  {
    keywords: ['起拱', '受潮', '泡水', '发胀'],
    topic: 'moisture',
    nature: 'function',
    severity: 'important',
    rule: 'R-CLS-1',
  },
];

/**
 * Furniture and building materials (DOMAIN §18): installation visits and on-site repair — the installation date
 * and installer are recorded on the form, so installation faults are routed (R-CLS-5 installation) and charged to
 * the installer; customer-caused damage is classified as customer misuse (R-RES-8, R-WAR-4); generic taxonomy with
 * emission, installation and moisture keywords; default deadlines and KPI.
 */
export const furniturePreset = defineIndustryPreset({
  name: 'furniture',
  description: {
    'zh-CN': '家具/建材（安装日期与安装人、上门维修、人为损坏）',
    en: 'Furniture and building materials (installation date and installer, on-site repair, customer-caused damage)',
  },
  policies: {
    classification_rules: {
      ...GENERIC_CLASSIFICATION_RULES,
      keywordRules: [...FURNITURE_KEYWORD_RULES, ...GENERIC_CLASSIFICATION_RULES.keywordRules],
    },
    deadline_policy: GENERIC_DEADLINE_POLICY,
    kpi: { generalComplaint: -1, majorComplaint: -5, lateStep: -2 },
    custom_fields: [
      {
        key: 'installation_date',
        label: { 'zh-CN': '安装日期', en: 'Installation date' },
        type: 'date',
        required: false,
      },
      { key: 'installer', label: { 'zh-CN': '安装人员', en: 'Installer' }, type: 'text', required: false },
    ],
  },
  demo: FURNITURE_DEMO,
});
