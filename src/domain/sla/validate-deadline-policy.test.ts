import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_POLICY, type ClockRule, type DeadlinePolicy } from './deadline-policy';
import { validateDeadlinePolicy } from './validate-deadline-policy';

const SEVERITIES = ['general', 'minor', 'major', 'serious', 'special', 'retail'];
const base: ClockRule = {
  kind: 'R-SLA-5',
  label: { 'zh-CN': '首次答复', en: 'First answer' },
  startOn: ['registered'],
  stopOn: ['acknowledged'],
  duration: { mode: 'wall', minutes: 1440 },
  warnAtShare: 0.75,
  escalates: true,
  pausesWhileWaiting: false,
};
const policyWith = (...rules: ClockRule[]): DeadlinePolicy => ({ name: 'test', version: 1, rules });
const byKind = new Map(DEFAULT_DEADLINE_POLICY.rules.map((r) => [r.kind, r]));

describe('DEFAULT_DEADLINE_POLICY (R-SLA-1…14, R-CLS-6, R-RES-7)', () => {
  it('should pass its own validation when checked against the default severity taxonomy (R-CLS-2)', () => {
    expect(validateDeadlinePolicy(DEFAULT_DEADLINE_POLICY, { severities: SEVERITIES }).ok).toBe(true);
  });

  it('should have a clock for every table row except R-SLA-11 when the policy is loaded', () => {
    const ids = new Set(DEFAULT_DEADLINE_POLICY.rules.map((r) => r.rule ?? r.kind));
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14]) expect(ids).toContain(`R-SLA-${n}`);
    expect(ids).not.toContain('R-SLA-11');
    expect(ids).toContain('R-CLS-6');
    expect(ids).toContain('R-RES-7');
  });

  it.each<[string, Partial<ClockRule>]>([
    ['R-SLA-1', { startOn: ['received'], stopOn: ['registered'], duration: { mode: 'wall', minutes: 30 } }],
    [
      'R-SLA-2',
      { startOn: ['registered'], stopOn: ['assignee_notified'], duration: { mode: 'wall', minutes: 10 } },
    ],
    ['R-SLA-3', { startOn: ['assigned'], stopOn: ['contacted'], duration: { mode: 'wall', minutes: 120 } }],
    [
      'R-SLA-4',
      { countFrom: 'registered', stopOn: ['emergency_started'], duration: { mode: 'wall', minutes: 120 } },
    ],
    [
      'R-SLA-5',
      { startOn: ['registered'], stopOn: ['acknowledged'], duration: { mode: 'wall', minutes: 1440 } },
    ],
    [
      'R-SLA-6.contact',
      { rule: 'R-SLA-6', stopOn: ['contacted'], duration: { mode: 'wall', minutes: 1440 } },
    ],
    ['R-SLA-6.answer', { rule: 'R-SLA-6', duration: { mode: 'wall', minutes: 2880 } }],
    [
      'R-SLA-7',
      { countFrom: 'received', stopOn: ['report_issued'], duration: { mode: 'wall', minutes: 4320 } },
    ],
    [
      'R-SLA-8',
      { startOn: ['registered'], stopOn: ['solution_proposed'], duration: { mode: 'wall', minutes: 4320 } },
    ],
    [
      'R-SLA-9',
      {
        stopOn: ['resolved'],
        duration: { mode: 'working_days', days: 3 },
        durationBySeverity: { special: { mode: 'working_days', days: 7 } },
      },
    ],
    [
      'R-SLA-10',
      {
        startOn: ['assigned'],
        restartOn: ['progress_noted'],
        stopOn: ['resolved'],
        duration: { mode: 'working_days', days: 3 },
      },
    ],
    [
      'R-SLA-12',
      { startOn: ['unit_received'], stopOn: ['unit_analysed'], duration: { mode: 'wall', minutes: 1440 } },
    ],
    ['R-SLA-13', { stopOn: ['lead_department_decided'], duration: { mode: 'working_days', days: 1 } }],
    [
      'R-SLA-14',
      {
        startOn: ['resolved'],
        stopOn: ['follow_up_recorded'],
        duration: { mode: 'window_days', fromDays: 5, toDays: 7 },
      },
    ],
    ['R-CLS-6', { stopOn: ['explained', 'sent_to_customer'], appliesTo: { natures: ['misuse'] } }],
    ['R-RES-7', { startOn: ['customer_accepted'], stopOn: ['resolved'], agreedDueAt: true }],
  ])('should encode %s as the DOMAIN §5 table reads when the default policy is loaded', (kind, expected) => {
    expect(byKind.get(kind)).toMatchObject(expected);
  });

  it('should warn at 75 % and escalate every default clock (R-ESC-1, R-KPI-2)', () => {
    for (const rule of DEFAULT_DEADLINE_POLICY.rules) {
      expect(rule.warnAtShare).toBe(0.75);
      expect(rule.escalates).toBe(true);
    }
  });
});

