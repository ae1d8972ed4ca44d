import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDeadlines } from '../src/app/complaints/sweep-deadlines';
import { hotlineComplaint } from '../test/factories/complaint.factory';
import { createDepartmentFx, createUserFx } from '../test/factories/identity.factory';
import { apiAs } from './api';
import { login, openBrowser, screenshot, startServer, type Browsing, type Server } from './harness';

let server: Server;
let browsing: Browsing;
let late: { id: string; number: string };

const HAN = /\p{Script=Han}/u;

beforeAll(async () => {
  server = await startServer();
  browsing = await openBrowser();
  const { agent, service } = server.world.users;
  // Registered three days ago and never handled: its first clocks are long past due.
  server.shiftClock(-3 * 86_400_000);
  const intake = await apiAs<{ complaint: { id: string; number: string } }>(
    server.url,
    agent.session,
    'POST',
    '/api/v1/complaints',
    hotlineComplaint(),
  );
  late = intake.complaint;
  await apiAs(server.url, service.session, 'POST', `/api/v1/complaints/${late.id}/transitions`, {
    type: 'triage',
    classification: {
      nature: 'foreign_matter',
      severity: 'major',
      validity: 'valid',
      responsibilityStage: 'production',
    },
  });
  await apiAs(server.url, service.session, 'POST', `/api/v1/complaints/${late.id}/transitions`, {
    type: 'assign',
    departmentId: server.world.depts.PROD.id,
    assigneeId: server.world.users.engineer.id,
  });
  server.shiftClock(0);
  const swept = await sweepDeadlines(server.live);
  expect(swept.breached).toBeGreaterThan(0);
});

afterAll(async () => {
  await browsing?.close();
  await server?.close();
});

describe('console journeys in Chromium (issue 4)', () => {
  it('journey 2: a breached deadline shows red, and the complaint reaches the escalation level above (R-ESC-1)', async () => {
    const page = await browsing.newPage();
    await page.goto(`${server.url}/login`);
    await screenshot(page, 'login');
    await login(page, server, server.world.users.manager.username);
    await page.goto(`${server.url}/queue?escalated=1`);
    const row = page.getByTestId(`queue-row-${late.number}`);
    await row.waitFor();
    await expect(row.locator('[data-clock-state="breached"]').count()).resolves.toBeGreaterThan(0);
    await expect(row.getByText(/升级 L\d/).count()).resolves.toBe(1);
    await screenshot(page, 'queue-escalated');
    await row.getByRole('link', { name: late.number }).click();
    await page.getByTestId('complaint-number').waitFor();
    await expect(
      page.getByTestId('complaint-clocks').locator('[data-clock-state="breached"]').count(),
    ).resolves.toBeGreaterThan(0);
    await expect(page.getByText(/已升级 L\d/).count()).resolves.toBe(1);
    expect(browsing.errors).toEqual([]);
  });

  it('journey 3: an agent of another department cannot open the complaint, in the UI or through the API (R-SEC-1)', async () => {
    const sales = await createDepartmentFx(server.deps, 'SALES', server.world.depts.HQ);
    await createUserFx(server.deps, 'sales.zhou', ['agent'], [sales]);
    const page = await browsing.newPage();
    await login(page, server, 'sales.zhou');
    await page.goto(`${server.url}/queue`);
    await page.getByText('没有符合条件的投诉').waitFor();
    await expect(page.getByTestId(`queue-row-${late.number}`).count()).resolves.toBe(0);
    await page.goto(`${server.url}/complaints/${late.id}`);
    await page.getByTestId('complaint-not-found').waitFor();
    const direct = await page.evaluate(async (id) => {
      const res = await fetch(`/api/v1/complaints/${id}`);
      return { status: res.status, body: (await res.json()) as { error: { code: string } } };
    }, late.id);
    expect(direct.status).toBe(404);
    expect(direct.body.error.code).toBe('COMPLAINT_NOT_FOUND');
    // Known to the browser as 404: the console treats it as "not found", not as a crash.
    expect(browsing.errors.filter((e) => !e.includes('404'))).toEqual([]);
    browsing.errors.length = 0;
  });

  it('journey 4: switching to English changes every label on the queue and detail pages', async () => {
    const page = await browsing.newPage();
    await login(page, server, server.world.users.service.username);
    await page.goto(`${server.url}/queue`);
    await page.getByTestId(`queue-row-${late.number}`).waitFor();
    await screenshot(page, 'queue');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('columnheader', { name: 'Number' }).waitFor();
    const labels = async () =>
      page
        .locator(
          'th, .ant-tabs-tab, button, .ant-checkbox-wrapper, .ant-menu-title-content, .ant-descriptions-item-label, ' +
            '.ant-form-item-label, .ant-card-head-title, .ant-tag, .ant-select-selection-placeholder, input[placeholder]',
        )
        .evaluateAll((els) =>
          els
            // The switch names the other language; the user menu shows the user's own name (data).
            .filter((e) => !e.closest('[data-testid="lang-switch"], [data-testid="user-menu"]'))
            .map((e) =>
              (e.tagName === 'INPUT' ? (e.getAttribute('placeholder') ?? '') : (e.textContent ?? '')).trim(),
            )
            .filter(Boolean),
        );
    const queueLabels = await labels();
    expect(queueLabels.length).toBeGreaterThan(20);
    expect(queueLabels.filter((l) => HAN.test(l))).toEqual([]);
    await page.getByRole('link', { name: late.number }).click();
    await page.getByTestId('complaint-number').waitFor();
    await page.getByRole('tab', { name: 'Details' }).waitFor();
    const detailLabels = await labels();
    expect(detailLabels.filter((l) => HAN.test(l))).toEqual([]);
    await page.getByTestId('lang-switch').click();
    await page.getByRole('tab', { name: '详情' }).waitFor();
    await screenshot(page, 'complaint-detail');
    expect(browsing.errors).toEqual([]);
  });
});
