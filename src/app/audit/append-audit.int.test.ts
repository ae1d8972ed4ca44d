import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, rowsOf } from '../../db/client';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { systemContext } from '../context';
import { appendAudit } from './append-audit';
import { getEntityHistory } from './get-entity-history';
import { verifyAuditChain } from './verify-audit-chain';

let deps: TestDeps;
const ctx = { ...systemContext('test'), requestId: 'req-1' };

beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => deps.close());

const countAudit = async () =>
  Number(
    (await rowsOf<{ n: number }>(deps.db.reader(), sql`select count(*)::int as n from audit_log`))[0]?.n,
  );

describe('audit trail (R-SEC-2)', () => {
  it('should commit audit rows with the change and roll them back with it when the use-case fails', async () => {
    const before = await countAudit();
    await deps.db.transaction((tx) =>
      appendAudit(tx, ctx, deps.clock.now(), [
        { entityType: 'thing', entityId: 't1', action: 'thing.created', after: { a: 1 } },
      ]),
    );
    await expect(
      deps.db.transaction(async (tx) => {
        await appendAudit(tx, ctx, deps.clock.now(), [
          { entityType: 'thing', entityId: 't1', action: 'thing.updated' },
        ]);
        throw new Error('use-case failed after auditing');
      }),
    ).rejects.toThrow('use-case failed');
    expect(await countAudit()).toBe(before + 1);
  });

  it('should refuse UPDATE, DELETE and TRUNCATE at the database when anyone tries to change the trail', async () => {
    for (const statement of [
      sql`update audit_log set action = 'x'`,
      sql`delete from audit_log`,
      sql`truncate audit_log`,
    ]) {
      await expect(deps.db.transaction((tx) => tx.execute(statement))).rejects.toThrow();
    }
    expect((await verifyAuditChain(deps)).ok).toBe(true);
  });

  it('should strip secrets and keep before/after, reason and request id when recording a change', async () => {
    await deps.db.transaction((tx) =>
      appendAudit(tx, ctx, deps.clock.now(), [
        {
          entityType: 'user',
          entityId: 'u-secret',
          action: 'user.updated',
          before: { name: 'a', passwordHash: 'x' },
          after: { name: 'b', password: 'p' },
          reason: '改名',
        },
      ]),
    );
    const page = await getEntityHistory(deps, ctx, { entityType: 'user', entityId: 'u-secret', limit: 10 });
    expect(page.items[0]).toMatchObject({
      before: { name: 'a' },
      after: { name: 'b' },
      reason: '改名',
      requestId: 'req-1',
      actorType: 'system',
      actorName: 'test',
    });
    expect(JSON.stringify(page.items[0])).not.toMatch(/passwordHash|"password"/);
  });

  it('should append more rows in one transaction than one SQL statement can carry (65,535 parameters)', async () => {
    const before = await countAudit();
    const entries = Array.from({ length: 4_500 }, (_, i) => ({
      entityType: 'bulk',
      entityId: `b${i}`,
      action: 'bulk.imported',
    }));
    await deps.db.transaction((tx) => appendAudit(tx, ctx, deps.clock.now(), entries));
    expect(await countAudit()).toBe(before + 4_500);
    expect((await verifyAuditChain(deps)).ok).toBe(true);
  });

  it('should keep every chain intact when many transactions append concurrently', async () => {
    const before = await countAudit();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        deps.db.transaction((tx) =>
          appendAudit(tx, ctx, deps.clock.now(), [
            { entityType: 'load', entityId: `l${i}`, action: 'load.created', after: { i } },
            { entityType: 'load', entityId: `l${i}`, action: 'load.touched' },
          ]),
        ),
      ),
    );
    expect(await countAudit()).toBe(before + 80);
    const result = await verifyAuditChain(deps);
    expect(result).toMatchObject({ ok: true, rowsChecked: before + 80 });
    if (deps.db.driver === 'postgres') expect(result.chains).toBeGreaterThan(1);
  });

  it('should name the first broken row when a row is edited behind the application', async () => {
    await deps.db.transaction((tx) =>
      appendAudit(tx, ctx, deps.clock.now(), [
        { entityType: 'complaint', entityId: 'c9', action: 'complaint.closed', after: { amount: 100 } },
      ]),
    );
    const [target] = await rowsOf<{ id: string }>(
      deps.db.reader(),
      sql`select id::text as id from audit_log where entity_id = 'c9'`,
    );
    // A superuser can switch the trigger off; the hash chain still catches the edit.
    await deps.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
      await tx.execute(sql`update audit_log set after = '{"amount": 1}'::jsonb where entity_id = 'c9'`);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    });
    const result = await verifyAuditChain(deps);
    expect(result.ok).toBe(false);
    expect(result.breaks[0]).toMatchObject({ id: target?.id, problem: 'content_changed' });
  });
});

describe('migrations', () => {
  it('should apply every migration on this database and be a no-op the second time', async () => {
    const { checkReadiness } = await import('../ops/check-readiness');
    await deps.db.migrate();
    const r = await checkReadiness(deps);
    expect(r.ready).toBe(true);
    expect(r.migrations.applied).toBe(r.migrations.expected);
  });

  // PostgreSQL only: PGlite is one process by design (guarded by its lock file).
  it.runIf(process.env.DATABASE_URL)(
    'should let several processes migrate one PostgreSQL database at once without error',
    async () => {
      const pools = await Promise.all(
        [1, 2, 3].map(() => openDb({ driver: 'postgres', url: deps.databaseUrl ?? '', poolMax: 2 })),
      );
      await Promise.all(pools.map((p) => p.migrate()));
      await Promise.all(pools.map((p) => p.close()));
    },
  );
});
