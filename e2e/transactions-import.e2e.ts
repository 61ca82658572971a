import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { xlsx } from '../test/fixtures/customer-files';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * Importing transactions from a spreadsheet in a real browser (docs/regulations.md §2 archive section 3):
 * the manager uploads a workbook through the wizard, sees the report of the bad row, imports, and finds
 * the rows in the list and on the customer's 交易记录 tab. Roles and labels only.
 */
describe('transactions import: upload → report → commit → the list and the customer’s tab', () => {
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

  it('imports the good rows of a workbook, lists the bad one with its reason, and shows the rows in the list and on the customer', async () => {
    const file = await xlsx(
      [
        ['单据号', '客户档案编号', '客户名称', '交易日期', '产品名称', '规格型号', '数量', '单价', '业务员'],
        ['DR-0001', customer.archiveNo, null, '2026-03-01', '年度会议场地', '大宴会厅', 1, 800000, 'wu.jingli'],
        ['DR-0002', null, CUSTOMER, '2026/4/2', '客房包价', '行政套房', 20, 25000, '吴经理'],
        ['DR-0003', 'KH1999-999999', null, '2026-05-04', '客房', null, 1, 650, null],
      ],
      '交易',
    );

    await signIn(page, server.baseUrl, 'wu.jingli', USER_PASSWORD);
    await page.getByRole('menuitem', { name: '交易记录' }).click();
    await page.getByRole('heading', { name: '交易记录', exact: true }).waitFor();
    await page.getByRole('button', { name: '导入' }).click();
    await page.getByRole('heading', { name: '导入交易记录' }).waitFor();
    expect(await page.getByRole('link', { name: '下载导入模板' }).count()).toBe(1);

    await page.getByLabel('选择文件').setInputFiles({ name: '三月交易.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    // The mapping: the Chinese headers were recognised.
    await page.getByText('文件：三月交易.xlsx').first().waitFor();
    await page.getByRole('combobox', { name: '“单据号”列对应的字段' }).waitFor();
    expect(await page.getByText('客户档案编号', { exact: true }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '下一步' }).click();

    // The report: the one bad row, its row number, column and reason.
    await page.getByText('1 行有错误，不会导入；其余 2 行可以导入。').waitFor();
    const bad = page.getByRole('row', { name: /客户不存在或无权限/ });
    await bad.waitFor();
    expect(await bad.getByRole('cell', { name: '4', exact: true }).count()).toBe(1);
    expect(await bad.getByText('B 客户档案编号').count()).toBe(1);

    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('已导入 2 行；1 行有错误，未导入').waitFor();
    await page.getByRole('button', { name: '返回交易记录' }).last().click();

    const first = page.getByRole('row', { name: /年度会议场地/ });
    await first.waitFor();
    expect(await first.getByText('¥800,000.00').count()).toBeGreaterThan(0);
    await page.getByRole('row', { name: /客房包价.*行政套房/ }).waitFor();

    await first.getByRole('link', { name: CUSTOMER }).click();
    await page.getByRole('tab', { name: '交易记录', selected: true }).waitFor();
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('row', { name: /年度会议场地.*大宴会厅/ }).waitFor();
    await panel.getByRole('row', { name: /客房包价.*行政套房/ }).waitFor();
    // 800,000 + 500,000 crosses the large line: one change of class, caused by the import.
    await panel.getByText('大客户', { exact: true }).waitFor();
  });
});
