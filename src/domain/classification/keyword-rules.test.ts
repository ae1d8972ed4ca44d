import { describe, expect, it } from 'vitest';
import type { Nature } from '../complaint/complaint-vocabulary';
import {
  ESCALATION_KEYWORD_RULES,
  FOOD_KEYWORD_RULES,
  GENERIC_KEYWORD_RULES,
  validateKeywordRules,
  type EscalationKeywordRule,
  type KeywordRule,
} from './keyword-rules';
import { FOOD_SEVERITY_TAXONOMY, GENERIC_SEVERITY_TAXONOMY } from './severity-taxonomy';

describe('default keyword rules (R-CLS-1, R-CLS-2)', () => {
  it.each([
    ['food', FOOD_KEYWORD_RULES, FOOD_SEVERITY_TAXONOMY],
    ['generic', GENERIC_KEYWORD_RULES, GENERIC_SEVERITY_TAXONOMY],
  ] as const)('should fit its taxonomy when the %s defaults are validated', (_, rules, taxonomy) => {
    expect(validateKeywordRules(rules, taxonomy, ESCALATION_KEYWORD_RULES)).toEqual([]);
  });

  it('should not fit the generic taxonomy when the food rules are used with it', () => {
    const problems = validateKeywordRules(FOOD_KEYWORD_RULES, GENERIC_SEVERITY_TAXONOMY);
    expect(problems.map((p) => p.problem)).toContain('unknown_severity');
  });

  it('should never use a bare keyword that hides inside common words when the defaults are built', () => {
    const all = [...FOOD_KEYWORD_RULES, ...GENERIC_KEYWORD_RULES].flatMap((r) => r.keywords);
    for (const risky of ['少', '漏', '霉', '媒体', '110']) expect(all).not.toContain(risky);
  });
});

describe('validateKeywordRules (R-CLS-1, R-CLS-2 admin configuration)', () => {
  const cases: readonly {
    name: string;
    rules: readonly KeywordRule[];
    escalation?: readonly EscalationKeywordRule[];
    problems: readonly unknown[];
  }[] = [
    {
      name: 'should report a severity the taxonomy lacks when a rule names one',
      rules: [{ keywords: ['胀袋'], topic: 'packaging', severity: 'important', rule: 'R-CLS-2' }],
      problems: [{ problem: 'unknown_severity', index: 0, severity: 'important' }],
    },
    {
      name: 'should report a special severity when a rule would suggest 特殊',
      rules: [{ keywords: ['索赔'], topic: 'claim', severity: 'special', rule: 'R-MAL-1' }],
      problems: [{ problem: 'special_severity', index: 0, severity: 'special' }],
    },
    {
      name: 'should report an unknown nature when configuration carries one',
      rules: [{ keywords: ['异物'], topic: 'x', nature: 'contamination' as Nature, rule: 'R-CLS-1' }],
      problems: [{ problem: 'unknown_nature', index: 0, nature: 'contamination' }],
    },
    {
      name: 'should report missing and blank keywords when a rule has none or a blank one',
      rules: [
        { keywords: [], topic: 'a', rule: 'R-CLS-1' },
        { keywords: ['头发', ' '], topic: 'b', rule: 'R-CLS-1' },
      ],
      problems: [
        { problem: 'no_keywords', index: 0 },
        { problem: 'empty_keyword', index: 1 },
      ],
    },
    {
      name: 'should report an unknown flag when an escalation rule carries one',
      rules: [],
      escalation: [{ flag: 'tv' as EscalationKeywordRule['flag'], keywords: ['电视台'] }],
      problems: [{ problem: 'unknown_flag', index: 0, flag: 'tv' }],
    },
  ];
  it.each(cases)('$name', ({ rules, escalation, problems }) => {
    expect(validateKeywordRules(rules, FOOD_SEVERITY_TAXONOMY, escalation)).toEqual(problems);
  });
});
