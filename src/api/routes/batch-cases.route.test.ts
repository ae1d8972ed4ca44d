import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBatchCaseFx } from '../../../test/factories/batch-case.factory';
import {
  createComplaintWorld,
  hotlineComplaint,
  loginAgain,
  type ComplaintWorld,
} from '../../../test/factories/complaint.factory';
import type { Session } from '../../../test/factories/identity.factory';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import { escalateOverdueBatchInvestigations } from '../../app/batch-cases/escalate-overdue-investigations';
import { rowsOf } from '../../db/client';
import { callAs } from '../../../test/factories/inject.factory';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let world: ComplaintWorld;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BATCH = '20260301A';
const ref: { productId: string; batchId: string; dealers: Record<'zz' | 'ly' | 'sh', string> } = {
  productId: '',
  batchId: '',
  dealers: { zz: '', ly: '', sh: '' },
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
  expect(r.statusCode, r.body).toBe(status);
  expect(r.json().error.code).toBe(code);
  return r.json().error as Json;
};

const count = async (query: string): Promise<number> =>
  Number((await rowsOf<{ n: number }>(deps.db.reader(), sql.raw(query)))[0]?.n);

const mouldComplaint = async (description: string): Promise<string> =>
  (
    await ok(
      world.users.agent.session,
      'POST',
      '/api/v1/complaints',
      hotlineComplaint({
        product: { id: ref.productId, batchNo: BATCH, purchaseDate: '2026-03-03' },
        problem: { description, scope: 'single_unit' },
        demands: ['refund'],
      }),
      201,
    )
  ).complaint.id as string;

const investigationBody = {
  retainedSamples: { result: 'nonconforming', detail: '同批次日常留样 3 件中 2 件可见霉点' },
  productionConditions:
    '3月1日夜班：车间温度 31℃（高于 28℃ 上限），冷却时间缩短 10 分钟；产品水分 6.8%、水活度 0.71 超标；消毒记录完整。',
  conclusion: '冷却不充分导致包装内冷凝，水活度超标引起霉变，判定为批量性问题。',
};

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  deps.clock.set(new Date('2026-03-05T02:00:00Z'));
  world = await createComplaintWorld(deps, app);
  const { qa, agent } = world.users;
  ref.productId = (
    await ok(
      qa.session,
      'POST',
      '/api/v1/products',
      { code: 'XB-520G', name: '旺旺雪饼 520g', priceFen: 2_000 },
      201,
    )
  ).id;
  ref.batchId = (
    await ok(
      qa.session,
      'POST',
      '/api/v1/batches',
      { productId: ref.productId, batchNo: BATCH, productionDate: '2026-03-01', quantity: 10_000 },
      201,
    )
  ).id;
  const dealer = async (code: string, name: string, region: string) =>
    (await ok(agent.session, 'POST', '/api/v1/customers', { code, name, type: 'dealer', region }, 201))
      .id as string;
  ref.dealers = {
    zz: await dealer('D-ZZ', '郑州鑫源商贸', '河南'),
    ly: await dealer('D-LY', '洛阳百佳超市', '河南'),
    sh: await dealer('D-SH', '上海联华', '华东'),
  };
  const ship = (customerId: string, region: string, quantity: number) =>
    ok(
      qa.session,
      'POST',
      '/api/v1/shipments',
      { batchId: ref.batchId, customerId, region, quantity, shippedOn: '2026-03-02' },
      201,
    );
  await ship(ref.dealers.zz, '河南', 3_000);
  await ship(ref.dealers.ly, '河南', 2_000);
  await ship(ref.dealers.sh, '华东', 4_000);
});
afterAll(async () => close());

