import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG, WORKBOOK_PARTS, creditCode, gbk, mobile, readXlsx, xlsx, zip } from '../../../../test/fixtures/customer-files';
import { createTeam, createTestContext, createUser, json, type Client, type TestContext } from '../../../../test/harness';

// Excel/CSV import of the customer archive (issue point 10), on SQLite and PostgreSQL.
let ctx: TestContext;
let supervisorA: { id: number; client: Client };
let supervisorB: { id: number; client: Client };
let specialistA: { id: number; client: Client };

beforeAll(async () => {
  ctx = await createTestContext();
  const teamA = await createTeam(ctx, '大客户组', 1);
  const teamB = await createTeam(ctx, '渠道组', 2);
  supervisorA = await createUser(ctx, { username: 'sv.a', displayName: '王主管', roles: ['supervisor'], teamId: teamA });
  supervisorB = await createUser(ctx, { username: 'sv.b', displayName: '赵主管', roles: ['supervisor'], teamId: teamB });
  specialistA = await createUser(ctx, { username: 'sp.a', displayName: '张三', roles: ['specialist'], teamId: teamA });
});
afterAll(() => ctx.close());

const upload = (client: Client, body: Buffer, filename = '客户.xlsx', contentType = 'application/octet-stream') =>
  client.request('POST', `/api/customer-imports?filename=${encodeURIComponent(filename)}`, body as any, { headers: { 'content-type': contentType } });
const commit = (client: Client, id: number, duplicates: 'skip' | 'update' | 'create') => client.post(`/api/customer-imports/${id}/commit`, { duplicates });
const count = async (table: 'customers' | 'audit_log' | 'customer_search') =>
  Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(ctx.db.kysely)).rows[0].n);
const findCustomer = async (name: string) => ctx.db.kysely.selectFrom('customers').selectAll().where('name', '=', name).execute();
/** Upload then commit; returns the commit answer. */
async function importFile(client: Client, body: Buffer, duplicates: 'skip' | 'update' | 'create', filename = '客户.xlsx') {
  const up = await upload(client, body, filename);
  expect(up.statusCode, up.body).toBe(201);
  const res = await commit(client, json(up).id, duplicates);
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
}

