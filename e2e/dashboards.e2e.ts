import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * The dashboard in a real browser (docs/regulations.md §16): the director opens it from the 分析 menu, clicks the
 * grade-A bar of 广东省 and lands on the customer list filtered by grade=A and province=广东省; then exports
 * 客户增减分析表, whose .xlsx has the seed form's layout (title, notes, two header rows).
 */
describe('dashboards: the director’s page opens the list behind a bar', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    await admin.post('/api/users', { username: 'yibiao.zongjian', displayName: '周总监', password: USER_PASSWORD, roles: ['director'], departmentId: 1 });
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'yibiao.zongjian').execute();
    const customer = async (name: string, province: string, city: string, grade: string | null) => {
      const id = json(await admin.post('/api/customers', { name, province, city })).id as number;
      if (grade) await server.db.kysely.transaction().execute((trx) => server.services.customers.setGrades(trx, null, [{ customerId: id, grade, reason: '测试' }]));
      return id;
    };
    // 广东省: two of grade A (the bottom of the stacked bar) and one without a grade; 北京市: one of grade A.
    await customer('广州南方贸易有限公司', '广东省', '广州市', 'A');
    await customer('深圳海岸电子有限公司', '广东省', '深圳市', 'A');
    await customer('佛山未定级五金有限公司', '广东省', '佛山市', null);
    await customer('北京华宇科技有限公司', '北京市', '北京市', 'A');
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('opens the dashboard from the menu, clicks the grade-A bar of 广东省 and lands on the filtered customer list', async () => {
    await signIn(page, server.baseUrl, 'yibiao.zongjian', USER_PASSWORD);
    await page.getByRole('menuitem', { name: '仪表盘' }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).toBe('/dashboards');
    const chart = page.getByRole('img', { name: '各省份各等级的客户数' });
    await chart.waitFor({ timeout: 30_000 });
    await page.getByText('全部客户 · 近十二个月', { exact: false }).waitFor();
    // 广东省 (3 customers) is the first of two categories, so its bar stands in the left half of the chart, grade A
    // as its lower part; the pointer goes along the lower part of the left half until a bar takes the click.
    await expect.poll(async () => (await chart.boundingBox())?.height ?? 0, { timeout: 10_000 }).toBeGreaterThan(300);
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    await page.waitForTimeout(1500); // the bars' entry animation
    search: for (const up of [70, 100, 130]) {
      for (let fx = 0.12; fx < 0.5; fx += 0.03) {
        await chart.click({ position: { x: box.width * fx, y: box.height - up } }); // scrolls the chart into view first
        await page.waitForTimeout(150);
        if (new URL(page.url()).pathname !== '/dashboards') break search;
      }
    }
    if (new URL(page.url()).pathname === '/dashboards') await page.screenshot({ path: '/tmp/dashboards-e2e.png' });
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 10_000 }).toBe('/customers');
    const params = new URL(page.url()).searchParams;
    expect([params.get('grade'), params.get('province')]).toEqual(['A', '广东省']);
    await page.getByRole('link', { name: '广州南方贸易有限公司' }).waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: '深圳海岸电子有限公司' }).waitFor();
    expect(await page.getByRole('link', { name: '北京华宇科技有限公司' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '佛山未定级五金有限公司' }).count()).toBe(0);
  });

  it('exports 客户增减分析表 with the seed layout', async () => {
    await page.goto(`${server.baseUrl}/analysis?period=year`);
    await page.getByRole('columnheader', { name: '原有' }).first().waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    const year = new Date().getFullYear();
    expect(download.suggestedFilename()).toBe(`客户增减分析表-${year}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe(`客户增减分析表 ${year}`);
    const head = [4, 5].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    expect(head[0]).toEqual(['期间', '客户数', '客户数', '客户数', '客户数', '客户数', '客户销售额（元）', '客户销售额（元）', '客户销售额（元）', '客户销售额（元）']);
    expect(head[1]).toEqual(['期间', '原有', '新增', '删除', '现有', '增加', '原客户', '新客户', '本期销售', '上期销售']);
    // This year: the four customers entered today.
    expect((ws.getRow(6).values as unknown[]).slice(1, 7)).toEqual([String(year), 0, 4, 0, 4, 4]);
  });
});
