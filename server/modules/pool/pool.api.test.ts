import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeases } from '../../platform/jobs/leases';
import { ADMIN_PASSWORD, createTeam, createTestContext, createUser, json, login, TestClock, USER_PASSWORD, type Client, type TestContext } from '../../../test/harness';

// The public pool 公海 (docs/regulations.md §8) on SQLite and PostgreSQL. Rules here: 30 days without contact
// for every grade, the owner reminded 7 days before, one claim a day, a 30-day cooldown for the previous owner.

let ctx: TestContext;
type U = { id: number; client: Client };
let specA: U, specB: U, specOther: U, managerA: U;
let idle: number, contracted: number, second: number;
let poolId: number;

/** Moves the clock to 10:00 in Shanghai on `day`; sessions run out over weeks, so everyone signs in again. */
async function at(day: string) {
  ctx.clock.set(`${day}T02:00:00Z`);
  for (const [u, name] of [[specA, 'zhuan.yuan.a'], [specB, 'zhuan.yuan.b'], [specOther, 'zhuan.yuan.c'], [managerA, 'jing.li']] as const) u.client = await login(ctx.app, name, USER_PASSWORD);
  ctx.admin = await login(ctx.app, 'admin', ADMIN_PASSWORD);
}
const setting = async (key: string, value: unknown) => {
  const s = (json(await ctx.admin.get('/api/settings')).groups as { items: { key: string; version: number }[] }[]).flatMap((x) => x.items).find((x) => x.key === key)!;
  const res = await ctx.admin.put(`/api/settings/${key}`, { value, version: s.version });
  expect(res.statusCode, res.body).toBe(200);
};
const inbox = async (who: U) => json(await who.client.get('/api/notifications?pageSize=50')).items as { kind: string; title: string; body: string }[];
const nightly = (holder: string) => ctx.services.pool.runNightly(createLeases(ctx.db.kysely, ctx.clock, holder));
const entries = async (who: U, id = poolId) => who.client.get(`/api/pools/${id}/customers`);
const claim = (who: U, customerId: number, id = poolId) => who.client.post(`/api/pools/${id}/claims`, { customerId });

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-01-01T02:00:00Z')) });
  const teamA = await createTeam(ctx, '大客户一组', 1);
  const teamOther = await createTeam(ctx, '二部一组', 2);
  specA = await createUser(ctx, { username: 'zhuan.yuan.a', displayName: '王专员', roles: ['specialist'], teamId: teamA });
  specB = await createUser(ctx, { username: 'zhuan.yuan.b', displayName: '冯专员', roles: ['specialist'], teamId: teamA });
  specOther = await createUser(ctx, { username: 'zhuan.yuan.c', displayName: '陈专员', roles: ['specialist'], teamId: teamOther });
  managerA = await createUser(ctx, { username: 'jing.li', displayName: '李经理', roles: ['manager'], departmentId: 1 });
  // The department head keeps the department's pool.
  const dept = json(await ctx.admin.get('/api/departments/1'));
  expect((await ctx.admin.put('/api/departments/1', { headId: managerA.id, version: dept.version })).statusCode).toBe(200);
  idle = json(await specA.client.post('/api/customers', { name: '北京华宇科技有限公司' })).id;
  contracted = json(await specA.client.post('/api/customers', { name: '上海东方航运有限公司' })).id;
  second = json(await specA.client.post('/api/customers', { name: '天津海河物流有限公司' })).id;
  const c = await specA.client.post('/api/contracts', { customerId: contracted, title: '年度协议', amount: 100, startDate: '2026-01-01', endDate: '2026-12-31', signerId: specA.id });
  expect(c.statusCode, c.body).toBe(201);
  await setting('pool.rules', [{ grade: '', noContactDays: 30, noDealDays: null, contractEndedDays: null }]);
  await setting('pool.dailyClaimCap', 1);
});
afterAll(() => ctx.close());

