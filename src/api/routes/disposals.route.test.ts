import { sql } from 'drizzle-orm';
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
import { rowsOf } from '../../db/client';
import { callAs } from '../../../test/factories/inject.factory';

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
  callAs(app, s, method, url, payload);

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

const auditActions = async (id: string): Promise<string[]> =>
  (
    await rowsOf<{ action: string }>(
      deps.db.reader(),
      sql`select action from audit_log where entity_type = 'nonconformity_disposal' and entity_id = ${id} order by id`,
    )
  ).map((r) => r.action);

const outboxTypes = async (id: string): Promise<string[]> =>
  (
    await rowsOf<{ type: string }>(
      deps.db.reader(),
      sql`select type from outbox_events where aggregate_type = 'nonconformity_disposal' and aggregate_id = ${id}`,
    )
  )
    .map((r) => r.type)
    .sort();

/** Who the disposal's `disposal.<step>` events name to be mailed (their user names, sorted), one list per event. */
const namedBy = async (id: string, step: string): Promise<string[][]> =>
  (
    await rowsOf<{ names: string[] | null }>(
      deps.db.reader(),
      sql`select (select array_agg(u.username order by u.username) from jsonb_array_elements(o.payload->'recipients') r
                    join users u on u.id::text = r->>'userId') as names
            from outbox_events o
           where o.aggregate_id = ${id} and o.type = ${`disposal.${step}`} order by o.occurred_at, o.id`,
    )
  ).map((r) => r.names ?? []);

