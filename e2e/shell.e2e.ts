import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, fillSignIn, launchBrowser, newPage, startTestServer } from '../test/e2e-harness';

/**
 * The web shell in a real browser against the real server (fresh database, built web app):
 * sign-in, the language switch, sign-out, and the phone layout. Locators are roles and labels only.
 */
describe('web shell', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let ctx: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    ctx = await launchBrowser();
    page = await newPage(ctx);
  });

  afterAll(async () => {
    if (ctx) await closeBrowser(ctx);
    if (server) await server.stop();
  });

  /** Waits (up to the default timeout) for the element to be visible, rather than sampling it once. */
  async function visible(locator: Locator): Promise<boolean> {
    await locator.waitFor({ state: 'visible' });
    return true;
  }

  it('shows the Chinese sign-in page to a visitor without a session', async () => {
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await visible(page.getByRole('button', { name: '登录' }))).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it('tells the user when the password is wrong', async () => {
    await fillSignIn(page, server.adminUsername, 'not-the-password');
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('signs in, switches to English and back, and signs out through the user menu', async () => {
    await fillSignIn(page, server.adminUsername, server.adminPassword);
    await page.getByRole('heading', { name: /您好/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await visible(page.getByRole('menuitem', { name: '首页' }))).toBe(true);
    expect(await visible(page.getByRole('heading', { name: '待办事项' }))).toBe(true);

    // 语言 → English: menu, headings and the user menu change at once.
    await page.getByRole('button', { name: /语言/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Home' }).waitFor();
    expect(await visible(page.getByRole('heading', { name: /Hello/ }))).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: /User menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).waitFor();
    expect(await visible(page.getByRole('menuitem', { name: 'Change password' }))).toBe(true);
    await page.keyboard.press('Escape');

    // Language → 简体中文
    await page.getByRole('button', { name: /Language/ }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: '首页' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

    await page.getByRole('button', { name: /用户菜单/ }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: '登录' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('shows the sign-in page again for / after signing out', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByRole('menuitem', { name: '首页' }).count()).toBe(0);
  });

  it('returns to the page the user asked for after signing in', async () => {
    await page.goto(`${server.baseUrl}/admin/users`);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await fillSignIn(page, server.adminUsername, server.adminPassword);
    await page.getByRole('heading', { name: '用户管理' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/users');
    await page.getByRole('cell', { name: server.adminUsername, exact: true }).waitFor();
  });

  it('is usable at phone width: the menu opens from the header', async () => {
    const phone = await launchBrowser({ width: 375, height: 740 });
    try {
      const p = await newPage(phone);
      await p.goto(server.baseUrl);
      await fillSignIn(p, server.adminUsername, server.adminPassword);
      await p.getByRole('heading', { name: /您好/ }).waitFor();
      // No page-wide horizontal scrolling at 375 px.
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await p.getByRole('button', { name: '打开菜单' }).click();
      await p.getByRole('menuitem', { name: '工作日历' }).click();
      await p.getByRole('heading', { name: '工作日历' }).waitFor();
      expect(new URL(p.url()).pathname).toBe('/calendar');
    } finally {
      await closeBrowser(phone);
    }
  });
});
