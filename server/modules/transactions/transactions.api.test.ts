import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTeam, createTestContext, createUser, json, login, TestClock, USER_PASSWORD, type Client, type TestContext } from '../../../test/harness';
import { createLeases } from '../../platform/jobs/leases';
import { transactionListLimits } from './transactions.queries';

// Transactions, returns and the class by annual purchases (docs/regulations.md §2 sections 3–4, §3).
// Default lines: large from 100 万元, small below 10 万元.
let ctx: TestContext;
type U = { id: number; client: Client };
let director: U, specA: U, specB: U, finance: U;
let customerA: number, customerB: number, customerC: number;
let archiveNoC: string;

const sale = (who: U, body: Record<string, unknown>) => who.client.post('/api/transactions', { date: '2026-06-15', product: '会议室租用', quantity: 1, ...body });
const summary = async (who: U, id: number) => json(await who.client.get(`/api/customers/${id}/transaction-summary`));
const classifyEntries = async (id: number) =>
  (json(await ctx.admin.get(`/api/customers/${id}/history`)).items as { action: string; summary: string | null; actorName: string | null }[]).filter((h) => h.action === 'classify');

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-06-15T04:00:00Z')) });
  const teamA = await createTeam(ctx, '大客户一组', 1);
  const teamB = await createTeam(ctx, '大客户二组', 1);
  director = await createUser(ctx, { username: 'zong.jian', displayName: '周总监', roles: ['director'], departmentId: 1 });
  specA = await createUser(ctx, { username: 'zhuan.yuan.a', displayName: '王专员', roles: ['specialist'], teamId: teamA });
  specB = await createUser(ctx, { username: 'zhuan.yuan.b', displayName: '冯专员', roles: ['specialist'], teamId: teamB });
  finance = await createUser(ctx, { username: 'cai.wu', displayName: '陈会计', roles: ['finance'], departmentId: 1 });
  customerA = json(await specA.client.post('/api/customers', { name: '北京华宇科技有限公司' })).id;
  customerB = json(await specB.client.post('/api/customers', { name: '上海东方航运有限公司' })).id;
  const c = json(await specA.client.post('/api/customers', { name: '广州南方物流有限公司' }));
  customerC = c.id;
  archiveNoC = c.archiveNo;
});
afterAll(() => ctx.close());

describe('classification by annual purchases (docs/regulations.md §3)', () => {
  let second: number;

  it('makes a customer large when its net purchases of the year reach 100 万元, with a history entry naming the amount and the line', async () => {
    const first = await sale(specA, { customerId: customerA, unitPrice: 600000, salespersonId: specA.id });
    expect(first.statusCode).toBe(201);
    expect(json(first)).toMatchObject({ amount: 600000, salespersonName: '王专员', sourceSystem: 'manual' });
    expect((await summary(specA, customerA)).amountClass).toMatchObject({ amountClass: 'medium', year: 2026, net: 600000 });

    const res = await sale(specA, { customerId: customerA, product: '客房包价', quantity: 2, unitPrice: 317000 });
    expect(res.statusCode).toBe(201);
    second = json(res).id;
    const s = await summary(specA, customerA);
    expect(s.amountClass).toMatchObject({ amountClass: 'large', net: 1234000, largeLine: 1000000, reason: '2026 年采购额 ¥1,234,000 ≥ 大客户线 ¥1,000,000' });
    expect(s.years).toEqual([{ year: 2026, gross: 1234000, returned: 0, net: 1234000 }]);
    const [latest] = await classifyEntries(customerA);
    expect(latest).toMatchObject({ actorName: '王专员', summary: '客户分类：中客户 → 大客户。2026 年采购额 ¥1,234,000 ≥ 大客户线 ¥1,000,000' });
    expect(s.changes.map((c: { oldClass: string | null; newClass: string }) => [c.oldClass, c.newClass])).toEqual([
      ['medium', 'large'],
      [null, 'medium'],
    ]);
  });

  it('moves it back to medium when a return takes the net below the line, and refuses to return more than was sold', async () => {
    const tooMuch = await specA.client.post('/api/transaction-returns', { transactionId: second, kind: 'return', date: '2026-06-20', amount: 634000.01, reason: '质量问题', responsibleParty: '我方' });
    expect(tooMuch.statusCode).toBe(422);
    expect(json(tooMuch).error.fields[0]).toMatchObject({ field: 'amount' });

    const res = await specA.client.post('/api/transaction-returns', { transactionId: second, kind: 'return', date: '2026-06-20', amount: 300000, reason: '客房未达标准，退回部分房费', responsibleParty: '我方' });
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({ customerId: customerA, transactionId: second, kind: 'return', amount: 300000, responsibleParty: '我方' });
    const s = await summary(specA, customerA);
    expect(s.amountClass).toMatchObject({ amountClass: 'medium', net: 934000 });
    expect(s.years).toEqual([{ year: 2026, gross: 1234000, returned: 300000, net: 934000 }]);
    expect((await classifyEntries(customerA))[0].summary).toBe('客户分类：大客户 → 中客户。2026 年采购额 ¥934,000：不低于小客户线 ¥100,000，低于大客户线 ¥1,000,000');
  });
});

