import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createComplaintWorld,
  hotlineComplaint,
  loginAgain,
  type ComplaintWorld,
} from '../../../test/factories/complaint.factory';
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

type Deadline = { kind: string; state: string };
const stateOf = (c: { deadlines: Deadline[] }, kind: string) =>
  c.deadlines.find((d) => d.kind === kind)?.state;

describe('handling milestones meet their clocks', () => {
  it('should meet the emergency clock (R-SLA-4) and run the returned-unit clock (R-SLA-12) from arrival to analysis', async () => {
    const s = world.users.agent.session;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: s.headers,
      payload: hotlineComplaint({
        problem: { description: '电水壶使用时漏电，手被电了一下', scope: 'single_unit' },
        injury: 'minor',
      }) as never,
    });
    const c = created.json().complaint;
    const triaged = await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${c.id}/transitions`,
      headers: s.headers,
      payload: {
        type: 'triage',
        classification: {
          nature: 'safety',
          severity: 'serious',
          validity: 'valid',
          responsibilityStage: 'design',
          misuse: false,
        },
      },
    });
    expect(stateOf(triaged.json(), 'R-SLA-4')).toBe('open');
    const milestone = (body: Record<string, unknown>) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${c.id}/milestones`,
        headers: world.users.agent.session.headers,
        payload: body as never,
      });
    expect(
      stateOf(
        (await milestone({ milestone: 'emergency_started', note: '已通知售后上门回收' })).json(),
        'R-SLA-4',
      ),
    ).toBe('met');
    const arrived = (await milestone({ milestone: 'unit_received' })).json();
    expect(stateOf(arrived, 'R-SLA-12')).toBe('open');
    deps.clock.advance(3 * 3_600_000);
    await loginAgain(app, world);
    const analysed = await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${c.id}/milestones`,
      headers: world.users.engineer.session.headers,
      payload: { milestone: 'unit_analysed' },
    });
    expect(analysed.statusCode).toBe(404); // the engineer's department does not own it yet (R-SEC-1)
    const done = await milestone({ milestone: 'unit_analysed' });
    expect(done.statusCode, done.body).toBe(200);
    expect(stateOf(done.json(), 'R-SLA-12')).toBe('met');
  });

  it('should refuse an unknown milestone and a closed complaint', async () => {
    await loginAgain(app, world);
    const s = world.users.agent.session;
    const c = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: s.headers,
        payload: hotlineComplaint({
          customer: { name: '钱先生', phone: '13055556666', type: 'consumer' },
        }) as never,
      })
    ).json().complaint;
    const bad = await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${c.id}/milestones`,
      headers: s.headers,
      payload: { milestone: 'resolved' },
    });
    expect(bad.statusCode).toBe(400);
    await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${c.id}/transitions`,
      headers: s.headers,
      payload: { type: 'withdraw', reason: '顾客撤回' },
    });
    const closed = await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${c.id}/milestones`,
      headers: s.headers,
      payload: { milestone: 'report_issued' },
    });
    expect(closed.json().error.code).toBe('ILLEGAL_TRANSITION');
  });
});
