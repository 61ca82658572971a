import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * Field work in a real browser (docs/regulations.md §8): a specialist plans next month's visits from the
 * suggestions, the supervisor approves from the approvals queue, the specialist records the planned visit with a
 * scored report and a signature, the compliance view shows the customer in time and the report prints.
 */
describe('field journey: plan → approve → visit with report and signature → cadence in time → print', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  let customerId: number;
  const CUSTOMER = '北京华宇科技有限公司';

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    const team = json(await admin.post('/api/teams', { name: '大客户一组', departmentId: 1 })).id;
    for (const [username, displayName, role] of [
      ['wang.zhuanyuan', '王专员', 'specialist'],
      ['li.zhuguan', '李主管', 'supervisor'],
    ]) {
      await admin.post('/api/users', { username, displayName, password: USER_PASSWORD, roles: [role], teamId: team });
      await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '=', username).execute();
    }
    const supervisor = await server.db.kysely.selectFrom('users').select('id').where('username', '=', 'li.zhuguan').executeTakeFirstOrThrow();
    await server.db.kysely.updateTable('teams').set({ supervisor_id: supervisor.id }).where('id', '=', team).execute();
    const specialist = await login(server.app, 'wang.zhuanyuan', USER_PASSWORD);
    customerId = json(await specialist.post('/api/customers', { name: CUSTOMER, address: '北京市朝阳区建国路 88 号', legalRepresentative: '赵建国' })).id;
    // a large customer (monthly) last called 40 days ago: overdue, so it is suggested first
    await server.db.kysely.transaction().execute((trx) => server.services.customers.setGrades(trx, null, [{ customerId, grade: 'A', reason: '年采购额大' }]));
    const called = await specialist.post('/api/visits', { customerId, method: 'phone', kind: 'call', visitedAt: new Date(Date.now() - 40 * 86_400_000).toISOString() });
    expect(called.statusCode, called.body).toBe(201);
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  async function signOut() {
    await page.getByRole('button', { name: '用户菜单' }).click();
    await page.getByText('退出登录').click();
  }

  it('plans next month from the suggestions, gets it approved, carries it out and prints the report', async () => {
    await signIn(page, server.baseUrl, 'wang.zhuanyuan', USER_PASSWORD);
    await page.goto(`${server.baseUrl}/visits/plans`);
    await page.getByRole('heading', { name: '回访计划', level: 2 }).waitFor();
    await page.getByRole('button', { name: '开始制定' }).click();
    await page.getByRole('heading', { name: /回访计划表 · 月度计划/, level: 2 }).waitFor();

    // the overdue customer is suggested with its days; one click adds it as a line
    await page.getByText(/已逾期 \d+ 天/).waitFor();
    await page.getByRole('button', { name: `把 ${CUSTOMER} 加入计划` }).click();
    await page.getByLabel('第 1 行地点').fill('客户总部');
    await page.getByLabel('第 1 行预计费用').fill('150');
    await page.getByRole('button', { name: '提交主管审核' }).click();
    await page.getByText('已提交主管审核').waitFor();
    await page.getByText('待审核', { exact: true }).first().waitFor();
    await signOut();

    // the supervisor finds it in the approvals queue, as other documents
    await signIn(page, server.baseUrl, 'li.zhuguan', USER_PASSWORD);
    await page.getByRole('menuitem', { name: '审批待办' }).click();
    await page.getByRole('heading', { name: '审批待办' }).waitFor();
    await page.getByRole('link', { name: /王专员/ }).waitFor();
    await page.getByRole('button', { name: '展开行' }).first().click();
    await page.getByRole('button', { name: '通过', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '通过', exact: true }).click();
    await page.getByText('暂无待您审批的事项').waitFor();
    await signOut();

    // the specialist records the planned visit from the plan, with the scored report and the signature
    await signIn(page, server.baseUrl, 'wang.zhuanyuan', USER_PASSWORD);
    await page.goto(`${server.baseUrl}/visits/plans`);
    await page.getByRole('cell', { name: '已通过' }).waitFor();
    await page.getByRole('link', { name: /月度计划/ }).click();
    await page.getByRole('link', { name: '记录回访' }).click();
    await page.getByRole('heading', { name: '客户回访记录表', level: 2 }).waitFor();
    await page.getByText(/例行回访（月度计划/).waitFor(); // the plan line is chosen
    await page.getByLabel('沟通要点').fill('明年采购计划与交货周期');
    const pad = page.getByRole('img', { name: '客户签字板' });
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 120);
    await page.mouse.down();
    await page.mouse.move(box.x + 160, box.y + 50, { steps: 8 });
    await page.mouse.up();
    await page.getByLabel('同时填写走访客户报告单').check();
    await page.getByText('优良 90', { exact: true }).first().click();
    await page.getByText('良好 85', { exact: true }).nth(1).click();
    await page.getByText('知名 70', { exact: true }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: `回访记录 · ${CUSTOMER}`, level: 2 }).waitFor();
    await page.getByRole('img', { name: '客户签字' }).waitFor();

    // the plan shows the line done
    await page.goto(`${server.baseUrl}/visits/plans`);
    await page.getByText('已完成 1 / 1').waitFor();

    // the compliance view: the customer is in time, nobody owed
    await page.goto(`${server.baseUrl}/cadence`);
    await page.getByText('没有待回访或逾期的客户').waitFor();

    // the report prints as the seed form
    await page.goBack();
    await page.goBack();
    await page.getByRole('button', { name: '打印 走访客户报告单' }).click();
    const sheet = page.getByRole('article', { name: '走访客户报告单' });
    await sheet.waitFor();
    const text = (await sheet.textContent()) ?? '';
    expect(text).toContain(CUSTOMER);
    expect(text).toContain('质量 90 分 · 服务 85 分 · 知名度 70 分 · 平均 81.7 分');
  });
});
