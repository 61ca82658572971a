import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';

/**
 * The customer archive (客户档案) in a real browser against the real server: create a customer through
 * the long form, find it by pinyin initials, edit it, see the change history, add a contact, and the
 * duplicate warning. Locators are roles and labels only.
 */
describe('customer archive', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let ctx: BrowserContext;
  let page: Page;
  let customerPath = '';

  beforeAll(async () => {
    server = await startTestServer();
    ctx = await launchBrowser();
    page = await newPage(ctx);
  });

  afterAll(async () => {
    if (ctx) await closeBrowser(ctx);
    if (server) await server.stop();
  });

  const signInAsAdmin = (p: Page) => signIn(p, server.baseUrl, server.adminUsername, server.adminPassword);

  const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);
  const path = (p: Page) => new URL(p.url()).pathname;

  it('creates a customer through the form and shows its archive number', async () => {
    await signInAsAdmin(page);
    await page.getByRole('menuitem', { name: '客户档案' }).click();
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await page.getByRole('button', { name: '新建客户' }).first().click();
    await page.getByRole('heading', { name: '新建客户' }).waitFor();

    // The first field has the focus; Enter in a one-line input does not save a half-filled archive.
    const name = page.getByLabel('客户名称');
    expect(await isFocused(name)).toBe(true);
    await page.keyboard.type('北京华远科技有限公司');
    await page.keyboard.press('Enter');
    await page.getByLabel('联系电话').fill('13812345678');
    expect(path(page)).toBe('/customers/new');
    await page.getByLabel('法定代表人').fill('王建国');
    await page.getByLabel('城市').fill('北京');

    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: '北京华远科技有限公司' }).waitFor();
    expect(path(page)).toMatch(/^\/customers\/\d+$/);
    customerPath = path(page);
    await page.getByText(/^KH\d{4}-\d{6}$/).waitFor();
    // The phone is masked on the detail page; the administrator may reveal it.
    await page.getByText('138****5678').waitFor();
    await page.getByRole('button', { name: '显示联系电话' }).click();
    await page.getByText('13812345678').waitFor();
  });

  it('finds the customer by pinyin initials in the list and opens it', async () => {
    await page.getByRole('menuitem', { name: '客户档案' }).click();
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    // Searches while typing (after a short pause), without pressing Enter.
    await page.getByLabel('搜索客户').pressSequentially('bjhy');
    await page.waitForURL(/q=bjhy/);
    const link = page.getByRole('link', { name: '北京华远科技有限公司' });
    await link.waitFor();
    await link.click();
    await page.getByRole('heading', { name: '北京华远科技有限公司' }).waitFor();
    expect(path(page)).toBe(customerPath);
  });

  it('edits a field and shows the change in the history as a major change', async () => {
    await page.getByRole('button', { name: '编辑' }).click();
    await page.getByRole('heading', { name: /编辑客户/ }).waitFor();
    const legal = page.getByLabel('法定代表人');
    expect(await legal.inputValue()).toBe('王建国');
    await legal.fill('李华');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('客户资料已保存').waitFor();
    expect(path(page)).toBe(customerPath);
    await page.getByRole('cell', { name: '李华', exact: true }).waitFor();

    await page.getByRole('tab', { name: '变更记录' }).click();
    await page.getByText(/王建国\s*→\s*李华/).waitFor();
    await page.getByText('重大变更').waitFor();
  });

  it('adds a contact', async () => {
    // With every module's tab the nav overflows and scrolls the first tabs away; a click event selects it all the same.
    await page.getByRole('tab', { name: '联系人' }).dispatchEvent('click');
    await page.getByRole('button', { name: '添加联系人' }).click();
    const dialog = page.getByRole('dialog', { name: '添加联系人' });
    await dialog.getByLabel('姓名').fill('张三');
    await dialog.getByLabel('职务').fill('采购经理');
    await dialog.getByLabel('手机').fill('13911112222');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: '张三', exact: true }).waitFor();
    await page.getByRole('cell', { name: '139****2222' }).waitFor();

    // The list then finds the customer by the contact's name, and says so.
    await page.getByRole('menuitem', { name: '客户档案' }).click();
    await page.getByLabel('搜索客户').fill('张三');
    await page.getByText('联系人：张三').waitFor();
  });

  it('warns about a duplicate before creating it, and creates it only when confirmed', async () => {
    await page.getByRole('button', { name: '新建客户' }).first().click();
    await page.getByRole('heading', { name: '新建客户' }).waitFor();
    await page.getByLabel('客户名称').fill('北京华远科技有限公司');
    // Leaving the field asks the server at once.
    await page.getByLabel('统一社会信用代码').focus();
    await page.getByText(/疑似重复/).waitFor();

    await page.getByRole('button', { name: '保存' }).click();
    const dialog = page.getByRole('dialog', { name: '可能与已有客户重复' });
    await dialog.getByText('名称相似').waitFor();
    await dialog.getByRole('button', { name: '返回修改' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(path(page)).toBe('/customers/new');

    await page.getByRole('button', { name: '保存' }).click();
    await dialog.getByRole('button', { name: '仍然创建' }).click();
    await page.getByText(/客户已创建/).waitFor();
    expect(path(page)).toMatch(/^\/customers\/\d+$/);
    expect(path(page)).not.toBe(customerPath);
  });

  it('is usable at phone width: no page-wide horizontal scrolling', async () => {
    const phone = await launchBrowser({ width: 375, height: 740 });
    try {
      const p = await newPage(phone);
      await signInAsAdmin(p);
      await p.goto(`${server.baseUrl}/customers`);
      await p.getByRole('link', { name: '北京华远科技有限公司' }).first().waitFor();
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await p.goto(`${server.baseUrl}${customerPath}/edit`);
      await p.getByLabel('客户名称').waitFor();
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    } finally {
      await closeBrowser(phone);
    }
  });
});
