import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/test-app';

type App = Awaited<ReturnType<typeof createTestApp>>;

describe('serving the console and the portal (issue 4)', () => {
  let built: App;
  let notBuilt: App;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'closeloop-web-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(path.join(dir, 'portal.html'), '<!doctype html><title>portal</title>');
    writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    built = await createTestApp({ WEB_DIR: dir });
    notBuilt = await createTestApp({ WEB_DIR: path.join(dir, 'missing') });
  });
  afterAll(async () => {
    await built.close();
    await notBuilt.close();
  });

  it.each([
    ['/', 'console'],
    ['/queue?status=assigned', 'console'],
    ['/complaints/6f1c1a52-0f55-4a36-9d57-0b8d1f0b2f4e', 'console'],
    ['/portal', 'portal'],
    ['/portal/track?token=abc', 'portal'],
  ])('should answer the page for %s (deep links work) with a strict CSP', async (url, page) => {
    const res = await built.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain(`<title>${page}</title>`);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('should serve hashed assets with a long cache, and answer a missing asset with the error contract', async () => {
    const js = await built.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toContain('immutable');
    const missing = await built.app.inject({ method: 'GET', url: '/assets/nope.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('should keep unknown API paths and non-GET requests on the error contract', async () => {
    const api = await built.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      details: { path: '/api/v1/nothing-here' },
    });
    const post = await built.app.inject({ method: 'POST', url: '/queue' });
    expect(post.statusCode).toBe(404);
    expect(post.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('should say in both languages how to build the console when it is not built', async () => {
    const res = await notBuilt.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('控制台尚未构建');
    expect(res.body).toContain('npm run build:web');
    const api = await notBuilt.app.inject({ method: 'GET', url: '/healthz' });
    expect(api.statusCode).toBe(200);
  });
});
