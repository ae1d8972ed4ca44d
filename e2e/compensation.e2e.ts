import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/app/context';
import { createUser } from '../src/app/users/create-user';
import { updateUser } from '../src/app/users/update-user';
import type { Role } from '../src/domain/identity/roles';
import { userRepo } from '../src/db/repos/user.repo';
import { hotlineComplaint } from '../test/factories/complaint.factory';
import { apiAs } from './api';
import {
  login,
  openBrowser,
  pickOption,
  screenshot,
  startServer,
  type Browsing,
  type Server,
  success,
} from './harness';

type CompensationView = {
  complaintStatus: string;
  current: {
    status: string;
    version: number;
    signatures: { signerName: string; role: string; meaning: string; onBehalfOfName: string | null }[];
  } | null;
  tasks: { kind: string; status: string; reference: string | null }[];
};

let server: Server;
let browsing: Browsing;
let complaint: { id: string; number: string };
let trackingToken: string;

const ctx = systemContext('e2e-compensation');

/** Printed names as they appear next to a signature (the world's users are called "用户 <username>"). */
const rename = async (id: string, displayName: string) => {
  const user = await userRepo.findById(server.deps.db.reader(), id);
  if (!user) throw new Error(`no user ${id}`);
  await updateUser(server.deps, ctx, id, { expectedVersion: user.version, displayName });
};

const staff = (username: string, displayName: string, role: Role) =>
  createUser(server.deps, ctx, {
    username,
    displayName,
    roles: [role],
    departmentIds: [server.world.depts.HQ.id],
    password: server.password,
    mustChangePassword: false,
  });

/** A hotline food complaint, foreign matter, triaged, assigned to production's manager and under investigation. */
const investigating = async (description: string, severity: 'major' | 'general') => {
  const { agent, service, manager } = server.world.users;
  const intake = await apiAs<{ complaint: { id: string; number: string }; trackingToken: string }>(
    server.url,
    agent.session,
    'POST',
    '/api/v1/complaints',
    hotlineComplaint({ problem: { description, scope: 'single_unit' } }),
  );
  const transition = (session: typeof agent.session, body: unknown) =>
    apiAs(server.url, session, 'POST', `/api/v1/complaints/${intake.complaint.id}/transitions`, body);
  await transition(service.session, {
    type: 'triage',
    classification: {
      nature: 'foreign_matter',
      severity,
      major: severity === 'major',
      ...(severity === 'major' ? {} : { reason: '未食用、无伤害，非重大投诉' }),
      validity: 'valid',
      responsibilityStage: 'production',
    },
  });
  await transition(service.session, {
    type: 'assign',
    departmentId: server.world.depts.PROD.id,
    assigneeId: manager.id,
  });
  await transition(manager.session, { type: 'start_investigation' });
  return intake;
};

beforeAll(async () => {
  server = await startServer();
  browsing = await openBrowser();
  const { service, manager, manager2, gm, qa } = server.world.users;
  await rename(manager.id, '钱立新');
  await rename(manager2.id, '孙晓东');
  await rename(service.id, '张伟');
  await rename(gm.id, '吴建国');
  await rename(qa.id, '陈静');
  await staff('biz.he', '何勇', 'business_manager');
  await staff('sales.lin', '林芳', 'sales_centre');
  await staff('fin.zhou', '周敏', 'finance');
  // A food complaint, foreign matter eaten: registered on the hotline, triaged major, assigned to production.
  ({ complaint, trackingToken } = await investigating(
    '雪饼里有一根头发，孩子已经吃了一块，之后腹部不适，要求赔偿。',
    'major',
  ));
});

afterAll(async () => {
  await browsing?.close();
  await server?.close();
});

const compensation = () =>
  apiAs<CompensationView>(
    server.url,
    server.world.users.service.session,
    'GET',
    `/api/v1/complaints/${complaint.id}/compensation`,
  );

