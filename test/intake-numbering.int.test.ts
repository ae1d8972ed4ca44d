import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/db/client';
import { COMPLAINT_NUMBER_PATTERN } from '../src/domain/complaint/complaint';
import { createComplaintWorld, hotlineComplaint, type ComplaintWorld } from './factories/complaint.factory';
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
  });
});
