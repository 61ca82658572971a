import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type Services } from '../../app';
import { openDatabase, type Db } from '../../db/database';
import { createLeases } from '../../platform/jobs/leases';
import { createTeam, createTestContext, createUser, json, TestClock, type Client, type TestContext } from '../../../test/harness';

// Visit cadence by grade (docs/regulations.md §8) on SQLite and PostgreSQL. Today is Monday 2026-12-07 in Shanghai.
let ctx: TestContext;
type U = { id: number; client: Client };
let specA: U, specB: U, supervisor: U, manager: U;
let large: number, medium: number, otherTeam: number;

async function customer(who: U, name: string, grade: string) {
  const id = json(await who.client.post('/api/customers', { name })).id as number;
  await ctx.db.kysely.transaction().execute((trx) => ctx.services.customers.setGrades(trx, null, [{ customerId: id, grade, reason: '测试' }]));
  return id;
}
async function visit(who: U, customerId: number, visitedAt: string) {
  const res = await who.client.post('/api/visits', { customerId, method: 'phone', visitedAt });
  if (res.statusCode !== 201) throw new Error(`visit failed: ${res.statusCode} ${res.body}`);
}
const cadenceTasks = (customerId: number) =>
  ctx.db.kysely.selectFrom('tasks').select(['id', 'assignee_id', 'status', 'title', 'link_path']).where('source', '=', 'cadence').where('link_id', '=', customerId).orderBy('id').execute();
async function setSetting(key: string, value: unknown) {
  const r0 = await ctx.admin.get('/api/settings');
  expect(r0.statusCode, r0.body.slice(0, 300)).toBe(200);
  const all = json(r0);
  const s = all.groups.flatMap((g: { items: { key: string; version: number }[] }) => g.items).find((i: { key: string }) => i.key === key);
  const res = await ctx.admin.put(`/api/settings/${key}`, { value, version: s.version });
  expect(res.statusCode, res.body).toBe(200);
}
const row = (c: { customers: { customerId: number }[] }, id: number) => c.customers.find((x) => x.customerId === id);

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-12-07T02:00:00Z')) });
  const teamA = await createTeam(ctx, '大客户一组', 1);
  const teamB = await createTeam(ctx, '大客户二组', 1);
  supervisor = await createUser(ctx, { username: 'zhu.guan', displayName: '郑主管', roles: ['supervisor'], teamId: teamA });
  await ctx.db.kysely.updateTable('teams').set({ supervisor_id: supervisor.id }).where('id', '=', teamA).execute();
  specA = await createUser(ctx, { username: 'zhuan.yuan.a', displayName: '王专员', roles: ['specialist'], teamId: teamA });
  specB = await createUser(ctx, { username: 'zhuan.yuan.b', displayName: '冯专员', roles: ['specialist'], teamId: teamB });
  manager = await createUser(ctx, { username: 'jing.li', displayName: '李经理', roles: ['manager'], departmentId: 1 });
  large = await customer(specA, '北京华宇科技有限公司', 'A');
  medium = await customer(specA, '天津宏达物流有限公司', 'B');
  otherTeam = await customer(specB, '上海东方航运有限公司', 'A');
  await visit(specA, large, '2026-11-05T10:00:00+08:00'); // 32 days ago
  await visit(specA, medium, '2026-09-18T10:00:00+08:00'); // 80 days ago
  await visit(specB, otherTeam, '2026-11-01T10:00:00+08:00');
});
afterAll(() => ctx.close());