describe('a 10,000-row workbook with 3 bad rows', () => {
  const HEADER = ['客户名称', '联系电话', '统一社会信用代码', '省份', '城市', '所属行业', '法定代表人', '员工人数'];
  let file: Buffer;

  beforeAll(async () => {
    const rows: (string | number | null)[][] = [HEADER];
    for (let i = 0; i < 10_000; i++) rows.push([`导入测试${i}号贸易有限公司`, mobile(i), creditCode(i), '北京市', '北京市', '批发和零售业', '李建国', 20 + (i % 300)]);
    // Data row i sits on spreadsheet row i + 2 (row 1 is the header).
    rows[1 + 1234][1] = '12345'; // row 1236: bad phone
    rows[1 + 5678][2] = `${creditCode(5678).slice(0, 17)}${creditCode(5678)[17] === '0' ? '1' : '0'}`; // row 5680: wrong check character
    rows[1 + 9000][0] = null; // row 9002: no name
    file = await xlsx(rows);
  });

  it('previews exactly the 3 bad rows, imports the other 9,997 in one go, and changes nothing when imported again', async () => {
    const customersBefore = await count('customers');
    const t0 = Date.now();
    const up = await upload(supervisorA.client, file, '客户导入.xlsx');
    const tUpload = Date.now() - t0;
    expect(up.statusCode, up.body).toBe(201);
    const preview = json(up);
    expect(preview).toMatchObject({ fileType: 'xlsx', sheetName: '客户', status: 'previewed', rowCount: 10_000, validCount: 9_997, errorRowCount: 3, errorCount: 3, duplicates: 0, unmappedRequired: [], alreadyImported: null });
    expect(preview.columns.map((c: any) => c.field)).toEqual(['name', 'phone', 'creditCode', 'province', 'city', 'industry', 'legalRepresentative', 'staffCount']);
    expect(preview.errors.map((e: any) => [e.row, e.field, e.header])).toEqual([
      [1236, 'phone', '联系电话'],
      [5680, 'creditCode', '统一社会信用代码'],
      [9002, 'name', '客户名称'],
    ]);
    expect(preview.errors.map((e: any) => e.message)).toEqual(['电话号码格式不正确（手机 11 位，或区号-座机号）', '统一社会信用代码不正确（18 位，末位校验码）', '必填']);
    expect(preview.sample).toHaveLength(20);
    expect(preview.sample[0]).toMatchObject({ row: 2, valid: true, values: { name: '导入测试0号贸易有限公司', phone: '139****0000', staffCount: '20' } });

    const t1 = Date.now();
    const res = await commit(supervisorA.client, preview.id, 'skip');
    const tCommit = Date.now() - t1;
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ created: 9_997, updated: 0, unchanged: 0, skipped: 0, failed: 3, errorCount: 3, alreadyImported: false, status: 'committed' });
    expect(json(res).errors.map((e: any) => e.row)).toEqual([1236, 5680, 9002]);
    expect(await count('customers')).toBe(customersBefore + 9_997);
    console.info(`[import 10k on ${ctx.db.kind}] upload+preview ${tUpload} ms, commit ${tCommit} ms`);

    // The imported customers are ordinary archive records: numbered, owned by the importer, searchable, audited.
    const [c] = await findCustomer('导入测试42号贸易有限公司');
    expect(c).toMatchObject({ owner_id: supervisorA.id, phone: mobile(42), credit_code: creditCode(42), staff_count: 62, status: 'potential' });
    expect(c.archive_no).toMatch(/^KH\d{4}-\d{6}$/);
    const found = json(await supervisorA.client.get(`/api/customers?q=${encodeURIComponent('导入测试42号')}`));
    expect(found.items.map((x: any) => [x.name, x.phone])).toEqual([['导入测试42号贸易有限公司', '139****0042']]);
    const history = json(await supervisorA.client.get(`/api/customers/${c.id}/history`));
    expect(history.items.find((h: any) => h.field === 'name')).toMatchObject({ action: 'create', newValue: '导入测试42号贸易有限公司', actorName: '王主管' });
    const audit = json(await ctx.admin.get('/api/audit?action=import'));
    expect(audit.items[0]).toMatchObject({ entityType: 'customer_import', entityId: String(preview.id), actorName: '王主管' });

    const status = json(await supervisorA.client.get(`/api/customer-imports/${preview.id}`));
    expect(status).toMatchObject({ status: 'committed', progress: { processed: 10_000, total: 10_000 }, result: { created: 9_997, failed: 3 } });

    // Again: the same import, then the same file uploaded anew — nothing changes, not even the audit log.
    const auditBefore = await count('audit_log');
    const again = json(await commit(supervisorA.client, preview.id, 'skip'));
    expect(again).toMatchObject({ created: 9_997, failed: 3, alreadyImported: true });
    const up2 = json(await upload(supervisorA.client, file, '客户导入.xlsx'));
    expect(up2).toMatchObject({ duplicates: 9_997, alreadyImported: { byName: '王主管' } });
    for (const mode of ['skip', 'create'] as const) {
      const res2 = json(await commit(supervisorA.client, up2.id, mode));
      expect(res2).toMatchObject({ created: 9_997, failed: 3, alreadyImported: true });
    }
    expect(await count('customers')).toBe(customersBefore + 9_997);
    expect(await count('audit_log')).toBe(auditBefore);
    // Four passes over 10,000 rows: room for a busy 2-core CI machine (speed is measured by the bench, not here).
  }, 240_000);

  it('offers the bad rows as a workbook: original row number and cells, and what is wrong', async () => {
    const imports = json(await supervisorA.client.get('/api/customer-imports'));
    const id = imports.items.at(-1).id;
    const res = await supervisorA.client.get(`/api/customer-imports/${id}/report.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ws = await readXlsx(res.rawPayload);
    const rows = ws.getSheetValues().filter(Boolean).map((r: any) => r.slice(1));
    expect(rows[0]).toEqual(['原行号', ...HEADER, '错误原因']);
    expect(rows.slice(1).map((r: any) => r[0])).toEqual([1236, 5680, 9002]);
    expect(rows[1][2]).toBe('12345');
    expect(rows[1].at(-1)).toBe('联系电话：电话号码格式不正确（手机 11 位，或区号-座机号）');
    expect(rows[3].at(-1)).toBe('客户名称：必填');
  });
});

describe('CSV files', () => {
  it('imports a GBK-encoded CSV (as Excel on Chinese Windows saves it) with correct Chinese', async () => {
    const text = '客户名称,联系电话,法定代表人,省份,城市,地址,来源渠道,状态\r\n北京华远科技有限公司,010-62345678,赵建国,北京市,北京市,"北京市海淀区中关村大街1号,华远大厦",展会,正式\r\n';
    const up = await upload(supervisorA.client, gbk(text), '华远.csv', 'text/csv');
    expect(up.statusCode, up.body).toBe(201);
    expect(json(up)).toMatchObject({ fileType: 'csv', encoding: 'gbk', rowCount: 1, errorCount: 0 });
    expect(json(await commit(supervisorA.client, json(up).id, 'skip'))).toMatchObject({ created: 1 });
    const [c] = await findCustomer('北京华远科技有限公司');
    expect(c).toMatchObject({ legal_representative: '赵建国', province: '北京市', address: '北京市海淀区中关村大街1号,华远大厦', source_channel: 'trade_fair', status: 'formal', phone: '010-62345678' });
    expect(json(await supervisorA.client.get('/api/customers?q=bjhy')).items.map((x: any) => x.name)).toContain('北京华远科技有限公司');
  });

  it('reads UTF-8 with a BOM, quoted line breaks, English headers and a semicolon separator', async () => {
    const text = '\uFEFFName;Phone;Credit code;Business scope;Tags\n"广州南方贸易有限公司";020-81234567;' + creditCode(70001) + ';"进出口贸易\n仓储服务";大客户、华南\n';
    const up = json(await upload(supervisorA.client, Buffer.from(text, 'utf8'), 'south.csv', 'text/plain'));
    expect(up).toMatchObject({ encoding: 'utf-8', rowCount: 1, errorCount: 0 });
    expect(up.columns.map((c: any) => c.field)).toEqual(['name', 'phone', 'creditCode', 'businessScope', 'tags']);
    expect(json(await commit(supervisorA.client, up.id, 'skip'))).toMatchObject({ created: 1 });
    const [c] = await findCustomer('广州南方贸易有限公司');
    expect(c.business_scope).toBe('进出口贸易\n仓储服务');
    expect(JSON.parse(c.tags)).toEqual(['大客户', '华南']);
  });
});

describe('refused files', () => {
  it('refuses a picture named .xlsx, random bytes, an old .xls and a zip that is no workbook with 415 and a clear message', async () => {
    const png = await upload(supervisorA.client, PNG, '客户.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(png.statusCode).toBe(415);
    expect(png.json().error).toMatchObject({ code: 'unsupported_media_type', message: '无法识别的文件类型：请上传 Excel 工作簿（.xlsx）或 CSV 文本文件（UTF-8 或 GBK 编码）' });
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect((await upload(supervisorA.client, random, 'data.xlsx')).statusCode).toBe(415);
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
    const old = await upload(supervisorA.client, xls, '客户.xls', 'application/vnd.ms-excel', );
    expect(old.statusCode).toBe(415);
    expect(old.json().error.message).toContain('.xls');
    const docx = zip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: Buffer.from('<w:document/>') }]);
    expect((await upload(supervisorA.client, docx, 'letter.xlsx')).statusCode).toBe(415);
    const en = await supervisorA.client.request('POST', '/api/customer-imports?filename=a.xlsx', PNG as any, { headers: { 'content-type': 'image/png', 'accept-language': 'en' } });
    expect(en.json().error.message).toBe('Unrecognised file type: upload an Excel workbook (.xlsx) or a CSV text file (UTF-8 or GBK)');
  });

  it('refuses an upload over the size limit with 413 before reading it', async () => {
    const res = await upload(supervisorA.client, Buffer.alloc(20 * 1024 * 1024 + 1, 0x41), 'big.csv', 'text/csv');
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'payload_too_large', message: '文件过大：上限为 20 MB' });
  });

  it('refuses zip bombs: a huge declared size, a size that lies, an extreme ratio', async () => {
    const declared = zip([...WORKBOOK_PARTS, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), declaredSize: 0xfffffff0 }]);
    const lying = zip([...WORKBOOK_PARTS, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(8 * 1024 * 1024), declaredSize: 1000, crc: 0 }]);
    const ratio = zip([...WORKBOOK_PARTS, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(30 * 1024 * 1024), crc: 0 }]);
    for (const bomb of [declared, lying, ratio]) {
      const res = await upload(supervisorA.client, bomb, 'bomb.xlsx');
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('zip_bomb');
      expect(res.json().error.message).toContain('压缩炸弹');
    }
  });

  it('refuses an empty file and one with a header but no data', async () => {
    expect((await upload(supervisorA.client, Buffer.alloc(0), 'empty.csv', 'text/csv')).statusCode).toBe(422);
    const headerOnly = await upload(supervisorA.client, await xlsx([['客户名称', '电话']]), 'header.xlsx');
    expect(headerOnly.statusCode).toBe(422);
    expect(headerOnly.json().error.message).toBe('文件中没有表头或数据行');
  });
});

describe('duplicates: skip, update or create anyway', () => {
  let existing: any;
  const code = creditCode(80001);

  beforeAll(async () => {
    const res = await supervisorA.client.post('/api/customers', { name: '上海浦江物流有限公司', creditCode: code, address: '旧地址' });
    expect(res.statusCode).toBe(201);
    existing = json(res);
  });

  // One file, uploaded again and again. Built once: a workbook made anew carries the time it was made (the
  // document's creation date, each zip entry's modification time), so a second one made a second later has
  // other bytes — another file, which the import rightly does not recognise as already imported.
  let fileOneBytes: Promise<Buffer> | undefined;
  const fileOne = () =>
    (fileOneBytes ??= xlsx([
      ['客户名称', '统一社会信用代码', '地址'],
      ['上海浦江物流有限公司', code, '上海市浦东新区世纪大道100号'],
      ['杭州西湖茶业有限公司', creditCode(80002), '杭州市西湖区龙井路1号'],
      ['杭州西湖茶业有限公司', creditCode(80002), '杭州市西湖区龙井路1号'], // the file names it twice
    ]));

  it('skip: leaves the existing customer alone and meets its own earlier row', async () => {
    const res = await importFile(supervisorA.client, await fileOne(), 'skip');
    expect(res).toMatchObject({ created: 1, skipped: 2, updated: 0, failed: 0 });
    expect((await findCustomer('上海浦江物流有限公司'))[0].address).toBe('旧地址');
    expect(await findCustomer('杭州西湖茶业有限公司')).toHaveLength(1);
  });

  // Follows the skip test: the tea company it created is the duplicate found unchanged here.
  it('update: applies the file to the duplicate, audits it, and writes nothing where values are the same', async () => {
    const auditBefore = await count('audit_log');
    const res = await importFile(supervisorA.client, await fileOne(), 'update');
    expect(res).toMatchObject({ created: 0, updated: 1, unchanged: 2, skipped: 0, failed: 0, alreadyImported: false });
    const [c] = await findCustomer('上海浦江物流有限公司');
    expect(c).toMatchObject({ id: existing.id, address: '上海市浦东新区世纪大道100号', version: existing.version + 1 });
    const history = json(await supervisorA.client.get(`/api/customers/${existing.id}/history`));
    expect(history.items[0]).toMatchObject({ action: 'update', field: 'address', oldValue: '旧地址', newValue: '上海市浦东新区世纪大道100号' });
    expect(await count('audit_log')).toBe(auditBefore + 2); // the update and the import itself
    // Once more with the same choice: answered from the earlier run.
    expect(await importFile(supervisorA.client, await fileOne(), 'update')).toMatchObject({ updated: 1, unchanged: 2, alreadyImported: true });
    expect(await count('audit_log')).toBe(auditBefore + 2);
  });

  it('update: finds a customer by the mobile of one of its contacts, as the duplicate check does', async () => {
    const res = await supervisorA.client.post(`/api/customers/${existing.id}/contacts`, { name: '周经理', mobile: '13600001234' });
    expect(res.statusCode, res.body).toBe(201);
    const byContactOnly = json(await upload(supervisorA.client, await xlsx([['客户名称', '手机'], ['浦江物流上海分部', '13600001234']]), 'contact-only.xlsx'));
    expect(byContactOnly.duplicates).toBe(1);
    expect(json(await commit(supervisorA.client, byContactOnly.id, 'skip'))).toMatchObject({ created: 0, skipped: 1 });
    const file = await xlsx([['客户名称', '手机', '邮编'], ['上海浦江物流有限公司', '136 0000 1234', '200120']]);
    const out = await importFile(supervisorA.client, file, 'update', 'contact.xlsx');
    expect(out).toMatchObject({ updated: 1, failed: 0 });
    expect((await findCustomer('上海浦江物流有限公司'))[0]).toMatchObject({ id: existing.id, postcode: '200120', phone: '136 0000 1234' });
  });

  it('create: creates the row although it duplicates an existing customer', async () => {
    const file = await xlsx([['公司名称', '地址'], ['上海浦江物流（有限公司）', '上海市黄浦区']]);
    const up = json(await upload(supervisorA.client, file, 'again.xlsx'));
    expect(up.duplicates).toBe(1);
    expect(json(await commit(supervisorA.client, up.id, 'create'))).toMatchObject({ created: 1, skipped: 0 });
    expect(await findCustomer('上海浦江物流（有限公司）')).toHaveLength(1);
  });

  it('update: never guesses between several matches, nor touches a customer outside the data scope', async () => {
    const other = json(await supervisorB.client.post('/api/customers', { name: '深圳前海科技有限公司', creditCode: creditCode(80003), address: '深圳' }));
    const file = await xlsx([
      ['客户名称', '统一社会信用代码', '地址'],
      ['杭州西湖茶业有限公司', code, '某地'], // name → the tea company, credit code → the logistics company
      ['深圳前海科技有限公司', creditCode(80003), '改不了'], // team B's customer: supervisor A may not see it
    ]);
    const res = await importFile(supervisorA.client, file, 'update', 'conflicts.xlsx');
    expect(res).toMatchObject({ created: 0, updated: 0, failed: 2 });
    expect(res.errors.map((e: any) => [e.row, e.message])).toEqual([
      [2, '与多个已有客户重复（信用代码、电话或名称分别对应不同客户），无法确定要更新哪一个'],
      [3, '与您无权查看的客户重复，未更新'],
    ]);
    expect((await findCustomer('深圳前海科技有限公司'))[0]).toMatchObject({ id: other.id, address: '深圳' });
  });
});

describe('column mapping', () => {
  it('maps English headers and field keys, and lets the user change the mapping', async () => {
    const file = await xlsx([
      ['Company Name', 'Tel', 'credit_code', '备注', 'staffCount', '旺季月采购额（万元）'],
      ['成都天府软件有限公司', '028-85123456', creditCode(90001), '老客户', '120人', '35.5万'],
      ['重庆山城火锅有限公司', '023-63123456', creditCode(90002), '', 'abc', ''],
    ]);
    const up = json(await upload(supervisorA.client, file, 'english.xlsx'));
    // 备注 is the customer's notes (issue 14); the user maps it to the tags below instead.
    expect(up.columns.map((c: any) => c.field)).toEqual(['name', 'phone', 'creditCode', 'notes', 'staffCount', 'peakMonthAmount']);
    expect(up.errors).toEqual([{ row: 3, field: 'staffCount', column: 4, header: 'staffCount', message: '应为数字' }]);

    const twice = await supervisorA.client.put(`/api/customer-imports/${up.id}/mapping`, { mapping: ['name', 'phone', 'creditCode', 'phone', null, null] });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.fields).toEqual([{ field: 'mapping', message: '同一字段不能对应多列' }]);
    const wrongLength = await supervisorA.client.put(`/api/customer-imports/${up.id}/mapping`, { mapping: ['name'] });
    expect(wrongLength.statusCode).toBe(422);
    const unknown = await supervisorA.client.put(`/api/customer-imports/${up.id}/mapping`, { mapping: ['name', 'ownerId', null, null, null, null] });
    expect(unknown.statusCode).toBe(400);

    const noName = json(await supervisorA.client.put(`/api/customer-imports/${up.id}/mapping`, { mapping: [null, 'phone', 'creditCode', null, null, null] }));
    expect(noName.unmappedRequired).toEqual(['name']);
    const refused = await commit(supervisorA.client, up.id, 'skip');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields[0].message).toBe('请指定哪一列是“客户名称”');

    const adjusted = json(await supervisorA.client.put(`/api/customer-imports/${up.id}/mapping`, { mapping: ['name', 'phone', 'creditCode', 'tags', null, 'peakMonthAmount'] }));
    expect(adjusted.errorCount).toBe(0);
    expect(adjusted.sample[0].values).toEqual({ name: '成都天府软件有限公司', phone: '028****3456', creditCode: creditCode(90001), tags: '老客户', peakMonthAmount: '35.5万' });
    expect(json(await commit(supervisorA.client, up.id, 'skip'))).toMatchObject({ created: 2 });
    const [c] = await findCustomer('成都天府软件有限公司');
    expect({ tags: JSON.parse(c.tags), peak: Number(c.peak_month_amount), staff: c.staff_count }).toEqual({ tags: ['老客户'], peak: 35.5, staff: null });
    const late = await supervisorA.client.put(`/api/customer-imports/${up.id}/mapping`, { mapping: ['name', null, null, null, null, null] });
    expect(late.statusCode).toBe(409);
  });
});

describe('workbook details', () => {
  it('reports a long number Excel has already rounded, and refuses a second commit while one runs', async () => {
    const file = await xlsx([
      ['客户名称', '银行账号', '联系电话'],
      ['西安古城文化传媒有限公司', 6222021234567890000, 13700001111],
    ]);
    const up = json(await upload(supervisorA.client, file, 'bank.xlsx'));
    expect(up.errors).toEqual([{ row: 2, field: 'bankAccount', column: 1, header: '银行账号', message: '数字超过 15 位，已被 Excel 截断：请把该列设为“文本”格式后重新填写' }]);
    expect(up.sample[0].values.phone).toBe('137****1111');
    await ctx.db.kysely.updateTable('customer_imports').set({ status: 'committing', updated_at: ctx.clock.now().toISOString() }).where('id', '=', up.id).execute();
    const busy = await commit(supervisorA.client, up.id, 'skip');
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.message).toBe('该导入正在执行中，请稍候');
    // A commit whose process died long ago may be taken up again (its transaction was rolled back).
    ctx.clock.advance(16 * 60 * 1000);
    expect(json(await commit(supervisorA.client, up.id, 'skip'))).toMatchObject({ created: 0, failed: 1 });
  });
});

describe('permissions', () => {
  it('lets only importers upload, and shows an import only to whoever uploaded it', async () => {
    const file = await xlsx([['客户名称'], ['权限测试有限公司']]);
    // Finance reads the archive but does not enter customers.
    const finance = await createUser(ctx, { username: 'imp.finance', roles: ['finance'] });
    const denied = await upload(finance.client, file);
    expect(denied.statusCode).toBe(403);
    const own = json(await upload(supervisorA.client, file));
    for (const res of [
      await supervisorB.client.get(`/api/customer-imports/${own.id}`),
      await supervisorB.client.get(`/api/customer-imports/${own.id}/preview`),
      await supervisorB.client.get(`/api/customer-imports/${own.id}/report.xlsx`),
      await supervisorB.client.put(`/api/customer-imports/${own.id}/mapping`, { mapping: ['name'] }),
      await commit(supervisorB.client, own.id, 'create'),
    ]) {
      expect(res.statusCode).toBe(404);
    }
    expect(json(await supervisorB.client.get('/api/customer-imports')).items.map((i: any) => i.id)).not.toContain(own.id);
    expect(await findCustomer('权限测试有限公司')).toHaveLength(0);
    const csrf = await supervisorA.client.request('POST', '/api/customer-imports', file as any, { csrf: false, headers: { 'content-type': 'application/octet-stream' } });
    expect(csrf.statusCode).toBe(403);
  });
});

describe('issue 14: duplicates named with their match and chosen per row, full-width digits, formula cells', () => {
  it('lists every duplicate row with the customer it matched and why, and applies the choice made for each row', async () => {
    const mine = json(await supervisorA.client.post('/api/customers', { name: '宁波港城物流有限公司', phone: '13588886666', address: '宁波' }));
    const second = json(await supervisorA.client.post('/api/customers', { name: '温州瓯江眼镜有限公司', creditCode: creditCode(81001) }));
    const third = json(await supervisorA.client.post('/api/customers', { name: '绍兴黄酒酿造有限公司' }));
    const hidden = json(await supervisorB.client.post('/api/customers', { name: '台州椒江模具有限公司' }));
    const file = await xlsx([
      ['客户名称', '联系电话', '统一社会信用代码', '地址'],
      ['宁波港城物流股份公司', '135 8888 6666', null, '宁波市北仑区'], // row 2: phone → mine
      ['温州瓯江眼镜有限公司', null, creditCode(81001), '温州市鹿城区'], // row 3: name and credit code → second
      ['绍兴黄酒酿造有限公司', null, null, '绍兴市越城区'], // row 4: name → third
      ['台州椒江模具有限公司', null, null, null], // row 5: a customer supervisor A may not see
      ['嘉兴南湖丝绸有限公司', null, null, null], // row 6: new
      ['嘉兴南湖丝绸有限公司', null, null, null], // row 7: the file's own row 6
    ]);
    const up = json(await upload(supervisorA.client, file, 'per-row.xlsx'));
    expect(up.duplicates).toBe(5);
    expect(up.duplicateRows).toEqual([
      { row: 2, name: '宁波港城物流股份公司', action: null, matches: [{ customerId: mine.id, archiveNo: mine.archiveNo, name: '宁波港城物流有限公司', fileRow: null, reasons: ['phone'] }] },
      { row: 3, name: '温州瓯江眼镜有限公司', action: null, matches: [{ customerId: second.id, archiveNo: second.archiveNo, name: '温州瓯江眼镜有限公司', fileRow: null, reasons: ['name', 'creditCode'] }] },
      { row: 4, name: '绍兴黄酒酿造有限公司', action: null, matches: [{ customerId: third.id, archiveNo: third.archiveNo, name: '绍兴黄酒酿造有限公司', fileRow: null, reasons: ['name'] }] },
      { row: 5, name: '台州椒江模具有限公司', action: null, matches: [{ customerId: null, archiveNo: null, name: null, fileRow: null, reasons: ['name'] }] },
      { row: 7, name: '嘉兴南湖丝绸有限公司', action: null, matches: [{ customerId: null, archiveNo: null, name: null, fileRow: 6, reasons: ['name'] }] },
    ]);
    // Before the commit the report names the matches too.
    const before = await readXlsx((await supervisorA.client.get(`/api/customer-imports/${up.id}/report.xlsx`)).rawPayload);
    expect(String(before.getRow(2).getCell(6).value)).toBe(`与已有客户重复：${mine.archiveNo} 宁波港城物流有限公司（电话）`);

    const res = await supervisorA.client.post(`/api/customer-imports/${up.id}/commit`, {
      duplicates: 'skip',
      rows: [
        { row: 2, action: 'update' },
        { row: 3, action: 'create' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const out = json(res);
    expect(out).toMatchObject({ created: 2, updated: 1, skipped: 3, failed: 0 });
    expect(out.duplicateRows.map((d: any) => [d.row, d.action])).toEqual([[2, 'update'], [3, 'create'], [4, 'skip'], [5, 'skip'], [7, 'skip']]);
    // The update is the ordinary versioned one, with its history: the file's name and address replace the old ones.
    expect((await findCustomer('宁波港城物流股份公司'))[0]).toMatchObject({ id: mine.id, address: '宁波市北仑区', version: mine.version + 1 });
    const history = json(await supervisorA.client.get(`/api/customers/${mine.id}/history`)).items;
    expect(history.filter((h: any) => h.action === 'update').map((h: any) => [h.field, h.oldValue, h.newValue])).toEqual(
      expect.arrayContaining([
        ['name', '宁波港城物流有限公司', '宁波港城物流股份公司'],
        ['address', '宁波', '宁波市北仑区'],
      ]),
    );
    expect(await findCustomer('温州瓯江眼镜有限公司')).toHaveLength(2);
    expect((await findCustomer('绍兴黄酒酿造有限公司'))[0].address).toBeNull();
    expect(await findCustomer('台州椒江模具有限公司')).toHaveLength(1);
    expect(hidden.id).toBeGreaterThan(0);
    const report = await readXlsx((await supervisorA.client.get(`/api/customer-imports/${up.id}/report.xlsx`)).rawPayload);
    const notes = new Map<number, string>();
    report.eachRow((r, n) => n > 1 && notes.set(Number(r.getCell(1).value), String(r.getCell(6).value)));
    expect(notes.get(2)).toBe(`与已有客户重复：${mine.archiveNo} 宁波港城物流股份公司（电话） → 已更新现有客户`); // its name now
    expect(notes.get(3)).toBe(`与已有客户重复：${second.archiveNo} 温州瓯江眼镜有限公司（名称、信用代码） → 仍新建`);
    expect(notes.get(5)).toBe('与已有客户重复：您无权查看的客户（名称） → 已跳过');
    expect(notes.get(7)).toBe('与已有客户重复：本文件第 6 行（名称） → 已跳过');
  });

  it('refuses an unknown per-row choice with 400 naming it, and imports nothing', async () => {
    const up = json(await upload(specialistA.client, await xlsx([['客户名称'], ['丽水山耕农业有限公司']]), 'x.xlsx'));
    const bad = await specialistA.client.post(`/api/customer-imports/${up.id}/commit`, { duplicates: 'skip', rows: [{ row: 2, action: 'merge' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('rows.0.action');
    expect(await findCustomer('丽水山耕农业有限公司')).toHaveLength(0);
  });

  it('imports full-width digits and letters as ASCII in phones, credit codes and numbers, on import and in the API', async () => {
    const code = creditCode(82001);
    const wide = (s: string) => s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const file = await xlsx([
      ['客户名称', '手机', '统一社会信用代码', '员工人数', '邮编'],
      ['舟山海鲜水产有限公司', '１３８００１３８０００', wide(code), '１２０', '３１６０００'],
    ]);
    const up = json(await upload(supervisorA.client, file, 'wide.xlsx'));
    expect(up.errors).toEqual([]);
    expect(json(await commit(supervisorA.client, up.id, 'skip'))).toMatchObject({ created: 1, failed: 0 });
    expect((await findCustomer('舟山海鲜水产有限公司'))[0]).toMatchObject({ phone: '13800138000', phone_digits: '13800138000', credit_code: code, staff_count: 120, postcode: '316000' });
    // A second file with the same phone in full width is the same customer.
    const again = json(await upload(supervisorA.client, await xlsx([['客户名称', '电话'], ['舟山海鲜', '１３８００１３８０００']]), 'wide2.xlsx'));
    expect(again.duplicateRows[0].matches[0]).toMatchObject({ name: '舟山海鲜水产有限公司', reasons: ['phone'] });
    // The customer API folds them the same way.
    const api = await supervisorA.client.post('/api/customers', { name: '湖州安吉白茶有限公司', phone: '０５７２－５１２３４５６', creditCode: wide(creditCode(82002)).toLowerCase() });
    expect(api.statusCode, api.body).toBe(201);
    expect((await findCustomer('湖州安吉白茶有限公司'))[0]).toMatchObject({ phone: '0572-5123456', credit_code: creditCode(82002) });
  });

  it('imports the saved result of a formula cell and names each such cell in the preview and the report', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['客户名称', '员工人数', '地址']);
    ws.addRow(['金华火腿食品有限公司', null, '金华市婺城区']);
    ws.getCell('B2').value = { formula: '100+20', result: 120 };
    ws.addRow(['衢州柑橘种植有限公司', 30, null]);
    ws.getCell('C3').value = { formula: 'CONCATENATE("衢州市","柯城区")', result: '衢州市柯城区' };
    const up = json(await upload(supervisorA.client, Buffer.from(await wb.xlsx.writeBuffer()), 'formula.xlsx'));
    expect(up.formulaCells).toEqual([
      { row: 2, column: 1, header: '员工人数', value: '120' },
      { row: 3, column: 2, header: '地址', value: '衢州市柯城区' },
    ]);
    const out = json(await commit(supervisorA.client, up.id, 'skip'));
    expect(out).toMatchObject({ created: 2, formulaCells: [{ row: 2, column: 1 }, { row: 3, column: 2 }] });
    expect((await findCustomer('金华火腿食品有限公司'))[0].staff_count).toBe(120);
    expect((await findCustomer('衢州柑橘种植有限公司'))[0].address).toBe('衢州市柯城区');
    const report = await readXlsx((await supervisorA.client.get(`/api/customer-imports/${up.id}/report.xlsx`)).rawPayload);
    expect(String(report.getRow(2).getCell(5).value)).toBe('“员工人数”列是公式，已导入文件中保存的计算结果“120”');
    expect(String(report.getRow(3).getCell(5).value)).toBe('“地址”列是公式，已导入文件中保存的计算结果“衢州市柯城区”');
  });
});

describe('issue 14: a contact person per row', () => {
  it('adds the row’s contact (name, position, mobile) to a new customer and to an updated one, once', async () => {
    const existing = json(await supervisorA.client.post('/api/customers', { name: '泉州晋江鞋业有限公司' }));
    const rows = [
      ['客户名称', '联系人', '职务', '联系人手机'],
      ['莆田木兰溪食品有限公司', '陈海燕', '采购经理', '１３９０５９４１２３４'],
      ['泉州晋江鞋业有限公司', '蔡明', '总经理', '13905951234'],
      ['漳州芗城花卉有限公司', null, '会计', null], // a position without a name
    ];
    const up = json(await upload(supervisorA.client, await xlsx(rows), 'contacts.xlsx'));
    expect(up.columns.map((c: any) => c.field)).toEqual(['name', 'contactName', 'contactPosition', 'contactMobile']);
    expect(up.errors.map((e: any) => [e.row, e.field, e.message])).toEqual([[4, 'contactName', '填写了联系人职务或手机，请同时填写联系人姓名']]);
    expect(up.sample[0].values.contactMobile).toBe('139****1234');
    const res = json(await supervisorA.client.post(`/api/customer-imports/${up.id}/commit`, { duplicates: 'update' }));
    expect(res).toMatchObject({ created: 1, updated: 1, failed: 1 });
    const [created] = await findCustomer('莆田木兰溪食品有限公司');
    const contactsOf = async (id: number) => (json(await supervisorA.client.get(`/api/customers/${id}/contacts`)).items as any[]).map((c) => [c.name, c.position]);
    expect(await contactsOf(created.id)).toEqual([['陈海燕', '采购经理']]);
    expect(await contactsOf(existing.id)).toEqual([['蔡明', '总经理']]);
    const stored = await ctx.db.kysely.selectFrom('customer_contacts').select(['mobile', 'mobile_digits']).where('customer_id', '=', created.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ mobile: '13905941234', mobile_digits: '13905941234' });
    // The same rows in another file: the updated customer keeps one 蔡明.
    const again = json(await upload(supervisorA.client, await xlsx(rows.slice(0, 3)), 'contacts-again.xlsx'));
    expect(json(await supervisorA.client.post(`/api/customer-imports/${again.id}/commit`, { duplicates: 'update' }))).toMatchObject({ created: 0 });
    expect(await contactsOf(existing.id)).toEqual([['蔡明', '总经理']]);
  });
});
