import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, json, login } from '../test/harness';

/**
 * Issue 16 parts 3 and 4 in a real browser: the audit log names a changed field by its label, and after
 * switching to English a notification, a shipped industry and a complaint category read in English.
 */
describe('labels and languages: audit log, notification, industry', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    const me = json(await admin.get('/api/auth/me')).user;
    const created = json(await admin.post('/api/customers', { name: '宁波海川精密制造有限公司', status: 'potential', industry: '制造业' }));
    const c = json(await admin.get(`/api/customers/${created.id}`));
    await admin.put(`/api/customers/${created.id}`, { legalRepresentative: '许海川', version: c.version });
    const complaint = await admin.post('/api/complaints', { channel: 'hotline', complainantName: '刘女士', complainantPhone: '13912345678', content: '客服接听时语气生硬。', category: '服务态度', severity: 'general' });
    expect(complaint.statusCode, complaint.body).toBe(201);
    // A notification as the workflow writes one: a message key with its parameters.
    await server.db.kysely.transaction().execute((trx) =>
      server.services.notifications.notify(trx, { userIds: [me.id], kind: 'task.assigned', titleKey: 'notify.task_assigned', bodyKey: 'notify.task_assigned_by', params: { title: '季度回访', date: '2027-03-01', name: '王主管' } }),
    );
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('shows the audit log with field labels, not field keys', async () => {
    await signIn(page, server.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.goto(`${server.baseUrl}/admin/audit`);
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await page.getByText('法定代表人').first().waitFor();
    expect(await page.getByText('legalRepresentative').count()).toBe(0);
    expect(await page.getByText('所属行业').count()).toBeGreaterThan(0);
  });

  it('after switching to English shows the notification and the industry in English', async () => {
    await page.getByRole('button', { name: /语言/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Home' }).waitFor();
    // The audit page already open follows the language too.
    await page.getByText('Legal representative').first().waitFor();

    await page.goto(`${server.baseUrl}/notifications`);
    await page.getByText('New task: 季度回访 (due 2027-03-01)').waitFor();
    expect(await page.getByText('Assigned by 王主管').isVisible()).toBe(true);

    await page.goto(`${server.baseUrl}/customers`);
    await page.getByText('宁波海川精密制造有限公司').first().waitFor();
    expect(await page.getByRole('cell', { name: 'Manufacturing' }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: '制造业' }).count()).toBe(0);

    // Complaint categories are reference data too: the list and the detail read them in English.
    await page.goto(`${server.baseUrl}/complaints`);
    await page.getByRole('cell', { name: 'Service attitude' }).first().waitFor();
    expect(await page.getByRole('cell', { name: '服务态度' }).count()).toBe(0);
  });
});