describe('nonconformity disposal: approved by the chief engineer, published one week, objections, ruling (R-ESC-3)', () => {
  let id = '';
  const firstDecision = '责任：包装车间；处置：返工重新装箱，费用由包装车间承担。';
  const edited = '责任：包装车间；处置：返工重新装箱并复核外箱，费用由包装车间承担。';

  it('should submit the decision for the chief engineer with no window yet and a CZ number (R-ESC-3)', async () => {
    const d = await publish();
    expect(d).toMatchObject({
      status: 'awaiting_approval',
      round: 1,
      decision: firstDecision,
      publishedAt: null,
      objectionUntil: null,
      approvals: [],
      returns: [],
      objections: [],
      ruling: null,
      rules: [{ rule: 'R-ESC-3', detail: 'awaiting_chief_engineer_approval' }],
    });
    expect(d.number).toMatch(/^CZ-2026-\d{4}$/);
    id = d.id;
    // The chief engineer is named to be mailed: the form waits for his approval.
    expect(await namedBy(id, 'submitted')).toEqual([['chief.sun']]);
  });

  it('should refuse an objection before the chief engineer approved the decision, nothing written (R-ESC-3)', async () => {
    await refused(
      production,
      `/api/v1/disposals/${id}/objections`,
      { reason: '尚未公示' },
      409,
      'DISPOSAL_APPROVAL_REQUIRED',
    );
    expect(await ok(world.users.qa.session, 'GET', `/api/v1/disposals/${id}`)).toMatchObject({
      status: 'awaiting_approval',
      version: 1,
      objections: [],
    });
  });

  it('should let only the chief engineer approve or return it, and write nothing for anyone else (R-ESC-3)', async () => {
    const audited = await auditActions(id);
    for (const s of [world.users.qa.session, world.users.gm.session, production]) {
      await refused(s, `/api/v1/disposals/${id}/approve`, {}, 403, 'FORBIDDEN');
      await refused(s, `/api/v1/disposals/${id}/return`, { reason: '不同意' }, 403, 'FORBIDDEN');
    }
    expect(await ok(world.users.qa.session, 'GET', `/api/v1/disposals/${id}`)).toMatchObject({
      status: 'awaiting_approval',
      version: 1,
      approvals: [],
      returns: [],
    });
    expect(await auditActions(id)).toEqual(audited);
    expect(await outboxTypes(id)).toEqual(['disposal.submitted']);
  });

  it('should refuse a chief engineer the approval of a decision he wrote himself with 403, nothing written (R-ESC-3)', async () => {
    const own = await ok(
      chief,
      'POST',
      '/api/v1/disposals',
      {
        sourceType: 'management_review',
        nonconformity: '来料批次外观不良',
        decision: '退货，由供应商承担费用。',
      },
      201,
    );
    const before = await auditActions(own.id);
    await refused(chief, `/api/v1/disposals/${own.id}/approve`, {}, 403, 'DISPOSAL_SELF_APPROVAL');
    expect(await auditActions(own.id)).toEqual(before);
    expect(await ok(chief, 'GET', `/api/v1/disposals/${own.id}`)).toMatchObject({
      status: 'awaiting_approval',
      approvals: [],
    });
  });

  it('should let the chief engineer return the decision with a reason, and quality resubmit it edited (R-ESC-3)', async () => {
    await refused(chief, `/api/v1/disposals/${id}/return`, { reason: ' ' }, 400, 'VALIDATION_FAILED');
    const returned = await ok(chief, 'POST', `/api/v1/disposals/${id}/return`, {
      reason: '须写明外箱复核要求',
    });
    expect(returned).toMatchObject({
      status: 'returned',
      publishedAt: null,
      returns: [
        {
          round: 1,
          reason: '须写明外箱复核要求',
          decisionReturned: firstDecision,
          byName: expect.any(String),
        },
      ],
      rules: [{ rule: 'R-ESC-3', detail: 'chief_engineer_returned_to_quality' }],
    });
    await refused(chief, `/api/v1/disposals/${id}/approve`, {}, 409, 'DISPOSAL_ILLEGAL_TRANSITION');
    await refused(
      production,
      `/api/v1/disposals/${id}/objections`,
      { reason: '尚未公示' },
      409,
      'DISPOSAL_APPROVAL_REQUIRED',
    );
    await refused(
      world.users.gm.session,
      `/api/v1/disposals/${id}/resubmit`,
      { decision: edited },
      403,
      'FORBIDDEN',
    );
    const resubmitted = await ok(world.users.qa.session, 'POST', `/api/v1/disposals/${id}/resubmit`, {
      decision: edited,
    });
    expect(resubmitted).toMatchObject({
      status: 'awaiting_approval',
      round: 1,
      decision: edited,
      rules: [{ rule: 'R-ESC-3', detail: 'resubmitted_for_approval' }],
    });
    // Returned → the author is told; resubmitted → the chief engineer again.
    expect(await namedBy(id, 'returned')).toEqual([[world.users.qa.username]]);
    expect(await namedBy(id, 'resubmitted')).toEqual([['chief.sun']]);
    await refused(
      world.users.qa.session,
      `/api/v1/disposals/${id}/resubmit`,
      { decision: edited },
      409,
      'DISPOSAL_ILLEGAL_TRANSITION',
    );
  });

  it('should publish on the approval and start the week then, and refuse a second approval (R-ESC-3)', async () => {
    // Approved on Tuesday 5 May 10:00 in Shanghai: objections until Tuesday 12 May 24:00.
    await at(new Date('2026-05-05T02:00:00Z'));
    const d = await ok(chief, 'POST', `/api/v1/disposals/${id}/approve`, { note: '同意公示' });
    expect(d).toMatchObject({
      status: 'published',
      round: 1,
      decision: edited,
      publishedAt: '2026-05-05T02:00:00.000Z',
      objectionUntil: '2026-05-12T16:00:00.000Z',
      approvals: [
        {
          round: 1,
          decision: edited,
          note: '同意公示',
          by: expect.any(String),
          byName: expect.any(String),
          at: '2026-05-05T02:00:00.000Z',
        },
      ],
      rules: [
        { rule: 'R-ESC-3', detail: 'chief_engineer_approved_publication' },
        { rule: 'R-ESC-3', detail: 'published_7_days' },
      ],
    });
    await refused(chief, `/api/v1/disposals/${id}/approve`, {}, 409, 'DISPOSAL_ILLEGAL_TRANSITION');
    await refused(
      chief,
      `/api/v1/disposals/${id}/return`,
      { reason: '晚了' },
      409,
      'DISPOSAL_ILLEGAL_TRANSITION',
    );
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
    // A first objection sends it back to quality: the quality engineers are told.
    expect(await namedBy(id, 'objected')).toEqual([[world.users.qa.username]]);
    expect(d.objections[0]).toMatchObject({
      round: 1,
      reason: '错位系来料印刷问题',
      decisionObjected: edited,
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
    await refused(chief, `/api/v1/disposals/${id}/approve`, {}, 409, 'DISPOSAL_ILLEGAL_TRANSITION');
  });

  it('should send the re-investigated decision to the chief engineer again as round 2, with no window (R-ESC-3)', async () => {
    await at(new Date('2026-05-12T02:00:00Z'));
    const d = await ok(world.users.qa.session, 'POST', `/api/v1/disposals/${id}/redecide`, {
      findings: '来料检验记录显示印刷合格，错位发生在装箱工序',
      decision: '维持原决定：包装车间返工。',
    });
    expect(d).toMatchObject({
      status: 'awaiting_approval',
      round: 2,
      decision: '维持原决定：包装车间返工。',
      publishedAt: null,
      objectionUntil: null,
      rules: [{ rule: 'R-ESC-3', detail: 'reinvestigated_awaiting_chief_engineer_approval' }],
    });
    expect(d.approvals).toHaveLength(1);
    expect(d.objections[0].reinvestigation).toMatchObject({ newDecision: '维持原决定：包装车间返工。' });
    await refused(
      production,
      `/api/v1/disposals/${id}/objections`,
      { reason: '仍有异议' },
      409,
      'DISPOSAL_APPROVAL_REQUIRED',
    );
  });

  it('should start the second week only when the chief engineer approves round 2 (R-ESC-3)', async () => {
    await at(new Date('2026-05-13T02:00:00Z'));
    await refused(world.users.qa.session, `/api/v1/disposals/${id}/approve`, {}, 403, 'FORBIDDEN');
    const d = await ok(chief, 'POST', `/api/v1/disposals/${id}/approve`, {});
    expect(d).toMatchObject({
      status: 'published',
      round: 2,
      publishedAt: '2026-05-13T02:00:00.000Z',
      objectionUntil: '2026-05-20T16:00:00.000Z',
    });
    expect(d.approvals.map((a: Json) => [a.round, a.decision, a.note])).toEqual([
      [1, edited, '同意公示'],
      [2, '维持原决定：包装车间返工。', null],
    ]);
  });

  it('should send a second objection to the chief engineer (R-ESC-3)', async () => {
    const d = await ok(production, 'POST', `/api/v1/disposals/${id}/objections`, { reason: '仍有异议' }, 201);
    expect(d).toMatchObject({ status: 'awaiting_ruling', round: 2 });
    // The second goes to the chief engineer's ruling: he is told.
    expect((await namedBy(id, 'objected')).at(-1)).toEqual(['chief.sun']);
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

  it('should audit every step and write one outbox event for each (R-ESC-3)', async () => {
    const steps = [
      'submitted',
      'returned',
      'resubmitted',
      'approved',
      'objected',
      'redecided',
      'approved',
      'objected',
      'ruled',
    ];
    expect(await auditActions(id)).toEqual(steps.map((s) => `capa.disposal_${s}`));
    expect(await outboxTypes(id)).toEqual(steps.map((s) => `disposal.${s}`).sort());
  });
});

describe('the objection window ends (R-ESC-3)', () => {
  it('should refuse an objection after the week, and the window passing makes the decision final', async () => {
    await at(T0);
    const d = await publish();
    expect(await ok(chief, 'POST', `/api/v1/disposals/${d.id}/approve`, {})).toMatchObject({
      objectionUntil: UNTIL,
    });
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

  it('should never finalise a decision waiting for the chief engineer, however long it waits (R-ESC-3)', async () => {
    await at(T0);
    const waiting = await publish();
    await at(new Date('2026-09-01T00:00:00Z'));
    await finaliseLapsedDisposals(deps);
    expect(await ok(world.users.qa.session, 'GET', `/api/v1/disposals/${waiting.id}`)).toMatchObject({
      status: 'awaiting_approval',
      version: 1,
    });
    const list = await ok(world.users.gm.session, 'GET', '/api/v1/disposals?status=awaiting_approval');
    expect(list.items.map((x: Json) => x.id)).toContain(waiting.id);
  });

  it('should page by objection window with decisions awaiting approval last, each row once', async () => {
    const seen: string[] = [];
    for (const sort of ['objectionUntil', '-objectionUntil']) {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Json = await ok(
          world.users.gm.session,
          'GET',
          `/api/v1/disposals?sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        );
        ids.push(...page.items.map((x: Json) => x.id));
        if (sort === 'objectionUntil' && page.items[0]?.objectionUntil === null) seen.push(page.items[0].id);
        cursor = page.nextCursor;
      } while (cursor);
      const all = await ok(world.users.gm.session, 'GET', '/api/v1/disposals?limit=200');
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(all.items.map((x: Json) => x.id).sort());
      const windows = all.items.filter((x: Json) => x.objectionUntil !== null).length;
      // ascending: every window first, then the decisions without one; descending the other way round
      const nulls = ids.map((i) => all.items.find((x: Json) => x.id === i).objectionUntil === null);
      expect(nulls).toEqual(
        sort === 'objectionUntil'
          ? [...Array(windows).fill(false), ...Array(ids.length - windows).fill(true)]
          : [...Array(ids.length - windows).fill(true), ...Array(windows).fill(false)],
      );
    }
    expect(seen.length).toBeGreaterThan(0);
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
    const approved = await ok(chief, 'POST', `/api/v1/disposals/${d.id}/approve`, {});
    expect(approved.objectionUntil).toBe('2026-05-07T16:00:00.000Z'); // Thursday 7 May 24:00 in Shanghai
  });
});
