import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertComplaintRowFx } from '../../../test/factories/complaint-row.factory';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { rowsOf } from '../../db/client';
import { deadlineRepo, type DeadlineRow, type NewDeadlineRow } from '../../db/repos/deadline.repo';
import { complaintDeadlines, complaints } from '../../db/schema/complaint.table';
import { importHolidayYear } from '../calendar/import-holiday-year';
import { seedCalendar } from '../calendar/seed-calendar';
import { systemContext } from '../context';
import { buildUserActor } from '../identity/build-user-actor';
import { newId } from '../new-id';
import { recomputeOpenDeadlines } from './recompute-open-deadlines';

/** A wall-clock reading in China (UTC+8). */
const sh = (local: string): Date => new Date(`${local}+08:00`);
const ctx = systemContext('test');
const CREATED = new Date('2026-01-01T00:00:00Z');

const NEW_YEAR_2027 = {
  year: 2027,
  papers: ['https://www.gov.cn/zhengce/example-2027.htm'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '春节', date: '2027-02-06', isOffDay: true },
    { name: '春节', date: '2027-02-20', isOffDay: false },
  ],
};

let deps: TestDeps;
const clocks: Record<string, NewDeadlineRow & { id: string }> = {};
const complaintOf: Record<string, string> = {};

const addClock = async (
  name: string,
  complaint: Parameters<typeof insertComplaintRowFx>[1],
  clock: Partial<NewDeadlineRow> & Pick<NewDeadlineRow, 'startedAt' | 'dueAt' | 'warnAt'>,
) => {
  const c = await insertComplaintRowFx(deps, complaint);
  const row = {
    id: newId(),
    complaintId: c.id,
    kind: 'R-SLA-9',
    createdAt: CREATED,
    updatedAt: CREATED,
    ...clock,
  };
  await deps.db.transaction((tx) => deadlineRepo.insert(tx, [row]));
  clocks[name] = row;
  complaintOf[name] = c.id;
};

const read = async (name: string): Promise<DeadlineRow> => {
  const [row] = await deps.db
    .reader()
    .select()
    .from(complaintDeadlines)
    .where(eq(complaintDeadlines.id, clocks[name]!.id));
  return row!;
};

const nextDueOf = async (name: string): Promise<Date | null> => {
  const [row] = await deps.db
    .reader()
    .select({ nextDueAt: complaints.nextDueAt })
    .from(complaints)
    .where(eq(complaints.id, complaintOf[name]!));
  return row?.nextDueAt ?? null;
};

const recomputeAudits = async () =>
  rowsOf<{ after: { examined: number; changed: number }; reason: string | null }>(
    deps.db.reader(),
    sql`select after, reason from audit_log where action = 'deadlines.recomputed' order by id`,
  );

beforeAll(async () => {
  deps = await createTestDeps();
  await seedCalendar(deps);
  // Running into 2027, a year without official data yet: 3 working days from Wed 30 Dec → Mon 4 Jan, provisional.
  await addClock(
    'intoProvisionalYear',
    {},
    {
      startedAt: sh('2026-12-30T09:00'),
      dueAt: sh('2027-01-04T09:00'),
      warnAt: sh('2027-01-03T03:00'),
      provisional: true,
    },
  );
  // Severity `special` runs 7 working days (R-SLA-9) across National Day 2025; stored with the 3-day date.
  await addClock(
    'special',
    { severity: 'special' },
    { startedAt: sh('2025-09-26T16:00'), dueAt: sh('2025-09-30T16:00'), warnAt: sh('2025-09-29T10:00') },
  );
  // Paused while waiting: the finished 2 h pause moves it; the open pause is added only when it ends.
  await addClock(
    'paused',
    {},
    {
      startedAt: sh('2026-03-02T09:00'),
      dueAt: sh('2026-03-05T09:00'),
      warnAt: sh('2026-03-04T09:00'),
      paused: true,
      pauses: [
        { from: sh('2026-03-02T09:00').toISOString(), to: sh('2026-03-02T11:00').toISOString() },
        { from: sh('2026-03-03T09:00').toISOString(), to: null },
      ],
    },
  );
  const stale = {
    startedAt: sh('2026-03-02T09:00'),
    dueAt: sh('2026-03-02T10:00'),
    warnAt: sh('2026-03-02T09:30'),
  };
  await addClock('met', {}, { ...stale, metAt: sh('2026-03-02T09:45'), late: false });
  await addClock('cancelled', {}, { ...stale, cancelledAt: sh('2026-03-02T09:45') });
  await addClock('breached', {}, { ...stale, breachedAt: sh('2026-03-02T10:00'), escalationLevel: 1 });
  await addClock('agreed', {}, { ...stale, kind: 'R-RES-7', dueAt: sh('2027-01-02T18:00') });
  await addClock('unknownKind', {}, { ...stale, kind: 'X-RETIRED-RULE' });
});
afterAll(async () => deps.close());

