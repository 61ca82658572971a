import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, USER_PASSWORD, json, login } from '../test/harness';

/**
 * Overdue receivables in a real browser (docs/regulations.md §5): finance enters a receivable 45 days past due on
 * the customer's 信用与风险 tab, and the A rating shows lowered to B with the reason and the overdue badge.
 */
describe('credit: receivable entered → rating lowered on the credit tab', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  let customer: { id: number };
  const shanghaiDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    await admin.post('/api/users', { username: 'cai.wu', displayName: '陈会计', password: USER_PASSWORD, roles: ['finance'], departmentId: 1 });
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'cai.wu').execute();
    customer = json(await admin.post('/api/customers', { name: '北京华宇科技有限公司' }));
    // 100 万元, 5 years, good payment, nothing overdue, no bank rating: 73 points → A.
    const survey = await admin.post(`/api/customers/${customer.id}/credit-surveys`, { surveyDate: shanghaiDay(-60), registeredCapitalWan: 100, yearsInBusiness: 5, paymentRecord: 'good', overdueWan: 0, bankRating: 'none' });
    expect(json(survey).rating.label).toBe('A');
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('lowers the A rating to B on the credit tab when finance enters a receivable 45 days overdue', async () => {
    await signIn(page, server.baseUrl, 'cai.wu', USER_PASSWORD);
    await page.goto(`${server.baseUrl}/customers/${customer.id}?tab=credit`);
    const rating = page.getByTestId('credit-rating');
    await rating.waitFor();
    expect(await rating.textContent()).toBe('A');

    await page.getByRole('button', { name: '登记应收账款' }).click();
    const dialog = page.getByRole('dialog', { name: '登记应收账款' });
    await dialog.getByLabel('单据号').fill('AR-2026-0001');
    await dialog.getByLabel('应收金额（元）').fill('80000');
    await dialog.getByLabel('到期日').fill(shanghaiDay(-45));
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('row', { name: /AR-2026-0001/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('逾期 45 天');
    await page.getByTestId('credit-rating').filter({ hasText: '评定结果 A，因逾期应收账款下调 1 级' }).waitFor();
    expect(await page.getByTestId('credit-rating').textContent()).toBe('B评定结果 A，因逾期应收账款下调 1 级');
    // The reason in words, and the history entry under it.
    expect(await page.getByText('应收账款逾期 45 天（逾期未收 ¥80,000），超过 30 天').count()).toBeGreaterThan(0);
    await page.getByText('信用等级变更记录').waitFor();
  });
});
