import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

const DAY = 86_400_000;
const day = (msAgo: number) => new Date(Date.now() - msAgo).toISOString().slice(0, 10);

/**
 * Churn and loyalty in a real browser (docs/regulations.md §16): a director gives the reason for a customer not
 * visited for seven months (refused blank), records a customer silent for fourteen months as lost with a reason,
 * and reads the churn state on the customer's 客户价值 tab.
 */
describe('loyalty: churn reason → loss with a reason → the customer value panel', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  let risky: number;

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    await admin.post('/api/users', { username: 'zhou.zongjian', displayName: '周总监', password: USER_PASSWORD, roles: ['director'], departmentId: 1 });
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'zhou.zongjian').execute();
    risky = json(await admin.post('/api/customers', { name: '北京华宇科技有限公司', status: 'formal' })).id;
    const silent = json(await admin.post('/api/customers', { name: '重庆长江机械有限公司', status: 'formal' })).id;
    expect((await admin.post('/api/visits', { customerId: risky, method: 'phone', visitedAt: new Date(Date.now() - 215 * DAY).toISOString() })).statusCode).toBe(201);
    expect((await admin.post('/api/transactions', { customerId: silent, date: day(430 * DAY), product: '会议室租用', quantity: 1, unitPrice: 2000 })).statusCode).toBe(201);
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('records the churn reason and a loss, each refused without a reason', async () => {
    await signIn(page, server.baseUrl, 'zhou.zongjian', USER_PASSWORD);
    await page.getByRole('menuitem', { name: '客户流失与忠诚度' }).click();
    await page.getByRole('heading', { name: '客户流失与忠诚度', level: 2 }).waitFor();
    const row = page.getByRole('row', { name: /北京华宇科技有限公司/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('7 个月');
    await row.getByRole('button', { name: '填写原因' }).click();
    const dialog = page.getByRole('dialog', { name: '填写流失风险原因：北京华宇科技有限公司' });
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('请填写原因').waitFor();
    await dialog.getByLabel('流失风险原因').fill('采购负责人更换');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: /采购负责人更换/ }).waitFor();

    await page.getByRole('tab', { name: '建议确认流失' }).click();
    const lost = page.getByRole('row', { name: /重庆长江机械有限公司/ });
    await lost.getByRole('button', { name: '确认流失' }).click();
    const lostDialog = page.getByRole('dialog', { name: '确认流失：重庆长江机械有限公司' });
    await lostDialog.getByRole('button', { name: '保存' }).click();
    await lostDialog.getByText('请填写原因').waitFor();
    await lostDialog.getByLabel('流失原因').fill('客户已转向其他供应商');
    await lostDialog.getByRole('button', { name: '保存' }).click();
    await lostDialog.waitFor({ state: 'hidden' });
    await lost.waitFor({ state: 'detached' });

    await page.goto(`${server.baseUrl}/customers/${risky}?tab=value`);
    await page.getByText('流失风险：7 个月未回访').waitFor();
    await page.getByText('采购负责人更换').waitFor();
  });
});