/** Opens the approvals inbox, follows the complaint's link to its compensation tab and opens the signature. */
const openSignature = async (page: Page, username: string) => {
  await login(page, server, username);
  await page.goto(`${server.url}/approvals`);
  await page.getByTestId(`approval-${complaint.number}`).waitFor();
  await page.getByTestId(`approval-open-${complaint.number}`).click();
  await page.getByTestId('compensation-sign').click();
  await page.getByTestId('sign-statement').waitFor();
};

const signWithPassword = async (page: Page, password: string) => {
  await page.getByTestId('sign-password').fill(password);
  await page.getByTestId('sign-submit').click();
};

/** One approver logs in and signs "approve" in the console. */
const sign = async (username: string, before?: (page: Page) => Promise<void>) => {
  const page = await browsing.newPage();
  await openSignature(page, username);
  await before?.(page);
  await signWithPassword(page, server.password);
  await success(page, '签名已记录');
  await page.getByTestId('sign-modal').waitFor({ state: 'detached' });
  return page;
};

/**
 * After payment: the quality engineer splits the cost (R-RES-8) — production bears it all, as suggested from the
 * foreign matter found in production — and gets the numbered 质量事故费用转移单; finance then finds the paid amount on
 * production in the ledger by party, and the service manager sees it in the caller's compensation history.
 */
