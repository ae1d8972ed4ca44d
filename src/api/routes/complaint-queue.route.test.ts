import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createComplaintWorld,
  hotlineComplaint,
  loginAgain,
  type ComplaintWorld,
} from '../../../test/factories/complaint.factory';
import {
  createDepartmentFx,
  createUserFx,
  loginFx,
  type Session,
} from '../../../test/factories/identity.factory';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let world: ComplaintWorld;
const ids: Record<string, string> = {};

const intake = async (s: Session, body: Record<string, unknown>) => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: s.headers,
    payload: body as never,
  });
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json().complaint as { id: string; number: string; version: number };
};
const act = (s: Session, id: string, body: Record<string, unknown>) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${id}/transitions`,
    headers: s.headers,
    payload: body as never,
  });
const queue = async (s: Session, query = '') => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/complaints${query}`, headers: s.headers });
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as {
    items: { id: string; number: string }[];
    nextCursor: string | null;
    counts: Record<string, number>;
  };
};
const triage = {
  type: 'triage',
  classification: {
    nature: 'foreign_matter',
    severity: 'major',
    validity: 'valid',
    responsibilityStage: 'production',
    misuse: false,
  },
};

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  deps.clock.set(new Date('2026-03-02T02:00:00Z'));
  world = await createComplaintWorld(deps, app);
  const { agent, agent2 } = world.users;
  ids.hair = (await intake(agent.session, hotlineComplaint())).id;
  ids.glass = (
    await intake(
      agent.session,
      hotlineComplaint({
        customer: { name: '陈先生', phone: '13711112222', type: 'consumer' },
        product: { name: '全麦面包', batchNo: 'B0301' },
        problem: { description: '面包里吃出一小块玻璃碴，牙齿硌坏了', scope: 'single_unit' },
        injury: 'minor',
      }),
    )
  ).id;
  ids.praise = (
    await intake(agent2.session, {
      kind: 'praise',
      channel: 'email',
      customer: { name: '周小姐', type: 'consumer' },
      problem: { description: '快递小哥送货很及时，点赞' },
      injury: 'none',
    })
  ).id;
  await act(agent.session, ids.hair, triage);
  await act(agent.session, ids.hair, {
    type: 'assign',
    departmentId: world.depts.PROD.id,
    assigneeId: world.users.manager.id,
  });
});
afterAll(async () => close());

describe('work queue (issue 3 §6)', () => {
  it('should list open complaints next-due first with counts by status', async () => {
    const q = await queue(world.users.service.session);
    expect(q.items.map((i) => i.id)).toEqual(expect.arrayContaining([ids.hair, ids.glass, ids.praise]));
    expect(q.counts).toMatchObject({ registered: 2, assigned: 1 });
  });

  it.each([
    ['status', '?status=assigned', ['hair']],
    ['severity', '?severity=major', ['hair']],
    ['kind', '?kind=praise', ['praise']],
    ['batch', '?batchNo=B0301', ['glass']],
    ['channel', '?channel=email', ['praise']],
    ['number', '?q=KS-2026-000002', ['glass']],
    ['phone in another format', '?q=%2B86%20137-1111-2222', ['glass']],
    ['Chinese words of the description', `?q=${encodeURIComponent('玻璃碴')}`, ['glass']],
    ['two-character word', `?q=${encodeURIComponent('头发')}`, ['hair']],
    ['customer name', `?q=${encodeURIComponent('周小姐')}`, ['praise']],
  ])('should filter by %s', async (_name, query, expected) => {
    const q = await queue(world.users.service.session, query);
    expect(q.items.map((i) => i.id).sort()).toEqual(expected.map((k) => ids[k] ?? k).sort());
  });

  it('should show "my" items to the assignee', async () => {
    const mine = await queue(world.users.manager.session, '?assignee=me');
    expect(mine.items.map((i) => i.id)).toEqual([ids.hair]);
  });

  it('should page with a cursor without repeating', async () => {
    const first = await queue(world.users.service.session, '?limit=2');
    const second = await queue(world.users.service.session, `?limit=2&cursor=${first.nextCursor}`);
    const all = [...first.items, ...second.items].map((i) => i.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining([ids.hair, ids.glass, ids.praise]));
  });

  it('should keep a complaint away from an agent of another department, in the queue and by id (R-SEC-1)', async () => {
    const sales = await createDepartmentFx(deps, 'SALES', world.depts.HQ);
    await createUserFx(deps, 'sales.agent', ['agent'], [sales]);
    const outsider = await loginFx(app, 'sales.agent');
    expect((await queue(outsider)).items).toEqual([]);
    const byId = await app.inject({
      method: 'GET',
      url: `/api/v1/complaints/${ids.hair}`,
      headers: outsider.headers,
    });
    expect(byId.statusCode).toBe(404);
    expect(byId.json().error.code).toBe('COMPLAINT_NOT_FOUND');
    expect((await act(outsider, ids.hair ?? '', { type: 'withdraw', reason: 'x' })).statusCode).toBe(404);
    const owner = await app.inject({
      method: 'GET',
      url: `/api/v1/complaints/${ids.hair}`,
      headers: world.users.manager.session.headers,
    });
    expect(owner.statusCode).toBe(200);
  });

  it('should mask the customer phone for roles without pii.reveal (R-SEC-1)', async () => {
    const eng = await app.inject({
      method: 'GET',
      url: `/api/v1/complaints/${ids.hair}`,
      headers: world.users.qa.session.headers,
    });
    expect(eng.json().customer.phone).toBe('138****5678');
    const agent = await app.inject({
      method: 'GET',
      url: `/api/v1/complaints/${ids.hair}`,
      headers: world.users.agent.session.headers,
    });
    expect(agent.json().customer.phone).toBe('138 1234 5678');
  });
});

