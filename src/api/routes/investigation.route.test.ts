import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createComplaintWorld,
  hotlineComplaint,
  type ComplaintWorld,
} from '../../../test/factories/complaint.factory';
import { createUserFx, loginFx, type Session } from '../../../test/factories/identity.factory';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import { rowsOf } from '../../db/client';
import { callAs } from '../../../test/factories/inject.factory';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let world: ComplaintWorld;
let outsider: Session;
let dataDir: string;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'closeloop-investigation-'));
  ({ deps, app, close } = await createTestApp({ DATA_DIR: dataDir, LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  deps.clock.set(new Date('2026-03-05T02:00:00Z'));
  world = await createComplaintWorld(deps, app);
  await createUserFx(deps, 'qa.mgr', ['department_manager'], [world.depts.QA]);
  outsider = await loginFx(app, 'qa.mgr');
});
afterAll(async () => {
  await close();
  rmSync(dataDir, { recursive: true, force: true });
});

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  callAs(app, s, method, url, payload);

const act = async (s: Session, id: string, body: Json) => {
  const r = await call(s, 'POST', `/api/v1/complaints/${id}/transitions`, body);
  expect(r.statusCode, r.body).toBe(200);
};

const url = (id: string, suffix = '') => `/api/v1/complaints/${id}/investigation${suffix}`;

let seq = 0;

/** A complaint registered by customer service and assigned to production's manager; investigating if asked. */
const complaint = async (opts: { investigate?: boolean; severity?: string } = {}): Promise<string> => {
  const { agent, manager } = world.users;
  seq += 1;
  const customer = { name: `顾客${seq}`, phone: `139 0000 ${String(1000 + seq)}`, type: 'consumer' };
  const created = await call(agent.session, 'POST', '/api/v1/complaints', hotlineComplaint({ customer }));
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().complaint.id as string;
  await act(agent.session, id, {
    type: 'triage',
    classification: {
      validity: 'valid',
      misuse: false,
      nature: 'foreign_matter',
      severity: opts.severity ?? 'major',
      major: false,
      responsibilityStage: 'production',
    },
  });
  await act(agent.session, id, { type: 'assign', departmentId: world.depts.PROD.id, assigneeId: manager.id });
  if (opts.investigate !== false) await act(manager.session, id, { type: 'start_investigation' });
  return id;
};

const uploadPhoto = async (id: string): Promise<string> => {
  const png = await sharp({
    create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 120, b: 60 } },
  })
    .png()
    .toBuffer();
  const boundary = '----closeloopinvestigation';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="hair.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const r = await app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${id}/evidence`,
    headers: {
      ...world.users.agent.session.headers,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().items[0].id as string;
};

const done = (note: string, evidenceIds: string[] = []) => ({ status: 'done', note, evidenceIds });

/** A complete record: foreign matter (a hair) from an isolated sealing-line lapse, the unit exchanged. */
const completeDraft = (version: number, photoId: string): Json => ({
  version,
  checklist: {
    returned_unit: done('退回实物中发现头发一根'),
    photos_videos: done('顾客照片', [photoId]),
    retained_sample: done('同批留样复检未见异物'),
    production_records: done('20260301A 批生产记录无异常'),
    inspection_reports: done('出厂检验合格'),
    shipping_records: { status: 'not_applicable', reason: '门店自提，无物流环节' },
  },
  methods: ['five_why'],
  fiveWhy: [
    { why: '为什么产品中有头发？', because: '包装工未戴发网' },
    { why: '为什么未戴发网？', because: '更衣室发网缺货' },
    { why: '为什么缺货？', because: '劳保用品未设最低库存' },
  ],
  occurrenceCause: '包装工未戴发网，劳保用品未设最低库存',
  escapeCause: '包装后无异物目检工序',
  failureMechanism: '异物-头发',
  verdict: 'isolated',
  productOutcome: 'exchange',
});

