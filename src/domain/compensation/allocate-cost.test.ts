import { describe, expect, it } from 'vitest';
import { NATURES, RESPONSIBILITY_STAGES } from '../complaint/complaint-vocabulary';
import {
  COST_CAUSES,
  PARTY_KINDS,
  apportionFen,
  documentsFor,
  splitCost,
  suggestResponsibleParty,
  type PartyKind,
  type ResponsibilityFacts,
} from './allocate-cost';

const facts = (over: Partial<ResponsibilityFacts>): ResponsibilityFacts => ({
  nature: null,
  responsibilityStage: null,
  misuse: false,
  ...over,
});

describe('suggestResponsibleParty (R-RES-8)', () => {
  it.each<[string, Partial<ResponsibilityFacts>, PartyKind]>([
    ['foreign matter (cause)', { cause: 'foreign_matter' }, 'production_department'],
    ['bad seal', { cause: 'bad_seal' }, 'production_department'],
    ['short quantity/weight', { cause: 'short_quantity' }, 'production_department'],
    ['mixed products', { cause: 'mixed_products' }, 'production_department'],
    ['softening in transport', { cause: 'transport_softening' }, 'logistics'],
    ['spoilage in transport', { cause: 'transport_spoilage' }, 'logistics'],
    ['improper storage', { cause: 'improper_storage' }, 'retailer'],
    ['customer-caused damage', { cause: 'customer_damage' }, 'customer'],
    ['foreign matter (nature)', { nature: 'foreign_matter' }, 'production_department'],
    ['packaging / bad seal (nature)', { nature: 'packaging' }, 'production_department'],
    ['misuse (nature)', { nature: 'misuse' }, 'customer'],
    [
      'spoilage found in transport (stage)',
      { nature: 'spoilage', responsibilityStage: 'logistics' },
      'logistics',
    ],
    [
      'spoilage from retailer storage (stage)',
      { nature: 'spoilage', responsibilityStage: 'retailer_storage' },
      'retailer',
    ],
    ['production stage', { nature: 'function', responsibilityStage: 'production' }, 'production_department'],
    ['design stage (engineering department)', { responsibilityStage: 'design' }, 'production_department'],
    ['purchasing stage (supplier)', { nature: 'function', responsibilityStage: 'purchasing' }, 'supplier'],
    ['customer misuse stage', { responsibilityStage: 'customer_misuse' }, 'customer'],
    ['misuse confirmed', { nature: 'function', misuse: true }, 'customer'],
    ['installation by own staff', { responsibilityStage: 'installation' }, 'company'],
  ])('should suggest %s → %s', (_name, over, party) => {
    const s = suggestResponsibleParty(facts(over));
    expect(s.partyKind).toBe(party);
    expect(s.rules.map((r) => r.rule)).toContain('R-RES-8');
  });

  it('should let an established cause win over the stage and the nature when they disagree', () => {
    const s = suggestResponsibleParty(
      facts({ nature: 'foreign_matter', responsibilityStage: 'production', cause: 'transport_softening' }),
    );
    expect(s).toMatchObject({ partyKind: 'logistics', basis: 'cause' });
  });

  it('should cite R-WAR-4 (customer pays at market price) when the customer is responsible', () => {
    for (const over of [
      { cause: 'customer_damage' as const },
      { responsibilityStage: 'customer_misuse' as const },
      { misuse: true },
    ]) {
      const s = suggestResponsibleParty(facts(over));
      expect(s.partyKind).toBe('customer');
      expect(s.rules.map((r) => r.rule)).toContain('R-WAR-4');
    }
    expect(suggestResponsibleParty(facts({ cause: 'bad_seal' })).rules.map((r) => r.rule)).not.toContain(
      'R-WAR-4',
    );
  });

  it('should let the company absorb the cost, saying why, when no R-RES-8 row matches', () => {
    for (const nature of [
      'appearance',
      'function',
      'performance',
      'safety',
      'delivery',
      'price',
      'service',
      'spoilage',
    ] as const) {
      const s = suggestResponsibleParty(facts({ nature, responsibilityStage: 'unknown' }));
      expect(s.partyKind).toBe('company');
      expect(s.basis).toBe('none');
      expect(s.rules).toEqual([
        {
          rule: 'R-RES-8',
          detail: `no R-RES-8 row matches (nature ${nature}, stage unknown): the company absorbs the cost`,
        },
      ]);
    }
    expect(suggestResponsibleParty(facts({})).rules[0]?.detail).toContain('nature unclassified');
  });

  it('should answer a party for every nature × stage × misuse × cause', () => {
    for (const nature of [null, ...NATURES])
      for (const responsibilityStage of [null, ...RESPONSIBILITY_STAGES])
        for (const misuse of [false, true])
          for (const cause of [null, ...COST_CAUSES]) {
            const s = suggestResponsibleParty({ nature, responsibilityStage, misuse, cause });
            expect(PARTY_KINDS).toContain(s.partyKind);
            expect(s.rules.length).toBeGreaterThan(0);
          }
  });
});