describe('visit cadence by grade (docs/regulations.md §8)', () => {
  it('makes a large customer last contacted 32 days ago overdue, and its owner has a task and a home-page item', async () => {
    const c = json(await specA.client.get('/api/cadence/compliance'));
    expect(row(c, large)).toMatchObject({ status: 'overdue', lastContact: '2026-11-05', dueDate: '2026-12-05', overdueDays: 2, ownerName: '王专员' });
    expect(await cadenceTasks(large)).toHaveLength(0);
    expect(json(await manager.client.post('/api/cadence/run', {}))).toMatchObject({ created: 2 }); // and specB's customer
    const made = await cadenceTasks(large);
    expect(made).toMatchObject([{ assignee_id: specA.id, status: 'open', link_path: `/customers/${large}` }]);
    expect(made[0]!.title).toBe('逾期回访：北京华宇科技有限公司（重点客户，应于 2026-12-05 前联系）');
    const todo = json(await specA.client.get('/api/home/todo')) as { kind: string; title: string; overdue: boolean }[];
    expect(todo).toContainEqual(expect.objectContaining({ kind: 'cadence_overdue', title: '客户回访逾期 2 天：北京华宇科技有限公司', overdue: true }));
    // a second run makes no second task for the same overdue period
    expect(json(await manager.client.post('/api/cadence/run', {}))).toMatchObject({ created: 0 });
    expect(await cadenceTasks(large)).toHaveLength(1);
  });

  it('keeps a medium customer contacted 80 days ago in time, until the one-month cap is switched on', async () => {
    expect(row(json(await specA.client.get('/api/cadence/compliance')), medium)).toBeUndefined(); // in time: not listed as owed
    expect(json(await specA.client.get(`/api/customers/${medium}/cadence`)).cadence).toMatchObject({ status: 'in_time', dueDate: '2026-12-18', capped: false });
    await setSetting('cadence.capMonths', 1);
    expect(json(await specA.client.get(`/api/customers/${medium}/cadence`)).cadence).toMatchObject({ status: 'overdue', dueDate: '2026-10-18', overdueDays: 50, capped: true });
    // a reason recorded for the customer exempts it from the cap; without a reason it is refused
    const bad = await supervisor.client.put(`/api/customers/${medium}/cadence/exemption`, { reason: ' ' });
    expect(bad.statusCode).toBe(422);
    expect(json(bad).error.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
    expect((await specA.client.put(`/api/customers/${medium}/cadence/exemption`, { reason: '客户要求每季度联系一次' })).statusCode).toBe(403);
    const ok = json(await supervisor.client.put(`/api/customers/${medium}/cadence/exemption`, { reason: '客户要求每季度联系一次' }));
    expect(ok).toMatchObject({ cadence: { status: 'in_time', capped: false, exempt: true }, exemption: { reason: '客户要求每季度联系一次' } });
    expect((await supervisor.client.request('DELETE', `/api/customers/${medium}/cadence/exemption`)).statusCode).toBe(200);
    await setSetting('cadence.capMonths', 0);
  });

  it('refuses an interval for a grade the archive does not define, naming the row', async () => {
    const all = json(await ctx.admin.get('/api/settings'));
    const s = all.groups.flatMap((g: { items: { key: string; version: number }[] }) => g.items).find((i: { key: string }) => i.key === 'cadence.intervals');
    const res = await ctx.admin.put('/api/settings/cadence.intervals', { value: [{ grade: 'A', every: 1, unit: 'month' }, { grade: 'Z', every: 2, unit: 'month' }], version: s.version });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields.map((f: { field: string }) => f.field)).toEqual(['value.1.grade']);
  });

  it('counts per person, team and grade within the caller’s scope', async () => {
    const mine = json(await specA.client.get('/api/cadence/compliance'));
    expect(mine.totals).toMatchObject({ total: 2, overdue: 1, inTime: 1, due: 0 });
    expect(mine.byPerson).toEqual([expect.objectContaining({ ownerId: specA.id, overdue: 1, inTime: 1, maxOverdueDays: 2 })]);
    expect(mine.byGrade.map((g: { grade: string; overdue: number; inTime: number }) => [g.grade, g.overdue, g.inTime])).toEqual([
      ['A', 1, 0],
      ['B', 0, 1],
      ['C', 0, 0],
    ]);
    expect(row(mine, otherTeam)).toBeUndefined();
    const all = json(await manager.client.get('/api/cadence/compliance'));
    expect(all.totals).toMatchObject({ total: 3, overdue: 2 });
    expect(all.byTeam).toHaveLength(2);
    expect((await specA.client.get(`/api/customers/${otherTeam}/cadence`)).statusCode).toBe(404);
  });

  it('escalates to the supervisor after the configured working days without contact', async () => {
    // the task was made on Monday 7 December; five working days later is Monday 14 December
    ctx.clock.set('2026-12-11T02:00:00Z');
    try {
    expect((await ctx.services.cadence.run()).escalated).toBe(0);
    ctx.clock.set('2026-12-14T02:00:00Z');
    expect((await ctx.services.cadence.run()).escalated).toBe(2); // the other team, without a supervisor, goes to the department head
    expect((await cadenceTasks(large)).map((t) => t.assignee_id)).toEqual([specA.id, supervisor.id]);
    expect((await ctx.db.kysely.selectFrom('notifications').select('title').where('user_id', '=', supervisor.id).where('kind', '=', 'cadence.escalated').execute()).map((n) => n.title)).toEqual([
      '客户回访逾期未处理：北京华宇科技有限公司（负责人 王专员）',
    ]);
    expect((await ctx.services.cadence.run()).escalated).toBe(0);
    } finally {
      ctx.clock.set('2026-12-07T02:00:00Z'); // back to today, before the sessions' idle timeout
    }
  });

  it('closes the cadence when a visit is recorded: the overdue task is completed', async () => {
    await visit(specA, large, '2026-12-07T09:30:00+08:00');
    const st = json(await specA.client.post(`/api/customers/${large}/cadence/refresh`, {}));
    expect(st.cadence).toMatchObject({ status: 'in_time', lastContact: '2026-12-07', dueDate: '2027-01-07' });
    expect((await cadenceTasks(large)).map((t) => t.status)).toEqual(['done', 'done']);
    expect(row(json(await specA.client.get('/api/cadence/compliance')), large)).toBeUndefined();
    const todo = json(await specA.client.get('/api/home/todo')) as { kind: string }[];
    expect(todo.filter((i) => i.kind === 'cadence_overdue')).toHaveLength(0);
  });
});