describe('data scope (docs/regulations.md §1)', () => {
  it('lets a specialist read only their own customers’ transactions (another team’s answer 404); finance reads all', async () => {
    const b = json(await sale(specB, { customerId: customerB, unitPrice: 5000 }));
    const a = json(await specA.client.get('/api/transactions?pageSize=100')).items as { customerId: number; id: number }[];
    expect(a.length).toBeGreaterThan(0);
    expect(a.every((t) => t.customerId !== customerB)).toBe(true);
    expect((await specA.client.get(`/api/transactions/${b.id}`)).statusCode).toBe(404);
    expect((await specA.client.get(`/api/customers/${customerB}/transaction-summary`)).statusCode).toBe(404);
    // Entering one for another team's customer is refused, naming the field.
    const foreign = await sale(specA, { customerId: customerB, unitPrice: 1 });
    expect(foreign.statusCode).toBe(422);
    expect(json(foreign).error.fields[0].field).toBe('customerId');

    expect((await finance.client.get(`/api/transactions/${b.id}`)).statusCode).toBe(200);
    const all = json(await finance.client.get('/api/transactions?pageSize=100')).items as { customerId: number }[];
    expect(new Set(all.map((t) => t.customerId))).toEqual(new Set([customerA, customerB]));
    expect((await finance.client.get(`/api/customers/${customerA}/transaction-summary`)).statusCode).toBe(200);
  });
});

describe('pushing from an ERP (archive section 3)', () => {
  const batch = () => ({
    sourceSystem: 'ERP',
    items: [
      { sourceDocNo: 'XS-2026-0001', customerArchiveNo: archiveNoC, date: '2026-06-10', product: '年会场地', quantity: 1, unitPrice: 80000, salesperson: 'zhuan.yuan.a' },
      { sourceDocNo: 'XS-2026-0002', customerId: customerC, date: '2026-06-11', product: '客房', model: '商务大床房', quantity: 40, unitPrice: 650, amount: 25000 },
      { sourceDocNo: 'XS-2026-0003', customerArchiveNo: 'KH1999-999999', date: '2026-06-12', product: '客房', quantity: 1, unitPrice: 650 },
    ],
  });

  it('records a batch once: pushing the same batch twice changes nothing and says so', async () => {
    const first = await director.client.post('/api/transactions/batch', batch());
    expect(first.statusCode).toBe(200);
    expect(json(first)).toMatchObject({ created: 2, unchanged: 0, rejected: [{ index: 2, sourceDocNo: 'XS-2026-0003', errors: [{ field: 'customerArchiveNo', message: '客户不存在或您无权查看' }] }] });
    const count = async () => json(await finance.client.get(`/api/transactions?customerId=${customerC}`)).total;
    const auditRows = async () => (await ctx.db.kysely.selectFrom('audit_log').select('id').execute()).length;
    expect(await count()).toBe(2);
    const before = { rows: await auditRows(), summary: await summary(finance, customerC) };
    expect(before.summary.amountClass).toMatchObject({ amountClass: 'medium', net: 105000 });

    const again = await director.client.post('/api/transactions/batch', batch());
    expect(json(again)).toMatchObject({ created: 0, unchanged: 2 });
    expect(await count()).toBe(2);
    expect(await auditRows()).toBe(before.rows);
    expect(await summary(finance, customerC)).toEqual(before.summary);
  });

  it('is refused to a specialist (403)', async () => {
    expect((await specA.client.post('/api/transactions/batch', batch())).statusCode).toBe(403);
  });
});

