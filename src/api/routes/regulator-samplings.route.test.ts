import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComplaintWorld, type ComplaintWorld } from '../../../test/factories/complaint.factory';
import type { Session } from '../../../test/factories/identity.factory';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import { rowsOf } from '../../db/client';
import { callAs } from '../../../test/factories/inject.factory';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let world: ComplaintWorld;
let productId = '';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  callAs(app, s, method, url, payload);

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  deps.clock.set(new Date('2026-04-10T01:00:00Z'));
  world = await createComplaintWorld(deps, app);
  const p = await call(world.users.qa.session, 'POST', '/api/v1/products', {
    code: 'MB-90',
    name: '奶香面包 90g',
  });
  productId = p.json().id;
  await call(world.users.qa.session, 'POST', '/api/v1/batches', {
    productId,
    batchNo: '20260401C',
    quantity: 20_000,
  });
});
afterAll(async () => close());

const sampling = (over: Json = {}) => ({
  agency: '郑州市市场监督管理局',
  productId,
  batchNo: '20260401C',
  sampledOn: '2026-04-09',
  sampleQuantity: 6,
  result: 'nonconforming',
  reportRef: 'ZZSJ-2026-0418',
  representative: false,
  notes: '抽检样品取自门店货架底层，外包装有破损',
  ...over,
});

describe('regulator sampling 职能部门抽检 — R-BAT-6', () => {
  let id = '';

  it('R-BAT-6 should record agency, samples, result and representativeness', async () => {
    const r = await call(world.users.qa.session, 'POST', '/api/v1/regulator-samplings', sampling());
    expect(r.statusCode, r.body).toBe(201);
    id = r.json().id;
    expect(r.json()).toMatchObject({
      agency: '郑州市市场监督管理局',
      batchNo: '20260401C',
      result: 'nonconforming',
      representative: false,
      retestRequestedAt: null,
      originalReportToQualityAt: null,
      createdBy: world.users.qa.id,
    });
    const events = await rowsOf<{ type: string }>(
      deps.db.reader(),
      sql`select type from outbox_events where aggregate_id = ${id}`,
    );
    expect(events.map((e) => e.type)).toEqual(['batch.sampling_nonconforming']);
  });

  it('R-BAT-6 should require a reason for a re-test request', async () => {
    const r = await call(
      world.users.qa.session,
      'POST',
      `/api/v1/regulator-samplings/${id}/retest-request`,
      {},
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('VALIDATION_FAILED');
    const blank = await call(
      world.users.qa.session,
      'POST',
      `/api/v1/regulator-samplings/${id}/retest-request`,
      {
        reason: '   ',
      },
    );
    expect(blank.statusCode).toBe(400);
  });

  it('R-BAT-6 should request a re-test of a sample that was not representative, once', async () => {
    const r = await call(world.users.qa.session, 'POST', `/api/v1/regulator-samplings/${id}/retest-request`, {
      reason: '抽检样品包装破损，不能代表正常产品，请抽检包装完好的同批次产品复检',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().retestRequestedAt).toBe('2026-04-10T01:00:00.000Z');
    expect(r.json().retestReason).toContain('包装破损');
    const again = await call(
      world.users.qa.session,
      'POST',
      `/api/v1/regulator-samplings/${id}/retest-request`,
      {
        reason: '再次申请',
      },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'RETEST_NOT_ALLOWED',
      details: { reason: 'already_requested' },
    });
  });

  it('R-BAT-6 should refuse a re-test for a representative sample', async () => {
    const s = await call(
      world.users.qa.session,
      'POST',
      '/api/v1/regulator-samplings',
      sampling({ representative: true, result: 'pending', reportRef: null }),
    );
    expect(s.statusCode, s.body).toBe(201);
    const r = await call(
      world.users.qa.session,
      'POST',
      `/api/v1/regulator-samplings/${s.json().id}/retest-request`,
      { reason: '结果不满意' },
    );
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({
      code: 'RETEST_NOT_ALLOWED',
      details: { reason: 'sample_representative' },
    });
    expect(
      (await call(world.users.qa.session, 'GET', `/api/v1/regulator-samplings/${s.json().id}`)).json()
        .retestRequestedAt,
    ).toBeNull();
  });

  it('R-BAT-6 should record the original report handed to the quality department, once', async () => {
    deps.clock.advance(3_600_000);
    const r = await call(
      world.users.qa.session,
      'POST',
      `/api/v1/regulator-samplings/${id}/original-report`,
      {
        reportRef: 'ZZSJ-2026-0418-复检',
        result: 'conforming',
      },
    );
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      originalReportToQualityAt: '2026-04-10T02:00:00.000Z',
      reportRef: 'ZZSJ-2026-0418-复检',
      result: 'conforming',
    });
    const again = await call(
      world.users.qa.session,
      'POST',
      `/api/v1/regulator-samplings/${id}/original-report`,
      {},
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ORIGINAL_REPORT_ALREADY_RECORDED');
    const audit = await rowsOf<{ action: string }>(
      deps.db.reader(),
      sql`select action from audit_log where entity_id = ${id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'regulator_sampling.recorded',
      'regulator_sampling.retest_requested',
      'regulator_sampling.original_report_received',
    ]);
  });

  it('should list samplings for batch.read holders and keep writes to batch.manage', async () => {
    const list = await call(
      world.users.gm.session,
      'GET',
      `/api/v1/regulator-samplings?productId=${productId}`,
    );
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(2);
    const forbidden = await call(world.users.gm.session, 'POST', '/api/v1/regulator-samplings', sampling());
    expect(forbidden.statusCode).toBe(403);
    const unknownBatch = await call(
      world.users.qa.session,
      'POST',
      '/api/v1/regulator-samplings',
      sampling({ batchNo: 'NOPE' }),
    );
    expect(unknownBatch.statusCode).toBe(404);
    expect(unknownBatch.json().error.code).toBe('BATCH_NOT_FOUND');
    const missing = await call(
      world.users.qa.session,
      'GET',
      '/api/v1/regulator-samplings/01a20000-0000-7000-8000-000000000009',
    );
    expect(missing.json().error.code).toBe('SAMPLING_NOT_FOUND');
  });
});
