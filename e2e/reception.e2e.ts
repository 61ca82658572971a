import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * A customer tour in a real browser (docs/regulations.md §9): a specialist applies for a key customer's tour,
 * the manager reviews it, the general manager approves it, and the permit with its number prints on A4.
 */
describe('reception: apply for a tour → manager → general manager → print the permit', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  let tourPath = '';
  const CUSTOMER = '北京华宇科技有限公司';
  // A week ahead: well beyond the 3 days' notice a key customer's tour needs.
  const day = new Date(Date.now() + 7 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    const user = async (username: string, displayName: string, roles: string[]) =>
      json(await admin.post('/api/users', { username, displayName, password: USER_PASSWORD, roles, departmentId: 1 })).id as number;
    const specialistId = await user('wu.zhuanyuan', '吴专员', ['specialist']);
    await user('feng.jingli', '冯经理', ['manager']);
    const gmId = await user('qian.zong', '钱总', ['manager']);
    await admin.post('/api/customers', { name: CUSTOMER, ownerId: specialistId });
    const group = (json(await admin.get('/api/approval-groups')).items as { id: number; key: string; version: number }[]).find((g) => g.key === 'general_manager')!;
    await admin.put(`/api/approval-groups/${group.id}`, { memberIds: [gmId], version: group.version });
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '!=', 'admin').execute();
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  async function signInAs(username: string) {
    await page.goto(server.baseUrl);
    const menu = page.getByRole('button', { name: '用户菜单' });
    const signInButton = page.getByRole('button', { name: '登录' });
    await menu.or(signInButton).first().waitFor();
    if (await menu.isVisible()) {
      await menu.click();
      await page.getByText('退出登录').click();
      await signInButton.waitFor();
    }
    await signIn(page, server.baseUrl, username, USER_PASSWORD);
  }

  const heading = `参观申请：${CUSTOMER}`;

  it('lets a specialist apply for a key customer’s tour', async () => {
    await signInAs('wu.zhuanyuan');
    await page.getByRole('menuitem', { name: '参观' }).click();
    await page.getByRole('heading', { name: '客户参观', level: 2 }).waitFor();
    await page.getByRole('button', { name: '参观申请' }).first().click();
    const dialog = page.getByRole('dialog', { name: '参观申请' });
    const customer = dialog.getByLabel('客户（档案）', { exact: true });
    await customer.click();
    await customer.pressSequentially('华宇');
    await page.getByRole('option', { name: new RegExp(CUSTOMER) }).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    const type = dialog.getByLabel('参观类型', { exact: true });
    await type.click();
    await type.pressSequentially('重点');
    await page.getByRole('option', { name: '重点客户' }).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    await dialog.getByLabel('参观人数').fill('6');
    const date = dialog.getByLabel('参观日期', { exact: true });
    await date.click();
    await date.fill(day);
    await date.press('Enter');
    await dialog.getByLabel('带队人 / 联系人').fill('张总一行');
    await dialog.getByLabel('参观内容').fill('参观生产线与质检中心');
    await dialog.getByLabel('参观范围').fill('一号车间、质检中心');
    await dialog.getByLabel('参观路线').fill('大门 → 展厅 → 一号车间 → 质检中心 → 会议室');
    await dialog.getByLabel('申请允许拍照（须总经理同意）').check();
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: heading }).waitFor();
    tourPath = new URL(page.url()).pathname;
    expect(tourPath).toMatch(/^\/reception\/tours\/\d+$/);
    await page.getByText('审批中', { exact: true }).first().waitFor();
    // hospitality for a key customer
    await page.getByText('经理陪同、茶点、上茶').waitFor();
    expect(await page.getByRole('button', { name: '开始参观' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '打印参观证' }).count()).toBe(0);
  });

  it('goes through the manager’s review and the general manager’s approval', async () => {
    for (const username of ['feng.jingli', 'qian.zong']) {
      await signInAs(username);
      await page.goto(`${server.baseUrl}${tourPath}`);
      await page.getByRole('heading', { name: heading }).waitFor();
      await page.getByRole('button', { name: '通过', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: '通过', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    await page.getByText('已批准', { exact: true }).first().waitFor();
    await page.getByText(/允许拍照（钱总 于/).waitFor();
  });

  it('prints the permit with its number on A4', async () => {
    await signInAs('wu.zhuanyuan');
    await page.goto(`${server.baseUrl}${tourPath}`);
    await page.getByRole('button', { name: '打印参观证' }).click();
    const sheet = page.getByRole('article', { name: '参观证' });
    await sheet.waitFor();
    const text = (await sheet.textContent()) ?? '';
    expect(text).toMatch(/证号：CG\d{4}-0001/);
    expect(text).toContain(CUSTOMER);
    expect(text).toContain('经总经理同意，允许拍照');
    expect(text).toContain('钱总');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });
});
