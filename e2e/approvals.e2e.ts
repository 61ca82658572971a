import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalDocument } from '../server/modules/approvals/approvals.types';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login, type Client } from '../test/harness';

/**
 * The approval engine in a real browser (issue 4 §1, docs/regulations.md §18): an approver's 审批待办 queue with the
 * approval panel (return with a comment, approve), and the administrator's chain editor and groups.
 * The document type is registered by the test itself; document modules embed the same panel.
 */
describe('approvals: queue → return → resubmit → approve; chain and group administration', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  let applicant: Client;
  let applicantId = 0;
  const docs = new Map<number, ApprovalDocument>();

  async function submit() {
    const actor = await server.services.auth.authenticate(applicant.cookies.get('gx_session'));
    return server.db.kysely
      .transaction()
      .execute((trx) => server.services.approvals.submit(trx, { actor, ip: null, requestId: 'e2e', lang: 'zh-CN' }, 'e2e_plan', 1, null));
  }

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    const team = json(await admin.post('/api/teams', { name: '客户关系一组', departmentId: 1 }));
    const supervisor = json(await admin.post('/api/users', { username: 'wang.zhuguan', displayName: '王主管', password: USER_PASSWORD, roles: ['supervisor'], teamId: team.id }));
    applicantId = json(await admin.post('/api/users', { username: 'zhang.zhuanyuan', displayName: '张专员', password: USER_PASSWORD, roles: ['specialist'], teamId: team.id })).id;
    await admin.post('/api/users', { username: 'chen.zongjian', displayName: '陈总监', password: USER_PASSWORD, roles: ['director'], departmentId: 1 });
    await admin.post('/api/users', { username: 'li.jingli', displayName: '李经理', password: USER_PASSWORD, roles: ['manager'], departmentId: 1 });
    await admin.put(`/api/teams/${team.id}`, { supervisorId: supervisor.id, version: team.version });
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '!=', 'admin').execute();
    applicant = await login(server.app, 'zhang.zhuanyuan', USER_PASSWORD);
    docs.set(1, { applicantId, departmentId: 1, teamId: team.id, title: '华远科技年度维护计划', fields: {}, link: '/approvals' });
    server.services.approvals.registerType({
      type: 'e2e_plan',
      label: { 'zh-CN': '测试计划', 'zh-TW': '測試計劃', en: 'Test plan' },
      defaultChain: [
        { key: 'supervisor', name: { 'zh-CN': '主管审核', 'zh-TW': '主管審核', en: 'Supervisor review' }, approver: { kind: 'supervisor' } },
        { key: 'director', name: { 'zh-CN': '总监审批', 'zh-TW': '總監審批', en: 'Director approval' }, approver: { kind: 'role', role: 'director', within: 'company' } },
      ],
      load: async (_trx, id) => docs.get(id),
      onOutcome: async () => undefined,
    });
    await submit();
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  async function openFirstRow() {
    await page.getByRole('menuitem', { name: '审批待办' }).click();
    await page.getByRole('heading', { name: '审批待办' }).waitFor();
    await page.getByRole('link', { name: '华远科技年度维护计划' }).waitFor();
    await page.getByRole('button', { name: '展开行' }).first().click();
    await page.getByText('主管审核').first().waitFor();
  }

  it('lets the supervisor return the plan to the applicant with a comment from the queue', async () => {
    await signIn(page, server.baseUrl, 'wang.zhuguan', USER_PASSWORD);
    await openFirstRow();
    await page.getByRole('button', { name: '退回', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('审批意见').fill('请补充预算明细');
    await dialog.getByRole('button', { name: '退回', exact: true }).click();
    await page.getByText('已提交审批意见').waitFor();
    await page.getByText('暂无待您审批的事项').waitFor();
  });

  it('shows the resubmitted plan again; the supervisor approves and it moves on to the director', async () => {
    await submit();
    await page.reload();
    await openFirstRow();
    // The history of the first round is on the panel.
    expect(await page.getByText('请补充预算明细').isVisible()).toBe(true);
    await page.getByRole('button', { name: '通过', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '通过', exact: true }).click();
    await page.getByText('暂无待您审批的事项').waitFor();
    const req = json(await applicant.get('/api/approvals?documentType=e2e_plan&documentId=1')).request;
    expect(req).toMatchObject({ status: 'pending', currentStepKey: 'director', currentApprovers: [{ name: '陈总监' }] });
    expect(req.history.map((h: { round: number; action: string }) => `${h.round}:${h.action}`)).toEqual(['1:submit', '1:return', '2:resubmit', '2:approve']);
  });

  it('lets the administrator add a step to a chain (a new version) and name the members of 经理办公会', async () => {
    await page.getByRole('button', { name: '用户菜单' }).click();
    await page.getByText('退出登录').click();
    await signIn(page, server.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.getByRole('menuitem', { name: '审批流程' }).click();
    await page.getByRole('heading', { name: '审批流程' }).waitFor();
    await page.getByRole('button', { name: '编辑 客户开发计划' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('button', { name: '添加步骤' }).click();
    await drawer.getByLabel('步骤名称', { exact: true }).last().fill('总监审批');
    await drawer.getByLabel(/^步骤标识/).last().fill('director_approval');
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();
    const row = page.getByRole('row', { name: /客户开发计划/ });
    await row.getByText('v2').waitFor();
    expect(await row.getByText(/总监审批/).isVisible()).toBe(true);

    await page.getByRole('tab', { name: '审批组' }).click();
    await page.getByRole('button', { name: '编辑 经理办公会' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('成员').click();
    await page.keyboard.type('李经理');
    await page.getByRole('option', { name: /李经理/ }).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    // A multiple select keeps its list open after a choice: click beside it to close the list.
    await dialog.getByText('编辑审批组：经理办公会').click();
    await page.getByRole('option', { name: /李经理/ }).waitFor({ state: 'hidden' });
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('row', { name: /经理办公会/ }).getByText('李经理').waitFor();
    const chains = json(await (await login(server.app, 'admin', ADMIN_PASSWORD)).get('/api/approval-chains')).items;
    expect(chains.find((c: { documentType: string }) => c.documentType === 'development_plan').versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });
});
