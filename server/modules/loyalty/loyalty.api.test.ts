import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type Services } from '../../app';
import { openDatabase, type Db } from '../../db/database';
import { createLeases } from '../../platform/jobs/leases';
import { createTeam, createTestContext, createUser, json, TestClock, type Client, type TestContext } from '../../../test/harness';

// Churn and loyalty (docs/regulations.md §16) on SQLite and PostgreSQL. Today is Monday 2026-12-07 in Shanghai.
let ctx: TestContext;
type U = { id: number; client: Client };
let specA: U, specB: U, manager: U;
let sevenMonths: number, fiveMonths: number, otherTeam: number, silentBuyer: number;
const rfm: number[] = [];

async function customer(who: U, name: string) {
  const res = await who.client.post('/api/customers', { name, status: 'formal' });
  expect(res.statusCode, res.body).toBe(201);
  return json(res).id as number;
}
async function visit(who: U, customerId: number, visitedAt: string) {
  const res = await who.client.post('/api/visits', { customerId, method: 'phone', visitedAt });
  expect(res.statusCode, res.body).toBe(201);
}
async function sale(who: U, customerId: number, date: string, yuan: number) {
  const res = await who.client.post('/api/transactions', { customerId, date, product: '会议室租用', quantity: 1, unitPrice: yuan });
  expect(res.statusCode, res.body).toBe(201);
}
const loyaltyTasks = (customerId: number) =>
  ctx.db.kysely.selectFrom('tasks').select(['id', 'assignee_id', 'status', 'title']).where('source', '=', 'loyalty').where('link_id', '=', customerId).orderBy('id').execute();
const ids = (rows: { customerId: number }[]) => rows.map((r) => r.customerId);

/**
 * Ten buyers for the RFM hand computation: [last purchase, earlier purchases' dates, amount per purchase in 元].
 * Hand computation (NTILE(5) over 10 customers = 2 per quintile; ties by customer order; 5 = best):
 *   R by last purchase, oldest first:  C1 C2 → 1, C3 C4 → 2, C5 C6 → 3, C7 C8 → 4, C9 C10 → 5
 *   F by purchases: C1 1, C3 1, C7 1, C2 2, C5 2, C9 2, C4 3, C10 3, C6 4, C8 5
 *                   → C1 C3 → 1, C7 C2 → 2, C5 C9 → 3, C4 C10 → 4, C6 C8 → 5
 *   M by amount: C6 400, C2 500, C9 700, C1 1000, C4 3000, C7 6000, C3 8000, C10 15000, C5 20000, C8 50000
 *                   → C6 C2 → 1, C9 C1 → 2, C4 C7 → 3, C3 C10 → 4, C5 C8 → 5
 *   Segments (high = 3 or more): C1 1/1/2 一般挽留, C2 1/2/1 一般挽留, C3 2/1/4 重要挽留, C4 2/4/3 重要保持,
 *   C5 3/3/5 重要价值, C6 3/5/1 一般价值, C7 4/2/3 重要发展, C8 4/5/5 重要价值, C9 5/3/2 一般价值, C10 5/4/4 重要价值
 *   Value rank by R+F+M, then amount: C8 14, C10 13, C5 11, C9 10, C7 9 (6000), C4 9 (3000), C6 9 (400), C3 7, C1 4 (1000), C2 4
 */
const BUYERS: [string, string[], number][] = [
  ['2026-01-10', [], 1000],
  ['2026-02-10', ['2026-01-05'], 250],
  ['2026-03-10', [], 8000],
  ['2026-04-10', ['2026-01-05', '2026-02-05'], 1000],
  ['2026-05-10', ['2026-01-05'], 10000],
  ['2026-06-10', ['2026-01-05', '2026-02-05', '2026-03-05'], 100],
  ['2026-07-10', [], 6000],
  ['2026-08-10', ['2026-01-05', '2026-02-05', '2026-03-05', '2026-04-05'], 10000],
  ['2026-09-10', ['2026-01-05'], 350],
  ['2026-11-10', ['2026-01-05', '2026-02-05'], 5000],
];

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-12-07T02:00:00Z')) });
  const teamA = await createTeam(ctx, '大客户一组', 1);
  const teamB = await createTeam(ctx, '大客户二组', 1);
  specA = await createUser(ctx, { username: 'zhuan.yuan.a', displayName: '王专员', roles: ['specialist'], teamId: teamA });
  specB = await createUser(ctx, { username: 'zhuan.yuan.b', displayName: '冯专员', roles: ['specialist'], teamId: teamB });
  manager = await createUser(ctx, { username: 'jing.li', displayName: '李经理', roles: ['manager'], departmentId: 1 });
  sevenMonths = await customer(specA, '北京华宇科技有限公司');
  fiveMonths = await customer(specA, '天津宏达物流有限公司');
  otherTeam = await customer(specB, '上海东方航运有限公司');
  silentBuyer = await customer(specA, '重庆长江机械有限公司');
  await visit(specA, sevenMonths, '2026-05-06T10:00:00+08:00');
  await visit(specA, fiveMonths, '2026-07-06T10:00:00+08:00');
  await visit(specB, otherTeam, '2026-03-01T10:00:00+08:00');
  await sale(specB, otherTeam, '2024-08-01', 3000); // bought long ago: outside the RFM window, proposed as lost
  await sale(specA, silentBuyer, '2025-10-01', 2000); // 14 months without a purchase
  for (const [i, [last, earlier, yuan]] of BUYERS.entries()) {
    const id = await customer(specA, `测试客户${i + 1}`);
    rfm.push(id);
    for (const d of [...earlier, last]) await sale(specA, id, d, yuan);
  }
}, 240_000); // some 50 requests: slow on a busy machine
afterAll(() => ctx.close());

