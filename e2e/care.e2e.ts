import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

const lunar = createRequire(import.meta.url)('chinese-days') as { getLunarDate(d: string): { lunarMon: number; lunarDay: number } };
const inDays = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Care in a real browser (docs/regulations.md §12): a specialist opens 客户关怀, finds a contact's lunar birthday
 * on its solar day among the coming occasions, records a gift for it and sees it under 关怀记录.
 */
describe('care: a lunar birthday coming up → record the gift', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  const CUSTOMER = '北京华宇科技有限公司';
  const day = inDays(10);

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    const team = json(await admin.post('/api/teams', { name: '大客户一组', departmentId: 1 }));
    await admin.post('/api/users', { username: 'wang.zhuanyuan', displayName: '王专员', password: USER_PASSWORD, roles: ['specialist'], departmentId: 1, teamId: team.id });
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'wang.zhuanyuan').execute();
    const spec = await login(server.app, 'wang.zhuanyuan', USER_PASSWORD);
    const customer = json(await spec.post('/api/customers', { name: CUSTOMER }));
    const l = lunar.getLunarDate(day);
    const md = `${String(l.lunarMon).padStart(2, '0')}-${String(Math.min(l.lunarDay, 29)).padStart(2, '0')}`;
    await spec.post(`/api/customers/${customer.id}/contacts`, { name: '张伟', birthday: `1976-${md}`, birthdayCalendar: 'lunar' });
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('lists the lunar birthday on its solar day and records a gift for it', async () => {
    await signIn(page, server.baseUrl, 'wang.zhuanyuan', USER_PASSWORD);
    await page.getByRole('menuitem', { name: '客户关怀' }).click();
    await page.getByRole('heading', { name: '客户关怀', level: 2 }).waitFor();
    const row = page.getByRole('row', { name: /张伟/ });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('生日');
    expect(text).toContain('农历');
    expect(text).toContain(CUSTOMER);
    // a 30th that the month lacks is kept on the 29th, so the day may be one earlier
    expect([day, inDays(9)].some((d) => text.includes(d))).toBe(true);
    await row.getByRole('button', { name: '记录关怀' }).click();
    const dialog = page.getByRole('dialog', { name: '记录关怀' });
    await dialog.getByLabel('渠道').click();
    await page.getByTitle('礼品').click();
    await dialog.getByLabel('备注').fill('送生日蛋糕');
    await dialog.getByRole('button', { name: /确\s*定|OK|保存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: '关怀记录' }).click();
    const done = page.getByRole('row', { name: /送生日蛋糕/ });
    await done.waitFor();
    expect(await done.textContent()).toContain('礼品');
  });
});
