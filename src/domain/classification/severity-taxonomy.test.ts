import { describe, expect, it } from 'vitest';
import {
  FOOD_SEVERITY_TAXONOMY,
  GENERIC_SEVERITY_TAXONOMY,
  findSeverityClass,
  rankOrdinaryClasses,
  validateSeverityTaxonomy,
  type SeverityClass,
  type SeverityTaxonomy,
} from './severity-taxonomy';

const cls = (code: string, rank: number, extra: Partial<SeverityClass> = {}): SeverityClass => ({
  code,
  label: { 'zh-CN': `级别${code}`, en: `Class ${code}` },
  rank,
  meaning: { 'zh-CN': '说明', en: 'meaning' },
  ...extra,
});

describe('severity taxonomies (R-CLS-2)', () => {
  it('should hold the six food classes of DOMAIN §4 in quality order when the food preset is loaded', () => {
    expect(FOOD_SEVERITY_TAXONOMY.classes.map((c) => [c.code, c.label['zh-CN']])).toEqual([
      ['general', '一般'],
      ['minor', '次要'],
      ['major', '主要'],
      ['serious', '严重'],
      ['special', '特殊'],
      ['retail', '商超'],
    ]);
    expect(rankOrdinaryClasses(FOOD_SEVERITY_TAXONOMY).map((c) => c.code)).toEqual([
      'general',
      'minor',
      'retail',
      'major',
      'serious',
    ]);
  });

  it('should mark only 特殊 as the R-MAL special class when the food preset is loaded', () => {
    expect(FOOD_SEVERITY_TAXONOMY.classes.filter((c) => c.special).map((c) => c.code)).toEqual(['special']);
    expect(findSeverityClass(FOOD_SEVERITY_TAXONOMY, 'major')?.examples).toEqual(['异物', '发霉']);
  });

  it('should hold 一般/重要/紧急/严重 in order when the generic preset is loaded', () => {
    expect(rankOrdinaryClasses(GENERIC_SEVERITY_TAXONOMY).map((c) => c.label['zh-CN'])).toEqual([
      '一般',
      '重要',
      '紧急',
      '严重',
    ]);
  });

  it.each([FOOD_SEVERITY_TAXONOMY, GENERIC_SEVERITY_TAXONOMY])(
    'should validate when the default taxonomy $name is checked',
    (taxonomy) => {
      expect(validateSeverityTaxonomy(taxonomy)).toEqual({ ok: true, value: taxonomy });
    },
  );

  it('should find nothing when the code differs only in case', () => {
    expect(findSeverityClass(FOOD_SEVERITY_TAXONOMY, 'Major')).toBeUndefined();
  });
});

describe('validateSeverityTaxonomy (R-CLS-2 configurable classes)', () => {
  const cases: readonly { name: string; taxonomy: SeverityTaxonomy; problems: readonly unknown[] }[] = [
    {
      name: 'should report a duplicate code when two classes share it ignoring case and spaces',
      taxonomy: { name: '家电', classes: [cls('general', 1), cls(' General', 2)] },
      problems: [{ problem: 'duplicate_code', index: 1, code: ' General' }],
    },
    {
      name: 'should report an empty label per locale when a label is blank',
      taxonomy: {
        name: '家电',
        classes: [cls('general', 1, { label: { 'zh-CN': ' ', en: '' } })],
      },
      problems: [
        { problem: 'empty_label', index: 0, locale: 'zh-CN' },
        { problem: 'empty_label', index: 0, locale: 'en' },
      ],
    },
    {
      name: 'should report an empty code when a code is blank',
      taxonomy: { name: '家电', classes: [cls('general', 1), cls('  ', 2)] },
      problems: [{ problem: 'empty_code', index: 1 }],
    },
    {
      name: 'should report an invalid rank when a rank is negative or fractional',
      taxonomy: { name: '家电', classes: [cls('a', -1), cls('b', 1.5), cls('c', 3)] },
      problems: [
        { problem: 'invalid_rank', index: 0 },
        { problem: 'invalid_rank', index: 1 },
      ],
    },
    {
      name: 'should report no ordinary class when every class is special',
      taxonomy: { name: '家电', classes: [cls('special', 0, { special: true })] },
      problems: [{ problem: 'no_ordinary_class' }],
    },
    {
      name: 'should report an empty name and no ordinary class when the taxonomy is blank',
      taxonomy: { name: '', classes: [] },
      problems: [{ problem: 'empty_name' }, { problem: 'no_ordinary_class' }],
    },
  ];
  it.each(cases)('$name', ({ taxonomy, problems }) => {
    expect(validateSeverityTaxonomy(taxonomy)).toEqual({ ok: false, error: problems });
  });
});
