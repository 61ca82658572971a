import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * The browser test for maintenance plans (issue 4 §5, docs/regulations.md §7, seed 000 §6–8): a supervisor
 * drafts a 客户关系维护方案, the manager returns it with a comment, the supervisor revises and resubmits,
 * the director approves; the supervisor splits it into a task, and the specialist finds the task on the
 * home page and completes it with a work record. Each person signs in through the sign-in page in turn.
 * Locators are roles and labels only.
 */
describe('maintenance plan: draft → return → revise → resubmit → approve → task → done', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  let planPath = '';

  const TITLE = '华远科技 2027 年一季度关系维护方案';
  const TASK = '一月上门拜访华远科技总经理';
  const COMMENT = '预算偏高，请细化上门拜访安排后再提交';

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    const team = json(await admin.post('/api/teams', { name: '大客户维护组', departmentId: 1 }));
    const user = async (username: string, displayName: string, roles: string[], extra: object) =>
      json(await admin.post('/api/users', { username, displayName, password: USER_PASSWORD, roles, ...extra })).id as number;
    const supervisorId = await user('zhou.zhuguan', '周主管', ['supervisor'], { teamId: team.id });
    const specialistId = await user('wu.zhuanyuan', '吴专员', ['specialist'], { teamId: team.id });
    await user('feng.jingli', '冯经理', ['manager'], { departmentId: 1 });
    await user('chen.zongjian', '陈总监', ['director'], { departmentId: 1 });
    await admin.put(`/api/teams/${team.id}`, { supervisorId, version: team.version });
    await admin.post('/api/customers', { name: '北京华远科技有限公司', ownerId: specialistId });
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

  /** Types into a searchable select, waits for the option and takes it with Enter; Escape closes a multiple select's list. */
  async function choose(label: string, text: string, option: RegExp, multiple = false) {
    const select = page.getByLabel(label, { exact: true });
    await select.click();
    await select.pressSequentially(text);
    await page.getByRole('option', { name: option }).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    if (multiple) await page.keyboard.press('Escape');
  }

  async function pickDate(label: string, date: string) {
    const input = page.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(date);
    await input.press('Enter');
  }

  const status = (text: string) => page.getByRole('heading', { name: TITLE }).getByText(text, { exact: true });

  it('lets the supervisor draft the plan and submit it for approval', async () => {
    await signInAs('zhou.zhuguan');
    await page.getByRole('menuitem', { name: '维护方案' }).click();
    await page.getByRole('heading', { name: '客户关系维护方案' }).waitFor();
    await page.getByRole('button', { name: '新建维护方案' }).click();
    await page.getByRole('heading', { name: '新建维护方案' }).waitFor();

    await page.getByLabel('方案名称').fill(TITLE);
    await page.getByLabel('费用预算').fill('12000.50');
    await choose('维护客户', '华远', /北京华远科技有限公司/, true);
    await choose('维护人员', '吴专员', /吴专员/, true);
    await pickDate('开始日期', '2027-01-01');
    await pickDate('结束日期', '2027-03-31');
    await page.getByLabel('维护目标').fill('满意度提升至 95% 以上，年内续约');
    await page.getByLabel('维护方式').fill('上门拜访、电话回访、节日关怀');
    await page.getByLabel('维护措施').fill('每月上门拜访一次；春节前寄送贺卡与礼品');
    // Ctrl+Enter saves from anywhere in the form (keyboard-friendly).
    await page.getByLabel('维护措施').press('Control+Enter');

    await page.getByRole('heading', { name: TITLE }).waitFor();
    planPath = new URL(page.url()).pathname;
    expect(planPath).toMatch(/^\/maintenance-plans\/\d+$/);
    await status('草稿').waitFor();
    await page.getByText('¥12,000.50').first().waitFor();

    await page.getByRole('button', { name: '提交审批' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '提交审批' }).click();
    await page.getByText('已提交审批', { exact: true }).waitFor();
    await status('审批中').waitFor();
    expect(await page.getByRole('button', { name: '编辑' }).count()).toBe(0);
  });

  it('lets the manager return it from the home page with a comment', async () => {
    await signInAs('feng.jingli');
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.getByRole('button', { name: '退回', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('审批意见').fill(COMMENT);
    await dialog.getByRole('button', { name: '退回', exact: true }).click();
    await status('已退回').waitFor();
  });

  it('lets the supervisor revise the returned plan and resubmit it', async () => {
    await signInAs('zhou.zhuguan');
    await page.getByRole('menuitem', { name: '维护方案' }).click();
    await page.getByRole('link', { name: TITLE }).click();
    await status('已退回').waitFor();
    await page.getByText(COMMENT).waitFor();

    await page.getByRole('button', { name: '编辑' }).click();
    await page.getByRole('heading', { name: `修改维护方案：${TITLE}` }).waitFor();
    await page.getByLabel('费用预算').fill('10000');
    await page.getByLabel('维护措施').fill('每月第一周上门拜访一次，拜访前两天电话预约；春节前寄送贺卡');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.getByText('¥10,000.00').first().waitFor();

    await page.getByRole('button', { name: '重新提交' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('提交说明（可选）').fill('已按意见细化拜访安排并下调预算');
    await dialog.getByRole('button', { name: '重新提交' }).click();
    await status('审批中').waitFor();
  });

  it('goes through the manager’s review and the director’s approval', async () => {
    for (const [username, comment] of [
      ['feng.jingli', '同意'],
      ['chen.zongjian', '批准执行'],
    ]) {
      await signInAs(username);
      await page.getByRole('link', { name: TITLE }).click();
      await page.getByRole('heading', { name: TITLE }).waitFor();
      await page.getByRole('button', { name: '通过', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('审批意见（选填）').fill(comment);
      await dialog.getByRole('button', { name: '通过', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    await status('执行中').waitFor();
  });

  it('lets the supervisor split the approved plan into a task for the specialist', async () => {
    await signInAs('zhou.zhuguan');
    await page.goto(server.baseUrl + planPath);
    await status('执行中').waitFor();
    await page.getByRole('button', { name: '分解任务' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('任务内容').fill(TASK);
    await choose('执行人', '吴', /吴专员/);
    await dialog.getByRole('button', { name: '创建任务' }).click();
    await page.getByText('已创建 1 项任务').waitFor();
    await page.getByRole('row', { name: new RegExp(`${TASK}.*吴专员.*北京华远科技有限公司.*进行中`) }).waitFor();
    // The default working days count from the plan's start (2027-01-01), not from today.
    expect(await page.getByRole('row', { name: new RegExp(TASK) }).first().textContent()).toMatch(/2027-0[1-3]-\d{2}/);

    // The printable A4 view carries the approval history, the manager's return included.
    await page.getByRole('button', { name: '打印' }).click();
    const sheet = page.getByRole('article', { name: '客户关系维护方案' });
    await sheet.getByText(COMMENT).waitFor();
    expect(await sheet.getByText('批准执行').count()).toBeGreaterThan(0);
  });

  it('shows the specialist the new task on the home page; they complete it with what they did and the feedback', async () => {
    await signInAs('wu.zhuanyuan');
    await page.getByRole('link', { name: TASK }).click();
    await page.getByRole('link', { name: '打开关联记录' }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.getByRole('button', { name: `完成任务：${TASK}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('工作内容').fill('上门拜访总经理，介绍新的售后服务流程');
    await dialog.getByLabel('客户反馈').fill('对响应速度满意，希望增加季度培训');
    await dialog.getByRole('button', { name: '完成任务' }).click();
    await page.getByText('任务已完成，工作记录已保存').waitFor();
    await page.getByRole('row', { name: new RegExp(`${TASK}.*已完成`) }).waitFor();
    await page.getByRole('row', { name: /希望增加季度培训.*吴专员/ }).waitFor();

    await page.getByRole('menuitem', { name: '首页' }).click();
    await page.getByRole('heading', { name: /您好/ }).waitFor();
    await page.getByRole('heading', { name: '待办事项' }).waitFor();
    expect(await page.getByRole('link', { name: TASK }).count()).toBe(0);
  });
});
