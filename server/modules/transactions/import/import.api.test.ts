import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx, xlsx } from '../../../../test/fixtures/customer-files';
import { createTeam, createTestContext, createUser, json, TestClock, type Client, type TestContext } from '../../../../test/harness';

// Excel/CSV import of transactions and returns (docs/regulations.md §2 archive sections 3–4, §3), on SQLite and PostgreSQL.
// Default lines: large from 100 万元, small below 10 万元.
let ctx: TestContext;
type U = { id: number; client: Client };
let specA: U, specB: U, finance: U;
let hotel: { id: number; archiveNo: string };
let shipping: { id: number; archiveNo: string };
let logistics: { id: number; archiveNo: string };

const HEADER = ['单据号', '客户档案编号', '客户名称', '交易日期', '产品名称', '规格型号', '数量', '单价', '金额', '业务员', '合同号'];

const upload = (who: U, body: Buffer, kind: 'transactions' | 'returns' = 'transactions', filename = '交易记录.xlsx') =>
  who.client.request('POST', `/api/transaction-imports?kind=${kind}&filename=${encodeURIComponent(filename)}`, body as any, { headers: { 'content-type': 'application/octet-stream' } });
const commit = (who: U, id: number) => who.client.post(`/api/transaction-imports/${id}/commit`, {});
async function importFile(who: U, body: Buffer, kind: 'transactions' | 'returns' = 'transactions') {
  const up = await upload(who, body, kind);
  expect(up.statusCode, up.body).toBe(201);
  const res = await commit(who, json(up).id);
  expect(res.statusCode, res.body).toBe(200);
  return { preview: json(up), result: json(res) };
}
const transactionsOf = async (customerId: number) => json(await finance.client.get(`/api/transactions?customerId=${customerId}&pageSize=100`));
const summary = async (customerId: number) => json(await finance.client.get(`/api/customers/${customerId}/transaction-summary`));
const classifyEntries = async (id: number) =>
  (json(await ctx.admin.get(`/api/customers/${id}/history`)).items as { action: string; summary: string | null }[]).filter((h) => h.action === 'classify');
const countRows = async (table: 'transactions' | 'transaction_returns' | 'audit_log') => (await ctx.db.kysely.selectFrom(table).select('id').execute()).length;

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-06-15T04:00:00Z')) });
  const teamA = await createTeam(ctx, '大客户一组', 1);
  const teamB = await createTeam(ctx, '大客户二组', 1);
  specA = await createUser(ctx, { username: 'zhuan.yuan.a', displayName: '王专员', roles: ['specialist'], teamId: teamA });
  specB = await createUser(ctx, { username: 'zhuan.yuan.b', displayName: '冯专员', roles: ['specialist'], teamId: teamB });
  finance = await createUser(ctx, { username: 'cai.wu', displayName: '陈会计', roles: ['finance'], departmentId: 1 });
  const make = async (who: U, name: string) => {
    const c = json(await who.client.post('/api/customers', { name }));
    return { id: c.id as number, archiveNo: c.archiveNo as string };
  };
  hotel = await make(specA, '北京华宇科技有限公司');
  logistics = await make(specA, '广州南方物流有限公司');
  shipping = await make(specB, '上海东方航运有限公司');
});
afterAll(() => ctx.close());

