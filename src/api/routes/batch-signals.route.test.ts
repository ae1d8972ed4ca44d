import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createComplaintWorld,
  hotlineComplaint,
  loginAgain,
  type ComplaintWorld,
} from '../../../test/factories/complaint.factory';
import { createUserFx, loginFx, type Session } from '../../../test/factories/identity.factory';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import { escalateOverdueQualityReports } from '../../app/batch-signals/escalate-overdue-quality-reports';
import { rowsOf } from '../../db/client';
import { callAs } from '../../../test/factories/inject.factory';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let world: ComplaintWorld;
let production: Session;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const T0 = new Date('2026-03-02T01:00:00Z');

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    // The journeys move the clock by hours and days while some sessions sit idle.
    SESSION_IDLE_MINUTES: '10080',
    SESSION_ABSOLUTE_HOURS: '2160',
  }));
  deps.clock.set(T0);
  world = await createComplaintWorld(deps, app);
  await createUserFx(deps, 'bs.admin', ['admin']);
  await createUserFx(deps, 'bs.prod', ['production'], [world.depts.PROD]);
  production = await loginFx(app, 'bs.prod');
  const admin = await loginFx(app, 'bs.admin');
  const applied = await app.inject({
    method: 'POST',
    url: '/api/v1/presets/appliance/apply',
    headers: admin.headers,
    payload: { reason: '家电企业' },
  });
  expect(applied.statusCode, applied.body).toBe(200);
});
afterAll(async () => close());

const relogin = async () => {
  await loginAgain(app, world);
  production = await loginFx(app, 'bs.prod');
};

