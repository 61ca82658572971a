import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * Relationship evaluation in a real browser (docs/regulations.md §4): a specialist scores a customer on the
 * 客户关系评估表 from the customer's 评估 tab, sees 终止关系 recommended and submits; the team's supervisor
 * confirms and is offered a maintenance plan for the customer; the tab lists total, recommendation and status.
 */
describe('evaluations: score a customer → recommendation on the customer’s tab', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  let customer: { id: number; archiveNo: string };
  const CUSTOMER = '北京华宇科技有限公司';

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    const team = json(await admin.post('/api/teams', { name: '大客户一组', departmentId: 1 }));
    const sup = json(await admin.post('/api/users', { username: 'zheng.zhuguan', displayName: '郑主管', password: USER_PASSWORD, roles: ['supervisor'], teamId: team.id }));
    await admin.post('/api/users', { username: 'wang.zhuanyuan', displayName: '王专员', password: USER_PASSWORD, roles: ['specialist'], teamId: team.id });
    const fresh = json(await admin.get(`/api/teams/${team.id}`));
    await admin.put(`/api/teams/${team.id}`, { supervisorId: sup.id, version: fresh.version });
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', 'in', ['zheng.zhuguan', 'wang.zhuanyuan']).execute();
    const specialist = await login(server.app, 'wang.zhuanyuan', USER_PASSWORD);
    customer = json(await specialist.post('/api/customers', { name: CUSTOMER }));
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('fills an evaluation with the keyboard, recommends 终止关系, and the supervisor confirms it', async () => {
    await signIn(page, server.baseUrl, 'wang.zhuanyuan', USER_PASSWORD);
    await page.goto(`${server.baseUrl}/customers/${customer.id}`);
    await page.getByRole('tab', { name: '评估' }).click();
    await page.getByText('该客户还没有关系评估').waitFor();
    await page.getByRole('button', { name: '新建评估' }).click();
    await page.getByRole('heading', { name: `客户关系评估：${CUSTOMER}` }).waitFor();

    // The first score has focus; Tab walks score → basis → next score.
    const scores: [string, string, string][] = [
      ['采购规模与增长', '40', '全年采购额同比下降 45%'],
      ['付款信用', '30', '三笔货款逾期超过 60 天'],
      ['合作年限与稳定性', '70', ''],
      ['沟通与配合度', '60', ''],
      ['满意度与投诉', '50', ''],
      ['战略契合度', '60', ''],
    ];
    const first = page.getByLabel('“采购规模与增长”得分', { exact: true });
    await expect.poll(() => first.evaluate((el) => el === document.activeElement)).toBe(true);
    for (const [, score, basis] of scores) {
      await page.keyboard.type(score);
      await page.keyboard.press('Tab');
      if (basis) await page.keyboard.type(basis);
      await page.keyboard.press('Tab');
    }
    expect(await page.getByLabel('“付款信用”得分依据').inputValue()).toBe('三笔货款逾期超过 60 天');
    expect(await page.getByLabel('“战略契合度”得分', { exact: true }).inputValue()).toBe('60');
    // 40×25% + 30×20% + 70×15% + 60×15% + 50×15% + 60×10% = 49
    await page.getByRole('status').filter({ hasText: '当前总分 49 分，建议：终止关系' }).waitFor();
    await page.getByLabel('总经理 - 客户关系强化措施', { exact: true }).fill('总经理拜访对方董事长');
    await page.getByLabel('总经理 - 时间安排', { exact: true }).fill('2027 年 1 月');
    await page.keyboard.press('Control+Enter');

    await page.getByRole('heading', { name: /客户关系评估：北京华宇科技有限公司.*草稿/ }).waitFor();
    await page.getByText('评估建议终止关系：请制定维护方案尝试挽回，或报经理决定是否终止合作。').waitFor();
    await page.getByRole('cell', { name: '总经理拜访对方董事长' }).waitFor();
    await page.getByRole('button', { name: '提交主管确认' }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByText('已提交主管确认', { exact: true }).first().waitFor();

    // The supervisor of the customer's team confirms it and may start a maintenance plan for the customer.
    await page.context().clearCookies();
    await signIn(page, server.baseUrl, 'zheng.zhuguan', USER_PASSWORD);
    await page.getByRole('menuitem', { name: '客户关系评估' }).click();
    await page.getByRole('link', { name: CUSTOMER }).click();
    await page.getByRole('button', { name: '确认', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '确认' });
    await dialog.getByLabel('主管意见（可选）').fill('同意，先制定挽回方案');
    await dialog.getByRole('button', { name: '确认' }).click();
    await page.getByRole('heading', { name: /已确认/ }).waitFor();

    await page.getByRole('button', { name: '制定维护方案' }).click();
    await page.getByRole('heading', { name: '新建维护方案' }).waitFor();
    await page.getByText(`${CUSTOMER}（${customer.archiveNo}）`).first().waitFor();

    // The customer's 评估 tab: date, total, recommendation and status.
    await page.goto(`${server.baseUrl}/customers/${customer.id}?tab=evaluations`);
    const row = page.getByRole('tabpanel').getByRole('row', { name: /49.*终止关系.*已确认.*郑主管/ });
    await row.waitFor();

    // The A4 view carries the scorecard and the 强化表.
    await row.getByRole('link').click();
    await page.getByRole('button', { name: '打印' }).click();
    const sheet = page.getByRole('article', { name: '客户关系评估表' });
    await sheet.getByText('全年采购额同比下降 45%').waitFor();
    await sheet.getByText('☑ 终止关系').waitFor();
    await sheet.getByRole('cell', { name: '总经理拜访对方董事长' }).waitFor();
  });
});
