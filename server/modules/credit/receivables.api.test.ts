import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type Services } from '../../app';
import { openDatabase, type Db } from '../../db/database';
import { createLeases } from '../../platform/jobs/leases';
import { ADMIN_PASSWORD, createTeam, createTestContext, createUser, json, login, TestClock, USER_PASSWORD, type Client, type TestContext } from '../../../test/harness';

// Receivables 应收账款 and the overdue rule of docs/regulations.md §5 on SQLite and PostgreSQL.
// Defaults: overdue > 30 days or ≥ 10 万元 → one level down, > 90 days → two.

let ctx: TestContext;
type U = { id: number; client: Client };
let specA: U, specB: U, finance: U;
let customerA: { id: number; archiveNo: string };
let customerB: number;
let customerC: number;

// 100 万元 capital (10) + 5 years (15) + good payment (30) + nothing overdue (15) + no bank rating (3) = 73 → A.
const survey = { surveyDate: '2026-11-01', registeredCapitalWan: 100, yearsInBusiness: 5, paymentRecord: 'good', overdueWan: 0, bankRating: 'none' };

type Credit = { rating: { label: string } | null; adjustment: { computedLabel: string; levelsDown: number; overdueDays: number } | null; ratingHistory: { oldLabel: string | null; newLabel: string; reason: string; cause: string }[] };
const credit = async (who: U, id: number): Promise<Credit> => json(await who.client.get(`/api/customers/${id}/credit`));
const inbox = async (who: U) => json(await who.client.get('/api/notifications?pageSize=50')).items as { kind: string; title: string; body: string; link: { path: string } | null }[];
const auditCount = async () => Number((await ctx.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-12-07T02:00:00Z')) }); // 10:00 in Shanghai
  const teamA = await createTeam(ctx, '大客户一组', 1);
  const teamB = await createTeam(ctx, '大客户二组', 2);
  specA = await createUser(ctx, { username: 'zhuan.yuan.a', displayName: '王专员', roles: ['specialist'], teamId: teamA });
  specB = await createUser(ctx, { username: 'zhuan.yuan.b', displayName: '冯专员', roles: ['specialist'], teamId: teamB });
  finance = await createUser(ctx, { username: 'cai.wu', displayName: '陈会计', roles: ['finance'], departmentId: 1 });
  const a = json(await specA.client.post('/api/customers', { name: '北京华宇科技有限公司' }));
  customerA = { id: a.id, archiveNo: a.archiveNo };
  customerB = json(await specB.client.post('/api/customers', { name: '上海东方航运有限公司' })).id;
  customerC = json(await specA.client.post('/api/customers', { name: '天津海河物流有限公司' })).id;
  for (const [who, id] of [
    [specA, customerA.id],
    [specB, customerB],
    [specA, customerC],
  ] as const) {
    expect((await who.client.post(`/api/customers/${id}/credit-surveys`, survey)).statusCode).toBe(201);
  }
});
afterAll(() => ctx.close());

