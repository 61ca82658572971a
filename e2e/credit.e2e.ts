import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * Credit and risk in a real browser (docs/regulations.md §5): a director records a 4 × 5 risk on the customer's
 * 信用与风险 tab (refused without a response, saved with one), then finds it in its cell of the risk matrix.
 */
describe('credit: record a risk → see it on the heat map', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  let customer: { id: number };
  const CUSTOMER = '北京华宇科技有限公司';

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    await admin.post('/api/users', { username: 'zheng.zhuguan', displayName: '周总监', password: USER_PASSWORD, roles: ['director'], departmentId: 1 });
    customer = json(await admin.post('/api/customers', { name: CUSTOMER }));
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'zheng.zhuguan').execute();
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('records a high risk with its response on the customer page and lists it from its heat-map cell', async () => {
    await signIn(page, server.baseUrl, 'zheng.zhuguan', USER_PASSWORD);
    await page.goto(`${server.baseUrl}/customers/${customer.id}?tab=credit`);
    await page.getByRole('button', { name: '登记风险' }).click();
    const dialog = page.getByRole('dialog', { name: '登记风险' });
    await dialog.getByLabel('风险事项').fill('大额应收账款逾期');
    await dialog.getByLabel('可能性（1–5）').first().getByText('4', { exact: true }).click();
    await dialog.getByLabel('影响程度（1–5）').first().getByText('5', { exact: true }).click();
    // The matrix says high: the response becomes required.
    await dialog.getByText('高风险：密切关注，调整或终止合作（必填）').first().waitFor();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByRole('alert').filter({ hasText: '高风险：密切关注，调整或终止合作（必填）' }).last().waitFor();
    await dialog.getByLabel('应对措施').fill('暂停赊销，每周跟踪回款');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /大额应收账款逾期/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('4 × 5');

    await page.getByRole('menuitem', { name: '信用与风险' }).click();
    await page.getByRole('heading', { name: '风险矩阵', level: 2 }).waitFor();
    const chart = page.getByRole('img', { name: '全部客户风险热力图：可能性 × 影响程度' }).locator('canvas').last(); // the top layer takes the pointer
    await chart.waitFor();
    // The grid beside the chart holds the same figure, coloured by the matrix setting.
    const cell = page.getByRole('button', { name: '可能性 4 × 影响 5：1 项' });
    await cell.waitFor();
    // Click the heat map's cell: impact 5 is the fifth column, likelihood 4 the fourth row from the bottom
    // (the chart's grid leaves 70 px left, 20 right, 20 top and 70 bottom).
    const box = (await chart.boundingBox())!;
    const w = (box.width - 90) / 5;
    const h = (box.height - 90) / 5;
    await chart.click({ position: { x: 70 + 4.5 * w, y: 20 + 1.5 * h } });
    await page.getByText('可能性 4 × 影响程度 5 的风险').waitFor();
    expect(await cell.getAttribute('aria-pressed')).toBe('true');
    const listed = page.getByRole('row', { name: /大额应收账款逾期/ });
    await listed.waitFor();
    expect(await listed.textContent()).toContain(CUSTOMER);
    expect(await page.getByRole('button', { name: '可能性 3 × 影响 5：0 项' }).count()).toBe(1);
  });
});
