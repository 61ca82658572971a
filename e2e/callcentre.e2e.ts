import { createHmac } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * The call centre in a real browser (docs/regulations.md §1): the telephony system posts an incoming call, the
 * agent's open desk pops the matched customer, the agent records the call and opens a complaint from it; QA
 * scores the call on the weighted template.
 */
const SECRET = 'e2e-telephony-secret';
process.env.CALLCENTRE_HOOK_SECRET = SECRET;
process.env.CALLCENTRE_POLL_MS = '300';

describe('call centre: screen-pop → record → complaint → QA score', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  const CUSTOMER = '北京华宇科技有限公司';

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    const team = json(await admin.post('/api/teams', { name: '呼叫中心', departmentId: 1 })).id;
    await admin.post('/api/users', { username: 'tang.xin', displayName: '唐欣', password: USER_PASSWORD, roles: ['agent'], teamId: team });
    await admin.post('/api/users', { username: 'feng.qing', displayName: '冯青', password: USER_PASSWORD, roles: ['qa'], departmentId: 1 });
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', 'in', ['tang.xin', 'feng.qing']).execute();
    // the agent's own customer, with the number the call comes from
    const agent = await login(server.app, 'tang.xin', USER_PASSWORD);
    expect((await agent.post('/api/customers', { name: CUSTOMER, phone: '13812345678' })).statusCode).toBe(201);
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('pops the caller for the agent, who records the call and opens a complaint from it; QA scores it', async () => {
    await signIn(page, server.baseUrl, 'tang.xin', USER_PASSWORD);
    await page.getByRole('menuitem', { name: '呼叫中心' }).click();
    await page.getByRole('heading', { name: '呼叫中心工作台' }).waitFor();

    // The switchboard rings the agent's extension and posts the signed event.
    const raw = JSON.stringify({ callId: 'pbx-e2e-1', event: 'ringing', direction: 'inbound', number: '13812345678', agent: 'tang.xin', at: new Date().toISOString() });
    const res = await fetch(`${server.baseUrl}/api/callcentre/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}` },
      body: raw,
    });
    expect(res.status).toBe(200);
    const pop = page.getByRole('alert').filter({ hasText: `来电：${CUSTOMER}` });
    await pop.waitFor();
    expect(await pop.textContent()).toContain('138****5678');

    await pop.getByRole('button', { name: '记录通话' }).click();
    const dialog = page.getByRole('dialog', { name: `记录通话：${CUSTOMER}` });
    await dialog.getByLabel('类别').click();
    await page.keyboard.type('投诉');
    await page.getByRole('option', { name: '投诉', exact: true }).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    await dialog.getByLabel('通话摘要').fill('客户反映上周送货延误三天');
    await dialog.getByLabel('处理结果').fill('已致歉，转投诉处理');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /客户反映上周送货延误三天/ });
    await row.getByText('记录完整').waitFor();

    await row.getByRole('button', { name: '转投诉' }).click();
    const complaint = page.getByRole('dialog', { name: '由通话转投诉' });
    await complaint.getByLabel('投诉类别').click();
    await page.keyboard.type('配送');
    await page.getByRole('option', { name: '配送交付' }).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    expect(await complaint.getByLabel('投诉内容').inputValue()).toBe('客户反映上周送货延误三天');
    await complaint.getByRole('button', { name: '保存' }).click();
    await complaint.waitFor({ state: 'hidden' });
    await row.getByRole('link', { name: '查看投诉' }).click();
    await page.getByText('配送交付').first().waitFor();
    await page.getByText(CUSTOMER).first().waitFor();

    // QA scores the call from the month's sample.
    await page.context().clearCookies();
    await signIn(page, server.baseUrl, 'feng.qing', USER_PASSWORD);
    await page.getByRole('menuitem', { name: '通话质检' }).click();
    await page.getByRole('heading', { name: '通话质检' }).waitFor();
    const sampled = page.getByRole('row', { name: /客户反映上周送货延误三天/ }).first();
    await sampled.getByRole('button', { name: '评分' }).click();
    const score = page.getByRole('dialog', { name: '质检评分' });
    const marks: [string, string][] = [['规范用语', '80'], ['需求理解', '90'], ['解决问题', '70'], ['服务态度', '60'], ['记录完整', '100']];
    for (const [label, mark] of marks) await score.getByLabel(new RegExp(`^${label}`)).fill(mark);
    await score.getByRole('button', { name: '保存' }).click();
    await score.waitFor({ state: 'hidden' });
    await page.getByText('已评 77 分').waitFor();
  });
});
