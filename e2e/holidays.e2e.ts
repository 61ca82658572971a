import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login, type Client } from '../test/harness';

/**
 * A deadline counted over a year without an official holiday schedule (docs/regulations.md §10) shows 暂定;
 * once the administrator enters the year, the task no longer does and its history says it was recomputed.
 * The task is due in 30 working days from today, so it always reaches into a year the library does not hold.
 */
describe('provisional deadline: 暂定 on the task until the official year is entered', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  let admin: Client;
  let taskId = 0;
  let dueDate = '';

  beforeAll(async () => {
    server = await startTestServer();
    admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    await admin.post('/api/users', { username: 'he.zhuanyuan', displayName: '何专员', password: USER_PASSWORD, roles: ['specialist'], departmentId: 1 });
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'he.zhuanyuan').execute();
    const spec = await login(server.app, 'he.zhuanyuan', USER_PASSWORD);
    const me = json(await spec.get('/api/auth/me'));
    const task = json(await spec.post('/api/tasks', { title: '年度回访总结', assigneeId: me.user.id, due: { workingDays: 30 } }));
    taskId = task.id;
    dueDate = task.dueDate;
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('shows 暂定 beside the due date on the list and the task', async () => {
    await signIn(page, server.baseUrl, 'he.zhuanyuan', USER_PASSWORD);
    await page.goto(`${server.baseUrl}/tasks`);
    await page.getByRole('link', { name: '年度回访总结' }).waitFor();
    expect(await page.getByTestId('due-provisional').count()).toBe(1);
    await page.goto(`${server.baseUrl}/tasks/${taskId}`);
    await page.getByTestId('due-provisional').waitFor();
    expect(await page.getByTestId('due-provisional').innerText()).toBe('暂定');
  });

  it('drops 暂定 and records the recomputation once the year is entered', async () => {
    const years = json(await admin.get('/api/calendar/years')).items as { year: number; source: string | null }[];
    const today = new Date().getFullYear();
    for (let y = today; y <= Number(dueDate.slice(0, 4)); y++) {
      if (years.find((r) => r.year === y)?.source) continue;
      const res = await admin.put(`/api/calendar/years/${y}`, { holidays: [{ name: '国庆节', start: `${y}-10-01`, end: `${y}-10-07` }], makeupWorkdays: [] });
      expect(res.statusCode, res.body).toBe(204);
    }
    await page.reload();
    await page.getByText(/官方节假日安排已录入/).waitFor();
    expect(await page.getByTestId('due-provisional').count()).toBe(0);
  });
});
