import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, readXlsx } from '../../../../test/fixtures/customer-files';
import { createTeam, createTestContext, createUser, json, type Client, type TestContext } from '../../../../test/harness';
import { createCustomerExportService } from './export.service';

// Excel export of the filtered customer list (issue point 11), on SQLite and PostgreSQL.
let ctx: TestContext;
let specialistA: { id: number; client: Client };
let specialistB: { id: number; client: Client };
let supervisorA: { id: number; client: Client };
let director: { id: number; client: Client };

beforeAll(async () => {
  ctx = await createTestContext();
  const teamA = await createTeam(ctx, '大客户组', 1);
  const teamB = await createTeam(ctx, '渠道组', 2);
  specialistA = await createUser(ctx, { username: 'sp.a', displayName: '张三', roles: ['specialist'], teamId: teamA });
  specialistB = await createUser(ctx, { username: 'sp.b', displayName: '李四', roles: ['specialist'], teamId: teamB });
  supervisorA = await createUser(ctx, { username: 'sv.a', displayName: '王主管', roles: ['supervisor'], teamId: teamA });
  director = await createUser(ctx, { username: 'dir', displayName: '陈总监', roles: ['director'], departmentId: 1 });
  const create = async (client: Client, body: Record<string, unknown>) => {
    const res = await client.post('/api/customers', body);
    expect(res.statusCode, res.body).toBe(201);
  };
  await create(specialistA.client, {
    name: '北京华远科技有限公司',
    phone: '13812345678',
    bankName: '中国工商银行北京海淀支行',
    bankAccount: '6222 0212 3456 7890',
    creditCode: creditCode(1),
    province: '北京市',
    city: '北京市',
    status: 'formal',
    sourceChannel: 'trade_fair',
    tags: ['重点', '华北'],
    peakMonthAmount: 12.5,
  });
  // Text a spreadsheet program would run as a formula, in several fields.
  await create(specialistA.client, { name: '=1+1', businessScope: '+SUM(A1:A9)', address: '@cmd', operatingStatus: '-2+3', mainProducts: '=HYPERLINK("http://evil.example","点击")' });
  await create(supervisorA.client, { name: '天津滨海新材料有限公司', phone: '022-25123456', province: '天津市' });
  await create(specialistB.client, { name: '上海远东贸易有限公司', phone: '13998765432', province: '上海市' });
});
afterAll(() => ctx.close());

async function sheet(res: { statusCode: number; body: string; rawPayload: Buffer }) {
  expect(res.statusCode, res.body).toBe(200);
  const ws = await readXlsx(res.rawPayload);
  const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Record<string, ExcelJS.Cell>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1)])));
  }
  return { header, rows, byName: (name: string) => rows.find((x) => x['客户名称'].value === name)! };
}
const exports = async () => json(await ctx.admin.get('/api/audit?action=export&pageSize=100')).items;

