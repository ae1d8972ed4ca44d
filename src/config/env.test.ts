import { describe, expect, it } from 'vitest';
import { parseConfig, redactConfig } from './env';

describe('configuration', () => {
  it('should use documented defaults when nothing is set', () => {
    const r = parseConfig({});
    expect(r.ok && r.config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      database: { driver: 'pglite' },
      session: { idleMinutes: 120, absoluteHours: 12 },
      login: { maxFailedAttempts: 5, lockoutMinutes: 15 },
      idempotencyTtlHours: 24,
      defaultLocale: 'zh-CN',
      defaultTimeZone: 'Asia/Shanghai',
    });
  });

  it('should list every problem at once when several variables are wrong', () => {
    const r = parseConfig({
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://x',
      COOKIE_SECURE: 'maybe',
      ADMIN_PASSWORD: 'short',
    });
    expect(r.ok).toBe(false);
    const vars = r.ok ? [] : r.problems.map((p) => p.variable);
    expect(vars).toEqual(
      expect.arrayContaining(['PORT', 'LOG_LEVEL', 'DATABASE_URL', 'COOKIE_SECURE', 'ADMIN_PASSWORD']),
    );
  });

  it('should refuse JOBS_IN_PROCESS=false on the embedded database, where no worker could run the jobs', () => {
    const r = parseConfig({ JOBS_IN_PROCESS: 'false' });
    expect(r.ok ? [] : r.problems.map((p) => p.variable)).toEqual(['JOBS_IN_PROCESS']);
    expect(parseConfig({ JOBS_IN_PROCESS: 'false', DATABASE_URL: 'postgres://x@h/db' }).ok).toBe(true);
  });

  it('should refuse an unknown time zone and an idle timeout longer than the absolute one', () => {
    const r = parseConfig({
      DEFAULT_TIME_ZONE: 'Mars/Olympus',
      SESSION_IDLE_MINUTES: '800',
      SESSION_ABSOLUTE_HOURS: '1',
    });
    expect(r.ok ? [] : r.problems.map((p) => p.variable)).toEqual([
      'DEFAULT_TIME_ZONE',
      'SESSION_IDLE_MINUTES',
    ]);
  });

  it('should choose PostgreSQL when DATABASE_URL is set and never expose its password when logged', () => {
    const r = parseConfig({
      DATABASE_URL: 'postgres://app:s3cret@db:5432/closeloop',
      ADMIN_PASSWORD: 'Very-Secret-2026',
      METRICS_TOKEN: 'x'.repeat(20),
    });
    expect(r.ok && r.config.database).toMatchObject({ driver: 'postgres' });
    const text = r.ok ? JSON.stringify(redactConfig(r.config)) : '';
    expect(text).not.toMatch(/s3cret|Very-Secret|x{20}/);
  });

  it('should read TRUST_PROXY as a boolean, a hop count or an address list', () => {
    const trust = (v: string) => {
      const r = parseConfig({ TRUST_PROXY: v });
      return r.ok ? r.config.trustProxy : undefined;
    };
    expect([trust('true'), trust('false'), trust('2'), trust('10.0.0.0/8')]).toEqual([
      true,
      false,
      2,
      '10.0.0.0/8',
    ]);
  });
});

describe('.env.example', () => {
  it('should document every variable the configuration reads', async () => {
    const { readFileSync } = await import('node:fs');
    const example = readFileSync('.env.example', 'utf8');
    const source = readFileSync('src/config/env.ts', 'utf8');
    const block = source.slice(
      source.indexOf('const ZEnv = z.object({'),
      source.indexOf('});', source.indexOf('const ZEnv')),
    );
    const variables = [...block.matchAll(/^\s{2}([A-Z_]+):/gm)].map((m) => m[1]);
    expect(variables.length).toBeGreaterThan(25);
    for (const v of variables) expect(example, v).toMatch(new RegExp(`^#? ?${v}=`, 'm'));
  });
});
