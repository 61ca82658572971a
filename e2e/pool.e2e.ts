import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * The public pool in a real browser (docs/regulations.md §8): a customer nobody contacted for the rule's days is
 * in the department's pool with the reason; a colleague claims it from the pool page.
 */
describe('pool: a customer moved by the rule → claimed from the pool page', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  const CUSTOMER = '北京华宇科技有限公司';

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    const team = json(await admin.post('/api/teams', { name: '大客户一组', departmentId: 1 })).id;
    const head = json(await admin.post('/api/users', { username: 'li.jingli', displayName: '李经理', password: USER_PASSWORD, roles: ['manager'], departmentId: 1 })).id;
    const owner = json(await admin.post('/api/users', { username: 'wang.zy', displayName: '王专员', password: USER_PASSWORD, roles: ['specialist'], teamId: team })).id;
    await admin.post('/api/users', { username: 'feng.zy', displayName: '冯专员', password: USER_PASSWORD, roles: ['specialist'], teamId: team });
    const dept = json(await admin.get('/api/departments/1'));
    await admin.put('/api/departments/1', { headId: head, version: dept.version });
    const customer = json(await admin.post('/api/customers', { name: CUSTOMER, ownerId: owner })).id;
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'feng.zy').execute();
    // 100 days without contact, and the owner was reminded 8 days ago (the default rule: 90 days, reminded 7 days before).
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000);
    await server.db.kysely.updateTable('customers').set({ created_at: ago(100).toISOString() }).where('id', '=', customer).execute();
    await server.services.pool.runAll();
    await server.db.kysely.updateTable('pool_watch').set({ reminded_on: ago(8).toISOString().slice(0, 10) }).where('customer_id', '=', customer).execute();
    expect(await server.services.pool.runAll()).toBe(1);
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('shows the customer with the reason of the move and claims it', async () => {
    await signIn(page, server.baseUrl, 'feng.zy', USER_PASSWORD);
    await page.goto(`${server.baseUrl}/pool`);
    await page.getByRole('heading', { name: '公海客户', level: 2 }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(CUSTOMER) });
    await row.waitFor();
    expect(await row.textContent()).toContain('90 天未联系');
    expect(await row.textContent()).toContain('王专员');
    await row.getByRole('button', { name: `领取 ${CUSTOMER}` }).click();
    await page.getByText(`已领取：${CUSTOMER}`).waitFor();
    await row.waitFor({ state: 'detached' });
    await page.getByText('今日已领取 1 / 5').waitFor();
  });
});
