import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, login, TestClock, USER_PASSWORD, type Client, type TestContext } from '../../../test/harness';

// The seeds' analysis tables (docs/regulations.md §16) on SQLite and PostgreSQL, with hand-computed figures.
let ctx: TestContext;
const clock = new TestClock(new Date('2026-07-01T02:00:00Z'));
type U = { id: number; username: string; client: Client };
let specA: U, specB: U, director: U;
let teamB: number;
const ids: Record<string, number> = {};
const Q4 = 'period=quarter&date=2026-11-15';

/** Moves the clock (sessions expire while it jumps months) and signs the user in again. */
async function at(who: U, instant: string) {
  clock.set(instant);
  who.client = await login(ctx.app, who.username, USER_PASSWORD);
}

async function user(username: string, roles: string[], place: { teamId?: number; departmentId?: number }): Promise<U> {
  return { username, ...(await createUser(ctx, { username, roles, ...place })) };
}

async function customer(who: U, key: string, instant: string, province: string, city: string) {
  await at(who, instant);
  const res = await who.client.post('/api/customers', { name: `${key}有限公司`, province, city });
  if (res.statusCode !== 201) throw new Error(`customer failed: ${res.statusCode} ${res.body}`);
  ids[key] = json(res).id;
}

async function lose(who: U, key: string, instant: string) {
  await at(who, instant);
  const c = json(await who.client.get(`/api/customers/${ids[key]}`));
  const res = await who.client.put(`/api/customers/${ids[key]}`, { status: 'lost', version: c.version });
  if (res.statusCode !== 200) throw new Error(`status failed: ${res.statusCode} ${res.body}`);
}

async function sale(who: U, key: string, date: string, product: string, yuan: number) {
  const res = await who.client.post('/api/transactions', { customerId: ids[key], date, product, quantity: 1, unitPrice: yuan });
  if (res.statusCode !== 201) throw new Error(`sale failed: ${res.statusCode} ${res.body}`);
}

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  const teamA = await createTeam(ctx, '大客户一组', 1);
  teamB = await createTeam(ctx, '大客户二组', 1);
  specA = await user('fx.spec.a', ['specialist'], { teamId: teamA });
  specB = await user('fx.spec.b', ['specialist'], { teamId: teamB });
  director = await user('fx.director', ['director'], { departmentId: 1 });
  // Team A: gone before the quarter, three in the archive before it (one leaves in November), two new in Q4.
  await customer(specA, 'gone', '2026-06-01T02:00:00Z', '北京市', '北京市');
  await customer(specA, 'old1', '2026-07-01T02:00:00Z', '北京市', '北京市');
  await customer(specA, 'old2', '2026-08-01T02:00:00Z', '上海市', '上海市');
  await customer(specA, 'old3', '2026-09-30T15:00:00Z', '上海市', '上海市'); // 23:00 on 30 Sep in Shanghai: before Q4
  await lose(specA, 'gone', '2026-09-15T02:00:00Z');
  await customer(specA, 'new1', '2026-09-30T16:30:00Z', '广东省', '广州市'); // 00:30 on 1 Oct in Shanghai: in Q4
  await customer(specA, 'new2', '2026-11-20T02:00:00Z', '广东省', '深圳市');
  await lose(specA, 'old3', '2026-11-15T02:00:00Z');
  // Team B: one new customer the specialist of team A must never count.
  await customer(specB, 'other', '2026-10-10T02:00:00Z', '浙江省', '杭州市');
  for (const u of [specA, specB, director]) await at(u, '2026-12-07T02:00:00Z');
  await sale(specA, 'old1', '2026-11-10', '钢材', 10000);
  await sale(specA, 'old2', '2026-12-01', '水泥', 2000);
  await sale(specA, 'new1', '2026-12-05', '水泥', 5000);
  await sale(specA, 'old1', '2026-09-20', '钢材', 8000); // Q3: the compared period
  await sale(specB, 'other', '2026-12-02', '玻璃', 3000);
}, 180_000); // a dozen sign-ins while the clock jumps: slow on a busy machine
afterAll(() => ctx.close());

describe('客户增减分析表 (docs/regulations.md §16)', () => {
  it('shows 3 previous, 2 new, 1 removed, 4 current, +1 for the quarter and the old-vs-new sales split', async () => {
    const g = json(await specA.client.get(`/api/analysis/growth?${Q4}`));
    expect(g.period).toEqual({ from: '2026-10-01', to: '2026-12-31', label: '2026-Q4' });
    expect(g.compared.label).toBe('2026-Q3');
    expect(g.rows[0]).toMatchObject({ previous: 3, added: 2, removed: 1, current: 4, growth: 1 });
    expect(g.rows[0]).toMatchObject({ oldSalesCents: 1_200_000, newSalesCents: 500_000, salesCents: 1_700_000, comparedSalesCents: 800_000 });
    // Q3 itself: gone was there before it (1), old1..old3 entered (3), gone left (1) → 3 at its end.
    expect(g.rows[1]).toMatchObject({ previous: 1, added: 3, removed: 1, current: 3, growth: 2, salesCents: 800_000 });
  });

  it('never counts another team’s customers for a specialist; the director sees both teams', async () => {
    const a = json(await specA.client.get(`/api/analysis/growth?${Q4}`));
    expect(a.rows[0].added).toBe(2);
    const b = json(await specB.client.get(`/api/analysis/growth?${Q4}`));
    expect(b.rows[0]).toMatchObject({ previous: 0, added: 1, removed: 0, current: 1, salesCents: 300_000 });
    const d = json(await director.client.get(`/api/analysis/growth?${Q4}`));
    expect(d.rows[0]).toMatchObject({ previous: 3, added: 3, removed: 1, current: 5, growth: 2, newSalesCents: 800_000 });
    // A filter on another team gives the specialist nothing rather than that team's figures.
    expect(json(await specA.client.get(`/api/analysis/growth?${Q4}&teamId=${teamB}`)).rows[0].current).toBe(0);
  });

  it('compares with the same quarter a year earlier when asked', async () => {
    const g = json(await specA.client.get(`/api/analysis/growth?${Q4}&compare=lastYear`));
    expect(g.compared).toEqual({ from: '2025-10-01', to: '2025-12-31', label: '2025-Q4' });
    expect(g.rows[0].comparedSalesCents).toBe(0);
  });

  it('refuses a malformed period with the field at fault', async () => {
    const res = await specA.client.get('/api/analysis/growth?period=week');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('period');
  });
});

