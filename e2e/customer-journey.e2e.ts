import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, newPage, signIn, startTestServer } from '../test/e2e-harness';

/**
 * The customer archive's main journey in a real browser against the real server: import a spreadsheet
 * through the wizard (one bad row reported), find an imported customer by pinyin initials, edit it, see
 * the change history, and export the filtered list as .xlsx. Locators are roles and labels only.
 */
describe('customer journey: import → find → edit → history → export', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let ctx: BrowserContext;
  let page: Page;
  let workbook: Buffer;

  const HEADERS = ['客户名称', '联系电话', '省份', '城市', '所属行业', '法定代表人'];
  const GOOD_ROWS: string[][] = [
    ['北京华远科技有限公司', '13812340001', '北京', '北京', '信息技术', '王建国'],
    ['上海明达贸易有限公司', '13812340002', '上海', '上海', '批发零售', '李明'],
    ['广州恒信电子有限公司', '13812340003', '广东', '广州', '制造业', '陈志强'],
    ['杭州云帆网络科技有限公司', '13812340004', '浙江', '杭州', '信息技术', '赵云'],
    ['南京金陵机械制造有限公司', '13812340005', '江苏', '南京', '制造业', '孙立'],
    ['成都天府食品有限公司', '13812340006', '四川', '成都', '制造业', '周杰'],
    ['武汉长江物流有限公司', '13812340007', '湖北', '武汉', '交通运输', '吴刚'],
    ['西安古城文化传媒有限公司', '13812340008', '陕西', '西安', '文化传媒', '郑华'],
    ['重庆山城汽配有限公司', '13812340009', '重庆', '重庆', '制造业', '冯军'],
    ['天津滨海化工有限公司', '13812340010', '天津', '天津', '制造业', '褚亮'],
    ['苏州园林建筑设计有限公司', '13812340011', '江苏', '苏州', '建筑业', '卫东'],
    ['青岛海湾酒店管理有限公司', '13812340012', '山东', '青岛', '住宿餐饮', '蒋平'],
    ['厦门鹭岛茶业有限公司', '13812340013', '福建', '厦门', '批发零售', '沈静'],
    ['长沙湘江医疗器械有限公司', '13812340014', '湖南', '长沙', '医疗健康', '韩梅'],
    ['郑州中原建材有限公司', '13812340015', '河南', '郑州', '建筑业', '杨帆'],
    ['沈阳北方重工有限公司', '13812340016', '辽宁', '沈阳', '制造业', '朱刚'],
    ['昆明春城旅游有限公司', '13812340017', '云南', '昆明', '旅游', '秦岭'],
    ['合肥科大软件有限公司', '13812340018', '安徽', '合肥', '信息技术', '尤勇'],
    ['宁波港城外贸有限公司', '13812340019', '浙江', '宁波', '批发零售', '许敏'],
  ];
  // Row 21 of the sheet (header = row 1): a phone that is not one.
  const BAD_ROW = ['深圳错号电子有限公司', '12345', '广东', '深圳', '制造业', '何错'];

  beforeAll(async () => {
    server = await startTestServer();
    ctx = await launchBrowser();
    page = await newPage(ctx);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户名单');
    ws.addRow(HEADERS);
    for (const row of [...GOOD_ROWS, BAD_ROW]) ws.addRow(row);
    workbook = Buffer.from(await wb.xlsx.writeBuffer());
  });

  afterAll(async () => {
    if (ctx) await closeBrowser(ctx);
    if (server) await server.stop();
  });

  const signInAsAdmin = (p: Page) => signIn(p, server.baseUrl, server.adminUsername, server.adminPassword);

  /**
   * Picks an option of a searchable select by typing its label and pressing Enter (antd renders the
   * options for assistive technology only around the active one). Tries again if the list was not ready.
   */
  async function choose(label: string, option: string) {
    const select = page.getByLabel(label);
    for (let attempt = 0; attempt < 3; attempt++) {
      await select.click();
      await page.keyboard.type(option);
      await page.getByRole('option', { name: option, exact: true }).waitFor({ state: 'attached' });
      await page.keyboard.press('Enter');
      // On a busy machine the list may take a moment to close after the choice.
      for (let wait = 0; wait < 20; wait++) {
        if ((await select.getAttribute('aria-expanded')) === 'false') return;
        await page.waitForTimeout(100);
      }
      await page.keyboard.press('Escape');
    }
    throw new Error(`could not choose ${option} in ${label}`);
  }

  async function readXlsx(download: Download) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    return { sheetName: ws.name, rows };
  }

  const mainText = async () => (await page.getByRole('main').innerText()).replace(/\s+/g, ' ');

  it('refuses a file that is not a spreadsheet with the server’s message', async () => {
    await signInAsAdmin(page);
    await page.getByRole('menuitem', { name: '客户档案' }).click();
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await page.getByRole('button', { name: '导入' }).click();
    await page.getByRole('heading', { name: '导入客户' }).waitFor();

    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
    await page.getByLabel('选择文件').setInputFiles({ name: '名片.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('alert').filter({ hasText: '名片.png 无法导入' }).getByText(/无法识别的文件类型/).waitFor();
  });

  it('imports a spreadsheet through the wizard and reports exactly one bad row', async () => {
    await page.getByLabel('选择文件').setInputFiles({ name: '客户名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbook });

    // 2 核对字段: the Chinese headers are mapped to their fields; counts of the file.
    await page.getByRole('columnheader', { name: '对应字段' }).waitFor();
    for (const header of HEADERS) expect(await page.getByLabel(`“${header}”列对应的字段`).count()).toBe(1);
    await page.getByRole('row', { name: /法定代表人.*王建国/ }).waitFor();
    expect(await mainText()).toMatch(/数据行 20 可导入 19 有错误的行 1 疑似重复 0/);

    // Without a column for 客户名称 the wizard cannot go on; mapping it again frees the way (PUT …/mapping).
    await choose('“客户名称”列对应的字段', '不导入');
    await page.getByText('请指定哪一列是“客户名称”，否则无法继续').waitFor();
    expect(await page.getByRole('button', { name: '下一步' }).isDisabled()).toBe(true);
    await choose('“客户名称”列对应的字段', '客户名称');
    await page.getByText('请指定哪一列是“客户名称”').waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '下一步' }).click();

    // 3 校验结果: the one bad row, with its row number, column and the server's reason.
    await page.getByText('1 行有错误，不会导入；其余 19 行可以导入。').waitFor();
    const errorRow = page.getByRole('row', { name: /^21 B 联系电话/ });
    await errorRow.getByRole('cell', { name: /电话号码格式不正确/ }).waitFor();
    expect(await page.getByRole('row').count()).toBe(2); // header + the one error
    const report = page.getByRole('link', { name: '下载错误报告' });
    const href = await report.getAttribute('href');
    expect(href).toMatch(/^\/api\/customer-imports\/\d+\/report\.xlsx$/);
    const res = await page.request.get(`${server.baseUrl}${href}`);
    expect(res.status()).toBe(200);
    const reportBook = new ExcelJS.Workbook();
    await reportBook.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const reportSheet = reportBook.worksheets[0];
    expect(reportSheet.getRow(1).values).toContain('原行号');
    expect(reportSheet.rowCount).toBe(2);

    // Duplicates: skip by default; 更新重复客户 is offered to an administrator.
    expect(await page.getByRole('radio', { name: /跳过重复客户/ }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /更新重复客户/ }).isEnabled()).toBe(true);
    await page.getByRole('radiogroup', { name: '重复客户的处理方式' }).waitFor();

    // 4 导入 → 5 完成
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('导入完成', { exact: true }).waitFor();
    expect(await mainText()).toMatch(/新建 19 更新 0 无变化 0 跳过 0 失败 1/);
    expect(await page.getByText('该文件此前已按相同设置导入，本次未做任何更改').count()).toBe(0);
  });

  it('says so when the same file is imported again, and changes nothing', async () => {
    await page.getByRole('button', { name: '导入其他文件' }).click();
    await page.getByLabel('选择文件').setInputFiles({ name: '客户名单.xlsx', mimeType: 'application/octet-stream', buffer: workbook });
    await page.getByText(/该文件此前已按相同设置导入（.+系统管理员）/).waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('该文件此前已按相同设置导入，本次未做任何更改').waitFor();
    expect(await mainText()).toMatch(/新建 19 /);
  });

  it('names each duplicate row with the customer it matched, and imports the choice made for that row', async () => {
    await page.getByRole('button', { name: '导入其他文件' }).click();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户名单');
    ws.addRow(['客户名称', '联系电话', '地址']);
    ws.addRow(['宁波港城外贸股份公司', '１３８１２３４００１９', '宁波市鄞州区']); // full-width digits: the phone of 宁波港城外贸
    ws.addRow(['昆明春城旅游有限公司', '', '昆明市五华区']);
    await page.getByLabel('选择文件').setInputFiles({ name: '重复客户.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    await page.getByText('文件：重复客户.xlsx', { exact: false }).waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '重复的行及其匹配的客户' }).waitFor();
    const ningbo = page.getByRole('row', { name: /^2 宁波港城外贸股份公司/ });
    await ningbo.getByRole('link', { name: /宁波港城外贸有限公司/ }).waitFor();
    expect(await ningbo.innerText()).toContain('电话');
    expect(await page.getByRole('row', { name: /^3 昆明春城旅游有限公司/ }).innerText()).toContain('名称');
    await page.getByLabel('第 2 行的处理方式').click();
    await page.locator('.ant-select-item-option[title="更新已有客户"]').click();
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('导入完成', { exact: true }).waitFor();
    expect(await mainText()).toMatch(/新建 0 更新 1 无变化 0 跳过 1 失败 0/);
    expect(await page.getByRole('row', { name: /^2 宁波港城外贸股份公司/ }).innerText()).toContain('更新已有客户');
  });

  it('finds an imported customer by pinyin initials, edits it and shows the change in the history', async () => {
    await page.getByRole('button', { name: '返回客户列表' }).click();
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await page.getByText('共 19 条').waitFor();

    await page.getByLabel('搜索客户').pressSequentially('bjhy');
    await page.waitForURL(/q=bjhy/);
    await page.getByRole('link', { name: '北京华远科技有限公司' }).click();
    await page.getByRole('heading', { name: '北京华远科技有限公司' }).waitFor();
    const customerPath = new URL(page.url()).pathname;
    expect(customerPath).toMatch(/^\/customers\/\d+$/);

    await page.getByRole('button', { name: '编辑' }).click();
    await page.getByRole('heading', { name: /编辑客户/ }).waitFor();
    const legal = page.getByLabel('法定代表人');
    expect(await legal.inputValue()).toBe('王建国');
    await legal.fill('李华');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('客户资料已保存').waitFor();
    await page.getByRole('cell', { name: '李华', exact: true }).waitFor();

    await page.getByRole('tab', { name: '变更记录' }).click();
    await page.getByText(/王建国\s*→\s*李华/).waitFor();
    await page.getByText('重大变更').waitFor();
  });

  it('exports the list as searched, masked, and in full after a confirmation', async () => {
    await page.getByRole('menuitem', { name: '客户档案' }).click();
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await page.getByLabel('搜索客户').pressSequentially('bjhy');
    await page.waitForURL(/q=bjhy/);
    await page.getByRole('link', { name: '北京华远科技有限公司' }).waitFor();
    await page.getByText('共 1 条').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^客户档案.*\.xlsx$/);
    const { sheetName, rows } = await readXlsx(download);
    expect(sheetName).toBe('客户档案');
    const [header, ...data] = rows;
    expect(header.slice(0, 5)).toEqual(['档案编号', '客户名称', '状态', '统一社会信用代码', '法定代表人']);
    expect(header).toContain('联系电话');
    // The same search as the list: only the one customer, with the edited value and a masked phone.
    expect(data).toHaveLength(1);
    const row = Object.fromEntries(header.map((h, i) => [h, data[0][i]]));
    expect(row['客户名称']).toBe('北京华远科技有限公司');
    expect(row['法定代表人']).toBe('李华');
    expect(row['联系电话']).toBe('138****0001');
    await page.getByText(/已导出：客户档案/).waitFor();

    // 导出（含完整电话）: asks first, saying the export is logged.
    await page.getByRole('button', { name: '更多导出方式' }).click();
    await page.getByRole('menuitem', { name: '导出（含完整电话）' }).click();
    await page.getByText('本次导出将记入审计日志。').waitFor();
    const [full] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '确认导出' }).click()]);
    const unmasked = await readXlsx(full);
    const phoneAt = unmasked.rows[0].indexOf('联系电话');
    expect(unmasked.rows[1][phoneAt]).toBe('13812340001');
  });

  it('is usable at phone width: no page-wide horizontal scrolling in the wizard or the list', async () => {
    const phone = await launchBrowser({ width: 375, height: 740 });
    try {
      const p = await newPage(phone);
      await signInAsAdmin(p);
      await p.goto(`${server.baseUrl}/customers`);
      await p.getByRole('button', { name: '导入' }).waitFor();
      await p.getByRole('button', { name: '导出', exact: true }).waitFor();
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await p.getByRole('button', { name: '导入' }).click();
      await p.getByText('第 1 步，共 5 步：上传文件').waitFor();
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await p.getByLabel('选择文件').setInputFiles({ name: '客户名单.xlsx', mimeType: 'application/octet-stream', buffer: workbook });
      await p.getByText('第 2 步，共 5 步：核对字段').waitFor();
      await p.getByLabel('“客户名称”列对应的字段').waitFor();
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await p.getByRole('button', { name: '下一步' }).click();
      await p.getByText('第 3 步，共 5 步：校验结果').waitFor();
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    } finally {
      await closeBrowser(phone);
    }
  });

  it('imports a fixed line, notes and the annual purchases, and says which year they count for', async () => {
    // Last: the customer it adds would change the counts the steps before expect.
    await page.goto(`${server.baseUrl}/customers`);
    await page.getByRole('button', { name: '导入' }).click();
    await page.getByRole('heading', { name: '导入客户' }).waitFor();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户名单');
    ws.addRow(['客户名称', '座机', '备注', '年采购额']);
    ws.addRow(['大连星海船舶配件有限公司', '0411-82345678', '每季度对账', '150']);
    await page.getByLabel('选择文件').setInputFiles({ name: '年采购额.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    await page.getByRole('columnheader', { name: '对应字段' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: '座机' }).first().innerText()).toContain('固定电话');
    expect(await page.getByRole('row').filter({ hasText: '每季度对账' }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText(/未指定“采购年度”列：全部计入 \d{4} 年。/).waitFor();
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('导入完成', { exact: true }).waitFor();
    expect(await mainText()).toMatch(/新建 1 .*记入交易 1/);
  });
});
