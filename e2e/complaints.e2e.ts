import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * The browser test for complaints (issue 5 §1–6, docs/regulations.md §10): a customer files a complaint on the
 * public page without an account; the manager assigns it; the specialist contacts the customer and submits a
 * handling opinion; the supervisor approves it; the specialist tells the customer; the customer checks the
 * progress with number and phone and confirms being satisfied; the analysis page counts it. Locators are
 * roles and labels only.
 */
describe('complaint: public filing → assign → opinion approved → customer told → satisfied → analysis', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  let customerPage: Page;
  let complaintNo = '';

  const PHONE = '13812345678';
  const CONTENT = '营业厅工作人员态度冷淡，办理业务等了一个多小时仍无人处理。';
  const OPINION = '向客户当面致歉，对当班人员进行批评教育，并赠送服务代金券。';

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    const team = json(await admin.post('/api/teams', { name: '投诉处理组', departmentId: 1 }));
    const user = async (username: string, displayName: string, roles: string[], extra: object) =>
      json(await admin.post('/api/users', { username, displayName, password: USER_PASSWORD, roles, ...extra })).id as number;
    const supervisorId = await user('zhou.zhuguan', '周主管', ['supervisor'], { teamId: team.id });
    await user('wu.zhuanyuan', '吴专员', ['specialist'], { teamId: team.id });
    await user('feng.jingli', '冯经理', ['manager'], { departmentId: 1 });
    await admin.put(`/api/teams/${team.id}`, { supervisorId, version: team.version });
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '!=', 'admin').execute();
    browser = await launchBrowser();
    page = await newPage(browser);
    // The customer uses a browser of their own: no session, no cookies of the staff.
    customerPage = await newPage(await launchBrowser());
  });

  afterAll(async () => {
    if (customerPage) await closeBrowser(customerPage.context());
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

  /** Types into a searchable select, waits for the option and takes it with Enter (antd's options are virtual). */
  async function choose(p: Page, select: ReturnType<Page['getByLabel']>, text: string, option: RegExp) {
    await select.click();
    await select.pressSequentially(text);
    await p.getByRole('option', { name: option }).waitFor({ state: 'attached' });
    await p.keyboard.press('Enter');
  }

  async function openComplaint() {
    await page.getByRole('menuitem', { name: '投诉管理' }).click();
    await page.getByRole('heading', { name: '投诉管理' }).waitFor();
    await page.getByRole('link', { name: complaintNo }).click();
    await page.getByRole('heading', { name: new RegExp(complaintNo) }).waitFor();
  }

  it('lets a customer file a complaint on the public page without signing in', async () => {
    await customerPage.goto(`${server.baseUrl}/public/complaint`);
    await customerPage.getByRole('heading', { name: '客户投诉' }).waitFor();
    await customerPage.getByLabel('您的姓名').fill('赵女士');
    await customerPage.getByLabel('手机号码').fill(PHONE);
    await choose(customerPage, customerPage.getByLabel('投诉类别'), '服务', /服务态度/);
    await customerPage.getByLabel('投诉内容').fill(CONTENT);
    await customerPage.getByRole('button', { name: '提交投诉' }).click();
    await customerPage.getByText('投诉已受理').waitFor();
    const text = await customerPage.getByText(/投诉编号：TS\d{4}-\d{6}/).textContent();
    complaintNo = /TS\d{4}-\d{6}/.exec(text ?? '')![0];
    expect(complaintNo).toMatch(/^TS\d{4}-\d{6}$/);
  });

  it('lets the manager find it unassigned and assign a handler', async () => {
    await signInAs('feng.jingli');
    await openComplaint();
    await page.getByText('该投诉尚未指定处理人，请分派。').waitFor();
    await page.getByRole('button', { name: '分派处理人' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, dialog.getByLabel('处理人'), '吴', /吴专员/);
    await dialog.getByRole('button', { name: '分派' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('吴专员').first().waitFor();
  });

  it('lets the handler contact the customer and submit an opinion for the supervisor’s approval', async () => {
    await signInAs('wu.zhuanyuan');
    await openComplaint();
    await page.getByRole('button', { name: '记录首次联系' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('联系情况').fill('已电话联系赵女士，了解经过并致歉。');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '提交处理意见' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('处理意见', { exact: true }).fill(OPINION);
    await dialog.getByRole('button', { name: '提交审批' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: new RegExp(complaintNo) }).getByText('意见审批中').waitFor();
    // The customer cannot be told before the approval.
    expect(await page.getByRole('button', { name: '告知客户' }).count()).toBe(0);
  });

  it('lets the supervisor approve the opinion', async () => {
    await signInAs('zhou.zhuguan');
    await openComplaint();
    await page.getByRole('button', { name: '通过', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '通过', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: new RegExp(complaintNo) }).getByText('意见已批准').waitFor();
  });

  it('lets the handler tell the customer the approved result', async () => {
    await signInAs('wu.zhuanyuan');
    await openComplaint();
    await page.getByText('处理意见已获批准，请及时告知客户。').waitFor();
    await page.getByRole('button', { name: '告知客户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('客户反应').fill('客户表示接受。');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: new RegExp(complaintNo) }).getByText('已答复客户').waitFor();
  });

  it('starts the satisfaction rating empty, keeps a clicked star, and asks for a rating in words of its own', async () => {
    await page.getByRole('button', { name: '客户确认满意' }).click();
    const dialog = page.getByRole('dialog');
    const stars = dialog.getByRole('radio');
    await stars.first().waitFor();
    const checked = () => dialog.locator('[role="radio"][aria-checked="true"]').count();
    expect(await checked()).toBe(0);
    await dialog.getByRole('button', { name: '办结' }).click();
    await dialog.getByText('请选择客户对处理结果的满意度（1–5 星）').waitFor();
    expect(await dialog.getByText(/数值过小|期望|expected/).count()).toBe(0);
    await stars.nth(4).click();
    expect(await checked()).toBe(5);
    // Clicking the chosen star again keeps it.
    await stars.nth(4).click();
    expect(await checked()).toBe(5);
    await stars.nth(2).click();
    expect(await checked()).toBe(3);
    // The customer confirms on the public page instead.
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('lets the customer check the progress with number and phone and confirm being satisfied', async () => {
    await customerPage.goto(`${server.baseUrl}/public/complaint?tab=lookup`);
    await customerPage.getByLabel('投诉编号').fill(complaintNo);
    await customerPage.getByLabel('手机号码').fill(PHONE);
    await customerPage.getByRole('button', { name: '查询', exact: true }).click();
    await customerPage.getByText(OPINION).waitFor();
    await customerPage.getByText('您对处理结果是否满意？').waitFor();
    await customerPage.getByRole('button', { name: '确认满意' }).click();
    await customerPage.getByText('您已确认满意，投诉办结').waitFor();
    // A wrong phone shows nothing of it.
    await customerPage.goto(`${server.baseUrl}/public/complaint?tab=lookup`);
    await customerPage.getByLabel('投诉编号').fill(complaintNo);
    await customerPage.getByLabel('手机号码').fill('13800000000');
    await customerPage.getByRole('button', { name: '查询', exact: true }).click();
    await customerPage.getByText('未找到该投诉，请核对投诉编号和手机号码').waitFor();
    expect(await customerPage.getByText(CONTENT).count()).toBe(0);
  });

  it('counts it on the analysis page', async () => {
    await signInAs('feng.jingli');
    await openComplaint();
    await page.getByRole('heading', { name: new RegExp(complaintNo) }).getByText('已办结').waitFor();
    // The close time under its own label; 处理期限 keeps the deadline and how it was met.
    const closedAt = page.getByTestId('complaint-closed-at');
    expect(await closedAt.textContent()).toMatch(/^办结时间\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await page.getByText(/已于 .* 完成|超期完成/).first().waitFor();
    // The phone is masked, shown in full through the audited reveal.
    await page.getByText('138****5678').waitFor();
    expect(await page.getByText(PHONE).count()).toBe(0);
    await page.getByRole('button', { name: '显示联系电话' }).click();
    await page.getByText(PHONE).waitFor();
    await page.getByRole('menuitem', { name: '投诉管理' }).click();
    await page.getByRole('button', { name: '投诉分析' }).click();
    await page.getByRole('heading', { name: '投诉分析' }).waitFor();
    const summary = page.getByRole('region', { name: '投诉处理指标' });
    await expect.poll(async () => (await summary.getByRole('row', { name: /受理投诉/ }).textContent()) ?? '').toContain('1');
    expect(await summary.getByRole('row', { name: /已办结/ }).textContent()).toContain('1');
    expect(await summary.getByRole('row', { name: /满意度平均分/ }).textContent()).toContain('5');
    const categories = page.getByRole('region', { name: '按投诉类别' });
    expect(await categories.getByRole('row', { name: /服务态度/ }).textContent()).toContain('1');
  });
});