describe('mould cluster in one region — case, seal, 2-hour investigation, GM recall, recall, close', () => {
  let caseId = '';
  let complaintIds: string[] = [];
  let recall: Json = {};

  it('R-BAT-4 should open one case for product + batch + mechanism with the complaints and a 2-hour clock', async () => {
    complaintIds = [
      await mouldComplaint('郑州：雪饼打开后有白色霉点，有异味。'),
      await mouldComplaint('郑州二七区：整包发霉，孩子吃了一口。'),
      await mouldComplaint('洛阳：包装内有绿色霉斑。'),
    ];
    const c = await ok(
      world.users.qa.session,
      'POST',
      '/api/v1/batch-cases',
      {
        productId: ref.productId,
        batchNo: BATCH,
        mechanism: '发霉 mould',
        region: '河南',
        complaintIds,
        note: '河南区域 3 天内 3 起同批次发霉投诉，业务人员已核实批号',
      },
      201,
    );
    caseId = c.id;
    expect(c.number).toMatch(/^PL-2026-\d{6}$/);
    expect(c.status).toBe('open');
    expect(c.investigationDueAt).toBe('2026-03-05T04:00:00.000Z');
    expect(c.complaints.map((x: Json) => x.id).sort()).toEqual([...complaintIds].sort());
    expect(c.trigger).toMatchObject({ kind: 'manual' });
    // R-SEC-1: a department-scoped reader sees the case but only the complaints within its scope.
    const byEngineer = await ok(world.users.engineer.session, 'GET', `/api/v1/batch-cases/${caseId}`);
    expect(byEngineer.complaints).toEqual([]);
    expect(
      (await ok(world.users.gm.session, 'GET', `/api/v1/batch-cases/${caseId}`)).complaints,
    ).toHaveLength(3);
    expect(c.prefill).toEqual({
      batchQuantity: 10_000,
      productionDate: '2026-03-01',
      shipmentsByRegion: [
        { region: '华东', quantity: 4_000 },
        { region: '河南', quantity: 5_000 },
      ].sort((a, b) => (a.region < b.region ? -1 : 1)),
    });
  });

  it('R-BAT-4 should refuse a second open case for the same product, batch and mechanism with 409', async () => {
    const before = await count('select count(*)::int as n from batch_cases');
    const e = await refused(
      world.users.qa.session,
      'POST',
      '/api/v1/batch-cases',
      { productId: ref.productId, batchNo: BATCH, mechanism: '发霉 mould', region: '华东', complaintIds: [] },
      409,
      'BATCH_CASE_ALREADY_OPEN',
    );
    expect(e.details.caseId).toBe(caseId);
    expect(await count('select count(*)::int as n from batch_cases')).toBe(before);
  });

  it('R-BAT-5 should refuse the GM’s decision before the investigation is filed', async () => {
    await refused(
      world.users.gm.session,
      'POST',
      `/api/v1/batch-cases/${caseId}/decision`,
      { decision: 'recall', note: '立即召回' },
      409,
      'BATCH_INVESTIGATION_MISSING',
    );
  });

  it('R-BAT-4 should create one seal task per region shipped to, expecting the shipped units', async () => {
    const c = await ok(world.users.qa.session, 'POST', `/api/v1/batch-cases/${caseId}/seal-tasks`, {}, 201);
    expect(c.status).toBe('investigating');
    const byRegion = Object.fromEntries(c.sealTasks.map((t: Json) => [t.region, t]));
    expect(Object.keys(byRegion).sort()).toEqual(['华东', '河南'].sort());
    expect(byRegion['河南'].expectedQuantity).toBe(5_000);
    expect(byRegion['华东'].expectedQuantity).toBe(4_000);
    expect(byRegion['河南'].status).toBe('open');
    // Repeating the request keeps the tasks that exist.
    const again = await ok(
      world.users.qa.session,
      'POST',
      `/api/v1/batch-cases/${caseId}/seal-tasks`,
      {},
      201,
    );
    expect(again.sealTasks).toHaveLength(2);
  });

  it('R-BAT-4 should record the sealed quantity per region, once', async () => {
    const c = await ok(world.users.qa.session, 'GET', `/api/v1/batch-cases/${caseId}`);
    const henan = c.sealTasks.find((t: Json) => t.region === '河南');
    const east = c.sealTasks.find((t: Json) => t.region === '华东');
    const done = await ok(world.users.qa.session, 'POST', `/api/v1/seal-tasks/${henan.id}/complete`, {
      sealedQuantity: 1_850,
      note: '郑州、洛阳门店已下架封存，其余已售出',
    });
    expect(done).toMatchObject({ status: 'done', sealedQuantity: 1_850, doneBy: world.users.qa.id });
    await refused(
      world.users.qa.session,
      'POST',
      `/api/v1/seal-tasks/${henan.id}/complete`,
      { sealedQuantity: 1 },
      409,
      'SEAL_TASK_NOT_OPEN',
    );
    await ok(world.users.qa.session, 'POST', `/api/v1/seal-tasks/${east.id}/complete`, {
      sealedQuantity: 3_900,
    });
  });

  it('R-SLA-11 should accept the investigation within 2 hours, prefilled from the records, as met', async () => {
    deps.clock.advance(90 * 60_000);
    await loginAgain(app, world);
    const c = await ok(
      world.users.qa.session,
      'POST',
      `/api/v1/batch-cases/${caseId}/investigation`,
      investigationBody,
    );
    expect(c.investigationFiledAt).toBe('2026-03-05T03:30:00.000Z');
    expect(c.investigation).toMatchObject({
      batchQuantity: 10_000,
      late: false,
      retainedSamples: { result: 'nonconforming' },
    });
    expect(c.investigation.shipmentsByRegion).toEqual(c.prefill.shipmentsByRegion);
    expect(c.investigation.rules).toContainEqual({ rule: 'R-SLA-11', detail: 'met' });
    expect(c.investigationOverdue).toBe(false);
    await refused(
      world.users.qa.session,
      'POST',
      `/api/v1/batch-cases/${caseId}/investigation`,
      investigationBody,
      409,
      'BATCH_INVESTIGATION_ALREADY_FILED',
    );
  });

  it('R-BAT-5 should refuse the decision to anyone but the GM (403)', async () => {
    for (const who of ['qa', 'service', 'manager'] as const)
      await refused(
        world.users[who].session,
        'POST',
        `/api/v1/batch-cases/${caseId}/decision`,
        { decision: 'recall', note: '召回' },
        403,
        'FORBIDDEN',
      );
  });

  it('R-BAT-5 should record the GM’s recall decision and keep the case open until the recall exists', async () => {
    const c = await ok(world.users.gm.session, 'POST', `/api/v1/batch-cases/${caseId}/decision`, {
      decision: 'recall',
      note: '按《产品撤回控制程序》召回河南区域该批次产品，质量部牵头。',
    });
    expect(c).toMatchObject({ status: 'decided', decision: 'recall', decidedBy: world.users.gm.id });
    expect(c.closeBlockers).toEqual(['recall_missing']);
    const e = await refused(
      world.users.qa.session,
      'POST',
      `/api/v1/batch-cases/${caseId}/close`,
      {},
      409,
      'BATCH_CASE_NOT_CLOSABLE',
    );
    expect(e.details.reasons).toEqual(['recall_missing']);
  });

  it('R-BAT-5 should start a recall with targets from the shipments into the region', async () => {
    recall = await ok(
      world.users.qa.session,
      'POST',
      '/api/v1/recalls',
      { caseId, recallClass: 'II', reason: '同批次霉变，存在食品安全风险', scope: { regions: ['河南'] } },
      201,
    );
    expect(recall.number).toMatch(/^ZH-2026-\d{6}$/);
    expect(recall.scope).toEqual({ batches: [BATCH], regions: ['河南'] });
    expect(recall.unitsInScope).toBe(5_000);
    expect(recall.targets.map((t: Json) => [t.customer.code, t.quantity]).sort()).toEqual(
      [
        ['D-LY', 2_000],
        ['D-ZZ', 3_000],
      ].sort(),
    );
    expect(recall.progress).toMatchObject({ percent: 0, targetsNotified: 0, targetsTotal: 2 });
    expect(recall.notificationDueAt).toBe('2026-03-08T03:30:00.000Z');
    expect(recall.caseNumber).toMatch(/^PL-/);
    await refused(
      world.users.qa.session,
      'POST',
      '/api/v1/recalls',
      { caseId, recallClass: 'II', reason: '重复' },
      409,
      'RECALL_ALREADY_EXISTS',
    );
  });

  it('R-BAT-5 should refuse to complete the recall while a target is not notified, writing nothing', async () => {
    const report = {
      disposal: 'destroyed',
      effectiveness: 'effective',
      effectivenessNote: 'x',
      remainingRisk: 'y',
    };
    const e = await refused(
      world.users.qa.session,
      'POST',
      `/api/v1/recalls/${recall.id}/complete`,
      report,
      409,
      'RECALL_TARGETS_NOT_NOTIFIED',
    );
    expect(e.details.targetIds).toHaveLength(2);
    const after = await ok(world.users.qa.session, 'GET', `/api/v1/recalls/${recall.id}`);
    expect(after.status).toBe('in_progress');
    expect(after.completionReport).toBeNull();
  });

  it('R-BAT-5 should record notices and recovery, and show progress = recovered ÷ in scope', async () => {
    const [ly, zz] = [...recall.targets].sort((a: Json, b: Json) => a.quantity - b.quantity);
    const url = (t: Json) => `/api/v1/recalls/${recall.id}/targets/${t.id}`;
    await refused(
      world.users.qa.session,
      'POST',
      url(zz),
      { recoveredQuantity: 10 },
      422,
      'RECALL_RECOVERY_INVALID',
    );
    await ok(world.users.qa.session, 'POST', url(zz), { notified: true });
    await ok(world.users.qa.session, 'POST', url(ly), { notified: true, recoveredQuantity: 1_900 });
    await refused(
      world.users.qa.session,
      'POST',
      url(zz),
      { recoveredQuantity: 3_001 },
      422,
      'RECALL_RECOVERY_INVALID',
    );
    const v = await ok(world.users.qa.session, 'POST', url(zz), { recoveredQuantity: 2_800 });
    expect(v.progress).toEqual({
      unitsInScope: 5_000,
      unitsRecovered: 4_700,
      percent: 94,
      targetsTotal: 2,
      targetsNotified: 2,
    });
    expect(v.unitsRecovered).toBe(4_700);
    expect(v.targets.every((t: Json) => t.notifiedAt && !t.notificationLate)).toBe(true);
    const list = await ok(world.users.gm.session, 'GET', `/api/v1/recalls?caseId=${caseId}`);
    expect(list.items.map((r: Json) => r.id)).toEqual([recall.id]);
  });

  it('R-BAT-5 should complete the recall with its report', async () => {
    const v = await ok(world.users.qa.session, 'POST', `/api/v1/recalls/${recall.id}/complete`, {
      disposal: 'destroyed',
      disposalNote: '3月12日在基地环保监督下集中销毁',
      effectiveness: 'effective',
      effectivenessNote: '河南区域回收 94%，未售出部分全部封存回收，召回后无新增投诉',
      remainingRisk: '约 300 件已被消费者食用或丢弃，保持热线跟踪',
    });
    expect(v.status).toBe('completed');
    expect(v.completionReport).toMatchObject({
      unitsInScope: 5_000,
      unitsRecovered: 4_700,
      percent: 94,
      disposal: 'destroyed',
      effectiveness: 'effective',
      targetsNotifiedLate: 0,
    });
    await refused(
      world.users.qa.session,
      'POST',
      `/api/v1/recalls/${recall.id}/targets/${recall.targets[0].id}`,
      { notified: true },
      409,
      'RECALL_NOT_IN_PROGRESS',
    );
  });

  it('R-BAT-4/R-BAT-5 should close the case once seals are done and the recall is completed', async () => {
    const c = await ok(world.users.qa.session, 'POST', `/api/v1/batch-cases/${caseId}/close`, {
      note: '召回完成，纠正措施转 CAPA',
    });
    expect(c.status).toBe('closed');
    expect(c.recall).toMatchObject({ id: recall.id, status: 'completed' });
    expect(c.closeBlockers).toEqual([]);
    const actions = await rowsOf<{ action: string }>(
      deps.db.reader(),
      sql`select action from audit_log where entity_type = 'batch_case' and entity_id = ${caseId} order by id`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'batch_case.opened',
      'batch_case.quarantine_started',
      'batch_case.investigation_filed',
      'batch_case.decided',
      'batch_case.closed',
    ]);
    const events = await rowsOf<{ type: string }>(
      deps.db.reader(),
      sql`select type from outbox_events where aggregate_id in (${caseId}, ${recall.id}) order by occurred_at, id`,
    );
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'batch.case_opened',
        'batch.seal_requested',
        'batch.investigation_filed',
        'batch.case_decided',
        'batch.recall_started',
        'batch.recall_completed',
        'batch.case_closed',
      ]),
    );
    // R-SLA-11: the 2-hour investigation starts when the case opens, so the opening names quality to be mailed at once.
    const [opened] = await rowsOf<{ recipients: { userId: string; role: string }[]; summary: string }>(
      deps.db.reader(),
      sql`select payload->'recipients' as recipients, payload->>'summary' as summary
            from outbox_events where type = 'batch.case_opened' and aggregate_id = ${caseId}`,
    );
    expect(opened?.recipients).toContainEqual(
      expect.objectContaining({ userId: world.users.qa.id, role: 'quality_engineer' }),
    );
    expect(opened?.recipients.every((r) => r.role === 'quality_engineer')).toBe(true);
    expect(opened?.summary).toMatch(/^批量案件已立案 Batch case opened: /);
    // A closed case frees the key: the same batch and mechanism may be opened again.
    await ok(
      world.users.qa.session,
      'POST',
      '/api/v1/batch-cases',
      { productId: ref.productId, batchNo: BATCH, mechanism: '发霉 mould', region: '华东', complaintIds: [] },
      201,
    );
  });
});

