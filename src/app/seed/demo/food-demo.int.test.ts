import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../../test/test-deps';
import { rowsOf } from '../../../db/client';
import type { Executor } from '../../../db/client';
import { verifyAuditChain } from '../../audit/verify-audit-chain';
import { runSeed } from '../run-seed';
import { DEMO_TARGETS } from './demo-plan';

const statusCounts = async (ex: Executor): Promise<Record<string, number>> =>
  Object.fromEntries(
    (
      await rowsOf<{ status: string; n: number }>(
        ex,
        sql`select status, count(*)::int as n from complaints group by status`,
      )
    ).map((r) => [r.status, r.n]),
  );

const tableCounts = async (ex: Executor) =>
  (
    await rowsOf<Record<string, number>>(
      ex,
      sql`select (select count(*) from complaints)::int as complaints, (select count(*) from customers)::int as customers,
                 (select count(*) from products)::int as products, (select count(*) from batches)::int as batches,
                 (select count(*) from shipments)::int as shipments, (select count(*) from users)::int as users,
                 (select count(*) from complaint_deadlines)::int as deadlines`,
    )
  )[0];

const history = async (ex: Executor) =>
  rowsOf<{ number: string; status: string; customer_name: string; description: string; received_at: string }>(
    ex,
    sql`select number, status, customer_name, description, received_at::text from complaints order by number`,
  );

let deps: TestDeps;
let lines: readonly string[];
beforeAll(async () => {
  deps = await createTestDeps();
  lines = (await runSeed(deps, 'food', { demo: true })).lines;
});
afterAll(async () => deps.close());

