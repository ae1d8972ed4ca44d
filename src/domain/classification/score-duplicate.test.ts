import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DUPLICATE_POLICY as policy,
  computeTextSimilarity,
  findDuplicateCandidates,
  scoreDuplicate,
  type DuplicateSide,
} from './score-duplicate';

const first: DuplicateSide = {
  id: 'KS-2026-000101',
  phone: '138 1234 5678',
  productCode: 'XB-520G',
  batch: '20260301A',
  description: '买的雪饼里面有头发，很恶心，要求退款',
  receivedAt: new Date('2026-03-10T02:00:00Z'),
};

const resubmitted: DuplicateSide = {
  id: 'KS-2026-000150',
  phone: '+86 138-1234-5678',
  productCode: 'ｘｂ５２０ｇ',
  batch: '2026-03-01-A',
  description: '雪饼里面有头发，很恶心，要求退款！！',
  receivedAt: new Date('2026-03-15T09:30:00Z'),
};

describe('scoreDuplicate (R-INT-3 re-submissions are linked, not lost)', () => {
  it('should suggest a link when phone, product and text match within the window', () => {
    const score = scoreDuplicate(first, resubmitted, policy);
    expect(score.suggested).toBe(true);
    expect(score.similarity).toBeGreaterThanOrEqual(0.3);
    expect(score.reasons.map((r) => r.detail)).toEqual([
      'phone: same',
      'product: same',
      'batch: same',
      'received 5.3125 days apart (window 30): within',
      `text similarity ${score.similarity} >= 0.3`,
    ]);
    expect(score.reasons.every((r) => r.rule === 'R-INT-3')).toBe(true);
  });

  const cases: readonly {
    name: string;
    change: Partial<DuplicateSide>;
    suggested: boolean;
    reason?: string;
  }[] = [
    {
      name: 'the phone differs',
      change: { phone: '13987654321' },
      suggested: false,
      reason: 'phone: differs',
    },
    { name: 'the phone is missing', change: { phone: null }, suggested: false, reason: 'phone: missing' },
    {
      name: 'the phone has no digits',
      change: { phone: '微信联系' },
      suggested: false,
      reason: 'phone: missing',
    },
    {
      name: 'the product differs',
      change: { productCode: 'XB-150G' },
      suggested: false,
      reason: 'product: differs',
    },
    {
      name: 'the product code is missing',
      change: { productCode: null },
      suggested: false,
      reason: 'product: missing',
    },
    {
      name: 'the product code is only separators',
      change: { productCode: ' - ' },
      suggested: false,
      reason: 'product: missing',
    },
    {
      name: 'the batch differs (shown, not required)',
      change: { batch: '20260215B' },
      suggested: true,
      reason: 'batch: differs',
    },
    {
      name: 'the batch is missing (shown, not required)',
      change: { batch: null },
      suggested: true,
      reason: 'batch: missing',
    },
    {
      name: 'it came exactly 30 days later',
      change: { receivedAt: new Date('2026-04-09T02:00:00Z') },
      suggested: true,
      reason: 'received 30 days apart (window 30): within',
    },
    {
      name: 'it came 30 days and one millisecond later',
      change: { receivedAt: new Date('2026-04-09T02:00:00.001Z') },
      suggested: false,
      reason: 'received 30 days apart (window 30): outside',
    },
    {
      name: 'it is dated before the first one, within the window',
      change: { receivedAt: new Date('2026-03-01T00:00:00Z') },
      suggested: true,
    },
    {
      name: 'the text describes a different problem',
      change: { description: '雪饼包装漏气，数量也不够' },
      suggested: false,
    },
    {
      name: 'the description is empty',
      change: { description: '' },
      suggested: false,
      reason: 'text similarity 0 < 0.3',
    },
  ];
  it.each(cases)('should decide suggested=$suggested when $name', ({ change, suggested, reason }) => {
    const score = scoreDuplicate(first, { ...resubmitted, ...change }, policy);
    expect(score.suggested).toBe(suggested);
    if (reason) expect(score.reasons.map((r) => r.detail)).toContain(reason);
  });

  it('should never suggest a complaint as its own duplicate when the ids are equal', () => {
    expect(scoreDuplicate(first, { ...first }, policy)).toEqual({
      suggested: false,
      similarity: 1,
      reasons: [{ rule: 'R-INT-3', detail: 'same complaint' }],
    });
  });

  it('should be symmetric when the sides are swapped', () => {
    const ab = scoreDuplicate(first, resubmitted, policy);
    const ba = scoreDuplicate(resubmitted, first, policy);
    expect([ba.suggested, ba.similarity]).toEqual([ab.suggested, ab.similarity]);
  });

  it('should follow the policy when the threshold and window are changed', () => {
    const loose = { windowDays: 60, minTextSimilarity: 0.1 };
    const later = {
      ...resubmitted,
      receivedAt: new Date('2026-04-30T00:00:00Z'),
      description: '雪饼有头发，上周反映过还没人联系我',
    };
    expect(scoreDuplicate(first, later, policy).suggested).toBe(false);
    expect(scoreDuplicate(first, later, loose).suggested).toBe(true);
  });
});

describe('computeTextSimilarity (R-INT-3 Jaccard over character bigrams)', () => {
  it.each([
    ['should be 1 when the texts differ only in punctuation and width', '空调不制冷！', '空调 不制冷', 1],
    ['should be 0 when the texts share no bigram', '空调不制冷', '饼干有头发', 0],
    ['should be 0 when both texts are empty', '', '……', 0],
    [
      'should be 1 when one text is contained in the other (a re-submission adding context)',
      '发霉了',
      '霉了',
      1,
    ],
    ['should round to four decimals when the ratio is periodic', '甲乙丙丁', '甲乙戊己', 0.3333],
  ] as const)('%s', (_, a, b, expected) => {
    expect(computeTextSimilarity(a, b)).toBe(expected);
  });
});

describe('findDuplicateCandidates (R-INT-3)', () => {
  const make = (id: string, description: string, day: string, phone = '13812345678'): DuplicateSide => ({
    ...resubmitted,
    id,
    phone,
    description,
    receivedAt: new Date(`2026-03-${day}T00:00:00Z`),
  });

  it('should list only suggested links, most similar first, then closest in time, then by id', () => {
    const candidates = [
      make('C', '买的雪饼里面有头发，很恶心', '20'),
      make('A', '买的雪饼里面有头发，很恶心，要求退款', '25'),
      make('B', '买的雪饼里面有头发，很恶心，要求退款', '12'),
      make('D', '买的雪饼里面有头发，很恶心，要求退款', '12'),
      make('E', '空调不制冷', '11'),
      make('F', '买的雪饼里面有头发，很恶心，要求退款', '11', '13900000000'),
      { ...first },
    ];
    const found = findDuplicateCandidates(first, candidates, policy);
    expect(found.map((f) => [f.candidate.id, f.similarity])).toEqual([
      ['B', 1],
      ['D', 1],
      ['C', 1],
      ['A', 1],
    ]);
  });

  it('should still link a re-submission that says it complained before and adds new words', () => {
    const original = { ...first, description: '雪饼里面有头发，很恶心，要求退款！！' };
    const again = make('G', '雪饼里有头发！！上周已经反映过了，还没人联系我', '18');
    const [found] = findDuplicateCandidates(original, [again], policy);
    expect(found?.candidate.id).toBe('G');
    expect(found?.similarity).toBeGreaterThanOrEqual(0.3);
  });

  it('should return nothing when there are no candidates', () => {
    expect(findDuplicateCandidates(first, [], policy)).toEqual([]);
  });
});
