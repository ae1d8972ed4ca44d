import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Frame,
  type Page,
  type Request,
  type Response,
} from 'playwright-core';
import { buildApp } from '../src/api/build-app';
import type { Deps } from '../src/app/deps';
import { createComplaintWorld, type ComplaintWorld } from '../test/factories/complaint.factory';
import { TEST_PASSWORD } from '../test/factories/identity.factory';
import { createTestDeps, type TestDeps } from '../test/test-deps';

const root = path.resolve(import.meta.dirname, '..');
export const SCREENSHOTS = path.join(root, 'docs', 'screenshots');

/** Debian's Chromium (`apt-get install -y chromium`); CHROMIUM_PATH overrides. Never a downloaded browser. */
export const chromiumPath = (): string => {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
  return found;
};

export type Server = {
  readonly url: string;
  readonly deps: TestDeps;
  /** The same dependencies with the real wall clock, as the server runs them. */
  readonly live: Deps;
  readonly world: ComplaintWorld;
  readonly password: string;
  /** Runs the server's clock `ms` off the wall clock (negative: in the past) — to make history. */
  readonly shiftClock: (ms: number) => void;
  readonly close: () => Promise<void>;
};

/**
 * A real server on a free port: fresh database, the built console and portal (dist/web), a real clock, and the
 * complaint world of the route tests (departments CS, PROD, QA, GMO; agents, managers, service manager, GM).
 */
export const startServer = async (): Promise<Server> => {
  // E2E_WEB_DIR: a private build, so a rebuild of dist/web during a run cannot swap the assets underneath.
  const webDir = path.resolve(process.env.E2E_WEB_DIR ?? path.join(root, 'dist', 'web'));
  if (!existsSync(path.join(webDir, 'index.html'))) throw new Error('dist/web is missing: npm run build:web');
  const deps = await createTestDeps({
    WEB_DIR: webDir,
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  });
  deps.clock.set(new Date());
  let offsetMs = 0;
  const live: Deps = { ...deps, clock: { now: () => new Date(Date.now() + offsetMs) } };
  const { app } = await buildApp(live);
  const world = await createComplaintWorld(deps, app);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    deps,
    live,
    world,
    password: TEST_PASSWORD,
    shiftClock: (ms) => {
      offsetMs = ms;
    },
    close: async () => {
      await app.close();
      await deps.close();
    },
  };
};

export type Browsing = {
  readonly browser: Browser;
  /** Errors the pages wrote to the console or threw: every journey ends with none. */
  readonly errors: string[];
  readonly newPage: (options?: { mobile?: boolean; locale?: 'zh-CN' | 'en' }) => Promise<Page>;
  readonly close: () => Promise<void>;
};

export const openBrowser = async (): Promise<Browsing> => {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=zh-CN'],
  });
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];
  return {
    browser,
    errors,
    newPage: async (options = {}) => {
      const context = await browser.newContext({
        locale: options.locale ?? 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: options.mobile ? { width: 390, height: 844 } : { width: 1440, height: 900 },
        deviceScaleFactor: 1,
        isMobile: options.mobile ?? false,
        hasTouch: options.mobile ?? false,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`${page.url()} console: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`${page.url()} pageerror: ${e.message}`));
      return page;
    },
    close: async () => {
      for (const c of contexts) await c.close();
      await browser.close();
    },
  };
};

export const login = async (page: Page, server: Server, username: string): Promise<void> => {
  // What the page asked and was told while signing in: printed if the sign-in does not complete.
  const trail: string[] = [];
  const t0 = Date.now();
  const short = (u: string) => u.replace(server.url, '');
  const onRequest = (r: Request) => trail.push(`${Date.now() - t0} ms → ${r.method()} ${short(r.url())}`);
  const onResponse = (r: Response) => trail.push(`${Date.now() - t0} ms ← ${r.status()} ${short(r.url())}`);
  const onNavigated = (f: Frame) => {
    if (f === page.mainFrame()) trail.push(`${Date.now() - t0} ms at ${short(f.url())}`);
  };
  page.on('request', onRequest);
  page.on('response', onResponse);
  page.on('framenavigated', onNavigated);
  try {
    await page.goto(`${server.url}/login`);
    await page.getByLabel(/用户名|Username/).fill(username);
    await page.getByLabel(/密码|Password/).fill(server.password);
    await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
    // Waits for the console to route away from /login; a refusal fails at once with the page's own message.
    while (Date.now() - t0 < 60_000) {
      if (!new URL(page.url()).pathname.startsWith('/login')) return;
      const alert = page.locator('.ant-alert-error');
      if ((await alert.count()) > 0) throw new Error(`refused: ${await alert.innerText()}`);
      await page.waitForTimeout(200);
    }
    throw new Error(`still on ${short(page.url())} after 60 s`);
  } catch (e) {
    throw new Error(`login as ${username}: ${(e as Error).message}\n${trail.join('\n')}`);
  } finally {
    page.off('request', onRequest);
    page.off('response', onResponse);
    page.off('framenavigated', onNavigated);
  }
};

/**
 * Waits for the antd success message `text`; an error message shown meanwhile fails at once with its own words
 * (what the server answered), not after a 30 s time-out.
 */
export const success = async (page: Page, text: string, timeoutMs = 30_000): Promise<void> => {
  const wanted = page.locator('.ant-message-success').filter({ hasText: text }).last();
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await wanted.isVisible()) return;
    const errors = page.locator('.ant-message-error');
    if ((await errors.count()) > 0)
      throw new Error(`expected "${text}", the page said: ${(await errors.allInnerTexts()).join(' | ')}`);
    await page.waitForTimeout(100);
  }
  const formErrors = await page.locator('.ant-form-item-explain-error:visible').allInnerTexts();
  const dialogs = await page.locator('.ant-modal:visible .ant-modal-title').allInnerTexts();
  throw new Error(
    `expected "${text}" within ${timeoutMs / 1000} s; no message was shown` +
      ` (open dialogs: ${JSON.stringify(dialogs)}, form errors: ${JSON.stringify(formErrors)})`,
  );
};

/** Picks an option of an antd Select found by its form label. */
export const pickOption = async (page: Page, label: string, option: string | RegExp): Promise<void> => {
  const item = page
    .locator('.ant-form-item:visible')
    .filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) });
  await item.locator('.ant-select-selector').first().click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
};

export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
};