describe('the nightly move to the pool (docs/regulations.md §8)', () => {
  it('moves a customer without contact for the pool’s 30 days once, even with two app processes, after reminding the owner', async () => {
    await at('2026-01-20');
    expect(await nightly('p1')).toBe(0);
    expect((await inbox(specA)).filter((n) => n.kind === 'pool.reminder')).toHaveLength(0);

    await at('2026-01-24'); // 7 days before the 31st
    expect(await nightly('p1')).toBe(0);
    const reminders = (await inbox(specA)).filter((n) => n.kind === 'pool.reminder');
    expect(reminders.map((n) => n.title).sort()).toEqual(['客户即将进入公海：北京华宇科技有限公司', '客户即将进入公海：天津海河物流有限公司']);
    expect(reminders[0].body).toContain('将于 2026-01-31 移入公海');

    await at('2026-01-30');
    expect(await nightly('p1')).toBe(0);
    expect(json(await specA.client.get(`/api/customers/${idle}`)).name).toBe('北京华宇科技有限公司');

    await at('2026-01-31');
    const [a, b] = await Promise.all([nightly('p1'), nightly('p2')]);
    expect([a, b].filter((x) => x !== null)).toEqual([2]);
    expect(await nightly('p2')).toBeNull(); // done for today
    await at('2026-02-01');
    expect(await nightly('p2')).toBe(0); // already in the pool: not moved again

    // The previous owner no longer holds it; the department sees it in its pool with the reason.
    expect((await specA.client.get(`/api/customers/${idle}`)).statusCode).toBe(404);
    const pools = json(await specB.client.get('/api/pools')) as { id: number; name: string; customerCount: number; keeperName: string }[];
    expect(pools).toHaveLength(1);
    poolId = pools[0].id;
    expect(pools[0]).toMatchObject({ customerCount: 2, keeperName: '李经理' });
    const list = json(await entries(specB)).items as { customerId: number; reason: string; previousOwnerName: string; rule: string }[];
    expect(list.find((e) => e.customerId === idle)).toMatchObject({ rule: 'no_contact', reason: '30 天未联系（自 2026-01-01 起）', previousOwnerName: '王专员' });
    const history = json(await managerA.client.get(`/api/customers/${idle}/history`)).items as { action: string; summary: string }[];
    expect(history.filter((h) => h.action === 'pool_release').map((h) => h.summary)).toEqual([`进入公海「${pools[0].name}」：30 天未联系（自 2026-01-01 起）`]);
    const log = json(await managerA.client.get(`/api/customers/${idle}/pool`)).events as { kind: string }[];
    expect(log.map((e) => e.kind)).toEqual(['released', 'reminded']);
  });

  it('does not move a customer with an open contract and says why', async () => {
    expect((await specA.client.get(`/api/customers/${contracted}`)).statusCode).toBe(200); // still the owner's
    const p = json(await specA.client.get(`/api/customers/${contracted}/pool`));
    expect(p.entry).toBeNull();
    expect(p.watch).toMatchObject({ skipReason: '未移入公海：有未结束的合同', dueDate: '2026-01-31', remindedOn: null });
    expect(p.events.filter((e: { kind: string }) => e.kind === 'skipped')).toHaveLength(1); // once, not every night
    expect((await inbox(specA)).some((n) => n.title.includes('上海东方航运'))).toBe(false);
  });
});

describe('claiming from the pool (docs/regulations.md §8)', () => {
  it('refuses a claim beyond the daily cap with 422', async () => {
    expect((await claim(specB, idle)).statusCode).toBe(204);
    expect(json(await specB.client.get(`/api/customers/${idle}`)).name).toBe('北京华宇科技有限公司');
    const res = await claim(specB, second);
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0]).toMatchObject({ field: 'customerId', message: '今天已领取 1 个客户，已达每日上限 1 个' });
    // Claimed already: not in the pool any more.
    expect((await claim(specA, idle)).statusCode).toBe(422);
    expect(json(await specB.client.get('/api/pool/status'))).toMatchObject({ claimedToday: 1, dailyCap: 1 });
  });

  it('does not let the previous owner reclaim during the cooldown', async () => {
    const res = await claim(specA, second);
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0]).toMatchObject({ field: 'customerId', message: '您是该客户的原负责人，2026-03-02 之后才能重新领取' });
    const row = (json(await entries(specA)).items as { customerId: number; cooldownUntil: string | null }[]).find((e) => e.customerId === second);
    expect(row?.cooldownUntil).toBe('2026-03-02');
    await at('2026-03-02');
    expect((await claim(specA, second)).statusCode).toBe(204);
    expect(json(await specA.client.get(`/api/customers/${second}`)).name).toBe('天津海河物流有限公司');
  });

  it('shows another department’s pool to no one there', async () => {
    expect(json(await specOther.client.get('/api/pools'))).toEqual([]);
    expect((await entries(specOther)).statusCode).toBe(404);
    expect((await claim(specOther, idle)).statusCode).toBe(404);
    expect((json(await managerA.client.get('/api/pools')) as unknown[]).length).toBe(1);
  });
});
