import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPENSATION_POLICY as POLICY } from './compensation-policy';
import { decideCompensation, type CompensationInput } from './decide-compensation';
import { assessLegalRemedies, daysBetween, formatYuan, type LegalFacts } from './legal-remedies';

const facts: LegalFacts = {
  industry: 'appliance',
  problemLevel: 'functional',
  goodsValueFen: 300_000,
  lossFen: 0,
  daysSincePurchase: 30,
  distanceSale: false,
  perishable: false,
  priorFailedRepairs: 0,
  mileageKm: null,
  foodSafetyViolation: false,
  fraudEstablished: false,
};

const refs = (f: Partial<LegalFacts>): string[] =>
  assessLegalRemedies({ ...facts, ...f }).citations.map((c) => c.ref);
const kinds = (f: Partial<LegalFacts>): string[] =>
  assessLegalRemedies({ ...facts, ...f }).remedies.map((r) => `${r.kind}@${r.ref}`);

describe('daysBetween / formatYuan', () => {
  it('should count calendar days across a month end and refuse impossible dates', () => {
    expect(daysBetween('2026-06-01', '2026-06-08')).toBe(7);
    expect(daysBetween('2026-02-25', '2026-03-04')).toBe(7);
    expect(daysBetween('2026-02-30', '2026-03-04')).toBeUndefined();
    expect(daysBetween('2026/06/01', '2026-06-08')).toBeUndefined();
  });
  it('should format fen as yuan without floats', () => {
    expect(formatYuan(100_000)).toBe('1,000.00 元');
    expect(formatYuan(12_345)).toBe('123.45 元');
  });
});

describe('assessLegalRemedies — R-RES-5 windows at their boundaries', () => {
  it.each([
    [7, ['SANBAO-9']],
    [8, ['SANBAO-10']],
    [15, ['SANBAO-10']],
    [16, []],
  ] as const)(
    'should apply 三包 art. 9/10 when a performance failure is %i days after purchase',
    (days, expected) => {
      expect(refs({ daysSincePurchase: days })).toEqual(expected);
    },
  );

  it('should allow a refund on day 7 but only exchange or repair on day 8 (三包 art. 9 vs 10)', () => {
    expect(kinds({ daysSincePurchase: 7 })).toEqual([
      'refund@SANBAO-9',
      'replacement@SANBAO-9',
      'repair@SANBAO-9',
    ]);
    expect(kinds({ daysSincePurchase: 8 })).toEqual(['replacement@SANBAO-10', 'repair@SANBAO-10']);
  });

  it.each([
    [1, []],
    [2, ['SANBAO-11']],
    [3, ['SANBAO-11']],
  ] as const)(
    'should apply the two-failed-repairs rule when %i repairs failed (三包 art. 11)',
    (n, expected) => {
      expect(refs({ priorFailedRepairs: n })).toEqual(expected);
    },
  );

  it('should not apply a 三包 window to an appearance flaw', () => {
    expect(refs({ problemLevel: 'appearance', daysSincePurchase: 1 })).toEqual([]);
  });

  it.each([
    [7, ['CPL-24']],
    [8, []],
  ] as const)(
    'should apply 消法 art. 24 to goods outside 三包 when %i days after purchase',
    (days, expected) => {
      expect(refs({ industry: 'furniture', daysSincePurchase: days })).toEqual(expected);
    },
  );

  it.each([
    [7, ['CPL-25']],
    [8, []],
  ] as const)(
    'should apply the 7-day no-reason return (消法 art. 25) on day %i of a distance sale',
    (days, expected) => {
      expect(refs({ problemLevel: null, distanceSale: true, daysSincePurchase: days })).toEqual(expected);
    },
  );

  it('should exclude perishable goods from the no-reason return (消法 art. 25(1)(二))', () => {
    expect(refs({ problemLevel: null, distanceSale: true, perishable: true, daysSincePurchase: 1 })).toEqual(
      [],
    );
  });

  it.each([
    [{ daysSincePurchase: 7 }, ['CAR-22', 'CAR-23']],
    [{ daysSincePurchase: 8 }, ['CAR-23']],
    [{ daysSincePurchase: 60 }, ['CAR-23']],
    [{ daysSincePurchase: 61 }, []],
    [{ daysSincePurchase: 30, mileageKm: 3_001 }, []],
    [{ daysSincePurchase: 400, priorFailedRepairs: 2 }, ['CAR-24']],
    [{ daysSincePurchase: 400, priorFailedRepairs: 1 }, []],
  ])('should apply the 2022 car 三包 rules to a safety fault when %o', (f, expected) => {
    expect(refs({ industry: 'auto', problemLevel: 'safety', ...f })).toEqual(expected);
  });
});

describe('assessLegalRemedies — R-RES-5 floors', () => {
  it.each([
    [9_999, 100_000],
    [10_000, 100_000],
    [10_001, 100_010],
  ])('should use max(10×price, 1000 元) when the food price is %i fen (食品安全法 148)', (price, floor) => {
    const a = assessLegalRemedies({
      ...facts,
      industry: 'food',
      goodsValueFen: price,
      foodSafetyViolation: true,
    });
    expect(a.floorFen).toBe(floor);
    expect(a.citations[0]?.floorFen).toBe(floor);
  });

  it('should use 3×loss when it beats 10×price (食品安全法 148)', () => {
    const a = assessLegalRemedies({
      ...facts,
      industry: 'food',
      goodsValueFen: 10_000,
      lossFen: 50_000,
      foodSafetyViolation: true,
    });
    expect(a.floorFen).toBe(150_000);
    expect(a.citations[0]?.text).toBe('食品安全法 第148条: max(10×price, 3×loss, 1000 元) = 1,500.00 元');
  });

  it.each([
    [16_666, 50_000],
    [16_667, 50_001],
  ])(
    'should use max(3×price, 500 元) when the price is %i fen and fraud is established (消法 55)',
    (price, floor) => {
      const a = assessLegalRemedies({
        ...facts,
        goodsValueFen: price,
        daysSincePurchase: 99,
        fraudEstablished: true,
      });
      expect(a.floorFen).toBe(floor);
      expect(a.citations.map((c) => c.ref)).toEqual(['CPL-55']);
    },
  );

  it('should raise every refund and cash option to the floor (R-RES-5)', () => {
    const input: CompensationInput = {
      industry: 'food',
      nature: 'foreign_matter',
      severity: null,
      foodCase: 'foreign_eaten',
      problemLevel: null,
      unitPriceFen: 500,
      quantity: 1,
      lossFen: 0,
      purchaseDate: '2026-06-01',
      decisionDate: '2026-06-02',
      distanceSale: false,
      perishable: false,
      customerTier: 'standard',
      specialGroup: null,
      injury: 'none',
      major: true,
      maliciousSignals: false,
      verificationDone: true,
      priorFailedRepairs: 0,
      mileageKm: null,
      foodSafetyViolation: true,
      fraudEstablished: false,
    };
    const d = decideCompensation(input, POLICY);
    expect(d.options.find((o) => o.kind === 'cash')).toMatchObject({
      amountFen: 100_000,
      approvalChain: [
        'department_manager',
        'service_manager',
        'business_manager',
        'sales_centre',
        'general_manager',
      ],
    });
    expect(d.rules.map((r) => r.rule)).toEqual(
      expect.arrayContaining(['R-RES-3', 'R-RES-5', 'R-RES-4', 'R-APR-1']),
    );
  });
});
