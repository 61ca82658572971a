import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { ADMIN_PASSWORD, json, login } from '../test/harness';

/**
 * The one customer picker on the complaint intake form: two Chinese characters typed, the matching customer
 * chosen from the server's answer (one page of matches, never the archive), and the form takes its name.
 */
describe('customer picker: type 2 Chinese characters → pick → the form knows the customer', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;
  let target: { id: number; archiveNo: string };
  const TARGET = '杭州西湖茶业有限公司';
  const pageSizes: number[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
    // More customers than one page of the picker, so an unfiltered answer could not contain them all.
    for (let i = 1; i <= 25; i++) await admin.post('/api/customers', { name: `上海第${i}贸易有限公司` });
    target = json(await admin.post('/api/customers', { name: TARGET }));
    browser = await launchBrowser();
    page = await newPage(browser);
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/customers') pageSizes.push(Number(url.searchParams.get('pageSize')));
    });
  });

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('finds the customer by two characters of its name and fills the form with it', async () => {
    await signIn(page, server.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.goto(`${server.baseUrl}/complaints/new`);
    const picker = page.getByLabel('投诉客户（客户档案）');
    await picker.click();
    await picker.pressSequentially('西湖');
    const option = page.getByRole('option', { name: `${TARGET}（${target.archiveNo}）` });
    await option.waitFor({ state: 'attached' });
    // Only the match is offered: the other 25 customers are not in the answer to 西湖.
    await page.getByRole('option', { name: /上海第/ }).first().waitFor({ state: 'detached' });
    await page.keyboard.press('Enter');

    // The chosen customer shows with its archive number, and the company field takes its name.
    await page.getByTitle(`${TARGET}（${target.archiveNo}）`).first().waitFor();
    expect(await page.getByLabel('单位').inputValue()).toBe(TARGET);
    // Every search asked the server for one page of matches.
    expect(pageSizes.length).toBeGreaterThan(0);
    expect(pageSizes.every((n) => n === 20)).toBe(true);
  });

  it('shows the name of a customer chosen before without searching (a contract opened with ?customerId=)', async () => {
    await page.goto(`${server.baseUrl}/contracts/new?customerId=${target.id}`);
    await page.getByRole('heading', { name: '新建合同' }).waitFor();
    await page.getByTitle(`${TARGET}（${target.archiveNo}）`).waitFor();
  });
});
