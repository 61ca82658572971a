import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, TestClock, type Client, type TestContext } from '../../../test/harness';
import { createLeases } from '../../platform/jobs/leases';

// The industry class A / B / C and the cooperation-years class (docs/regulations.md §3), computed by the
// same recompute as the class by amount. Defaults: 制造业 → A, long > 5 years, short < 1 year.
let ctx: TestContext;
type U = { id: number; client: Client };
let spec: U;

const setting = async (key: string) =>
  (json(await ctx.admin.get('/api/settings')).groups as { items: { key: string; value: unknown; version: number }[] }[]).flatMap((g) => g.items).find((s) => s.key === key)! as { key: string; value: any; version: number };
const summary = async (id: number) => json(await spec.client.get(`/api/customers/${id}/transaction-summary`));
const history = async (id: number, action: string) =>
  (json(await ctx.admin.get(`/api/customers/${id}/history`)).items as { action: string; summary: string | null; actorName: string | null }[]).filter((h) => h.action === action);

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-06-15T04:00:00Z')) });
  const team = await createTeam(ctx, '大客户一组', 1);
  spec = await createUser(ctx, { username: 'zhuan.yuan', displayName: '王专员', roles: ['specialist'], teamId: team });
});
afterAll(() => ctx.close());

describe('industry class (docs/regulations.md §3)', () => {
  it('makes a manufacturing customer industry class A by the table, and a change of the table reclassifies it on the next run', async () => {
    const id = json(await spec.client.post('/api/customers', { name: '苏州精工机械制造有限公司', industry: '制造业' })).id;
    expect((await summary(id)).industryClass).toMatchObject({ industryClass: 'A', industry: '制造业', listed: true, reason: '所属行业 制造业 → A 类' });
    const [entry] = await history(id, 'classify.industry');
    expect(entry).toMatchObject({ actorName: '王专员', summary: '行业分类：未分类 → A 类。所属行业 制造业 → A 类' });

    const current = await setting('classification.industryClasses');
    const table = (current.value as { industry: string; class: string }[]).map((r) => (r.industry === '制造业' ? { ...r, class: 'B' } : r));
    expect((await ctx.admin.put('/api/settings/classification.industryClasses', { value: table, version: current.version })).statusCode).toBe(200);
    expect((await summary(id)).industryClass.industryClass).toBe('A'); // applies on the next run, not at once

    ctx.clock.set('2026-06-15T18:05:00Z'); // 02:05 in Shanghai
    expect(await ctx.services.transactions.runNightly(createLeases(ctx.db.kysely, ctx.clock, 'p1'))).toBeGreaterThanOrEqual(1);
    ctx.clock.set('2026-06-15T04:00:00Z');
    expect((await summary(id)).industryClass).toMatchObject({ industryClass: 'B', reason: '所属行业 制造业 → B 类' });
    expect((await history(id, 'classify.industry'))[0]).toMatchObject({ actorName: null, summary: '行业分类：A 类 → B 类。所属行业 制造业 → B 类' });
  });

  it('gives an industry not in the table the default class, and refuses a table listing an industry twice (422)', async () => {
    const id = json(await spec.client.post('/api/customers', { name: '深圳星际航天科技有限公司', industry: '航天' })).id;
    expect((await summary(id)).industryClass).toMatchObject({ industryClass: 'C', listed: false, reason: '所属行业 航天 不在行业分类表中 → 默认 C 类' });
    const current = await setting('classification.industryClasses');
    const res = await ctx.admin.put('/api/settings/classification.industryClasses', { value: [...current.value, { industry: '教育', class: 'A' }], version: current.version });
    expect(res.statusCode).toBe(422);
  });
});

describe('cooperation-years class (docs/regulations.md §3)', () => {
  it('makes a customer cooperating 6 years long, with the years and the line in its history', async () => {
    const id = json(await spec.client.post('/api/customers', { name: '杭州西湖茶业有限公司', cooperationSince: '2020-06-15' })).id;
    const s = await summary(id);
    expect(s.cooperationClass).toMatchObject({ cooperationClass: 'long', years: 6, from: '2020-06-15', longYears: 5, reason: '合作 6 年 > 长期线 5 年（自 2020-06-15）' });
    expect((await history(id, 'classify.cooperation'))[0].summary).toBe('合作年限分类：未分类 → 长期合作。合作 6 年 > 长期线 5 年（自 2020-06-15）');
    expect(s.dimensionChanges.map((c: { dimension: string; newClass: string }) => [c.dimension, c.newClass])).toEqual([['cooperation', 'long']]);
  });

  it('counts from the first transaction when it is earlier, and recomputes when the archive date changes', async () => {
    const c = json(await spec.client.post('/api/customers', { name: '南京金陵酒店管理有限公司' }));
    expect((await summary(c.id)).cooperationClass).toBeNull();
    expect((await spec.client.post('/api/transactions', { customerId: c.id, date: '2023-03-01', product: '会议室租用', quantity: 1, unitPrice: 5000 })).statusCode).toBe(201);
    expect((await summary(c.id)).cooperationClass).toMatchObject({ cooperationClass: 'medium', years: 3, from: '2023-03-01' });
    const current = json(await spec.client.get(`/api/customers/${c.id}`));
    expect((await spec.client.put(`/api/customers/${c.id}`, { cooperationSince: '2019-01-01', version: current.version })).statusCode).toBe(200);
    expect((await summary(c.id)).cooperationClass).toMatchObject({ cooperationClass: 'long', years: 7, from: '2019-01-01' });
    const bad = await spec.client.put(`/api/customers/${c.id}`, { cooperationSince: '2019-02-30', version: current.version + 1 });
    expect(bad.statusCode).toBe(400);
  });
});
