import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComplaintWorld, type ComplaintWorld } from '../../../test/factories/complaint.factory';
import { createUserFx, loginFx, type Session } from '../../../test/factories/identity.factory';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let world: ComplaintWorld;

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  deps.clock.set(new Date('2026-03-02T02:00:00Z'));
  world = await createComplaintWorld(deps, app);
});
afterAll(async () => close());

const submission = (phone: string, description = '在超市买的牛奶打开后有酸臭味，已经过了两天还没人处理') => ({
  customer: { name: '赵阿姨', phone },
  product: { name: '纯牛奶 250ml', batchNo: 'M20260220' },
  problem: { description },
  demands: ['exchange'],
  injury: 'none',
});

const submit = async (phone: string, headers: Record<string, string> = {}) => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/portal/complaints',
    payload: submission(phone),
    headers: { 'x-forwarded-for': '10.0.0.1', ...headers },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { number: string; trackingToken: string; trackingUrl: string };
};

const putPolicy = async (key: string, version: number, value: unknown) => {
  await createUserFx(deps, 'policy.admin', ['admin']);
  const admin = await loginFx(app, 'policy.admin');
  const res = await app.inject({
    method: 'PUT',
    url: `/api/v1/policies/${key}`,
    headers: admin.headers,
    payload: { value, version } as never,
  });
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
};

const track = (query: string, ip = '10.0.0.2') =>
  app.inject({
    method: 'GET',
    url: `/api/v1/portal/complaints/track?${query}`,
    headers: { 'x-forwarded-for': ip },
  });