describe('re-review and escalation chain (R-ESC-2, R-RES-7)', () => {
  it('should need another reviewer, then the service manager, after the customer rejects twice', async () => {
    const { agent, manager, manager2, service } = world.users;
    const c = await intake(
      agent.session,
      hotlineComplaint({ customer: { name: '黄先生', phone: '13522223333', type: 'consumer' } }),
    );
    await act(agent.session, c.id, triage);
    await act(agent.session, c.id, {
      type: 'assign',
      departmentId: world.depts.PROD.id,
      assigneeId: manager.id,
    });
    await act(manager.session, c.id, { type: 'start_investigation' });
    const plan = {
      type: 'propose_solution',
      options: [{ kind: 'voucher', description: '50 元代金券', amountFen: 5000 }],
    };
    expect((await act(manager.session, c.id, plan)).statusCode).toBe(200);
    await act(manager.session, c.id, { type: 'send_to_customer' });
    const rejected = await act(agent.session, c.id, {
      type: 'customer_reject',
      reason: '代金券不要，要求退款',
    });
    expect(rejected.json()).toMatchObject({ status: 'investigating', reviewLevel: 1 });
    const same = await act(manager.session, c.id, plan);
    expect(same.statusCode).toBe(422);
    expect(same.json().error).toMatchObject({
      code: 'TRANSITION_GUARD_FAILED',
      details: { rule: 'R-ESC-2' },
    });
    expect(
      (
        await act(manager2.session, c.id, {
          ...plan,
          options: [{ kind: 'refund', description: '全额退款', amountFen: 2590 }],
        })
      ).statusCode,
    ).toBe(200);
    await act(manager2.session, c.id, { type: 'send_to_customer' });
    await act(agent.session, c.id, { type: 'customer_reject', reason: '还要赔偿精神损失' });
    const byManager = await act(manager2.session, c.id, plan);
    expect(byManager.json().error.code).toBe('TRANSITION_GUARD_FAILED');
    const notices = await deps.db
      .reader()
      .execute(
        sql`select payload->'owner'->>'userId' as owner from outbox_events where aggregate_id = ${c.id} and type = 'complaint.escalated' order by occurred_at`,
      );
    const owners = (notices as unknown as { rows: { owner: string | null }[] }).rows.map((r) => r.owner);
    // The first re-review goes to the other department manager, the second to the service manager (R-ESC-2).
    expect(owners).toEqual([manager2.id, service.id]);
    const byService = await act(service.session, c.id, {
      ...plan,
      options: [{ kind: 'refund', description: '退款并赠送礼盒', amountFen: 2590 }],
    });
    expect(byService.statusCode).toBe(200);
  });
});

describe('bad input and concurrency on complaint writes', () => {
  it.each([
    ['missing injury answer (R-AE-1)', { ...hotlineComplaint(), injury: undefined }],
    ['unknown channel', hotlineComplaint({ channel: 'pigeon' })],
    ['description too long', hotlineComplaint({ problem: { description: '长'.repeat(5001) } })],
    ['negative claimed amount', hotlineComplaint({ claimedAmountFen: -1 })],
    ['unknown field', { ...hotlineComplaint(), secret: 1 }],
    ['bad date', hotlineComplaint({ product: { purchaseDate: '2026-13-45' } })],
  ])('should refuse %s with 400 and write nothing', async (_name, body) => {
    const before = (await queue(world.users.service.session, '?open=false&limit=200')).items.length;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: world.users.agent.session.headers,
      payload: body as never,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect((await queue(world.users.service.session, '?open=false&limit=200')).items.length).toBe(before);
  });

  it('should refuse a receivedAt in the future with 422', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: world.users.agent.session.headers,
      payload: hotlineComplaint({ receivedAt: '2030-01-01T00:00:00Z' }) as never,
    });
    expect(res.json().error.code).toBe('RECEIVED_AT_INVALID');
  });

  it('should let exactly one of two concurrent edits of the same version win (409 for the other)', async () => {
    const c = await intake(
      world.users.agent.session,
      hotlineComplaint({ customer: { name: '孙女士', phone: '13633334444', type: 'consumer' } }),
    );
    const edit = (symptom: string) =>
      app.inject({
        method: 'PATCH',
        url: `/api/v1/complaints/${c.id}`,
        headers: { ...world.users.agent.session.headers, 'if-match': `"${c.version}"` },
        payload: { problem: { symptom } },
      });
    const results = await Promise.all([edit('头发长约 5 厘米'), edit('黑色短发')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });
});