describe('importing transactions from a spreadsheet', () => {
  let file: Buffer;

  beforeAll(async () => {
    file = await xlsx(
      [
        HEADER,
        ['XS-0001', hotel.archiveNo, null, '2026-03-01', '会议室租用', '全天', 2, 300000, null, 'zhuan.yuan.a', null],
        ['XS-0002', null, '北京华宇科技有限公司', '2026/4/2', '客房包价', null, 10, '45,000.00', null, '王专员', null],
        ['XS-0003', null, '广州南方物流有限公司', '2026年5月3日', '年会场地', null, 1, 80000, 80000, null, null],
        ['XS-0004', 'KH1999-999999', null, '2026-05-04', '客房', null, 1, 650, null, null, null],
        ['XS-0005', logistics.archiveNo, null, '2026-05-05', '客房', null, -3, 650, null, null, null],
        ['XS-0006', logistics.archiveNo, null, '2026-02-30', '客房', null, 1, 650, null, null, null],
      ],
      '交易',
    );
  });

  it('recognises the Chinese headers, lists every bad row with its row number and field, and writes none of them', async () => {
    const before = await countRows('transactions');
    const up = await upload(specA, file);
    expect(up.statusCode, up.body).toBe(201);
    const preview = json(up);
    expect(preview.columns.map((c: { field: string | null }) => c.field)).toEqual([
      'sourceDocNo',
      'customerArchiveNo',
      'customerName',
      'date',
      'product',
      'model',
      'quantity',
      'unitPrice',
      'amount',
      'salesperson',
      'contractNo',
    ]);
    expect(preview).toMatchObject({ kind: 'transactions', rowCount: 6, validCount: 3, errorRowCount: 3, existing: 0, unmappedRequired: [] });
    expect(preview.errors.map((e: { row: number; field: string; header: string; message: string }) => [e.row, e.field, e.header, e.message])).toEqual([
      [5, 'customerArchiveNo', '客户档案编号', '客户不存在或无权限'],
      [6, 'quantity', '数量', '数量应为大于 0 的数字，最多四位小数'],
      [7, 'date', '交易日期', '日期格式应为 YYYY-MM-DD'],
    ]);

    const res = await commit(specA, preview.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ status: 'committed', created: 3, unchanged: 0, failed: 3, message: '已导入 3 行；3 行有错误，未导入' });
    expect(json(res).errors.map((e: { row: number }) => e.row)).toEqual([5, 6, 7]);
    expect(await countRows('transactions')).toBe(before + 3);
    const docs = (await transactionsOf(logistics.id)).items.map((t: { sourceDocNo: string }) => t.sourceDocNo);
    expect(docs).toEqual(['XS-0003']);
    const [second] = (await transactionsOf(hotel.id)).items.filter((t: { sourceDocNo: string }) => t.sourceDocNo === 'XS-0002');
    expect(second).toMatchObject({ date: '2026-04-02', quantity: 10, unitPrice: 45000, amount: 450000, salespersonName: '王专员', sourceSystem: 'excel' });

    // The report: the bad rows as uploaded, with the reasons.
    const report = await specA.client.get(`/api/transaction-imports/${preview.id}/report.xlsx`);
    expect(report.statusCode).toBe(200);
    const ws = await readXlsx(report.rawPayload);
    expect(ws.getRow(2).getCell(1).value).toBe(5);
    expect(String(ws.getRow(4).getCell(HEADER.length + 2).value)).toContain('交易日期：日期格式应为 YYYY-MM-DD');
  });

  it('takes a customer over the large line and reclassifies it once, with a history entry naming the amount and the line', async () => {
    // 600,000 + 450,000 = 1,050,000 ≥ 1,000,000: large, one change for the two rows.
    expect((await summary(hotel.id)).amountClass).toMatchObject({ amountClass: 'large', net: 1050000 });
    const entries = await classifyEntries(hotel.id);
    expect(entries).toHaveLength(1);
    expect(entries[0].summary).toBe('客户分类：未分类 → 大客户。2026 年采购额 ¥1,050,000 ≥ 大客户线 ¥1,000,000');
    expect((await summary(hotel.id)).changes[0]).toMatchObject({ cause: 'import', newClass: 'large' });
  });

  it('changes nothing when the same transactions file is imported twice, and says so', async () => {
    const before = { rows: await countRows('transactions'), audit: await countRows('audit_log'), summary: await summary(hotel.id) };
    const { preview, result } = await importFile(specA, file);
    expect(preview).toMatchObject({ existing: 3, validCount: 0, errorRowCount: 3 });
    expect(preview.alreadyImported).toMatchObject({ byName: '王专员' });
    expect(result).toMatchObject({ created: 0, unchanged: 3, failed: 3, reclassified: 0, message: '已导入 0 行；已存在 3 行，未改动；3 行有错误，未导入' });
    expect(await countRows('transactions')).toBe(before.rows);
    expect(await countRows('audit_log')).toBe(before.audit);
    expect(await summary(hotel.id)).toEqual(before.summary);
  });

  it("rejects a specialist's row for another team's customer as not found, and never writes it", async () => {
    const f = await xlsx([HEADER, ['XS-0100', shipping.archiveNo, null, '2026-06-01', '客房', null, 1, 650, null, null, null], ['XS-0101', null, '上海东方航运有限公司', '2026-06-01', '客房', null, 1, 650, null, null, null]]);
    const { preview, result } = await importFile(specA, f);
    expect(preview.errors.map((e: { row: number; field: string; message: string }) => [e.row, e.field, e.message])).toEqual([
      [2, 'customerArchiveNo', '客户不存在或无权限'],
      [3, 'customerName', '客户不存在或无权限'],
    ]);
    expect(result).toMatchObject({ created: 0, failed: 2 });
    expect((await transactionsOf(shipping.id)).total).toBe(0);
    // Their own specialist imports the same rows.
    expect((await importFile(specB, f)).result).toMatchObject({ created: 2, failed: 0 });
    expect((await transactionsOf(shipping.id)).total).toBe(2);
  });

  it('refuses a customer name that several customers share, asking for the archive number', async () => {
    expect((await specA.client.post('/api/customers', { name: '重名贸易有限公司' })).statusCode).toBe(201);
    expect((await specA.client.post('/api/customers', { name: '重名贸易有限公司', confirmDuplicate: true })).statusCode).toBe(201);
    const f = await xlsx([HEADER, ['XS-0200', null, '重名贸易有限公司', '2026-06-01', '客房', null, 1, 650, null, null, null]]);
    const preview = json(await upload(specA, f));
    expect(preview.errors[0]).toMatchObject({ row: 2, field: 'customerName', message: '有多个客户同名，请填写客户档案编号' });
  });
});

