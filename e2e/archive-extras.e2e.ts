import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';

/**
 * The archive's extras in a real browser against the real server: attachments (upload, refused type),
 * merging a duplicate customer into the one that stays (contacts, attachments and history move), and
 * individual customers (VIP guests) with the A–Z index and pinyin search. Locators are roles and labels.
 */
describe('archive extras: attachments, merge, individual customers', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let ctx: BrowserContext;
  let page: Page;
  let keep: { id: number; archiveNo: string };
  let duplicate: { id: number; archiveNo: string };

  const KEEP_NAME = '上海东方贸易有限公司';
  const DUPLICATE_NAME = '上海东方贸易公司';
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

  beforeAll(async () => {
    server = await startTestServer();
    ctx = await launchBrowser();
    page = await newPage(ctx);
  });

  afterAll(async () => {
    if (ctx) await closeBrowser(ctx);
    if (server) await server.stop();
  });

  const signInAsAdmin = (p: Page) => signIn(p, server.baseUrl, server.adminUsername, server.adminPassword);

  /** POST with the signed-in browser's cookies and CSRF token. */
  async function post<T>(path: string, body: unknown): Promise<T> {
    const csrf = (await ctx.cookies()).find((c) => c.name === 'gx_csrf')?.value ?? '';
    const res = await page.request.post(`${server.baseUrl}${path}`, { data: body, headers: { 'x-csrf-token': csrf } });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return (await res.json()) as T;
  }

  const path = (p: Page) => new URL(p.url()).pathname;

  it('uploads an attachment to a customer and refuses a file that is not a document', async () => {
    await signInAsAdmin(page);
    keep = await post('/api/customers', { name: KEEP_NAME, phone: '02162345678' });
    duplicate = await post('/api/customers', { name: DUPLICATE_NAME, legalRepresentative: '陈东', confirmDuplicate: true });
    await post(`/api/customers/${duplicate.id}/contacts`, { name: '刘洋', position: '采购主管', mobile: '13966667777' });

    await page.goto(`${server.baseUrl}/customers/${duplicate.id}`);
    await page.getByRole('heading', { name: DUPLICATE_NAME }).waitFor();
    await page.getByRole('tab', { name: '附件' }).click();
    await page.getByText('暂无附件').waitFor();

    // The kind next to the upload control: 合同 instead of the default 其他.
    // (传真 合同 信函 其他: two up from 其他; the table below shows that 合同 was taken.)
    await page.getByLabel('附件类型').click();
    await page.getByRole('option', { name: '其他' }).waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.getByRole('option', { name: '合同' }).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    await page.getByLabel('附件说明').fill('2026 年供货合同');
    await page.getByLabel('选择文件').setInputFiles({ name: '供货合同.pdf', mimeType: 'application/pdf', buffer: PDF });
    const link = page.getByRole('link', { name: '供货合同.pdf' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^/api/customers/${duplicate.id}/attachments/\\d+$`));
    await page.getByRole('cell', { name: '合同', exact: true }).waitFor();
    await page.getByText('2026 年供货合同').waitFor();

    // The server judges by content: a text file named .pdf is refused (415) with its own message.
    await page.getByLabel('选择文件').setInputFiles({ name: '假合同.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
    await page.getByRole('alert').filter({ hasText: '假合同.pdf 上传失败' }).getByText(/只接受 PDF/).waitFor();
    expect(await page.getByRole('link', { name: '假合同.pdf' }).count()).toBe(0);

    // The download answers the file itself.
    const res = await page.request.get(`${server.baseUrl}${await link.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 8).toString()).toBe('%PDF-1.4');

    await page.getByRole('tab', { name: '变更记录' }).click();
    await page.getByText(/上传附件\s*供货合同\.pdf/).waitFor();
  });

  it('merges the duplicate into the customer that stays', async () => {
    await page.goto(`${server.baseUrl}/customers/${keep.id}`);
    await page.getByRole('heading', { name: KEEP_NAME }).waitFor();
    await page.getByRole('button', { name: '合并客户' }).click();
    const dialog = page.getByRole('dialog', { name: /合并客户到/ });
    await dialog.getByText('合并后，被合并客户的联系人、附件和变更记录将转入本客户，被合并的档案将不再单独存在').waitFor();

    // The reason is required.
    await dialog.getByRole('button', { name: '合并' }).click();
    await dialog.getByText('必填').first().waitFor();

    const other = dialog.getByLabel('被合并的客户');
    await other.fill('东方贸易');
    // The customer on the page is not offered: the one match is the duplicate.
    await page.getByRole('option', { name: `${DUPLICATE_NAME}（${duplicate.archiveNo}）` }).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    // Both side by side before merging.
    const compare = dialog.getByRole('group', { name: '合并前对比' });
    await compare.getByText(keep.archiveNo).waitFor();
    await compare.getByText(duplicate.archiveNo).waitFor();
    await compare.getByText('021****5678').waitFor();

    await dialog.getByLabel('合并原因').fill('同一家公司重复建档');
    await dialog.getByRole('button', { name: '合并' }).click();
    await page.getByText(`已将 ${duplicate.archiveNo} ${DUPLICATE_NAME} 合并到本客户`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    expect(path(page)).toBe(`/customers/${keep.id}`);

    // Empty fields were filled from the merged record.
    await page.getByRole('cell', { name: '陈东', exact: true }).waitFor();

    await page.getByRole('tab', { name: '联系人' }).click();
    await page.getByRole('cell', { name: '刘洋', exact: true }).waitFor();

    await page.getByRole('tab', { name: '附件' }).click();
    await page.getByRole('link', { name: '供货合同.pdf' }).waitFor();

    await page.getByRole('tab', { name: '变更记录' }).click();
    await page.getByText(`合并了客户 ${duplicate.archiveNo}`).waitFor();
    await page.getByText('合并原因：同一家公司重复建档').waitFor();
    await page.getByText('转入联系人 1 个、附件 1 个').waitFor();
    // The merged record's own history came along; the merge shows once.
    await page.getByText(/上传附件\s*供货合同\.pdf/).waitFor();
    expect(await page.getByText(`合并了客户 ${duplicate.archiveNo}`).count()).toBe(1);

    // The merged record no longer exists on its own.
    await page.goto(`${server.baseUrl}/customers/${duplicate.id}`);
    await page.getByText('客户不存在或您无权查看').waitFor();
  });

  it('creates a VIP guest and finds it under its initial and by pinyin initials', async () => {
    await page.goto(server.baseUrl);
    await page.getByRole('menuitem', { name: '个人客户' }).click();
    await page.getByRole('heading', { name: '个人客户' }).waitFor();
    // An empty list says what it is for and offers the first entry.
    await page.getByText('个人客户（VIP 个人、散客）的档案，与公司客户分开管理。').waitFor();
    await page.getByRole('button', { name: '登记第一位个人客户' }).waitFor();

    await page.getByRole('button', { name: '新建个人客户' }).click();
    let dialog = page.getByRole('dialog', { name: '新建个人客户' });
    await dialog.getByLabel('姓名').fill('张伟');
    await dialog.getByLabel('性别').click();
    await page.keyboard.press('Enter');
    expect(await dialog.getByLabel('国籍').inputValue()).toBe('中国');
    await dialog.getByLabel('手机号').fill('13800001111');
    // A wrong resident ID is refused by the server under its field (Enter in the date submits the form).
    await dialog.getByLabel('证件号码').fill('110105194912310021');
    await dialog.getByLabel('出生日期').fill('1949-12-31');
    await page.keyboard.press('Enter');
    await dialog.getByText(/身份证号码不正确/).waitFor();
    await dialog.getByLabel('证件号码').fill('11010519491231002X');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('个人客户已创建：张伟').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '新建个人客户' }).click();
    dialog = page.getByRole('dialog', { name: '新建个人客户' });
    await dialog.getByLabel('姓名').fill('李娜');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('个人客户已创建：李娜').waitFor();

    const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
    await row('张伟').waitFor();
    await row('李娜').waitFor();
    const cells = row('张伟').getByRole('cell');
    expect(await cells.filter({ hasText: '男' }).count()).toBeGreaterThan(0);
    await row('张伟').getByText('138****1111').waitFor();
    await row('张伟').getByText('110105********002X').waitFor();
    await row('张伟').getByRole('cell', { name: '1949-12-31' }).waitFor();

    // A–Z: letters nobody uses are disabled; Z shows 张伟 only.
    const bar = page.getByRole('group', { name: '按姓名首字母筛选' });
    expect(await bar.getByRole('button', { name: 'A', exact: true }).isDisabled()).toBe(true);
    await bar.getByRole('button', { name: 'Z', exact: true }).click();
    await page.waitForURL(/initial=Z/);
    await row('张伟').waitFor();
    await row('李娜').waitFor({ state: 'detached' });
    await bar.getByRole('button', { name: '全部' }).click();
    await row('李娜').waitFor();

    // Pinyin initials, applied while typing.
    await page.getByLabel('搜索个人客户').pressSequentially('zw');
    await page.waitForURL(/q=zw/);
    await row('李娜').waitFor({ state: 'detached' });
    await row('张伟').waitFor();

    // The administrator may reveal the mobile (audit-logged on the server).
    await row('张伟').getByRole('button', { name: '显示张伟 手机号' }).click();
    await row('张伟').getByText('13800001111').waitFor();

    // Editing sends the changed fields and the version.
    await row('张伟').getByRole('button', { name: '编辑 张伟' }).click();
    dialog = page.getByRole('dialog', { name: '编辑个人客户：张伟' });
    await dialog.getByLabel('备注').fill('喜欢靠窗座位');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('个人客户资料已保存').waitFor();
  });

  it('records a stay on the guest\'s page and then the meeting, which the stay shows as met in time', async () => {
    await page.goto(`${server.baseUrl}/individuals`);
    await page.getByRole('link', { name: '张伟' }).click();
    await page.getByRole('heading', { name: '张伟' }).waitFor();
    await page.getByText('暂无入住记录').waitFor();
    await page.getByRole('button', { name: '登记入住' }).click();
    const dialog = page.getByRole('dialog', { name: '登记入住：张伟' });
    await dialog.getByLabel('房号').fill('1808');
    await dialog.getByLabel('预订号').fill('BK-7001');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const stay = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '1808', exact: true }) });
    await stay.getByText('待会见').waitFor();
    // The keeper (here the administrator, who created the guest) records the meeting; the task is completed on the server.
    await stay.getByRole('button', { name: /^登记会见 张伟/ }).click();
    const meet = page.getByRole('dialog', { name: '登记会见：张伟' });
    await meet.getByLabel('会见情况').fill('大堂迎接，送上欢迎水果');
    await meet.getByRole('button', { name: '登记会见' }).click();
    await meet.waitFor({ state: 'hidden' });
    await stay.getByText('已按时会见').waitFor();
    await stay.getByText('大堂迎接，送上欢迎水果').waitFor();
    expect(await stay.getByRole('button', { name: /^登记会见/ }).count()).toBe(0);
  });

  it('is usable at phone width: no page-wide horizontal scrolling', async () => {
    const phone = await launchBrowser({ width: 375, height: 740 });
    try {
      const p = await newPage(phone);
      await signInAsAdmin(p);
      await p.goto(`${server.baseUrl}/individuals`);
      await p.getByRole('cell', { name: '张伟', exact: true }).waitFor();
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await p.goto(`${server.baseUrl}/customers/${keep.id}?tab=attachments`);
      await p.getByRole('link', { name: '供货合同.pdf' }).waitFor();
      await p.getByLabel('选择文件').waitFor({ state: 'attached' });
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    } finally {
      await closeBrowser(phone);
    }
  });
});
