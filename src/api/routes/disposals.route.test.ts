import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createComplaintWorld,
  loginAgain,
  type ComplaintWorld,
} from '../../../test/factories/complaint.factory';
import { createUserFx, loginFx, type Session } from '../../../test/factories/identity.factory';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import { finaliseLapsedDisposals } from '../../app/capa/disposals';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let world: ComplaintWorld;
let chief: Session;
let production: Session;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// Monday 4 May 2026, 10:00 in Shanghai: the window runs until Monday 11 May 24:00 (16:00 UTC).
const T0 = new Date('2026-05-04T02:00:00Z');
const UNTIL = '2026-05-11T16:00:00.000Z';

const at = async (d: Date): Promise<void> => {
  deps.clock.set(d);
  await loginAgain(app, world);
  chief = await loginFx(app, 'chief.sun');
  production = await loginFx(app, 'prod.liu');
};

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  deps.clock.set(T0);
  world = await createComplaintWorld(deps, app);
  await createUserFx(deps, 'chief.sun', ['chief_engineer'], [world.depts.QA]);
  await createUserFx(deps, 'prod.liu', ['production'], [world.depts.PROD]);
  await at(T0);
});
afterAll(async () => close());

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  app.inject({
    method,
    url,
    headers: s.headers,
    ...(payload !== undefined && { payload: payload as never }),
  });

const ok = async (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown, status = 200) => {
  const r = await call(s, method, url, payload);
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as Json;
};

const refused = async (s: Session, url: string, payload: unknown, status: number, code: string) => {
  const r = await call(s, 'POST', url, payload);
  expect({ status: r.statusCode, code: r.json().error?.code }, r.body).toEqual({ status, code });
};

const publish = () =>
  ok(
    world.users.qa.session,
    'POST',
    '/api/v1/disposals',
    {
      sourceType: 'management_review',
      nonconformity: '20260428A 批外箱印刷错位 300 箱',
      decision: '责任：包装车间；处置：返工重新装箱，费用由包装车间承担。',
    },
    201,
  );

describe('nonconformity disposal: published one week, objections, chief engineer (R-ESC-3)', () => {
  let id = '';

  it('should publish the decision with a one-week objection window and a CZ number (R-ESC-3)', async () => {
    const d = await publish();
    expect(d).toMatchObject({
      status: 'published',
      round: 1,
      objectionUntil: UNTIL,
      objections: [],
      ruling: null,
    });
    expect(d.number).toMatch(/^CZ-2026-\d{4}$/);
    id = d.id;
  });

  it('should require a reason for an objection', async () => {
    await refused(production, `/api/v1/disposals/${id}/objections`, {}, 400, 'VALIDATION_FAILED');
    await refused(
      production,
      `/api/v1/disposals/${id}/objections`,
      { reason: '   ' },
      400,
      'VALIDATION_FAILED',
    );
  });

  it('should send the first objection to re-investigation (R-ESC-3)', async () => {
    await at(new Date('2026-05-08T02:00:00Z'));
    const d = await ok(
      production,
      'POST',
      `/api/v1/disposals/${id}/objections`,
      { reason: '错位系来料印刷问题' },
      201,
    );
    expect(d).toMatchObject({ status: 'reinvestigating', round: 1 });
    expect(d.objections[0]).toMatchObject({
      round: 1,
      reason: '错位系来料印刷问题',
      decisionObjected: '责任：包装车间；处置：返工重新装箱，费用由包装车间承担。',
      reinvestigation: null,
    });
    expect(d.rules).toEqual([{ rule: 'R-ESC-3', detail: 'first_objection_reinvestigate' }]);
    await refused(
      production,
      `/api/v1/disposals/${id}/objections`,
      { reason: '再次' },
      409,
      'DISPOSAL_ILLEGAL_TRANSITION',
    );
    await refused(
      chief,
      `/api/v1/disposals/${id}/ruling`,
      { decision: 'x', reasoning: 'y' },
      409,
      'DISPOSAL_ILLEGAL_TRANSITION',
    );
  });

  it('should republish the re-investigated decision for a new week as round 2 (R-ESC-3)', async () => {
    await at(new Date('2026-05-12T02:00:00Z'));
    const d = await ok(world.users.qa.session, 'POST', `/api/v1/disposals/${id}/redecide`, {
      findings: '来料检验记录显示印刷合格，错位发生在装箱工序',
      decision: '维持原决定：包装车间返工。',
    });
    expect(d).toMatchObject({
      status: 'published',
      round: 2,
      decision: '维持原决定：包装车间返工。',
      publishedAt: '2026-05-12T02:00:00.000Z',
      objectionUntil: '2026-05-19T16:00:00.000Z',
    });
    expect(d.objections[0].reinvestigation).toMatchObject({ newDecision: '维持原决定：包装车间返工。' });
  });

  it('should send a second objection to the chief engineer (R-ESC-3)', async () => {
    const d = await ok(production, 'POST', `/api/v1/disposals/${id}/objections`, { reason: '仍有异议' }, 201);
    expect(d).toMatchObject({ status: 'awaiting_ruling', round: 2 });
    expect(d.rules).toEqual([{ rule: 'R-ESC-3', detail: 'second_objection_chief_engineer_rules' }]);
  });

  it('should let only the chief engineer rule, and make the ruling final (R-ESC-3)', async () => {
    const ruling = { decision: '责任各半：包装车间与采购部', reasoning: '来料公差偏大且装箱未复核' };
    for (const s of [world.users.qa.session, world.users.gm.session, world.users.service.session])
      await refused(s, `/api/v1/disposals/${id}/ruling`, ruling, 403, 'FORBIDDEN');
    const d = await ok(chief, 'POST', `/api/v1/disposals/${id}/ruling`, ruling);
    expect(d).toMatchObject({
      status: 'final',
      decision: ruling.decision,
      ruling: { ...ruling, byName: expect.any(String) },
    });
    await refused(
      production,
      `/api/v1/disposals/${id}/objections`,
      { reason: '不服' },
      409,
      'DISPOSAL_ILLEGAL_TRANSITION',
    );
  });
});