describe('importing returns', () => {
  const RETURN_HEADER = ['退赔单号', '原交易单据号', '客户名称', '类型', '日期', '金额', '原因', '责任方'];

  it('takes a return off its transaction, moves the class back, and is idempotent by document number', async () => {
    const f = await xlsx([
      RETURN_HEADER,
      ['TH-0001', 'XS-0002', null, '退货', '2026-06-10', 100000, '客房未达标准', '我方'],
      ['TH-0002', 'XS-0002', null, '折价', '2026-06-11', 400000, '超出原交易金额', '我方'],
    ]);
    const { preview, result } = await importFile(specA, f, 'returns');
    expect(preview.columns.map((c: { field: string | null }) => c.field)).toEqual(['sourceDocNo', 'transactionDocNo', 'customerName', 'kind', 'date', 'amount', 'reason', 'responsibleParty']);
    expect(preview.errors).toEqual([expect.objectContaining({ row: 3, field: 'amount', message: '退赔折价合计不能超过该笔交易金额（剩余 ¥350,000）' })]);
    expect(result).toMatchObject({ created: 1, failed: 1, reclassified: 1 });
    expect((await summary(hotel.id)).amountClass).toMatchObject({ amountClass: 'medium', net: 950000 });
    const returns = json(await finance.client.get(`/api/transaction-returns?customerId=${hotel.id}`)).items;
    expect(returns).toEqual([expect.objectContaining({ kind: 'return', amount: 100000, transactionDocNo: 'XS-0002', reason: '客房未达标准' })]);

    expect((await importFile(specA, f, 'returns')).result).toMatchObject({ created: 0, unchanged: 1, failed: 1, message: '已导入 0 行；已存在 1 行，未改动；1 行有错误，未导入' });
    expect(json(await finance.client.get(`/api/transaction-returns?customerId=${hotel.id}`)).total).toBe(1);
  });
});

describe('column mapping', () => {
  it('remembers a column the user mapped by hand, for their next file with that header', async () => {
    const header = ['出货凭证', '客户档案编号', '交易日期', '产品名称', '数量', '单价'];
    const first = json(await upload(specA, await xlsx([header, ['CH-0001', logistics.archiveNo, '2026-06-01', '客房', 1, 650]])));
    expect(first.columns[0].field).toBeNull();
    expect(first.unmappedRequired).toEqual(['sourceDocNo']);
    const mapped = await specA.client.put(`/api/transaction-imports/${first.id}/mapping`, { mapping: ['sourceDocNo', ...first.columns.slice(1).map((c: { field: string }) => c.field)] });
    expect(json(mapped)).toMatchObject({ unmappedRequired: [], validCount: 1 });
    expect((await commit(specA, first.id)).statusCode).toBe(200);

    const next = json(await upload(specA, await xlsx([header, ['CH-0002', logistics.archiveNo, '2026-06-02', '客房', 1, 650]])));
    expect(next.columns[0].field).toBe('sourceDocNo');
    expect(next).toMatchObject({ unmappedRequired: [], validCount: 1 });
    // Another user's choices are theirs alone.
    expect(json(await upload(specB, await xlsx([header, ['CH-0003', shipping.archiveNo, '2026-06-02', '客房', 1, 650]]))).columns[0].field).toBeNull();
  });
});

describe('template and export', () => {
  it('hands out a template with Chinese headers and an example row that the import maps on its own', async () => {
    const res = await specA.client.get('/api/transaction-imports/template.xlsx?kind=transactions');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ws = await readXlsx(res.rawPayload);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['单据号', '客户档案编号', '客户名称', '日期', '产品', '型号', '数量', '单价（元）', '金额（元）', '销售人员', '合同编号']);
    expect(ws.getRow(2).getCell(1).value).toBe('XS-2026-0001');
    const preview = json(await upload(specA, res.rawPayload));
    expect(preview.unmappedRequired).toEqual([]);
    expect(preview.columns.every((c: { field: string | null }) => c.field !== null)).toBe(true);
  });

  it('exports the filtered list as a workbook, within the scope, and logs the export', async () => {
    const res = await specA.client.get(`/api/transactions/export.xlsx?customerId=${hotel.id}&sort=date`);
    expect(res.statusCode).toBe(200);
    const ws = await readXlsx(res.rawPayload);
    expect(ws.getRow(1).getCell(1).value).toBe('日期');
    expect([2, 3].map((r) => ws.getRow(r).getCell(12).value)).toEqual(['XS-0001', 'XS-0002']);
    expect(ws.getRow(2).getCell(8).value).toBe(600000);
    expect(ws.actualRowCount).toBe(3);
    const logged = await ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'export').where('entity_type', '=', 'transaction').execute();
    expect(logged).toHaveLength(1);
    // Another team's customer: nothing of it leaves.
    const foreign = await readXlsx((await specA.client.get(`/api/transactions/export.xlsx?customerId=${shipping.id}`)).rawPayload);
    expect(foreign.actualRowCount).toBe(1);
  });

  it('lets only transactions.manage holders import', async () => {
    const viewer = await createUser(ctx, { username: 'zhi.jian', displayName: '质检员', roles: ['qa'], departmentId: 1 });
    const res = await upload(viewer, await xlsx([HEADER]));
    expect(res.statusCode).toBe(403);
  });
});
