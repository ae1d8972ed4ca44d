import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createComplaintWorld,
  hotlineComplaint,
  loginAgain,
  type ComplaintWorld,
} from '../../../test/factories/complaint.factory';
import { createUserFx, loginFx, type Session } from '../../../test/factories/identity.factory';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import { escalateOverdueTasks } from '../../app/compensation/execution-tasks';
import { policyRepo } from '../../db/repos/policy.repo';
import { rowsOf } from '../../db/client';
import { sql } from 'drizzle-orm';
import { callAs } from '../../../test/factories/inject.factory';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let world: ComplaintWorld;
const extra: Record<'bm' | 'sc' | 'fin' | 'deputy', { id: string; username: string; session: Session }> =
  {} as never;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  deps.clock.set(new Date('2026-03-05T02:00:00Z'));
  world = await createComplaintWorld(deps, app);
  const make = async (
    key: keyof typeof extra,
    username: string,
    role: 'business_manager' | 'sales_centre' | 'finance' | 'department_manager',
  ) => {
    const u = await createUserFx(deps, username, [role], [world.depts.HQ]);
    extra[key] = { id: u.id, username, session: await loginFx(app, username) };
  };
  await make('bm', 'biz.zhou', 'business_manager');
  await make('sc', 'sales.qian', 'sales_centre');
  await make('fin', 'fin.sun', 'finance');
  await make('deputy', 'deputy.lin', 'department_manager');
});
afterAll(async () => close());

const refresh = async () => {
  await loginAgain(app, world);
  for (const u of Object.values(extra)) u.session = await loginFx(app, u.username);
};

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  callAs(app, s, method, url, payload);

