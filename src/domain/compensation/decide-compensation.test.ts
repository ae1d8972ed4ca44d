import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPENSATION_POLICY as POLICY, type FoodCase } from './compensation-policy';
import { decideCompensation, type CompensationInput } from './decide-compensation';

const base: CompensationInput = {
  industry: 'food',
  nature: null,
  severity: null,
  foodCase: 'general',
  problemLevel: null,
  unitPriceFen: 1_000,
  quantity: 2,
  lossFen: 0,
  purchaseDate: '2026-06-01',
  decisionDate: '2026-06-20',
  distanceSale: false,
  perishable: false,
  customerTier: 'standard',
  specialGroup: null,
  injury: 'none',
  major: false,
  maliciousSignals: false,
  verificationDone: false,
  priorFailedRepairs: 0,
  mileageKm: null,
  foodSafetyViolation: false,
  fraudEstablished: false,
};

const summary = (input: Partial<CompensationInput>): string[] =>
  decideCompensation({ ...base, ...input }, POLICY).options.map(
    (o) => `${o.kind}:${o.amountFen}/${o.maxAmountFen}`,
  );

describe('decideCompensation — R-RES-3 food matrix (goods value 2,000 fen)', () => {
  const rows: readonly [FoodCase, string[]][] = [
    ['general', ['apology:0/0']],
    ['minor', ['replacement:2000/2000', 'refund:2000/2000', 'company_products:2000/4000']],
    ['spoilage', ['replacement:2000/2000', 'company_products:2000/10000']],
    ['foreign_unopened', ['replacement:2000/2000']],
    ['foreign_opened_not_eaten', ['refund:2000/2000', 'company_products:2000/6000']],
    ['foreign_eaten', ['company_products:10000/10000', 'cash:2000/10000']],
  ];
  it.each(rows)('should offer the R-RES-3 default when the food case is %s', (foodCase, expected) => {
    const d = decideCompensation({ ...base, foodCase }, POLICY);
    expect(d.options.map((o) => `${o.kind}:${o.amountFen}/${o.maxAmountFen}`)).toEqual(expected);
    expect(d.rules).toContainEqual({ rule: 'R-RES-3', detail: `food_case:${foodCase}` });
  });

  it('should scale cash by severity when the food was eaten (R-RES-3 "cash by severity")', () => {
    expect(summary({ foodCase: 'foreign_eaten', severity: 'major' })).toContain('cash:6000/10000');
  });

  it('should need the sales centre and the business manager for cash when foreign matter was eaten (R-RES-3, R-RES-4)', () => {
    const cash = decideCompensation({ ...base, foodCase: 'foreign_eaten' }, POLICY).options.find(
      (o) => o.kind === 'cash',
    );
    expect(cash?.approvalChain).toEqual([
      'department_manager',
      'service_manager',
      'business_manager',
      'sales_centre',
    ]);
  });

  it('should derive the food case from the nature when none is given (R-RES-3)', () => {
    expect(summary({ foodCase: null, nature: 'spoilage' })[0]).toBe('replacement:2000/2000');
  });

  it('should require a hospital diagnosis before medical costs when illness is claimed (R-RES-3)', () => {
    expect(decideCompensation({ ...base, injury: 'minor' }, POLICY).handling.hospitalDiagnosisRequired).toBe(
      true,
    );
  });
});

describe('decideCompensation — R-RES-2 seed 000 levels (appliance, outside every legal window)', () => {
  const appliance: Partial<CompensationInput> = {
    industry: 'appliance',
    foodCase: null,
    unitPriceFen: 200_000,
    quantity: 1,
    lossFen: 5_000,
    purchaseDate: '2026-01-01',
  };
  it.each([
    ['appearance', ['replacement:200000/200000', 'repair:0/0']],
    ['functional', ['repair:0/0', 'price_difference:40000/100000']],
    ['safety', ['refund:205000/205000']],
  ] as const)('should offer the seed 000 default when the problem level is %s', (problemLevel, expected) => {
    expect(summary({ ...appliance, problemLevel })).toEqual(expected);
  });

  it('should map the complaint nature to a level when none is given (R-RES-2)', () => {
    expect(summary({ ...appliance, problemLevel: null, nature: 'safety' })).toEqual(['refund:205000/205000']);
  });
});

