import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * 分析报表 in a real browser (docs/regulations.md §16): the director opens the growth table, switches to the
 * region table (the tab stays in the URL) and exports it; the file has the seed form's title and totals.
 */
describe('analysis: the seeds’ tables on the 分析报表 page', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  const year = new Date().getFullYear();

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    await admin.post('/api/users', { username: 'fenxi.zongjian', displayName: '周总监', password: USER_PASSWORD, roles: ['director'], departmentId: 1 });
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'fenxi.zongjian').execute();
    const a = json(await admin.post('/api/customers', { name: '北京华宇科技有限公司', province: '北京市', city: '北京市' }));
    json(await admin.post('/api/customers', { name: '广州南方贸易有限公司', province: '广东省', city: '广州市' }));
    const sale = await admin.post('/api/transactions', { customerId: a.id, date: `${year}-01-15`, product: '钢材', quantity: 2, unitPrice: 5000 });
    if (sale.statusCode !== 201) throw new Error(sale.body);
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('shows the growth table, switches to regions through the URL and exports it with title and totals', async () => {
    await signIn(page, server.baseUrl, 'fenxi.zongjian', USER_PASSWORD);
    await page.goto(`${server.baseUrl}/analysis?period=year`);
    await page.getByRole('columnheader', { name: '原有' }).first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByText('客户档案未区分直接客户与间接客户', { exact: false }).count()).toBe(1);
    // This year: both customers are new (entered today).
    const row = page.getByRole('row', { name: new RegExp(`^${year}`) }).first();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('10,000.00');

    await page.getByRole('tab', { name: '客户区域分析表' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('table'), { timeout: 10_000 }).toBe('regions');
    await page.getByRole('cell', { name: '广州市' }).waitFor({ timeout: 30_000 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`客户区域分析表-${year}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe(`客户区域分析表 ${year}`);
    expect((ws.getRow(ws.rowCount).values as unknown[]).slice(1)).toEqual(['合计', undefined, undefined, 2, 100, 10000, 100]);
  });
});
