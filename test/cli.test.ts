import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../src/db/client';
import { openTestDb } from './test-deps';

const run = promisify(execFile);
const BIN = path.resolve('bin/closeloop.mjs');
let env: Record<string, string>;
let dropDb: () => Promise<void> = async () => undefined;
let pgliteDir: string | undefined;
const tempDirs: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
};

beforeAll(async () => {
  const base = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', HOME: tmpdir() };
  const test = await openTestDb();
  if (test.url) {
    await test.db.close();
    dropDb = test.drop;
    env = { ...base, DATABASE_URL: test.url };
  } else {
    await test.db.close();
    pgliteDir = tempDir('closeloop-cli-');
    env = { ...base, PGLITE_DIR: pgliteDir };
  }
});
afterAll(async () => {
  await dropDb();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const cli = async (args: string[], extra: Record<string, string> = {}) => {
  try {
    const r = await run('node', [BIN, ...args], { env: { ...env, ...extra }, timeout: 60_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
};

/** The CLI's own database, opened directly (as an attacker or a DBA would) for the tamper test. */
const openCliDb = (): Promise<Db> =>
  env.DATABASE_URL
    ? openDb({ driver: 'postgres', url: env.DATABASE_URL, poolMax: 1 })
    : openDb({ driver: 'pglite', dir: pgliteDir ?? '' });

describe('closeloop CLI', { timeout: 240_000 }, () => {
  it('should list every configuration problem and exit 1 when the environment is wrong', async () => {
    const r = await cli(['db', 'migrate'], { PORT: 'abc', LOG_LEVEL: 'loud', COOKIE_SECURE: 'maybe' });
    expect(r.code).toBe(1);
    for (const v of ['PORT', 'LOG_LEVEL', 'COOKIE_SECURE']) expect(r.stderr).toContain(v);
  });

  it('should migrate, seed the base preset with demo data, and refuse an unknown preset', async () => {
    expect((await cli(['db', 'migrate'])).code).toBe(0);
    const seeded = await cli(['seed', '--preset', 'base', '--demo']);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/departments: 15 created/);
    expect(seeded.stdout).toMatch(/demo users: 13 created .*password: \S{16}/);
    expect((await cli(['seed', '--preset', 'base', '--demo'])).stdout).toMatch(
      /departments: 0 created.*15 unchanged/,
    );
    const unknown = await cli(['seed', '--preset', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('PRESET_NOT_FOUND');
  });

  it('should import an organisation chart saved by Excel as GBK CSV with Chinese headers', async () => {
    const file = path.join(tempDir('csv-'), '组织架构.csv');
    const text = '编码,名称,英文名称,上级编码\r\nMKT,市场部,Marketing,\r\nMKT-NORTH,华北市场组,,MKT\r\n';
    writeFileSync(file, gbk(text));
    const r = await cli(['dept', 'import', file]);
    expect(r.stdout).toContain('(gb18030): 2 created');
    const db = await openCliDb();
    const names = (await db
      .reader()
      .execute(sql`select name from departments where code like 'MKT%' order by code`)) as unknown as {
      rows: { name: string }[];
    };
    await db.close();
    expect(names.rows.map((x) => x.name)).toEqual(['市场部', '华北市场组']);
    const bad = path.join(path.dirname(file), 'bad.csv');
    writeFileSync(bad, 'code,name,parent_code\nX1,坏部门,NOWHERE\nbad code!,名称,\n');
    const failed = await cli(['dept', 'import', bad]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/bad\.csv:3: bad code!/);
    expect(failed.stderr).toContain('nothing was imported');
  });

  it('should create a user with a printed initial password and reset it', async () => {
    const created = await cli([
      'user',
      'create',
      '--username',
      'cli.user',
      '--name',
      '命令行用户',
      '--role',
      'agent',
      '--dept',
      'CS-EAST',
    ]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/initial password .*: \S{16}/);
    const reset = await cli(['user', 'reset-password', 'cli.user']);
    expect(reset.stdout).toMatch(/temporary password for cli\.user .*: \S{16}/);
    expect((await cli(['user', 'reset-password', 'nobody'])).stderr).toContain('USER_NOT_FOUND');
  });

  it('should catch deleted newest rows with an anchor saved by an earlier run (R-SEC-2)', async () => {
    await cli(['seed', '--preset', 'base']);
    await cli(['user', 'create', '--username', 'anchor.user', '--name', '锚点', '--role', 'agent']);
    const anchor = path.join(tempDir('anchor-'), 'audit-anchor.json');
    const before = await cli(['audit', 'verify', '--save-anchor', anchor]);
    expect(before.stdout).toContain('audit trail');
    const db = await openCliDb();
    await db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
      await tx.execute(sql`delete from audit_log where id = (select max(id) from audit_log)`);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    });
    await db.close();
    const next = path.join(path.dirname(anchor), 'next.json');
    const withAnchor = await cli(['audit', 'verify', '--anchor', anchor, '--save-anchor', next]);
    expect(withAnchor.code).toBe(1);
    expect(withAnchor.stdout).toMatch(/anchored row chain \d+ seq \d+ is gone/);
    expect(existsSync(next)).toBe(false);
    const unreadable = await cli([
      'audit',
      'verify',
      '--anchor',
      path.join(path.dirname(anchor), 'missing.json'),
    ]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('cannot read the anchor file');
  });

  it('should verify the audit trail, then fail and name the row after it is edited behind the app (R-SEC-2)', async () => {
    const ok = await cli(['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/audit trail OK .*: \d+ rows/);
    const db = await openCliDb();
    const victim = (await db
      .reader()
      .execute(sql`select id::text as id from audit_log order by id desc limit 1`)) as unknown as {
      rows: { id: string }[];
    };
    await db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
      await tx.execute(
        sql`update audit_log set actor_name = '冒名顶替' where id = ${victim.rows[0]?.id}::bigint`,
      );
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    });
    await db.close();
    const broken = await cli(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`first broken row id=${victim.rows[0]?.id}`);
    expect(broken.stdout).toContain('content_changed');
  });
});

describe('closeloop serve (npm start)', { timeout: 240_000 }, () => {
  it('should start on an empty database, print the first login once, answer health checks, and stop cleanly', async () => {
    const extra: Record<string, string> = env.DATABASE_URL ? {} : { PGLITE_DIR: tempDir('closeloop-serve-') };
    const freshEnv: Record<string, string> = { ...env, ...extra, PORT: '0', DEMO_DATA: 'false' };
    let dropFresh: () => Promise<void> = async () => undefined;
    if (env.DATABASE_URL) {
      const t = await openTestDb();
      await t.db.close();
      freshEnv.DATABASE_URL = t.url ?? '';
      dropFresh = t.drop;
    }
    const child = spawn('node', [BIN, 'serve'], { env: freshEnv });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const started = Date.now();
    while (!/is running: (\S+)/.test(output) && Date.now() - started < 45_000)
      await new Promise((r) => setTimeout(r, 200));
    const url = /is running: (\S+)/.exec(output)?.[1];
    expect(url).toBeDefined();
    expect(output).toMatch(/First login: admin \/ \S{16}/);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(((await (await fetch(`${url}/readyz`)).json()) as { ready: boolean }).ready).toBe(true);
    if (!env.DATABASE_URL) {
      const busy = await cli(['db', 'migrate'], { PGLITE_DIR: extra.PGLITE_DIR ?? '' });
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain('in use');
    }
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    if (extra.PGLITE_DIR) expect(existsSync(path.join(extra.PGLITE_DIR, 'closeloop.pid'))).toBe(false);
    await dropFresh();
  });
});

/** Encodes text as GB18030 the way Excel on a Chinese Windows saves CSV (Node has no GBK encoder; a tiny table suffices). */
function gbk(text: string): Buffer {
  const table: Record<string, number[]> = {
    编: [0xb1, 0xe0],
    码: [0xc2, 0xeb],
    名: [0xc3, 0xfb],
    称: [0xb3, 0xc6],
    英: [0xd3, 0xa2],
    文: [0xce, 0xc4],
    上: [0xc9, 0xcf],
    级: [0xbc, 0xb6],
    市: [0xca, 0xd0],
    场: [0xb3, 0xa1],
    部: [0xb2, 0xbf],
    华: [0xbb, 0xaa],
    北: [0xb1, 0xb1],
    组: [0xd7, 0xe9],
  };
  const bytes: number[] = [];
  for (const ch of text) {
    const mapped = table[ch];
    if (mapped) bytes.push(...mapped);
    else if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else throw new Error(`no GBK code for ${ch} in the test table`);
  }
  return Buffer.from(bytes);
}
