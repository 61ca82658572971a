import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, USER_PASSWORD } from '../test/harness';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';

/**
 * Customer development (docs/regulations.md §6) in a real browser: a specialist enters a prospect, moves it on the
 * board with the keyboard buttons, wins it, writes the 客户开发记录表 and links it to the archive's existing
 * customer the duplicate check names; then drafts a development plan, submits it and opens the A4 view.
 */
describe('customer development', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let ctx: BrowserContext;
  let page: Page;
  const creditCode = '91330100MA2B3C4D5N';

  /** Set-up through the API as the administrator: a team, the specialist, the department head, 经理办公会. */
  async function api(method: string, url: string, body?: unknown, cookie?: string, csrf?: string) {
    const res = await fetch(server.baseUrl + url, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json().catch(() => null)) as any, cookies: res.headers.getSetCookie() };
  }
  async function session(username: string, password: string) {
    const res = await api('POST', '/api/auth/login', { username, password });
    const cookie = res.cookies.map((c) => c.split(';')[0]).join('; ');
    return { cookie, csrf: res.json.csrfToken as string };
  }

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await session('admin', ADMIN_PASSWORD);
    const call = (method: string, url: string, body?: unknown) => api(method, url, body, admin.cookie, admin.csrf);
    const team = (await call('POST', '/api/teams', { name: '客户开发组', departmentId: 1 })).json.id;
    const user = async (username: string, displayName: string, roles: string[], extra: object) => {
      const id = (await call('POST', '/api/users', { username, displayName, password: USER_PASSWORD, roles, ...extra })).json.id as number;
      // A new account must change its password first; this journey starts after that.
      await call('POST', `/api/users/${id}/reset-password`, { password: USER_PASSWORD, mustChange: false });
      return id;
    };
    await user('zhou.min', '周敏', ['specialist'], { teamId: team });
    const head = await user('chen.jie', '陈杰', ['manager'], { departmentId: 1 });
    const gm = await user('liu.zong', '刘总', ['director'], { departmentId: 1 });
    const dept = (await call('GET', '/api/departments/1')).json;
    await call('PUT', '/api/departments/1', { headId: head, version: dept.version });
    const group = (await call('GET', '/api/approval-groups')).json.items.find((g: any) => g.key === 'management_meeting');
    await call('PUT', `/api/approval-groups/${group.id}`, { memberIds: [gm], version: group.version });
    // A customer already in the archive: the development record's duplicate check will name it.
    const spec = await session('zhou.min', USER_PASSWORD);
    expect((await api('POST', '/api/customers', { name: '杭州万达建材有限公司', creditCode }, spec.cookie, spec.csrf)).status).toBe(201);

    ctx = await launchBrowser();
    page = await newPage(ctx);
  });

  afterAll(async () => {
    if (ctx) await closeBrowser(ctx);
    if (server) await server.stop();
  });

  const column = (stage: string) => page.getByRole('region', { name: `${stage}阶段` });

  it('enters a prospect and moves it along the board with the keyboard buttons', async () => {
    await signIn(page, server.baseUrl, 'zhou.min', USER_PASSWORD);
    await page.getByRole('menuitem', { name: '潜在客户' }).click();
    await page.getByRole('heading', { name: '潜在客户', level: 2 }).waitFor();
    await page.getByRole('button', { name: '新增潜在客户' }).click();
    const form = page.getByRole('dialog', { name: '新增潜在客户' });
    await form.getByLabel('公司名称').fill('杭州万达新型建材有限公司');
    await form.getByLabel('联系人').fill('钱峰');
    await form.getByLabel('联系电话').fill('13700001111');
    // antd lists options for assistive technology only around the active one: move there with the keyboard.
    await form.getByLabel('开发渠道').click();
    await page.getByRole('option', { name: '网络营销' }).waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: '展会' }).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    await form.getByLabel('预计金额（万元）').fill('120');
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: /杭州万达新型建材有限公司/ }).waitFor();

    await page.getByRole('menuitem', { name: '潜在客户' }).click();
    const card = column('潜在客户接触').getByRole('link', { name: '杭州万达新型建材有限公司' });
    await card.waitFor();
    // The list masks the phone.
    await column('潜在客户接触').getByText('钱峰 · 137****1111').waitFor();
    await column('潜在客户接触').getByRole('button', { name: '移到下一阶段“需求挖掘”（杭州万达新型建材有限公司）' }).click();
    const forward = page.getByRole('dialog', { name: /变更阶段/ });
    // The target stage is the one the button named; the note is optional going forward.
    await forward.getByLabel('说明').fill('客户对新型墙材感兴趣');
    await forward.getByRole('button', { name: '确定' }).click();
    await column('需求挖掘').getByRole('link', { name: '杭州万达新型建材有限公司' }).waitFor();
    expect(await column('需求挖掘').getByText('预计 120 万元').count()).toBe(1);

    // Back a stage needs a note: the dialog says so and nothing moves.
    await column('需求挖掘').getByRole('button', { name: '移到上一阶段“潜在客户接触”（杭州万达新型建材有限公司）' }).click();
    await page.getByRole('dialog', { name: /变更阶段/ }).getByRole('button', { name: '确定' }).click();
    await page.getByText('退回到之前的阶段或重新启用已流失的客户时，请填写说明').first().waitFor();
    await page.keyboard.press('Escape');
    await column('需求挖掘').getByRole('link', { name: '杭州万达新型建材有限公司' }).waitFor();
  });

  it('wins the prospect and links it to the existing customer the duplicate check names', async () => {
    await column('需求挖掘').getByRole('link', { name: '杭州万达新型建材有限公司' }).click();
    await page.getByRole('heading', { name: /杭州万达新型建材有限公司/ }).waitFor();
    await page.getByRole('button', { name: '变更阶段' }).click();
    const move = page.getByRole('dialog', { name: /变更阶段/ });
    await move.getByLabel('目标阶段').click();
    await page.getByRole('option', { name: '潜在客户接触' }).waitFor({ state: 'attached' });
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: '合同签订' }).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    await move.getByRole('button', { name: '确定' }).click();
    await page.getByText('已移到“合同签订”').waitFor();
    // The stage history, newest first.
    await page.getByText('需求挖掘 → 合同签订').waitFor();
    await page.getByText('潜在客户接触 → 需求挖掘').waitFor();

    await page.getByRole('button', { name: '填写客户开发记录表' }).click();
    const dialog = page.getByRole('dialog', { name: '客户开发记录表' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('客户名称').inputValue()).toBe('杭州万达新型建材有限公司');
    await dialog.getByLabel('统一社会信用代码').fill(creditCode);
    await dialog.getByLabel('销售产品').fill('新型墙材');
    await dialog.getByLabel('开发经过说明').fill('展会结识，三次拜访后签约');
    await dialog.getByRole('button', { name: '保存并登记到客户档案' }).click();
    const suspects = page.getByRole('dialog', { name: '客户档案中可能已有该客户' });
    await suspects.waitFor();
    await suspects.getByText('杭州万达建材有限公司').waitFor();
    await suspects.getByRole('button', { name: /关联此客户/ }).click();
    await page.getByText(/已登记到客户档案 KH\d{4}-\d{6}/).waitFor();
    await page.getByRole('link', { name: /KH\d{4}-\d{6} 杭州万达建材有限公司/ }).first().waitFor();
    // Won and in the archive: the stage no longer moves.
    expect(await page.getByRole('button', { name: '变更阶段' }).count()).toBe(0);
  });

  it('drafts a development plan, submits it to the department head and prints it on A4', async () => {
    await page.getByRole('menuitem', { name: '开发计划' }).click();
    await page.getByRole('button', { name: '新建开发计划' }).click();
    await page.getByRole('heading', { name: '新建开发计划', level: 2 }).waitFor();
    await page.getByLabel('计划名称', { exact: true }).fill('2026 年第四季度客户开发计划');
    await page.getByLabel('计划期间', { exact: true }).click();
    await page.keyboard.type('2026-10-01');
    await page.keyboard.press('Enter');
    await page.keyboard.type('2026-12-31');
    await page.keyboard.press('Enter');
    await page.getByLabel('需要其他部门的支持').fill('技术部派一名工程师参加产品演示');
    await page.getByLabel('客户名称').fill('绍兴纺织集团有限公司');
    await page.getByLabel('拜访对象').fill('沈洁');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('heading', { name: /2026 年第四季度客户开发计划/ }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/development\/plans\/\d+$/);
    const planPath = new URL(page.url()).pathname;

    await page.getByRole('button', { name: '提交审批' }).click();
    await page.getByLabel('提交说明（可选）').fill('请审批');
    await page.getByRole('dialog').getByRole('button', { name: '提交审批' }).click();
    await page.getByText('已提交审批').first().waitFor();
    await page.getByText('计划正在审批中，不能修改；审批人退回后可修改并重新提交。').waitFor();
    await page.getByText('部门负责人审批').first().waitFor();

    await page.goto(`${server.baseUrl}${planPath}/print`);
    await page.getByRole('heading', { name: '客户开发计划', level: 1 }).waitFor();
    await page.getByRole('columnheader', { name: '访问情况简述' }).waitFor();
    await page.getByRole('cell', { name: '绍兴纺织集团有限公司' }).waitFor();
    await page.getByRole('cell', { name: '技术部派一名工程师参加产品演示' }).waitFor();
    await page.getByRole('heading', { name: '审批情况' }).waitFor();
    await page.getByRole('cell', { name: '请审批' }).waitFor();
    // Printed, the toolbar disappears and the text is set in a Chinese serif.
    await page.emulateMedia({ media: 'print', reducedMotion: 'reduce' });
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    const font = await page.locator('article').evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toContain('Noto Serif CJK SC');
  });

  it('shows 开发进度 as a chart by owner and month above the table', async () => {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${server.baseUrl}/development/progress`);
    await page.getByRole('heading', { name: '客户开发进度' }).waitFor();
    const chart = page.getByRole('img', { name: '各负责人每月新增潜在客户' });
    await chart.waitFor();
    expect(await chart.locator('canvas').count()).toBe(1);
  });
});