describe('splitCost (R-RES-8)', () => {
  const share = (partyKind: PartyKind, partyName: string, shareBp: number) => ({
    partyKind,
    partyName,
    shareBp,
  });

  it.each<[string, number, number[], number[]]>([
    ['one party takes all', 12_345, [10_000], [12_345]],
    ['half and half, even', 10_000, [5_000, 5_000], [5_000, 5_000]],
    ['half and half, odd fen goes to the first', 10_001, [5_000, 5_000], [5_001, 5_000]],
    ['thirds of 1 元', 100, [3_334, 3_333, 3_333], [34, 33, 33]],
    ['largest remainder wins the spare fen', 10, [1_500, 2_500, 6_000], [2, 2, 6]],
    ['zero total', 0, [7_000, 3_000], [0, 0]],
    ['one basis point', 1, [1, 9_999], [0, 1]],
  ])('should split %s', (_name, total, bps, expected) => {
    const r = splitCost(
      total,
      bps.map((bp, i) => share('supplier', `供应商 ${i}`, bp)),
    );
    expect(r).toEqual({ ok: true, value: expect.any(Array) });
    if (!r.ok) return;
    expect(r.value.map((s) => s.amountFen)).toEqual(expected);
    expect(r.value.reduce((a, s) => a + s.amountFen, 0)).toBe(total);
  });

  it.each<[string, number[], number]>([
    ['short of 100 %', [5_000, 4_999], 9_999],
    ['over 100 %', [6_000, 5_000], 11_000],
  ])('should refuse shares that do not add up to 10 000 bp (%s)', (_name, bps, sumBp) => {
    const r = splitCost(
      1_000,
      bps.map((bp, i) => share('logistics', `物流 ${i}`, bp)),
    );
    expect(r).toEqual({ ok: false, error: { code: 'COST_SHARES_INVALID', problem: 'sum_not_10000', sumBp } });
  });

  it('should refuse a zero, negative, fractional or oversized share', () => {
    for (const bp of [0, -1, 2.5, 10_001])
      expect(splitCost(1_000, [share('company', '公司', bp)])).toMatchObject({
        ok: false,
        error: { code: 'COST_SHARES_INVALID', problem: 'share_out_of_range', index: 0 },
      });
  });

  it('should refuse the same party twice and an empty split', () => {
    expect(
      splitCost(1_000, [share('supplier', '甲供应商', 5_000), share('supplier', ' 甲供应商', 5_000)]),
    ).toMatchObject({ ok: false, error: { problem: 'duplicate_party', index: 1 } });
    expect(splitCost(1_000, [share('supplier', '甲', 5_000), share('retailer', '甲', 5_000)]).ok).toBe(true);
    expect(splitCost(1_000, [])).toEqual({
      ok: false,
      error: { code: 'COST_SHARES_INVALID', problem: 'empty' },
    });
  });

  it('should refuse a negative or fractional total', () => {
    expect(splitCost(-1, [share('company', '公司', 10_000)])).toEqual({
      ok: false,
      error: { code: 'COST_TOTAL_INVALID', totalFen: -1 },
    });
    expect(splitCost(1.5, [share('company', '公司', 10_000)]).ok).toBe(false);
  });
});

describe('apportionFen', () => {
  it('should divide a negative total (a net reversal) as its absolute value, negated', () => {
    expect(apportionFen(-101, [1, 1])).toEqual([-51, -50]);
  });

  it('should give everything to the first part when every weight is zero', () => {
    expect(apportionFen(500, [0, 0])).toEqual([500, 0]);
    expect(apportionFen(500, [])).toEqual([]);
  });
});

describe('documentsFor (R-RES-8, R-RPT-3)', () => {
  it.each<[PartyKind, boolean, boolean, boolean]>([
    ['production_department', true, false, false],
    ['supplier', true, true, false],
    ['logistics', true, true, false],
    ['retailer', true, true, false],
    ['customer', false, false, true],
    ['company', false, false, false],
  ])(
    'should give %s transfer=%s deduction=%s customerCharge=%s',
    (kind, transferForm, deductionNotice, customerCharge) => {
      expect(documentsFor(kind)).toEqual({ transferForm, deductionNotice, customerCharge });
    },
  );

  it('should issue a deduction notice 扣款通知单 only to external parties', () => {
    const external = PARTY_KINDS.filter((k) => documentsFor(k).deductionNotice);
    expect(external).toEqual(['supplier', 'logistics', 'retailer']);
  });
});
