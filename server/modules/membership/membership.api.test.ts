import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type Services } from '../../app';
import { openDatabase, type Db } from '../../db/database';
import { createTeam, createTestContext, createUser, json, TestClock, type Client, type TestContext } from '../../../test/harness';
import { createLeases } from '../../platform/jobs/leases';

// Membership tiers and the points ledger (docs/regulations.md §3) on SQLite and PostgreSQL.
// Default settings: 1 point per ¥1; 普通 0, 银卡 10,000, 金卡 50,000, 钻石 200,000; points valid 2 years.
let ctx: TestContext;
type U = { id: number; client: Client };
let supervisor: U, specA: U, specB: U;
let customerA: number, customerB: number;
let memberA: number;
let secondSale: number;

const sale = (who: U, customerId: number, unitPrice: number) => who.client.post('/api/transactions', { customerId, date: '2026-06-15', product: '客房包价', quantity: 1, unitPrice });
const member = async (who: U, id: number) => json(await who.client.get(`/api/members/${id}`));
const process = async (who: U, id: number) => json(await who.client.post(`/api/members/${id}/process`)).written as number;
const tierEntries = async (customerId: number) =>
  (json(await ctx.admin.get(`/api/customers/${customerId}/history`)).items as { action: string; summary: string | null }[]).filter((h) => h.action === 'membership.tier');

async function setSetting(key: string, value: unknown) {
  const got = await ctx.admin.get('/api/settings');
  if (got.statusCode !== 200) throw new Error(`settings: ${got.statusCode} ${got.body.slice(0, 300)}`);
  const all = json(got);
  const setting = all.groups.flatMap((g: { items: { key: string; version: number }[] }) => g.items).find((i: { key: string }) => i.key === key);
  const res = await ctx.admin.put(`/api/settings/${key}`, { value, version: setting.version });
  if (res.statusCode !== 200) throw new Error(`setting ${key}: ${res.statusCode} ${res.body}`);
}

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-06-15T04:00:00Z')) });
  const teamA = await createTeam(ctx, '贵宾一组', 1);
  const teamB = await createTeam(ctx, '贵宾二组', 1);
  supervisor = await createUser(ctx, { username: 'zhu.guan', displayName: '李主管', roles: ['supervisor'], teamId: teamA });
  specA = await createUser(ctx, { username: 'zhuan.yuan.a', displayName: '王专员', roles: ['specialist'], teamId: teamA });
  specB = await createUser(ctx, { username: 'zhuan.yuan.b', displayName: '冯专员', roles: ['specialist'], teamId: teamB });
  customerA = json(await specA.client.post('/api/customers', { name: '北京华宇科技有限公司' })).id;
  customerB = json(await specB.client.post('/api/customers', { name: '上海东方航运有限公司' })).id;
});
afterAll(() => ctx.close());

