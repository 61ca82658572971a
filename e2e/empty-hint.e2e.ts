import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, login } from '../test/harness';

/**
 * A list page with no rows says what it is for and offers its first action (issue 16): the manager opens the
 * empty contract list, reads the hint and starts the first contract from it.
 */
describe('empty list hint', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    await admin.post('/api/users', { username: 'wu.jingli', displayName: '吴经理', password: USER_PASSWORD, roles: ['manager'], departmentId: 1 });
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'wu.jingli').execute();
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('shows what the contract list is for and starts the first contract from it', async () => {
    await signIn(page, server.baseUrl, 'wu.jingli', USER_PASSWORD);
    await page.getByRole('menuitem', { name: '合同' }).click();
    await page.getByRole('heading', { name: '合同', exact: true }).waitFor();
    await page.getByText('这里登记与客户签订的合同').waitFor();
    await page.getByRole('button', { name: '登记第一份合同' }).click();
    await page.getByRole('heading', { name: '新建合同' }).waitFor();
  });
});