describe('the nightly cadence run (docs/regulations.md §8)', () => {
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

  it('creates the overdue task once, even with two app processes running the job', async () => {
    const late = await customer(specA, '广州南方制药有限公司', 'A');
    await visit(specA, late, '2026-10-20T10:00:00+08:00');
    const one = createLeases(ctx.db.kysely, ctx.clock, 'process-1');
    const two = createLeases(secondDb.kysely, ctx.clock, 'process-2');
    const results = await Promise.all([ctx.services.cadence.runNightly(one, 60_000), second.services.cadence.runNightly(two, 60_000)]);
    expect(results.filter((r) => r === null)).toHaveLength(1); // only one holds the lease
    // past the lease, both run at once without it: the unique period still allows one task
    ctx.clock.advance(61_000);
    await Promise.all([ctx.services.cadence.run(), second.services.cadence.run()]);
    const made = await cadenceTasks(late);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ assignee_id: specA.id, status: 'open' });
  });
});

describe('cadence per membership tier (docs/regulations.md §8)', () => {
  async function goldMember(body: { customerId?: number; individualId?: number }) {
    const m = await specA.client.post('/api/members', { ...body, joinedOn: '2026-06-01' });
    expect(m.statusCode, m.body).toBe(201);
    const adj = await supervisor.client.post(`/api/members/${json(m).id}/adjust`, { points: 50_000, reason: '测试金卡' });
    expect(json(adj)).toMatchObject({ tier: 'gold' });
  }

  it('makes a gold member last contacted 40 days ago overdue by its 30-day tier interval although its grade allows 90 days', async () => {
    await setSetting('cadence.intervals', [
      { grade: 'A', every: 1, unit: 'month' },
      { grade: 'B', every: 90, unit: 'day' },
      { grade: 'C', every: 6, unit: 'month' },
    ]);
    const gold = await customer(specA, '苏州金卡贸易有限公司', 'B');
    const plain = await customer(specA, '苏州普通贸易有限公司', 'B');
    await visit(specA, gold, '2026-10-28T10:00:00+08:00'); // 40 days ago
    await visit(specA, plain, '2026-10-28T10:00:00+08:00');
    await goldMember({ customerId: gold });
    expect(json(await specA.client.get(`/api/customers/${gold}/cadence`)).cadence).toMatchObject({ status: 'in_time', rule: 'grade', dueDate: '2027-01-26' }); // no tier intervals yet

    await setSetting('cadence.tierIntervals', [{ tier: 'gold', every: 30, unit: 'day' }]);
    const c = json(await specA.client.get('/api/cadence/compliance'));
    expect(row(c, gold)).toMatchObject({ status: 'overdue', rule: 'tier', tier: 'gold', dueDate: '2026-11-27', overdueDays: 10, interval: { every: 30, unit: 'day' } });
    expect(row(c, plain)).toBeUndefined(); // same grade and contact, not a member: in time by the grade's 90 days
    expect(json(await specA.client.get(`/api/customers/${plain}/cadence`)).cadence).toMatchObject({ status: 'in_time', rule: 'grade', tier: null, dueDate: '2027-01-26' });
  });

  it('lists individual members as their own group, contacted when a meeting is recorded for their stay', async () => {
    const guest = json(await specA.client.post('/api/individual-customers', { name: '林金卡' })).id as number;
    await goldMember({ individualId: guest });
    ctx.clock.set('2026-10-28T02:00:00Z'); // 40 days ago: a stay and its meeting
    try {
      const stay = json(await specA.client.post(`/api/individual-customers/${guest}/stays`, { checkedInAt: '2026-10-28T09:00:00+08:00', room: '1808' }));
      expect((await specA.client.post(`/api/individual-customers/${guest}/stays/${stay.id}/meeting`, { note: '大堂迎接' })).statusCode).toBe(200);
    } finally {
      ctx.clock.set('2026-12-07T02:00:00Z');
    }
    const c = json(await specA.client.get('/api/cadence/compliance'));
    expect(c.members).toEqual([expect.objectContaining({ individualId: guest, name: '林金卡', tier: 'gold', lastContact: '2026-10-28', dueDate: '2026-11-27', status: 'overdue', overdueDays: 10, ownerName: '王专员' })]);
    expect(c.memberTotals).toMatchObject({ total: 1, overdue: 1 });
    // another team's specialist does not see the guest
    expect(json(await specB.client.get('/api/cadence/compliance')).members).toEqual([]);
    await setSetting('cadence.tierIntervals', []);
  });

  it('refuses a tier interval for a tier membership does not define, naming the row', async () => {
    const all = json(await ctx.admin.get('/api/settings'));
    const s = all.groups.flatMap((g: { items: { key: string; version: number }[] }) => g.items).find((i: { key: string }) => i.key === 'cadence.tierIntervals');
    const res = await ctx.admin.put('/api/settings/cadence.tierIntervals', { value: [{ tier: 'gold', every: 30, unit: 'day' }, { tier: 'platinum', every: 7, unit: 'day' }], version: s.version });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields.map((f: { field: string }) => f.field)).toEqual(['value.1.tier']);
  });
});
