import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * The second browser test (issue 5 points 9–10, docs/regulations.md §11): a customer answers a
 * satisfaction survey through their personal link in a fresh browser without signing in, cannot use
 * the link a second time, and the staff member then sees the answer in the campaign summary.
 * Locators are roles and labels only.
 */
describe('satisfaction survey: personal link → answer once → campaign summary', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let customerBrowser: BrowserContext;
  let staffBrowser: BrowserContext;
  let linkPath = '';
  const CAMPAIGN = '2026 年度售后服务满意度调查';

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    const team = json(await admin.post('/api/teams', { name: '售后服务组', departmentId: 1 }));
    const user = async (username: string, displayName: string, roles: string[], extra: object) =>
      json(await admin.post('/api/users', { username, displayName, password: USER_PASSWORD, roles, ...extra })).id as number;
    await user('feng.jingli', '冯经理', ['manager'], { departmentId: 1 });
    const specialistId = await user('wu.zhuanyuan', '吴专员', ['specialist'], { teamId: team.id });
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '!=', 'admin').execute();
    await admin.post('/api/customers', { name: '北京华远科技有限公司', province: '北京', status: 'formal', ownerId: specialistId });

    // The survey manager prepares a short questionnaire and a campaign, and issues the customer's link.
    const manager = await login(server.app, 'feng.jingli', USER_PASSWORD);
    const tpl = json(
      await manager.post('/api/survey-templates', {
        name: '售后服务回访问卷',
        intro: '为进一步改进和提高本公司的服务工作，现征询您的意见。',
        sections: [
          {
            title: '服务',
            questions: [
              { key: 'attitude', type: 'scale', text: '工作态度', required: true },
              { key: 'efficiency', type: 'scale', text: '服务效率', required: true },
              { key: 'fit', type: 'single', text: '公司的产品是否能满足您的要求', required: true, options: ['完全满足', '基本满足', '不太满足', '非常不满足'] },
              { key: 'ideas', type: 'text', text: '您认为本公司的服务在哪些方面还需要改进', required: false },
            ],
          },
        ],
      }),
    );
    await manager.post(`/api/survey-templates/${tpl.id}/publish`, { version: tpl.version });
    const draft = json(await manager.post('/api/survey-campaigns', { title: CAMPAIGN, templateId: tpl.id, filter: { province: '北京' }, startDate: '2026-11-24', endDate: '2026-12-31' }));
    const started = json(await manager.post(`/api/survey-campaigns/${draft.id}/start`, { version: draft.version }));
    expect(started.targets).toBe(1);
    const links = json(await manager.post(`/api/survey-campaigns/${draft.id}/links`, {}));
    linkPath = links.items[0].path;
    expect(linkPath).toMatch(/^\/public\/survey\/[A-Za-z0-9_-]{43}$/);
  });

  afterAll(async () => {
    if (customerBrowser) await closeBrowser(customerBrowser);
    if (staffBrowser) await closeBrowser(staffBrowser);
    if (server) await server.stop();
  });

  const choose = async (page: Page, question: string, answer: string) => {
    await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: answer, exact: true }).check();
  };

  it('lets the customer answer through the personal link without signing in', async () => {
    customerBrowser = await launchBrowser();
    const page = await newPage(customerBrowser);
    await page.goto(server.baseUrl + linkPath);
    await page.getByRole('heading', { name: '售后服务回访问卷' }).waitFor();
    await expect(page.getByText('致：北京华远科技有限公司').isVisible()).resolves.toBe(true);
    expect(await page.getByRole('button', { name: '登录' }).count()).toBe(0);

    // Submitting without the required answers names them and sends nothing.
    await page.getByRole('button', { name: '提交问卷' }).click();
    await page.getByText('请回答这一题').first().waitFor();

    await page.getByLabel('填表人姓名（选填）').fill('李经理');
    await choose(page, '工作态度', '满意');
    await choose(page, '服务效率', '比较满意');
    await choose(page, '公司的产品是否能满足您的要求', '完全满足');
    await page.getByRole('textbox', { name: '您认为本公司的服务在哪些方面还需要改进' }).fill('希望节假日也能安排上门服务');
    await page.getByRole('button', { name: '提交问卷' }).click();
    await page.getByText('提交成功').waitFor();
  });

  it('refuses the same link a second time with a clear message', async () => {
    const page = await newPage(customerBrowser);
    await page.goto(server.baseUrl + linkPath);
    await page.getByText('您已提交过本问卷').first().waitFor();
    await expect(page.getByText('该链接只能使用一次').isVisible()).resolves.toBe(true);
    expect(await page.getByRole('button', { name: '提交问卷' }).count()).toBe(0);
  });

  it('shows the answer in the campaign summary to the staff member', async () => {
    staffBrowser = await launchBrowser();
    const page = await newPage(staffBrowser);
    await signIn(page, server.baseUrl, 'feng.jingli', USER_PASSWORD);
    await page.getByRole('menuitem', { name: '满意度调查' }).click();
    await page.getByRole('link', { name: CAMPAIGN }).click();
    await page.getByRole('heading', { name: CAMPAIGN }).waitFor();
    await page.getByRole('tab', { name: '结果分析' }).waitFor();

    const stat = (title: string) => page.getByRole('group', { name: title, exact: true });
    await expect(stat('答卷').getByText('1', { exact: true }).isVisible()).resolves.toBe(true);
    await stat('答复率').getByText('100.0%').waitFor();
    // 满意 100 and 比较满意 75 → (100 + 75) / 2
    await stat('满意度指数').getByText('87.5').waitFor();
    await page.getByRole('img', { name: '各题满意度分布' }).waitFor();
    await page.getByText('希望节假日也能安排上门服务').waitFor();

    await page.getByRole('tab', { name: '调查对象' }).click();
    const row = page.getByRole('row', { name: /北京华远科技有限公司/ });
    await row.getByText('已答卷').waitFor();
    await expect(row.getByText('在线链接').isVisible()).resolves.toBe(true);
    await expect(row.getByText('链接已使用').isVisible()).resolves.toBe(true);
  });
});