describe('the objection window ends (R-ESC-3)', () => {
  it('should refuse an objection after the week, and the window passing makes the decision final', async () => {
    await at(T0);
    const d = await publish();
    await at(new Date(new Date(UNTIL).getTime() - 60_000));
    expect(await finaliseLapsedDisposals(deps)).toBe(0);
    await at(new Date(UNTIL));
    await refused(
      production,
      `/api/v1/disposals/${d.id}/objections`,
      { reason: '晚了' },
      409,
      'DISPOSAL_OBJECTION_WINDOW_CLOSED',
    );
    expect(await finaliseLapsedDisposals(deps)).toBe(1);
    const final = await ok(world.users.qa.session, 'GET', `/api/v1/disposals/${d.id}`);
    expect(final).toMatchObject({ status: 'final', round: 1, objections: [], ruling: null });
    expect(await finaliseLapsedDisposals(deps)).toBe(0);
    const list = await ok(world.users.gm.session, 'GET', '/api/v1/disposals?status=final');
    expect(list.items.map((x: Json) => x.id)).toContain(d.id);
  });
});

describe('the objection window is policy (R-ESC-3, capa_policy)', () => {
  it('should refuse an invalid capa_policy and use the window an administrator sets', async () => {
    await at(T0);
    await createUserFx(deps, 'admin.he', ['admin']);
    const admin = await loginFx(app, 'admin.he');
    const put = (value: unknown) =>
      app.inject({
        method: 'PUT',
        url: '/api/v1/policies/capa_policy',
        headers: admin.headers,
        payload: { value, reason: '公示期改为三天' } as never,
      });
    const bad = await put({
      verifyAfterDays: 90,
      reviewAfterReopens: 2,
      reopenDueDays: 30,
      objectionWindowDays: 0,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.problems.map((p: Json) => p.path)).toEqual(['objectionWindowDays']);
    const good = await put({
      verifyAfterDays: 90,
      reviewAfterReopens: 2,
      reopenDueDays: 30,
      objectionWindowDays: 3,
    });
    expect(good.statusCode, good.body).toBe(200);
    const d = await publish();
    expect(d.objectionUntil).toBe('2026-05-07T16:00:00.000Z'); // Thursday 7 May 24:00 in Shanghai
  });
});
