import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/app/new-id';
import { rowsOf } from '../src/db/client';
import { compensationProposals, compensationTasks } from '../src/db/schema/compensation.table';
import { insertComplaintRowFx } from './factories/complaint-row.factory';
import { createTestApp } from './test-app';

/** The backfill statement of migration 0010 (its last statement), run again on rows made to look pre-migration. */
const BACKFILL = readFileSync(
  new URL('../src/db/migrations/0010_write_off_form.sql', import.meta.url),
  'utf8',
)
  .split('--> statement-breakpoint')
  .at(-1) as string;

describe('migration 0010: write-off numbers for agreements carried out before it (R-RPT-3)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const proposal = async (status: string, tasks: { status: string; doneAt: string | null }[]) => {
    const c = await insertComplaintRowFx(t.deps);
    const id = newId();
    await t.deps.db.transaction(async (tx) => {
      await tx.insert(compensationProposals).values({
        id,
        complaintId: c.id,
        version: 1,
        status,
        options: [],
        steps: [],
        facts: {},
        explanation: {},
        policyVersion: 1,
        contentHash: 'h',
        executionWorkingDays: 3,
        createdAt: new Date('2025-12-01T00:00:00Z'),
      });
      for (const [i, task] of tasks.entries())
        await tx.insert(compensationTasks).values({
          id: newId(),
          complaintId: c.id,
          proposalId: id,
          kind: 'pay_cash',
          optionKind: 'cash',
          amountFen: 1000 * (i + 1),
          ownerRole: 'finance',
          dueAt: new Date('2026-01-10T00:00:00Z'),
          status: task.status,
          doneAt: task.doneAt ? new Date(task.doneAt) : null,
          createdAt: new Date('2025-12-01T00:00:00Z'),
        });
    });
    return id;
  };

  it('should number carried-out agreements in the order they were finished, per Asia/Shanghai year, and nothing else', async () => {
    // Done 2025-12-31 17:00 UTC = 2026-01-01 01:00 in Shanghai: a 2026 number.
    const newYear = await proposal('approved', [{ status: 'done', doneAt: '2025-12-31T17:00:00Z' }]);
    const december = await proposal('approved', [
      { status: 'done', doneAt: '2025-12-20T02:00:00Z' },
      { status: 'cancelled', doneAt: null },
    ]);
    const later = await proposal('approved', [
      { status: 'done', doneAt: '2026-01-02T02:00:00Z' },
      { status: 'done', doneAt: '2026-01-05T02:00:00Z' },
    ]);
    const stillOpen = await proposal('approved', [
      { status: 'done', doneAt: '2026-01-02T02:00:00Z' },
      { status: 'open', doneAt: null },
    ]);
    const superseded = await proposal('superseded', [{ status: 'done', doneAt: '2026-01-03T02:00:00Z' }]);
    const allCancelled = await proposal('approved', [{ status: 'cancelled', doneAt: null }]);

    await t.deps.db.transaction((tx) => tx.execute(sql.raw(BACKFILL)));

    const rows = await rowsOf<{ id: string; no: string | null; at: Date | null }>(
      t.deps.db.reader(),
      sql`select id, write_off_no as no, write_off_at as at from compensation_proposals`,
    );
    const no = (id: string) => rows.find((r) => r.id === id)?.no ?? null;
    expect(no(december)).toBe('HX-2025-000001');
    expect(no(newYear)).toBe('HX-2026-000001');
    expect(no(later)).toBe('HX-2026-000002');
    expect(new Date(rows.find((r) => r.id === later)!.at!).toISOString()).toBe('2026-01-05T02:00:00.000Z');
    for (const id of [stillOpen, superseded, allCancelled]) expect(no(id)).toBeNull();
    const counters = await rowsOf<{ year: number; last: number }>(
      t.deps.db.reader(),
      sql`select year, last from document_counters where kind = 'write_off' order by year`,
    );
    expect(counters).toEqual([
      { year: 2025, last: 1 },
      { year: 2026, last: 2 },
    ]);
  });
});