describe('overdue receivables lower the credit rating (docs/regulations.md §5)', () => {
  let receivable: { id: number; version: number };

  it('lowers an A rating to B for a receivable 45 days overdue, with a history entry naming the days, and notifies the owner', async () => {
    expect((await credit(specA, customerA.id)).rating?.label).toBe('A');
    const res = await finance.client.post('/api/credit-receivables', { customerId: customerA.id, docNo: 'AR-2026-0001', amount: 80000, dueDate: '2026-10-23' });
    expect(res.statusCode, res.body).toBe(201);
    receivable = json(res);
    expect(receivable).toMatchObject({ state: 'overdue', overdueDays: 45, outstanding: 80000 });

    const c = await credit(specA, customerA.id);
    expect(c.rating?.label).toBe('B');
    expect(c.adjustment).toMatchObject({ computedLabel: 'A', levelsDown: 1, overdueDays: 45 });
    expect(c.ratingHistory[0]).toMatchObject({ oldLabel: 'A', newLabel: 'B', cause: 'receivable' });
    expect(c.ratingHistory[0]!.reason).toBe('信用等级 A → B（评定结果 A，因逾期应收账款下调 1 级）：应收账款逾期 45 天（逾期未收 ¥80,000），超过 30 天');

    const n = (await inbox(specA)).find((i) => i.kind === 'credit.rating_lowered');
    expect(n).toMatchObject({ title: '信用等级因逾期调整：北京华宇科技有限公司 A → B', link: { path: `/customers/${customerA.id}?tab=credit` } });
    expect(n?.body).toContain('逾期 45 天');
    // The customer's history says so too.
    const history = json(await specA.client.get(`/api/customers/${customerA.id}/history`)).items as { action: string; summary: string }[];
    expect(history.find((h) => h.action === 'credit_rating')?.summary).toContain('A → B');
  });

  it('restores the rating table’s result when the receivable is paid, with a history entry, and the next run keeps it', async () => {
    const paid = await finance.client.put(`/api/credit-receivables/${receivable.id}`, { paidAmount: 80000, paidDate: '2026-12-07', version: receivable.version });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(json(paid)).toMatchObject({ state: 'paid', overdueDays: 0, outstanding: 0 });

    const c = await credit(specA, customerA.id);
    expect(c.rating?.label).toBe('A');
    expect(c.adjustment).toBeNull();
    expect(c.ratingHistory[0]).toMatchObject({ oldLabel: 'B', newLabel: 'A', reason: '信用等级 B → A：逾期应收账款已收回，恢复为评定结果' });
    expect((await inbox(specA)).find((i) => i.kind === 'credit.rating_restored')?.title).toBe('信用等级恢复：北京华宇科技有限公司 B → A');
    const before = c.ratingHistory.length;
    expect(await ctx.services.receivables.runNightly(createLeases(ctx.db.kysely, ctx.clock, 'process-0'))).toBe(0);
    expect((await credit(specA, customerA.id)).ratingHistory).toHaveLength(before);
  });

  it('refuses a payment above the amount and a document number already recorded, naming the field', async () => {
    const over = await finance.client.post('/api/credit-receivables', { customerId: customerA.id, docNo: 'AR-2026-0002', amount: 100, paidAmount: 200, dueDate: '2026-12-31' });
    expect(over.statusCode).toBe(422);
    expect(json(over).error.fields.map((f: { field: string }) => f.field)).toEqual(['paidAmount']);
    const again = await finance.client.post('/api/credit-receivables', { customerId: customerA.id, docNo: 'AR-2026-0001', amount: 100, dueDate: '2026-12-31' });
    expect(again.statusCode).toBe(422);
    expect(json(again).error.fields.map((f: { field: string }) => f.field)).toEqual(['docNo']);
  });
});

