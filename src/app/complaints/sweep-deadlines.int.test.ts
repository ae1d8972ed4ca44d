import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client';
import {
  createComplaintWorld,
  hotlineComplaint,
  loginAgain,
  type ComplaintWorld,
} from '../../../test/factories/complaint.factory';
import { createTestApp } from '../../../test/test-app';
import { openSecondDb, type TestDeps } from '../../../test/test-deps';
import { sweepDeadlines } from './sweep-deadlines';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let world: ComplaintWorld;

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  deps.clock.set(new Date('2026-03-02T02:00:00Z')); // Monday 10:00 Asia/Shanghai
  world = await createComplaintWorld(deps, app);
});
afterAll(async () => close());

const register = async () => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: world.users.agent.session.headers,
    payload: hotlineComplaint() as never,
  });
  if (res.statusCode !== 201) throw new Error(`intake ${res.statusCode} ${res.body}`);
  return res.json().complaint as { id: string; number: string };
};

const clock = async (complaintId: string, kind: string) =>
  (
    await rowsOf<{ warned: boolean; breached: boolean; level: number }>(
      deps.db.reader(),
      sql`select warned_at is not null as warned, breached_at is not null as breached, escalation_level as level
        from complaint_deadlines where complaint_id = ${complaintId} and kind = ${kind}`,
    )
  )[0];

const count = async (query: ReturnType<typeof sql>) =>
  Number((await rowsOf<{ n: number }>(deps.db.reader(), query))[0]?.n ?? 0);

describe('deadline sweep (R-ESC-1, R-KPI-2)', () => {
  it('should warn once near the due time, then breach once and escalate one level to the department manager', async () => {
    const c = await register();
    const assign = await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${c.id}/transitions`,
      headers: world.users.agent.session.headers,
      payload: { type: 'assign', departmentId: world.depts.PROD.id, assigneeId: world.users.engineer.id },
    });
    expect(assign.statusCode).toBe(409); // not triaged yet: assignment needs a confirmed classification first
    await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${c.id}/transitions`,
      headers: world.users.agent.session.headers,
      payload: {
        type: 'triage',
        classification: {
          nature: 'foreign_matter',
          severity: 'major',
          validity: 'valid',
          responsibilityStage: 'production',
          misuse: false,
        },
      },
    });
    await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${c.id}/transitions`,
      headers: world.users.agent.session.headers,
      payload: { type: 'assign', departmentId: world.depts.PROD.id, assigneeId: world.users.engineer.id },
    });
    // R-SLA-3: the manager's call-back is due 2 h after assignment; warning at 75 % = 1 h 30.
    deps.clock.advance(95 * 60_000);
    const first = await sweepDeadlines(deps);
    expect(first.warned).toBeGreaterThanOrEqual(1);
    expect(await clock(c.id, 'R-SLA-3')).toMatchObject({ warned: true, breached: false });
    expect((await sweepDeadlines(deps)).warned).toBe(0);

    deps.clock.advance(30 * 60_000);
    const breach = await sweepDeadlines(deps);
    expect(breach.breached).toBeGreaterThanOrEqual(1);
    expect(await clock(c.id, 'R-SLA-3')).toMatchObject({ breached: true, level: 1 });
    expect((await sweepDeadlines(deps)).breached).toBe(0);

    const escalated = await rowsOf<{ level: number; breached: boolean }>(
      deps.db.reader(),
      sql`select escalation_level as level, breached from complaints where id = ${c.id}`,
    );
    expect(escalated[0]).toEqual({ level: 1, breached: true });
    const event = await rowsOf<{ owner: string }>(
      deps.db.reader(),
      sql`select payload->'owner'->>'userId' as owner from outbox_events where type = 'deadline.breached' and aggregate_id = ${c.id} and payload->'deadline'->>'kind' = 'R-SLA-3'`,
    );
    expect([world.users.manager.id, world.users.manager2.id]).toContain(event[0]?.owner);
    expect(
      await count(
        sql`select count(*)::int as n from kpi_events where complaint_id = ${c.id} and rule = 'R-KPI-2' and points = -2`,
      ),
    ).toBeGreaterThanOrEqual(1);
    await loginAgain(app, world);
    const queue = (
      await app.inject({
        method: 'GET',
        url: '/api/v1/complaints?breached=true',
        headers: world.users.service.session.headers,
      })
    ).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(c.id);
  });

  it('should breach each clock exactly once when two sweepers run at the same time', async () => {
    await loginAgain(app, world);
    const before = await count(
      sql`select count(*)::int as n from outbox_events where type = 'deadline.breached'`,
    );
    const created = [];
    for (let i = 0; i < 8; i += 1) created.push(await register());
    deps.clock.advance(3 * 86_400_000);
    const second = await openSecondDb(deps);
    const [a, b] = await Promise.all([sweepDeadlines(deps), sweepDeadlines({ ...deps, db: second.db })]);
    await second.close();
    const breachedClocks = await count(
      sql`select count(*)::int as n from complaint_deadlines where breached_at is not null and complaint_id in ${created.map((c) => c.id)}`,
    );
    expect(a.breached + b.breached).toBeGreaterThanOrEqual(breachedClocks);
    const events = await count(
      sql`select count(*)::int as n from outbox_events where type = 'deadline.breached'`,
    );
    const kpi = await count(sql`select count(*)::int as n from kpi_events where rule = 'R-KPI-2'`);
    const distinctKpi = await count(
      sql`select count(distinct deadline_id)::int as n from kpi_events where rule = 'R-KPI-2'`,
    );
    expect(events - before).toBe(a.breached + b.breached);
    expect(kpi).toBe(distinctKpi);
    expect((await sweepDeadlines(deps)).breached).toBe(0);
    // The sweep stores the due summary without re-reading the clocks: it must equal what the clocks give.
    const drift = await rowsOf<{ number: string }>(
      deps.db.reader(),
      sql`select c.number from complaints c
           left join (select complaint_id, min(due_at) filter (where not paused) as next_due_at,
                             bool_or(breached_at is not null) as breached
                        from complaint_deadlines where met_at is null and cancelled_at is null
                       group by complaint_id) s on s.complaint_id = c.id
          where c.id in ${created.map((c) => c.id)}
            and (c.next_due_at is distinct from s.next_due_at or c.breached <> coalesce(s.breached, false))`,
    );
    expect(drift).toEqual([]);
    expect(
      await count(
        sql`select count(*)::int as n from complaints where breached and id in ${created.map((c) => c.id)}`,
      ),
    ).toBe(created.length);
  });
});
