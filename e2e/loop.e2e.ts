import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  login,
  openBrowser,
  pickOption,
  screenshot,
  startServer,
  type Browsing,
  type Server,
} from './harness';

let server: Server;
let browsing: Browsing;

beforeAll(async () => {
  server = await startServer();
  browsing = await openBrowser();
});
afterAll(async () => {
  await browsing?.close();
  await server?.close();
});

/**
 * Clicks an allowed lifecycle action on the detail page and waits until the server has taken it: the action's
 * dialog closes only on success; an error message fails at once with its own words.
 */
const act = async (page: Page, action: string, fill?: () => Promise<void>) => {
  await page.getByTestId(`action-${action}`).click();
  await fill?.();
  await page.getByTestId('action-submit').click();
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    const errors = await page.locator('.ant-message-error').allInnerTexts();
    if (errors.length > 0) throw new Error(`${action}: ${errors.join(' | ')}`);
    if ((await page.locator('.ant-modal-wrap:visible').count()) === 0) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`${action}: the dialog is still open after 60 s`);
};

/** Reloads the detail page and waits until the header (status and actions) is there. */
const reload = async (page: Page) => {
  await page.reload();
  await page.getByTestId('complaint-status').waitFor();
};

/**
 * Waits until the header shows the status: an action's success toast may still be the previous action's, so the
 * status itself is what tells the server has taken the step.
 */
const statusIs = (page: Page, value: string) =>
  page.getByTestId('complaint-status').locator(`[data-status="${value}"]`).waitFor();

describe('journey 1: the whole loop, customer in the portal and staff in the console (issue 4)', () => {
  it(
    'should take a portal complaint with a photo through triage, assignment, proposal, acceptance, resolution and a satisfied follow-up to closed (R-RES-7, R-FUP-3)',
    { timeout: 300_000 },
    async () => {
      // The customer scans the QR code on the package: product and batch arrive pre-filled.
      const customer = await browsing.newPage({ mobile: true });
      await customer.goto(
        `${server.url}/portal?product=XB-520G&batch=20260301A&name=${encodeURIComponent('旺旺雪饼 520g')}`,
      );
      await expect(customer.getByTestId('portal-batch').inputValue()).resolves.toBe('20260301A');
      await customer.getByTestId('portal-name').fill('刘女士');
      await customer.getByTestId('portal-phone').fill('13600001111');
      await customer
        .getByTestId('portal-description')
        .fill('雪饼里有一根头发，孩子差点吃下去，希望给个说法。');
      await customer.getByTestId('portal-injury-none').check();
      const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#d9a441' } })
        .jpeg()
        .toBuffer();
      await customer
        .getByTestId('portal-photo-input')
        .setInputFiles({ name: '头发.jpg', mimeType: 'image/jpeg', buffer: photo });
      await customer.getByTestId('portal-submit').click();
      const number = (await customer.getByTestId('portal-receipt-number').textContent())?.match(
        /KS-\d{4}-\d{6}/,
      )?.[0];
      expect(number).toBeDefined();
      const trackingUrl = await customer.getByTestId('portal-tracking-link').getAttribute('href');
      expect(trackingUrl).toContain('/portal/track?token=');

      // The agent sees it in the queue, with the customer's photo.
      const agent = await browsing.newPage();
      await login(agent, server, server.world.users.agent.username);
      await agent.goto(`${server.url}/queue`);
      await agent.getByTestId(`queue-row-${number}`).getByRole('link', { name: number }).click();
      await agent.getByTestId('complaint-number').waitFor();
      await agent.getByRole('tab', { name: '证据' }).click();
      await agent.getByTestId('evidence-gallery').locator('img').first().waitFor();
      // Triage (the suggestion pre-fills nature and severity; the agent confirms), then hand it to production,
      // whose manager picks it up (an agent sees only the people of their own department, R-SEC-1).
      await act(agent, 'triage', async () => {
        await pickOption(agent, '性质', '异物');
        await pickOption(agent, '严重程度', /一般|轻微|主要|严重/);
      });
      await act(agent, 'assign', async () => {
        await pickOption(agent, '责任部门', 'PROD');
      });
      await statusIs(agent, 'assigned');

      // The owner investigates and proposes a solution, then sends it to the customer.
      const owner = await browsing.newPage();
      await login(owner, server, server.world.users.manager.username);
      await owner.goto(agent.url());
      await owner.getByTestId('complaint-status').waitFor();
      await act(owner, 'start_investigation');
      await act(owner, 'propose_solution', async () => {
        await owner.getByLabel('内容').first().fill('退货退款并赠送同款两包');
        await owner.getByLabel('金额（元）').first().fill('25');
      });
      await reload(owner);
      if (await owner.getByTestId('action-send_to_customer').count()) await act(owner, 'send_to_customer');
      await statusIs(owner, 'awaiting_customer');

      // The customer accepts in the portal.
      await customer.goto(trackingUrl ?? '');
      await customer.getByTestId('portal-proposal').waitFor();
      await screenshot(customer, 'portal-track-proposal');
      await customer.getByTestId('portal-accept').click();
      await customer.getByTestId('portal-agreement').waitFor();

      // The owner carries it out and resolves it.
      await reload(owner);
      await statusIs(owner, 'agreed');
      if (await owner.getByTestId('action-start_execution').count()) await act(owner, 'start_execution');
      await act(owner, 'resolve', async () => {
        await owner.getByLabel('解决情况').fill('已退款 25 元并寄出两包新品，客户确认收到。');
      });
      await statusIs(owner, 'resolved');

      // Follow-up: the agent calls back and records a satisfied customer: the complaint closes.
      await agent.goto(`${server.url}/follow-ups`);
      await agent.getByTestId(`follow-up-${number}`).click();
      await agent
        .getByRole('dialog')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click();
      await agent.locator('.ant-message-success').last().waitFor();
      await agent.goto(owner.url());
      await statusIs(agent, 'closed');
      await agent.getByRole('tab', { name: '时间线' }).click();
      await agent.getByTestId('timeline').waitFor();
      await screenshot(agent, 'complaint-timeline');

      await customer.goto(trackingUrl ?? '');
      await expect(customer.getByTestId('portal-status').getAttribute('data-status')).resolves.toBe('closed');
      expect(browsing.errors).toEqual([]);
    },
  );
});
