import type { CustomerType } from '../complaint/complaint-vocabulary';
import { err, ok, type Result } from '../shared/result';

export type LocalisedText = { readonly 'zh-CN': string; readonly en: string };

/** One severity class 级别 of a taxonomy (R-CLS-2). The code is what records, deadlines and policies store. */
export type SeverityClass = {
  readonly code: string;
  readonly label: LocalisedText;
  /**
   * Quality-severity order: higher is worse. The suggestion picks the highest-ranked class among keyword
   * matches; the lowest-ranked ordinary class is the default for non-complaints, the highest for harm.
   */
  readonly rank: number;
  readonly meaning: LocalisedText;
  readonly examples?: readonly string[];
  /** R-MAL: no quality problem, economic or commercial motive (特殊). Assigned by a person, never suggested. */
  readonly special?: boolean;
  /**
   * Customer types for which the suggestion points a person at this class (e.g. 商超 for retailers).
   * A hint only: the quality severity stays the suggested class.
   */
  readonly hintForCustomerTypes?: readonly CustomerType[];
};

export type SeverityTaxonomy = { readonly name: string; readonly classes: readonly SeverityClass[] };

/** R-CLS-2 default: the six classes of the food procedure (seed 002, 顾客投诉的分类 4.2.1–4.2.6). */
export const FOOD_SEVERITY_TAXONOMY: SeverityTaxonomy = {
  name: 'food',
  classes: [
    {
      code: 'general',
      label: { 'zh-CN': '一般', en: 'General' },
      rank: 10,
      meaning: {
        'zh-CN': '无产品质量问题，顾客反馈及建议等',
        en: 'No quality problem: opinion or suggestion',
      },
      examples: ['产品太甜', '价格太贵'],
    },
    {
      code: 'minor',
      label: { 'zh-CN': '次要', en: 'Minor' },
      rank: 20,
      meaning: {
        'zh-CN': '存在轻微质量问题，但不会对消费者造成任何伤害',
        en: 'Slight quality problem that cannot harm the consumer',
      },
      examples: ['产品开裂', '数量不足', '瘪袋', '漏气', '封口不严'],
    },
    {
      code: 'major',
      label: { 'zh-CN': '主要', en: 'Major' },
      rank: 30,
      meaning: {
        'zh-CN': '存在质量问题，会对消费者造成伤害',
        en: 'Quality problem that could harm the consumer',
      },
      examples: ['异物', '发霉'],
    },
    {
      code: 'serious',
      label: { 'zh-CN': '严重', en: 'Serious' },
      rank: 40,
      meaning: {
        'zh-CN': '引起严重后果，或给顾客造成伤害',
        en: 'Serious consequence or harm to the customer',
      },
      examples: ['因产品中异物造成顾客身体伤害', '经销商处发生的批量性投诉', '职能部门的抽检', '媒体投诉'],
    },
    {
      code: 'special',
      label: { 'zh-CN': '特殊', en: 'Special' },
      rank: 0,
      meaning: {
        'zh-CN': '产品不存在质量问题，消费者为达到某种经济目的或商业目的而进行的投诉',
        en: 'No quality problem; complaint made for an economic or commercial motive',
      },
      examples: ['恶性顾客投诉'],
      special: true,
    },
    {
      code: 'retail',
      label: { 'zh-CN': '商超', en: 'Retail' },
      rank: 25,
      meaning: {
        'zh-CN': '存在质量问题，被商超发现的或由消费者到商超进行索赔的有效投诉',
        en: 'Quality problem found by a supermarket, or claimed by a consumer at a supermarket',
      },
      hintForCustomerTypes: ['retailer'],
    },
  ],
};

/**
 * 一般/重要/紧急/严重, the four levels most non-food procedures use (seed 001 严重程度分级; seed 000 紧急问题 =
 * safety risk, 2 h). Default for the appliance, furniture, automotive and medical-device presets.
 */
