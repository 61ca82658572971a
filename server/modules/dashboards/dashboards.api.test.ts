import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, TestClock, type Client, type TestContext } from '../../../test/harness';

// Dashboards (docs/regulations.md §16) on SQLite and PostgreSQL, with hand-computed figures. Today is 2026-12-07 in Shanghai.
let ctx: TestContext;
type U = { id: number; client: Client };
let specA: U, specB: U, supervisor: U, director: U, finance: U;
const ids: Record<string, number> = {};

async function customer(who: U, key: string, grade: string, province: string, city: string) {
  const res = await who.client.post('/api/customers', { name: `${key}有限公司`, province, city });
  if (res.statusCode !== 201) throw new Error(`customer failed: ${res.statusCode} ${res.body}`);
  ids[key] = json(res).id;
  await ctx.db.kysely.transaction().execute((trx) => ctx.services.customers.setGrades(trx, null, [{ customerId: ids[key], grade, reason: '测试' }]));
}
async function sale(who: U, key: string, date: string, yuan: number) {
  const res = await who.client.post('/api/transactions', { customerId: ids[key], date, product: '钢材', quantity: 1, unitPrice: yuan });
  if (res.statusCode !== 201) throw new Error(`sale failed: ${res.statusCode} ${res.body}`);
}
const page = async (who: U) => {
  const res = await who.client.get('/api/dashboards/mine');
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return json(res);
};
const cells = (p: { gradeRegion: { grade: string | null; province: string | null; customers: number }[] }) =>
  p.gradeRegion.map((r) => `${r.grade}/${r.province}=${r.customers}`).sort();
const month = (p: { salesTrend: { months: { month: string; cents: number }[] } }, m: string) => p.salesTrend.months.find((x) => x.month === m)?.cents;

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-12-07T02:00:00Z')) });
  const teamA = await createTeam(ctx, '大客户一组', 1);
  const teamB = await createTeam(ctx, '大客户二组', 1);
  supervisor = await createUser(ctx, { username: 'db.sup', displayName: '郑主管', roles: ['supervisor'], teamId: teamA });
  await ctx.db.kysely.updateTable('teams').set({ supervisor_id: supervisor.id }).where('id', '=', teamA).execute();
  specA = await createUser(ctx, { username: 'db.spec.a', displayName: '王专员', roles: ['specialist'], teamId: teamA });
  specB = await createUser(ctx, { username: 'db.spec.b', displayName: '冯专员', roles: ['specialist'], teamId: teamB });
  director = await createUser(ctx, { username: 'db.director', displayName: '赵总监', roles: ['director'], departmentId: 1 });
  finance = await createUser(ctx, { username: 'db.finance', displayName: '钱会计', roles: ['finance'], departmentId: 1 });
  await customer(specA, 'a1', 'A', '广东省', '广州市');
  await customer(specA, 'a2', 'A', '广东省', '深圳市');
  await customer(specA, 'a3', 'B', '北京市', '北京市');
  await customer(specB, 'b1', 'A', '广东省', '佛山市'); // team B: never on team A's pages
  await sale(specA, 'a1', '2026-11-10', 10000);
  await sale(specA, 'a1', '2026-12-01', 2000);
  await sale(specA, 'a3', '2026-11-20', 500);
  await sale(specB, 'b1', '2026-12-02', 3000);
  await sale(specA, 'a2', '2025-12-31', 700); // before the twelve months (2026-01 … 2026-12)
}, 120_000);
afterAll(() => ctx.close());

