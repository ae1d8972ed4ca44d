import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, openBrowser, screenshot, startServer, type Browsing, type Server } from './harness';

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

describe('console pages in Chromium (issue 4)', () => {
  it('should register a hotline call from the keyboard, with the injury question required (R-AE-1), and show it on the dashboard', async () => {
    const page = await browsing.newPage();
    await login(page, server, server.world.users.agent.username);
    await page.goto(`${server.url}/hotline`);
    await page.getByLabel('来电号码').fill('13912345678');
    await page.getByLabel('客户姓名').fill('赵先生');
    await page.getByLabel('产品名称').fill('香辣牛肉面 5 连包');
    await page.getByLabel('批号').fill('20261101B');
    await page.getByLabel('问题描述').fill('面饼里有一只小虫子，已经拍照，要求退货并给个说法。');
    await page.keyboard.press('Control+Enter');
    // Chinese validation message: the injury question must be answered (R-AE-1).
    await page.getByText('必须询问并选择是否有人受伤').waitFor();
    await screenshot(page, 'hotline');
    await page.locator('label.ant-radio-button-wrapper').filter({ hasText: '无人受伤' }).click();
    await page.getByLabel('问题描述').focus();
    await page.keyboard.press('Control+Enter');
    const number = await page.getByTestId('intake-number').textContent();
    expect(number).toMatch(/KS-\d{4}-\d{6}/);

    await page.goto(`${server.url}/dashboard`);
    await page.getByTestId('chart-trend').locator('canvas').waitFor();
    await expect(page.getByText('未结投诉').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'dashboard');
    await page.goto(`${server.url}/follow-ups`);
    await page.getByRole('tab', { name: /待回访/ }).waitFor();
    await screenshot(page, 'follow-ups');
    expect(browsing.errors).toEqual([]);
  });
});