describe('validateDeadlinePolicy (admin-edited policies, R-SLA table)', () => {
  it('should accept a minimal correct policy when nothing is wrong', () => {
    expect(validateDeadlinePolicy(policyWith(base))).toEqual({ ok: true, value: policyWith(base) });
  });

  it.each<[string, DeadlinePolicy, readonly string[]]>([
    ['no name and version 0', { name: ' ', version: 0, rules: [base] }, ['name', 'version']],
    ['a duplicate kind', policyWith(base, base), ['rules[1].kind']],
    ['a rule id that is not R-XXX-n', policyWith({ ...base, kind: 'first-answer' }), ['rules[0].rule']],
    [
      'a missing English label',
      policyWith({ ...base, label: { 'zh-CN': '答复', en: '' } }),
      ['rules[0].label'],
    ],
    [
      'an unknown start event',
      policyWith({ ...base, startOn: ['registred' as 'registered'] }),
      ['rules[0].startOn[0]'],
    ],
    ['no start event', policyWith({ ...base, startOn: [] }), ['rules[0].startOn']],
    ['no stop event', policyWith({ ...base, stopOn: [] }), ['rules[0].stopOn']],
    ['a terminal start event', policyWith({ ...base, startOn: ['closed'] }), ['rules[0].startOn[0]']],
    [
      'a pause event as stop',
      policyWith({ ...base, stopOn: ['waiting_on_customer'] }),
      ['rules[0].stopOn[0]'],
    ],
    [
      'a clock stopping on its own start',
      policyWith({ ...base, stopOn: ['registered'] }),
      ['rules[0].stopOn'],
    ],
    [
      'a clock stopping on its restart event',
      policyWith({ ...base, restartOn: ['acknowledged'] }),
      ['rules[0].stopOn'],
    ],
    [
      'an unknown countFrom event',
      policyWith({ ...base, countFrom: 'opened' as 'received' }),
      ['rules[0].countFrom'],
    ],
    [
      'zero minutes',
      policyWith({ ...base, duration: { mode: 'wall', minutes: 0 } }),
      ['rules[0].duration.minutes'],
    ],
    [
      'fractional minutes',
      policyWith({ ...base, duration: { mode: 'working', minutes: 1.5 } }),
      ['rules[0].duration.minutes'],
    ],
    [
      'negative days',
      policyWith({ ...base, duration: { mode: 'legal_days', days: -3 } }),
      ['rules[0].duration.days'],
    ],
    [
      'a window closing before it opens',
      policyWith({ ...base, duration: { mode: 'window_days', fromDays: 7, toDays: 5 } }),
      ['rules[0].duration'],
    ],
    [
      'an unknown mode',
      policyWith({ ...base, duration: { mode: 'hours', minutes: 3 } as never }),
      ['rules[0].duration.mode'],
    ],
    [
      'a bad severity override',
      policyWith({ ...base, durationBySeverity: { special: { mode: 'working_days', days: 0 } } }),
      ['rules[0].durationBySeverity.special.days'],
    ],
    [
      'an override for an unknown scope',
      policyWith({ ...base, durationByScope: { region: { mode: 'wall', minutes: 60 } } }),
      ['rules[0].durationByScope.region'],
    ],
    [
      'an unknown nature in appliesTo',
      policyWith({ ...base, appliesTo: { natures: ['taste' as 'price'] } }),
      ['rules[0].appliesTo.natures[0]'],
    ],
    [
      'an empty list in appliesTo',
      policyWith({ ...base, appliesTo: { kinds: [] } }),
      ['rules[0].appliesTo.kinds'],
    ],
    [
      'a bad condition inside anyOf',
      policyWith({ ...base, appliesTo: { anyOf: [{ injury: ['fatal' as 'death'] }] } }),
      ['rules[0].appliesTo.anyOf[0].injury[0]'],
    ],
    ['a warning share above 1', policyWith({ ...base, warnAtShare: 1.2 }), ['rules[0].warnAtShare']],
    ['a negative warning share', policyWith({ ...base, warnAtShare: -0.1 }), ['rules[0].warnAtShare']],
    [
      'a warning share that is not a number',
      policyWith({ ...base, warnAtShare: Number.NaN }),
      ['rules[0].warnAtShare'],
    ],
  ])('should refuse the policy and name the field when it has %s', (_name, policy, paths) => {
    const r = validateDeadlinePolicy(policy);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('DEADLINE_POLICY_INVALID');
      expect(r.error.problems.map((p) => p.path)).toEqual(paths);
    }
  });

  it('should refuse a severity outside the taxonomy when the taxonomy is given (R-CLS-2)', () => {
    const policy = policyWith({ ...base, appliesTo: { severities: ['urgent'] } });
    expect(validateDeadlinePolicy(policy).ok).toBe(true);
    const r = validateDeadlinePolicy(policy, { severities: SEVERITIES });
    expect(!r.ok && r.error.problems.map((p) => p.path)).toEqual(['rules[0].appliesTo.severities[0]']);
  });

  it('should list every problem at once when several rules are wrong', () => {
    const r = validateDeadlinePolicy(
      policyWith(
        { ...base, warnAtShare: 2 },
        { ...base, kind: 'R-SLA-9', duration: { mode: 'wall', minutes: 0 } },
      ),
    );
    expect(!r.ok && r.error.problems.map((p) => p.path)).toEqual([
      'rules[0].warnAtShare',
      'rules[1].duration.minutes',
    ]);
  });
});
