import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSignalEventFx } from '../../../test/factories/capa.factory';
import {
  createComplaintWorld,
  hotlineComplaint,
  loginAgain,
  type ComplaintWorld,
} from '../../../test/factories/complaint.factory';
import { createUserFx, loginFx, type Session } from '../../../test/factories/identity.factory';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import { sweepCapa } from '../../app/capa/sweep-capa';
import { rowsOf } from '../../db/client';
import { callAs } from '../../../test/factories/inject.factory';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let world: ComplaintWorld;
let otherEngineer: Session;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const T0 = new Date('2026-03-05T02:00:00Z'); // Thursday 10:00 in Shanghai

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    // The journeys move the clock by weeks; `at` signs everybody in again.
    SESSION_IDLE_MINUTES: '10080',
    SESSION_ABSOLUTE_HOURS: '2160',
  }));
  deps.clock.set(T0);
  world = await createComplaintWorld(deps, app);
  await createUserFx(deps, 'eng.qa', ['engineer'], [world.depts.QA]);
  otherEngineer = await loginFx(app, 'eng.qa');
});
afterAll(async () => close());

/** Moves the clock (forward or back) and signs everybody in again: idle sessions end after a week. */
const at = async (iso: string): Promise<void> => {
  deps.clock.set(new Date(iso));
  await loginAgain(app, world);
  otherEngineer = await loginFx(app, 'eng.qa');
};

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  callAs(app, s, method, url, payload);

const ok = async (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown, status = 200) => {
  const r = await call(s, method, url, payload);
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as Json;
};

const refused = async (
  s: Session,
  method: 'GET' | 'POST',
  url: string,
  payload: unknown,
  status: number,
  code: string,
) => {
  const r = await call(s, method, url, payload);
  expect({ status: r.statusCode, code: r.json().error?.code }, r.body).toEqual({ status, code });
  return r.json().error as Json;
};

