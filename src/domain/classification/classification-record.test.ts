import { describe, expect, it } from 'vitest';
import { decideClassification, type ClassificationConfirmation } from './classification-record';
import { FOOD_CLASSIFICATION_RULES, GENERIC_CLASSIFICATION_RULES } from './classification-rules';
import { FOOD_SEVERITY_TAXONOMY as FOOD } from './severity-taxonomy';
import {
  suggestClassification,
  type ClassificationInput,
  type ClassificationSuggestion,
} from './suggest-classification';

const now = new Date('2026-03-16T02:00:00Z');
const actor = 'u-zhangli';

const base: ClassificationInput = {
  description: '饼干里有头发',
  kind: 'complaint',
  injury: 'none',
  flags: [],
  claimedAmountFen: null,
  productPriceFen: 1_500,
  priorComplaintsSameUnit90d: 0,
  priorComplaintsSameCustomer90d: 0,
  scope: 'single_unit',
  channel: 'hotline',
  customerType: 'consumer',
};
const hair = suggestClassification(base, FOOD_CLASSIFICATION_RULES);
const lawyer = suggestClassification({ ...base, flags: ['lawyer'] }, FOOD_CLASSIFICATION_RULES);
const injured = suggestClassification({ ...base, injury: 'minor' }, FOOD_CLASSIFICATION_RULES);

const confirm: ClassificationConfirmation = {
  nature: 'performance',
  severity: 'major',
  validity: 'valid',
  responsibilityStage: 'production',
  misuse: false,
};

const decide = (s: ClassificationSuggestion | null, c: Partial<ClassificationConfirmation> = {}) =>
  decideClassification(s, { ...confirm, ...c }, FOOD, actor, now);

