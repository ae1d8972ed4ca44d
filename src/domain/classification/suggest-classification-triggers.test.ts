import { describe, expect, it } from 'vitest';
import {
  FOOD_CLASSIFICATION_RULES as FOOD,
  GENERIC_CLASSIFICATION_RULES as GENERIC,
  type ClassificationRules,
} from './classification-rules';
import {
  suggestClassification,
  type ClassificationInput,
  type ClassificationSuggestion,
} from './suggest-classification';

const base: ClassificationInput = {
  description: '',
  kind: 'complaint',
  injury: 'none',
  flags: [],
  claimedAmountFen: null,
  productPriceFen: null,
  priorComplaintsSameUnit90d: 0,
  priorComplaintsSameCustomer90d: 0,
  scope: 'single_unit',
  channel: 'hotline',
  customerType: 'consumer',
};

type Case = {
  name: string;
  rules: ClassificationRules;
  input: Partial<ClassificationInput>;
  expected: Partial<ClassificationSuggestion>;
};

describe('suggestClassification — major triggers (R-CLS-3)', () => {
  const cases: readonly (Case & { triggers: readonly string[] })[] = [
    {
      name: 'should not be major when a claim is one fen under the threshold',
      rules: FOOD,
      input: { claimedAmountFen: 999_999 },
      triggers: [],
      expected: {},
    },
    {
      name: 'should be major when the claim reaches 10,000 yuan (large loss)',
      rules: FOOD,
      input: { claimedAmountFen: 1_000_000 },
      triggers: ['large_claim'],
      expected: {},
    },
    {
      name: 'should not be major when a food customer claims a small amount',
      rules: FOOD,
      input: { claimedAmountFen: 20_000 },
      triggers: [],
      expected: {},
    },
    {
      name: 'should be major when an appliance customer claims any compensation (涉及赔偿)',
      rules: GENERIC,
      input: { claimedAmountFen: 20_000 },
      triggers: ['compensation_claimed'],
      expected: {},
    },
    {
      name: 'should not be major when a zero claim is recorded',
      rules: GENERIC,
      input: { claimedAmountFen: 0 },
      triggers: [],
      expected: {},
    },
    {
      name: 'should not be major when the unit had one prior complaint',
      rules: GENERIC,
      input: { priorComplaintsSameUnit90d: 1 },
      triggers: [],
      expected: {},
    },
    {
      name: 'should be major when the unit had two prior complaints (repeated repairs, 三包)',
      rules: GENERIC,
      input: { priorComplaintsSameUnit90d: 2 },
      triggers: ['repeated_repairs'],
      expected: {},
    },
    {
      name: 'should be major once per kind when several flags are set',
      rules: FOOD,
      input: { flags: ['lawyer', 'police'] },
      triggers: ['escalation_flag'],
      expected: {},
    },
    {
      name: 'should be major when the description threatens to go to 12315',
      rules: FOOD,
      input: { description: '不处理我就打12315' },
      triggers: ['escalation_text'],
      expected: { suggestedFlags: ['regulator'] },
    },
    {
      name: 'should not suggest a flag again when the form already carries it',
      rules: FOOD,
      input: { description: '我已经请了律师', flags: ['lawyer'] },
      triggers: ['escalation_flag'],
      expected: { suggestedFlags: [] },
    },
    {
      name: 'should be major when the customer type is a regulator',
      rules: FOOD,
      input: { customerType: 'regulator' },
      triggers: ['regulator_or_media'],
      expected: {},
    },
  ];
  it.each(cases)('$name', ({ rules, input, triggers, expected }) => {
    const s = suggestClassification({ ...base, ...input }, rules);
    expect(s).toMatchObject({ ...expected, major: triggers.length > 0, majorTriggers: triggers });
  });

  it('should cite every trigger that fired with R-CLS-3 when many fire at once', () => {
    const s = suggestClassification(
      {
        ...base,
        description: '热水器三个月修了两次还是不加热，再不解决我就找记者曝光',
        claimedAmountFen: 2_000_000,
        priorComplaintsSameUnit90d: 2,
        flags: ['consumer_association'],
      },
      GENERIC,
    );
    expect(s.majorTriggers).toEqual([
      'escalation_flag',
      'escalation_text',
      'large_claim',
      'compensation_claimed',
      'repeated_repairs',
    ]);
    expect(s.suggestedFlags).toEqual(['threat_to_publish', 'media']);
    expect(s.reasons.filter((r) => r.rule === 'R-CLS-3').map((r) => r.detail)).toEqual([
      'text suggests flag threat_to_publish: 曝光',
      'text suggests flag media: 记者',
      'major: flag consumer_association',
      'major: text mentions threat_to_publish',
      'major: text mentions media',
      'major: claim 2000000 fen >= 1000000 fen',
      'major: claim 2000000 fen',
      'major: 2 prior complaints on the unit in 90 days',
    ]);
  });
});

