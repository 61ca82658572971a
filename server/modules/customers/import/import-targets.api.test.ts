import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '../../index';
import { xlsx } from '../../../../test/fixtures/customer-files';
import { TestClock, createTeam, createTestContext, createUser, json, type Client, type TestContext } from '../../../../test/harness';
import { parseAnnualAmount, parseYear } from './import.rules';

// Issue 14 part 3: the fixed-line phone, notes and annual purchase amount as import targets, on SQLite and
// PostgreSQL. The amount becomes one summary transaction per customer and year (docs/regulations.md §2, §3).
let ctx: TestContext;
let supervisor: { id: number; client: Client };
let specialist: { id: number; client: Client };

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-06-15T04:00:00Z')) });
  const team = await createTeam(ctx, '导入组', 1);
  supervisor = await createUser(ctx, { username: 'sv.imp', displayName: '钱主管', roles: ['supervisor'], teamId: team });
  specialist = await createUser(ctx, { username: 'sp.imp', displayName: '孙专员', roles: ['specialist'], teamId: team });
});
afterAll(() => ctx.close());

const upload = async (client: Client, body: Buffer, filename: string) => {
  const res = await client.request('POST', `/api/customer-imports?filename=${encodeURIComponent(filename)}`, body as any, { headers: { 'content-type': 'application/octet-stream' } });
  expect(res.statusCode, res.body).toBe(201);
  return json(res);
};
const commit = async (client: Client, id: number, duplicates: 'skip' | 'update' | 'create') => {
  const res = await client.post(`/api/customer-imports/${id}/commit`, { duplicates });
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
};
const customerNamed = async (name: string) => (await ctx.db.kysely.selectFrom('customers').selectAll().where('name', '=', name).executeTakeFirstOrThrow());
const importedTransactions = () =>
  ctx.db.kysely.selectFrom('transactions').select(['customer_id', 'source_doc_no', 'amount_cents', 'date']).where('source_system', '=', 'customer_import').orderBy('source_doc_no').execute();
const amountClass = async (client: Client, id: number) => json(await client.get(`/api/customers/${id}/transaction-summary`)).amountClass;

