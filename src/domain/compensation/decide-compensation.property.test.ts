import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_TIERS, INJURY_LEVELS, NATURES, SPECIAL_GROUPS } from '../complaint/complaint-vocabulary';
import {
  DEFAULT_COMPENSATION_POLICY as POLICY,
  FOOD_CASES,
  MONEY_KINDS,
  PROBLEM_LEVELS,
} from './compensation-policy';
import { decideCompensation, type CompensationInput } from './decide-compensation';
import { INDUSTRIES } from './legal-remedies';

const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000));
const iso = (d: Date): string => d.toISOString().slice(0, 10);

const input: fc.Arbitrary<CompensationInput> = fc
  .record({
    industry: fc.constantFrom(...INDUSTRIES),
    nature: fc.option(fc.constantFrom(...NATURES)),
    severity: fc.option(fc.constantFrom('minor', 'general', 'major', 'serious', 'special')),
    foodCase: fc.option(fc.constantFrom(...FOOD_CASES)),
    problemLevel: fc.option(fc.constantFrom(...PROBLEM_LEVELS)),
    unitPriceFen: fc.integer({ min: 0, max: 50_000_000 }),
    quantity: fc.integer({ min: 0, max: 50 }),
    lossFen: fc.integer({ min: 0, max: 10_000_000 }),
    purchase: day,
    elapsed: fc.integer({ min: 0, max: 100 }),
    distanceSale: fc.boolean(),
    perishable: fc.boolean(),
    customerTier: fc.constantFrom(...CUSTOMER_TIERS),
    specialGroup: fc.option(fc.constantFrom(...SPECIAL_GROUPS)),
    injury: fc.constantFrom(...INJURY_LEVELS),
    major: fc.boolean(),
    maliciousSignals: fc.boolean(),
    verificationDone: fc.boolean(),
    priorFailedRepairs: fc.integer({ min: 0, max: 5 }),
    mileageKm: fc.option(fc.integer({ min: 0, max: 10_000 })),
    foodSafetyViolation: fc.boolean(),
    fraudEstablished: fc.boolean(),
  })
  .map(({ purchase, elapsed, ...rest }) => ({
    ...rest,
    purchaseDate: iso(purchase),
    decisionDate: iso(new Date(purchase.getTime() + elapsed * 86_400_000)),
  }));

describe('decideCompensation — properties', () => {
  it('should never produce a negative or fractional amount (R-RES-1)', () => {
    fc.assert(
      fc.property(input, (i) => {
        for (const o of decideCompensation(i, POLICY).options) {
          expect(Number.isInteger(o.amountFen) && o.amountFen >= 0).toBe(true);
          expect(o.maxAmountFen).toBeGreaterThanOrEqual(o.amountFen);
        }
      }),
    );
  });

  it('should never undercut a legal floor on a refund or cash option (R-RES-5)', () => {
    fc.assert(
      fc.property(input, (i) => {
        const d = decideCompensation(i, POLICY);
        const floor = Math.max(0, ...d.citations.map((c) => c.floorFen ?? 0));
        for (const o of d.options)
          if (MONEY_KINDS.includes(o.kind)) expect(o.amountFen).toBeGreaterThanOrEqual(floor);
        if (floor > 0 && (!i.maliciousSignals || i.verificationDone))
          expect(d.options.some((o) => o.kind === 'cash')).toBe(true);
      }),
    );
  });

  it('should require every band an option exceeds, cash approvers for cash and the GM when major (R-APR-1, R-RES-4)', () => {
    fc.assert(
      fc.property(input, (i) => {
        const d = decideCompensation(i, POLICY);
        for (const o of d.options) {
          for (const band of POLICY.approvalBands)
            if (o.amountFen > band.aboveFen) expect(o.approvalChain).toContain(band.role);
          if (o.kind === 'cash')
            expect(o.approvalChain).toEqual(expect.arrayContaining([...POLICY.cashApprovers]));
          if (i.major && o.amountFen > 0) expect(o.approvalChain).toContain(POLICY.majorApprover);
          for (const role of o.approvalChain) expect(d.approvals).toContain(role);
        }
      }),
    );
  });

  it('should offer no cash before verification when malicious signals are present (R-MAL-2)', () => {
    fc.assert(
      fc.property(input, (i) => {
        const d = decideCompensation({ ...i, maliciousSignals: true, verificationDone: false }, POLICY);
        expect(d.options.some((o) => o.kind === 'cash')).toBe(false);
      }),
    );
  });

  it('should rank company products before cash (R-RES-4)', () => {
    fc.assert(
      fc.property(input, (i) => {
        const kinds = decideCompensation(i, POLICY).options.map((o) => o.kind);
        if (kinds.includes('cash') && kinds.includes('company_products'))
          expect(kinds.indexOf('company_products')).toBeLessThan(kinds.indexOf('cash'));
      }),
    );
  });
});