describe('suggestClassification — malicious signals (R-MAL-1)', () => {
  const cases: readonly (Omit<Case, 'expected'> & { signals: readonly string[] })[] = [
    {
      name: 'should raise nothing when a 10-yuan snack claim stays at the 1,000-yuan legal floor',
      rules: FOOD,
      input: { productPriceFen: 1_000, claimedAmountFen: 100_000 },
      signals: [],
    },
    {
      name: 'should signal a claim far above value when a 10-yuan snack claim exceeds the floor',
      rules: FOOD,
      input: { productPriceFen: 1_000, claimedAmountFen: 100_001 },
      signals: ['claim_far_above_value'],
    },
    {
      name: 'should raise nothing when the claim is exactly ten times a 500-yuan price',
      rules: FOOD,
      input: { productPriceFen: 50_000, claimedAmountFen: 500_000 },
      signals: [],
    },
    {
      name: 'should signal when the claim is over ten times a 500-yuan price',
      rules: FOOD,
      input: { productPriceFen: 50_000, claimedAmountFen: 500_001 },
      signals: ['claim_far_above_value'],
    },
    {
      name: 'should not compare with the price when the price is unknown',
      rules: FOOD,
      input: { productPriceFen: null, claimedAmountFen: 500_000 },
      signals: [],
    },
    {
      name: 'should not signal the absolute threshold when the claim equals 10,000 yuan',
      rules: GENERIC,
      input: { productPriceFen: 500_000, claimedAmountFen: 1_000_000 },
      signals: [],
    },
    {
      name: 'should signal the absolute threshold when the claim exceeds 10,000 yuan',
      rules: GENERIC,
      input: { productPriceFen: 500_000, claimedAmountFen: 1_000_001 },
      signals: ['claim_above_threshold'],
    },
    {
      name: 'should signal a threat to publish when the flag is set',
      rules: FOOD,
      input: { flags: ['threat_to_publish'] },
      signals: ['threat_to_publish'],
    },
    {
      name: 'should signal a threat to publish when the text says 发抖音',
      rules: FOOD,
      input: { description: '不赔一万我就发抖音' },
      signals: ['threat_to_publish'],
    },
    {
      name: 'should not signal frequency when the customer complained twice before',
      rules: FOOD,
      input: { priorComplaintsSameCustomer90d: 2 },
      signals: [],
    },
    {
      name: 'should signal frequency when the customer complained three times in 90 days',
      rules: FOOD,
      input: { priorComplaintsSameCustomer90d: 3 },
      signals: ['frequent_complainer'],
    },
  ];
  it.each(cases)('$name', ({ rules, input, signals }) => {
    const s = suggestClassification({ ...base, ...input }, rules);
    expect(s.maliciousSignals).toEqual(signals);
    expect(s.reasons.filter((r) => r.rule === 'R-MAL-1')).toHaveLength(signals.length);
  });

  it('should never suggest the special class when every signal fires', () => {
    const s = suggestClassification(
      {
        ...base,
        description: '饼干有头发，不赔两万就曝光',
        claimedAmountFen: 2_000_000,
        productPriceFen: 1_500,
        priorComplaintsSameCustomer90d: 5,
      },
      FOOD,
    );
    expect(s.maliciousSignals).toEqual([
      'claim_above_threshold',
      'claim_far_above_value',
      'threat_to_publish',
      'frequent_complainer',
    ]);
    expect(s.severity).toBe('major');
  });
});

describe('suggestClassification — retail hint (R-CLS-2 商超)', () => {
  it('should point at the retail class when a supermarket complains, keeping the quality severity', () => {
    const s = suggestClassification(
      { ...base, description: '门店上架前发现整箱霉变', customerType: 'retailer' },
      FOOD,
    );
    expect(s.severity).toBe('major');
    expect(s.reasons).toContainEqual({
      rule: 'R-CLS-2',
      detail: 'customer retailer: consider class retail (商超)',
    });
  });

  it('should give no retail hint when the taxonomy has no retail class', () => {
    const s = suggestClassification({ ...base, customerType: 'retailer' }, GENERIC);
    expect(s.reasons.some((r) => r.detail?.includes('consider class'))).toBe(false);
  });
});
