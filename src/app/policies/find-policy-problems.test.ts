import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FOOD_CLASSIFICATION_RULES,
  GENERIC_CLASSIFICATION_RULES,
} from '../../domain/classification/classification-rules';
import { DEFAULT_COMPENSATION_POLICY } from '../../domain/compensation/compensation-policy';
import { DEFAULT_DEADLINE_POLICY } from '../../domain/sla/deadline-policy';
import { findPolicyProblems, type PoliciesInForce } from './find-policy-problems';
import { POLICY_NAMES, policyDefaultOf, type PolicyName } from './policy-catalogue';

const FOOD: PoliciesInForce = {
  classificationRules: FOOD_CLASSIFICATION_RULES,
  deadlinePolicy: DEFAULT_DEADLINE_POLICY,
};
const problemsOf = (key: PolicyName, value: unknown, inForce = FOOD) =>
  findPolicyProblems(key, value, inForce)?.problems ?? [];
const paths = (key: PolicyName, value: unknown, inForce = FOOD) =>
  problemsOf(key, value, inForce).map((p) => p.path);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
// Parsed JSON may carry keys that shadow Object.prototype: quoting such a value with String() throws.
const hostile = fc.constantFrom<unknown>({ toString: false }, [{ valueOf: 1, toString: 'x' }], {
  mode: { toString: null },
});
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostile);

