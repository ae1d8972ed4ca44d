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
import { escalateOverdueAdverseEvents } from '../../app/adverse-events/escalate-overdue-adverse-events';
import { rowsOf } from '../../db/client';
import { policyRepo } from '../../db/repos/policy.repo';
import { DEFAULT_ADVERSE_EVENT_POLICY } from '../../domain/adverse-event/adverse-event-policy';
import { deadlineSweepJob } from '../../jobs/deadline-sweep.job';
import { callAs } from '../../../test/factories/inject.factory';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let world: ComplaintWorld;
let admin: Session;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  deps.clock.set(new Date('2026-03-05T02:00:00Z')); // Thursday 10:00 in Shanghai
  world = await createComplaintWorld(deps, app);
  await createUserFx(deps, 'ae.admin', ['admin']);
  admin = await loginFx(app, 'ae.admin');
});
afterAll(async () => close());

const call = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
  callAs(app, s, method, url, payload);

const act = (s: Session, id: string, body: Json) =>
  call(s, 'POST', `/api/v1/complaints/${id}/transitions`, body);

const actOk = async (s: Session, id: string, body: Json) => {
  const r = await act(s, id, body);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

const createProduct = async (code: string, medicalDevice: boolean): Promise<string> => {
  const p = await call(world.users.qa.session, 'POST', '/api/v1/products', {
    code,
    name: medicalDevice ? '输液泵 SP-3' : '电水壶 1.5L',
    medicalDevice,
  });
  expect(p.statusCode, p.body).toBe(201);
  return p.json().id as string;
};

const register = async (body: Json): Promise<Json> => {
  const r = await call(world.users.agent.session, 'POST', '/api/v1/complaints', hotlineComplaint(body));
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
};

const evaluationOf = async (complaintId: string): Promise<Json | undefined> => {
  const list = await call(world.users.qa.session, 'GET', `/api/v1/adverse-events?complaintId=${complaintId}`);
  expect(list.statusCode, list.body).toBe(200);
  const items = list.json().items as Json[];
  expect(items.length).toBeLessThanOrEqual(1);
  return items.find((e) => e.complaintId === complaintId);
};

const countRows = async (query: ReturnType<typeof sql>): Promise<number> =>
  Number((await rowsOf<{ n: number }>(deps.db.reader(), query))[0]?.n);

const setPreset = (name: string) => policyRepo.save(deps.db.reader(), 'preset', name, null, deps.clock.now());

const pump = {
  problem: { description: '输液泵流速失控，患者用药过量后死亡', scope: 'single_unit' },
  demands: ['explanation'],
};

describe('a medical-device death is evaluated and decided (issue 6, R-AE-1, R-AE-2)', () => {
  let complaintId = '';
  let evaluation: Json = {};
  const decisionOf = (key: string): Json =>
    (evaluation.decisions as Json[]).find((d) => `${d.jurisdiction}/${d.reportKind}` === key) ?? {};

  it('should refuse an adverse-event policy that names an unknown market, and store a valid one', async () => {
    const bad = await call(admin, 'PUT', '/api/v1/policies/adverse_event_policy', {
      value: { ...DEFAULT_ADVERSE_EVENT_POLICY, productJurisdictions: { 'SP3-CN': ['UK-MHRA'] } },
      reason: '出口市场',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('POLICY_INVALID');
    const good = await call(admin, 'PUT', '/api/v1/policies/adverse_event_policy', {
      value: { ...DEFAULT_ADVERSE_EVENT_POLICY, productJurisdictions: { 'SP3-CN': ['US-FDA', 'EU-MDR'] } },
      reason: '该型号出口美国与欧盟',
    });
    expect(good.statusCode, good.body).toBe(200);
  });

  it('should open the evaluation in the registration transaction with a deadline per jurisdiction (R-AE-1, R-AE-2)', async () => {
    const productId = await createProduct('SP3-CN', true);
    const created = await register({
      ...pump,
      customer: { name: '市第一人民医院 设备科', phone: '138 1234 5678', type: 'b2b' },
      product: { id: productId, batchNo: 'L2026-01', serialNo: 'SN0042' },
      injury: 'death',
    });
    complaintId = created.complaint.id;
    expect(created.rules).toContainEqual({ rule: 'R-AE-2', detail: 'evaluation opened: death' });
    const open = await call(world.users.qa.session, 'GET', '/api/v1/adverse-events?open=true');
    expect(open.statusCode).toBe(200);
    evaluation = (open.json().items as Json[]).find((e) => e.complaintId === complaintId) ?? {};
    expect(evaluation).toMatchObject({
      eventType: 'death',
      status: 'evaluating',
      awareAt: '2026-03-05T02:00:00.000Z',
      closeBlocked: true,
      complaintNumber: created.complaint.number,
      triggers: [{ eventType: 'death', via: 'registered' }],
    });
    expect(
      (evaluation.decisions as Json[]).map((d) => [`${d.jurisdiction}/${d.reportKind}`, d.dueAt]),
    ).toEqual([
      ['CN-NMPA/individual_death', '2026-03-12T16:00:00.000Z'],
      ['EU-MDR/death_or_deterioration', '2026-03-15T16:00:00.000Z'],
      ['US-FDA/mdr_30_day', '2026-04-04T16:00:00.000Z'],
    ]);
    expect(decisionOf('CN-NMPA/individual_death')).toMatchObject({ confidence: 'B', form: 'nmpa' });
    expect(evaluation.nextDueAt).toBe('2026-03-12T16:00:00.000Z');
    expect(
      await countRows(
        sql`select count(*)::int as n from outbox_events where type = 'adverse_event.opened' and payload->>'complaintId' = ${complaintId}`,
      ),
    ).toBe(1);
    expect(
      await countRows(
        sql`select count(*)::int as n from audit_log where action = 'adverse_event.opened' and entity_id = ${evaluation.id}`,
      ),
    ).toBe(1);
  });

  it('should find the evaluation of one complaint by its id, and refuse an id that is not one (R-AE-2)', async () => {
    expect((await evaluationOf(complaintId))?.id).toBe(evaluation.id);
    const other = await register({
      ...pump,
      injury: 'none',
      product: { id: await createProduct('SP4-CN', true) },
    });
    expect(await evaluationOf(other.complaint.id as string)).toBeUndefined();
    const bad = await call(
      world.users.qa.session,
      'GET',
      '/api/v1/adverse-events?complaintId=KS-2026-000001',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('should refuse every closing command while a decision lacks its answer and rationale (R-AE-2)', async () => {
    const { agent, manager } = world.users;
    await actOk(agent.session, complaintId, {
      type: 'triage',
      classification: { nature: 'safety', severity: 'serious', major: true, validity: 'valid' },
    });
    const again = await evaluationOf(complaintId);
    expect(again?.decisions).toHaveLength(3); // triage adds nothing new
    await actOk(agent.session, complaintId, {
      type: 'assign',
      departmentId: world.depts.PROD.id,
      assigneeId: manager.id,
    });
    await actOk(manager.session, complaintId, { type: 'start_investigation' });
    for (const body of [
      { type: 'resolve', summary: '已更换输液泵' },
      { type: 'explain', reason: '已向医院说明' },
      { type: 'declare_not_valid', reason: '非产品问题' },
    ]) {
      const refused = await act(manager.session, complaintId, body);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({
        code: 'ADVERSE_EVENT_UNDECIDED',
        details: { rule: 'R-AE-2', adverseEventId: evaluation.id },
      });
      expect(refused.json().error.details.undecided).toHaveLength(3);
    }
    const c = (await call(manager.session, 'GET', `/api/v1/complaints/${complaintId}`)).json();
    expect(c.status).toBe('investigating');
  });

  it('should refuse bad decisions and record good ones with rationale and submission (R-AE-2)', async () => {
    const { qa, agent } = world.users;
    const url = (d: Json) => `/api/v1/adverse-events/${evaluation.id}/decisions/${d.id}`;
    const nmpa = decisionOf('CN-NMPA/individual_death');
    const forbidden = await call(agent.session, 'POST', url(nmpa), { reportable: true, rationale: '死亡' });
    expect(forbidden.statusCode).toBe(403);
    const blank = await call(qa.session, 'POST', url(nmpa), { reportable: true, rationale: '' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.code).toBe('VALIDATION_FAILED');
    const noAnswer = await call(qa.session, 'POST', url(nmpa), { rationale: '待定' });
    expect(noAnswer.statusCode).toBe(400);
    const inconsistent = await call(qa.session, 'POST', url(nmpa), {
      reportable: false,
      rationale: '与器械无关',
      submissionRef: 'X-1',
    });
    expect(inconsistent.statusCode).toBe(422);
    expect(inconsistent.json().error.code).toBe('ADVERSE_EVENT_DECISION_INVALID');
    const unknown = await call(
      qa.session,
      'POST',
      `/api/v1/adverse-events/${evaluation.id}/decisions/${complaintId}`,
      { reportable: true, rationale: '死亡' },
    );
    expect(unknown.json().error.code).toBe('ADVERSE_EVENT_DECISION_NOT_FOUND');
    const noEval = await call(qa.session, 'GET', `/api/v1/adverse-events/${complaintId}`);
    expect(noEval.statusCode).toBe(404);
    expect(noEval.json().error.code).toBe('ADVERSE_EVENT_NOT_FOUND');
    const untouched = (await call(qa.session, 'GET', `/api/v1/adverse-events/${evaluation.id}`)).json();
    expect((untouched.decisions as Json[]).every((d) => d.reportable === null)).toBe(true);

    const first = await call(qa.session, 'POST', url(nmpa), {
      reportable: true,
      rationale: '输液泵流速失控可能导致患者死亡，属于应报告的死亡事件',
      submissionRef: 'NMPA-AE-2026-0077',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'evaluating', closeBlocked: true });
    const stillBlocked = await act(world.users.manager.session, complaintId, {
      type: 'resolve',
      summary: '已更换',
    });
    expect(stillBlocked.json().error.details.undecided).toHaveLength(2);

    await call(qa.session, 'POST', url(decisionOf('US-FDA/mdr_30_day')), {
      reportable: false,
      rationale: '该批次未在美国销售，无 FDA 报告义务',
    });
    const last = await call(qa.session, 'POST', url(decisionOf('EU-MDR/death_or_deterioration')), {
      reportable: true,
      rationale: '该批次已出口欧盟，属死亡事件',
    });
    expect(last.statusCode, last.body).toBe(200);
    evaluation = last.json();
    expect(evaluation).toMatchObject({ status: 'decided', closeBlocked: false, nextDueAt: null });
    expect(evaluation.decidedAt).toBe('2026-03-05T02:00:00.000Z');
    expect(decisionOf('CN-NMPA/individual_death')).toMatchObject({
      reportable: true,
      submissionRef: 'NMPA-AE-2026-0077',
      submittedAt: '2026-03-05T02:00:00.000Z',
      decidedBy: qa.id,
    });

    const reverse = await call(qa.session, 'POST', url(nmpa), { reportable: false, rationale: '误报' });
    expect(reverse.statusCode).toBe(409);
    expect(reverse.json().error.code).toBe('ADVERSE_EVENT_ALREADY_SUBMITTED');
    expect(
      await countRows(
        sql`select count(*)::int as n from audit_log where action = 'adverse_event.decided' and after->>'adverseEventId' = ${evaluation.id}`,
      ),
    ).toBe(3);
  });

  it('should let the complaint close once every decision has an answer and a rationale (R-AE-2)', async () => {
    const explained = await actOk(world.users.manager.session, complaintId, {
      type: 'explain',
      reason: '已更换输液泵，已向 NMPA 与欧盟主管当局报告，并向医院说明调查结论',
    });
    expect(explained.status).toBe('explained');
  });

  it('should export the key fields of the NMPA, FDA and EU forms, masked without pii.reveal (R-AE-2)', async () => {
    const { qa } = world.users;
    const facts = await call(qa.session, 'PUT', `/api/v1/adverse-events/${evaluation.id}/report-facts`, {
      patientOutcome: '患者用药过量，抢救无效死亡',
      patientAge: 67,
      patientSex: 'male',
      manufacturerActions: '同批次暂停发货并召回',
    });
    expect(facts.statusCode, facts.body).toBe(200);
    const badFacts = await call(qa.session, 'PUT', `/api/v1/adverse-events/${evaluation.id}/report-facts`, {
      patientAge: -1,
    });
    expect(badFacts.statusCode).toBe(400);
    const exp = async (form: string) => {
      const r = await call(qa.session, 'GET', `/api/v1/adverse-events/${evaluation.id}/export?form=${form}`);
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      return { body, v: Object.fromEntries((body.fields as Json[]).map((f) => [f.key, f.value])) };
    };
    const nmpa = await exp('nmpa');
    expect(nmpa.body).toMatchObject({ form: 'nmpa', applicable: true });
    expect(nmpa.v).toMatchObject({
      'report.number': 'NMPA-AE-2026-0077',
      'event.harm': '死亡',
      'event.outcome': '患者用药过量，抢救无效死亡',
      'device.name': '输液泵 SP-3',
      'device.code': 'SP3-CN',
      'device.batchNo': 'L2026-01',
      'device.serialNo': 'SN0042',
      'analysis.actions': '同批次暂停发货并召回',
      'patient.age': 67,
      'reporter.phone': '138****5678',
    });
    expect(nmpa.body.missing).toEqual(expect.arrayContaining(['device.udi', 'device.registrationNo']));
    const fda = await exp('fda');
    expect(fda.v).toMatchObject({
      A1: expect.stringMatching(/^KS-2026-/),
      H1: 'death',
      'D4.lot': 'L2026-01',
    });
    const eu = await exp('eu');
    expect(eu.v).toMatchObject({ 'admin.incidentType': 'death', 'device.serial': 'SN0042' });
    const csv = await call(
      qa.session,
      'GET',
      `/api/v1/adverse-events/${evaluation.id}/export?form=nmpa&format=csv`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('device.batchNo');
    expect(csv.body).toContain('L2026-01');
    const bad = await call(qa.session, 'GET', `/api/v1/adverse-events/${evaluation.id}/export?form=pmda`);
    expect(bad.statusCode).toBe(400);
  });
});

describe('where no evaluation is due, and the other ways in (R-AE-1, R-AE-2)', () => {
  it('should open no evaluation for a minor injury, nor for a serious one on a non-medical product (R-AE-1)', async () => {
    const kettle = await createProduct('KT-1500', false);
    const minor = await register({ product: { id: kettle }, injury: 'minor' });
    const serious = await register({ product: { id: kettle }, injury: 'serious' });
    expect(await evaluationOf(minor.complaint.id)).toBeUndefined();
    expect(await evaluationOf(serious.complaint.id)).toBeUndefined();
    expect(minor.rules.map((r: Json) => r.rule)).not.toContain('R-AE-2');
  });

  it('should open one for any product while the medical preset is in force, at registration or at triage (R-AE-2)', async () => {
    const before = await register({ product: { name: '一次性注射器' }, injury: 'serious' });
    expect(await evaluationOf(before.complaint.id)).toBeUndefined();
    await setPreset('medical');
    try {
      const at = await register({ product: { name: '一次性注射器' }, injury: 'serious' });
      expect(await evaluationOf(at.complaint.id)).toMatchObject({
        eventType: 'serious_injury',
        decisions: [
          { jurisdiction: 'CN-NMPA', reportKind: 'individual_serious', dueAt: '2026-03-25T16:00:00.000Z' },
        ],
      });
      await actOk(world.users.agent.session, before.complaint.id, {
        type: 'triage',
        classification: { nature: 'safety', severity: 'serious', major: true, validity: 'valid' },
      });
      expect(await evaluationOf(before.complaint.id)).toMatchObject({
        triggers: [{ via: 'triaged', awareAt: before.complaint.receivedAt }],
      });
    } finally {
      await setPreset('food');
    }
  });

  it('should open one when a correction records a death on a medical device, aware from then (R-AE-1)', async () => {
    const pumpId = (await call(world.users.qa.session, 'GET', '/api/v1/products?q=SP3')).json().items[0].id;
    const c = await register({ ...pump, product: { id: pumpId }, injury: 'minor' });
    expect(await evaluationOf(c.complaint.id)).toBeUndefined();
    deps.clock.advance(60 * 60_000);
    const patched = await call(world.users.agent.session, 'PATCH', `/api/v1/complaints/${c.complaint.id}`, {
      version: c.complaint.version,
      injury: 'death',
      reason: '家属来电告知患者已死亡',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await evaluationOf(c.complaint.id)).toMatchObject({
      eventType: 'death',
      awareAt: deps.clock.now().toISOString(),
      triggers: [{ via: 'updated' }],
    });
  });

  it('should open a group event by hand, refuse bad input, and escalate overdue decisions once (R-AE-2)', async () => {
    const { qa, agent } = world.users;
    const kettle = await createProduct('KT-1700', false);
    const c = await register({ product: { id: kettle }, injury: 'none' });
    const url = `/api/v1/complaints/${c.complaint.id}/adverse-event`;
    expect((await call(agent.session, 'POST', url, { eventType: 'group' })).statusCode).toBe(403);
    const future = await call(qa.session, 'POST', url, {
      eventType: 'group',
      awareAt: new Date(deps.clock.now().getTime() + 86_400_000).toISOString(),
    });
    expect(future.json().error.code).toBe('ADVERSE_EVENT_AWARE_AT_INVALID');
    expect((await call(qa.session, 'POST', url, { eventType: 'coma' })).statusCode).toBe(400);
    const missing = await call(
      qa.session,
      'POST',
      `/api/v1/complaints/${evaluationIdPlaceholder}/adverse-event`,
      {
        eventType: 'group',
      },
    );
    expect(missing.json().error.code).toBe('COMPLAINT_NOT_FOUND');
    expect(await evaluationOf(c.complaint.id)).toBeUndefined();

    const awareAt = deps.clock.now();
    const opened = await call(qa.session, 'POST', url, {
      eventType: 'group',
      awareAt: awareAt.toISOString(),
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect((opened.json().decisions as Json[]).map((d) => [d.reportKind, d.dueAt])).toEqual([
      ['group_phone', new Date(awareAt.getTime() + 12 * 3_600_000).toISOString()],
      ['group_individual', new Date(awareAt.getTime() + 24 * 3_600_000).toISOString()],
      ['group_holder_report', expect.any(String)],
    ]);
    const same = await call(qa.session, 'POST', url, { eventType: 'group' });
    expect(same.statusCode).toBe(200);
    expect(same.json().decisions).toHaveLength(3);

    const overdue = sql`select count(*)::int as n from outbox_events where type = 'adverse_event.overdue' and payload->>'complaintId' = ${c.complaint.id}`;
    deps.clock.advance(13 * 3_600_000);
    expect(await escalateOverdueAdverseEvents(deps)).toBe(1);
    expect(await escalateOverdueAdverseEvents(deps)).toBe(0);
    expect(await countRows(overdue)).toBe(1);
    await loginAgain(app, world);
    const view = (
      await call(world.users.qa.session, 'GET', `/api/v1/adverse-events/${opened.json().id}`)
    ).json();
    expect(view.overdue).toBe(true);
    deps.clock.advance(12 * 3_600_000);
    await deadlineSweepJob.handler(deps, {}, {} as never);
    expect(await countRows(overdue)).toBe(2);
  });
});

const evaluationIdPlaceholder = '01900000-0000-7000-8000-000000000000';