const countsOf = async (id: string) =>
  (
    await rowsOf<{ audit: number; outbox: number; version: number | null }>(
      deps.db.reader(),
      sql`select (select count(*) from audit_log where entity_type = 'investigation' and entity_id = ${id})::int as audit,
                 (select count(*) from outbox_events where aggregate_id = ${id} and type in ('complaint.investigation_filed', 'complaint.investigation_reopened'))::int as outbox,
                 (select version from investigations where complaint_id = ${id}) as version`,
    )
  )[0];

describe('the investigation record of a complaint (R-INV-1…4)', () => {
  let id = '';
  let photoId = '';

  it('should show a blank record at version 0 before anyone starts it', async () => {
    id = await complaint();
    photoId = await uploadPhoto(id);
    const r = await call(world.users.agent.session, 'GET', url(id));
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json();
    expect(v).toMatchObject({
      state: 'not_started',
      version: 0,
      editable: true,
      complaintStatus: 'investigating',
    });
    expect(v.checklist.retained_sample).toMatchObject({
      status: 'pending',
      label: { 'zh-CN': '留样复检', en: 'Retained-sample retest' },
    });
    expect(v.fishbone).toEqual({
      man: [],
      machine: [],
      material: [],
      method: [],
      measurement: [],
      environment: [],
    });
    expect(v.problems.map((p: Json) => p.path)).toEqual(
      expect.arrayContaining(['occurrenceCause', 'escapeCause', 'methods', 'verdict', 'productOutcome']),
    );
  });

  it('should save a draft, incomplete as it is, at version 1 with an audit row', async () => {
    const r = await call(world.users.manager.session, 'PUT', url(id), {
      version: 0,
      checklist: { retained_sample: done('留样复检中') },
      methods: ['five_why', 'fishbone'],
      fiveWhy: [{ why: '为什么产品中有头发？', because: '' }],
      fishbone: { man: [{ text: '包装工未戴发网', root: true }], environment: [{ text: '更衣室发网缺货' }] },
    });
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json();
    expect(v).toMatchObject({ state: 'draft', version: 1, methods: ['five_why', 'fishbone'] });
    expect(v.fishbone.environment).toEqual([{ text: '更衣室发网缺货', root: false }]);
    expect(v.problems).toContainEqual({ path: 'fiveWhy', rule: 'R-INV-2', problem: 'five_why_too_short' });
    expect(await countsOf(id)).toEqual({ audit: 1, outbox: 0, version: 1 });
  });

  it('should answer 409 VERSION_CONFLICT to a save from a stale version and keep the record', async () => {
    const r = await call(world.users.qa.session, 'PUT', url(id), { version: 0, methods: ['fmea'] });
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 1 } });
    expect((await call(world.users.manager.session, 'GET', url(id))).json().methods).toEqual([
      'five_why',
      'fishbone',
    ]);
    expect(await countsOf(id)).toEqual({ audit: 1, outbox: 0, version: 1 });
  });

  it('should answer 404 to a manager of another department, reading or writing (R-SEC-1)', async () => {
    for (const [method, u, body] of [
      ['GET', url(id), undefined],
      ['PUT', url(id), { version: 1 }],
      ['POST', url(id, '/file'), { version: 1 }],
    ] as const) {
      const r = await call(outsider, method, u, body);
      expect(r.statusCode, r.body).toBe(404);
      expect(r.json().error.code).toBe('COMPLAINT_NOT_FOUND');
    }
    expect(await countsOf(id)).toEqual({ audit: 1, outbox: 0, version: 1 });
  });

  it('should refuse the save to a role without investigation.manage', async () => {
    const r = await call(world.users.agent.session, 'PUT', url(id), { version: 1 });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('FORBIDDEN');
  });

  it.each<[string, Json]>([
    ['a fishbone category outside the 6M (R-INV-2)', { fishbone: { money: [{ text: '预算不足' }] } }],
    ['an unknown method (R-INV-2)', { methods: ['tarot'] }],
    ['an unknown checklist item (R-INV-1)', { checklist: { gut_feeling: done('直觉') } }],
    ['an unknown verdict (R-INV-3)', { verdict: 'catastrophic' }],
    ['an unknown outcome (R-INV-4)', { productOutcome: 'burn_it' }],
    ['a blank fishbone cause', { fishbone: { man: [{ text: '  ' }] } }],
    ['evidence that is not a uuid', { checklist: { photos_videos: done('x', ['not-a-uuid']) } }],
    ['no version', { version: undefined }],
    ['a negative version', { version: -1 }],
  ])('should answer 400 to %s and write nothing', async (_, patch) => {
    const r = await call(world.users.manager.session, 'PUT', url(id), { version: 1, ...patch });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().error.code).toBe('VALIDATION_FAILED');
    expect(await countsOf(id)).toEqual({ audit: 1, outbox: 0, version: 1 });
  });

  it('should answer 400 with the path to evidence of another complaint and write nothing (R-INV-1)', async () => {
    const r = await call(world.users.manager.session, 'PUT', url(id), {
      version: 1,
      checklist: { photos_videos: done('别的投诉的照片', ['0190a0b0-0000-7000-8000-000000000001']) },
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().error.details.issues).toEqual([
      expect.objectContaining({
        path: ['checklist', 'photos_videos', 'evidenceIds', '0'],
        code: 'unknown_evidence',
        rule: 'R-INV-1',
      }),
    ]);
    expect(await countsOf(id)).toEqual({ audit: 1, outbox: 0, version: 1 });
  });

  it('should refuse filing without the cause of escape with 422 and every problem (R-INV-2)', async () => {
    const saved = await call(world.users.manager.session, 'PUT', url(id), {
      ...completeDraft(1, photoId),
      escapeCause: null,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const r = await call(world.users.manager.session, 'POST', url(id, '/file'), { version: 2 });
    expect(r.statusCode, r.body).toBe(422);
    expect(r.json().error).toMatchObject({
      code: 'INVESTIGATION_INCOMPLETE',
      details: { problems: [{ path: 'escapeCause', rule: 'R-INV-2', problem: 'escape_cause_required' }] },
    });
    expect(await countsOf(id)).toEqual({ audit: 2, outbox: 0, version: 2 });
  });

  it('should refuse filing a recall with an isolated verdict (R-INV-4)', async () => {
    const saved = await call(world.users.manager.session, 'PUT', url(id), {
      ...completeDraft(2, photoId),
      productOutcome: 'recall',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().recallAnalysisNeeded).toBe(true);
    const r = await call(world.users.manager.session, 'POST', url(id, '/file'), { version: 3 });
    expect(r.statusCode, r.body).toBe(422);
    expect(r.json().error.details.problems).toEqual([
      { path: 'productOutcome', rule: 'R-INV-4', problem: 'outcome_contradicts_verdict' },
    ]);
  });

  it('should file a complete record: who and when, the mechanism, an audit row and the outbox event', async () => {
    const saved = await call(world.users.manager.session, 'PUT', url(id), completeDraft(3, photoId));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ problems: [], fiveWhyRootCause: '劳保用品未设最低库存' });
    deps.clock.advance(60_000);
    const r = await call(world.users.manager.session, 'POST', url(id, '/file'), { version: 4 });
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json();
    expect(v).toMatchObject({
      state: 'filed',
      version: 5,
      filedBy: world.users.manager.id,
      filedAt: '2026-03-05T02:01:00.000Z',
      verdict: 'isolated',
      productOutcome: 'exchange',
      recallAnalysisNeeded: false,
      failureMechanism: '异物-头发',
    });
    expect(v.checklist.photos_videos.evidenceIds).toEqual([photoId]);
    expect(v.rules).toContainEqual({ rule: 'R-BAT-1', detail: 'mechanism:异物-头发' });
    const [event] = await rowsOf<{ type: string; payload: Json }>(
      deps.db.reader(),
      sql`select type, payload from outbox_events where aggregate_id = ${id} and type = 'complaint.investigation_filed'`,
    );
    expect(event?.payload).toMatchObject({
      complaintId: id,
      verdict: 'isolated',
      productOutcome: 'exchange',
      failureMechanism: '异物-头发',
      batchNo: '20260301A',
      recallAnalysisNeeded: false,
    });
    const [audit] = await rowsOf<{ action: string }>(
      deps.db.reader(),
      sql`select action from audit_log where entity_id = ${id} and entity_type = 'investigation' order by chain_seq desc limit 1`,
    );
    expect(audit?.action).toBe('investigation.filed');
  });

  it('should keep a filed record closed to edits and to filing again until it is reopened', async () => {
    const put = await call(world.users.manager.session, 'PUT', url(id), completeDraft(5, photoId));
    expect(put.statusCode).toBe(409);
    expect(put.json().error.code).toBe('INVESTIGATION_ALREADY_FILED');
    const again = await call(world.users.manager.session, 'POST', url(id, '/file'), { version: 5 });
    expect(again.json().error.code).toBe('INVESTIGATION_ALREADY_FILED');
  });

  it('should reopen a filed record as a draft with the reason in the audit trail', async () => {
    const noReason = await call(world.users.qa.session, 'POST', url(id, '/reopen'), { version: 5 });
    expect(noReason.statusCode).toBe(400);
    const stale = await call(world.users.qa.session, 'POST', url(id, '/reopen'), {
      version: 4,
      reason: '顾客补充了新的照片',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const r = await call(world.users.qa.session, 'POST', url(id, '/reopen'), {
      version: 5,
      reason: '顾客补充了新的照片',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ state: 'draft', version: 6, filedAt: null, verdict: 'isolated' });
    const [audit] = await rowsOf<{ action: string; reason: string }>(
      deps.db.reader(),
      sql`select action, reason from audit_log where entity_id = ${id} and entity_type = 'investigation' order by chain_seq desc limit 1`,
    );
    expect(audit).toEqual({ action: 'investigation.reopened', reason: '顾客补充了新的照片' });
    const draftAgain = await call(world.users.qa.session, 'POST', url(id, '/reopen'), {
      version: 6,
      reason: '再次打开',
    });
    expect(draftAgain.statusCode).toBe(409);
    expect(draftAgain.json().error.code).toBe('INVESTIGATION_NOT_FILED');
    expect((await countsOf(id))?.outbox).toBe(2);
  });
});

describe('when the investigation can be edited, and serious cases', () => {
  it('should refuse a draft before the complaint is under investigation', async () => {
    const id = await complaint({ investigate: false });
    const r = await call(world.users.manager.session, 'PUT', url(id), { version: 0 });
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().error).toMatchObject({
      code: 'INVESTIGATION_NOT_EDITABLE',
      details: { status: 'assigned' },
    });
    expect(await countsOf(id)).toEqual({ audit: 0, outbox: 0, version: null });
  });

  it('should refuse filing a serious complaint without a field visit, and file it after one (R-INV-1, R-INV-3)', async () => {
    const id = await complaint({ severity: 'serious' });
    const photoId = await uploadPhoto(id);
    const draft: Json = { ...completeDraft(0, photoId), verdict: 'batch', productOutcome: 'recall' };
    expect((await call(world.users.qa.session, 'PUT', url(id), draft)).statusCode).toBe(200);
    const refused = await call(world.users.qa.session, 'POST', url(id, '/file'), { version: 1 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.problems).toEqual([
      { path: 'checklist.field_visit', rule: 'R-INV-1', problem: 'field_visit_required' },
    ]);
    const visited = {
      ...draft,
      version: 1,
      checklist: { ...draft.checklist, field_visit: done('质检员到经销商处核查，同批 12 箱') },
    };
    expect((await call(world.users.qa.session, 'PUT', url(id), visited)).statusCode).toBe(200);
    const filed = await call(world.users.qa.session, 'POST', url(id, '/file'), { version: 2 });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json()).toMatchObject({ state: 'filed', recallAnalysisNeeded: true });
    expect(filed.json().rules).toContainEqual({ rule: 'R-INV-3', detail: 'verdict:batch→recall_analysis' });
  });

  it('should refuse filing a record nobody started, listing everything missing', async () => {
    const id = await complaint();
    const r = await call(world.users.manager.session, 'POST', url(id, '/file'), { version: 0 });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details.problems.length).toBeGreaterThan(5);
    expect(await countsOf(id)).toEqual({ audit: 0, outbox: 0, version: null });
  });
});
