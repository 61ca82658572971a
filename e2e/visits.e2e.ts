import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * Visits in a real browser (docs/regulations.md §8): a specialist records an on-site visit with the scored
 * 走访客户报告单 and the customer's signature drawn on the page, then opens the A4 print view and sees the scores.
 */
describe('visits: record a visit with a scored report and a signature → print view', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  let customerId: number;
  const CUSTOMER = '北京华宇科技有限公司';

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    const team = json(await admin.post('/api/teams', { name: '大客户一组', departmentId: 1 })).id;
    await admin.post('/api/users', { username: 'wang.zhuanyuan', displayName: '王专员', password: USER_PASSWORD, roles: ['specialist'], teamId: team });
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'wang.zhuanyuan').execute();
    const specialist = await login(server.app, 'wang.zhuanyuan', USER_PASSWORD);
    customerId = json(await specialist.post('/api/customers', { name: CUSTOMER, address: '北京市朝阳区建国路 88 号', legalRepresentative: '赵建国' })).id;
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('records the visit, the 优良 / 良好 / 知名 report (90 / 85 / 70) and the drawn signature, and prints the report', async () => {
    await signIn(page, server.baseUrl, 'wang.zhuanyuan', USER_PASSWORD);
    await page.goto(`${server.baseUrl}/customers/${customerId}?tab=visits`);
    await page.getByRole('button', { name: '新建回访记录' }).click();
    await page.getByRole('heading', { name: '客户回访记录表', level: 2 }).waitFor();
    await page.getByLabel('联系人').fill('赵总');
    await page.getByLabel('沟通要点').fill('明年采购计划与交货周期');
    await page.getByText('较好', { exact: true }).click();
    await page.getByLabel('客户意见与要求').fill('希望缩短交货周期');

    // The customer signs on the pad.
    const pad = page.getByRole('img', { name: '客户签字板' });
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 120);
    await page.mouse.down();
    await page.mouse.move(box.x + 140, box.y + 50, { steps: 8 });
    await page.mouse.move(box.x + 260, box.y + 130, { steps: 8 });
    await page.mouse.up();
    expect(await page.getByRole('button', { name: '清除签字' }).isEnabled()).toBe(true);

    await page.getByLabel('同时填写走访客户报告单').check();
    await page.getByText('优良 90', { exact: true }).first().click(); // quality
    await page.getByText('良好 85', { exact: true }).nth(1).click(); // service
    await page.getByText('知名 70', { exact: true }).click(); // brand awareness
    expect(await page.getByRole('radio', { name: '较好' }).isChecked()).toBe(true);
    await page.getByRole('status').filter({ hasText: '质量 90 分 · 服务 85 分 · 知名度 70 分 · 平均 81.7 分' }).waitFor();
    await page.getByRole('button', { name: '保存' }).click();

    await page.getByRole('heading', { name: `回访记录 · ${CUSTOMER}`, level: 2 }).waitFor();
    const signature = page.getByRole('img', { name: '客户签字' });
    await signature.waitFor();
    expect(await signature.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).toBe(true);

    await page.getByRole('button', { name: '打印 走访客户报告单' }).click();
    const sheet = page.getByRole('article', { name: '走访客户报告单' });
    await sheet.waitFor();
    const text = (await sheet.textContent()) ?? '';
    expect(text).toContain(CUSTOMER);
    expect(text).toContain('北京市朝阳区建国路 88 号');
    expect(text).toContain('\u2611 优良90 分');
    expect(text).toContain('\u2611 良好85 分');
    expect(text).toContain('\u2611 知名70 分');
    expect(text).toContain('质量 90 分 · 服务 85 分 · 知名度 70 分 · 平均 81.7 分');
    expect(await sheet.getByRole('img', { name: '客户单位盖章（签名）图片' }).evaluate((img) => (img as HTMLImageElement).naturalWidth > 0)).toBe(true);
    // print media hides the toolbar
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
  });
});