describe('fixed-line phone, notes and annual purchases from a spreadsheet', () => {
  const HEADER = ['客户名称', '座机', '备注', '年采购额', '联系电话'];
  const ROWS: (string | null)[][] = [
    ['华东精密仪器有限公司', '０２１-６２３４５６７８', '老客户，月结 30 天', '120', '13800138001'],
    ['北方物流有限公司', '010-87654321', null, '8万', null],
    ['南粤电子有限公司', '0755-12345678', '年底集中采购', '125,000元', null],
    ['西部建材有限公司', '12', null, '50', null], // a fixed line that is no phone number
    ['中原纺织有限公司', null, null, '很多', null], // an amount that is no amount
  ];
  let preview: any;
  let result: any;
  let file: Buffer;

  beforeAll(async () => {
    file = await xlsx([HEADER, ...ROWS]);
    preview = await upload(supervisor.client, file, '年采购额.xlsx');
    result = await commit(supervisor.client, preview.id, 'skip');
  });

  it('maps 座机, 备注 and 年采购额 by their headers, says which year the amounts count for, and masks the fixed line in the sample', () => {
    expect(preview.columns.map((c: any) => c.field)).toEqual(['name', 'fixedPhone', 'notes', 'annualAmount', 'phone']);
    expect(preview.fields).toEqual(expect.arrayContaining(['fixedPhone', 'notes', 'annualAmount', 'purchaseYear']));
    expect(preview.purchaseYearDefault).toBe(2026);
    expect(preview.sample[0].values).toMatchObject({ fixedPhone: '021****5678', notes: '老客户，月结 30 天', annualAmount: '120' });
    expect(preview.errors.map((e: any) => [e.row, e.field, e.header])).toEqual([
      [5, 'fixedPhone', '座机'],
      [6, 'annualAmount', '年采购额'],
    ]);
    expect(preview.errors[1].message).toBe('应为金额，如 12.5（万元）、12.5万 或 125000元');
  });

  it('saves the fixed line in ASCII and the notes, and writes one summary transaction per customer in fen', async () => {
    expect(result).toMatchObject({ created: 3, failed: 2, ledgerCreated: 3, ledgerExisting: 0 });
    const huadong = await customerNamed('华东精密仪器有限公司');
    expect(huadong).toMatchObject({ fixed_phone: '021-62345678', notes: '老客户，月结 30 天', phone: '13800138001' });
    const names = ['华东精密仪器有限公司', '北方物流有限公司', '南粤电子有限公司'];
    const ids = new Map<number, string>();
    for (const n of names) {
      const c = await customerNamed(n);
      ids.set(c.id, c.archive_no);
    }
    const tx = await importedTransactions();
    expect(tx).toHaveLength(3);
    for (const t of tx) {
      expect(t.source_doc_no).toBe(`IMPORT-${ids.get(t.customer_id)}-2026`);
      expect(String(t.date)).toBe('2026-06-15'); // this year: dated the import day, not a day to come
    }
    const cents = async (name: string) => {
      const id = (await customerNamed(name)).id;
      return Number(tx.find((t) => t.customer_id === id)!.amount_cents);
    };
    expect(await cents('华东精密仪器有限公司')).toBe(120_0000_00); // 120 万元
    expect(await cents('北方物流有限公司')).toBe(8_0000_00); // 8 万元
    expect(await cents('南粤电子有限公司')).toBe(125_000_00); // 125,000 元
  });

  it('classes each customer by the imported amount, as for every ledger write', async () => {
    // Default lines: large from 100 万元, small below 10 万元 (docs/regulations.md §3).
    expect(await amountClass(supervisor.client, (await customerNamed('华东精密仪器有限公司')).id)).toMatchObject({ amountClass: 'large', year: 2026, net: 1_200_000 });
    expect(await amountClass(supervisor.client, (await customerNamed('北方物流有限公司')).id)).toMatchObject({ amountClass: 'small', net: 80_000 });
    expect(await amountClass(supervisor.client, (await customerNamed('南粤电子有限公司')).id)).toMatchObject({ amountClass: 'medium', net: 125_000 });
  });

  it('adds no second transaction when the same file is imported again, nor when another file repeats the figures', async () => {
    const same = await commit(supervisor.client, (await upload(supervisor.client, file, '年采购额.xlsx')).id, 'skip');
    expect(same.alreadyImported).toBe(true); // answers the earlier result and writes nothing
    expect(await importedTransactions()).toHaveLength(3);
    // Updating the customers from the same figures (not the earlier import's twin: another mode) meets the summaries already there.
    const again = await commit(supervisor.client, (await upload(supervisor.client, file, '年采购额-再次.xlsx')).id, 'update');
    expect(again).toMatchObject({ alreadyImported: false, created: 0, ledgerCreated: 0, ledgerExisting: 3 });
    expect(await importedTransactions()).toHaveLength(3);

    // A year column: 2026 is there already; 2025 is a new summary; a year to come is refused.
    const withYears = await xlsx([
      ['客户名称', '年采购额（万元）', '采购年度'],
      ['华东精密仪器有限公司', '120', '2026'],
      ['华东精密仪器有限公司', '90', '2025年'],
      ['北方物流有限公司', '9', '2027'],
    ]);
    const p = await upload(supervisor.client, withYears, '分年度.xlsx');
    expect(p.columns.map((c: any) => c.field)).toEqual(['name', 'annualAmount', 'purchaseYear']);
    expect(p.errors.map((e: any) => [e.row, e.field, e.message])).toEqual([[4, 'purchaseYear', '应为 1990 到 2026 之间的年份']]);
    const r = await commit(supervisor.client, p.id, 'update');
    expect(r).toMatchObject({ ledgerCreated: 1, ledgerExisting: 1, failed: 1 });
    const huadong = await customerNamed('华东精密仪器有限公司');
    const tx = (await importedTransactions()).filter((t) => t.customer_id === huadong.id);
    expect(tx.map((t) => [t.source_doc_no, String(t.date), Number(t.amount_cents)])).toEqual([
      [`IMPORT-${huadong.archive_no}-2025`, '2025-12-31', 90_0000_00],
      [`IMPORT-${huadong.archive_no}-2026`, '2026-06-15', 120_0000_00],
    ]);
  });

  it('masks the fixed line in the list and on the record; a supervisor reveals it, audit-logged', async () => {
    const id = (await customerNamed('华东精密仪器有限公司')).id;
    const list = json(await supervisor.client.get(`/api/customers?q=${encodeURIComponent('华东精密')}`));
    expect(list.items[0]).toMatchObject({ id, fixedPhone: '021****5678', phone: '138****8001', notes: '老客户，月结 30 天' });
    expect(json(await supervisor.client.get(`/api/customers/${id}`)).fixedPhone).toBe('021****5678');
    const res = await supervisor.client.post(`/api/customers/${id}/reveal`, { field: 'fixedPhone' });
    expect(json(res)).toEqual({ value: '021-62345678' });
    const log = json(await ctx.admin.get(`/api/audit?action=reveal&entityId=${id}`));
    expect(log.items[0]).toMatchObject({ actorName: '钱主管', summary: 'fixedPhone' });
  });
});