describe('decideClassification (R-CLS-1..6: a person confirms)', () => {
  it('should record the confirmation, who and when, and the rules when a person confirms a suggestion', () => {
    const r = decide(hair);
    expect(r).toEqual({
      ok: true,
      value: {
        nature: 'performance',
        severity: 'major',
        major: false,
        majorRemovalReason: null,
        validity: 'valid',
        responsibilityStage: 'production',
        misuse: false,
        confirmedBy: actor,
        confirmedAt: now,
        suggested: hair,
        changedFromSuggestion: ['nature'],
        rules: [
          { rule: 'R-CLS-1', detail: 'nature performance (suggested foreign_matter)' },
          { rule: 'R-CLS-2', detail: 'severity major 主要' },
          { rule: 'R-CLS-4', detail: 'validity valid' },
          { rule: 'R-CLS-5', detail: 'responsibility stage production' },
        ],
      },
    });
  });

  it('should refuse a severity outside the taxonomy and list the allowed codes (R-CLS-2)', () => {
    expect(decide(hair, { severity: 'urgent' })).toEqual({
      ok: false,
      error: {
        code: 'SEVERITY_NOT_IN_TAXONOMY',
        severity: 'urgent',
        allowed: ['general', 'minor', 'major', 'serious', 'special', 'retail'],
      },
    });
  });

  const majorCases: readonly {
    name: string;
    suggestion: ClassificationSuggestion | null;
    change: Partial<ClassificationConfirmation>;
    major: boolean | string;
  }[] = [
    {
      name: 'keep the trigger-based major when major is omitted',
      suggestion: lawyer,
      change: {},
      major: true,
    },
    {
      name: 'let a person add major when nothing triggered it',
      suggestion: hair,
      change: { major: true },
      major: true,
    },
    {
      name: 'let a person add major when there is no suggestion',
      suggestion: null,
      change: { major: true },
      major: true,
    },
    { name: 'default to not major when there is no suggestion', suggestion: null, change: {}, major: false },
    {
      name: 'refuse to untick a trigger-based major when no reason is given',
      suggestion: lawyer,
      change: { major: false },
      major: 'MAJOR_REMOVAL_REASON_REQUIRED',
    },
    {
      name: 'refuse to untick a trigger-based major when the reason is blank',
      suggestion: lawyer,
      change: { major: false, majorRemovalReason: '  ' },
      major: 'MAJOR_REMOVAL_REASON_REQUIRED',
    },
    {
      name: 'untick a trigger-based major when a reason is given',
      suggestion: lawyer,
      change: { major: false, majorRemovalReason: ' 客户已撤回律师函，协商解决 ' },
      major: false,
    },
    {
      name: 'refuse to untick an injury-based major even with a reason (correct the injury answer)',
      suggestion: injured,
      change: { major: false, majorRemovalReason: '录入错误' },
      major: 'MAJOR_REMOVAL_FORBIDDEN',
    },
  ];
  it.each(majorCases)('should $name (R-CLS-3)', ({ suggestion, change, major }) => {
    const r = decide(suggestion, change);
    if (typeof major === 'string') expect(r).toMatchObject({ ok: false, error: { code: major } });
    else expect(r).toMatchObject({ ok: true, value: { major } });
  });

  it('should cite the triggers when the major complaint is kept (R-CLS-3)', () => {
    const r = decide(lawyer);
    expect(r.ok && r.value.rules).toContainEqual({ rule: 'R-CLS-3', detail: 'major: escalation_flag' });
  });

  it('should record and cite the reason when a trigger-based major is unticked (R-CLS-3)', () => {
    const r = decide(lawyer, { major: false, majorRemovalReason: ' 客户已撤回律师函 ' });
    expect(r).toMatchObject({
      ok: true,
      value: { majorRemovalReason: '客户已撤回律师函', changedFromSuggestion: ['nature', 'major'] },
    });
    expect(r.ok && r.value.rules).toContainEqual({
      rule: 'R-CLS-3',
      detail: `major removed by ${actor} (escalation_flag): 客户已撤回律师函`,
    });
  });

  it('should cite the person when they add major without a trigger (R-CLS-3)', () => {
    const r = decide(hair, { major: true });
    expect(r.ok && r.value.rules).toContainEqual({ rule: 'R-CLS-3', detail: `major: set by ${actor}` });
  });

  const misuseCases = [
    { name: 'the person ticks misuse', change: { misuse: true }, misuse: true },
    { name: 'the nature is misuse', change: { nature: 'misuse' as const }, misuse: true },
    {
      name: 'the responsibility stage is customer misuse',
      change: { responsibilityStage: 'customer_misuse' as const },
      misuse: true,
    },
    { name: 'nothing points at misuse', change: {}, misuse: false },
  ];
  it.each(misuseCases)(
    'should set misuse=$misuse and cite R-CLS-6 accordingly when $name',
    ({ change, misuse }) => {
      const r = decide(hair, change);
      expect(r).toMatchObject({ ok: true, value: { misuse } });
      const due = { rule: 'R-CLS-6', detail: 'misuse: explanation to the customer due within 24 h' };
      if (misuse) expect(r.ok && r.value.rules).toContainEqual(due);
      else expect(r.ok && r.value.rules).not.toContainEqual(due);
    },
  );

  it('should list every field the person changed when they override the suggestion (audit)', () => {
    const washer = suggestClassification(
      { ...base, description: '洗衣机不会用', claimedAmountFen: 10_000 },
      GENERIC_CLASSIFICATION_RULES,
    );
    const r = decideClassification(
      washer,
      {
        nature: 'function',
        severity: 'important',
        major: false,
        majorRemovalReason: '仅要求退运费',
        validity: 'valid',
        responsibilityStage: 'design',
        misuse: false,
      },
      GENERIC_CLASSIFICATION_RULES.taxonomy,
      actor,
      now,
    );
    expect(r).toMatchObject({
      ok: true,
      value: { changedFromSuggestion: ['nature', 'severity', 'major', 'misuse'] },
    });
  });

  it('should list no changes when there was no suggestion', () => {
    expect(decide(null)).toMatchObject({ ok: true, value: { suggested: null, changedFromSuggestion: [] } });
  });

  it('should cite R-MAL-2 when a person assigns the special class 特殊', () => {
    const r = decide(hair, { severity: 'special', validity: 'no_quality_problem' });
    expect(r.ok && r.value.rules).toContainEqual({
      rule: 'R-MAL-2',
      detail: 'special class: verify before any settlement',
    });
  });
});