describe('recomputeOpenDeadlines (ARCHITECTURE: recomputed in bulk after a calendar or policy change)', () => {
  it('should reschedule open clocks whose due date moved and leave correct ones alone', async () => {
    const r = await recomputeOpenDeadlines(deps, ctx, { reason: 'test: first pass' });
    expect(r).toEqual({ examined: 6, changed: 2 });
    expect(await read('special')).toMatchObject({
      dueAt: sh('2025-10-13T16:00'),
      warnAt: new Date(sh('2025-09-26T16:00').getTime() + Math.round(0.75 * 17 * 86_400_000)),
      provisional: false,
      updatedAt: deps.clock.now(),
    });
    expect(await nextDueOf('special')).toEqual(sh('2025-10-13T16:00'));
    const paused = await read('paused');
    expect(paused).toMatchObject({ dueAt: sh('2026-03-05T11:00'), paused: true });
    expect(paused.pauses).toEqual(clocks.paused!.pauses);
    expect(await read('intoProvisionalYear')).toMatchObject({
      dueAt: sh('2027-01-04T09:00'),
      provisional: true,
      updatedAt: CREATED,
    });
  });

  it('should recompute a provisional deadline when the new year is imported and drop the provisional flag', async () => {
    const imported = await importHolidayYear(deps, ctx, NEW_YEAR_2027, { source: 'test' });
    expect(imported.recomputed).toEqual({ examined: 6, changed: 1 });
    // Thu 31 Dec, (Fri 1 Jan 元旦 off), Mon 4, Tue 5 Jan.
    expect(await read('intoProvisionalYear')).toMatchObject({
      dueAt: sh('2027-01-05T09:00'),
      warnAt: sh('2027-01-03T21:00'),
      provisional: false,
    });
    expect(await nextDueOf('intoProvisionalYear')).toEqual(sh('2027-01-05T09:00'));
  });

  it('should touch only open clocks and keep breached clocks, agreed dates (R-RES-7) and retired kinds', async () => {
    for (const name of ['met', 'cancelled', 'breached', 'agreed', 'unknownKind']) {
      const row = await read(name);
      const inserted = clocks[name]!;
      expect({ name, dueAt: row.dueAt, warnAt: row.warnAt, updatedAt: row.updatedAt }).toEqual({
        name,
        dueAt: inserted.dueAt,
        warnAt: inserted.warnAt,
        updatedAt: CREATED,
      });
    }
    expect((await read('breached')).breachedAt).toEqual(sh('2026-03-02T10:00'));
  });

  it('should page through every open clock and write one audit row per recompute', async () => {
    const before = (await recomputeAudits()).length;
    expect(await recomputeOpenDeadlines(deps, ctx, { reason: 'test: paging', pageSize: 2 })).toEqual({
      examined: 6,
      changed: 0,
    });
    const audits = await recomputeAudits();
    expect(audits).toHaveLength(before + 1);
    expect(audits.at(-1)).toMatchObject({ after: { examined: 6, changed: 0 }, reason: 'test: paging' });
    expect(audits.map((a) => a.reason)).toEqual([
      'test: first pass',
      'calendar: 2027 imported',
      'test: paging',
    ]);
  });

  it('should refuse an actor who may change neither the calendar nor the policy', async () => {
    const agent = buildUserActor(
      {
        user: { id: newId(), username: 'agent.x', displayName: '坐席', mustChangePassword: false },
        roles: ['agent'],
        departmentIds: [],
        subtreeIds: [],
      },
      { kind: 'session', sessionId: 's' },
    );
    await expect(recomputeOpenDeadlines(deps, { actor: agent, requestId: null })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
