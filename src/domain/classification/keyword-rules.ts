import {
  ESCALATION_FLAGS,
  NATURES,
  type EscalationFlag,
  type Nature,
} from '../complaint/complaint-vocabulary';
import type { SeverityTaxonomy } from './severity-taxonomy';

/**
 * One keyword rule of the classification suggestion (R-CLS-1 nature, R-CLS-2 severity). Keywords are matched
 * as substrings of the raw Chinese text (no segmentation), so each keyword should be specific enough not to
 * hide inside unrelated words: `少了` rather than `少` (which is inside 多少, 至少, 不少).
 */
export type KeywordRule = {
  readonly keywords: readonly string[];
  /** Machine-friendly name of what the keywords describe (`foreign_matter`, `spoilage`…), for reasons and reports. */
  readonly topic: string;
  readonly nature?: Nature;
  /** A class code of the taxonomy the rule set is meant for. */
  readonly severity?: string;
  /** The rule id cited when the rule matches. */
  readonly rule: string;
};

/** Words in a description that point at an escalation the form's flags may not carry yet (R-CLS-3). */
export type EscalationKeywordRule = { readonly flag: EscalationFlag; readonly keywords: readonly string[] };

const FOREIGN_HARD = ['玻璃', '金属', '铁丝', '钢丝', '刀片', '铁钉', '碎石', '石子'];
const FOREIGN_SOFT = ['异物', '头发', '毛发', '虫', '苍蝇', '蟑螂', '塑料片', '线头', '杂质'];
const SPOILAGE = [
  '发霉',
  '霉变',
  '霉点',
  '霉斑',
  '长毛',
  '变质',
  '异味',
  '发臭',
  '臭味',
  '酸败',
  '哈喇味',
  '过期',
  '馊',
  '变味',
];
const PACKAGING = ['漏气', '漏液', '胀袋', '胀包', '鼓包', '瘪袋', '破损', '破袋', '烂袋', '封口不严'];
const QUANTITY = [
  '短斤缺两',
  '缺斤少两',
  '缺量',
  '少了',
  '少装',
  '数量不足',
  '分量不足',
  '重量不足',
  '不够秤',
];
const FIRE = ['起火', '着火', '爆炸', '自燃'];
const HAZARD = ['冒烟', '打火', '烧机', '漏电', '短路', '焦味', '烧焦'];
const HARM = ['触电', '烫伤', '烧伤', '割伤', '受伤', '住院', '食物中毒', '拉肚子', '腹泻', '呕吐', '过敏'];
const MISUSE = ['不会用', '不会操作', '操作不当', '使用不当', '没看说明书', '不知道怎么用', '误操作', '用错'];
const TASTE = ['太甜', '太咸', '太淡', '口味', '口感', '不好吃'];
const SERVICE = ['态度', '服务差', '不理人', '挂电话', '推诿', '踢皮球', '没人管'];
const DELIVERY = ['送货', '延迟', '物流', '快递', '发货', '没收到', '送错'];
const PRICE = ['太贵', '价格', '降价', '差价', '价保', '多收钱'];
const APPEARANCE = ['外观', '划痕', '色差', '变形', '掉漆', '磕碰', '凹陷', '掉色', '生锈', '开裂'];
const FUNCTION = [
  '不工作',
  '坏了',
  '不能用',
  '用不了',
  '失灵',
  '故障',
  '开不了机',
  '不制冷',
  '不加热',
  '死机',
  '不转',
  '漏水',
];
const PERFORMANCE = ['噪音', '异响', '耗电', '效果差', '不达标', '制冷慢', '续航短'];

/**
 * Default keywords for the food preset, severities in `FOOD_SEVERITY_TAXONOMY` (seed 002, 4.2 and 10.x).
 * Hard foreign bodies (glass, metal) are a physical hazard, so their nature is safety; hair, insects and spoilage
 * have no R-CLS-1 nature of their own, so they suggest a severity only and a person picks the nature.
 */
export const FOOD_KEYWORD_RULES: readonly KeywordRule[] = [
  { keywords: HARM, topic: 'harm', nature: 'safety', severity: 'serious', rule: 'R-CLS-2' },
  { keywords: FIRE, topic: 'fire', nature: 'safety', severity: 'serious', rule: 'R-CLS-2' },
  { keywords: HAZARD, topic: 'safety_hazard', nature: 'safety', severity: 'serious', rule: 'R-CLS-2' },
  {
    keywords: FOREIGN_HARD,
    topic: 'foreign_matter_hard',
    nature: 'safety',
    severity: 'major',
    rule: 'R-CLS-2',
  },
  {
    keywords: FOREIGN_SOFT,
    topic: 'foreign_matter',
    nature: 'foreign_matter',
    severity: 'major',
    rule: 'R-CLS-2',
  },
  { keywords: SPOILAGE, topic: 'spoilage', nature: 'spoilage', severity: 'major', rule: 'R-CLS-2' },
  { keywords: PACKAGING, topic: 'packaging', nature: 'packaging', severity: 'minor', rule: 'R-CLS-2' },
  { keywords: QUANTITY, topic: 'short_quantity', nature: 'packaging', severity: 'minor', rule: 'R-CLS-2' },
  { keywords: APPEARANCE, topic: 'appearance', nature: 'appearance', severity: 'minor', rule: 'R-CLS-1' },
  { keywords: MISUSE, topic: 'misuse', nature: 'misuse', severity: 'general', rule: 'R-CLS-6' },
  { keywords: PRICE, topic: 'price', nature: 'price', severity: 'general', rule: 'R-CLS-1' },
  { keywords: TASTE, topic: 'taste', severity: 'general', rule: 'R-CLS-2' },
  { keywords: SERVICE, topic: 'service', nature: 'service', severity: 'general', rule: 'R-CLS-1' },
  { keywords: DELIVERY, topic: 'delivery', nature: 'delivery', severity: 'general', rule: 'R-CLS-1' },
];

