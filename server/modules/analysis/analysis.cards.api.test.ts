import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, login, TestClock, USER_PASSWORD, type Client, type TestContext } from '../../../test/harness';

// The A卡 and C卡 tables (docs/regulations.md §16) on SQLite and PostgreSQL, with hand-computed figures.
let ctx: TestContext;
const clock = new TestClock(new Date('2026-09-01T02:00:00Z'));
type U = { id: number; username: string; client: Client };
let specA: U, specB: U, director: U;
const prospects: Record<string, { id: number; version: number }> = {};
const customers: Record<string, number> = {};
const Q4 = 'period=quarter&date=2026-11-15';

async function at(who: U, instant: string) {
  clock.set(instant);
  who.client = await login(ctx.app, who.username, USER_PASSWORD);
}
async function user(username: string, roles: string[], place: { teamId?: number; departmentId?: number }): Promise<U> {
  return { username, ...(await createUser(ctx, { username, roles, ...place })) };
}
async function prospect(who: U, key: string, instant: string, channel: string) {
  await at(who, instant);
  const res = await who.client.post('/api/prospects', { companyName: `${key}公司`, channel });
  if (res.statusCode !== 201) throw new Error(`prospect failed: ${res.statusCode} ${res.body}`);
  prospects[key] = { id: json(res).id, version: json(res).version };
}
async function move(who: U, key: string, stage: 'contract' | 'lost') {
  const p = prospects[key]!;
  const res = await who.client.post(`/api/prospects/${p.id}/stage`, { stage, version: p.version, ...(stage === 'lost' ? { lostReason: '预算取消' } : {}) });
  if (res.statusCode !== 200) throw new Error(`move failed: ${res.statusCode} ${res.body}`);
}
async function customer(who: U, key: string, fields: Record<string, unknown>) {
  const res = await who.client.post('/api/customers', { name: `${key}有限公司`, ...fields });
  if (res.statusCode !== 201) throw new Error(`customer failed: ${res.statusCode} ${res.body}`);
  customers[key] = json(res).id;
}
async function sale(who: U, key: string, date: string, product: string, yuan: number) {
  const res = await who.client.post('/api/transactions', { customerId: customers[key], date, product, quantity: 1, unitPrice: yuan });
  if (res.statusCode !== 201) throw new Error(`sale failed: ${res.statusCode} ${res.body}`);
}

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  const teamA = await createTeam(ctx, '开发一组', 1);
  const teamB = await createTeam(ctx, '开发二组', 1);
  specA = await user('card.spec.a', ['specialist'], { teamId: teamA });
  specB = await user('card.spec.b', ['specialist'], { teamId: teamB });
  director = await user('card.director', ['director'], { departmentId: 1 });
  // Prospects: p0 before the quarter; p1 at 00:30 on 1 Oct in Shanghai (in October); the rest in Q4.
  await prospect(specA, 'p0', '2026-09-20T02:00:00Z', 'online');
  await prospect(specA, 'p1', '2026-09-30T16:30:00Z', 'online');
  await prospect(specA, 'p2', '2026-10-20T02:00:00Z', 'online');
  await prospect(specA, 'p3', '2026-11-03T02:00:00Z', 'trade_fair');
  await prospect(specB, 'p5', '2026-11-11T02:00:00Z', 'online');
  await prospect(specA, 'p4', '2026-12-10T02:00:00Z', 'referral');
  // Customers: c5 leaves in November, so four of team A and one of team B are in the archive at the end of Q4.
  await at(specA, '2026-10-02T02:00:00Z');
  await customer(specA, 'c1', { province: '北京市', city: '北京市', industry: '制造业', status: 'formal' });
  await customer(specA, 'c2', { province: '上海市', city: '上海市', industry: '制造业', status: 'formal' });
  await customer(specA, 'c3', { province: '广东省', city: '广州市', industry: '零售业', status: 'dormant' });
  await customer(specA, 'c4', { province: '广东省', city: '深圳市' });
  await customer(specA, 'c5', { province: '北京市', city: '北京市', industry: '零售业', status: 'formal' });
  await at(specB, '2026-10-02T02:00:00Z');
  await customer(specB, 'c6', { province: '浙江省', city: '杭州市', industry: '零售业', status: 'formal' });
  await at(specA, '2026-11-20T02:00:00Z');
  const c5 = json(await specA.client.get(`/api/customers/${customers.c5}`));
  expect((await specA.client.put(`/api/customers/${customers.c5}`, { status: 'lost', version: c5.version })).statusCode).toBe(200);
  for (const u of [specA, specB, director]) await at(u, '2026-12-15T02:00:00Z');
  await move(specA, 'p1', 'contract');
  await move(specA, 'p2', 'lost');
  await move(specA, 'p4', 'contract');
  await move(specB, 'p5', 'contract');
  await sale(specA, 'c1', '2026-10-10', '钢材', 10000);
  await sale(specA, 'c1', '2026-11-01', '水泥', 2000);
  await sale(specA, 'c2', '2026-11-05', '钢材', 5000);
  await sale(specA, 'c3', '2026-12-01', '水泥', 1000);
  await sale(specB, 'c6', '2026-12-02', '玻璃', 3000);
}, 180_000);
afterAll(() => ctx.close());