describe('the form and the API', () => {
  it('takes a fixed line in full-width digits as ASCII and notes, and refuses a fixed line that is no phone number naming the field; only revealers unmask it', async () => {
    const created = await specialist.client.post('/api/customers', { name: '东海贸易有限公司', fixedPhone: '０５７１-８８８８６６６６', notes: '展会结识' });
    expect(created.statusCode, created.body).toBe(201);
    expect(json(created)).toMatchObject({ fixedPhone: '057****6666', notes: '展会结识' });
    expect((await customerNamed('东海贸易有限公司')).fixed_phone).toBe('0571-88886666');
    // Like the main phone, only holders of customers.reveal see it unmasked, even on their own customer.
    expect((await specialist.client.post(`/api/customers/${json(created).id}/reveal`, { field: 'fixedPhone' })).statusCode).toBe(403);
    const bad = await specialist.client.put(`/api/customers/${json(created).id}`, { fixedPhone: '电话未知', version: json(created).version });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: any) => f.field)).toEqual(['fixedPhone']);
  });
});

describe('without a transaction ledger', () => {
  it('offers no annual purchase target, leaves a 年采购额 column unmapped and refuses to map one', async () => {
    const noLedger = MODULES.map((m) => (m.name === 'transactions' ? { ...m, contributes: { ...m.contributes, customerImportLedger: undefined } } : m));
    const other = await createTestContext({ modules: noLedger });
    try {
      const p = await upload(other.admin, await xlsx([['客户名称', '年采购额', '备注'], ['某某有限公司', '10', '无']]), '无账本.xlsx');
      expect(p.columns.map((c: any) => c.field)).toEqual(['name', null, 'notes']);
      expect(p.fields).not.toContain('annualAmount');
      expect(p.purchaseYearDefault).toBeNull();
      const res = await other.admin.put(`/api/customer-imports/${p.id}/mapping`, { mapping: ['name', 'annualAmount', 'notes'] });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.fields).toEqual([{ field: 'mapping', message: '未启用交易记录，不能导入年采购额' }]);
    } finally {
      await other.close();
    }
  });
});

describe('amount and year cells', () => {
  it('reads a bare number and 万 as 万元, 元 and ¥ as 元, in fen; refuses what is not an amount', () => {
    expect(parseAnnualAmount('12.5')).toBe(12_500_000);
    expect(parseAnnualAmount('12.5万元')).toBe(12_500_000);
    expect(parseAnnualAmount('１２５，０００元')).toBe(12_500_000);
    expect(parseAnnualAmount('¥1234.56')).toBe(123_456);
    expect(parseAnnualAmount('1234.567元')).toBeNull();
    expect(parseAnnualAmount('-5')).toBeNull();
    expect(parseAnnualAmount('abc')).toBeNull();
    expect(parseYear('2025年度')).toBe(2025);
    expect(parseYear('25')).toBeNull();
  });
});
