import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import { createUserFx, loginFx, type Session } from '../../../test/factories/identity.factory';
import { systemContext } from '../../app/context';
import { updatePolicy } from '../../app/policies/update-policy';
import { DEFAULT_COMPENSATION_POLICY } from '../../domain/compensation/compensation-policy';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let manager: Session;
let finance: Session;

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  await createUserFx(deps, 'c.manager', ['department_manager']);
  await createUserFx(deps, 'c.finance', ['finance']);
  manager = await loginFx(app, 'c.manager');
  finance = await loginFx(app, 'c.finance');
});
afterAll(async () => close());

const simulate = (s: Session, payload: unknown) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/compensation/simulate',
    headers: s.headers,
    payload: payload as never,
  });

const FOOD_EATEN = {
  industry: 'food',
  nature: 'foreign_matter',
  foodCase: 'foreign_eaten',
  unitPriceFen: 1_500,
  quantity: 2,
  purchaseDate: '2026-06-01',
  decisionDate: '2026-06-03',
  major: true,
  foodSafetyViolation: true,
};

describe('POST /api/v1/compensation/simulate', () => {
  it('should answer options, approvals, rules and the 食品安全法 148 floor when foreign matter was eaten (R-RES-3, R-RES-5, R-APR-1)', async () => {
    const res = await simulate(manager, FOOD_EATEN);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ policyVersion: 1, draft: false });
    expect(body.options.map((o: { kind: string }) => o.kind)).toEqual(['company_products', 'cash']);
    expect(body.options[1]).toMatchObject({ kind: 'cash', amountFen: 100_000 });
    expect(body.options[1].approvalChain).toEqual(
      expect.arrayContaining(['business_manager', 'general_manager']),
    );
    expect(body.citations).toEqual([
      {
        ref: 'FSL-148',
        text: '食品安全法 第148条: max(10×price, 3×loss, 1000 元) = 1,000.00 元',
        floorFen: 100_000,
      },
    ]);
    expect(body.rules.map((r: { rule: string }) => r.rule)).toEqual(
      expect.arrayContaining(['R-RES-3', 'R-RES-5', 'R-RES-4', 'R-APR-1']),
    );
  });

  it('should use the stored policy in force, and a valid draft when one is sent', async () => {
    const stored = { ...DEFAULT_COMPENSATION_POLICY, version: 7 };
    await updatePolicy(deps, systemContext('test'), 'compensation_policy', { value: stored });
    expect((await simulate(manager, FOOD_EATEN)).json().policyVersion).toBe(7);
    const draft = { ...DEFAULT_COMPENSATION_POLICY, version: 8, cashApprovers: ['sales_centre'] };
    const res = await simulate(manager, { ...FOOD_EATEN, policy: draft });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ policyVersion: 8, draft: true });
    expect(res.json().options[1].approvalChain).not.toContain('business_manager');
  });

  it('should answer 422 POLICY_INVALID with every problem when the draft policy is broken', async () => {
    const draft = { ...DEFAULT_COMPENSATION_POLICY, version: 0, cashApprovers: [] };
    const res = await simulate(manager, { ...FOOD_EATEN, policy: draft });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('POLICY_INVALID');
    expect(res.json().error.details.problems.map((p: { path: string }) => p.path)).toEqual([
      'version',
      'cashApprovers',
    ]);
  });

  it('should answer 400 for bad input: unknown industry, a decision before the purchase, an unknown field', async () => {
    for (const bad of [
      { ...FOOD_EATEN, industry: 'toys' },
      { ...FOOD_EATEN, decisionDate: '2026-05-01' },
      { ...FOOD_EATEN, unitPriceFen: -1 },
      { ...FOOD_EATEN, bribe: true },
    ]) {
      const res = await simulate(manager, bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('should refuse a role without complaint.propose (finance) with 403', async () => {
    const res = await simulate(finance, FOOD_EATEN);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });
});
