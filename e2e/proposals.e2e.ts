import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * Proposals in a real browser (docs/regulations.md §14): a specialist records and submits a 客户提案表, the
 * supervisor fills in the 提案评定表 (80 / 90 / 70 / 60 / 50 / 100 → 77.0) and prints it on A4.
 */
describe('proposals: record → assess → print the 评定表', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    const team = json(await admin.post('/api/teams', { name: '售后服务组', departmentId: 1 })).id;
    await admin.post('/api/users', { username: 'wu.zhuanyuan', displayName: '吴专员', password: USER_PASSWORD, roles: ['specialist'], teamId: team });
    await admin.post('/api/users', { username: 'zhou.zhuguan', displayName: '周主管', password: USER_PASSWORD, roles: ['supervisor'], teamId: team });
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', 'in', ['wu.zhuanyuan', 'zhou.zhuguan']).execute();
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('lets the supervisor score a submitted proposal at 77.0 and print the assessment', async () => {
    await signIn(page, server.baseUrl, 'wu.zhuanyuan', USER_PASSWORD);
    await page.getByRole('menuitem', { name: '提案管理' }).click();
    await page.getByRole('button', { name: '新建提案' }).first().click();
    const dialog = page.getByRole('dialog', { name: '新建提案' });
    await dialog.getByLabel('改善项目').fill('售后报修单增加照片上传');
    await dialog.getByLabel('现状问题').fill('报修描述不清，常需二次上门。');
    await dialog.getByLabel('提案内容').fill('报修时允许客户上传故障照片。');
    await dialog.getByLabel('预期效益').fill('减少二次上门约 30%。');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: '售后报修单增加照片上传', level: 2 }).waitFor();
    await page.getByRole('button', { name: '提交评定' }).click();
    await page.getByText('待评定').first().waitFor();
    const url = page.url();

    await page.context().clearCookies();
    await signIn(page, server.baseUrl, 'zhou.zhuguan', USER_PASSWORD);
    await page.goto(url);
    await page.getByRole('button', { name: '填写评定表' }).click();
    const review = page.getByRole('dialog', { name: '提案评定表' });
    for (const [label, score] of [['经济效益', 80], ['完整性', 90], ['创造性', 70], ['适用范围', 60], ['研究时间', 50], ['费用', 100]] as const) {
      await review.getByLabel(new RegExp(`^${label}`)).fill(String(score));
    }
    await review.getByRole('button', { name: '保存' }).click();
    await review.waitFor({ state: 'hidden' });
    await page.getByText('77.0 分').waitFor();

    await page.goto(`${url}/print/review`);
    const sheet = page.getByRole('article', { name: '提案评定表' });
    await sheet.waitFor();
    const text = await sheet.textContent();
    expect(text).toContain('周主管');
    expect(text).toContain('77.0');
    expect(text).toContain('50%');
  });
});