describe('seed --preset food --demo', () => {
  it('should create complaints in every lifecycle state, with the reopened one carried on by a new complaint', async () => {
    const counts = await statusCounts(deps.db.reader());
    for (const status of DEMO_TARGETS)
      expect({ status, present: (counts[status] ?? 0) > 0 }).toEqual({ status, present: true });
    expect(counts).toEqual({
      registered: 4,
      triaged: 2,
      assigned: 2,
      investigating: 1,
      solution_proposed: 2,
      awaiting_customer: 2,
      agreed: 1,
      executing: 1,
      resolved: 2,
      follow_up: 1,
      closed: 3,
      explained: 1,
      not_valid: 1,
      withdrawn: 1,
      reopened: 1,
    });
    const [link] = await rowsOf<{ n: number }>(
      deps.db.reader(),
      sql`select count(*)::int as n from complaint_links where kind = 'reopen'`,
    );
    expect(link?.n).toBe(1);
    expect(lines.join('\n')).toMatch(/demo complaints: 25 created/);
  });

  it('should load customers with tiers and special groups, products priced in fen, batches and regional shipments', async () => {
    const ex = deps.db.reader();
    const customers = await rowsOf<{
      name: string;
      tier: string;
      special_group: string | null;
      region: string;
    }>(ex, sql`select name, tier, special_group, region from customers where code like 'DEMO-FOOD-%'`);
    expect(customers).toHaveLength(14);
    expect(
      customers
        .filter((c) => c.special_group === 'elderly')
        .map((c) => c.name)
        .sort(),
    ).toEqual(['张建华', '周桂兰'].sort());
    expect(new Set(customers.map((c) => c.tier))).toEqual(
      new Set(['standard', 'new', 'long_term', 'key_account']),
    );
    const [product] = await rowsOf<{ price_fen: number }>(
      ex,
      sql`select price_fen::int as price_fen from products where code = 'FD-2001'`,
    );
    expect(product?.price_fen).toBe(5990);
    const regions = await rowsOf<{ region: string }>(ex, sql`select distinct region from shipments`);
    expect(regions.map((r) => r.region).sort()).toEqual(
      ['华东', '华中', '华北', '华南', '西北', '西南'].sort(),
    );
  });

  it('should act as the demo users: agents register, the GM signs the major compensation', async () => {
    const actors = await rowsOf<{ action: string; actor_name: string }>(
      deps.db.reader(),
      sql`select distinct action, actor_name from audit_log where entity_type = 'complaint' and actor_type = 'user'`,
    );
    const who = (action: string) =>
      actors
        .filter((a) => a.action === action)
        .map((a) => a.actor_name)
        .sort();
    expect(who('complaint.registered')).toEqual(['李娜', '王芳']);
    expect(who('complaint.approve_solution')).toContain('吴建国');
    expect(who('complaint.start_investigation').length).toBeGreaterThan(1);
  });

  it('should take one complaint through the loop: filed investigation, engine proposal, e-signature, payment or shipment, write-off, corrective action (R-INV-1, R-APR-1, R-APR-2, R-RES-9, R-RPT-3, R-CAPA-1)', async () => {
    const ex = deps.db.reader();
    const [proposal] = await rowsOf<{
      status: string;
      write_off_no: string | null;
      complaint_status: string;
    }>(
      ex,
      sql`select p.status, p.write_off_no, c.status as complaint_status
            from compensation_proposals p join complaints c on c.id = p.complaint_id`,
    );
    expect(proposal).toMatchObject({ status: 'approved', complaint_status: 'resolved' });
    expect(proposal?.write_off_no).toMatch(/^HX-\d{4}-000001$/);
    const signatures = await rowsOf<{ signer_name: string; meaning: string }>(
      ex,
      sql`select signer_name, meaning from approval_signatures`,
    );
    expect(signatures).toEqual([{ signer_name: '刘洋', meaning: 'approve' }]);
    const tasks = await rowsOf<{ status: string; reference: string | null }>(
      ex,
      sql`select status, reference from compensation_tasks`,
    );
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.status === 'done' && t.reference)).toBe(true);
    const [paid] = await rowsOf<{ n: number }>(
      ex,
      sql`select count(*)::int as n from compensation_ledger where stage = 'paid'`,
    );
    expect(paid?.n).toBeGreaterThan(0);
    // Investigated and filed before the proposal (R-INV-1…4), with a corrective action on its mechanism (R-CAPA-1).
    const [investigation] = await rowsOf<{ filed: boolean; verdict: string; mechanism: string }>(
      ex,
      sql`select filed_at is not null as filed, verdict, failure_mechanism as mechanism from investigations`,
    );
    expect(investigation).toEqual({ filed: true, verdict: 'isolated', mechanism: '工序参数偏离' });
    const [capa] = await rowsOf<{ kind: string; status: string; source_type: string; mechanism: string }>(
      ex,
      sql`select kind, status, source_type, mechanism from capa_actions`,
    );
    expect(capa).toMatchObject({ kind: 'corrective', source_type: 'complaint', mechanism: '工序参数偏离' });
    expect(lines.join('\n')).toMatch(
      /demo compensation: KS-\d{4}-\d{6} .*signed by east\.liu.*write-off application HX-\d{4}-000001; corrective action \S+/,
    );
  });

  it('should leave some open clocks breached and some in warning for the deadline sweep', async () => {
    const now = deps.clock.now();
    const [clocks] = await rowsOf<{ breached: number; warning: number; open: number }>(
      deps.db.reader(),
      sql`select count(*) filter (where due_at < ${now})::int as breached,
                 count(*) filter (where warn_at <= ${now} and due_at >= ${now})::int as warning,
                 count(*) filter (where warn_at > ${now})::int as open
          from complaint_deadlines where met_at is null and cancelled_at is null`,
    );
    expect(clocks?.breached).toBeGreaterThanOrEqual(3);
    expect(clocks?.warning).toBeGreaterThanOrEqual(3);
    expect(clocks?.open).toBeGreaterThanOrEqual(3);
  });

  it('should backdate history in order: received before registered, numbers in registration order, a valid audit chain', async () => {
    const rows = await rowsOf<{ received_at: Date; registered_at: Date; seq: number }>(
      deps.db.reader(),
      sql`select received_at, registered_at, seq from complaints order by seq`,
    );
    for (const r of rows)
      expect(new Date(r.received_at).getTime()).toBeLessThanOrEqual(new Date(r.registered_at).getTime());
    const registered = rows.map((r) => new Date(r.registered_at).getTime());
    expect(registered).toEqual([...registered].sort((a, b) => a - b));
    expect((await verifyAuditChain(deps)).ok).toBe(true);
  });

  it('should change nothing when run again', async () => {
    const before = await tableCounts(deps.db.reader());
    const again = await runSeed(deps, 'food', { demo: true });
    expect(again.lines).toContain('demo complaints: already loaded, skipped');
    expect(again.lines.join('\n')).toMatch(/customers 0 created, 0 updated, 14 unchanged/);
    expect(await tableCounts(deps.db.reader())).toEqual(before);
  });

  it('should produce the same demo data on every run (seeded random source)', async () => {
    const other = await createTestDeps();
    try {
      await runSeed(other, 'food', { demo: true });
      expect(await history(other.db.reader())).toEqual(await history(deps.db.reader()));
    } finally {
      await other.close();
    }
  });
});