describe('customer merges (查重)', () => {
  it('moves the merged customer’s transactions and returns to the survivor and reclassifies it', async () => {
    const survivor = json(await specA.client.post('/api/customers', { name: '深圳前海贸易有限公司' })).id;
    const merged = json(await specA.client.post('/api/customers', { name: '深圳前海贸易公司', confirmDuplicate: true })).id;
    await sale(specA, { customerId: survivor, unitPrice: 400000 });
    const t = json(await sale(specA, { customerId: merged, unitPrice: 700000 }));
    await specA.client.post('/api/transaction-returns', { customerId: merged, kind: 'discount', date: '2026-06-15', amount: 10000, reason: '年度返利', responsibleParty: '客户' });
    expect((await summary(specA, survivor)).amountClass.amountClass).toBe('medium');

    const res = await ctx.admin.post(`/api/customers/${survivor}/merge`, { mergedId: merged, reason: '同一家公司重复建档' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(await specA.client.get(`/api/transactions/${t.id}`)).customerId).toBe(survivor);
    const s = await summary(specA, survivor);
    expect(s.amountClass).toMatchObject({ amountClass: 'large', net: 1090000 });
    expect(s.years).toEqual([{ year: 2026, gross: 1100000, returned: 10000, net: 1090000 }]);
  });
});

// Last: it moves the clock on by hours.
describe('the nightly run (docs/regulations.md §3)', () => {
  it('reclassifies on the next nightly run after the line changes in the settings, and only once across two processes', async () => {
    expect((await ctx.admin.put('/api/settings/classification.largeMinAnnualWan', { value: 90, version: 0 })).statusCode).toBe(200);
    // The change applies at night, not at once.
    expect((await summary(specA, customerA)).amountClass.amountClass).toBe('medium');

    const one = createLeases(ctx.db.kysely, ctx.clock, 'process-1');
    const two = createLeases(ctx.db.kysely, ctx.clock, 'process-2');
    ctx.clock.set('2026-06-15T17:30:00Z'); // 01:30 in Shanghai: not yet
    expect(await ctx.services.transactions.runNightly(one)).toBeNull();
    ctx.clock.set('2026-06-15T18:05:00Z'); // 02:05
    expect(await ctx.services.transactions.runNightly(one)).toBe(1);
    expect(await ctx.services.transactions.runNightly(two)).toBeNull();
    ctx.clock.set('2026-06-15T19:05:00Z'); // an hour later, after the lease has run out
    expect(await ctx.services.transactions.runNightly(two)).toBeNull();
    expect(await ctx.services.transactions.runNightly(one)).toBeNull();
    // Hours passed: the sessions have timed out.
    specA.client = await login(ctx.app, 'zhuan.yuan.a', USER_PASSWORD);
    ctx.admin = await login(ctx.app, 'admin', ADMIN_PASSWORD);

    expect((await summary(specA, customerA)).amountClass).toMatchObject({ amountClass: 'large', reason: '2026 年采购额 ¥934,000 ≥ 大客户线 ¥900,000' });
    const [entry] = await classifyEntries(customerA);
    expect(entry).toMatchObject({ actorName: null, summary: '客户分类：中客户 → 大客户。2026 年采购额 ¥934,000 ≥ 大客户线 ¥900,000' });
    expect((await classifyEntries(customerA)).length).toBe(4);

    ctx.clock.set('2026-06-16T18:05:00Z'); // the next night runs again, and changes nothing
    expect(await ctx.services.transactions.runNightly(two)).toBe(0);
  });
});

describe('the transactions list over a large ledger', () => {
  afterAll(() => {
    transactionListLimits.countCap = 10_000;
  });

  it('counts its total only up to the cap and says so, while every page is still there in date order', async () => {
    const reader = await login(ctx.app, 'cai.wu', USER_PASSWORD); // signed in again: the nightly test moved the clock a day on
    const all = json(await reader.get('/api/transactions?sort=-date&pageSize=100'));
    expect(all.countCapped).toBe(false);
    const mine = all.items.filter((t: { customerId: number }) => t.customerId === customerA).length;
    const cap = Math.max(mine, 1);
    expect(all.total).toBeGreaterThan(cap); // more lines than customer A alone has
    transactionListLimits.countCap = cap;
    const capped = json(await reader.get('/api/transactions?sort=-date&pageSize=1'));
    expect(capped).toMatchObject({ total: cap, countCapped: true });
    expect(capped.items[0].id).toBe(all.items[0].id);
    const last = json(await reader.get(`/api/transactions?sort=-date&pageSize=1&page=${all.total}`));
    expect(last.items.map((t: { id: number }) => t.id)).toEqual([all.items[all.total - 1].id]);
    // A narrow filter under the cap is counted exactly.
    const one = json(await reader.get(`/api/transactions?customerId=${customerA}&pageSize=1`));
    expect(one.countCapped).toBe(false);
    expect(one.total).toBe(mine);
  });
});
