import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPENSATION_POLICY as POLICY } from './compensation-policy';
import { decideCompensation, type CompensationInput } from './decide-compensation';
import { decideProposalOptions } from './decide-proposal-options';

const eaten: CompensationInput = {
  industry: 'food',
  nature: 'foreign_matter',
  severity: 'general',
  foodCase: 'foreign_eaten',
  problemLevel: null,
  unitPriceFen: 2_000,
  quantity: 2,
  lossFen: 0,
  purchaseDate: '2026-11-20',
  decisionDate: '2026-11-24',
  distanceSale: false,
  perishable: true,
  customerTier: 'standard',
  specialGroup: null,
  injury: 'none',
  major: false,
  maliciousSignals: false,
  verificationDone: true,
  priorFailedRepairs: 0,
  mileageKm: null,
  foodSafetyViolation: true,
  fraudEstablished: false,
};

describe('decideProposalOptions — R-RES-5 floors, R-MAL-2, R-RES-4 beyond the matrix', () => {
  const decision = decideCompensation(eaten, POLICY);
  const cash = decision.options.find((o) => o.kind === 'cash');

  it('should carry the food-safety floor into the cash option (食品安全法 148: max(10×, 1000 元))', () => {
    expect(cash?.amountFen).toBe(100_000);
  });

  it('should refuse cash below the legal floor', () => {
    const r = decideProposalOptions(
      decision,
      [{ kind: 'cash', amountFen: 99_999, description: '现金' }],
      eaten,
      POLICY,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'AMOUNT_BELOW_LEGAL_FLOOR', option: 0 } });
  });

  it('should keep the matrix row’s approvers (service manager, sales centre) and the cash approver', () => {
    const r = decideProposalOptions(
      decision,
      [{ kind: 'cash', amountFen: 100_000, description: '现金' }],
      eaten,
      POLICY,
    );
    expect(r.ok && r.value.options[0]?.approvalChain).toEqual([
      'department_manager',
      'service_manager',
      'business_manager',
      'sales_centre',
    ]);
  });

  it('should send an amount beyond the matrix top to the sales centre and a major complaint to the GM', () => {
    const products = decision.options.find((o) => o.kind === 'company_products');
    const over = (products?.maxAmountFen ?? 0) + 1;
    const r = decideProposalOptions(
      decision,
      [{ kind: 'company_products', amountFen: over, description: '产品' }],
      { major: true },
      POLICY,
    );
    expect(r.ok && r.value.options[0]?.approvalChain).toContain('sales_centre');
    expect(r.ok && r.value.options[0]?.approvalChain).toContain('general_manager');
    expect(r.ok && r.value.rules.some((h) => h.rule === 'R-RES-4')).toBe(true);
  });

  it('should refuse cash before verification when malicious signals are present (R-MAL-2)', () => {
    const d = decideCompensation({ ...eaten, maliciousSignals: true, verificationDone: false }, POLICY);
    const r = decideProposalOptions(
      d,
      [{ kind: 'cash', amountFen: 100_000, description: '现金' }],
      eaten,
      POLICY,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'CASH_BEFORE_VERIFICATION' } });
  });

  it('should accept an apology with no approval at all', () => {
    const r = decideProposalOptions(
      decision,
      [{ kind: 'apology', amountFen: 0, description: '致歉' }],
      eaten,
      POLICY,
    );
    expect(r.ok && r.value.options[0]?.approvalChain).toEqual([]);
  });
});