describe('customer export', () => {
  it('writes the filtered list with Chinese headers, masked phones and bank accounts', async () => {
    const res = await supervisorA.client.get('/api/customers/export.xlsx');
    expect(res.headers['content-type']).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; .*filename\*=UTF-8''/);
    const { header, rows, byName } = await sheet(res);
    expect(header.slice(0, 6)).toEqual(['档案编号', '客户名称', '状态', '统一社会信用代码', '法定代表人', '总经理']);
    expect(header).toEqual(expect.arrayContaining(['联系电话', '银行账号', '来源渠道', '负责人', '创建时间']));
    expect(rows.map((r) => r['客户名称'].value).sort()).toEqual(['=1+1', '北京华远科技有限公司', '天津滨海新材料有限公司'].sort());
    const hy = byName('北京华远科技有限公司');
    expect(hy['联系电话'].value).toBe('138****5678');
    expect(hy['银行账号'].value).toBe('**** 7890');
    expect(hy['状态'].value).toBe('正式');
    expect(hy['来源渠道'].value).toBe('展会');
    expect(hy['标签'].value).toBe('重点、华北');
    expect(hy['旺季月采购额（万元）'].value).toBe(12.5);
    expect(hy['负责人'].value).toBe('张三');
    expect(String(hy['档案编号'].value)).toMatch(/^KH\d{4}-\d{6}$/);
  });

  it('neutralises formulas: =1+1 and friends come back as text cells, showing the original characters', async () => {
    const { byName } = await sheet(await supervisorA.client.get('/api/customers/export.xlsx'));
    const row = byName('=1+1');
    for (const [col, text] of [
      ['客户名称', '=1+1'],
      ['经营范围', '+SUM(A1:A9)'],
      ['地址', '@cmd'],
      ['经营状况', '-2+3'],
      ['主要采购产品', '=HYPERLINK("http://evil.example","点击")'],
    ] as const) {
      const cell = row[col];
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe('@'); // the Text format: stays text even when the cell is edited
    }
  });

  it('applies the list filters and the column choice', async () => {
    const { rows } = await sheet(await ctx.admin.get(`/api/customers/export.xlsx?q=${encodeURIComponent('华远')}`));
    expect(rows.map((r) => r['客户名称'].value)).toEqual(['北京华远科技有限公司']);
    const byProvince = await sheet(await ctx.admin.get(`/api/customers/export.xlsx?province=${encodeURIComponent('上海市')}&fields=name,phone,province`));
    expect(byProvince.header).toEqual(['客户名称', '联系电话', '省份']);
    expect(byProvince.rows.map((r) => r['客户名称'].value)).toEqual(['上海远东贸易有限公司']);
    const unknownField = await ctx.admin.get('/api/customers/export.xlsx?fields=name,password');
    expect(unknownField.statusCode).toBe(422);
    expect(unknownField.json().error.fields).toEqual([{ field: 'fields', message: '不能导出的字段：password' }]);
    expect((await ctx.admin.get('/api/customers/export.xlsx?page=2')).statusCode).toBe(400);
    expect((await ctx.admin.get('/api/customers/export.xlsx?ownerName=x')).statusCode).toBe(400);
  });

  it('exports unmasked only for a role allowed to, and logs it', async () => {
    const before = (await exports()).length;
    const refused = await supervisorA.client.get('/api/customers/export.xlsx?unmasked=true');
    expect(refused.statusCode).toBe(403);
    const denied = json(await ctx.admin.get(`/api/audit?action=permission.denied&actorId=${supervisorA.id}`)).items;
    expect(denied[0]).toMatchObject({ summary: 'customers.export_unmasked' });

    const { byName } = await sheet(await director.client.get(`/api/customers/export.xlsx?unmasked=true&province=${encodeURIComponent('北京市')}&sort=-createdAt`));
    expect(byName('北京华远科技有限公司')['联系电话'].value).toBe('13812345678');
    expect(byName('北京华远科技有限公司')['银行账号'].value).toBe('6222 0212 3456 7890');
    const entries = await exports();
    expect(entries.length).toBe(before + 1);
    expect(entries[0]).toMatchObject({ action: 'export', entityType: 'customer', actorName: '陈总监' });
    expect(entries[0].summary).toContain('未脱敏');
    const changes = entries[0].changes;
    expect(changes.unmasked).toEqual([null, true]);
    expect(changes.rowCount).toEqual([null, 1]);
    expect(changes.filter[1]).toEqual({ province: '北京市', sort: '-createdAt' });
    expect(changes.fields[1]).toContain('phone');
  });

  it('audit-logs every export, masked ones included', async () => {
    const before = (await exports()).length;
    await sheet(await supervisorA.client.get('/api/customers/export.xlsx'));
    await sheet(await director.client.get('/api/customers/export.xlsx?fields=name'));
    const entries = await exports();
    expect(entries.length).toBe(before + 2);
    expect(entries[0].changes).toMatchObject({ unmasked: [null, false], rowCount: [null, 4], fields: [null, ['name']] });
    expect(entries[1].changes).toMatchObject({ unmasked: [null, false], rowCount: [null, 3] });
  });

  it('never shows a specialist another team’s customer', async () => {
    const res = await specialistA.client.get('/api/customers/export.xlsx');
    expect(res.statusCode).toBe(200);
    const ws = await readXlsx(res.rawPayload);
    const names = ws.getColumn(2).values.slice(2);
    expect(names.sort()).toEqual(['=1+1', '北京华远科技有限公司'].sort());
    expect(names).not.toContain('上海远东贸易有限公司');
    expect(names.length).toBe(json(await specialistA.client.get('/api/customers')).total);
    // Unmasked export stays with directors and admins.
    expect((await specialistA.client.get('/api/customers/export.xlsx?unmasked=true')).statusCode).toBe(403);
  });

  it('round-trips: an export imported again in update mode changes nothing', async () => {
    const file = await director.client.get('/api/customers/export.xlsx');
    const up = await director.client.request('POST', '/api/customer-imports?filename=export.xlsx', file.rawPayload as any, { headers: { 'content-type': 'application/octet-stream' } });
    expect(up.statusCode, up.body).toBe(201);
    const preview = json(up);
    expect(preview.columns.filter((c: any) => c.field).map((c: any) => c.field)).toEqual(expect.arrayContaining(['archiveNo', 'name', 'phone', 'bankAccount', 'status', 'tags', 'sourceChannel']));
    expect(preview).toMatchObject({ rowCount: 4, errorCount: 0, duplicates: 4 });
    const res = json(await director.client.post(`/api/customer-imports/${preview.id}/commit`, { duplicates: 'update' }));
    expect(res).toMatchObject({ created: 0, updated: 0, unchanged: 4, failed: 0 });
  });
});
