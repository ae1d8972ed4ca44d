import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createComplaintWorld,
  hotlineComplaint,
  loginAgain,
  type ComplaintWorld,
} from '../../../test/factories/complaint.factory';
import type { Session } from '../../../test/factories/identity.factory';
import { createTestApp } from '../../../test/test-app';
import { rowsOf } from '../../db/client';
import type { TestDeps } from '../../../test/test-deps';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let world: ComplaintWorld;

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  // Monday 2026-03-02 10:00 Asia/Shanghai: inside business hours.
  deps.clock.set(new Date('2026-03-02T02:00:00Z'));
  world = await createComplaintWorld(deps, app);
});
afterAll(async () => close());

const post = (s: Session, url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, headers: s.headers, payload: payload as never });
const get = (s: Session, url: string) => app.inject({ method: 'GET', url, headers: s.headers });
const act = async (s: Session, id: string, body: Record<string, unknown>) => {
  const res = await post(s, `/api/v1/complaints/${id}/transitions`, body);
  if (res.statusCode !== 200) throw new Error(`${String(body.type)} → ${res.statusCode} ${res.body}`);
  return res.json();
};

describe('complaint loop through the API', () => {
  it('should take a hotline complaint from intake to closure with clocks, audit and notifications', async () => {
    const { agent, manager } = world.users;
    const created = await post(agent.session, '/api/v1/complaints', hotlineComplaint());
    expect(created.statusCode).toBe(201);
    const intake = created.json();
    expect(intake.complaint).toMatchObject({
      number: 'KS-2026-000001',
      status: 'registered',
      channel: 'hotline',
      injury: 'none',
    });
    expect(intake.trackingToken).toEqual(expect.any(String));
    expect(intake.suggestion).toMatchObject({ nature: 'foreign_matter', severity: 'major' });
    const id = intake.complaint.id as string;
    const kinds = (intake.complaint.deadlines as { kind: string }[]).map((d) => d.kind);
    expect(kinds).toEqual(expect.arrayContaining(['R-SLA-5', 'R-SLA-8', 'R-SLA-9', 'R-SLA-13']));
    expect(intake.complaint.allowedActions).toEqual(expect.arrayContaining(['triage', 'withdraw']));

    await act(agent.session, id, {
      type: 'triage',
      classification: {
        nature: 'foreign_matter',
        severity: 'major',
        validity: 'valid',
        responsibilityStage: 'production',
        misuse: false,
      },
    });
    await act(agent.session, id, {
      type: 'assign',
      departmentId: world.depts.PROD.id,
      assigneeId: manager.id,
    });
    await act(manager.session, id, { type: 'start_investigation' });
    await act(manager.session, id, {
      type: 'propose_solution',
      options: [{ kind: 'company_products', description: '赔偿同款雪饼五包并致歉', amountFen: 0 }],
    });
    await act(manager.session, id, { type: 'send_to_customer' });
    await act(agent.session, id, {
      type: 'customer_accept',
      executionDueAt: '2026-03-10T09:00:00Z',
      terms: '五包雪饼三日内寄出',
    });
    await act(manager.session, id, { type: 'start_execution' });
    const resolved = await act(manager.session, id, { type: 'resolve', summary: '已寄出并电话致歉' });
    expect(resolved.status).toBe('resolved');
    expect(
      (resolved.deadlines as { kind: string; state: string }[]).find((d) => d.kind === 'R-SLA-14'),
    ).toMatchObject({ state: 'open' });
    const followUps = (await get(agent.session, '/api/v1/follow-ups')).json();
    expect(followUps.items.map((f: { complaint: { id: string } }) => f.complaint.id)).toContain(id);
    deps.clock.advance(5 * 86_400_000);
    await loginAgain(app, world);
    await act(world.users.agent.session, id, { type: 'start_follow_up' });
    const closed = await act(world.users.agent.session, id, {
      type: 'record_follow_up',
      satisfied: true,
      csat: 5,
      comment: '满意',
    });
    expect(closed).toMatchObject({
      status: 'closed',
      allowedActions: [],
      closure: { kind: 'closed', reason: null, by: world.users.agent.id },
    });
    expect(
      (closed.deadlines as { state: string }[]).every((d) => ['met', 'late', 'cancelled'].includes(d.state)),
    ).toBe(true);

    const history = (
      await get(world.users.gm.session, `/api/v1/audit?entityType=complaint&entityId=${id}&limit=50`)
    ).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual([
      'complaint.registered',
      'complaint.triage',
      'complaint.assign',
      'complaint.start_investigation',
      'complaint.propose_solution',
      'complaint.send_to_customer',
      'complaint.customer_accept',
      'complaint.start_execution',
      'complaint.resolve',
      'complaint.start_follow_up',
      'complaint.record_follow_up',
    ]);
    const events = await deps.db
      .reader()
      .execute(sql`select type from outbox_events where aggregate_id = ${id} order by occurred_at, type`);
    const types = (events as unknown as { rows: { type: string }[] }).rows.map((r) => r.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'complaint.registered',
        'complaint.assigned',
        'complaint.sent_to_customer',
        'complaint.resolved',
        'complaint.closed',
      ]),
    );
  });

  it('should alert the duty service manager at once after hours and inform the GM of a major complaint (R-INT-5, R-CLS-3)', async () => {
    deps.clock.set(new Date('2026-03-02T14:05:00Z'));
    await loginAgain(app, world);
    const { agent, service, gm } = world.users;
    const res = await post(
      agent.session,
      '/api/v1/complaints',
      hotlineComplaint({
        receivedAt: '2026-03-02T14:00:00Z', // Monday 22:00 Asia/Shanghai: after hours
        customer: { name: '刘先生', phone: '13344445555', type: 'consumer' },
        problem: { description: '热水器使用时冒烟起火，家里人被烫伤送医院', scope: 'single_unit' },
        injury: 'serious',
        flags: ['media'],
      }),
    );
    expect(res.json().afterHours).toMatchObject({ handling: 'notify_on_call_now' });
    const id = res.json().complaint.id as string;
    const alerts = await deps.db
      .reader()
      .execute(
        sql`select payload->'owner'->>'userId' as owner from outbox_events where aggregate_id = ${id} and type = 'complaint.escalated'`,
      );
    const owners = (alerts as unknown as { rows: { owner: string }[] }).rows.map((r) => r.owner);
    expect(owners).toEqual(expect.arrayContaining([service.id, gm.id]));
  });

  it('should answer 409 ILLEGAL_TRANSITION listing the allowed commands', async () => {
    const { agent } = world.users;
    const intake = (
      await post(
        agent.session,
        '/api/v1/complaints',
        hotlineComplaint({ customer: { name: '李先生', phone: '13900001111', type: 'consumer' } }),
      )
    ).json();
    const res = await post(agent.session, `/api/v1/complaints/${intake.complaint.id}/transitions`, {
      type: 'resolve',
      summary: 'x',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      details: { status: 'registered', allowed: expect.arrayContaining(['triage']) },
    });
  });
});

