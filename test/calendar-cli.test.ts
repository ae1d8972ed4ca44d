import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../src/app/calendar/seed-calendar';
import { createDeps } from '../src/app/deps';
import { newId } from '../src/app/new-id';
import { openDb, rowsOf, type Db } from '../src/db/client';
import { deadlineRepo } from '../src/db/repos/deadline.repo';
import { complaintDeadlines } from '../src/db/schema/complaint.table';
import { insertComplaintRowFx } from './factories/complaint-row.factory';
import { openTestDb, testConfig } from './test-deps';

const run = promisify(execFile);
const BIN = path.resolve('bin/closeloop.mjs');
const sh = (local: string): Date => new Date(`${local}+08:00`);

let env: Record<string, string>;
let dropDb: () => Promise<void> = async () => undefined;
let pgliteDir: string | undefined;
let work: string;
const clockId = newId();

/** The CLI's own database, opened directly (only while no CLI process has it open, for PGlite). */
const openCliDb = (): Promise<Db> =>
  env.DATABASE_URL
    ? openDb({ driver: 'postgres', url: env.DATABASE_URL, poolMax: 1 })
    : openDb({ driver: 'pglite', dir: pgliteDir ?? '' });

const withCliDb = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
  const db = await openCliDb();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
};

const cli = async (args: string[]) => {
  try {
    const r = await run('node', [BIN, ...args], { env, timeout: 60_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
};

const counts = (db: Db) =>
  rowsOf<{ days: number; years: number; audit: number }>(
    db.reader(),
    sql`select (select count(*) from calendar_days)::int as days, (select count(*) from calendar_years)::int as years, (select count(*) from audit_log)::int as audit`,
  ).then((r) => r[0]);

const clock = (db: Db) =>
  db
    .reader()
    .select()
    .from(complaintDeadlines)
    .where(eq(complaintDeadlines.id, clockId))
    .then((r) => r[0]);

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'closeloop-calendar-cli-'));
  const base = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', HOME: tmpdir() };
  const test = await openTestDb();
  await test.db.close();
  if (test.url) {
    dropDb = test.drop;
    env = { ...base, DATABASE_URL: test.url };
  } else {
    pgliteDir = path.join(work, 'pglite');
    env = { ...base, PGLITE_DIR: pgliteDir };
  }
  // A server ran once (calendar seeded: 2027 provisional); one complaint has a clock running into 2027.
  await withCliDb(async (db) => {
    await db.migrate();
    const deps = await createDeps(testConfig(), { db });
    await seedCalendar(deps);
    const complaint = await insertComplaintRowFx(deps);
    await db.transaction((tx) =>
      deadlineRepo.insert(tx, [
        {
          id: clockId,
          complaintId: complaint.id,
          kind: 'R-SLA-9',
          // 3 working days from Wed 30 Dec 2026 on the weekly rule alone: Thu 31, Fri 1 Jan, Mon 4 Jan.
          startedAt: sh('2026-12-30T09:00'),
          dueAt: sh('2027-01-04T09:00'),
          warnAt: sh('2027-01-03T03:00'),
          provisional: true,
          createdAt: sh('2026-12-30T09:00'),
          updatedAt: sh('2026-12-30T09:00'),
        },
      ]),
    );
  });
});
afterAll(async () => {
  await dropDb();
  rmSync(work, { recursive: true, force: true });
});

describe('closeloop calendar', () => {
  it('should refuse a malformed notice, print every problem, exit 1 and write nothing', async () => {
    const file = path.join(work, 'bad-2027.json');
    writeFileSync(
      file,
      JSON.stringify({
        year: 2027,
        papers: [],
        days: [{ name: '元旦', date: '2027-1-1', isOffDay: 'true' }],
      }),
    );
    const before = await withCliDb(counts);
    const r = await cli(['calendar', 'import', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('HOLIDAY_DATA_INVALID');
    expect(r.stderr).toContain('days[0].date: expected a YYYY-MM-DD date: 2027-1-1');
    expect(r.stderr).toContain('days[0].isOffDay');
    expect(r.stderr).toContain('nothing was imported');
    const notJson = path.join(work, 'not-json.json');
    writeFileSync(notJson, '{"year": 2027,');
    expect((await cli(['calendar', 'import', notJson])).code).toBe(1);
    expect(await withCliDb(counts)).toEqual(before);
  });

  it('should import the 2027 notice, cover 2027 and recompute the provisional deadline running into it', async () => {
    const file = path.join(work, '2027.json');
    writeFileSync(
      file,
      JSON.stringify({
        $schema: 'https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json',
        year: 2027,
        papers: ['https://www.gov.cn/zhengce/example-2027.htm'],
        days: [
          { name: '元旦', date: '2027-01-01', isOffDay: true },
          { name: '春节', date: '2027-02-06', isOffDay: true },
          { name: '春节', date: '2027-02-07', isOffDay: true },
          { name: '春节', date: '2027-02-20', isOffDay: false },
        ],
      }),
    );
    const r = await cli(['calendar', 'import', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^2027: 4 special days imported \(covered\); 1 open deadlines recomputed \(1 open\)/,
    );
    const after = await withCliDb(clock);
    // 元旦 is now a holiday: Thu 31, Mon 4, Tue 5 Jan — and no longer provisional.
    expect(after).toMatchObject({ dueAt: sh('2027-01-05T09:00'), provisional: false });

    const show = await cli(['calendar', 'show']);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(
      /2027 +4 days +cli import: 2027\.json +https:\/\/www\.gov\.cn\/zhengce\/example-2027\.htm/,
    );
    expect(show.stdout).toContain('Asia/Shanghai');
  });

  it('should list the holidays and make-up working days of one year', async () => {
    const r = await cli(['calendar', 'show', '--year', '2025']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2025-10-01 周三 Wed  国庆节');
    const makeUp = r.stdout.slice(r.stdout.indexOf('调休上班'));
    expect(makeUp).toContain('2025-09-28 周日 Sun  国庆节');
    expect(makeUp).toContain('2025-10-11 周六 Sat  国庆节');
    expect((await cli(['calendar', 'show', '--year', 'next'])).code).toBe(1);
  });
});
