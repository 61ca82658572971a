import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * A restored copy started with GUANXI_OUTBOX=hold (issue 18): the robot key is shown only as set and can be
 * replaced, and a queued group message waits on the held-messages page until the administrator releases it.
 */
describe('write-only robot key and the held outbox', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  const secretUrl = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=e2e-secret-4411';

  beforeAll(async () => {
    server = await startTestServer({ outbox: 'hold' });
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    expect((await admin.put('/api/settings/notifications.wecomWebhookUrl', { value: secretUrl, version: 0 })).statusCode).toBe(200);
    const team = json(await admin.post('/api/teams', { name: '客户关系一组', departmentId: 1 }));
    const sup = json(await admin.post('/api/users', { username: 'wang.zhuguan', displayName: '王主管', password: USER_PASSWORD, roles: ['supervisor'], teamId: team.id }));
    const spec = json(await admin.post('/api/users', { username: 'li.zhuanyuan', displayName: '李专员', password: USER_PASSWORD, roles: ['specialist'], teamId: team.id }));
    await admin.put(`/api/teams/${team.id}`, { supervisorId: sup.id, version: team.version });
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'wang.zhuguan').execute();
    const supervisor = await login(server.app, 'wang.zhuguan', USER_PASSWORD);
    expect((await supervisor.post('/api/tasks', { title: '回访华远科技', assigneeId: spec.id, due: { date: '2099-01-05' } })).statusCode).toBe(201);
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('shows the WeCom robot address only as set, and lets the administrator replace it', async () => {
    await signIn(page, server.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.goto(`${server.baseUrl}/admin/settings`);
    const row = page.locator('form[id="setting-notifications.wecomWebhookUrl"]');
    await row.getByText('已设置').waitFor();
    expect(await page.content()).not.toContain('e2e-secret');
    await row.getByRole('button', { name: '更换' }).click();
    await row.getByLabel('新的值').fill('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=e2e-second-7788');
    await row.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').waitFor();
    await row.getByRole('button', { name: '更换' }).waitFor();
    expect(await page.content()).not.toContain('e2e-second');
    expect(await server.services.settings.value('notifications.wecomWebhookUrl')).toContain('e2e-second-7788');
  });

  it('lists the held group message and sends it only when released', async () => {
    await page.goto(`${server.baseUrl}/admin/outbox`);
    await page.getByText('GUANXI_OUTBOX=hold', { exact: false }).first().waitFor();
    const heldRow = page.getByRole('row', { name: /群机器人/ });
    await heldRow.waitFor();
    expect(json(await (await login(server.app, 'admin', ADMIN_PASSWORD)).get('/api/notifications/deliveries?status=held')).total).toBe(1);
    await heldRow.getByRole('button', { name: /放\s*行/ }).click();
    await page.getByText('已放行 1 条').waitFor();
    await page.getByText('没有待发消息').first().waitFor();
    const pending = json(await (await login(server.app, 'admin', ADMIN_PASSWORD)).get('/api/notifications/deliveries?status=pending'));
    expect(pending.items.map((d: any) => d.channel)).toEqual(['wecom']);
  });

  it('lists a failed delivery with its masked recipient and error, and queues it again on 重新发送', async () => {
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    const [d] = json(await admin.get('/api/notifications/deliveries?status=pending')).items;
    // As if every attempt had failed: the robot's network was down.
    await server.db.kysely
      .updateTable('notification_deliveries')
      .set({ status: 'failed', attempts: 6, last_error: 'fetch failed (connect ECONNREFUSED)' })
      .where('id', '=', d.id)
      .execute();
    await page.goto(`${server.baseUrl}/admin/outbox`);
    await page.getByText('发送失败的消息', { exact: true }).waitFor();
    const failedRow = page.getByRole('row', { name: /ECONNREFUSED/ });
    await failedRow.waitFor();
    await failedRow.getByRole('button', { name: '重新发送' }).click();
    await page.getByText('已重新排队 1 条').waitFor();
    await page.getByText('没有发送失败的消息').waitFor();
    const again = json(await admin.get('/api/notifications/deliveries?status=pending')).items.find((x: any) => x.id === d.id);
    expect(again).toMatchObject({ attempts: 0, channel: 'wecom' });
  });
});