describe('A卡: prospects by source, salesperson and month (docs/regulations.md §16)', () => {
  it('counts the quarter’s prospects with their conversions by source, salesperson and month', async () => {
    const a = json(await director.client.get(`/api/analysis/acard?${Q4}`));
    expect(a.totals).toEqual({ count: 5, converted: 3, lost: 1, conversionRate: 60 });
    expect(a.bySource.map((r: any) => [r.key, r.count, r.converted, r.lost, r.conversionRate])).toEqual([
      ['online', 3, 2, 1, 66.7],
      ['referral', 1, 1, 0, 100],
      ['trade_fair', 1, 0, 0, 0],
    ]);
    expect(a.bySalesperson.map((r: any) => [r.key, r.count, r.converted, r.conversionRate])).toEqual([
      [String(specA.id), 4, 2, 50],
      [String(specB.id), 1, 1, 100],
    ]);
    expect(a.bySalesperson[0].name).toBeTruthy();
    // p1 entered at 00:30 on 1 October in Shanghai: October, not September; every month of the quarter is listed.
    expect(a.byMonth.map((r: any) => [r.key, r.count, r.converted])).toEqual([
      ['2026-10', 2, 1],
      ['2026-11', 2, 1],
      ['2026-12', 1, 1],
    ]);
    expect(a.unavailable).toEqual(['product', 'region', 'purchaseType']);
  });

  it('counts only a specialist’s own prospects, and says which filters do not apply rather than applying them', async () => {
    const a = json(await specA.client.get(`/api/analysis/acard?${Q4}&province=${encodeURIComponent('广东省')}`));
    expect(a.totals).toEqual({ count: 4, converted: 2, lost: 1, conversionRate: 50 });
    expect(a.bySalesperson.map((r: any) => r.key)).toEqual([String(specA.id)]);
    expect(a.ignoredFilters).toEqual(['province']);
    expect(json(await specA.client.get(`/api/analysis/acard?period=month&date=2026-09-10`)).totals.count).toBe(1);
  });

  it('exports the A卡 with one block per dimension, the totals row, the missing dimensions noted, and logs it', async () => {
    const res = await director.client.get(`/api/analysis/acard/export.xlsx?${Q4}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('A卡分析表（潜在客户） 2026-Q4');
    expect(String(ws.getCell('A3').value)).toContain('没有意向产品、区域和购买类型');
    const head = ws.getColumn(1).values.findIndex((v) => v === '分析维度');
    expect((ws.getRow(head).values as unknown[]).slice(1)).toEqual(['分析维度', '项目', '潜在客户数', '成交数', '流失数', '转化率（%）']);
    expect((ws.getRow(head + 1).values as unknown[]).slice(1)).toEqual(['来源', '网络营销', 3, 2, 1, 66.7]);
    expect((ws.getRow(ws.rowCount).values as unknown[]).slice(1)).toEqual(['合计', undefined, 5, 3, 1, 60]);
    const log = json(await director.client.get('/api/audit?entityType=analysis'));
    expect(log.items.some((e: any) => e.action === 'export' && e.summary.startsWith('acard 2026-10-01..2026-12-31'))).toBe(true);
  });
});

describe('C卡: customers by type, region, industry, product and loyalty (docs/regulations.md §16)', () => {
  it('counts the customers in the archive at the end of the quarter by type, province and industry, shares adding up to 100', async () => {
    const c = json(await director.client.get(`/api/analysis/ccard?${Q4}`));
    expect(c.total).toBe(5);
    expect(c.byType).toEqual([
      { key: 'formal', count: 3, share: 60 },
      { key: 'dormant', count: 1, share: 20 },
      { key: 'potential', count: 1, share: 20 },
    ]);
    expect(c.byRegion).toEqual([
      { key: '广东省', count: 2, share: 40 },
      { key: '上海市', count: 1, share: 20 },
      { key: '北京市', count: 1, share: 20 },
      { key: '浙江省', count: 1, share: 20 },
    ]);
    expect(c.byIndustry).toEqual([
      { key: '制造业', count: 2, share: 40 },
      { key: '零售业', count: 2, share: 40 },
      { key: null, count: 1, share: 20 },
    ]);
  });

  it('counts buyers per product of the period and the customers who bought nothing', async () => {
    const c = json(await director.client.get(`/api/analysis/ccard?${Q4}`));
    expect(c.byProduct).toEqual({
      rows: [
        { key: '水泥', count: 2, share: 40 },
        { key: '钢材', count: 2, share: 40 },
        { key: '玻璃', count: 1, share: 20 },
      ],
      buyers: 4,
      noPurchase: 1,
    });
  });

  it('puts each customer in its RFM segment as computed by hand over every buyer, and the rest as unscored', async () => {
    // Four buyers in the window, NTILE(5) gives 1–4. R by last purchase: c1 1, c2 2, c3 3, c6 4; F by orders:
    // c2 1, c3 2, c6 3, c1 4; M by amount: c3 1, c6 2, c2 3, c1 4. High is 3 and above.
    const c = json(await director.client.get(`/api/analysis/ccard?${Q4}`));
    expect(c.byLoyalty.window).toEqual({ from: '2025-12-15', to: '2026-12-15' });
    expect(Object.fromEntries(c.byLoyalty.rows.map((r: any) => [r.key, r.count]))).toEqual({ important_retain: 1, important_winback: 1, general_develop: 1, general_value: 1 });
    expect(c.byLoyalty.unscored).toBe(1);
    // A specialist: only their customers, still scored among every buyer (c6 of team B shapes c1–c3's scores).
    const mine = json(await specA.client.get(`/api/analysis/ccard?${Q4}`));
    expect(mine.total).toBe(4);
    expect(Object.fromEntries(mine.byLoyalty.rows.map((r: any) => [r.key, r.count]))).toEqual({ important_retain: 1, important_winback: 1, general_develop: 1 });
    expect(mine.byRegion.some((r: any) => r.key === '浙江省')).toBe(false);
  });

  it('applies the filters to the customers counted', async () => {
    const c = json(await director.client.get(`/api/analysis/ccard?${Q4}&industry=${encodeURIComponent('零售业')}`));
    expect(c.total).toBe(2);
    expect(c.byProduct.rows.map((r: any) => [r.key, r.count])).toEqual([
      ['水泥', 1],
      ['玻璃', 1],
    ]);
  });

  it('exports the C卡 with its blocks and totals row', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await director.client.get(`/api/analysis/ccard/export.xlsx?${Q4}`)).rawPayload as any);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('C卡分析表（客户） 2026-Q4');
    const head = ws.getColumn(1).values.findIndex((v) => v === '分析维度');
    expect((ws.getRow(head + 1).values as unknown[]).slice(1)).toEqual(['客户类型（档案状态）', '正式', 3, 60]);
    const rows = Array.from({ length: ws.rowCount - head }, (_, i) => (ws.getRow(head + 1 + i).values as unknown[]).slice(1));
    expect(rows).toContainEqual([undefined, '本期无购买', 1, 20]);
    expect(rows).toContainEqual([undefined, '重要保持客户', 1, 20]);
    expect(rows[rows.length - 1]).toEqual(['合计', undefined, 5, 100]);
  });
});