describe('churn risk (docs/regulations.md §16)', () => {
  it('with the default six months, lists a customer last visited seven months ago and not one visited five months ago', async () => {
    const r = json(await specA.client.get('/api/loyalty/churn-risks'));
    expect(r.months).toBe(6);
    expect(ids(r.rows)).toContain(sevenMonths);
    expect(ids(r.rows)).not.toContain(fiveMonths);
    expect(r.rows.find((x: { customerId: number }) => x.customerId === sevenMonths)).toMatchObject({ lastVisit: '2026-05-06', monthsSince: 7, riskSince: '2026-11-06', reason: null, ownerName: '王专员' });
    expect(json(await specA.client.get(`/api/customers/${fiveMonths}/loyalty`)).churn).toMatchObject({ monthsSince: 5, atRisk: false, riskSince: '2027-01-06' });
  });

  it('never lists another team’s customers; a manager sees both', async () => {
    expect(ids(json(await specA.client.get('/api/loyalty/churn-risks')).rows)).not.toContain(otherTeam);
    expect(ids(json(await specB.client.get('/api/loyalty/churn-risks')).rows)).toEqual([otherTeam]);
    expect(ids(json(await manager.client.get('/api/loyalty/churn-risks')).rows)).toEqual(expect.arrayContaining([sevenMonths, otherTeam]));
    expect((await specA.client.put(`/api/customers/${otherTeam}/loyalty/churn-reason`, { reason: '测试' })).statusCode).toBe(404);
    expect(ids(json(await specA.client.get('/api/loyalty/lost')).rows)).toEqual([silentBuyer]);
    expect(ids(json(await specA.client.get('/api/loyalty/rfm')).rows)).not.toContain(otherTeam);
  });

  it('keeps the owner’s reason for the risk; a blank reason is refused', async () => {
    const bad = await specA.client.put(`/api/customers/${sevenMonths}/loyalty/churn-reason`, { reason: '  ' });
    expect(bad.statusCode).toBe(422);
    expect(json(bad).error.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
    expect((await specA.client.put(`/api/customers/${fiveMonths}/loyalty/churn-reason`, { reason: '客户搬迁' })).statusCode).toBe(409);
    const ok = json(await specA.client.put(`/api/customers/${sevenMonths}/loyalty/churn-reason`, { reason: '采购负责人更换' }));
    expect(ok).toMatchObject({ customerId: sevenMonths, reason: '采购负责人更换' });
    const row = json(await specA.client.get('/api/loyalty/churn-risks')).rows.find((x: { customerId: number }) => x.customerId === sevenMonths);
    expect(row.reason).toBe('采购负责人更换');
  });

  it('gives the owner one outreach task per risk period; a second run makes none', async () => {
    expect(await loyaltyTasks(sevenMonths)).toHaveLength(0);
    expect((await specA.client.post('/api/loyalty/run', {})).statusCode).toBe(403);
    expect(json(await manager.client.post('/api/loyalty/run', {}))).toEqual({ created: 2 }); // and specB's customer
    const made = await loyaltyTasks(sevenMonths);
    expect(made).toMatchObject([{ assignee_id: specA.id, status: 'open', title: '流失风险：北京华宇科技有限公司（已 7 个月未回访）' }]);
    expect(json(await manager.client.post('/api/loyalty/run', {}))).toEqual({ created: 0 });
    expect(await loyaltyTasks(sevenMonths)).toHaveLength(1);
    expect(await loyaltyTasks(fiveMonths)).toHaveLength(0);
    // a visit ends the period: the next run completes the task and the customer leaves the list
    await visit(specA, sevenMonths, '2026-12-07T09:00:00+08:00');
    expect(json(await manager.client.post('/api/loyalty/run', {}))).toEqual({ created: 0 });
    expect((await loyaltyTasks(sevenMonths)).map((x) => x.status)).toEqual(['done']);
    expect(ids(json(await specA.client.get('/api/loyalty/churn-risks')).rows)).not.toContain(sevenMonths);
  });
});

describe('lost customers (docs/regulations.md §16)', () => {
  it('proposes a customer without a purchase for twelve months; recording the loss needs a reason and is kept in its history', async () => {
    const lost = json(await specA.client.get('/api/loyalty/lost'));
    expect(lost).toMatchObject({ months: 12, rows: [{ customerId: silentBuyer, lastPurchase: '2025-10-01', orders: 1, amountCents: 200000 }] });
    const bad = await specA.client.post(`/api/customers/${silentBuyer}/loyalty/lost`, { reason: '' });
    expect(bad.statusCode).toBe(422);
    expect(json(bad).error.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
    expect(json(await specA.client.get(`/api/customers/${silentBuyer}`)).status).toBe('formal');
    const ok = await specA.client.post(`/api/customers/${silentBuyer}/loyalty/lost`, { reason: '客户已转向其他供应商' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json(await specA.client.get(`/api/customers/${silentBuyer}`)).status).toBe('lost');
    const history = json(await specA.client.get(`/api/customers/${silentBuyer}/history`)).items as { summary: string | null; field: string; newValue: unknown }[];
    expect(history).toContainEqual(expect.objectContaining({ field: 'status', newValue: 'lost', summary: '确认流失（最后一次购买：2025-10-01）：客户已转向其他供应商' }));
    expect(json(await specA.client.get('/api/loyalty/lost')).rows).toEqual([]);
    expect((await specA.client.post(`/api/customers/${silentBuyer}/loyalty/lost`, { reason: '再次' })).statusCode).toBe(409);
  });
});

describe('RFM (docs/regulations.md §16)', () => {
  it('scores ten buyers in quintiles as computed by hand, with their segments and value rank', async () => {
    const r = json(await specA.client.get('/api/loyalty/rfm'));
    expect(r).toMatchObject({ from: '2025-12-07', to: '2026-12-07' });
    const got = Object.fromEntries(
      r.rows.map((x: { customerId: number; r: number; f: number; m: number; segment: string; valueRank: number; population: number }) => [
        `C${rfm.indexOf(x.customerId) + 1}`,
        `${x.r}${x.f}${x.m} ${x.segment} #${x.valueRank}/${x.population}`,
      ]),
    );
    expect(got).toEqual({
      C1: '112 general_winback #9/10',
      C2: '121 general_winback #10/10',
      C3: '214 important_winback #8/10',
      C4: '243 important_retain #6/10',
      C5: '335 important_value #3/10',
      C6: '351 general_value #7/10',
      C7: '423 important_develop #5/10',
      C8: '455 important_value #1/10',
      C9: '532 general_value #4/10',
      C10: '544 important_value #2/10',
    });
    expect(r.rows.map((x: { customerId: number }) => rfm.indexOf(x.customerId) + 1)).toEqual([8, 10, 5, 9, 7, 4, 6, 3, 1, 2]); // the value ranking
    expect(ids(json(await specA.client.get('/api/loyalty/rfm?segment=important_value')).rows)).toEqual([rfm[7], rfm[9], rfm[4]]);
    expect(json(await specA.client.get(`/api/customers/${rfm[2]}/loyalty`)).rfm).toMatchObject({ r: 2, f: 1, m: 4, segment: 'important_winback', amountCents: 800000, orders: 1, lastPurchase: '2026-03-10' });
    expect(json(await specB.client.get('/api/loyalty/rfm')).rows).toEqual([]);
  });
});

describe('the scheduled churn-risk run (docs/regulations.md §16)', () => {
  let secondDb: Db;
  let second: { app: FastifyInstance; services: Services };
  beforeAll(async () => {
    secondDb = openDatabase(ctx.config.database); // its own pool, as another process would have
    second = await buildApp({ config: ctx.config, db: secondDb, clock: ctx.clock, logger: false });
  });
  afterAll(async () => {
    await second.app.close();
    await secondDb.close();
  });

  it('creates the outreach task once, even with two app processes running the job', async () => {
    const late = await customer(specA, '广州南方制药有限公司');
    await visit(specA, late, '2026-04-20T10:00:00+08:00');
    const one = createLeases(ctx.db.kysely, ctx.clock, 'process-1');
    const two = createLeases(secondDb.kysely, ctx.clock, 'process-2');
    const results = await Promise.all([ctx.services.loyalty.runScheduled(one, 60_000), second.services.loyalty.runScheduled(two, 60_000)]);
    expect(results.filter((r) => r === null)).toHaveLength(1); // only one holds the lease
    // past the lease, both run at once without it: the unique period still allows one task
    ctx.clock.advance(61_000);
    await Promise.all([ctx.services.loyalty.run(), second.services.loyalty.run()]);
    expect(await loyaltyTasks(late)).toMatchObject([{ assignee_id: specA.id, status: 'open' }]);
  });
});