describe('decideCompensation — issue 5 "done when" cases', () => {
  it('should offer refund, replacement or repair with the 三包 citation when an appliance has a safety hazard 7 days after purchase (R-RES-5)', () => {
    const d = decideCompensation(
      {
        ...base,
        industry: 'appliance',
        foodCase: null,
        problemLevel: 'safety',
        unitPriceFen: 399_900,
        quantity: 1,
        purchaseDate: '2026-06-01',
        decisionDate: '2026-06-08',
        major: true,
      },
      POLICY,
    );
    expect(d.options.map((o) => `${o.kind}:${o.amountFen}`)).toEqual([
      'replacement:399900',
      'repair:0',
      'refund:399900',
    ]);
    expect(d.citations.map((c) => c.text)).toEqual(['三包 第9条: 7 日内性能故障可退货/换货/修理']);
    expect(d.approvals).toEqual(['department_manager', 'service_manager', 'general_manager']);
  });

  it('should apply no legal window when the decision date is before the purchase date (R-RES-5)', () => {
    const d = decideCompensation(
      { ...base, industry: 'appliance', foodCase: null, problemLevel: 'safety', decisionDate: '2026-05-31' },
      POLICY,
    );
    expect(d.citations).toEqual([]);
    expect(d.rules).toContainEqual({ rule: 'R-RES-5', detail: 'dates_unreadable_windows_not_applied' });
  });
});

describe('decideCompensation — R-RES-6 tiers', () => {
  it('should raise company products and add a future-order discount when the customer is long-term', () => {
    const d = decideCompensation({ ...base, foodCase: 'spoilage', customerTier: 'long_term' }, POLICY);
    expect(d.options.map((o) => `${o.kind}:${o.amountFen}`)).toEqual([
      'replacement:2000',
      'company_products:2400',
      'future_order_discount:0',
    ]);
    expect(d.rules).toContainEqual({ rule: 'R-RES-6', detail: 'tier:long_term' });
  });

  it('should give home service and a dedicated follow-up owner when the customer is in a special group', () => {
    const d = decideCompensation({ ...base, specialGroup: 'elderly' }, POLICY);
    expect(d.handling).toMatchObject({ homeService: true, dedicatedFollowUpOwner: true, fastLane: false });
    expect(d.rules).toContainEqual({ rule: 'R-RES-6', detail: 'special:elderly' });
  });
});

describe('decideCompensation — R-MAL-2 special / malicious', () => {
  it('should cap at strictly 1:1 plus a thank-you and offer no cash before verification', () => {
    const d = decideCompensation({ ...base, foodCase: 'foreign_eaten', maliciousSignals: true }, POLICY);
    expect(d.options.map((o) => `${o.kind}:${o.amountFen}/${o.maxAmountFen}`)).toEqual([
      'company_products:2000/2000',
      'thanks_gift:2000/2000',
    ]);
    expect(d.rules).toContainEqual({ rule: 'R-MAL-2', detail: 'no_cash_before_verification' });
  });

  it('should allow 1:1 cash once verification is done (R-MAL-2)', () => {
    expect(summary({ foodCase: 'foreign_eaten', maliciousSignals: true, verificationDone: true })).toContain(
      'cash:2000/2000',
    );
  });
});

describe('decideCompensation — R-APR-1 / R-RES-4 approvals and ranking', () => {
  it('should put company products before cash (R-RES-4)', () => {
    const kinds = decideCompensation({ ...base, foodCase: 'foreign_eaten' }, POLICY).options.map(
      (o) => o.kind,
    );
    expect(kinds.indexOf('company_products')).toBeLessThan(kinds.indexOf('cash'));
  });

  it('should need the GM for any compensation when the complaint is major (R-APR-1)', () => {
    const d = decideCompensation({ ...base, foodCase: 'minor', major: true }, POLICY);
    for (const o of d.options) expect(o.approvalChain).toContain('general_manager');
    expect(d.approvals).toEqual(['department_manager', 'general_manager']);
  });

  it('should need no approval when the only option is an apology', () => {
    const d = decideCompensation(base, POLICY);
    expect(d.approvals).toEqual([]);
    expect(d.rules.some((r) => r.rule === 'R-APR-1')).toBe(false);
  });

  it('should climb the bands and ask for a site check when the amount is large (R-APR-1)', () => {
    const d = decideCompensation(
      { ...base, foodCase: 'foreign_unopened', unitPriceFen: 600_000, quantity: 1 },
      POLICY,
    );
    expect(d.options[0]).toMatchObject({
      approvalChain: [
        'department_manager',
        'service_manager',
        'site_supervisor',
        'site_technician',
        'general_manager',
      ],
      siteCheckRequired: true,
    });
  });
});
