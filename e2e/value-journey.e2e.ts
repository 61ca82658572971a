import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { xlsx } from '../test/fixtures/customer-files';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * The customer-value journey in a real browser (docs/regulations.md §2 archive section 3, §3, §4, §5): the
 * supervisor imports a transactions workbook that takes a customer over the large line; with the company's
 * grading standard and the customer's confirmed evaluation, the grading board proposes grade A; the
 * supervisor confirms it and finds the classes, grade, evaluation, credit and membership on the customer's
 * 客户价值 tab, and the change of class and the confirmed grade in its 变更记录. Roles and labels only.
 */
describe('customer value: import transactions → grade proposed on the board → confirmed → value panel and history', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  let customer: { id: number; archiveNo: string };
  let memberId: number;
  const CUSTOMER = '杭州西湖茶业有限公司';
  const year = new Date().getFullYear();

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    const team = json(await admin.post('/api/teams', { name: '大客户一组', departmentId: 1 }));
    const sup = json(await admin.post('/api/users', { username: 'zheng.zhuguan', displayName: '郑主管', password: USER_PASSWORD, roles: ['supervisor'], departmentId: 1, teamId: team.id }));
    await admin.post('/api/users', { username: 'wang.zhuanyuan', displayName: '王专员', password: USER_PASSWORD, roles: ['specialist'], departmentId: 1, teamId: team.id });
    const fresh = json(await admin.get(`/api/teams/${team.id}`));
    await admin.put(`/api/teams/${team.id}`, { supervisorId: sup.id, version: fresh.version });
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', 'in', ['zheng.zhuguan', 'wang.zhuanyuan']).execute();

    // The company's standard: a large customer evaluated at 80 or more is key (A) whatever its industry.
    const settings = json(await admin.get('/api/settings')).groups as { items: { key: string; version: number }[] }[];
    const standard = settings.flatMap((g) => g.items).find((s) => s.key === 'grading.standard')!;
    const put = await admin.put('/api/settings/grading.standard', {
      value: [
        { amountClass: 'large', minScore: 80, grade: 'A' },
        { amountClass: 'large', grade: 'B' },
        { amountClass: 'medium', grade: 'B' },
      ],
      version: standard.version,
    });
    expect(put.statusCode).toBe(200);

    // The specialist's customer, evaluated at 82 and confirmed by the team's supervisor.
    const specialist = await login(server.app, 'wang.zhuanyuan', USER_PASSWORD);
    const supervisor = await login(server.app, 'zheng.zhuguan', USER_PASSWORD);
    customer = json(await specialist.post('/api/customers', { name: CUSTOMER, industry: '批发和零售业' }));
    const template = json(await specialist.get('/api/evaluation-templates')).items[0] as { id: number; indicators: { id: number; name: string }[] };
    const draft = await specialist.post('/api/evaluations', {
      customerId: customer.id,
      templateId: template.id,
      evaluatedOn: `${year}-11-20`,
      scores: template.indicators.map((i) => ({ indicatorId: i.id, score: 82, basis: `${i.name}：季度记录良好` })),
    });
    expect(draft.statusCode).toBe(201);
    const submitted = json(await specialist.post(`/api/evaluations/${json(draft).id}/submit`, { version: json(draft).version }));
    expect((await supervisor.post(`/api/evaluations/${submitted.id}/confirm`, { version: submitted.version })).statusCode).toBe(200);

    // A member since New Year, before any purchase: points come from the imported transactions.
    memberId = json(await supervisor.post('/api/members', { customerId: customer.id, joinedOn: `${year}-01-01` })).id;

    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('imports purchases over the large line, confirms the proposed grade A on the board, and shows the value panel and the history', async () => {
    const file = await xlsx(
      [
        ['单据号', '客户档案编号', '客户名称', '交易日期', '产品名称', '规格型号', '数量', '单价', '业务员'],
        ['XH-0001', customer.archiveNo, null, `${year}-03-01`, '明前龙井', '特级 500g', 400, 2000, '王专员'],
        ['XH-0002', null, CUSTOMER, `${year}/6/15`, '年度茶礼定制', '礼盒装', 1000, 500, '王专员'],
      ],
      '交易',
    );

    await signIn(page, server.baseUrl, 'zheng.zhuguan', USER_PASSWORD);

    // 1. The import wizard: mapping, report, commit.
    await page.getByRole('menuitem', { name: '交易记录' }).click();
    await page.getByRole('heading', { name: '交易记录', exact: true }).waitFor();
    await page.getByRole('button', { name: '导入' }).click();
    await page.getByRole('heading', { name: '导入交易记录' }).waitFor();
    await page.getByLabel('选择文件').setInputFiles({ name: '茶业交易.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await page.getByText('文件：茶业交易.xlsx').first().waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('全部 2 行校验通过').waitFor();
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('已导入 2 行', { exact: true }).waitFor();
    await page.getByRole('button', { name: '返回交易记录' }).last().click();
    await page.getByRole('row', { name: /明前龙井.*特级 500g/ }).waitFor();

    // 2. The grading board: 800,000 + 500,000 makes it large, and the confirmed evaluation of 82 gives A.
    await page.getByRole('menuitem', { name: '客户分级' }).click();
    await page.getByRole('heading', { name: '客户分级', level: 2 }).waitFor();
    await page.getByRole('button', { name: '重新生成建议' }).click();
    const row = page.getByRole('row', { name: new RegExp(CUSTOMER) });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('未定级');
    expect(text).toContain('A 重点客户');
    expect(text).toContain('大客户');
    expect(text).toContain('82 分');
    expect(text).toContain('分级标准第 1 条：大客户、最近评估 82 分 ≥ 80 分 → A');
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: '确认所选（1）' }).click();
    await page.getByText('已确认 1 个客户的等级').waitFor();
    await row.waitFor({ state: 'detached' });

    // The points of the imported purchases, as the membership job would earn them.
    const supervisor = await login(server.app, 'zheng.zhuguan', USER_PASSWORD);
    expect((await supervisor.post(`/api/members/${memberId}/process`, {})).statusCode).toBe(200);

    // 3. The customer's 客户价值 tab: class with its reason, grade, evaluation, credit, membership.
    await page.goto(`${server.baseUrl}/customers/${customer.id}`);
    await page.getByRole('heading', { name: CUSTOMER }).first().waitFor();
    await page.getByRole('tab', { name: '客户价值' }).click();
    const value = page.getByRole('tabpanel');
    const classes = value.locator('[data-section="class"]');
    await classes.getByText('大客户', { exact: true }).waitFor();
    await classes.getByText(`${year} 年采购额 ¥1,300,000 ≥ 大客户线 ¥1,000,000`).waitFor();
    expect(await classes.textContent()).toContain('¥1,300,000.00');

    const grade = value.locator('[data-section="grade"]');
    await grade.getByText('当前等级').waitFor();
    await grade.getByText(/未定级 → A 重点客户（郑主管/).waitFor();
    expect(await grade.textContent()).toContain('分级标准第 1 条：大客户、最近评估 82 分 ≥ 80 分 → A');

    const evaluation = value.locator('[data-section="evaluation"]');
    await evaluation.getByText('最近评估总分').waitFor();
    expect(await evaluation.textContent()).toContain('82');
    await evaluation.getByText('维持关系').waitFor();
    await evaluation.getByText('已确认').waitFor();

    const credit = value.locator('[data-section="credit"]');
    await credit.getByText('信用与风险').waitFor();
    await credit.getByText('信用等级').waitFor();

    const membership = value.locator('[data-section="membership"]');
    await membership.getByRole('link', { name: /^HY/ }).waitFor();
    // ¥1,300,000 at 1 point per yuan: over the 钻石 threshold of 200,000.
    await membership.getByText('钻石', { exact: true }).waitFor();

    // 4. The 变更记录: the change of class caused by the import and the confirmed grade.
    await page.getByRole('tab', { name: '变更记录' }).click();
    await page.getByText(new RegExp(`客户分类：未分类 → 大客户。${year} 年采购额 ¥1,300,000 ≥ 大客户线 ¥1,000,000`)).waitFor();
    await page.getByText('确认等级').first().waitFor();
    await page.getByText('确认客户等级：分级标准第 1 条：大客户、最近评估 82 分 ≥ 80 分 → A').first().waitFor();
    // The grade by its name, as on the board and the value panel.
    await page.getByText(/客户等级[：:]\s*（空）\s*→\s*A 重点客户/).first().waitFor();
  });
});
