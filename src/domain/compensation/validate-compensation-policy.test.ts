import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPENSATION_POLICY as POLICY } from './compensation-policy';
import { validateCompensationPolicy } from './validate-compensation-policy';

const paths = (policy: unknown): string[] => validateCompensationPolicy(policy).map((p) => p.path);

describe('validateCompensationPolicy', () => {
  it('should accept the default policy', () => {
    expect(validateCompensationPolicy(POLICY)).toEqual([]);
  });

  it('should refuse something that is not a policy', () => {
    expect(paths(null)).toEqual(['']);
    expect(paths([])).toEqual(['']);
  });

  it('should list every problem with its path when several fields are broken', () => {
    const broken = {
      ...POLICY,
      version: 0,
      currency: 'USD',
      foodMatrix: [
        ...POLICY.foodMatrix.slice(1),
        { case: 'minor', options: [{ kind: 'cash', multiple: -1, maxMultiple: 20, fixedFen: 1.5 }] },
      ],
      approvalBands: [
        { aboveFen: 100, role: 'department_manager' },
        { aboveFen: 100, role: 'ceo' },
      ],
      cashApprovers: [],
      majorApprover: 'nobody',
    };
    expect(paths(broken)).toEqual([
      'version',
      'currency',
      'foodMatrix[5].case',
      'foodMatrix[5].options[0].multiple',
      'foodMatrix[5].options[0].maxMultiple',
      'foodMatrix[5].options[0].fixedFen',
      'foodMatrix',
      'approvalBands[1].aboveFen',
      'approvalBands[1].role',
      'cashApprovers',
      'majorApprover',
    ]);
    expect(validateCompensationPolicy(broken)).toContainEqual({
      path: 'foodMatrix',
      message: 'missing row for food case: general',
    });
  });

  it('should refuse unknown fields, so a typo is not silently ignored', () => {
    const levels = { ...POLICY.levels, safety: [{ kind: 'refund', multiple: 1, plusLoses: true }] };
    expect(paths({ ...POLICY, levels, bands: [] })).toEqual(['bands', 'levels.safety[0].plusLoses']);
  });

  it('should refuse a range whose top is below its default multiple (R-RES-3)', () => {
    const levels = {
      ...POLICY.levels,
      functional: [{ kind: 'price_difference', multiple: 0.5, maxMultiple: 0.2 }],
    };
    expect(paths({ ...POLICY, levels })).toEqual(['levels.functional[0].maxMultiple']);
  });

  it('should refuse an empty option list and an unknown kind (R-RES-1, R-RES-2)', () => {
    const levels = { ...POLICY.levels, safety: [], appearance: [{ kind: 'bribe', multiple: 1 }] };
    expect(paths({ ...POLICY, levels })).toEqual(['levels.appearance[0].kind', 'levels.safety']);
  });

  it('should refuse ranking cash before company products (R-RES-4)', () => {
    const rank = ['cash', ...POLICY.rank.filter((k) => k !== 'cash')];
    expect(validateCompensationPolicy({ ...POLICY, rank })).toEqual([
      { path: 'rank', message: 'company_products must rank before cash (R-RES-4)' },
    ]);
  });

  it('should refuse a rank that misses or repeats a kind', () => {
    const rank = [...POLICY.rank.filter((k) => k !== 'apology'), 'repair'];
    expect(validateCompensationPolicy({ ...POLICY, rank }).map((p) => p.message)).toEqual([
      'repair must appear exactly once (found 2)',
      'apology must appear exactly once (found 0)',
    ]);
  });

  it('should refuse a tier below standard (R-RES-6) and multiples above the cap', () => {
    const tiers = { ...POLICY.tiers, long_term: { multiple: 0.8, futureOrderDiscount: 'yes' } };
    const caps = { maxMultiple: 4, thankYouFen: -1 };
    expect(paths({ ...POLICY, tiers, caps })).toEqual([
      'caps.thankYouFen',
      'foodMatrix[2].options[1].maxMultiple',
      'foodMatrix[5].options[0].multiple',
      'foodMatrix[5].options[0].maxMultiple',
      'foodMatrix[5].options[1].maxMultiple',
      'foodMatrix[5].options[1].multipleBySeverity.serious',
      'tiers.long_term.multiple',
      'tiers.long_term.futureOrderDiscount',
    ]);
  });
});