describe('receivables pushed by the ERP and their data scope', () => {
  const batch = (): { source: string; items: Record<string, unknown>[] } => ({
    source: 'U8',
    items: [
      { docNo: 'U8-AR-1001', customerArchiveNo: customerA.archiveNo, amount: 15000.5, dueDate: '2027-01-31' },
      { docNo: 'U8-AR-1002', customerId: customerB, amount: 230000, dueDate: '2026-11-30' },
    ],
  });

  it('changes nothing when the same receivables are pushed twice, and updates one whose payment changed', async () => {
    const first = await finance.client.post('/api/credit-receivables/push', batch());
    expect(first.statusCode, first.body).toBe(200);
    expect(json(first)).toMatchObject({ created: 2, updated: 0, unchanged: 0, rejected: [] });
    const historyB = (await credit(finance, customerB)).ratingHistory.length;
    const audits = await auditCount();

    expect(json(await finance.client.post('/api/credit-receivables/push', batch()))).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: [] });
    expect(await auditCount()).toBe(audits);
    expect((await credit(finance, customerB)).ratingHistory).toHaveLength(historyB);

    const paying = batch();
    paying.items[1] = { ...paying.items[1], paidAmount: 230000, paidDate: '2026-12-06' };
    expect(json(await finance.client.post('/api/credit-receivables/push', paying))).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const list = json(await finance.client.get(`/api/customers/${customerB}/receivables`)).items as { docNo: string; state: string }[];
    expect(list.find((r) => r.docNo === 'U8-AR-1002')?.state).toBe('paid');
  });

  it('rejects a row for an unknown customer and keeps the rest', async () => {
    const res = json(
      await finance.client.post('/api/credit-receivables/push', {
        source: 'U8',
        items: [
          { docNo: 'U8-AR-2001', customerArchiveNo: 'KH1999-000000', amount: 10, dueDate: '2027-01-31' },
          { docNo: 'U8-AR-2002', customerId: customerC, amount: 10, dueDate: '2027-01-31' },
        ],
      }),
    );
    expect(res).toMatchObject({ created: 1, unchanged: 0 });
    expect(res.rejected).toEqual([{ index: 0, docNo: 'U8-AR-2001', errors: [{ field: 'customerArchiveNo', message: '客户不存在或您无权查看' }] }]);
  });

  it("answers 404 to a specialist on another team's receivables, lets finance read all, and lists overdue first", async () => {
    const ofB = (json(await finance.client.get(`/api/customers/${customerB}/receivables`)).items as { id: number }[])[0]!;
    expect((await specA.client.get(`/api/credit-receivables/${ofB.id}`)).statusCode).toBe(404);
    expect((await specA.client.get(`/api/customers/${customerB}/receivables`)).statusCode).toBe(404);
    const mine = json(await specA.client.get('/api/credit-receivables?pageSize=100')).items as { customerId: number }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((r) => r.customerId)).not.toContain(customerB);
    // Only finance enters them.
    expect((await specA.client.post('/api/credit-receivables', { customerId: customerA.id, docNo: 'X-1', amount: 1, dueDate: '2027-01-01' })).statusCode).toBe(403);

    expect((await finance.client.get(`/api/credit-receivables/${ofB.id}`)).statusCode).toBe(200);
    expect((await finance.client.post('/api/credit-receivables', { customerId: customerC, docNo: 'AR-2026-0100', amount: 5000, dueDate: '2026-11-27' })).statusCode).toBe(201);
    const all = json(await finance.client.get('/api/credit-receivables?pageSize=100')).items as { customerId: number; state: string; docNo: string }[];
    expect(new Set(all.map((r) => r.customerId))).toEqual(new Set([customerA.id, customerB, customerC]));
    expect(all[0]).toMatchObject({ docNo: 'AR-2026-0100', state: 'overdue' });
    expect(all.findIndex((r) => r.state !== 'overdue')).toBeGreaterThan(0);
    expect(json(await finance.client.get('/api/credit-receivables?overdue=true')).items.map((r: { docNo: string }) => r.docNo)).toEqual(['AR-2026-0100']);
  });
});

describe('the nightly overdue run (docs/regulations.md §5)', () => {
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

  it('lowers the rating when days pass the line, once across two processes', async () => {
    // ¥5,000 ten days overdue: below both lines.
    expect((await credit(specA, customerC)).rating?.label).toBe('A');
    const one = createLeases(ctx.db.kysely, ctx.clock, 'process-1');
    const two = createLeases(secondDb.kysely, ctx.clock, 'process-2');
    ctx.clock.set('2026-12-29T17:30:00Z'); // 01:30 on 30 December in Shanghai: not yet
    expect(await ctx.services.receivables.runNightly(one)).toBeNull();
    ctx.clock.set('2026-12-29T18:05:00Z'); // 02:05: 33 days overdue
    const results = await Promise.all([ctx.services.receivables.runNightly(one), second.services.receivables.runNightly(two)]);
    expect(results.filter((n) => n === null)).toHaveLength(1);
    expect(results.find((n) => n !== null)).toBeGreaterThanOrEqual(1);
    ctx.clock.set('2026-12-29T19:05:00Z'); // an hour later, the lease has run out: tonight's run is done
    expect(await second.services.receivables.runNightly(two)).toBeNull();
    expect(await ctx.services.receivables.runNightly(one)).toBeNull();

    // Hours passed: the sessions have timed out.
    specA.client = await login(ctx.app, 'zhuan.yuan.a', USER_PASSWORD);
    ctx.admin = await login(ctx.app, 'admin', ADMIN_PASSWORD);
    const c = await credit(specA, customerC);
    expect(c.rating?.label).toBe('B');
    expect(c.ratingHistory.filter((h) => h.cause === 'nightly')).toHaveLength(1);
    expect(c.ratingHistory[0]!.reason).toContain('应收账款逾期 33 天');
    expect((await inbox(specA)).filter((i) => i.kind === 'credit.rating_lowered' && i.title.includes('天津海河物流有限公司'))).toHaveLength(1);
  });
});