const count = async (table: string): Promise<number> =>
  Number(
    (await rowsOf<{ n: number }>(deps.db.reader(), sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n,
  );

const qa = () => world.users.qa.session;

const product = async (code: string): Promise<string> =>
  (await ok(qa(), 'POST', '/api/v1/products', { code, name: `饼干 ${code}`, priceFen: 1_500 }, 201)).id;

const batch = async (productId: string, batchNo: string, productionDate: string, quantity = 5_000) =>
  ok(qa(), 'POST', '/api/v1/batches', { productId, batchNo, productionDate, quantity }, 201);

const MECHANISM = 'seal_leak';

/** A valid complaint about the batch, registered and triaged by customer service; returns its id and mechanism. */
const complaintOn = async (
  productId: string,
  batchNo: string,
): Promise<{ id: string; number: string; mechanism: string }> => {
  const agent = world.users.agent.session;
  const created = await ok(
    agent,
    'POST',
    '/api/v1/complaints',
    hotlineComplaint({
      product: { id: productId, batchNo },
      problem: { description: '饼干包装封口处漏气，打开后饼干已经变软受潮。', scope: 'single_unit' },
      demands: ['refund'],
    }),
    201,
  );
  const id = created.complaint.id as string;
  await ok(agent, 'POST', `/api/v1/complaints/${id}/transitions`, {
    type: 'triage',
    classification: {
      nature: 'packaging',
      severity: 'minor',
      validity: 'valid',
      responsibilityStage: 'production',
      misuse: false,
    },
  });
  return { id, number: created.complaint.number, mechanism: await ensureSignalEventFx(deps, id, MECHANISM) };
};

const capaBody = (over: Json = {}): Json => ({
  sourceType: 'complaint',
  kind: 'corrective',
  title: '封口机温度控制改进',
  description: '2 号封口机加装温度报警，封口温度纳入首件检验。',
  ownerId: world.users.engineer.id,
  dueOn: '2026-03-20',
  ...over,
});

describe('a CAPA is verified effective or reopened (issue 6 journey: R-CAPA-1, R-CAPA-3)', () => {
  let productId = '';
  let mechanism = '';
  let actionId = '';

  it('should open a corrective action with owner, due date and a CA number (R-CAPA-1)', async () => {
    await at(T0.toISOString());
    productId = await product('BX-200G');
    await batch(productId, '20260301A', '2026-03-01');
    const first = await complaintOn(productId, '20260301A');
    mechanism = first.mechanism;
    const a = await ok(
      qa(),
      'POST',
      '/api/v1/capa-actions',
      capaBody({ sourceId: first.id, mechanism }),
      201,
    );
    expect(a).toMatchObject({
      status: 'open',
      kind: 'corrective',
      productId,
      mechanism,
      ownerId: world.users.engineer.id,
      ownerName: expect.any(String),
      dueAt: '2026-03-20T16:00:00.000Z', // end of 20 March in Shanghai
      verifyAfterDays: 90,
      overdue: false,
    });
    expect(a.number).toMatch(/^CA-2026-\d{4}$/);
    expect(a.rules).toEqual([{ rule: 'R-CAPA-1', detail: 'corrective_with_owner_and_due' }]);
    actionId = a.id;
  });

  it('should record the action done from its effective production date, watched for 90 days (R-CAPA-3)', async () => {
    await at('2026-03-09T02:00:00Z');
    const done = await ok(world.users.engineer.session, 'POST', `/api/v1/capa-actions/${actionId}/complete`, {
      effectiveFrom: '2026-03-10',
      note: '温度报警已安装，首件检验表已更新',
    });
    expect(done).toMatchObject({ status: 'done', effectiveFrom: '2026-03-10', windowEndsOn: '2026-06-08' });
  });

  it('should NOT reopen (R-CAPA-3) for a complaint on a batch produced before the action', async () => {
    await at('2026-03-15T02:00:00Z');
    await complaintOn(productId, '20260301A');
    const r = await ok(qa(), 'POST', `/api/v1/capa-actions/${actionId}/verify`, {});
    expect(r.decision).toMatchObject({ outcome: 'pending', windowEndsOn: '2026-06-08', reopenCount: 0 });
    expect(r.decision.evidence.recurrences).toEqual([]);
    expect(r.action.status).toBe('done');
    expect((await sweepCapa(deps)).reopened).toBe(0);
  });

  it('should reopen (R-CAPA-3) on a recurrence on a batch produced after the action, with the evidence', async () => {
    await batch(productId, '20260312A', '2026-03-12');
    await at('2026-03-20T02:00:00Z');
    const recurrence = await complaintOn(productId, '20260312A');
    const r = await ok(qa(), 'POST', `/api/v1/capa-actions/${actionId}/verify`, {});
    expect(r.decision.outcome).toBe('reopened');
    expect(r.action).toMatchObject({ status: 'reopened', reopenCount: 1, dueAt: '2026-04-19T16:00:00.000Z' });
    expect(r.action.verifications).toHaveLength(1);
    expect(r.action.verifications[0]).toMatchObject({
      outcome: 'reopened',
      effectiveFrom: '2026-03-10',
      evidence: {
        recurrences: [
          { complaintNumber: recurrence.number, batchNo: '20260312A', productionDate: '2026-03-12' },
        ],
      },
    });
    expect(r.action.verifications[0].rules.every((h: Json) => h.rule === 'R-CAPA-3')).toBe(true);
    const [event] = await rowsOf<{ type: string; payload: Json }>(
      deps.db.reader(),
      sql`select type, payload from outbox_events where aggregate_id = ${actionId} and type = 'capa.action_reopened'`,
    );
    expect(event?.type).toBe('capa.action_reopened');
    // The mail quotes what the action is about, not only its number.
    expect(event?.payload.summary).toBe('封口机温度控制改进：2 号封口机加装温度报警，封口温度纳入首件检验。');
  });

  it('should refuse an effective date whose production already recurred (R-CAPA-3), nothing written', async () => {
    const before = await ok(qa(), 'GET', `/api/v1/capa-actions/${actionId}`);
    const e = await refused(
      world.users.engineer.session,
      'POST',
      `/api/v1/capa-actions/${actionId}/complete`,
      { effectiveFrom: '2026-03-11', note: '调整封口参数' },
      422,
      'CAPA_EFFECTIVE_FROM_INVALID',
    );
    expect(e.details.problem).toBe('already_recurred');
    expect((await ok(qa(), 'GET', `/api/v1/capa-actions/${actionId}`)).version).toBe(before.version);
  });

  it('should send the third recurrence to the quality review meeting (R-CAPA-3)', async () => {
    const rounds: [string, string, string, string, number][] = [
      // effectiveFrom, batch, production date, expected outcome, reopen count
      ['2026-03-21', '20260325A', '2026-03-25', 'reopened', 2],
      ['2026-03-28', '20260401A', '2026-04-01', 'review', 2],
    ];
    for (const [effectiveFrom, batchNo, productionDate, outcome, reopenCount] of rounds) {
      await ok(world.users.engineer.session, 'POST', `/api/v1/capa-actions/${actionId}/complete`, {
        effectiveFrom,
        note: `第 ${reopenCount} 轮改进`,
      });
      await batch(productId, batchNo, productionDate);
      deps.clock.advance(7 * 86_400_000);
      await at(deps.clock.now().toISOString());
      await complaintOn(productId, batchNo);
      // the sweep finds a recurrence without waiting for the window
      const report = await sweepCapa(deps);
      expect(report[outcome as 'reopened' | 'review']).toBe(1);
      const a = await ok(qa(), 'GET', `/api/v1/capa-actions/${actionId}`);
      expect({ status: a.status, reopenCount: a.reopenCount }).toEqual({ status: outcome, reopenCount });
    }
    const a = await ok(qa(), 'GET', `/api/v1/capa-actions/${actionId}`);
    expect(a.verifications.map((v: Json) => v.outcome)).toEqual(['reopened', 'reopened', 'review']);
  });

  it('should verify (R-CAPA-3) when the window passes clean, with batches checked and complaints counted', async () => {
    await at('2026-04-10T02:00:00Z');
    const clean = await product('BX-400G');
    await batch(clean, '20260401B', '2026-04-01');
    const source = await complaintOn(clean, '20260401B');
    const a = await ok(
      qa(),
      'POST',
      '/api/v1/capa-actions',
      capaBody({
        sourceId: source.id,
        mechanism: source.mechanism,
        dueOn: '2026-04-30',
        verifyAfterDays: 30,
      }),
      201,
    );
    await ok(world.users.engineer.session, 'POST', `/api/v1/capa-actions/${a.id}/complete`, {
      effectiveFrom: '2026-04-12',
      note: '封口温度闭环控制上线',
    });
    await batch(clean, '20260415A', '2026-04-15', 8_000);
    await batch(clean, '20260501A', '2026-05-01', 6_000);
    await at('2026-05-11T02:00:00Z'); // 2026-04-12 + 30 days = 12 May: not yet
    expect((await sweepCapa(deps)).verified).toBe(0);
    await at('2026-05-12T02:00:00Z');
    expect((await sweepCapa(deps)).verified).toBe(1);
    const v = await ok(qa(), 'GET', `/api/v1/capa-actions/${a.id}`);
    expect(v.status).toBe('verified');
    expect(v.verifications[0]).toMatchObject({
      outcome: 'verified',
      windowEndsOn: '2026-05-12',
      evidence: {
        producedFrom: '2026-04-12',
        producedUntil: '2026-05-12',
        batchesChecked: [
          { batchNo: '20260415A', productionDate: '2026-04-15', quantity: 8_000 },
          { batchNo: '20260501A', productionDate: '2026-05-01', quantity: 6_000 },
        ],
        unitsProduced: 14_000,
        complaintsCounted: 0,
        recurrences: [],
      },
    });
    await refused(qa(), 'POST', `/api/v1/capa-actions/${a.id}/verify`, {}, 409, 'CAPA_ILLEGAL_TRANSITION');
  });
});

describe('preventive actions need the general manager (R-CAPA-4)', () => {
  let id = '';

  it('should create a preventive action awaiting approval and refuse to complete it before (R-CAPA-4)', async () => {
    await at(T0.toISOString());
    const a = await ok(
      qa(),
      'POST',
      '/api/v1/capa-actions',
      capaBody({
        sourceType: 'management_review',
        kind: 'preventive',
        title: '同类投诉预防：包装密封性抽检',
      }),
      201,
    );
    expect(a.status).toBe('awaiting_approval');
    expect(a.rules[0].rule).toBe('R-CAPA-4');
    id = a.id;
    await refused(
      world.users.engineer.session,
      'POST',
      `/api/v1/capa-actions/${id}/complete`,
      { effectiveFrom: '2026-03-10', note: 'x' },
      409,
      'CAPA_APPROVAL_REQUIRED',
    );
  });

  it('should refuse the approval to anyone but the GM with 403 (R-CAPA-4)', async () => {
    for (const s of [qa(), world.users.service.session, world.users.manager.session])
      await refused(s, 'POST', `/api/v1/capa-actions/${id}/approve`, {}, 403, 'FORBIDDEN');
    expect((await ok(qa(), 'GET', `/api/v1/capa-actions/${id}`)).status).toBe('awaiting_approval');
  });

  it('should open it on the GM approval, and then count as done (R-CAPA-4)', async () => {
    const a = await ok(world.users.gm.session, 'POST', `/api/v1/capa-actions/${id}/approve`, {
      note: '同意实施',
    });
    expect(a).toMatchObject({
      status: 'open',
      gmApprovedBy: world.users.gm.id,
      gmApprovedAt: T0.toISOString(),
    });
    await refused(
      world.users.gm.session,
      'POST',
      `/api/v1/capa-actions/${id}/approve`,
      {},
      409,
      'CAPA_ILLEGAL_TRANSITION',
    );
    const done = await ok(world.users.engineer.session, 'POST', `/api/v1/capa-actions/${id}/complete`, {
      effectiveFrom: '2026-03-10',
      note: '抽检规程已发布',
    });
    expect(done.status).toBe('done');
  });

  it('should cancel a preventive action the GM rejects, with his reason', async () => {
    const a = await ok(
      qa(),
      'POST',
      '/api/v1/capa-actions',
      capaBody({ sourceType: 'management_review', kind: 'preventive' }),
      201,
    );
    await refused(
      world.users.gm.session,
      'POST',
      `/api/v1/capa-actions/${a.id}/reject`,
      {},
      400,
      'VALIDATION_FAILED',
    );
    const r = await ok(world.users.gm.session, 'POST', `/api/v1/capa-actions/${a.id}/reject`, {
      reason: '投入过大，另议',
    });
    expect(r).toMatchObject({ status: 'cancelled', cancelReason: '投入过大，另议' });
  });
});

describe('overdue actions escalate once (R-CAPA-1)', () => {
  it('should escalate an overdue open action once, to the owner and the manager above, and list it as overdue', async () => {
    await at(T0.toISOString());
    const a = await ok(
      qa(),
      'POST',
      '/api/v1/capa-actions',
      capaBody({ sourceType: 'management_review', kind: 'containment', dueOn: '2026-03-06' }),
      201,
    );
    await at('2026-03-06T15:59:00Z');
    expect((await sweepCapa(deps)).escalated).toBe(0);
    await at('2026-03-06T16:00:00Z');
    expect((await sweepCapa(deps)).escalated).toBeGreaterThanOrEqual(1);
    expect((await sweepCapa(deps)).escalated).toBe(0);
    const [event] = await rowsOf<{ payload: Json }>(
      deps.db.reader(),
      sql`select payload from outbox_events where aggregate_id = ${a.id} and type = 'capa.action_overdue'`,
    );
    expect(event?.payload.recipients.map((r: Json) => r.userId)).toEqual(
      expect.arrayContaining([world.users.engineer.id, world.users.manager.id]),
    );
    expect(event?.payload.summary).toBe(`${a.title}：${a.description}`);
    const list = await ok(qa(), 'GET', '/api/v1/capa-actions?overdue=true&limit=200');
    const mine = list.items.find((x: Json) => x.id === a.id);
    expect(mine).toMatchObject({ overdue: true, escalatedAt: '2026-03-06T16:00:00.000Z' });
    const done = await ok(world.users.engineer.session, 'POST', `/api/v1/capa-actions/${a.id}/complete`, {
      note: '库存已全检',
    });
    expect(done).toMatchObject({ status: 'done', effectiveFrom: null, windowEndsOn: null, overdue: false });
  });
});

describe('CAPA bad input and scope', () => {
  it('should refuse bad input with the error contract and write nothing', async () => {
    await at(T0.toISOString());
    const before = await count('capa_actions');
    await refused(
      qa(),
      'POST',
      '/api/v1/capa-actions',
      capaBody({ ownerId: undefined }),
      400,
      'VALIDATION_FAILED',
    );
    await refused(qa(), 'POST', '/api/v1/capa-actions', capaBody({ kind: 'fix' }), 400, 'VALIDATION_FAILED');
    await refused(
      qa(),
      'POST',
      '/api/v1/capa-actions',
      capaBody({ dueOn: '2026-03-04' }),
      422,
      'CAPA_DUE_INVALID',
    );
    await refused(
      qa(),
      'POST',
      '/api/v1/capa-actions',
      capaBody({ sourceId: undefined }),
      400,
      'VALIDATION_FAILED',
    );
    await refused(
      qa(),
      'POST',
      '/api/v1/capa-actions',
      capaBody({ sourceId: '01a20000-0000-7000-8000-000000000009' }),
      404,
      'COMPLAINT_NOT_FOUND',
    );
    await refused(
      qa(),
      'POST',
      '/api/v1/capa-actions',
      capaBody({ sourceType: 'batch_case', sourceId: '01a20000-0000-7000-8000-000000000009' }),
      404,
      'CAPA_SOURCE_NOT_FOUND',
    );
    await refused(
      qa(),
      'POST',
      '/api/v1/capa-actions',
      capaBody({ sourceType: 'management_review', ownerId: '01a20000-0000-7000-8000-000000000009' }),
      404,
      'USER_NOT_FOUND',
    );
    await refused(world.users.agent.session, 'POST', '/api/v1/capa-actions', capaBody(), 403, 'FORBIDDEN');
    expect(await count('capa_actions')).toBe(before);
  });

  it('should show a department engineer only actions owned in his department (R-SEC-1)', async () => {
    const a = await ok(
      qa(),
      'POST',
      '/api/v1/capa-actions',
      capaBody({ sourceType: 'management_review' }),
      201,
    );
    expect((await call(world.users.engineer.session, 'GET', `/api/v1/capa-actions/${a.id}`)).statusCode).toBe(
      200,
    );
    await refused(
      otherEngineer,
      'GET',
      `/api/v1/capa-actions/${a.id}`,
      undefined,
      404,
      'CAPA_ACTION_NOT_FOUND',
    );
    const list = await ok(otherEngineer, 'GET', '/api/v1/capa-actions?limit=200');
    expect(list.items.map((x: Json) => x.id)).not.toContain(a.id);
  });
});