const staffAct = async (s: Session, number: string, body: Record<string, unknown>) => {
  const found = (
    await app.inject({ method: 'GET', url: `/api/v1/complaints?q=${number}`, headers: s.headers })
  ).json();
  const id = found.items[0].id as string;
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${id}/transitions`,
    headers: s.headers,
    payload: body as never,
  });
  if (res.statusCode !== 200) throw new Error(`${String(body.type)} → ${res.statusCode} ${res.body}`);
  return res.json();
};

describe('customer portal', () => {
  it('should give the number and a token, and show a public view by number + last 4 digits or by token', async () => {
    const receipt = await submit('13512345678');
    expect(receipt.number).toMatch(/^KS-2026-\d{6}$/);
    expect(receipt.trackingUrl).toContain(encodeURIComponent(receipt.trackingToken));
    const byNumber = await track(`number=${receipt.number}&phoneLast4=5678`);
    expect(byNumber.statusCode).toBe(200);
    expect(byNumber.json()).toMatchObject({
      number: receipt.number,
      status: 'registered',
      canAnswer: false,
      proposal: null,
    });
    const byToken = await track(`token=${receipt.trackingToken}`);
    expect(byToken.json().number).toBe(receipt.number);
    expect(JSON.stringify(byToken.json())).not.toMatch(/13512345678|赵阿姨/);
  });

  it('should answer a wrong phone, a wrong number and another customer’s number exactly alike', async () => {
    const mine = await submit('13600000001');
    const theirs = await submit('13700000002');
    const wrongPhone = await track(`number=${mine.number}&phoneLast4=9999`);
    const wrongNumber = await track(`number=KS-2026-999999&phoneLast4=0001`);
    const othersNumber = await track(`number=${theirs.number}&phoneLast4=0001`);
    const badToken = await track(`token=${'x'.repeat(32)}`);
    for (const r of [wrongPhone, wrongNumber, othersNumber, badToken]) {
      expect(r.statusCode).toBe(404);
      expect(r.json()).toEqual(wrongPhone.json());
    }
    expect((await track('number=KS-2026-000001')).statusCode).toBe(400);
  });

  it('should rate-limit look-ups of one number so the 4 digits cannot be guessed', async () => {
    const receipt = await submit('13800000003');
    const codes: number[] = [];
    for (let i = 0; i < 12; i += 1)
      codes.push(
        (await track(`number=${receipt.number}&phoneLast4=${String(1000 + i)}`, `10.1.0.${i}`)).statusCode,
      );
    expect(codes.slice(0, 10).every((c) => c === 404)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
  });

  it('should let the customer accept the solution, then reopen as a new linked form when not satisfied (R-RES-7, R-FUP-3)', async () => {
    const { agent, manager } = world.users;
    const receipt = await submit('13900000004');
    await staffAct(agent.session, receipt.number, {
      type: 'triage',
      classification: {
        nature: 'spoilage',
        severity: 'major',
        validity: 'valid',
        responsibilityStage: 'logistics',
        misuse: false,
      },
    });
    await staffAct(agent.session, receipt.number, {
      type: 'assign',
      departmentId: world.depts.PROD.id,
      assigneeId: manager.id,
    });
    await staffAct(manager.session, receipt.number, { type: 'start_investigation' });
    await staffAct(manager.session, receipt.number, {
      type: 'propose_solution',
      options: [{ kind: 'replacement', description: '更换同批次外两箱牛奶', amountFen: 0 }],
      executionWorkingDays: 3,
    });
    await staffAct(manager.session, receipt.number, { type: 'send_to_customer' });
    const view = (await track(`token=${receipt.trackingToken}`)).json();
    expect(view).toMatchObject({
      status: 'awaiting_customer',
      canAnswer: true,
      proposal: { options: [{ description: '更换同批次外两箱牛奶' }] },
    });
    expect(view.handler).toMatch(/^用\*\*$/);
    const accepted = await app.inject({
      method: 'POST',
      url: '/api/v1/portal/complaints/answer',
      payload: { token: receipt.trackingToken, decision: 'accept' },
    });
    expect(accepted.statusCode).toBe(200);
    // Monday 10:00 + 3 working days = Thursday 10:00 Asia/Shanghai.
    expect(accepted.json()).toMatchObject({
      status: 'agreed',
      agreement: { executionDueAt: '2026-03-05T02:00:00.000Z' },
    });
    await staffAct(manager.session, receipt.number, { type: 'start_execution' });
    await staffAct(manager.session, receipt.number, { type: 'resolve', summary: '已更换' });
    const rated = await app.inject({
      method: 'POST',
      url: '/api/v1/portal/complaints/rating',
      payload: { token: receipt.trackingToken, satisfied: false, csat: 2, comment: '换来的也有味道' },
    });
    expect(rated.json()).toMatchObject({
      status: 'reopened',
      closure: { kind: 'reopened', reopenedAs: expect.stringMatching(/^KS-2026-/) },
    });
    const reopened = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/complaints?q=${encodeURIComponent('复开')}`,
        headers: agent.session.headers,
      })
    ).json();
    expect(reopened.items.length).toBe(1);
    const detail = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/complaints/${reopened.items[0].id}`,
        headers: agent.session.headers,
      })
    ).json();
    expect(detail).toMatchObject({ status: 'registered', linkedFromId: expect.any(String) });
    expect(detail.problem.description).toContain(receipt.number);
  });

  it('should refuse an answer when no solution awaits one, and a rejection without a reason', async () => {
    const receipt = await submit('13100000005');
    const early = await app.inject({
      method: 'POST',
      url: '/api/v1/portal/complaints/answer',
      payload: { token: receipt.trackingToken, decision: 'accept' },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('PORTAL_ACTION_NOT_AVAILABLE');
    const noReason = await app.inject({
      method: 'POST',
      url: '/api/v1/portal/complaints/answer',
      payload: { token: receipt.trackingToken, decision: 'reject' },
    });
    expect(noReason.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('portal choices and presets', () => {
  it('should record the option the customer chooses as the agreed terms (R-RES-7)', async () => {
    const { agent, manager } = world.users;
    const receipt = await submit('13200000006');
    await staffAct(agent.session, receipt.number, {
      type: 'triage',
      classification: {
        nature: 'spoilage',
        severity: 'major',
        validity: 'valid',
        responsibilityStage: 'logistics',
        misuse: false,
      },
    });
    await staffAct(agent.session, receipt.number, {
      type: 'assign',
      departmentId: world.depts.PROD.id,
      assigneeId: manager.id,
    });
    await staffAct(manager.session, receipt.number, { type: 'start_investigation' });
    await staffAct(manager.session, receipt.number, {
      type: 'propose_solution',
      options: [
        { kind: 'replacement', description: '更换两箱新批次牛奶', amountFen: 0 },
        { kind: 'refund', description: '全额退款 59 元', amountFen: 5900 },
      ],
    });
    await staffAct(manager.session, receipt.number, { type: 'send_to_customer' });
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/portal/complaints/answer',
      payload: { token: receipt.trackingToken, decision: 'accept', optionIndex: 5 },
    });
    expect(wrong.json().error.code).toBe('PORTAL_ACTION_NOT_AVAILABLE');
    const chosen = await app.inject({
      method: 'POST',
      url: '/api/v1/portal/complaints/answer',
      payload: { token: receipt.trackingToken, decision: 'accept', optionIndex: 1 },
    });
    expect(chosen.json()).toMatchObject({ status: 'agreed', agreement: { terms: '全额退款 59 元' } });
  });

  it('should take a portal complaint even when the preset has a field only staff can fill, and keep its type checks', async () => {
    const policy = (
      await app.inject({
        method: 'GET',
        url: '/api/v1/policies/custom_fields',
        headers: world.users.agent.session.headers,
      })
    ).json();
    await putPolicy('custom_fields', policy.version, [
      {
        key: 'vin',
        label: { 'zh-CN': '车架号', en: 'VIN' },
        type: 'text',
        required: true,
        pattern: '^[A-HJ-NPR-Z0-9]{17}$',
      },
    ]);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/portal/complaints',
      payload: submission('13200000007'),
      headers: { 'x-forwarded-for': '10.0.0.9' },
    });
    expect(ok.statusCode).toBe(201);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/portal/complaints',
      payload: { ...submission('13200000008'), customFields: { vin: 'not-a-vin' } },
      headers: { 'x-forwarded-for': '10.0.0.9' },
    });
    expect(bad.json().error).toMatchObject({ code: 'CUSTOM_FIELD_INVALID' });
    const staff = await app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: world.users.agent.session.headers,
      payload: {
        channel: 'hotline',
        customer: { name: '车主', type: 'consumer' },
        problem: { description: '刹车异响' },
        injury: 'none',
      },
    });
    expect(staff.json().error).toMatchObject({
      code: 'CUSTOM_FIELD_INVALID',
      details: { problems: [{ key: 'vin', problem: 'required' }] },
    });
  });
});
