import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * Membership in a real browser (docs/regulations.md §3): a supervisor adjusts a member's points with a
 * reason on the member page, the tier goes from 银卡 to 金卡, and the members list shows the new tier.
 */
describe('membership: adjust points → the tier changes in the list', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  let memberId: number;
  const CUSTOMER = '北京华宇科技有限公司';

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    await admin.post('/api/users', { username: 'li.zhuguan', displayName: '李主管', password: USER_PASSWORD, roles: ['director'], departmentId: 1 });
    const customer = json(await admin.post('/api/customers', { name: CUSTOMER }));
    const member = json(await admin.post('/api/members', { customerId: customer.id }));
    memberId = member.id;
    // 45,000 points: 银卡 (from 10,000), 5,000 short of 金卡 (from 50,000)
    await admin.post(`/api/members/${memberId}/adjust`, { points: 45_000, reason: '历史消费积分补录' });
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'li.zhuguan').execute();
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('adjusts points with a reason on the member page and lists the member as 金卡', async () => {
    await signIn(page, server.baseUrl, 'li.zhuguan', USER_PASSWORD);
    await page.getByRole('menuitem', { name: '会员' }).click();
    await page.getByRole('heading', { name: '会员', level: 2 }).waitFor();
    await page.getByRole('img', { name: '各会员等级人数柱状图' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(CUSTOMER) });
    await row.waitFor();
    expect(await row.textContent()).toContain('银卡');
    expect(await row.textContent()).toContain('金卡，还差 5,000 分');

    await row.getByRole('link', { name: /^HY/ }).click();
    await page.getByRole('button', { name: '调整积分' }).click();
    const dialog = page.getByRole('dialog', { name: '调整积分' });
    await dialog.getByLabel('调整积分（负数为扣减）').fill('6000');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('必填').first().waitFor(); // the reason is required
    await dialog.getByLabel('调整原因').fill('年会活动赠送积分');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const change = page.getByRole('row', { name: /银卡 → 金卡/ });
    await change.waitFor();
    expect(await change.textContent()).toContain('累计积分 51,000 ≥ 金卡门槛 50,000');

    await page.getByRole('button', { name: '返回会员列表' }).click();
    const after = page.getByRole('row', { name: new RegExp(CUSTOMER) });
    await after.getByText('金卡', { exact: true }).waitFor();
    expect(await after.textContent()).toContain('51,000');
  });
});