describe('bad paths', () => {
  it('R-SLA-11 should flag an investigation filed after 2 hours as a breach and still file it', async () => {
    const c = await insertBatchCaseFx(deps, {
      productId: ref.productId,
      batchNo: BATCH,
      mechanism: '胀袋 swelling',
      openedAt: new Date(deps.clock.now().getTime() - 3 * 3_600_000),
    });
    const v = await ok(world.users.qa.session, 'POST', `/api/v1/batch-cases/${c.id}/investigation`, {
      ...investigationBody,
      batchQuantity: 9_800,
      shipmentsByRegion: [{ region: '河南', quantity: 5_000 }],
    });
    expect(v.investigation.late).toBe(true);
    expect(v.investigation.batchQuantity).toBe(9_800);
    expect(v.investigation.rules).toContainEqual({ rule: 'R-SLA-11', detail: 'breached' });
    const [audit] = await rowsOf<{ action: string; after: Json }>(
      deps.db.reader(),
      sql`select action, after from audit_log where entity_id = ${c.id} order by id desc limit 1`,
    );
    expect(audit?.action).toBe('batch_case.investigation_filed_late');
    expect(audit?.after.minutesLate).toBe(60);
    expect(audit?.after.rules).toContainEqual({ rule: 'R-SLA-11', detail: 'breached' });
  });

  it('R-SLA-11 should escalate an overdue unfiled case once to the GM and quality', async () => {
    const overdue = await insertBatchCaseFx(deps, {
      productId: ref.productId,
      batchNo: BATCH,
      mechanism: '异味 off-odour',
      openedAt: new Date(deps.clock.now().getTime() - 2 * 3_600_000 - 60_000),
    });
    const fresh = await insertBatchCaseFx(deps, {
      productId: ref.productId,
      batchNo: BATCH,
      mechanism: '碎裂 broken',
    });
    const listed = await ok(world.users.gm.session, 'GET', '/api/v1/batch-cases?status=open');
    expect(listed.items.find((x: Json) => x.id === overdue.id).investigationOverdue).toBe(true);
    expect(listed.items.find((x: Json) => x.id === fresh.id).investigationOverdue).toBe(false);

    expect(await escalateOverdueBatchInvestigations(deps)).toBe(1);
    expect(await escalateOverdueBatchInvestigations(deps)).toBe(0);
    const events = await rowsOf<{ aggregate_id: string; payload: Json }>(
      deps.db.reader(),
      sql`select aggregate_id, payload from outbox_events where type = 'batch.case_overdue'`,
    );
    expect(events.map((e) => e.aggregate_id)).toEqual([overdue.id]);
    expect(events[0]?.payload.recipients.map((r: Json) => r.userId).sort()).toEqual(
      [world.users.gm.id, world.users.qa.id].sort(),
    );
    expect(events[0]?.payload.rules).toEqual([
      { rule: 'R-SLA-11', detail: 'investigation_overdue_escalated' },
    ]);
  });

  it('R-BAT-4 should refuse to link a complaint of another batch (422) and write nothing', async () => {
    const other = (
      await ok(
        world.users.agent.session,
        'POST',
        '/api/v1/complaints',
        hotlineComplaint({ product: { id: ref.productId, batchNo: '20260215B' } }),
        201,
      )
    ).complaint.id;
    const before = await count('select count(*)::int as n from batch_cases');
    await refused(
      world.users.qa.session,
      'POST',
      '/api/v1/batch-cases',
      {
        productId: ref.productId,
        batchNo: BATCH,
        mechanism: '霉变 2',
        region: '河南',
        complaintIds: [other],
      },
      422,
      'BATCH_CASE_COMPLAINT_MISMATCH',
    );
    await refused(
      world.users.qa.session,
      'POST',
      '/api/v1/batch-cases',
      { productId: ref.productId, batchNo: 'NO-SUCH', mechanism: '霉变 2', region: '河南' },
      404,
      'BATCH_NOT_FOUND',
    );
    expect(await count('select count(*)::int as n from batch_cases')).toBe(before);
  });

  it('R-BAT-5 should refuse a recall from a case the GM did not decide to recall, and an empty scope', async () => {
    const c = await insertBatchCaseFx(deps, {
      productId: ref.productId,
      batchNo: BATCH,
      mechanism: '漏气 leak',
    });
    await refused(
      world.users.qa.session,
      'POST',
      '/api/v1/recalls',
      { caseId: c.id, recallClass: 'III', reason: '预防性召回' },
      409,
      'RECALL_NOT_DECIDED',
    );
    await refused(
      world.users.qa.session,
      'POST',
      '/api/v1/recalls',
      {
        productId: ref.productId,
        recallClass: 'III',
        reason: '预防性召回',
        scope: { batches: [BATCH], regions: ['西北'] },
      },
      422,
      'RECALL_SCOPE_EMPTY',
    );
    await refused(
      world.users.qa.session,
      'POST',
      '/api/v1/recalls',
      { recallClass: 'III', reason: '无产品' },
      400,
      'VALIDATION_FAILED',
    );
    expect(await count('select count(*)::int as n from recalls')).toBe(1);
  });

  it('should start a standalone recall for a product across every region shipped to', async () => {
    const v = await ok(
      world.users.gm.session,
      'POST',
      '/api/v1/recalls',
      { productId: ref.productId, recallClass: 'I', reason: '全国召回', scope: { batches: [BATCH] } },
      201,
    );
    expect(v.caseId).toBeNull();
    expect(v.scope.regions.sort()).toEqual(['华东', '河南'].sort());
    expect(v.unitsInScope).toBe(9_000);
    expect(v.notificationDueAt).toBe(new Date(deps.clock.now().getTime() + 86_400_000).toISOString());
  });

  it('R-BAT-4 should open exactly one case when two requests race for the same key', async () => {
    const body = {
      productId: ref.productId,
      batchNo: BATCH,
      mechanism: '异物 foreign matter',
      region: '河南',
    };
    const answers = await Promise.all([
      call(world.users.qa.session, 'POST', '/api/v1/batch-cases', body),
      call(world.users.service.session, 'POST', '/api/v1/batch-cases', body),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json().error.code).toBe('BATCH_CASE_ALREADY_OPEN');
    expect(
      await count(
        "select count(*)::int as n from batch_cases where mechanism = '异物 foreign matter' and status <> 'closed'",
      ),
    ).toBe(1);
  });

  it('should refuse bad input with 400 and unknown ids with 404', async () => {
    const { qa } = world.users;
    await refused(qa.session, 'POST', '/api/v1/batch-cases', { productId: 'x' }, 400, 'VALIDATION_FAILED');
    const missing = '01a20000-0000-7000-8000-000000000009';
    await refused(
      qa.session,
      'GET',
      `/api/v1/batch-cases/${missing}`,
      undefined,
      404,
      'BATCH_CASE_NOT_FOUND',
    );
    await refused(
      qa.session,
      'POST',
      `/api/v1/seal-tasks/${missing}/complete`,
      { sealedQuantity: 1 },
      404,
      'SEAL_TASK_NOT_FOUND',
    );
    await refused(qa.session, 'GET', `/api/v1/recalls/${missing}`, undefined, 404, 'RECALL_NOT_FOUND');
    await refused(
      qa.session,
      'POST',
      `/api/v1/seal-tasks/${missing}/complete`,
      { sealedQuantity: -1 },
      400,
      'VALIDATION_FAILED',
    );
  });
});
