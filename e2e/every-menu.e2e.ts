import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, generateDemo } from '../server/ops/demo';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';
import { json, login } from '../test/harness';

/**
 * A new director's first day (issue 16): on a fresh demo, every demo role signs in and opens every entry of its
 * menu; each page shows rows, or says what it is for (never an error, never a blank list). A development plan
 * submitted by a salesperson reaches the 经理办公会 with no administrator change to the organisation.
 */
const PASSWORD = 'Demo-E2E-2026!';
// One person per role of the rulebook (docs/regulations.md §1), as the demo creates them.
const ROLE_USERS = ['zhang.jun', 'wu.jianguo', 'zheng.haiyan', 'wang.lei', 'zhao.qiang', 'qian.hui', 'tang.xin', 'feng.qing', 'gao.yuan', 'song.yu'];

type Verdict = { kind: 'rows' | 'empty' | 'content' } | { kind: 'error' | 'blank'; text: string };

/** What the page shows once it has loaded: rows, an empty list with its words, other content, an error or nothing. */
async function verdict(page: Page): Promise<Verdict> {
  const handle = await page.waitForFunction(
    () => {
      const main = document.querySelector('main');
      if (!main) return null;
      // Still loading: a spinner (antd marks it aria-busy) or no heading of the new page yet (the previous page's
      // elements carry data-stale until the router replaces them).
      if (main.querySelector('[aria-busy="true"]') || !main.querySelector('h2:not([data-stale]), h1:not([data-stale])')) return null;
      const text = main.innerText;
      if (/加载失败|您没有访问此页面的权限|页面不存在|出错了/.test(text)) return { kind: 'error', text: text.slice(0, 300) };
      if (main.querySelector('[data-row-key]:not([data-stale])')) return { kind: 'rows' };
      // antd's own empty text means a list nobody explained.
      if (text.includes('暂无数据')) {
        // Name the unexplained list: the card or tab it sits in.
        const where = [...main.querySelectorAll('.ant-empty')]
          .filter((e) => (e as HTMLElement).innerText.includes('暂无数据'))
          .map((e) => (e.closest('.ant-card')?.querySelector('.ant-card-head-title') as HTMLElement | null)?.innerText ?? (e.closest('.ant-tabs')?.querySelector('.ant-tabs-tab-active') as HTMLElement | null)?.innerText ?? '(page)');
        return { kind: 'blank', text: `${main.querySelector('h1, h2')!.textContent} — unexplained empty list in: ${where.join(' | ')}` };
      }
      if (main.querySelector('table:not([data-stale])')) return { kind: 'empty' };
      return text.replace(/\s+/g, '').length > 20 ? { kind: 'content' } : null;
    },
    undefined,
    { timeout: 15_000, polling: 200 },
  );
  return (await handle.jsonValue()) as Verdict;
}

/**
 * Opens a menu entry the way the menu does (the router's history, no reload). It passes through the not-found page
 * first so that the entry's page is always drawn anew, and marks what is left on screen so the verdict waits for it.
 */
async function navigateWithinApp(page: Page, href: string) {
  const go = (to: string) =>
    page.evaluate((path) => {
      window.history.pushState({}, '', path);
      window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
    }, to);
  await go('/__every-menu-none');
  await page.waitForFunction(() => !!document.querySelector('main .ant-result-404'), undefined, { polling: 50 });
  await page.evaluate(() => document.querySelectorAll('main *').forEach((el) => el.setAttribute('data-stale', '')));
  await go(href);
}

describe('every menu entry on a fresh demo', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    await generateDemo(server.db, { customers: 40, seed: 16, password: PASSWORD });
    // The demo's people sign in with the demo password (first sign-in would ask for a new one).
    await server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '!=', 'admin').execute();
    browser = await launchBrowser({ width: 1440, height: 900 });
    page = await newPage(browser);
  }, 600_000);

  afterAll(async () => {
    if (browser) await closeBrowser(browser);
    if (server) await server.stop();
  });

  it('has a person for every role of the rulebook', () => {
    const roles = new Set(DEMO_USERS.flatMap((u) => u.roles));
    for (const role of ['director', 'manager', 'supervisor', 'specialist', 'sales', 'finance', 'agent', 'qa', 'callcentre_manager', 'team_lead']) expect(roles.has(role as never), role).toBe(true);
  });

  it('opens every menu entry of every role on a page with rows or its hint', async () => {
    const problems: string[] = [];
    const empties: string[] = [];
    for (const username of ROLE_USERS) {
      const started = Date.now();
      await page.context().clearCookies();
      await signIn(page, server.baseUrl, username, PASSWORD);
      const nav = page.getByRole('navigation', { name: /主菜单|导航/ });
      const hrefs = await nav.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      expect(hrefs.length, username).toBeGreaterThan(2);
      const problem = (text: string) => {
        problems.push(text);
        console.log(`problem: ${text}`);
      };
      for (const href of hrefs) {
        try {
          await navigateWithinApp(page, href);
          const v = await verdict(page);
          if (v.kind === 'error' || v.kind === 'blank') problem(`${username} ${href}: ${v.kind} ${v.text}`);
          if (v.kind === 'empty') empties.push(`${username} ${href}`);
        } catch (e) {
          problem(`${username} ${href}: ${(e as Error).message.split('\n')[0]}`);
          // A page that never settled: start the next entry from a fresh load.
          await page.goto(`${server.baseUrl}/`);
          await page.getByRole('heading', { name: /您好/ }).waitFor();
        }
      }
      console.log(`${username}: ${hrefs.length} pages in ${Math.round((Date.now() - started) / 1000)} s; problems so far: ${problems.length}`);
    }
    if (empties.length) console.log(`lists without rows (with their hint): ${empties.join(', ')}`);
    expect(problems).toEqual([]);
  }, 900_000);

  it('takes a submitted development plan to the 经理办公会 without any administrator change', async () => {
    const sales = await login(server.app, 'zhao.qiang', PASSWORD);
    const created = await sales.post('/api/development-plans', {
      title: '下季度华东纺织企业开发计划',
      periodStart: '2027-01-01',
      periodEnd: '2027-03-31',
      goal: '新签 2 家纺织企业',
      schedule: '1 月拜访，2 月演示，3 月签约',
      supportNeeded: '技术部派工程师参加演示',
      budget: 3,
      targets: [{ customerName: '嘉兴锦纶织造有限公司' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const plan = json(created);
    const submitted = await sales.post(`/api/development-plans/${plan.id}/submit`, { comment: '请审批', version: plan.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const request = async () => json(await sales.get(`/api/approvals?documentType=development_plan&documentId=${plan.id}`)).request;
    let req = await request();
    // 销售部's head (杨帆) decides first, then the 经理办公会.
    expect(req.currentApprovers.map((a: { name: string }) => a.name)).toEqual(['杨帆']);
    const head = await login(server.app, 'yang.fan', PASSWORD);
    expect((await head.post(`/api/approvals/${req.id}/actions`, { action: 'approve', comment: '同意', version: req.version })).statusCode).toBe(200);
    req = await request();
    expect(req.currentStepKey).toBe('management_meeting');
    expect(req.currentApprovers.length).toBeGreaterThan(0);

    // A member of the 经理办公会 finds it among their approvals in the browser.
    page = await newPage(browser);
    await page.context().clearCookies();
    await signIn(page, server.baseUrl, 'zhang.jun', PASSWORD);
    await page.goto(`${server.baseUrl}/approvals`);
    await page.getByText('下季度华东纺织企业开发计划').first().waitFor();
  }, 120_000);
});