describe('bad input on every complaint write route writes nothing', () => {
  const auditCount = async () => {
    const r = await deps.db.reader().execute(sql`select count(*)::int as n from audit_log`);
    return Number((r as unknown as { rows: { n: number }[] }).rows[0]?.n);
  };
  const cases: [string, string, string, unknown][] = [
    ['transition with an unknown command', 'POST', 'transitions', { type: 'teleport' }],
    [
      'triage with an unknown nature',
      'POST',
      'transitions',
      { type: 'triage', classification: { nature: 'magic', severity: 'major' } },
    ],
    ['assign without a department', 'POST', 'transitions', { type: 'assign' }],
    ['propose with no options', 'POST', 'transitions', { type: 'propose_solution', options: [] }],
    [
      'accept with a bad date',
      'POST',
      'transitions',
      { type: 'customer_accept', executionDueAt: 'next week', terms: 'x' },
    ],
    ['follow-up with CSAT 9', 'POST', 'transitions', { type: 'record_follow_up', satisfied: true, csat: 9 }],
    [
      'communication with an unknown channel',
      'POST',
      'communications',
      { channel: 'telegraph', direction: 'outbound', summary: 'x' },
    ],
    [
      'communication without a summary',
      'POST',
      'communications',
      { channel: 'phone', direction: 'outbound' },
    ],
    ['milestone in the wrong shape', 'POST', 'milestones', { milestone: 42 }],
    ['edit with an unknown field', 'PATCH', '', { version: 1, status: 'closed' }],
    ['edit with an injury that is not an answer', 'PATCH', '', { version: 1, injury: 'maybe' }],
  ];
  it.each(cases)('should refuse %s with 400', async (_name, method, sub, payload) => {
    const before = await auditCount();
    const res = await app.inject({
      method: method as 'POST',
      url: `/api/v1/complaints/${ids.glass}${sub ? `/${sub}` : ''}`,
      headers: world.users.service.session.headers,
      payload: payload as never,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(await auditCount()).toBe(before);
  });
});

describe('intake timing rules', () => {
  const clockOf = (c: { deadlines: { kind: string; dueAt: string; state: string }[] }, kind: string) =>
    c.deadlines.find((d) => d.kind === kind);

  it('should start the clocks of a non-urgent complaint received after hours at the next working morning (R-INT-5)', async () => {
    deps.clock.set(new Date('2026-03-09T14:05:00Z')); // Monday 22:05 Asia/Shanghai
    await loginAgain(app, world);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: world.users.agent.session.headers,
      payload: hotlineComplaint({
        receivedAt: '2026-03-09T14:00:00Z',
        customer: { name: '郑先生', phone: '13900009999', type: 'consumer' },
        problem: { description: '包装盒有点压痕', scope: 'single_unit' },
        urgent: false,
      }) as never,
    });
    const body = res.json();
    expect(body.afterHours).toEqual({
      handling: 'next_working_day',
      processFrom: '2026-03-10T00:30:00.000Z',
    });
    // R-SLA-5 (24 h) counts from Tuesday 08:30, not from Monday 22:00.
    expect(clockOf(body.complaint, 'R-SLA-5')?.dueAt).toBe('2026-03-11T00:30:00.000Z');
  });

  it('should count a hand-off done late against the department (R-SLA-1, R-KPI-2)', async () => {
    deps.clock.set(new Date('2026-03-10T03:00:00Z')); // Tuesday 11:00
    await loginAgain(app, world);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: world.users.agent.session.headers,
      payload: hotlineComplaint({
        receivedAt: '2026-03-10T01:00:00Z', // received by sales at 09:00, handed to customer service at 11:00
        receivedOutsideCustomerService: true,
        customer: { name: '冯女士', phone: '13900008888', type: 'consumer' },
      }) as never,
    });
    const c = res.json().complaint;
    expect(clockOf(c, 'R-SLA-1')?.state).toBe('late');
    const kpi = await deps.db
      .reader()
      .execute(sql`select points from kpi_events where complaint_id = ${c.id} and rule = 'R-KPI-2'`);
    expect((kpi as unknown as { rows: { points: number }[] }).rows).toEqual([{ points: -2 }]);
  });
});