/**
 * Default keywords for the appliance, furniture and automotive presets, severities in `GENERIC_SEVERITY_TAXONOMY`:
 * cosmetic flaws general, function and performance important, hazards urgent, fire and harm serious
 * (seed 000 轻微/中等/严重问题, seed 001 一般/重要/紧急/严重, seed 004 misuse → explanation).
 * Food words such as 金属 or 虫 are left out: 金属外壳 on an appliance is not a foreign body.
 */
export const GENERIC_KEYWORD_RULES: readonly KeywordRule[] = [
  { keywords: HARM, topic: 'harm', nature: 'safety', severity: 'serious', rule: 'R-CLS-2' },
  { keywords: FIRE, topic: 'fire', nature: 'safety', severity: 'serious', rule: 'R-CLS-2' },
  { keywords: HAZARD, topic: 'safety_hazard', nature: 'safety', severity: 'urgent', rule: 'R-CLS-2' },
  { keywords: FUNCTION, topic: 'function', nature: 'function', severity: 'important', rule: 'R-CLS-1' },
  {
    keywords: PERFORMANCE,
    topic: 'performance',
    nature: 'performance',
    severity: 'important',
    rule: 'R-CLS-1',
  },
  { keywords: PACKAGING, topic: 'packaging', nature: 'packaging', severity: 'general', rule: 'R-CLS-1' },
  { keywords: APPEARANCE, topic: 'appearance', nature: 'appearance', severity: 'general', rule: 'R-CLS-1' },
  { keywords: MISUSE, topic: 'misuse', nature: 'misuse', severity: 'general', rule: 'R-CLS-6' },
  { keywords: PRICE, topic: 'price', nature: 'price', severity: 'general', rule: 'R-CLS-1' },
  { keywords: SERVICE, topic: 'service', nature: 'service', severity: 'general', rule: 'R-CLS-1' },
  { keywords: DELIVERY, topic: 'delivery', nature: 'delivery', severity: 'general', rule: 'R-CLS-1' },
];

/**
 * Escalation words (R-CLS-3 媒体曝光、律师、警察、消协、政府机关; R-MAL-1 threats to publish). Phrases, not
 * bare nouns: 媒体 alone is inside 多媒体, 110 inside 110V.
 */
export const ESCALATION_KEYWORD_RULES: readonly EscalationKeywordRule[] = [
  { flag: 'threat_to_publish', keywords: ['曝光', '发微博', '发抖音', '发到网上', '发网上', '发朋友圈'] },
  { flag: 'media', keywords: ['记者', '电视台', '报社', '找媒体'] },
  { flag: 'lawyer', keywords: ['律师'] },
  { flag: 'court', keywords: ['起诉', '法院', '打官司'] },
  { flag: 'police', keywords: ['报警', '派出所'] },
  { flag: 'consumer_association', keywords: ['消协', '消费者协会'] },
  { flag: 'regulator', keywords: ['12315', '市场监管', '工商局', '质监局', '食药监'] },
];

export type KeywordRuleProblem =
  | { readonly problem: 'no_keywords'; readonly index: number }
  | { readonly problem: 'empty_keyword'; readonly index: number }
  | { readonly problem: 'unknown_nature'; readonly index: number; readonly nature: string }
  | { readonly problem: 'unknown_severity'; readonly index: number; readonly severity: string }
  | { readonly problem: 'special_severity'; readonly index: number; readonly severity: string }
  | { readonly problem: 'unknown_flag'; readonly index: number; readonly flag: string };

/**
 * Checks an administrator's keyword rules against the taxonomy they will run with (R-CLS-1, R-CLS-2): every
 * rule has at least one non-blank keyword, natures and escalation flags are from the vocabulary (the data comes
 * from configuration, so the type alone does not prove it), and severities are ordinary classes of the taxonomy
 * (a special class is for a person to assign, never a keyword). Returns every problem, empty when fine.
 */
export const validateKeywordRules = (
  rules: readonly KeywordRule[],
  taxonomy: SeverityTaxonomy,
  escalationRules: readonly EscalationKeywordRule[] = [],
): readonly KeywordRuleProblem[] => {
  const problems: KeywordRuleProblem[] = [];
  rules.forEach((r, index) => {
    if (r.keywords.length === 0) problems.push({ problem: 'no_keywords', index });
    if (r.keywords.some((k) => k.trim() === '')) problems.push({ problem: 'empty_keyword', index });
    if (r.nature !== undefined && !(NATURES as readonly string[]).includes(r.nature)) {
      problems.push({ problem: 'unknown_nature', index, nature: r.nature });
    }
    if (r.severity !== undefined) {
      const found = taxonomy.classes.find((c) => c.code === r.severity);
      if (!found) problems.push({ problem: 'unknown_severity', index, severity: r.severity });
      else if (found.special) problems.push({ problem: 'special_severity', index, severity: r.severity });
    }
  });
  escalationRules.forEach((r, index) => {
    if (!(ESCALATION_FLAGS as readonly string[]).includes(r.flag)) {
      problems.push({ problem: 'unknown_flag', index, flag: r.flag });
    }
    if (r.keywords.length === 0) problems.push({ problem: 'no_keywords', index });
    if (r.keywords.some((k) => k.trim() === '')) problems.push({ problem: 'empty_keyword', index });
  });
  return problems;
};
