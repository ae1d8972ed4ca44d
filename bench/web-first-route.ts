/**
 * The console's first route in real Chromium (issue 4 quality bars): how much JavaScript it loads (gzip, as a
 * reverse proxy would send it) and how long until the work queue shows its rows.
 *
 *   npm run bench:web -- --url http://127.0.0.1:3000 --user <username> --password <password> [--runs 5]
 *
 * Point it at a server on the 1 M-complaint database (npm run bench:data) to measure the queue at scale.
 */
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { describeMachine, formatMachine } from './lib/machine';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    user: { type: 'string' },
    password: { type: 'string' },
    runs: { type: 'string', default: '5' },
    path: { type: 'string', default: '/queue' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    warm: { type: 'boolean', default: false },
  },
});
if (!values.user || !values.password) throw new Error('--user and --password are required');

const browser = await chromium.launch({ executablePath: values.chromium, args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${values.url}/login`);
  await page.getByLabel(/用户名/).fill(values.user);
  await page.getByLabel(/密码/).fill(values.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));

  const times: number[] = [];
  let js: { url: string; raw: number; gzip: number }[] = [];
  if (values.warm) {
    const prime = await context.newPage();
    await prime.goto(`${values.url}${values.path}`);
    await prime.locator('[data-testid^="queue-row-"], .ant-empty').first().waitFor({ timeout: 30_000 });
    await prime.close();
  }
  for (let i = 0; i < Number(values.runs); i += 1) {
    const fresh = await context.newPage();
    const scripts: Promise<{ url: string; raw: number; gzip: number }>[] = [];
    fresh.on('response', (r) => {
      if (r.url().endsWith('.js'))
        scripts.push(r.body().then((b) => ({ url: r.url(), raw: b.length, gzip: gzipSync(b).length })));
    });
    // Cold: intercepting requests turns the HTTP cache off, so every run downloads and parses all scripts.
    // Warm (--warm): the browser cache holds the hashed assets, as on an agent's second visit.
    if (!values.warm) await fresh.route('**/*', (route) => route.continue());
    const t0 = performance.now();
    await fresh.goto(`${values.url}${values.path}`, { waitUntil: 'commit' });
    await fresh.locator('[data-testid^="queue-row-"], .ant-empty').first().waitFor({ timeout: 30_000 });
    times.push(performance.now() - t0);
    js = await Promise.all(scripts);
    await fresh.close();
  }
  times.sort((a, b) => a - b);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  process.stdout.write(`machine: ${formatMachine(describeMachine())}\n`);
  process.stdout.write(
    `${values.path} (${values.warm ? 'warm cache' : 'cold cache'}): first rows visible after (ms) ${times.map((t) => t.toFixed(0)).join(', ')}; median ${times[Math.floor(times.length / 2)]?.toFixed(0)}\n`,
  );
  process.stdout.write(
    `JavaScript loaded: ${js.length} files, ${kb(js.reduce((a, f) => a + f.raw, 0))} raw, ${kb(js.reduce((a, f) => a + f.gzip, 0))} gzip\n`,
  );
} finally {
  await browser.close();
}