describe('客户区域分析表, 客户销售分析表 and purchase structure (docs/regulations.md §16)', () => {
  it('gives customers and sales per region with shares that add up to 100 %', async () => {
    const r = json(await director.client.get(`/api/analysis/regions?${Q4}`));
    // At the end of Q4: old1 (北京), old2 (上海), new1 (广州), new2 (深圳), other (杭州); gone and old3 have left.
    expect(r.totals).toEqual({ customers: 5, salesCents: 2_000_000 });
    const sum = (k: string) => Math.round(r.rows.reduce((a: number, x: any) => a + x[k], 0) * 100) / 100;
    expect(sum('customerShare')).toBe(100);
    expect(sum('salesShare')).toBe(100);
    const bj = r.rows.find((x: any) => x.city === '北京市');
    expect(bj).toMatchObject({ customers: 1, customerShare: 20, salesCents: 1_000_000, salesShare: 50 });
    const mine = json(await specA.client.get(`/api/analysis/regions?${Q4}`));
    expect(mine.rows.some((x: any) => x.city === '杭州市')).toBe(false);
  });

  it('crosses customers with products with row and column totals, folding the rest into 其他', async () => {
    const s = json(await director.client.get(`/api/analysis/sales?${Q4}&top=2`));
    expect(s.products.map((p: any) => p.product)).toEqual(['钢材', '水泥', null]);
    expect(s.rows.map((r: any) => r.name)).toEqual(['old1有限公司', 'new1有限公司', null]);
    expect(s.rows[0]).toMatchObject({ cells: [1_000_000, 0, 0], totalCents: 1_000_000 });
    expect(s.rows[2]).toMatchObject({ cells: [0, 200_000, 300_000], totalCents: 500_000 });
    expect(s.products.map((p: any) => p.totalCents)).toEqual([1_000_000, 700_000, 300_000]);
    expect(s.totalCents).toBe(2_000_000);
    const st = json(await director.client.get(`/api/analysis/structure?${Q4}`));
    expect(st.rows).toEqual([
      { product: '钢材', salesCents: 1_000_000, share: 50, customers: 1 },
      { product: '水泥', salesCents: 700_000, share: 35, customers: 2 },
      { product: '玻璃', salesCents: 300_000, share: 15, customers: 1 },
    ]);
  });

  it('exports 客户增减分析表 in the seed layout — title, two header rows — and logs the export', async () => {
    const res = await specA.client.get(`/api/analysis/growth/export.xlsx?${Q4}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('客户增减分析表 2026-Q4');
    const head = ws.getColumn(1).values.findIndex((v) => v === '期间');
    expect(ws.getRow(head).getCell(2).value).toBe('客户数');
    expect(ws.getRow(head).getCell(7).value).toBe('客户销售额（元）');
    expect((ws.getRow(head + 1).values as unknown[]).slice(2)).toEqual(['原有', '新增', '删除', '现有', '增加', '原客户', '新客户', '本期销售', '上期销售']);
    expect((ws.getRow(head + 2).values as unknown[]).slice(1)).toEqual(['2026-Q4', 3, 2, 1, 4, 1, 12000, 5000, 17000, 8000]);
    const log = json(await director.client.get('/api/audit?entityType=analysis'));
    expect(log.items.some((e: any) => e.action === 'export' && e.summary.startsWith('growth 2026-10-01..2026-12-31'))).toBe(true);
  });

  it('exports 客户销售分析表 with its totals row and 客户区域分析表 whose shares total 100', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await director.client.get(`/api/analysis/sales/export.xlsx?${Q4}&top=2`)).rawPayload as any);
    const ws = wb.worksheets[0];
    const last = ws.getRow(ws.rowCount).values as unknown[];
    expect(last.slice(1)).toEqual(['合计', 10000, 7000, 3000, 20000]);
    const wr = new ExcelJS.Workbook();
    await wr.xlsx.load((await director.client.get(`/api/analysis/regions/export.xlsx?${Q4}`)).rawPayload as any);
    const rs = wr.worksheets[0];
    expect((rs.getRow(rs.rowCount).values as unknown[]).slice(1)).toEqual(['合计', undefined, undefined, 5, 100, 20000, 100]);
  });
});