describe('findPolicyProblems', () => {
  it.each(POLICY_NAMES)('should accept the built-in default of %s', (key) => {
    expect(findPolicyProblems(key, clone(policyDefaultOf(key)), FOOD)).toBeUndefined();
  });

  it('should answer DEADLINE_POLICY_INVALID with every problem of a deadline policy', () => {
    const policy = clone(DEFAULT_DEADLINE_POLICY) as unknown as { rules: Record<string, unknown>[] };
    policy.rules[0] = { ...policy.rules[0], duration: { mode: 'wall', minutes: -5 } };
    policy.rules[1] = { ...policy.rules[1], startOn: ['nonsense'] };
    const invalid = findPolicyProblems('deadline_policy', policy, FOOD);
    expect(invalid?.code).toBe('DEADLINE_POLICY_INVALID');
    expect(invalid?.problems.map((p) => p.path)).toEqual([
      'rules[0].duration.minutes',
      'rules[1].startOn[0]',
    ]);
  });

  it('should check deadline severities against the taxonomy in force', () => {
    const generic = { ...FOOD, classificationRules: GENERIC_CLASSIFICATION_RULES };
    expect(paths('deadline_policy', DEFAULT_DEADLINE_POLICY, generic)).toEqual([
      'rules[9].durationBySeverity.special',
      'rules[11].durationBySeverity.special',
    ]);
  });

  it('should answer the shape of a malformed deadline policy instead of crashing', () => {
    expect(paths('deadline_policy', null)).toEqual(['(value)']);
    expect(
      paths('deadline_policy', { name: 'x', version: 1, rules: [null, { startOn: 5, appliesTo: null }] }),
    ).toEqual(['rules[0]', 'rules[1].kind', 'rules[1].startOn', 'rules[1].appliesTo']);
  });

  it('should list taxonomy, keyword and threshold problems of classification rules together', () => {
    const rules = clone(FOOD_CLASSIFICATION_RULES) as unknown as Record<string, unknown> & {
      taxonomy: { classes: Record<string, unknown>[] };
      keywordRules: Record<string, unknown>[];
    };
    rules.taxonomy.classes[4] = { ...rules.taxonomy.classes[4], code: 'retail' };
    rules.keywordRules[0] = { ...rules.keywordRules[0], severity: 'special' };
    rules.majorClaimThresholdFen = -1;
    rules.maliciousClaimMultiple = 'ten';
    rules.typo = true;
    expect(paths('classification_rules', rules)).toEqual([
      'typo',
      'majorClaimThresholdFen',
      'maliciousClaimMultiple',
      'taxonomy.classes[5].code',
      'keywordRules[0].severity',
    ]);
  });

  it('should refuse a taxonomy that drops a class the deadline policy in force uses', () => {
    const problems = problemsOf('classification_rules', GENERIC_CLASSIFICATION_RULES);
    expect(problems.map((p) => p.path)).toEqual([
      'deadline_policy.rules[9].durationBySeverity.special',
      'deadline_policy.rules[11].durationBySeverity.special',
    ]);
    expect(problems[0]?.message).toContain('change the deadline policy first');
  });

  it.each([
    ['review_chain', [], ['(value)']],
    ['review_chain', ['department_manager', 'boss'], ['[1]']],
    ['review_chain', ['department_manager', 'department_manager', 'general_manager'], []],
    ['escalation_chain', ['assignee', 'service_manager', 'general_manager'], []],
    ['escalation_chain', ['service_manager', 'assignee'], ['[1]']],
    ['escalation_chain', ['service_manager', 'general_manager', 'service_manager'], ['[2]']],
    ['duplicate_policy', { windowDays: 0, minTextSimilarity: 0 }, ['windowDays', 'minTextSimilarity']],
    ['duplicate_policy', { windowDays: 365, minTextSimilarity: 1 }, []],
    [
      'duplicate_policy',
      { windowDays: 366, minTextSimilarity: 1.5, extra: 1 },
      ['extra', 'windowDays', 'minTextSimilarity'],
    ],
    ['kpi', { generalComplaint: -1.5, majorComplaint: -5, lateStep: '2' }, ['generalComplaint', 'lateStep']],
    ['kpi', { generalComplaint: -1, majorComplaint: -5 }, ['lateStep']],
    ['batch_thresholds', { abnormalityReportRate: 0.02, specialReportRate: 0.01 }, ['specialReportRate']],
    [
      'batch_thresholds',
      { abnormalityReportRate: 0, specialReportRate: 2 },
      ['abnormalityReportRate', 'specialReportRate'],
    ],
    [
      'batch_thresholds',
      { abnormalityReportRate: 0.003, specialReportRate: 0.01, regionalCaseCount: 3, regionalWindowDays: 7 },
      [],
    ],
    [
      'batch_thresholds',
      {
        abnormalityReportRate: 0.0000000001,
        specialReportRate: 0.01,
        regionalCaseCount: 0,
        regionalWindowDays: 2.5,
        repeatedComplaintCount: 5,
        repeatedSpanDays: 4000,
      },
      ['abnormalityReportRate', 'regionalCaseCount', 'regionalWindowDays', 'repeatedSpanDays'],
    ],
    ['intake', { portalDepartmentCode: null }, []],
    ['intake', { portalDepartmentCode: 'bad code!' }, ['portalDepartmentCode']],
    ['preset', 'Food Preset', ['(value)']],
    ['compensation_policy', DEFAULT_COMPENSATION_POLICY, []],
    ['compensation_policy', 'none', ['(value)']],
    ['compensation_policy', { ...DEFAULT_COMPENSATION_POLICY, cashApprovers: [] }, ['cashApprovers']],
  ] as const)('should check %s %j → problems at %j', (key, value, expected) => {
    expect(paths(key, value)).toEqual(expected);
  });

  it('should check custom fields: key form and uniqueness, bilingual labels, type, and a pattern that compiles', () => {
    const field = {
      key: 'vin',
      label: { 'zh-CN': '车架号', en: 'VIN' },
      type: 'text',
      required: true,
      pattern: '^[A-Z0-9]{17}$',
    };
    expect(paths('custom_fields', [field])).toEqual([]);
    expect(
      paths('custom_fields', [
        field,
        { ...field },
        { key: 'Mileage', label: { 'zh-CN': '', en: 'Mileage' }, type: 'integer', required: 'no' },
        {
          key: 'plate',
          label: { 'zh-CN': '车牌', en: 'Plate' },
          type: 'text',
          required: false,
          pattern: '([A-Z',
        },
        {
          key: 'km',
          label: { 'zh-CN': '里程', en: 'km' },
          type: 'number',
          required: false,
          pattern: '^\\d+$',
        },
      ]),
    ).toEqual([
      '[2].key',
      '[2].label.zh-CN',
      '[2].type',
      '[2].required',
      '[3].pattern',
      '[4].pattern',
      '[1].key',
    ]);
  });

  it('should never throw on arbitrary JSON for any key, and explain every refusal with a path', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...POLICY_NAMES),
        fc.oneof(fc.jsonValue({ maxDepth: 4 }), hostile),
        (key, value) => {
          const invalid = findPolicyProblems(key, value, FOOD);
          if (invalid) {
            expect(invalid.problems.length).toBeGreaterThan(0);
            for (const p of invalid.problems) expect(p.path.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('should never throw on deadline policies with randomly broken rules', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: DEFAULT_DEADLINE_POLICY.rules.length - 1 }),
        fc.constantFrom(
          'kind',
          'label',
          'startOn',
          'stopOn',
          'restartOn',
          'countFrom',
          'appliesTo',
          'duration',
          'durationBySeverity',
          'durationByScope',
          'warnAtShare',
        ),
        anyJson,
        (index, field, junk) => {
          const policy = clone(DEFAULT_DEADLINE_POLICY) as unknown as { rules: Record<string, unknown>[] };
          policy.rules[index] = { ...policy.rules[index], [field]: junk };
          expect(() => findPolicyProblems('deadline_policy', policy, FOOD)).not.toThrow();
        },
      ),
      { numRuns: 3000 },
    );
  });
});
