import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDeadlines } from '../../app/complaints/sweep-deadlines';
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
let hair: { id: string; number: string };

const get = async (s: Session, url: string) => {
  const res = await app.inject({ method: 'GET', url, headers: s.headers });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> & { items?: unknown[] } };
};
const act = async (s: Session, id: string, body: Record<string, unknown>) => {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${id}/transitions`,
    headers: s.headers,
    payload: body as never,
  });
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
};

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  // Monday 2 March 2026, 10:00 in Shanghai: a working day.
  deps.clock.set(new Date('2026-03-02T02:00:00Z'));
  world = await createComplaintWorld(deps, app);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: world.users.agent.session.headers,
    payload: hotlineComplaint() as never,
  });
  hair = res.json().complaint;
  await act(world.users.agent.session, hair.id, {
    type: 'triage',
    classification: {
      nature: 'foreign_matter',
      severity: 'major',
      validity: 'valid',
      responsibilityStage: 'production',
    },
  });
  await act(world.users.agent.session, hair.id, {
    type: 'assign',
    departmentId: world.depts.PROD.id,
    assigneeId: world.users.manager.id,
  });
  await app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${hair.id}/communications`,
    headers: world.users.agent.session.headers,
    payload: { channel: 'phone', direction: 'outbound', summary: '已致电客户说明处理流程' },
  });
});
afterAll(async () => close());

describe('queue rows for the console (issue 4 work queue)', () => {
  it('should carry the nearest open clock with its warn time, and the owner and department names', async () => {
    const q = await get(world.users.service.session, '/api/v1/complaints');
    const row = (q.body.items as Record<string, unknown>[]).find((i) => i.id === hair.id);
    expect(row).toMatchObject({ assigneeName: expect.any(String), departmentName: expect.any(String) });
    const clock = row?.nextClock as { dueAt: string; warnAt: string; label: { 'zh-CN': string } };
    expect(clock.label['zh-CN']).not.toBe('');
    expect(new Date(clock.warnAt).getTime()).toBeLessThanOrEqual(new Date(clock.dueAt).getTime());
    expect(clock.dueAt).toBe(row?.nextDueAt);
  });

  it('should list only escalated complaints with escalated=true, once a breach escalated one (R-ESC-1)', async () => {
    expect((await get(world.users.service.session, '/api/v1/complaints?escalated=true')).body.items).toEqual(
      [],
    );
    deps.clock.set(new Date('2026-03-20T02:00:00Z'));
    await sweepDeadlines(deps);
    await loginAgain(app, world);
    const escalated = await get(world.users.service.session, '/api/v1/complaints?escalated=true');
    expect((escalated.body.items as { id: string; escalationLevel: number }[]).map((i) => i.id)).toEqual([
      hair.id,
    ]);
    const calm = await get(world.users.service.session, '/api/v1/complaints?escalated=false');
    expect((calm.body.items as { id: string }[]).map((i) => i.id)).not.toContain(hair.id);
  });
});

describe('complaint timeline (issue 4 detail page)', () => {
  it('should merge audit entries, communications and events, newest first, without personal data values', async () => {
    const t = await get(world.users.manager.session, `/api/v1/complaints/${hair.id}/timeline`);
    expect(t.status).toBe(200);
    const items = t.body.items as {
      source: string;
      kind: string;
      at: string;
      detail: Record<string, unknown>;
    }[];
    expect(new Set(items.map((i) => i.source))).toEqual(new Set(['audit', 'communication', 'event']));
    expect(items.map((i) => i.at)).toEqual([...items.map((i) => i.at)].sort().reverse());
    expect(items.find((i) => i.source === 'communication')).toMatchObject({
      summary: '已致电客户说明处理流程',
    });
    expect(items.some((i) => i.source === 'event' && i.kind.includes('assigned'))).toBe(true);
    expect(JSON.stringify(t.body)).not.toContain('1234 5678');
  });

  it('should answer 404 to a user outside the complaint’s departments (R-SEC-1)', async () => {
    const sales = await createDepartmentFx(deps, 'SALES2', world.depts.HQ);
    await createUserFx(deps, 'sales.agent2', ['agent'], [sales]);
    const outsider = await loginFx(app, 'sales.agent2');
    const t = await get(outsider, `/api/v1/complaints/${hair.id}/timeline`);
    expect(t.status).toBe(404);
    expect((t.body.error as { code: string }).code).toBe('COMPLAINT_NOT_FOUND');
  });
});

describe('session probe for the console', () => {
  it('should answer 200 with no session when signed out, and the session when signed in', async () => {
    const out = await app.inject({ method: 'GET', url: '/api/v1/auth/probe' });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ session: null });
    const bogus = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/probe',
      headers: { cookie: 'cl_session=forged' },
    });
    expect(bogus.json()).toEqual({ session: null });
    const me = await get(world.users.agent.session, '/api/v1/auth/probe');
    expect(me.status).toBe(200);
    expect(me.body.session).toMatchObject({
      user: { username: world.users.agent.username },
      csrfToken: expect.any(String),
    });
  });
});

describe('dashboard (issue 4)', () => {
  it('should count open complaints by status and severity, breaches today, the trend and my items', async () => {
    const d = await get(world.users.service.session, '/api/v1/dashboard?days=30');
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({
      timeZone: 'Asia/Shanghai',
      today: '2026-03-20',
      openByStatus: { assigned: 1 },
      openBySeverity: { major: 1 },
      openTotal: 1,
      breachedOpen: 1,
    });
    expect(d.body.breachesToday).toBeGreaterThanOrEqual(1);
    const trend = d.body.trend as { day: string; received: number }[];
    expect(trend).toHaveLength(30);
    expect(trend.find((x) => x.day === '2026-03-02')?.received).toBe(1);
    const mine = await get(world.users.manager.session, '/api/v1/dashboard');
    expect(mine.body.mine).toEqual({ open: 1, breached: 1 });
  });

  it('should count nothing outside the viewer’s departments, and refuse a bad window', async () => {
    const outsider = await loginFx(app, 'sales.agent2');
    const d = await get(outsider, '/api/v1/dashboard');
    expect(d.body).toMatchObject({ openTotal: 0, breachesToday: 0, breachedOpen: 0 });
    const bad = await get(world.users.service.session, '/api/v1/dashboard?days=1000');
    expect(bad.status).toBe(400);
    expect((bad.body.error as { code: string }).code).toBe('VALIDATION_FAILED');
  });
});
