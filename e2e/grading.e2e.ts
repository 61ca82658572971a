import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * Grading in a real browser (docs/regulations.md §3): a supervisor opens 客户分级, sees the proposed grade of
 * a large manufacturing customer, confirms it, then finds the grade and its history on the customer page.
 */
describe('grading: confirm a proposed grade → see it on the customer', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  let customer: { id: number };
  const CUSTOMER = '苏州精工机械制造有限公司';
  const SMALL = '杭州西湖茶业有限公司';

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    const team = json(await admin.post('/api/teams', { name: '大客户一组', departmentId: 1 }));
    await admin.post('/api/users', { username: 'zheng.zhuguan', displayName: '郑主管', password: USER_PASSWORD, roles: ['supervisor'], departmentId: 1, teamId: team.id });
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'zheng.zhuguan').execute();
    const sup = await login(server.app, 'zheng.zhuguan', USER_PASSWORD);
    customer = json(await sup.post('/api/customers', { name: CUSTOMER, industry: '制造业' }));
    await sup.post('/api/customers', { name: SMALL, industry: '批发和零售业' });
    // 120 万元 this year: a large customer (no evaluation yet, so row 3 of the default standard: large → B).
    await sup.post('/api/transactions', { customerId: customer.id, date: new Date().toISOString().slice(0, 10), product: '数控机床', quantity: 2, unitPrice: 600000 });
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('confirms one proposed grade and sets another with a reason on the board, then shows the grade and its history on the customer page', async () => {
    await signIn(page, server.baseUrl, 'zheng.zhuguan', USER_PASSWORD);
    await page.getByRole('menuitem', { name: '客户分级' }).click();
    await page.getByRole('heading', { name: '客户分级', level: 2 }).waitFor();
    await page.getByRole('button', { name: '重新生成建议' }).click();
    const row = page.getByRole('row', { name: new RegExp(CUSTOMER) });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('B 普通客户');
    expect(text).toContain('大客户');
    expect(text).toContain('A 类');
    expect(text).toContain('分级标准第 3 条：大客户 → B');
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: '确认所选（1）' }).click();
    await page.getByText('已确认 1 个客户的等级').waitFor();
    await row.waitFor({ state: 'detached' });

    // Another grade than the proposal needs a reason.
    const small = page.getByRole('row', { name: new RegExp(SMALL) });
    expect(await small.textContent()).toContain('C 一般客户');
    await small.getByRole('button', { name: '改定' }).click();
    const dialog = page.getByRole('dialog', { name: `改定等级：${SMALL}` });
    await dialog.getByLabel('等级').click();
    await page.getByTitle('B 普通客户').click();
    await dialog.getByRole('button', { name: '确认' }).click();
    await dialog.getByText('与建议等级不同时须填写理由').waitFor();
    await dialog.getByLabel('理由').fill('老客户，明年计划扩大采购');
    await dialog.getByRole('button', { name: '确认' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await small.waitFor({ state: 'detached' });

    await page.goto(`${server.baseUrl}/customers/${customer.id}?tab=value`);
    const section = page.locator('[data-section="grade"]');
    await section.getByText('B 普通客户').first().waitFor();
    expect(await section.textContent()).toContain('未定级 → B 普通客户（郑主管');
    await page.getByRole('tab', { name: '变更记录' }).click();
    await page.getByText('确认等级').first().waitFor();
    await page.getByText('确认客户等级：分级标准第 3 条：大客户 → B').first().waitFor();
  });
});