const allocateAndBook = async () => {
  const qe = await browsing.newPage();
  await login(qe, server, server.world.users.qa.username);
  await qe.goto(`${server.url}/complaints/${complaint.id}?tab=compensation`);
  const panel = qe.getByTestId('cost-allocation');
  await panel.getByTestId('cost-editor').waitFor();
  await expect(panel.getByTestId('cost-suggested-party').innerText()).resolves.toBe('生产部门');
  const suggestion = await panel.getByTestId('cost-suggestion').innerText();
  expect(suggestion).toContain('R-RES-8');
  expect(suggestion).toContain('R-CLS-5');
  await expect(panel.getByTestId('cost-ledger').innerText()).resolves.toContain('¥1,000.00');
  await expect(panel.getByTestId('cost-total').inputValue()).resolves.toBe('1000.00');

  // A split that does not add up to 100 % cannot be saved; the total shows live.
  const share = panel.getByTestId('cost-row-0').getByTestId('cost-share');
  await share.fill('60');
  await panel.getByTestId('cost-share-sum').filter({ hasText: '60.00%' }).waitFor();
  await expect(panel.getByTestId('cost-problem').innerText()).resolves.toBe('各责任方比例合计须为 100%');
  await expect(panel.getByTestId('cost-save').isDisabled()).resolves.toBe(true);

  // Accepting the suggestion puts production back at 100 % (the department the complaint is assigned to).
  await panel.getByTestId('cost-accept-suggestion').click();
  const row = panel.getByTestId('cost-row-0');
  await expect(row.locator('.ant-select-selection-item').first().innerText()).resolves.toBe('生产部门');
  await expect(row.getByTestId('cost-share').inputValue()).resolves.toBe('100.00');
  await expect(row.locator('.ant-select-auto-complete input').inputValue()).resolves.toBe('部门 PROD');
  await panel.getByTestId('cost-share-sum').filter({ hasText: '100.00%' }).waitFor();
  await expect(row.getByTestId('cost-amount').innerText()).resolves.toBe('¥1,000.00');
  await panel.getByTestId('cost-save').click();
  await success(qe, '费用分摊已保存');

  // Saved: production bears ¥1,000.00 and gets a cost-transfer form, numbered ZY-YYYY-NNNNNN; no deduction notice
  // (an internal department).
  const saved = panel.getByTestId('cost-allocation-production_department');
  await saved.waitFor();
  const text = await saved.innerText();
  expect(text).toContain('部门 PROD');
  expect(text).toContain('100.00%');
  expect(text).toContain('¥1,000.00');
  const form = saved.getByTestId('cost-form');
  await expect(form.count()).resolves.toBe(1);
  const formNo = await form.getAttribute('data-form-no');
  expect(formNo).toMatch(/^ZY-\d{4}-\d{6}$/);
  expect(await form.innerText()).toContain('质量事故费用转移单');
  await saved.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await qe.locator('.ant-message-notice').waitFor({ state: 'detached' });
  await screenshot(qe, 'cost-allocation');

  // In English every label of the panel and of its editor is English (party names and rule details are data).
  await qe.getByTestId('lang-switch').click();
  await qe.getByRole('tab', { name: 'Compensation' }).waitFor();
  await panel.getByTestId('cost-edit').click();
  await panel.getByTestId('cost-editor').waitFor();
  const english = await panel
    .locator('th, button, .ant-descriptions-item-label, .ant-card-head-title, .ant-select-selection-item')
    .allInnerTexts();
  expect(english.length).toBeGreaterThan(10);
  expect(english.filter((l) => /\p{Script=Han}/u.test(l))).toEqual([]);
  await qe.getByTestId('lang-switch').click();
  await qe.reload();
  await saved.waitFor();

  // The form opens in a new tab with the session cookie: the printable page carries the number and the amount.
  const [printed] = await Promise.all([qe.context().waitForEvent('page'), form.click()]);
  await printed.waitForLoadState();
  const page = await printed.locator('body').innerText();
  expect(page).toContain(formNo);
  expect(page).toContain('质量事故费用转移单');
  expect(page).toContain(complaint.number);
  await printed.close();

  // Finance: the ledger by party puts the paid ¥1,000.00 on production; the totals and the Excel export agree.
  const finance = await browsing.newPage();
  await login(finance, server, 'fin.zhou');
  await finance.getByRole('menuitem', { name: '补偿台账' }).click();
  const ledger = finance.getByTestId('ledger');
  await ledger.getByTestId('ledger-totals').waitFor();
  await ledger.getByTestId('ledger-group').getByText('按责任方').click();
  await finance.waitForURL((u) => u.searchParams.get('groupBy') === 'party');
  const production = ledger.getByTestId('ledger-row-production_department:部门 PROD');
  await production.waitFor();
  await expect(production.locator('[data-amount="paid"]').innerText()).resolves.toBe('¥1,000.00');
  await expect(production.locator('[data-amount="agreed"]').innerText()).resolves.toBe('¥1,000.00');
  await expect(production.innerText()).resolves.toContain('生产部门');
  await expect(ledger.getByTestId('ledger-totals').locator('[data-amount="paid"]').innerText()).resolves.toBe(
    '¥1,000.00',
  );
  const href = await ledger.getByTestId('ledger-export').getAttribute('href');
  expect(href).toBe('/api/v1/compensation/ledger.xlsx?groupBy=party');
  const xlsx = await finance.request.get(`${server.url}${href}`);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  await ledger.getByTestId('ledger-chart').waitFor();
  await finance.waitForTimeout(500); // the chart's bars grow in
  await screenshot(finance, 'ledger');

  // The service manager looks the caller up on the hotline: the archive lists this compensation.
  const desk = await browsing.newPage();
  await login(desk, server, server.world.users.service.username);
  await desk.goto(`${server.url}/hotline`);
  await desk.getByTestId('intake-phone').fill('138 1234 5678');
  await desk.getByTestId('intake-phone').press('Enter');
  const history = desk.getByTestId('compensation-history-list').first();
  await history.waitFor();
  const entry = await history.innerText();
  expect(entry).toContain(complaint.number);
  expect(entry).toContain('¥1,000.00');
};

