import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * Transactions in a real browser (docs/regulations.md §2 archive section 3, §3): the manager enters a sale on
 * the 交易记录 form and finds it on the customer's 交易记录 tab, with the customer now a large customer and the
 * reason in words. Roles and labels only.
 */
describe('transactions: enter a sale → the customer’s tab', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  let customer: { id: number; archiveNo: string };
  const CUSTOMER = '北京华宇科技有限公司';

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    await admin.post('/api/users', { username: 'wu.jingli', displayName: '吴经理', password: USER_PASSWORD, roles: ['manager'], departmentId: 1 });
    customer = json(await admin.post('/api/customers', { name: CUSTOMER }));
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'wu.jingli').execute();
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('enters a transaction on the form and shows it, the yearly total and the new class on the customer’s tab', async () => {
    await signIn(page, server.baseUrl, 'wu.jingli', USER_PASSWORD);
    await page.getByRole('menuitem', { name: '交易记录' }).click();
    await page.getByRole('heading', { name: '交易记录', exact: true }).waitFor();
    await page.getByRole('button', { name: '新增交易' }).click();
    await page.getByRole('dialog', { name: '新增交易记录' }).waitFor();

    // Search the customer by part of its name and take the match.
    await page.getByLabel('客户', { exact: true }).click();
    await page.keyboard.type('华宇');
    await page.getByRole('option', { name: `${CUSTOMER}（${customer.archiveNo}）` }).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    await page.getByLabel('产品').fill('年度会议场地');
    await page.getByLabel('型号').fill('大宴会厅');
    await page.getByLabel('单价（元）').fill('1200000');
    await page.getByLabel('来源单据号').fill('SG-0001');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('交易记录已保存').waitFor();
    const row = page.getByRole('row', { name: /年度会议场地/ });
    await row.waitFor();
    expect(await row.getByText('¥1,200,000.00').count()).toBeGreaterThan(0);

    await row.getByRole('link', { name: CUSTOMER }).click();
    await page.getByRole('tab', { name: '交易记录', selected: true }).waitFor();
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('row', { name: /年度会议场地.*大宴会厅/ }).waitFor();
    await panel.getByText('大客户', { exact: true }).waitFor();
    // The reason stands next to the class and in the list of class changes.
    expect(await panel.getByText(/^\d{4} 年采购额 ¥1,200,000 ≥ 大客户线 ¥1,000,000$/).count()).toBe(2);
    await panel.getByRole('img', { name: '年度净采购额柱状图' }).waitFor();
    expect(await panel.getByRole('row', { name: /\d{4}.*¥1,200,000\.00.*¥0\.00.*¥1,200,000\.00/ }).count()).toBe(1);

    // The value panel gathers the class with its reason next to the credit and evaluation sections.
    await page.getByRole('tab', { name: '客户价值' }).click();
    const value = page.getByRole('tabpanel');
    await value.getByText('采购分类').waitFor();
    await value.getByText(/^\d{4} 年采购额 ¥1,200,000 ≥ 大客户线 ¥1,000,000$/).waitFor();
    await value.getByText('大客户', { exact: true }).waitFor();
    await value.getByText('尚未评估').waitFor();
    await value.getByText('信用与风险').waitFor();

    // The change of class is in the customer's history too.
    await page.getByRole('tab', { name: '变更记录' }).click();
    await page.getByText(/客户分类：未分类 → 大客户。\d{4} 年采购额 ¥1,200,000 ≥ 大客户线 ¥1,000,000/).waitFor();
  });
});