describe('re-submissions at intake (R-INT-3)', () => {
  it('should suggest the earlier complaint of the same caller and product as a duplicate, and leave another caller alone', async () => {
    const { agent } = world.users;
    const phone = '139 8765 4321';
    const first = await post(
      agent.session,
      '/api/v1/complaints',
      hotlineComplaint({ customer: { name: '钱先生', phone, type: 'consumer' } }),
    );
    expect(first.statusCode, first.body).toBe(201);
    deps.clock.advance(3_600_000);
    const again = await post(
      agent.session,
      '/api/v1/complaints',
      hotlineComplaint({
        channel: 'portal',
        customer: { name: '钱先生', phone: '13987654321', type: 'consumer' },
      }),
    );
    expect(again.statusCode, again.body).toBe(201);
    const intake = again.json();
    expect(intake.duplicates).toEqual([
      expect.objectContaining({ id: first.json().complaint.id, number: first.json().complaint.number }),
    ]);
    expect(intake.rules).toContainEqual({
      rule: 'R-INT-3',
      detail: '1 possible re-submission(s) suggested for linking',
    });
    const links = await rowsOf<{ kind: string; status: string }>(
      deps.db.reader(),
      sql`select kind, status from complaint_links where from_id = ${intake.complaint.id} and to_id = ${first.json().complaint.id}`,
    );
    expect(links).toEqual([{ kind: 'duplicate', status: 'suggested' }]);

    const stranger = await post(
      agent.session,
      '/api/v1/complaints',
      hotlineComplaint({ customer: { name: '孙女士', phone: '137 0000 1111', type: 'consumer' } }),
    );
    expect(stranger.json().duplicates).toEqual([]);
  });
});