const call = (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  callAs(app, s, method, url, payload);

const ok = async (
  s: Session,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: unknown,
  status = 200,
) => {
  const r = await call(s, method, url, payload);
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as Json;
};

const rows = <T>(query: ReturnType<typeof sql>) => rowsOf<T>(deps.db.reader(), query);

/** A product, its batch and the shipments of the batch (the R-BAT-1 denominator). */
const productWithBatch = async (
  code: string,
  batchNo: string,
  shipments: readonly (readonly [string, number])[],
  quantity: number | null = null,
) => {
  const qa = world.users.qa.session;
  const product = await ok(
    qa,
    'POST',
    '/api/v1/products',
    { code, name: `产品 ${code}`, priceFen: 299_900 },
    201,
  );
  const batch = await ok(qa, 'POST', '/api/v1/batches', { productId: product.id, batchNo, quantity }, 201);
  for (const [region, n] of shipments) {
    await ok(
      qa,
      'POST',
      '/api/v1/shipments',
      { batchId: batch.id, region, quantity: n, shippedOn: '2026-02-20' },
      201,
    );
  }
  return { productId: product.id as string, batchId: batch.id as string, batchNo };
};

const customerIn = async (name: string, region: string): Promise<string> =>
  (await ok(world.users.agent.session, 'POST', '/api/v1/customers', { name, region }, 201)).id;

const CLASSIFY = {
  nature: 'function',
  severity: 'important',
  validity: 'valid',
  responsibilityStage: 'production',
  misuse: false,
};

/** A hotline complaint about the product's batch, registered and triaged by customer service. */
const complaintOf = async (
  p: { productId: string; batchNo: string },
  opts: {
    customerId?: string;
    description?: string;
    classification?: Json;
    triage?: boolean;
  } = {},
): Promise<string> => {
  const agent = world.users.agent.session;
  const created = await ok(
    agent,
    'POST',
    '/api/v1/complaints',
    hotlineComplaint({
      customer: {
        name: '赵先生',
        type: 'consumer',
        ...(opts.customerId && { id: opts.customerId }),
      },
      product: { id: p.productId, batchNo: p.batchNo === '' ? null : p.batchNo },
      problem: { description: opts.description ?? '空调开机后不制冷，外机风扇不转。', scope: 'single_unit' },
      demands: ['repair'],
    }),
    201,
  );
  const id = created.complaint.id as string;
  if (opts.triage !== false) await triage(id, opts.classification);
  return id;
};

const triage = async (id: string, classification: Json = {}) =>
  ok(world.users.agent.session, 'POST', `/api/v1/complaints/${id}/transitions`, {
    type: 'triage',
    classification: { ...CLASSIFY, ...classification },
  });

const boardOf = async (productId: string) =>
  (await ok(world.users.qa.session, 'GET', `/api/v1/batch-board?productId=${productId}`)).items as Json[];

const reportsOf = async (productId: string) =>
  (
    await rows<{ id: string; kind: string; number: string; due_at: Date | string; status: string }>(
      sql`select id, kind, number, due_at, status from quality_reports where product_id = ${productId} order by kind`,
    )
  ).map((r) => ({ ...r, due_at: new Date(r.due_at).toISOString() }));

const ISSUE = {
  content: { summary: '批量不制冷', cause: '压缩机电容批次不良', measures: '更换电容，追溯同批次' },
};

describe('appliance: a batch crosses 3‰ then 1% and gets both reports (R-BAT-1, R-BAT-2, R-BAT-3, R-SLA-7)', () => {
  let p: { productId: string; batchNo: string };
  let firstComplaintId = '';

  it('should open no report at 30 valid complaints per 10 000 shipped — exactly 3‰ is not above (R-BAT-2 boundary)', async () => {
    deps.clock.set(T0);
    p = await productWithBatch('KFR-35GW', '20260215A', [
      ['华东', 6_000],
      ['华北', 4_000],
    ]);
    firstComplaintId = await complaintOf(p);
    for (let i = 1; i < 30; i++) {
      deps.clock.advance(10 * 60_000);
      await complaintOf(p);
    }
    expect(await reportsOf(p.productId)).toEqual([]);
    const [row = {}] = await boardOf(p.productId);
    expect(row).toMatchObject({
      batchNo: '20260215A',
      mechanism: 'function',
      validComplaints: 30,
      unitsShipped: 10_000,
      rate: 0.003,
      thresholdsCrossed: [],
      reports: [],
    });
  });

  it('should open the abnormality report at the 31st, due 72 h after the FIRST complaint, not the latest (R-BAT-2, R-SLA-7)', async () => {
    deps.clock.advance(10 * 60_000);
    await complaintOf(p);
    const reports = await reportsOf(p.productId);
    expect(reports.map((r) => [r.kind, r.status])).toEqual([['abnormality', 'open']]);
    expect(reports[0]?.number).toMatch(/^YC-2026-\d{4}$/);
    expect(reports[0]?.due_at).toBe(new Date(T0.getTime() + 72 * 3_600_000).toISOString());
    const view = await ok(world.users.qa.session, 'GET', `/api/v1/quality-reports/${reports[0]?.id}`);
    expect(view.report).toMatchObject({
      kind: 'abnormality',
      triggers: ['rate'],
      rate: '0.00310000',
      threshold: '0.00300000',
      validComplaints: 31,
      unitsShipped: 10_000,
      firstComplaintAt: T0.toISOString(),
      overdue: false,
    });
    expect(view.complaints).toHaveLength(31);
    expect(view.complaints[0].id).toBe(firstComplaintId);
    const [row = {}] = await boardOf(p.productId);
    expect(row.thresholdsCrossed).toEqual(['abnormality']);
    const opened = await rows<{ n: number; recipients: { userId: string }[]; summary: string }>(
      sql`select count(*) over ()::int as n, payload->'recipients' as recipients, payload->>'summary' as summary
            from outbox_events where type = 'batch.report_opened' and aggregate_id = ${reports[0]?.id}`,
    );
    expect(opened[0]?.n).toBe(1);
    // The 72 h start with the first complaint (R-SLA-7): the opening names quality, so they are mailed at once.
    expect(opened[0]?.recipients.map((r) => r.userId)).toContain(world.users.qa.id);
    expect(opened[0]?.summary).toMatch(
      /^市场质量异常反馈单已开立 Market quality abnormality report opened: YC-/,
    );
  });

  it('should open the special report at 101 per 10 000 and not at 100 — exactly 1% is not above (R-BAT-3 boundary)', async () => {
    for (let i = 31; i < 100; i++) {
      deps.clock.advance(60_000);
      await complaintOf(p);
    }
    expect((await reportsOf(p.productId)).map((r) => r.kind)).toEqual(['abnormality']);
    deps.clock.advance(60_000);
    await complaintOf(p);
    const reports = await reportsOf(p.productId);
    expect(reports.map((r) => r.kind)).toEqual(['abnormality', 'special']);
    expect(reports[1]?.number).toMatch(/^ZT-2026-\d{4}$/);
    expect(reports[1]?.due_at).toBe(new Date(T0.getTime() + 72 * 3_600_000).toISOString());
    const [row = {}] = await boardOf(p.productId);
    expect(row).toMatchObject({ validComplaints: 101, thresholdsCrossed: ['abnormality', 'special'] });
    expect(row.reports.map((r: Json) => r.kind)).toEqual(['abnormality', 'special']);
    expect(row.weekly).toEqual([{ week: '2026-W10', count: 101 }]);
    expect(row.regions).toEqual([{ region: null, count: 101 }]);
    const open = await ok(world.users.qa.session, 'GET', '/api/v1/quality-reports?status=open');
    expect(open.items.filter((r: Json) => r.productId === p.productId)).toHaveLength(2);
  });

  it('should issue a report with its content and refuse a second issue with 409 (R-SLA-7)', async () => {
    const [abnormality] = await reportsOf(p.productId);
    const issued = await ok(
      world.users.qa.session,
      'POST',
      `/api/v1/quality-reports/${abnormality?.id}/issue`,
      ISSUE,
    );
    expect(issued.report).toMatchObject({ status: 'issued', content: ISSUE.content, version: 2 });
    expect(issued.report.issuedAt).toBe(deps.clock.now().toISOString());
    expect(issued.complaints.every((c: Json) => c.reportIssuedAt === deps.clock.now().toISOString())).toBe(
      true,
    );
    const again = await call(
      world.users.qa.session,
      'POST',
      `/api/v1/quality-reports/${abnormality?.id}/issue`,
      ISSUE,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('QUALITY_REPORT_ALREADY_ISSUED');
    const listed = await ok(world.users.qa.session, 'GET', '/api/v1/quality-reports?status=issued');
    expect(listed.items.map((r: Json) => r.id)).toContain(abnormality?.id);
  });
});

describe('a report not issued within 72 hours of the first complaint (R-SLA-7, R-ESC-1)', () => {
  it('should escalate the open special report once to the GM and quality, and leave the issued one alone', async () => {
    const open = await ok(world.users.qa.session, 'GET', '/api/v1/quality-reports?status=open');
    const special = (open.items as Json[]).find((r) => r.kind === 'special');
    expect(special).toBeDefined();
    deps.clock.set(new Date(new Date(special?.dueAt as string).getTime() - 60_000));
    expect(await escalateOverdueQualityReports(deps)).toBe(0);
    deps.clock.set(new Date(new Date(special?.dueAt as string).getTime() + 60_000));
    expect(await escalateOverdueQualityReports(deps)).toBe(1);
    expect(await escalateOverdueQualityReports(deps)).toBe(0);
    const events = await rowsOf<{ payload: Json }>(
      deps.db.reader(),
      sql`select payload from outbox_events where type = 'quality_report.overdue'`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({
      reportId: special?.id,
      number: special?.number,
      kind: 'special',
      hoursOverdue: 0,
      rules: [{ rule: 'R-SLA-7', detail: 'report_overdue_escalated' }],
    });
    const told = (events[0]?.payload.recipients as Json[]).map((r) => r.userId);
    expect(told).toContain(world.users.gm.id);
    expect(told).toContain(world.users.qa.id);
    const audit = await rowsOf<{ n: number }>(
      deps.db.reader(),
      sql`select count(*)::int as n from audit_log where action = 'quality_report.overdue' and entity_id = ${special?.id as string}`,
    );
    expect(audit[0]?.n).toBe(1);
  });
});

describe('serious events and counting once (R-BAT-2, R-BAT-3, R-SLA-7)', () => {
  it('should open the abnormality report at once on one serious event, and meet the complaint’s R-SLA-7 clock when issued (R-BAT-2, R-SLA-7)', async () => {
    const p = await productWithBatch('KETTLE-17', 'K260301', [['华南', 5_000]]);
    const receivedAt = deps.clock.now();
    const id = await complaintOf(p, {
      description: '水壶插头打火，吓了一跳。',
      classification: { severity: 'serious' },
    });
    const reports = await reportsOf(p.productId);
    expect(reports.map((r) => r.kind)).toEqual(['abnormality']);
    expect(reports[0]?.due_at).toBe(new Date(receivedAt.getTime() + 72 * 3_600_000).toISOString());
    const view = await ok(world.users.qa.session, 'GET', `/api/v1/quality-reports/${reports[0]?.id}`);
    expect(view.report).toMatchObject({ triggers: ['serious_event'], mechanism: 'safety_hazard' });
    const before = await ok(world.users.agent.session, 'GET', `/api/v1/complaints/${id}`);
    expect(before.deadlines.find((d: Json) => d.kind === 'R-SLA-7')).toMatchObject({ state: 'open' });
    deps.clock.advance(5 * 3_600_000);
    await relogin();
    await ok(world.users.qa.session, 'POST', `/api/v1/quality-reports/${reports[0]?.id}/issue`, ISSUE);
    const after = await ok(world.users.agent.session, 'GET', `/api/v1/complaints/${id}`);
    expect(after.deadlines.find((d: Json) => d.kind === 'R-SLA-7')).toMatchObject({
      state: 'met',
      metAt: deps.clock.now().toISOString(),
    });
  });

  it('should open the special report at once on a personal-safety hazard (R-BAT-3)', async () => {
    const p = await productWithBatch('HEATER-2K', 'H260301', [['华南', 5_000]]);
    await complaintOf(p, {
      description: '取暖器外壳烧焦冒烟。',
      classification: { nature: 'safety', severity: 'urgent' },
    });
    expect((await reportsOf(p.productId)).map((r) => r.kind)).toEqual(['abnormality', 'special']);
  });

  it('should count a complaint once even when it is triaged twice (R-BAT-1)', async () => {
    const p = await productWithBatch('FAN-40', 'F260301', [['华南', 1_000]]);
    const id = await complaintOf(p);
    await triage(id, { severity: 'urgent' });
    const [row = {}] = await boardOf(p.productId);
    expect(row.validComplaints).toBe(1);
    const events = await rows<{ n: number }>(
      sql`select count(*)::int as n from batch_signal_events where complaint_id = ${id}`,
    );
    expect(events[0]?.n).toBe(1);
  });

  it('should not count a complaint that is not valid, or names no catalogue product or batch (R-BAT-1)', async () => {
    const p = await productWithBatch('FAN-50', 'F260302', [['华南', 1_000]]);
    await complaintOf(p, { classification: { validity: 'no_quality_problem' } });
    await complaintOf({ productId: p.productId, batchNo: '' });
    expect(await boardOf(p.productId)).toEqual([]);
  });
});

describe('keeping the count true after triage (R-BAT-1)', () => {
  const eventOf = async (id: string) =>
    (
      await rows<{ batch_no: string; mechanism: string }>(
        sql`select batch_no, mechanism from batch_signal_events where complaint_id = ${id}`,
      )
    )[0];
  const countersOf = async (productId: string) =>
    rows<{ batch_no: string; valid_complaints: number; first_complaint_at: Date | string }>(
      sql`select batch_no, valid_complaints, first_complaint_at from batch_signal_counters
          where product_id = ${productId} order by batch_no`,
    );
  const versionOf = async (id: string): Promise<number> =>
    (await ok(world.users.agent.session, 'GET', `/api/v1/complaints/${id}`)).version as number;

  it('should take a complaint re-triaged as not valid out of its signal, re-deriving the first complaint (R-BAT-1, R-SLA-7)', async () => {
    const p = await productWithBatch('FAN-60', 'F260303', [['华南', 1_000]]);
    const first = await complaintOf(p);
    deps.clock.advance(60_000);
    const second = await complaintOf(p);
    expect((await countersOf(p.productId))[0]?.valid_complaints).toBe(2);
    await triage(first, { validity: 'no_quality_problem' });
    expect(await eventOf(first)).toBeUndefined();
    const [counter] = await countersOf(p.productId);
    expect(counter?.valid_complaints).toBe(1);
    const secondAt = (await ok(world.users.agent.session, 'GET', `/api/v1/complaints/${second}`)).receivedAt;
    expect(new Date(counter?.first_complaint_at as string).toISOString()).toBe(secondAt);
    const audit = await rows<{ after: Json }>(
      sql`select after from audit_log where entity_id = ${first} and action = 'complaint.batch_signal_uncounted'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ reason: 'no_longer_valid', validComplaints: 1 });
    expect(audit[0]?.after.rules).toEqual([
      { rule: 'R-BAT-1', detail: expect.stringMatching(/^uncounted from F260303\/.*: no_longer_valid$/) },
    ]);
    // Valid again: it counts again, once.
    await triage(first);
    expect((await countersOf(p.productId))[0]?.valid_complaints).toBe(2);
    // The last one out removes the counter, so the board no longer lists the signal.
    await triage(first, { validity: 'no_quality_problem' });
    await triage(second, { validity: 'no_quality_problem' });
    expect(await countersOf(p.productId)).toEqual([]);
    expect(await boardOf(p.productId)).toEqual([]);
  });

  it('should move a counted complaint whose batch number is corrected to the right batch, and count nothing twice (R-BAT-1)', async () => {
    const p = await productWithBatch('FAN-70', 'F260304', [['华南', 1_000]]);
    await ok(
      world.users.qa.session,
      'POST',
      '/api/v1/batches',
      { productId: p.productId, batchNo: 'F260305' },
      201,
    );
    const id = await complaintOf(p);
    expect((await eventOf(id))?.batch_no).toBe('F260304');
    const corrected = await ok(world.users.agent.session, 'PATCH', `/api/v1/complaints/${id}`, {
      version: await versionOf(id),
      product: { batchNo: 'F260305' },
      reason: '顾客重新核对包装上的批号',
    });
    expect(corrected.product.batchNo).toBe('F260305');
    expect((await eventOf(id))?.batch_no).toBe('F260305');
    expect((await countersOf(p.productId)).map((c) => [c.batch_no, c.valid_complaints])).toEqual([
      ['F260305', 1],
    ]);
    // A correction of a complaint that never counted counts nothing: only triage counts.
    const untriaged = await complaintOf(p, { triage: false });
    await ok(world.users.agent.session, 'PATCH', `/api/v1/complaints/${untriaged}`, {
      version: await versionOf(untriaged),
      product: { batchNo: 'F260305' },
    });
    expect(await eventOf(untriaged)).toBeUndefined();
  });
});

describe('regional concentration opens one batch case (R-BAT-4, R-SLA-11)', () => {
  it('should open one case at the third complaint of one region, link every counted complaint and later ones too (R-BAT-4, R-SLA-11)', async () => {
    const p = await productWithBatch('WM-8KG', 'W260301', [
      ['华东', 3_000],
      ['华北', 2_000],
    ]);
    const east = [
      await customerIn('东一', '华东'),
      await customerIn('东二', '华东'),
      await customerIn('东三', '华东'),
    ];
    const north = await customerIn('北一', '华北');
    const ids = [
      await complaintOf(p, { customerId: east[0] }),
      await complaintOf(p, { customerId: east[1] }),
    ];
    ids.push(await complaintOf(p, { customerId: north }));
    const none = await rows<{ n: number }>(
      sql`select count(*)::int as n from batch_cases where product_id = ${p.productId}`,
    );
    expect(none[0]?.n).toBe(0);
    deps.clock.advance(60_000);
    ids.push(await complaintOf(p, { customerId: east[2] }));
    const cases = await rows<{
      id: string;
      number: string;
      opened_at: string;
      investigation_due_at: string;
      region: string;
    }>(
      sql`select id, number, opened_at, investigation_due_at, region from batch_cases where product_id = ${p.productId}`,
    );
    expect(cases).toHaveLength(1);
    const c = cases[0]!;
    expect(c.number).toMatch(/^PL-2026-\d+$/);
    expect(c.region).toBe('华东');
    expect(new Date(c.investigation_due_at).getTime() - new Date(c.opened_at).getTime()).toBe(2 * 3_600_000);
    ids.push(await complaintOf(p, { customerId: north }));
    const linked = await rows<{ complaint_id: string }>(
      sql`select complaint_id from batch_case_complaints where case_id = ${c.id}`,
    );
    expect(linked.map((l) => l.complaint_id).sort()).toEqual([...ids].sort());
    const opened = await rows<{ n: number; recipients: { userId: string }[] }>(
      sql`select count(*) over ()::int as n, payload->'recipients' as recipients
            from outbox_events where type = 'batch.case_opened' and aggregate_id = ${c.id}`,
    );
    expect(opened[0]?.n).toBe(1);
    // The quality engineers are named, so the staff-alert channel mails them as the 2 hours start (R-SLA-11).
    expect(opened[0]?.recipients.map((r) => r.userId)).toContain(world.users.qa.id);
    const [row = {}] = await boardOf(p.productId);
    expect(row.openCase).toMatchObject({ id: c.id, number: c.number, status: 'open' });
    expect(row.regions).toEqual([
      { region: '华东', count: 3 },
      { region: '华北', count: 2 },
    ]);
  });

  it('should not open a case when the complaints of one region are spread over more than the window (R-BAT-4)', async () => {
    const p = await productWithBatch('WM-10KG', 'W260302', [['西南', 3_000]]);
    const cs = [
      await customerIn('西一', '西南'),
      await customerIn('西二', '西南'),
      await customerIn('西三', '西南'),
    ];
    await complaintOf(p, { customerId: cs[0] });
    for (const c of [cs[1], cs[2]]) {
      deps.clock.advance(4 * 86_400_000);
      await relogin();
      await complaintOf(p, { customerId: c });
    }
    const cases = await rows<{ n: number }>(
      sql`select count(*)::int as n from batch_cases where product_id = ${p.productId}`,
    );
    expect(cases[0]?.n).toBe(0);
  });

  // PostgreSQL only: PGlite is one connection, so transactions cannot overlap there.
  it.runIf(process.env.DATABASE_URL)(
    'should end 20 concurrently triaged complaints of one batch with counter 20 and exactly one batch case (R-BAT-1, R-BAT-4)',
    async () => {
      const p = await productWithBatch('TV-55', 'TV260301', [['华南', 1_000]]);
      const customer = await customerIn('南区经销商', '华南');
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) ids.push(await complaintOf(p, { customerId: customer, triage: false }));
      await Promise.all(ids.map((id) => triage(id)));
      const counters = await rows<{ valid_complaints: number }>(
        sql`select valid_complaints from batch_signal_counters where product_id = ${p.productId}`,
      );
      expect(counters).toEqual([{ valid_complaints: 20 }]);
      const cases = await rows<{ id: string }>(
        sql`select id from batch_cases where product_id = ${p.productId}`,
      );
      expect(cases).toHaveLength(1);
      const linked = await rows<{ n: number }>(
        sql`select count(*)::int as n from batch_case_complaints where case_id = ${cases[0]?.id}`,
      );
      expect(linked[0]?.n).toBe(20);
      expect((await reportsOf(p.productId)).map((r) => r.kind)).toEqual(['abnormality', 'special']);
    },
  );
});

describe('batch board (R-BAT-1)', () => {
  it('should rank batches by their highest rate, the signals of a batch together, nothing shipped last', async () => {
    const p = await productWithBatch('RC-3L', 'R1', [['华中', 100]]);
    const qa = world.users.qa.session;
    const b2 = await ok(
      qa,
      'POST',
      '/api/v1/batches',
      { productId: p.productId, batchNo: 'R2', quantity: 1_000 },
      201,
    );
    expect(b2.id).toBeTruthy();
    await complaintOf(p);
    await complaintOf(p);
    await complaintOf(p, {
      description: '外观划痕严重',
      classification: { nature: 'appearance', severity: 'general' },
    });
    await complaintOf({ productId: p.productId, batchNo: 'R2' });
    await complaintOf({ productId: p.productId, batchNo: 'R3-UNKNOWN' });
    const board = await boardOf(p.productId);
    expect(
      board.map((r) => [r.rank, r.batchNo, r.mechanism, r.validComplaints, r.unitsShipped, r.rate]),
    ).toEqual([
      [1, 'R1', 'function', 2, 100, 0.02],
      [1, 'R1', 'appearance', 1, 100, 0.01],
      [2, 'R2', 'function', 1, 1_000, 0.001],
      [3, 'R3-UNKNOWN', 'function', 1, 0, null],
    ]);
    expect(board[0]?.thresholdsCrossed).toEqual(['abnormality', 'special']);
    expect(board[1]?.thresholdsCrossed).toEqual(['abnormality']);
  });
});

describe('access and bad input', () => {
  it('should refuse the board to a role without batch.read and issuing to one without batch.manage (403)', async () => {
    const board = await call(world.users.agent.session, 'GET', '/api/v1/batch-board');
    expect(board.statusCode).toBe(403);
    const [report] = await rows<{ id: string }>(
      sql`select id from quality_reports where status = 'open' limit 1`,
    );
    const issue = await call(production, 'POST', `/api/v1/quality-reports/${report?.id}/issue`, ISSUE);
    expect(issue.statusCode).toBe(403);
    expect((await call(production, 'GET', `/api/v1/quality-reports/${report?.id}`)).statusCode).toBe(200);
  });

  it('should answer 400 for bad queries and bodies, 404 for an unknown report, 409 for a stale version, writing nothing', async () => {
    const qa = world.users.qa.session;
    expect((await call(qa, 'GET', '/api/v1/batch-board?limit=0')).statusCode).toBe(400);
    expect((await call(qa, 'GET', '/api/v1/quality-reports?status=lost')).statusCode).toBe(400);
    const [report] = await rows<{ id: string }>(
      sql`select id from quality_reports where status = 'open' limit 1`,
    );
    const url = `/api/v1/quality-reports/${report?.id}/issue`;
    const missing = await call(qa, 'POST', url, { content: { summary: '缺原因', measures: 'x' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('VALIDATION_FAILED');
    const stale = await call(qa, 'POST', url, { ...ISSUE, version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const unknown = await call(
      qa,
      'POST',
      '/api/v1/quality-reports/01a20000-0000-7000-8000-000000000001/issue',
      ISSUE,
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('QUALITY_REPORT_NOT_FOUND');
    const still = await rows<{ status: string }>(
      sql`select status from quality_reports where id = ${report?.id}`,
    );
    expect(still[0]?.status).toBe('open');
  });
});