const act = async (s: Session, id: string, body: Json) => {
  const r = await call(s, 'POST', `/api/v1/complaints/${id}/transitions`, body);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

/** A complaint triaged, assigned to production's manager and under investigation. */
const investigating = async (productId: string, body: Json, classification: Json): Promise<string> => {
  const { agent, manager } = world.users;
  const created = await call(agent.session, 'POST', '/api/v1/complaints', hotlineComplaint({ ...body }));
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().complaint.id as string;
  await act(agent.session, id, {
    type: 'triage',
    classification: { validity: 'valid', misuse: false, ...classification },
  });
  await act(agent.session, id, { type: 'assign', departmentId: world.depts.PROD.id, assigneeId: manager.id });
  await act(manager.session, id, { type: 'start_investigation' });
  expect(productId).toBeTruthy();
  return id;
};

const sign = async (s: Session, proposal: Json, meaning: 'approve' | 'reject', extraBody: Json = {}) => {
  const ch = await call(s, 'POST', `/api/v1/compensation/proposals/${proposal.id}/challenge`);
  expect(ch.statusCode, ch.body).toBe(201);
  const challenge = ch.json();
  return {
    challenge,
    res: await call(s, 'POST', `/api/v1/compensation/proposals/${proposal.id}/signatures`, {
      challengeId: challenge.challengeId,
      proposalHash: challenge.proposalHash,
      meaning,
      password: 'Quality-Loop-2026',
      ...(meaning === 'reject' && { reason: '金额需复核' }),
      ...extraBody,
    }),
  };
};

const countRows = async (table: string): Promise<number> =>
  Number(
    (await rowsOf<{ n: number }>(deps.db.reader(), sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n,
  );

describe('food "foreign matter, eaten" — engine, e-signatures, GM, payment (issue 5 done-when)', () => {
  let complaintId = '';
  let proposal: Json = {};

  it('should propose from the policy with the food-safety floor cited and the chain up to the GM (R-RES-3, R-RES-5, R-APR-1)', async () => {
    const p = await call(world.users.qa.session, 'POST', '/api/v1/products', {
      code: 'XB-520G',
      name: '旺旺雪饼 520g',
      priceFen: 2_000,
    });
    expect(p.statusCode, p.body).toBe(201);
    complaintId = await investigating(
      p.json().id,
      { product: { id: p.json().id, batchNo: '20260301A', purchaseDate: '2026-03-01' } },
      { nature: 'foreign_matter', severity: 'major', major: true, responsibilityStage: 'production' },
    );
    const res = await call(
      world.users.manager.session,
      'POST',
      `/api/v1/complaints/${complaintId}/compensation/proposals`,
      {
        facts: { foodCase: 'foreign_eaten', quantity: 2, foodSafetyViolation: true, verificationDone: true },
      },
    );
    expect(res.statusCode, res.body).toBe(201);
    proposal = res.json().current;
    const kinds = proposal.options.map((o: Json) => o.kind);
    expect(kinds.indexOf('company_products')).toBeLessThan(kinds.indexOf('cash'));
    const cash = proposal.options.find((o: Json) => o.kind === 'cash');
    expect(cash.amountFen).toBe(100_000); // max(10 × 40 元, 1000 元)
    expect(cash.approvalChain).toEqual(
      expect.arrayContaining(['service_manager', 'business_manager', 'sales_centre', 'general_manager']),
    );
    expect(proposal.explanation.citations.map((c: Json) => c.text).join(' ')).toContain('148');
    expect(proposal.explanation.rules.map((r: Json) => r.rule)).toEqual(
      expect.arrayContaining(['R-RES-3', 'R-RES-5', 'R-RES-4', 'R-APR-1']),
    );
    expect(proposal.steps.at(-1).roles).toEqual(['general_manager']);
    expect(proposal.steps.find((s: Json) => s.roles.length === 2).roles).toEqual([
      'business_manager',
      'sales_centre',
    ]);
    expect(proposal.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const c = (await call(world.users.manager.session, 'GET', `/api/v1/complaints/${complaintId}`)).json();
    expect(c.status).toBe('solution_proposed');
    expect(c.deadlines.find((d: Json) => d.kind === 'R-APR-1')).toMatchObject({ state: 'open' });
  });

  it('should refuse cash below the legal floor and leave nothing written (R-RES-5)', async () => {
    const before = await countRows('compensation_proposals');
    const res = await call(
      world.users.manager.session,
      'POST',
      `/api/v1/complaints/${complaintId}/compensation/proposals`,
      {
        facts: { foodCase: 'foreign_eaten', quantity: 2, foodSafetyViolation: true, verificationDone: true },
        options: [{ kind: 'cash', amountFen: 50_000, description: '现金 500 元' }],
      },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('AMOUNT_BELOW_LEGAL_FLOOR');
    expect(await countRows('compensation_proposals')).toBe(before);
  });

  it('should refuse the plain approve command while the e-signature approval runs (R-APR-2)', async () => {
    const r = await call(
      world.users.manager2.session,
      'POST',
      `/api/v1/complaints/${complaintId}/transitions`,
      {
        type: 'approve_solution',
      },
    );
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('SIGNATURE_REQUIRED');
  });

  it('should refuse a wrong password, writing no signature (R-APR-2 re-authentication)', async () => {
    const before = await countRows('approval_signatures');
    const { res } = await sign(world.users.manager2.session, proposal, 'approve', {
      password: 'wrong-password-1',
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SIGNATURE_REAUTH_FAILED');
    expect(await countRows('approval_signatures')).toBe(before);
  });

  it('should refuse the proposer, a signer out of order and a role without the permission', async () => {
    expect((await sign(world.users.manager.session, proposal, 'approve')).res.json().error.code).toBe(
      'SELF_APPROVAL_REFUSED',
    );
    const gm = await sign(world.users.gm.session, proposal, 'approve');
    expect(gm.res.statusCode).toBe(403);
    expect(gm.res.json().error).toMatchObject({ code: 'SIGNER_NOT_AUTHORIZED' });
    const agent = await call(
      world.users.agent.session,
      'POST',
      `/api/v1/compensation/proposals/${proposal.id}/challenge`,
    );
    expect(agent.statusCode).toBe(403);
  });

  it('should void the signatures of an edited proposal and refuse signing the old version (stale)', async () => {
    const first = await sign(world.users.manager2.session, proposal, 'approve');
    expect(first.res.statusCode, first.res.body).toBe(201);
    const edited = await call(
      world.users.manager.session,
      'POST',
      `/api/v1/complaints/${complaintId}/compensation/proposals`,
      {
        facts: { foodCase: 'foreign_eaten', quantity: 2, foodSafetyViolation: true, verificationDone: true },
        options: [
          { kind: 'company_products', amountFen: 20_000, description: '同款雪饼 1:5 赔付' },
          { kind: 'cash', amountFen: 120_000, description: '现金补偿 1200 元' },
        ],
      },
    );
    expect(edited.statusCode, edited.body).toBe(201);
    const view = edited.json();
    expect(view.current.version).toBe(proposal.version + 1);
    const old = view.history.find((h: Json) => h.version === proposal.version);
    expect(old.status).toBe('superseded');
    expect(old.signatures).toEqual([
      expect.objectContaining({ void: true, meaning: 'approve', signerName: '用户 prod.mgr2' }),
    ]);
    const stale = await call(
      world.users.service.session,
      'POST',
      `/api/v1/compensation/proposals/${proposal.id}/challenge`,
    );
    expect(stale.statusCode).toBe(409);
    proposal = view.current;
  });

  it('should refuse a replayed signature request and a challenge of another user', async () => {
    const ok = await sign(world.users.manager2.session, proposal, 'approve');
    expect(ok.res.statusCode, ok.res.body).toBe(201);
    const replay = await call(
      world.users.manager2.session,
      'POST',
      `/api/v1/compensation/proposals/${proposal.id}/signatures`,
      {
        challengeId: ok.challenge.challengeId,
        proposalHash: ok.challenge.proposalHash,
        meaning: 'approve',
        password: 'Quality-Loop-2026',
      },
    );
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error).toMatchObject({
      code: 'SIGNATURE_CHALLENGE_INVALID',
      details: { reason: 'replayed' },
    });
    const mine = (
      await call(
        world.users.service.session,
        'POST',
        `/api/v1/compensation/proposals/${proposal.id}/challenge`,
      )
    ).json();
    const forged = await call(
      extra.bm.session,
      'POST',
      `/api/v1/compensation/proposals/${proposal.id}/signatures`,
      {
        challengeId: mine.challengeId,
        proposalHash: mine.proposalHash,
        meaning: 'approve',
        password: 'Quality-Loop-2026',
      },
    );
    expect(forged.json().error).toMatchObject({
      code: 'SIGNATURE_CHALLENGE_INVALID',
      details: { reason: 'other_user' },
    });
  });

  it('should collect the chain in order, the GM last, and approve the solution (R-APR-1)', async () => {
    const inbox = (await call(extra.sc.session, 'GET', '/api/v1/approvals/pending')).json();
    expect(inbox.items).toEqual([]); // service manager's step is open, not the sales centre's
    expect((await sign(world.users.service.session, proposal, 'approve')).res.statusCode).toBe(201);
    const scInbox = (await call(extra.sc.session, 'GET', '/api/v1/approvals/pending')).json();
    expect(scInbox.items.map((i: Json) => i.proposalId)).toEqual([proposal.id]);
    expect((await sign(extra.sc.session, proposal, 'approve')).res.statusCode).toBe(201);
    expect((await sign(extra.bm.session, proposal, 'approve')).res.statusCode).toBe(201);
    const last = await sign(world.users.gm.session, proposal, 'approve');
    expect(last.res.statusCode, last.res.body).toBe(201);
    const view = last.res.json();
    expect(view.current.status).toBe('approved');
    expect(view.current.signatures.map((s: Json) => [s.role, s.meaning, s.void])).toEqual([
      ['department_manager', 'approve', false],
      ['service_manager', 'approve', false],
      ['sales_centre', 'approve', false],
      ['business_manager', 'approve', false],
      ['general_manager', 'approve', false],
    ]);
    expect(view.current.signatures.at(-1)).toMatchObject({
      signerName: '用户 gm.wu',
      proposalHash: proposal.contentHash,
    });
    const c = (await call(world.users.manager.session, 'GET', `/api/v1/complaints/${complaintId}`)).json();
    expect(c.deadlines.find((d: Json) => d.kind === 'R-APR-1')).toMatchObject({ state: 'met' });
    expect(c.allowedActions).toContain('send_to_customer');
  });

  it('should refuse the write-off application before anything is carried out (409, R-RPT-3)', async () => {
    const r = await call(
      extra.fin.session,
      'GET',
      `/api/v1/complaints/${complaintId}/compensation/write-off-form`,
    );
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({
      code: 'WRITE_OFF_FORM_NOT_READY',
      details: { reason: 'nothing_carried_out', rules: ['R-RPT-3'] },
    });
  });

  it('should open a payment task on agreement, refuse resolving before it is paid, and book it paid (R-RES-7, R-RES-9)', async () => {
    const { manager, agent } = world.users;
    await act(manager.session, complaintId, { type: 'send_to_customer' });
    await act(agent.session, complaintId, {
      type: 'customer_accept',
      executionDueAt: '2026-03-10T09:00:00Z',
      terms: '现金补偿 1200 元，三个工作日内转账',
      optionIndex: 1,
    });
    const view = (
      await call(manager.session, 'GET', `/api/v1/complaints/${complaintId}/compensation`)
    ).json();
    expect(view.tasks).toEqual([
      expect.objectContaining({ kind: 'pay_cash', ownerRole: 'finance', amountFen: 120_000, status: 'open' }),
    ]);
    await act(manager.session, complaintId, { type: 'start_execution' });
    const early = await call(manager.session, 'POST', `/api/v1/complaints/${complaintId}/transitions`, {
      type: 'resolve',
      summary: '已处理',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('EXECUTION_INCOMPLETE');
    const task = view.tasks[0];
    const noRef = await call(extra.fin.session, 'POST', `/api/v1/compensation/tasks/${task.id}/complete`, {});
    expect(noRef.statusCode).toBe(400);
    const notMine = await call(manager.session, 'POST', `/api/v1/compensation/tasks/${task.id}/complete`, {
      reference: 'X',
    });
    expect(notMine.statusCode).toBe(403);
    const paid = await call(extra.fin.session, 'POST', `/api/v1/compensation/tasks/${task.id}/complete`, {
      reference: 'FK-20260306-001',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'done', reference: 'FK-20260306-001' });
    const again = await call(extra.fin.session, 'POST', `/api/v1/compensation/tasks/${task.id}/complete`, {
      reference: 'FK-2',
    });
    expect(again.json().error.code).toBe('TASK_NOT_OPEN');
    const ledger = await rowsOf<{ stage: string; total: number }>(
      deps.db.reader(),
      sql`select stage, sum(amount_fen)::int as total from compensation_ledger where complaint_id = ${complaintId} group by stage order by stage`,
    );
    expect(Object.fromEntries(ledger.map((r) => [r.stage, r.total]))).toEqual({
      agreed: 120_000,
      approved: 120_000,
      paid: 120_000,
      proposed: 120_000,
    });
    const resolved = await act(manager.session, complaintId, {
      type: 'resolve',
      summary: '现金已转账并致歉',
    });
    expect(resolved.status).toBe('resolved');
  });

  it('should number the 产品质量处理核销申报表 when the last task is done and print it for finance (seed 004, R-RPT-3)', async () => {
    const view = (
      await call(world.users.manager.session, 'GET', `/api/v1/complaints/${complaintId}/compensation`)
    ).json();
    expect(view.current.writeOffNo).toBe('HX-2026-000001');
    const audit = await rowsOf<{ action: string; after: Json }>(
      deps.db.reader(),
      sql`select action, after from audit_log where entity_id = ${view.current.id} and action = 'compensation.write_off_numbered'`,
    );
    expect(audit).toEqual([
      {
        action: 'compensation.write_off_numbered',
        after: expect.objectContaining({ writeOffNo: 'HX-2026-000001', amountFen: 120_000, doneTasks: 1 }),
      },
    ]);
    const url = `/api/v1/complaints/${complaintId}/compensation/write-off-form`;
    const form = await call(extra.fin.session, 'GET', url);
    expect(form.statusCode, form.body).toBe(200);
    expect(form.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(form.headers['content-disposition']).toContain('HX-2026-000001.html');
    const html = form.body;
    for (const text of [
      '产品质量处理核销申报表',
      'HX-2026-000001',
      '1,200.00 元',
      '人民币壹仟贰佰元整',
      'FK-20260306-001',
      '现金补偿 1200 元，三个工作日内转账',
      '用户 gm.wu',
      '总经理',
      '2026-03-05',
    ])
      expect(html).toContain(text);
    // Finance has no pii.reveal: the phone is masked (R-SEC-1); the department manager sees it whole.
    expect(html).toContain('138****5678');
    expect(html).not.toMatch(/138 ?1234 ?5678/);
    const managers = await call(world.users.manager.session, 'GET', url);
    expect(managers.body).toMatch(/138 ?1234 ?5678/);
    // Only the people who carry out and write off compensation print it; unknown complaints are 404.
    expect((await call(world.users.agent.session, 'GET', url)).statusCode).toBe(403);
    const missing = await call(
      extra.fin.session,
      'GET',
      '/api/v1/complaints/00000000-0000-4000-8000-000000000000/compensation/write-off-form',
    );
    expect(missing.json().error.code).toBe('COMPLAINT_NOT_FOUND');
  });

  it('should land the cost on production, suggested for foreign matter, with a transfer form (R-RES-8)', async () => {
    const qa = world.users.qa.session;
    const suggested = (await call(qa, 'GET', `/api/v1/complaints/${complaintId}/cost-allocation`)).json();
    expect(suggested.suggestion.partyKind).toBe('production_department');
    const put = await call(qa, 'PUT', `/api/v1/complaints/${complaintId}/cost-allocation`, {
      shares: [{ partyKind: 'production_department', partyName: '一车间', shareBp: 10_000 }],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ totalFen: 120_000 });
    expect(put.json().allocations[0]).toMatchObject({
      amountFen: 120_000,
      transferFormNo: expect.stringMatching(/^ZY-/),
    });
    const ledger = (await call(extra.fin.session, 'GET', '/api/v1/compensation/ledger?groupBy=party')).json();
    expect(ledger.rows).toContainEqual(
      expect.objectContaining({ key: 'production_department:一车间', paidFen: 120_000 }),
    );
  });

  it('should keep signatures append-only in the database (R-APR-2)', async () => {
    const refused = await deps.db
      .reader()
      .execute(sql`update approval_signatures set meaning = 'reject'`)
      .then(
        () => 'updated',
        (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`,
      );
    expect(refused).toMatch(/append-only/);
    expect(await countRows('approval_signatures')).toBeGreaterThan(0);
  });
});

describe('appliance "safety hazard within 7 days" — 三包 refund, delegation, non-performance', () => {
  let complaintId = '';
  let proposal: Json = {};

  it('should offer the full refund plus losses with the 三包 citation (R-RES-2, R-RES-5)', async () => {
    await policyRepo.save(deps.db.reader(), 'preset', 'appliance', null, deps.clock.now());
    await refresh();
    const p = await call(world.users.qa.session, 'POST', '/api/v1/products', {
      code: 'KT-1500',
      name: '电水壶 1.5L',
      priceFen: 29_900,
    });
    complaintId = await investigating(
      p.json().id,
      {
        product: { id: p.json().id, purchaseDate: '2026-03-01' },
        problem: { description: '电水壶底座漏电，手碰到外壳被电了一下', scope: 'single_unit' },
        injury: 'minor',
      },
      { nature: 'safety', severity: 'serious', major: true, responsibilityStage: 'design' },
    );
    const res = await call(
      world.users.manager.session,
      'POST',
      `/api/v1/complaints/${complaintId}/compensation/proposals`,
      {
        facts: { lossFen: 5_000 },
      },
    );
    expect(res.statusCode, res.body).toBe(201);
    proposal = res.json().current;
    const refund = proposal.options.find((o: Json) => o.kind === 'refund');
    expect(refund.amountFen).toBe(34_900);
    expect(proposal.explanation.rules).toContainEqual({ rule: 'R-RES-2', detail: 'level:safety' });
    expect(proposal.explanation.citations.length).toBeGreaterThan(0);
    expect(proposal.steps.map((s: Json) => s.roles)).toEqual([['department_manager'], ['general_manager']]);
  });

  it('should let a delegate sign for the absent department manager, shown on their behalf (R-APR-1)', async () => {
    const now = deps.clock.now();
    const bad = await call(world.users.manager2.session, 'POST', '/api/v1/approval-delegations', {
      delegateId: world.users.manager2.id,
      startsAt: now.toISOString(),
      endsAt: new Date(now.getTime() + 86_400_000).toISOString(),
      reason: '出差',
    });
    expect(bad.json().error.code).toBe('DELEGATION_INVALID');
    const d = await call(world.users.manager2.session, 'POST', '/api/v1/approval-delegations', {
      delegateId: world.users.qa.id,
      startsAt: now.toISOString(),
      endsAt: new Date(now.getTime() + 3 * 86_400_000).toISOString(),
      reason: '出差三天',
    });
    expect(d.statusCode, d.body).toBe(201);
    // qa is a quality engineer: not a department manager; only the delegation lets them sign that step.
    const r = await sign(world.users.qa.session, proposal, 'approve', { role: 'department_manager' });
    expect(r.res.statusCode, r.res.body).toBe(201);
    expect(r.res.json().current.signatures[0]).toMatchObject({
      signerName: '用户 qe.chen',
      onBehalfOfName: '用户 prod.mgr2',
      role: 'department_manager',
    });
    const revoke = await call(
      world.users.manager2.session,
      'POST',
      `/api/v1/approval-delegations/${d.json().id}/revoke`,
    );
    expect(revoke.statusCode).toBe(200);
  });

  it('should let the GM reject with a reason and stop the approval clock', async () => {
    const r = await sign(world.users.gm.session, proposal, 'reject');
    expect(r.res.statusCode, r.res.body).toBe(201);
    expect(r.res.json().history[0]).toMatchObject({ status: 'rejected' });
    const c = (await call(world.users.manager.session, 'GET', `/api/v1/complaints/${complaintId}`)).json();
    expect(c.deadlines.find((x: Json) => x.kind === 'R-APR-1').state).toBe('met');
  });

  it('should approve the revised plan, and escalate the refund once when it is not paid in time (R-RES-9)', async () => {
    const res = await call(
      world.users.manager.session,
      'POST',
      `/api/v1/complaints/${complaintId}/compensation/proposals`,
      {
        facts: { lossFen: 5_000 },
        options: [{ kind: 'refund', amountFen: 34_900, description: '全额退款并补偿运费' }],
      },
    );
    proposal = res.json().current;
    expect((await sign(world.users.manager2.session, proposal, 'approve')).res.statusCode).toBe(201);
    expect((await sign(world.users.gm.session, proposal, 'approve')).res.json().current.status).toBe(
      'approved',
    );
    await act(world.users.manager.session, complaintId, { type: 'send_to_customer' });
    await act(world.users.agent.session, complaintId, {
      type: 'customer_accept',
      executionDueAt: new Date(deps.clock.now().getTime() + 86_400_000).toISOString(),
      terms: '全额退款 349 元',
    });
    deps.clock.advance(2 * 86_400_000);
    await refresh();
    const overdue = (await call(extra.fin.session, 'GET', '/api/v1/compensation/tasks?overdue=true')).json();
    expect(overdue.items.map((t: Json) => t.complaintId)).toContain(complaintId);
    expect(await escalateOverdueTasks(deps)).toBe(1);
    expect(await escalateOverdueTasks(deps)).toBe(0);
    const task = overdue.items.find((t: Json) => t.complaintId === complaintId);
    const after = (
      await call(extra.fin.session, 'GET', `/api/v1/complaints/${complaintId}/compensation`)
    ).json();
    expect(after.tasks.find((t: Json) => t.id === task.id).escalatedAt).not.toBeNull();
  });
});