export const GENERIC_SEVERITY_TAXONOMY: SeverityTaxonomy = {
  name: 'generic',
  classes: [
    {
      code: 'general',
      label: { 'zh-CN': '一般', en: 'General' },
      rank: 10,
      meaning: {
        'zh-CN': '无质量问题或轻微外观瑕疵，咨询、意见、服务',
        en: 'No quality problem or a slight cosmetic flaw; opinion, service',
      },
      examples: ['外观划痕', '送货延迟', '服务态度'],
    },
    {
      code: 'important',
      label: { 'zh-CN': '重要', en: 'Important' },
      rank: 20,
      meaning: {
        'zh-CN': '功能失效或性能不达标，影响正常使用',
        en: 'Function failure or performance below specification',
      },
      examples: ['不制冷', '开不了机', '噪音大'],
    },
    {
      code: 'urgent',
      label: { 'zh-CN': '紧急', en: 'Urgent' },
      rank: 30,
      meaning: {
        'zh-CN': '存在安全隐患，需立即启动应急流程',
        en: 'Safety hazard: start the emergency process at once',
      },
      examples: ['冒烟', '漏电', '打火'],
    },
    {
      code: 'serious',
      label: { 'zh-CN': '严重', en: 'Serious' },
      rank: 40,
      meaning: {
        'zh-CN': '已造成人身伤害或财产损失，批量问题，监管部门或媒体介入',
        en: 'Harm or loss has happened, batch problem, regulator or media involved',
      },
      examples: ['起火', '触电受伤', '批量投诉', '媒体曝光'],
    },
  ],
};

export type SeverityTaxonomyProblem =
  | { readonly problem: 'empty_name' }
  | { readonly problem: 'no_ordinary_class' }
  | { readonly problem: 'empty_code'; readonly index: number }
  | { readonly problem: 'duplicate_code'; readonly index: number; readonly code: string }
  | { readonly problem: 'empty_label'; readonly index: number; readonly locale: 'zh-CN' | 'en' }
  | { readonly problem: 'invalid_rank'; readonly index: number };

/**
 * Checks an administrator's taxonomy before it is stored (R-CLS-2: the class list is configurable).
 * Lists every problem: blank name, blank code, duplicate code (compared trimmed and case-insensitively, since
 * codes end up in URLs and policies), blank label in either locale, a rank that is not a non-negative integer,
 * and a taxonomy with no ordinary (non-special) class, which would leave nothing to suggest.
 */
export const validateSeverityTaxonomy = (
  taxonomy: SeverityTaxonomy,
): Result<SeverityTaxonomy, readonly SeverityTaxonomyProblem[]> => {
  const problems: SeverityTaxonomyProblem[] = [];
  if (taxonomy.name.trim() === '') problems.push({ problem: 'empty_name' });
  const seen = new Set<string>();
  taxonomy.classes.forEach((c, index) => {
    const key = c.code.trim().toLowerCase();
    if (key === '') problems.push({ problem: 'empty_code', index });
    else if (seen.has(key)) problems.push({ problem: 'duplicate_code', index, code: c.code });
    seen.add(key);
    for (const locale of ['zh-CN', 'en'] as const) {
      if (c.label[locale].trim() === '') problems.push({ problem: 'empty_label', index, locale });
    }
    if (!Number.isInteger(c.rank) || c.rank < 0) problems.push({ problem: 'invalid_rank', index });
  });
  if (!taxonomy.classes.some((c) => !c.special)) problems.push({ problem: 'no_ordinary_class' });
  return problems.length === 0 ? ok(taxonomy) : err(problems);
};

/** The class with this exact code, or undefined. */
export const findSeverityClass = (taxonomy: SeverityTaxonomy, code: string): SeverityClass | undefined =>
  taxonomy.classes.find((c) => c.code === code);

/** Ordinary (non-special) classes from lowest to highest rank; the first and last anchor the suggestion. */
export const rankOrdinaryClasses = (taxonomy: SeverityTaxonomy): readonly SeverityClass[] =>
  taxonomy.classes.filter((c) => !c.special).sort((a, b) => a.rank - b.rank);
