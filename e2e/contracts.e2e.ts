import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * Contracts by authority limit in a real browser (issue 4 §7, docs/regulations.md §13): the manager drafts a
 * contract from the menu, signs it within their 50 万元 and it is 生效 at once; a larger one goes to the
 * director (审批中 with the approval panel); the customer's archive page lists both. Roles and labels only.
 */
describe('contracts: draft → sign within authority → archive tab', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  let customer: { id: number; archiveNo: string };
  const CUSTOMER = '北京华宇科技有限公司';
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    await admin.post('/api/users', { username: 'wu.jingli', displayName: '吴经理', password: USER_PASSWORD, roles: ['manager'], departmentId: 1 });
    await admin.post('/api/users', { username: 'zhou.zongjian', displayName: '周总监', password: USER_PASSWORD, roles: ['director'], departmentId: 1 });
    customer = json(await admin.post('/api/customers', { name: CUSTOMER }));
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', 'in', ['wu.jingli', 'zhou.zongjian']).execute();
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('lets the manager draft a contract with the keyboard and sign it into force within 50 万元', async () => {
    await signIn(page, server.baseUrl, 'wu.jingli', USER_PASSWORD);
    await page.getByRole('menuitem', { name: '合同' }).click();
    await page.getByRole('heading', { name: '合同', exact: true }).waitFor();
    await page.getByRole('button', { name: '新建合同' }).click();
    await page.getByRole('heading', { name: '新建合同' }).waitFor();

    // The customer field has the focus: type part of the name and take the match.
    await page.keyboard.type('华宇');
    await page.getByRole('option', { name: `${CUSTOMER}（${customer.archiveNo}）` }).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    await page.getByLabel('合同名称').fill('2027 年度会议及客房协议');
    await page.getByLabel('合同金额').fill('300000');
    // The signer defaults to the manager, who may sign for the customer.
    await page.getByTitle(/吴经理/).waitFor();
    await page.getByLabel('合同条款').fill('按月结算，次月 10 日前付款');
    await page.getByLabel('开始日期').fill('2026-12-01');
    await page.getByLabel('结束日期').fill('2026-11-30');
    // Tab leaves the date picker (committing the typed date); Ctrl+Enter saves from anywhere in the form.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+Enter');
    // The end before the start is refused under its field.
    await page.getByText('结束日期早于开始日期').waitFor();
    await page.getByLabel('结束日期').fill('2027-11-30');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+Enter');

    await page.getByRole('heading', { name: /2027 年度会议及客房协议/ }).waitFor();
    await page.getByText('在签约人 吴经理 的权限内：签订后立即生效。').waitFor();
    expect(await page.getByText('¥300,000.00').isVisible()).toBe(true);

    await page.getByRole('button', { name: '签订' }).click();
    await page.getByText('金额和期限在您的签约权限内，签订后立即生效，并抄送财务。').waitFor();
    await page.getByRole('button', { name: '签订' }).last().click();
    await page.getByText('合同已签订并生效').waitFor();
    await page.getByRole('heading', { name: /2027 年度会议及客房协议/ }).getByText('生效').waitFor();
    // Signed within authority: no approval at all, so no approval panel.
    expect(await page.getByText('尚未提交审批').count()).toBe(0);

    await page.getByLabel('选择文件').setInputFiles({ name: '合同扫描件.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('link', { name: '合同扫描件.pdf' }).waitFor();
  });

  it('shows that a larger contract needs the director, and puts it 审批中 when signed', async () => {
    await page.goto(`${server.baseUrl}/contracts/new?customerId=${customer.id}`);
    await page.getByRole('heading', { name: '新建合同' }).waitFor();
    await page.getByLabel('合同名称').fill('三年期综合服务协议');
    await page.getByLabel('合同金额').fill('800000');
    await page.getByTitle(/吴经理/).waitFor();
    await page.getByLabel('开始日期').fill('2027-01-01');
    await page.getByLabel('结束日期').fill('2029-12-31');
    // Tab leaves the date picker (committing the typed date); Ctrl+Enter saves from anywhere in the form.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { name: /三年期综合服务协议/ }).waitFor();
    await page.getByText('超出签约权限：签订后将提交总监审批').waitFor();
    await page.getByText(/金额 ¥800,000.00 超过签约人权限 50 万元；期限 36 个月超过权限内最长 12 个月/).waitFor();
    await page.getByRole('button', { name: '签订' }).click();
    await page.getByRole('button', { name: '签订' }).last().click();
    await page.getByText('合同已提交总监审批').waitFor();
    await page.getByRole('heading', { name: /三年期综合服务协议/ }).getByText('审批中').waitFor();
    await page.getByText('等待总监审批').waitFor();
  });

  it('lists the customer’s contracts on the archive page', async () => {
    await page.goto(`${server.baseUrl}/customers/${customer.id}?tab=contracts`);
    const table = page.getByRole('table');
    await table.getByRole('link', { name: /^HT\d{4}-\d{4}$/ }).first().waitFor();
    expect(await table.getByText('¥300,000.00').isVisible()).toBe(true);
    expect(await table.getByText('¥800,000.00').isVisible()).toBe(true);
    expect(await table.getByText('审批中').isVisible()).toBe(true);
    // The signed copy is filed with the customer too.
    await page.getByRole('tab', { name: '附件' }).click();
    await page.getByRole('link', { name: /合同扫描件\.pdf/ }).waitFor();
  });
});