describe('tiers and the points ledger (docs/regulations.md §3)', () => {
  it('points cross the 金卡 threshold and the tier changes with a ledger entry and a history entry', async () => {
    const res = await specA.client.post('/api/members', { customerId: customerA, joinedOn: '2026-01-01' });
    expect(res.statusCode, res.body).toBe(201);
    const m = json(res);
    memberA = m.id;
    expect(m).toMatchObject({ memberNo: 'HY2026-000001', holderName: '北京华宇科技有限公司', tier: 'regular', tierLabel: '普通', balance: 0 });
    expect((await specA.client.post('/api/members', { customerId: customerA })).statusCode).toBe(409);

    expect((await sale(specA, customerA, 30_000)).statusCode).toBe(201);
    expect(await process(specA, memberA)).toBe(1);
    expect(await member(specA, memberA)).toMatchObject({ tier: 'silver', balance: 30_000, nextTier: { key: 'gold', label: '金卡' }, pointsToNextTier: 20_000 });

    const s2 = await sale(specA, customerA, 25_000);
    secondSale = json(s2).id;
    expect(await process(specA, memberA)).toBe(1);
    const after = await member(specA, memberA);
    expect(after).toMatchObject({ tier: 'gold', tierLabel: '金卡', balance: 55_000, accumulated: 55_000 });
    expect(after.ledger[0]).toMatchObject({ kind: 'earned', points: 25_000, sourceKind: 'transaction', sourceId: secondSale, amount: 25_000 });
    expect(after.tierChanges[0]).toMatchObject({ oldTier: 'silver', newTier: 'gold', cause: 'earned', points: 55_000, reason: '累计积分 55,000 ≥ 金卡门槛 50,000' });
    expect((await tierEntries(customerA))[0]!.summary).toBe('会员等级：银卡 → 金卡。累计积分 55,000 ≥ 金卡门槛 50,000');
  });

  it('processing the same transactions twice earns nothing the second time', async () => {
    await sale(specA, customerA, 1_000);
    expect(await ctx.services.membership.processAll()).toBe(1);
    expect(await ctx.services.membership.processAll()).toBe(0);
    expect(await process(specA, memberA)).toBe(0);
    const m = await member(specA, memberA);
    expect(m.balance).toBe(56_000);
    expect(m.ledger.filter((e: { kind: string }) => e.kind === 'earned')).toHaveLength(3);
  });

  it('a return takes the points back and may lower the tier', async () => {
    const r = await specA.client.post('/api/transaction-returns', { transactionId: secondSale, kind: 'return', date: '2026-06-16', amount: 10_000, reason: '会议室设备故障', responsibleParty: '我方' });
    expect(r.statusCode, r.body).toBe(201);
    expect(await process(specA, memberA)).toBe(1);
    const m = await member(specA, memberA);
    expect(m).toMatchObject({ tier: 'silver', balance: 46_000 });
    expect(m.ledger[0]).toMatchObject({ kind: 'returned', points: -10_000, sourceKind: 'return' });
    expect(m.tierChanges[0]).toMatchObject({ oldTier: 'gold', newTier: 'silver', cause: 'returned', reason: '累计积分 46,000 < 金卡门槛 50,000（退赔扣回积分）' });
    expect((await tierEntries(customerA))[0]!.summary).toContain('金卡 → 银卡');
  });

  it('redeeming more than the balance is refused with 422 naming the field; a gift within it is taken off the balance, not the tier', async () => {
    const tooMuch = await specA.client.post(`/api/members/${memberA}/redeem`, { giftKey: 'banquet', quantity: 2 });
    expect(tooMuch.statusCode).toBe(422);
    expect(json(tooMuch).error.fields[0]).toMatchObject({ field: 'quantity', message: '积分不足：需要 60,000 分，当前余额 46,000 分' });
    const unknown = await specA.client.post(`/api/members/${memberA}/redeem`, { giftKey: 'yacht' });
    expect(json(unknown).error.fields[0].field).toBe('giftKey');
    const ok = await specA.client.post(`/api/members/${memberA}/redeem`, { giftKey: 'tea' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json(ok)).toMatchObject({ balance: 44_000, accumulated: 46_000, tier: 'silver' });
    expect(json(ok).ledger[0]).toMatchObject({ kind: 'redeemed', points: -2_000, giftName: '年终茶礼', quantity: 1, actorName: '王专员' });
  });

  it('lets a supervisor adjust points with a reason, not a specialist, and the tier follows', async () => {
    expect((await specA.client.post(`/api/members/${memberA}/adjust`, { points: 5_000, reason: '补录积分' })).statusCode).toBe(403);
    const noReason = await supervisor.client.post(`/api/members/${memberA}/adjust`, { points: 5_000, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(json(noReason).error.fields[0].field).toBe('reason');
    const below = await supervisor.client.post(`/api/members/${memberA}/adjust`, { points: -50_000, reason: '冲正' });
    expect(json(below).error.fields[0].field).toBe('points');
    const res = await supervisor.client.post(`/api/members/${memberA}/adjust`, { points: 5_000, reason: '年会赠送积分' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ tier: 'gold', balance: 49_000, accumulated: 51_000 });
    expect(json(res).tierChanges[0]).toMatchObject({ cause: 'adjusted', newTier: 'gold', actorName: '李主管' });
    expect(json(res).ledger[0]).toMatchObject({ kind: 'adjusted', points: 5_000, reason: '年会赠送积分' });
  });

  it('counts the members per tier within scope', async () => {
    const d = json(await specA.client.get('/api/members/distribution'));
    expect(d.tiers.map((x: { tier: string; count: number }) => [x.tier, x.count])).toEqual([
      ['diamond', 0],
      ['gold', 1],
      ['silver', 0],
      ['regular', 0],
    ]);
    expect(json(await specA.client.get(`/api/customers/${customerA}/membership`)).member).toMatchObject({ tier: 'gold', pointsToNextTier: 149_000 });
  });
});

describe('data scope (docs/regulations.md §1)', () => {
  it("a specialist cannot read another team's member (404), company or individual guest", async () => {
    const b = json(await specB.client.post('/api/members', { customerId: customerB }));
    expect((await specA.client.get(`/api/members/${b.id}`)).statusCode).toBe(404);
    expect((await specA.client.post(`/api/members/${b.id}/redeem`, { giftKey: 'tea' })).statusCode).toBe(404);
    expect(json(await specA.client.get('/api/members?pageSize=100')).items.map((m: { id: number }) => m.id)).toEqual([memberA]);
    const enrolOther = await specA.client.post('/api/members', { customerId: customerB });
    expect(enrolOther.statusCode).toBe(422);
    expect(json(enrolOther).error.fields[0].field).toBe('customerId');

    const guest = json(await specB.client.post('/api/individual-customers', { name: '张伟' }));
    const g = await specB.client.post('/api/members', { individualId: guest.id });
    expect(g.statusCode, g.body).toBe(201);
    expect(json(g)).toMatchObject({ holderKind: 'individual', holderName: '张伟', tier: 'regular' });
    expect((await specA.client.get(`/api/members/${json(g).id}`)).statusCode).toBe(404);
    expect((await supervisor.client.get(`/api/members/${json(g).id}`)).statusCode).toBe(404);
    const filtered = json(await specB.client.get('/api/members?holder=individual'));
    expect(filtered.items.map((m: { holderName: string }) => m.holderName)).toEqual(['张伟']);
  });
});

describe('customer merge (docs/regulations.md §3)', () => {
  it("moves the merged customer's points into the survivor's membership and keeps one member", async () => {
    const c = json(await specA.client.post('/api/customers', { name: '天津滨海物流有限公司' })).id;
    const mc = json(await specA.client.post('/api/members', { customerId: c, joinedOn: '2026-01-01' })).id;
    await sale(specA, c, 3_000);
    expect(await process(specA, mc)).toBe(1);
    const res = await ctx.admin.post(`/api/customers/${customerA}/merge`, { mergedId: c, reason: '重复建档' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await specA.client.get(`/api/members/${mc}`)).statusCode).toBe(404);
    const m = await member(specA, memberA);
    expect(m).toMatchObject({ balance: 52_000, accumulated: 54_000, tier: 'gold' });
    expect(m.ledger.filter((e: { kind: string }) => e.kind === 'earned').map((e: { points: number }) => e.points)).toContain(3_000);
    expect(json(await specA.client.get('/api/members?pageSize=100')).items.map((x: { id: number }) => x.id)).toEqual([memberA]);
  });
});

describe('year end (docs/regulations.md §3)', () => {
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

  it('expiry runs once across two processes and may lower the tier', async () => {
    await setSetting('membership.validityYears', 1);
    const one = createLeases(ctx.db.kysely, ctx.clock, 'process-1');
    const two = createLeases(secondDb.kysely, ctx.clock, 'process-2');
    ctx.clock.set('2027-01-01T01:00:00Z'); // 09:00 on 1 January in Shanghai
    const results = await Promise.all([ctx.services.membership.runYearEnd(one), second.services.membership.runYearEnd(two)]);
    expect(results.filter((r) => r !== null)).toEqual([1]); // one process ran it; member A had points
    ctx.clock.advance(31 * 60_000); // the lease has run out: the year is marked done all the same
    expect(await Promise.all([second.services.membership.runYearEnd(two), ctx.services.membership.runYearEnd(one)])).toEqual([null, null]);

    const d = await ctx.services.membership.detail(memberA, 'zh-CN');
    const expired = d.ledger.filter((e) => e.kind === 'expired');
    expect(expired).toHaveLength(1);
    expect(Number(expired[0]!.points)).toBe(-52_000);
    expect(Number(d.member.balance)).toBe(0);
    expect(d.member.tier).toBe('regular');
    expect(d.changes[0]).toMatchObject({ old_tier: 'gold', new_tier: 'regular', cause: 'year_end' });
  });
});