describe('dashboards (docs/regulations.md §16)', () => {
  it('gives the director customers by grade and province, monthly sales and top customers over all teams', async () => {
    const p = await page(director);
    expect(p.scope).toBe('all');
    expect(cells(p)).toEqual(['A/广东省=3', 'B/北京市=1']);
    expect(p.salesTrend.months.map((m: { month: string }) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(month(p, '2026-11')).toBe(1_050_000);
    expect(month(p, '2026-12')).toBe(500_000);
    expect(month(p, '2026-01')).toBe(0);
    expect(p.topCustomers.rows.map((r: { id: number; cents: number }) => [r.id, r.cents])).toEqual([
      [ids.a1, 1_200_000],
      [ids.b1, 300_000],
      [ids.a3, 50_000],
    ]);
    expect(p.cadence.total).toBe(4);
    expect(p.pool).toHaveLength(12);
    expect(p.complaints).toMatchObject({ received: 0, inTimeRate: null });
    expect(p.satisfaction).toEqual({ responses: 0, index: null });
    expect(p.salesTrend.asOf).toBeNull(); // no nightly run yet: computed live
    expect(p.gradeRegionAsOf).toBeNull();
  });

  it('shows the nightly figures as of their run until the next one', async () => {
    const { computedAt } = json(await director.client.post('/api/dashboards/refresh', {}));
    await sale(specA, 'a2', '2026-12-03', 100);
    const p = await page(director);
    expect(p.salesTrend.asOf).toBe(computedAt);
    expect(p.topCustomers.asOf).toBe(computedAt);
    expect(p.cadence.asOf).toBe(computedAt);
    expect(month(p, '2026-12')).toBe(500_000); // the sale after the run is not in yet
    expect(cells(p)).toEqual(['A/广东省=3', 'B/北京市=1']);
    await director.client.post('/api/dashboards/refresh', {});
    expect(month(await page(director), '2026-12')).toBe(510_000);
  });

  it('counts customers by grade and region for the director as of the nightly run, and live on a specialist’s page', async () => {
    const setGrade = (grade: string) => ctx.db.kysely.transaction().execute((trx) => ctx.services.customers.setGrades(trx, null, [{ customerId: ids.a1, grade, reason: '测试' }]));
    const { computedAt } = json(await director.client.post('/api/dashboards/refresh', {}));
    await setGrade('B');
    const before = await page(director);
    expect(before.gradeRegionAsOf).toBe(computedAt);
    expect(cells(before)).toEqual(['A/广东省=3', 'B/北京市=1']); // the regrade after the run is not in yet
    const own = await page(specA);
    expect(own.gradeRegionAsOf).toBeNull();
    expect(cells(own)).toEqual(['A/广东省=1', 'B/北京市=1', 'B/广东省=1']);
    await director.client.post('/api/dashboards/refresh', {});
    expect(cells(await page(director))).toEqual(['A/广东省=2', 'B/北京市=1', 'B/广东省=1']);
    await setGrade('A');
    await director.client.post('/api/dashboards/refresh', {});
  });

  it('never counts another team’s customers on a specialist’s or a supervisor’s page', async () => {
    for (const who of [specA, supervisor]) {
      const p = await page(who);
      expect(cells(p)).toEqual(['A/广东省=2', 'B/北京市=1']);
      expect(month(p, '2026-12')).toBe(210_000);
      expect(month(p, '2026-11')).toBe(1_050_000);
      expect(p.topCustomers.rows.map((r: { id: number }) => r.id)).not.toContain(ids.b1);
      expect(p.cadence.total).toBe(3);
      expect(p.salesTrend.asOf).toBeNull(); // narrower scopes are always live
    }
    const b = await page(specB);
    expect(cells(b)).toEqual(['A/广东省=1']);
    expect(month(b, '2026-12')).toBe(300_000);
    expect(b.topCustomers.rows).toEqual([{ id: ids.b1, name: 'b1有限公司', cents: 300_000 }]);
  });

  it('lets only directors and managers recompute, and keeps the page from roles without a dashboard', async () => {
    expect((await specA.client.post('/api/dashboards/refresh', {})).statusCode).toBe(403);
    expect((await finance.client.get('/api/dashboards/mine')).statusCode).toBe(403);
  });
});
