import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/db/client';
import { COMPLAINT_NUMBER_PATTERN } from '../src/domain/complaint/complaint';
import { createComplaintWorld, hotlineComplaint, type ComplaintWorld } from './factories/complaint.factory';
import { verifyAuditChain } from '../src/app/audit/verify-audit-chain';
import { createUserFx, loginFx } from './factories/identity.factory';
import { createTestApp } from './test-app';

// Intake writes the complaint first and takes its gapless number last (the counter row stays locked until
// commit): the placeholder must never be seen outside the transaction, and the numbers must stay gapless.
describe('intake numbering', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let world: ComplaintWorld;

  beforeAll(async () => {
    t = await createTestApp();
    world = await createComplaintWorld(t.deps, t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('should number concurrent intakes gaplessly and carry the number into the audit row and the events', async () => {
    const count = 24;
    const answers = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/complaints',
          headers: world.users[i % 2 === 0 ? 'agent' : 'agent2'].session.headers,
          payload: hotlineComplaint({
            customer: { name: `顾客${i}`, phone: `139 0000 ${String(1000 + i)}`, type: 'consumer' },
            problem: { description: `第${i}件：包装破损，饼干碎了。`, scope: 'single_unit' },
          }),
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array.from({ length: count }, () => 201));
    const numbers = answers.map((a) => (a.json() as { complaint: { number: string } }).complaint.number);
    for (const n of numbers) expect(n).toMatch(COMPLAINT_NUMBER_PATTERN);

    const rows = await rowsOf<{ id: string; number: string; year: number; seq: number }>(
      t.deps.db.reader(),
      sql`select id::text as id, number, year, seq from complaints order by year, seq`,
    );
    expect(rows).toHaveLength(count);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.number))).toEqual(new Set(numbers));
    for (const r of rows) expect(r.number).toBe(`KS-${r.year}-${String(r.seq).padStart(6, '0')}`);

    const audit = await rowsOf<{ entity_id: string; number: string }>(
      t.deps.db.reader(),
      sql`select entity_id, after->>'number' as number from audit_log where action = 'complaint.registered'`,
    );
    const events = await rowsOf<{ aggregate_id: string; number: string }>(
      t.deps.db.reader(),
      sql`select aggregate_id, payload->>'number' as number from outbox_events where type like 'complaint.%'`,
    );
    const byId = new Map(rows.map((r) => [r.id, r.number]));
    expect(audit).toHaveLength(count);
    for (const a of audit) expect(a.number).toBe(byId.get(a.entity_id));
    expect(events.length).toBeGreaterThanOrEqual(2 * count);
    for (const e of events) expect(e.number).toBe(byId.get(e.aggregate_id));
    // Intake takes the audit-chain lock with its first read and the chain's head with its number: the chains stay
    // whole under concurrency (R-SEC-2).
    const verified = await verifyAuditChain(t.deps);
    expect(verified.breaks).toEqual([]);
    expect(verified.ok).toBe(true);
  });

  it('should answer the intake with exactly what a later read of the complaint shows (no re-read, same row)', async () => {
    const posted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: world.users.agent.session.headers,
      payload: hotlineComplaint({
        customer: { name: '赵先生', phone: '139 8888 0001', type: 'dealer', email: 'zhao@example.cn' },
        product: {
          name: '旺旺雪饼 520g',
          code: 'XB-520G',
          batchNo: '20260301A',
          productionDate: '2026-03-01',
          purchaseDate: '2026-03-05',
          proofOfPurchase: true,
        },
        problem: {
          description: '整箱雪饼受潮发软，经销商要求换货。',
          scope: 'batch',
          occurredAt: '2026-03-06T02:00:00.000Z',
        },
        flags: ['media'],
        claimedAmountFen: 12_000,
      }),
    });
    expect(posted.statusCode).toBe(201);
    const created = posted.json() as { complaint: { id: string; deadlines: unknown[] } };
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/complaints/${created.complaint.id}`,
      headers: world.users.agent.session.headers,
    });
    expect(read.statusCode).toBe(200);
    expect(created.complaint.deadlines.length).toBeGreaterThan(0);
    expect(created.complaint).toEqual(read.json());
    expect(posted.headers.etag).toBe(read.headers.etag);
    // The search vector is computed by the insert itself: the new complaint is found by a word of its description.
    const found = await t.app.inject({
      method: 'GET',
      url: `/api/v1/complaints?q=${encodeURIComponent('受潮')}`,
      headers: world.users.agent.session.headers,
    });
    expect((found.json() as { items: { id: string }[] }).items.map((i) => i.id)).toContain(
      created.complaint.id,
    );
  });

  it('should suggest re-submissions within the duplicate window in force, when it widens and when it narrows (R-INT-3)', async () => {
    const admin = await createUserFx(t.deps, 'it.admin', ['admin'], [world.depts.HQ]);
    const adminSession = await loginFx(t.app, admin.username);
    const now = t.deps.clock.now().getTime();
    const intake = async (daysAgo: number) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: world.users.agent.session.headers,
        payload: hotlineComplaint({
          customer: { name: '周女士', phone: '137 7777 0001', type: 'consumer' },
          receivedAt: new Date(now - daysAgo * 86_400_000).toISOString(),
        }),
      });
      expect(res.statusCode).toBe(201);
      return res.json() as { complaint: { id: string }; duplicates: { id: string }[] };
    };
    const setWindow = async (windowDays: number) => {
      const current = await t.app.inject({
        method: 'GET',
        url: '/api/v1/policies/duplicate_policy',
        headers: adminSession.headers,
      });
      const res = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/policies/duplicate_policy',
        headers: { ...adminSession.headers, 'if-match': `"${current.json().version}"` },
        payload: { value: { windowDays, minTextSimilarity: 0.3 } },
      });
      expect(res.statusCode).toBe(200);
    };
    const old = await intake(150);
    // The default window is 30 days: the complaint of 150 days ago is not a candidate.
    expect((await intake(0)).duplicates.map((d) => d.id)).not.toContain(old.complaint.id);
    await setWindow(200);
    expect((await intake(0)).duplicates.map((d) => d.id)).toContain(old.complaint.id);
    await setWindow(10);
    expect((await intake(0)).duplicates.map((d) => d.id)).not.toContain(old.complaint.id);
  });
});
