import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * Tasks, notifications and the to-do home page in a real browser (issue 4 §2–4): a supervisor gives a
 * specialist a task due in working days; the specialist sees the bell's count and the task on the home
 * page, opens it from the inbox, comments and completes it; the supervisor is told.
 */
describe('workflow: task → bell → home page → complete', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let supervisorCtx: BrowserContext;
  let specialistCtx: BrowserContext;
  let sup: Page;
  let spec: Page;

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    const team = json(await admin.post('/api/teams', { name: '客户关系一组', departmentId: 1 }));
    const supervisor = json(await admin.post('/api/users', { username: 'wang.zhuguan', displayName: '王主管', password: USER_PASSWORD, roles: ['supervisor'], teamId: team.id }));
    await admin.post('/api/users', { username: 'li.zhuanyuan', displayName: '李专员', password: USER_PASSWORD, roles: ['specialist'], teamId: team.id });
    await admin.put(`/api/teams/${team.id}`, { supervisorId: supervisor.id, version: team.version });
    // The journey is about tasks, not about the first-sign-in password change.
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', 'in', ['wang.zhuguan', 'li.zhuanyuan']).execute();
    supervisorCtx = await launchBrowser();
    specialistCtx = await launchBrowser();
    sup = await newPage(supervisorCtx);
    spec = await newPage(specialistCtx);
  });

  afterAll(async () => {
    if (supervisorCtx) await closeBrowser(supervisorCtx);
    if (specialistCtx) await closeBrowser(specialistCtx);
    if (server) await server.stop();
  });

  it('lets a supervisor give a specialist a task due in three working days', async () => {
    await signIn(sup, server.baseUrl, 'wang.zhuguan', USER_PASSWORD);
    await sup.getByRole('menuitem', { name: '任务' }).click();
    await sup.getByRole('heading', { name: '任务', exact: true }).waitFor();
    await sup.getByRole('button', { name: '新建任务' }).first().click();
    const dialog = sup.getByRole('dialog');
    await dialog.getByLabel('任务标题').fill('回访华远科技，确认续约意向');
    await dialog.getByLabel('任务说明').fill('电话 13812345678，联系王总');
    const assignee = dialog.getByLabel('执行人');
    await assignee.click();
    await sup.keyboard.type('李专员');
    await sup.getByRole('option', { name: /李专员/ }).waitFor({ state: 'attached' });
    await sup.keyboard.press('Enter');
    await dialog.getByRole('radio', { name: '若干个工作日后' }).check();
    await dialog.getByLabel('工作日数').fill('3');
    await dialog.getByRole('button', { name: '保存' }).click();
    // Saved: the task's own page.
    await sup.getByRole('heading', { name: '回访华远科技，确认续约意向' }).waitFor();
    expect(await sup.getByText('李专员').first().isVisible()).toBe(true);
    expect(await sup.getByText('进行中').isVisible()).toBe(true);
  });

  it('shows the specialist the unread count, the inbox entry and the task on the home page', async () => {
    await signIn(spec, server.baseUrl, 'li.zhuanyuan', USER_PASSWORD);
    const todo = spec.getByRole('region', { name: '任务' });
    await todo.getByRole('link', { name: '回访华远科技，确认续约意向' }).waitFor();
    const bell = spec.getByRole('button', { name: '消息通知（1 条未读）' });
    await bell.click();
    await spec.getByRole('heading', { name: '消息通知' }).waitFor();
    await spec.getByText(/新任务：回访华远科技，确认续约意向/).waitFor();
    await spec.getByRole('button', { name: /^查看 新任务/ }).click();
    await spec.getByRole('heading', { name: '回访华远科技，确认续约意向' }).waitFor();
    // Opening it marked it read.
    await spec.getByRole('button', { name: '消息通知', exact: true }).waitFor();
  });

  it('lets the specialist comment and complete the task, which leaves the home page and tells the supervisor', async () => {
    await spec.getByLabel('留言内容').fill('已约好周四上门');
    await spec.getByRole('button', { name: '发表留言' }).click();
    await spec.getByRole('list', { name: '留言' }).getByText('已约好周四上门').waitFor();
    await spec.getByRole('button', { name: '完成任务' }).click();
    const dialog = spec.getByRole('dialog');
    await dialog.getByLabel('完成说明').fill('客户同意续约，合同下周寄出');
    await dialog.getByRole('button', { name: '完成任务' }).click();
    await spec.getByText('已完成', { exact: true }).waitFor();
    expect(await spec.getByText('客户同意续约，合同下周寄出').isVisible()).toBe(true);

    await spec.getByRole('menuitem', { name: '首页' }).click();
    // The completed task leaves the to-do list (routine reports and meetings may still be due there).
    // The home page has loaded its to-do list (no request left in flight) before the absence counts.
    await spec.waitForURL(`${server.baseUrl}/`);
    await spec.waitForLoadState('networkidle');
    await expect.poll(() => spec.getByRole('link', { name: '回访华远科技，确认续约意向' }).count(), { timeout: 15_000 }).toBe(0);

    await sup.goto(`${server.baseUrl}/notifications`);
    await sup.getByText('任务已完成：回访华远科技，确认续约意向（李专员）').waitFor();
    await sup.getByText('任务有新留言：回访华远科技，确认续约意向（李专员）').waitFor();
  });
});