describe('journey 5: compensation from the policy, electronic signatures, payment (issue 5)', () => {
  it(
    'should propose from the policy, collect every signature in order with printed names (R-APR-1, R-APR-2), and have finance mark the cash paid (R-RES-9)',
    { timeout: 300_000 },
    async () => {
      // The handler proposes from the policy: foreign matter eaten, food-safety breach → legal floor FSL-148.
      const handler = await browsing.newPage();
      await login(handler, server, server.world.users.manager.username);
      await handler.goto(`${server.url}/complaints/${complaint.id}?tab=compensation`);
      await handler.getByText('尚无补偿方案').waitFor();
      await handler.getByTestId('compensation-propose').click();
      await pickOption(handler, '食品情形', '异物（已食用）');
      await handler.getByTestId('propose-unit-price').fill('15.90');
      await handler.getByTestId('propose-flag-verificationDone').click();
      await handler.getByTestId('propose-flag-foodSafetyViolation').click();
      await handler.getByTestId('propose-submit').click();
      await success(handler, '已生成第 1 版方案');
      const current = handler.getByTestId('compensation-current');
      await current.getByTestId('proposal-version').filter({ hasText: '第 1 版' }).waitFor();
      const options = await current.getByTestId('proposal-options').innerText();
      expect(options).toContain('赠送本公司产品');
      expect(options).toContain('¥79.50');
      expect(options).toContain('现金补偿');
      expect(options).toContain('¥1,000.00');
      await expect(current.getByTestId('proposal-citations').innerText()).resolves.toContain('FSL-148');
      await expect(current.getByTestId('proposal-rules').innerText()).resolves.toContain('R-RES-3');
      // The proposer may not sign their own proposal (R-APR-2 four eyes): no sign button.
      await expect(handler.getByTestId('compensation-sign').count()).resolves.toBe(0);

      // Step 1, department manager: a wrong password first — the Chinese error shows in the modal, nothing is
      // recorded and the session stays; then the right one.
      const first = await browsing.newPage();
      await openSignature(first, server.world.users.manager2.username);
      await signWithPassword(first, 'not-my-password');
      const error = first.getByTestId('sign-error');
      await error.waitFor();
      await expect(error.innerText()).resolves.toContain('密码错误，电子签名未生效。');
      await expect(first.getByTestId('sign-modal').isVisible()).resolves.toBe(true);
      await screenshot(first, 'sign-modal');
      expect((await compensation()).current?.signatures).toEqual([]);
      await expect(first.getByTestId('user-menu').isVisible()).resolves.toBe(true);
      await signWithPassword(first, server.password);
      await success(first, '签名已记录');

      // Step 2, service manager.
      await sign(server.world.users.service.username);

      // Step 3 (parallel): the business manager signs; the sales centre is away and delegates to 陈静.
      await sign('biz.he');
      const away = await browsing.newPage();
      await login(away, server, 'sales.lin');
      await away.goto(`${server.url}/approvals`);
      await away.getByTestId('delegation-create').click();
      await pickOption(away, '受托人', /qe\.chen/);
      await away.getByTestId('delegation-reason').fill('出差一周，期间由陈静代签');
      await away.getByTestId('delegation-submit').click();
      await success(away, '委托已创建');
      await away.getByTestId('delegations').getByText('生效中').waitFor();

      const delegate = await browsing.newPage();
      await login(delegate, server, server.world.users.qa.username);
      await delegate.goto(`${server.url}/approvals`);
      const row = delegate.getByTestId(`approval-${complaint.number}`);
      await row.getByText('销售中心 · 代 林芳 签署').waitFor();
      // Let the table's loading veil fade before the picture.
      await delegate.getByTestId('approvals').locator('.ant-spin-blur').waitFor({ state: 'detached' });
      await delegate.waitForTimeout(500);
      await screenshot(delegate, 'approvals-inbox');
      await delegate.getByTestId(`approval-open-${complaint.number}`).click();
      await delegate.getByTestId('compensation-sign').click();
      await delegate.getByTestId('sign-statement').waitFor();
      await signWithPassword(delegate, server.password);
      await success(delegate, '签名已记录');

      // Step 4: the general manager signs last (major complaint).
      await sign(server.world.users.gm.username, async (page) => {
        await expect(page.getByTestId('sign-statement').innerText()).resolves.toContain('吴建国');
      });

      // Every signature is on the proposal: printed name, role, time (Asia/Shanghai) and meaning.
      await handler.reload();
      await current.waitFor();
      await expect(
        current.locator('[data-proposal-status]').getAttribute('data-proposal-status'),
      ).resolves.toBe('approved');
      const signatures = current.getByTestId('signature');
      await expect(signatures.count()).resolves.toBe(5);
      const printed = await signatures.allInnerTexts();
      for (const [i, name] of ['孙晓东', '张伟', '何勇', '陈静', '吴建国'].entries()) {
        expect(printed[i]).toContain('批准');
        expect(printed[i]).toContain(name);
        expect(printed[i]).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
      }
      expect(printed[3]).toContain('代 林芳 签署');
      expect(printed[4]).toContain('总经理');
      await expect(current.locator('[data-void="true"]').count()).resolves.toBe(0);
      const signed = (await compensation()).current;
      expect(signed?.signatures.map((s) => [s.signerName, s.role, s.meaning, s.onBehalfOfName])).toEqual([
        ['孙晓东', 'department_manager', 'approve', null],
        ['张伟', 'service_manager', 'approve', null],
        ['何勇', 'business_manager', 'approve', null],
        ['陈静', 'sales_centre', 'approve', '林芳'],
        ['吴建国', 'general_manager', 'approve', null],
      ]);

      // The handler sends it to the customer; the customer chooses the cash option in the portal.
      await handler.getByTestId('action-send_to_customer').click();
      await handler.getByTestId('action-submit').click();
      await handler.locator('[data-status="awaiting_customer"]').waitFor();
      const customer = await browsing.newPage({ mobile: true });
      await customer.goto(`${server.url}/portal/track?token=${encodeURIComponent(trackingToken)}`);
      await customer.getByTestId('portal-proposal').waitFor();
      await customer.getByTestId('portal-option-1').click();
      await customer.getByTestId('portal-accept').click();
      await customer.getByTestId('portal-agreement').waitFor();

      // Finance marks the cash paid with the voucher number, from the execution-task list.
      const finance = await browsing.newPage();
      await login(finance, server, 'fin.zhou');
      await finance.getByRole('menuitem', { name: '执行任务' }).click();
      await finance.getByTestId('task-pay_cash').waitFor();
      await expect(finance.getByTestId('task-pay_cash').innerText()).resolves.toContain('¥1,000.00');
      await finance.getByTestId('task-complete-pay_cash').click();
      await finance.getByTestId('task-complete-submit').click();
      await finance.getByText('付款须填写付款凭证号').waitFor();
      await finance.getByTestId('task-reference').fill('FK-2026-0318');
      await finance.getByTestId('task-complete-submit').click();
      await success(finance, '任务已完成');
      await finance.getByTestId('task-pay_cash').waitFor({ state: 'detached' });
      await finance.goto(`${server.url}/complaints/${complaint.id}?tab=compensation`);
      const task = finance.getByTestId('compensation-tasks').getByTestId('task-pay_cash');
      await task.locator('[data-task-status="done"]').waitFor();
      await expect(task.innerText()).resolves.toContain('FK-2026-0318');

      // Carried out: finance prints the 产品质量处理核销申报表, numbered HX-YYYY-NNNNNN (seed 004, R-RPT-3).
      const writeOff = finance.getByTestId('write-off-form');
      await writeOff.waitFor();
      const writeOffNo = (await writeOff.getAttribute('data-form-no')) ?? '';
      expect(writeOffNo).toMatch(/^HX-\d{4}-\d{6}$/);
      const [sheet] = await Promise.all([finance.context().waitForEvent('page'), writeOff.click()]);
      await sheet.waitForLoadState();
      const sheetText = await sheet.locator('body').innerText();
      for (const text of [
        '产品质量处理核销申报表',
        writeOffNo,
        complaint.number,
        'FK-2026-0318',
        '人民币壹仟元整',
      ])
        expect(sheetText).toContain(text);
      await screenshot(sheet, 'write-off-form');
      await sheet.close();
      const done = await compensation();
      expect(done.tasks).toEqual([
        expect.objectContaining({ kind: 'pay_cash', status: 'done', reference: 'FK-2026-0318' }),
      ]);

      // The handler sees the whole record: signatures, and the payment with its voucher number.
      await handler.reload();
      await current.waitFor();
      await handler.getByTestId('compensation-tasks').locator('[data-task-status="done"]').waitFor();
      await current.evaluate((el) => el.scrollIntoView());
      await handler.waitForTimeout(400); // the tab's ink bar slides in after a reload
      await screenshot(handler, 'compensation-tab');

      // In English every label of the tab is English (names, descriptions and legal text are data).
      await handler.getByTestId('lang-switch').click();
      await handler.getByRole('tab', { name: 'Compensation' }).waitFor();
      const labels = await handler
        .getByTestId('compensation')
        .locator('th, button, .ant-descriptions-item-label, .ant-steps-item-title, .ant-card-head-title')
        .allInnerTexts();
      expect(labels.length).toBeGreaterThan(20);
      expect(labels.filter((l) => /\p{Script=Han}/u.test(l))).toEqual([]);
      await handler.getByTestId('lang-switch').click();

      await allocateAndBook();

      // The one failed request was the wrong password (401), answered in the modal; nothing else went wrong.
      const unexpected = browsing.errors.filter((e) => !/status of 401/.test(e));
      expect(unexpected).toEqual([]);
      expect(browsing.errors.filter((e) => /status of 401/.test(e))).toHaveLength(1);
    },
  );

  it(
    'should void the signatures of a revised proposal and keep the earlier version folded away (R-APR-2)',
    { timeout: 120_000 },
    async () => {
      const { manager, manager2 } = server.world.users;
      const { complaint: other } = await investigating(
        '饼干包装里有一小块塑料片，已开封，尚未食用。',
        'general',
      );
      // Version 1 from the policy, approved by the department manager (API).
      const v1 = await apiAs<{ current: { id: string } }>(
        server.url,
        manager.session,
        'POST',
        `/api/v1/complaints/${other.id}/compensation/proposals`,
        { facts: { foodCase: 'foreign_opened_not_eaten', unitPriceFen: 1590 } },
      );
      const challenge = await apiAs<{ challengeId: string; proposalHash: string }>(
        server.url,
        manager2.session,
        'POST',
        `/api/v1/compensation/proposals/${v1.current.id}/challenge`,
      );
      await apiAs(
        server.url,
        manager2.session,
        'POST',
        `/api/v1/compensation/proposals/${v1.current.id}/signatures`,
        {
          challengeId: challenge.challengeId,
          proposalHash: challenge.proposalHash,
          meaning: 'approve',
          password: server.password,
        },
      );

      // The handler revises it in the console: the options start from version 1, one amount is raised.
      const page = await browsing.newPage();
      await login(page, server, manager.username);
      await page.goto(`${server.url}/complaints/${other.id}?tab=compensation`);
      await page.getByTestId('compensation-current').getByTestId('signature').waitFor();
      await page.getByTestId('compensation-propose').click();
      await page.getByText('生成新版本后，当前版本及其已有签名将作废，需重新审批。').waitFor();
      await page.getByTestId('propose-custom').click();
      await expect(page.locator('#options_0_amountYuan').inputValue()).resolves.toBe('15.90');
      await page.locator('#options_0_amountYuan').fill('20');
      await page.getByTestId('propose-submit').click();
      await success(page, '已生成第 2 版方案');
      const current = page.getByTestId('compensation-current');
      await current.getByTestId('proposal-version').filter({ hasText: '第 2 版' }).waitFor();
      await expect(current.getByTestId('proposal-options').innerText()).resolves.toContain('¥20.00');
      await expect(current.getByTestId('signature').count()).resolves.toBe(0);

      // Version 1 is folded away; its signature is struck through and marked void.
      await page.getByText('历史版本（1）').click();
      const old = page.getByTestId('compensation-history');
      await old.getByText('第 1 版').click();
      const signature = old.getByTestId('signature');
      await expect(signature.getAttribute('data-void')).resolves.toBe('true');
      await expect(signature.innerText()).resolves.toContain('已作废');
      await expect(signature.innerText()).resolves.toContain('孙晓东');
      await expect(signature.locator('del').count()).resolves.toBeGreaterThan(0);
      expect(browsing.errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    },
  );
});
