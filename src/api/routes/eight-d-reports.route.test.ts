import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComplaintWorld, type ComplaintWorld } from '../../../test/factories/complaint.factory';
import type { Session } from '../../../test/factories/identity.factory';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import { COMPLETE_8D } from '../../../test/factories/eight-d.factory';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
let world: ComplaintWorld;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  deps.clock.set(new Date('2026-03-05T02:00:00Z'));
  world = await createComplaintWorld(deps, app);
});
afterAll(async () => close());

const call = (
  s: Session,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
  headers: Json = {},
) =>
  app.inject({
    method,
    url,
    headers: { ...s.headers, ...headers },
    ...(payload !== undefined && { payload: payload as never }),
  });

const qa = () => world.users.qa.session;

const open8D = async (): Promise<Json> => {
  const r = await call(qa(), 'POST', '/api/v1/eight-d-reports', {
    sourceType: 'management_review',
    customerRequested: true,
    title: '雪饼封口漏气 8D',
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
};

const save = async (report: Json, d: string, content: unknown): Promise<Json> => {
  const r = await call(qa(), 'PUT', `/api/v1/eight-d-reports/${report.id}/sections/${d}`, {
    version: report.version,
    content,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

describe('8D reports (R-CAPA-2)', () => {
  it('should open a numbered report with every section still to fill in', async () => {
    const r = await open8D();
    expect(r).toMatchObject({
      status: 'open',
      customerRequested: true,
      title: '雪饼封口漏气 8D',
      version: 1,
    });
    expect(r.number).toMatch(/^8D-2026-\d{4}$/);
    expect(r.completeness.D1).toEqual(['(section)']);
    expect(r.rules).toEqual([{ rule: 'R-CAPA-2', detail: 'customer_requested' }]);
  });

  it('should save drafts section by section and show what each still needs', async () => {
    let r = await open8D();
    r = await save(r, 'D1', { leader: '陈工' });
    expect(r.sections.D1).toEqual({ leader: '陈工' });
    expect(r.completeness.D1).toEqual(['members']);
    r = await save(r, 'D1', COMPLETE_8D.D1);
    expect(r.completeness.D1).toEqual([]);
    expect(r.version).toBe(3);
  });

  it('should not close (R-CAPA-2) with a missing section, naming it; then close once D1–D8 are complete', async () => {
    let r = await open8D();
    for (const d of ['D1', 'D2', 'D3', 'D4', 'D6', 'D7', 'D8'] as const) r = await save(r, d, COMPLETE_8D[d]);
    const refused = await call(qa(), 'POST', `/api/v1/eight-d-reports/${r.id}/close`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'EIGHT_D_INCOMPLETE',
      details: { rule: 'R-CAPA-2', sections: { D5: ['(section)'] } },
    });
    r = await save(r, 'D5', {
      actions: [{ action: '加装温度报警', addresses: 'occurrence', owner: '赵工' }],
    });
    const still = await call(qa(), 'POST', `/api/v1/eight-d-reports/${r.id}/close`, {});
    expect(still.json().error.details.sections).toEqual({
      D5: ['actions[0].dueOn', 'actions(addresses: escape)'],
    });
    r = await save(r, 'D5', COMPLETE_8D.D5);
    const closed = await call(qa(), 'POST', `/api/v1/eight-d-reports/${r.id}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: '2026-03-05T02:00:00.000Z' });
    const again = await call(qa(), 'PUT', `/api/v1/eight-d-reports/${r.id}/sections/D8`, {
      version: closed.json().version,
      content: COMPLETE_8D.D8,
    });
    expect(again.json().error.code).toBe('EIGHT_D_CLOSED');
  });

  it('should refuse bad section content, an unknown section, a stale version and a missing version', async () => {
    const r = await open8D();
    const bad = await call(qa(), 'PUT', `/api/v1/eight-d-reports/${r.id}/sections/D2`, {
      version: 1,
      content: { fiveW2H: { what: 3 }, colour: 'red' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(bad.json().error.details.issues.map((i: Json) => i.path[0])).toEqual(['content', 'content']);
    const badDate = await call(qa(), 'PUT', `/api/v1/eight-d-reports/${r.id}/sections/D3`, {
      version: 1,
      content: { actions: [{ action: '全检', dueOn: '2026-02-30' }] },
    });
    expect(badDate.statusCode).toBe(400);
    const unknown = await call(qa(), 'PUT', `/api/v1/eight-d-reports/${r.id}/sections/D9`, {
      version: 1,
      content: {},
    });
    expect(unknown.statusCode).toBe(400);
    const missing = await call(qa(), 'PUT', `/api/v1/eight-d-reports/${r.id}/sections/D0`, { content: {} });
    expect(missing.json().error.code).toBe('PRECONDITION_REQUIRED');
    await save(r, 'D0', COMPLETE_8D.D0);
    const stale = await call(
      qa(),
      'PUT',
      `/api/v1/eight-d-reports/${r.id}/sections/D0`,
      { content: {} },
      { 'if-match': '"1"' },
    );
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const got = await call(qa(), 'GET', `/api/v1/eight-d-reports/${r.id}`);
    expect(got.json().sections.D0).toEqual(COMPLETE_8D.D0);
    expect(got.headers.etag).toBe('"2"');
  });

  it('should refuse a complaint source the actor cannot see, and roles without CAPA rights', async () => {
    const notFound = await call(qa(), 'POST', '/api/v1/eight-d-reports', {
      sourceType: 'complaint',
      sourceId: '01a20000-0000-7000-8000-000000000009',
      title: 'x',
    });
    expect(notFound.json().error.code).toBe('COMPLAINT_NOT_FOUND');
    const agent = await call(world.users.agent.session, 'GET', '/api/v1/eight-d-reports');
    expect(agent.statusCode).toBe(403);
    const gm = await call(world.users.gm.session, 'GET', '/api/v1/eight-d-reports?status=closed');
    expect(gm.statusCode).toBe(200);
    expect(gm.json().items.length).toBe(1);
  });
});
