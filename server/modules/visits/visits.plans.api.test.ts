import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, login, TestClock, USER_PASSWORD, type Client, type TestContext } from '../../../test/harness';

// Visit plans 回访计划表 (docs/regulations.md §8) on SQLite and PostgreSQL. A plan for 2027-01 is due 2026-12-30.
let ctx: TestContext;
const clock = new TestClock(new Date('2026-12-07T02:00:00Z')); // Monday 2026-12-07, 10:00 in Shanghai
type U = { id: number; client: Client; username?: string };
let specA: U, specB: U, supervisorA: U, supervisorB: U;
let large: number, small: number, otherTeam: number;

/** Moves the clock; sessions do not live for weeks, so the staff sign in again. */
async function at(instant: string) {
  clock.set(instant);
  for (const [u, name] of [
    [specA, 'zhuan.yuan.a'],
    [specB, 'zhuan.yuan.b'],
    [supervisorA, 'zhu.guan.a'],
    [supervisorB, 'zhu.guan.b'],
  ] as const) {
    u.client = await login(ctx.app, name, USER_PASSWORD);
  }
}

async function customer(who: U, name: string, grade: string) {
  const id = json(await who.client.post('/api/customers', { name })).id as number;
  await ctx.db.kysely.transaction().execute((trx) => ctx.services.customers.setGrades(trx, null, [{ customerId: id, grade, reason: '测试' }]));
  return id;
}
async function setSetting(key: string, value: unknown) {
  const all = json(await ctx.admin.get('/api/settings'));
  const s = all.groups.flatMap((g: { items: { key: string; version: number }[] }) => g.items).find((i: { key: string }) => i.key === key);
  const res = await ctx.admin.put(`/api/settings/${key}`, { value, version: s.version });
  expect(res.statusCode, res.body).toBe(200);
}
async function act(who: U, id: number, action: string, comment?: string) {
  const req = json(await who.client.get(`/api/approvals?documentType=visit_plan&documentId=${id}`)).request;
  const res = await who.client.post(`/api/approvals/${req.id}/actions`, { action, comment, version: req.version });
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
}
const line = (customerId: number, over: Record<string, unknown> = {}) => ({ customerId, plannedOn: '2027-01-12', purpose: '年度合作回顾', method: 'on_site', place: '客户总部', expectedCost: 120.5, ...over });

/** A plan with lines, as its author drafts it at `at`. */
async function draft(who: U, period: string, lines: Record<string, unknown>[], kind = 'monthly') {
  const created = await who.client.post('/api/visit-plans', { kind, period });
  expect(created.statusCode, created.body).toBe(201);
  const p = json(created);
  const res = await who.client.put(`/api/visit-plans/${p.id}`, { lines, version: p.version });
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
}
async function submit(who: U, p: { id: number; version: number }, when: string) {
  await at(when);
  const res = await who.client.post(`/api/visit-plans/${p.id}/submit`, { version: p.version });
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
}

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  const teamA = await createTeam(ctx, '大客户一组', 1);
  const teamB = await createTeam(ctx, '大客户二组', 2);
  supervisorA = await createUser(ctx, { username: 'zhu.guan.a', displayName: '李主管', roles: ['supervisor'], teamId: teamA });
  supervisorB = await createUser(ctx, { username: 'zhu.guan.b', displayName: '孙主管', roles: ['supervisor'], teamId: teamB });
  await ctx.db.kysely.updateTable('teams').set({ supervisor_id: supervisorA.id }).where('id', '=', teamA).execute();
  await ctx.db.kysely.updateTable('teams').set({ supervisor_id: supervisorB.id }).where('id', '=', teamB).execute();
  specA = await createUser(ctx, { username: 'zhuan.yuan.a', displayName: '王专员', roles: ['specialist'], teamId: teamA });
  specB = await createUser(ctx, { username: 'zhuan.yuan.b', displayName: '冯专员', roles: ['specialist'], teamId: teamB });
  small = await customer(specA, '天津宏达物流有限公司', 'C');
  large = await customer(specA, '北京华宇科技有限公司', 'A');
  otherTeam = await customer(specB, '上海东方航运有限公司', 'A');
  const v = await specA.client.post('/api/visits', { customerId: large, method: 'phone', visitedAt: '2026-11-05T10:00:00+08:00' }); // 32 days ago
  expect(v.statusCode, v.body).toBe(201);
});
afterAll(() => ctx.close());

describe('visit plans 回访计划表 (docs/regulations.md §8)', () => {
  it('suggests the author’s customers overdue by cadence first, with their days, then the rest', async () => {
    const res = await specA.client.get('/api/visit-plans/suggestions');
    expect(res.statusCode, res.body).toBe(200);
    const items = json(res).items as { customerId: number; cadence: string | null; overdueDays: number }[];
    expect(items[0]).toMatchObject({ customerId: large, cadence: 'overdue' });
    expect(items[0].overdueDays).toBeGreaterThan(0);
    expect(items.map((i) => i.customerId)).toContain(small);
    expect(items.map((i) => i.customerId)).not.toContain(otherTeam);
  });

  it('marks a next-month plan submitted on the 1st late, and one submitted on the 30th not', async () => {
    const onTime = await draft(specA, '2027-01', [line(large)]);
    expect(onTime.dueDate).toBe('2026-12-30');
    const a = await submit(specA, onTime, '2026-12-30T15:30:00Z'); // 23:30 on the 30th in Shanghai
    expect(a).toMatchObject({ status: 'pending', late: false });
    await at('2026-12-07T02:00:00Z');
    const b = await draft(specB, '2027-01', [line(otherTeam)]);
    const late = await submit(specB, b, '2026-12-31T16:30:00Z'); // 00:30 on 1 January in Shanghai
    expect(late).toMatchObject({ status: 'pending', late: true, dueDate: '2026-12-30' });
  });

  it('names the plan, its due day and the day it was submitted in the late-plans service', async () => {
    const late = await ctx.services.visits.plans.latePlans({ from: '2027-01-01', to: '2027-01-31' });
    expect(late).toEqual([
      expect.objectContaining({ authorId: specB.id, authorName: '冯专员', kind: 'monthly', period: '2027-01', dueDate: '2026-12-30', submittedOn: '2027-01-01', text: '2027-01 回访计划于 2027-01-01 提交，晚于截止日 2026-12-30' }),
    ]);
    expect(await ctx.services.visits.plans.latePlans({ authorId: specA.id })).toEqual([]);
  });

  it('lets the supervisor approve; an approved plan is read-only', async () => {
    const [mine] = json(await specA.client.get('/api/visit-plans?mine=1&period=2027-01')).items;
    expect(json(await supervisorA.client.get('/api/approvals/queue')).items.map((r: { documentType: string; documentId: number }) => [r.documentType, r.documentId])).toContainEqual(['visit_plan', mine.id]);
    await act(supervisorA, mine.id, 'approve');
    const p = json(await specA.client.get(`/api/visit-plans/${mine.id}`));
    expect(p.status).toBe('approved');
    const edit = await specA.client.put(`/api/visit-plans/${mine.id}`, { lines: [line(small)], version: p.version });
    expect(edit.statusCode).toBe(409);
    // another team's supervisor does not see it
    expect((await supervisorB.client.get(`/api/visit-plans/${mine.id}`)).statusCode).toBe(404);
  });

  it('lets the supervisor return a plan with a comment; the author changes it and resubmits', async () => {
    await at('2026-12-07T02:00:00Z');
    const p = await draft(specA, '2026-12-14', [line(large, { plannedOn: '2026-12-15', method: 'phone', expectedCost: null })], 'weekly');
    expect(p.dueDate).toBe('2026-12-11'); // the Friday before
    const sent = await submit(specA, p, '2026-12-10T02:00:00Z');
    expect(sent.late).toBe(false);
    const returned = await act(supervisorA, p.id, 'return', '请补充上门拜访');
    expect(returned.status).toBe('returned');
    const back = json(await specA.client.get(`/api/visit-plans/${p.id}`));
    expect(back.status).toBe('returned');
    const fixed = json(await specA.client.put(`/api/visit-plans/${p.id}`, { lines: [...back.lines.map((l: Record<string, unknown>) => ({ id: l.id, customerId: l.customerId, plannedOn: l.plannedOn, purpose: l.purpose, method: l.method })), line(small, { plannedOn: '2026-12-16' })], version: back.version }));
    expect(fixed.lines).toHaveLength(2);
    const again = await submit(specA, fixed, '2026-12-12T02:00:00Z');
    // lateness is judged on the first submission
    expect(again).toMatchObject({ status: 'pending', late: false });
    const history = json(await specA.client.get(`/api/approvals?documentType=visit_plan&documentId=${p.id}`)).request.history;
    expect(history.map((h: { action: string; comment: string | null }) => [h.action, h.comment])).toContainEqual(['return', '请补充上门拜访']);
  });

  it('refuses a line for a customer outside the author’s scope, naming the row (422)', async () => {
    await at('2026-12-07T02:00:00Z');
    const created = json(await specA.client.post('/api/visit-plans', { kind: 'monthly', period: '2027-02' }));
    const bad = await specA.client.put(`/api/visit-plans/${created.id}`, { lines: [line(large, { plannedOn: '2027-02-03' }), line(otherTeam, { plannedOn: '2027-02-04' }), line(small, { plannedOn: '2027-03-01' })], version: created.version });
    expect(bad.statusCode).toBe(422);
    expect(json(bad).error.fields.map((f: { field: string }) => f.field)).toEqual(['lines.1.customerId', 'lines.2.plannedOn']);
    // the plan itself is another team's record: 404 to them
    expect((await specB.client.get(`/api/visit-plans/${created.id}`)).statusCode).toBe(404);
  });

  it('warns when a monthly plan has fewer on-site days than the setting, without refusing it', async () => {
    await setSetting('visits.monthlyVisitDays', 6);
    const [feb] = json(await specA.client.get('/api/visit-plans?mine=1&period=2027-02')).items;
    const res = await specA.client.put(`/api/visit-plans/${feb.id}`, { lines: [line(large, { plannedOn: '2027-02-03' }), line(small, { plannedOn: '2027-02-03' }), line(small, { plannedOn: '2027-02-05' })], version: feb.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ onSiteDays: 2, totalExpectedCost: 361.5, warnings: ['本月计划上门拜访 2 天，少于规定的 6 天'] });
    await setSetting('visits.monthlyVisitDays', 0);
    expect(json(await specA.client.get(`/api/visit-plans/${feb.id}`)).warnings).toEqual([]);
  });

  it('marks a line done when a visit is recorded against it', async () => {
    await at('2027-01-12T08:00:00Z');
    const [jan] = json(await specA.client.get('/api/visit-plans?mine=1&period=2027-01')).items;
    expect(jan).toMatchObject({ lineCount: 1, doneCount: 0 });
    const open = json(await specA.client.get(`/api/visit-plans/open-lines?customerId=${large}`)).items;
    const target = open.find((l: { planPeriod: string }) => l.planPeriod === '2027-01');
    // not someone else's line, nor for another customer
    expect((await specB.client.post('/api/visits', { customerId: otherTeam, method: 'on_site', visitedAt: '2027-01-12T14:00:00+08:00', planLineId: target.id })).statusCode).toBe(422);
    const v = await specA.client.post('/api/visits', { customerId: large, method: 'on_site', visitedAt: '2027-01-12T14:00:00+08:00', planLineId: target.id });
    expect(v.statusCode, v.body).toBe(201);
    expect(json(v).planLineId).toBe(target.id);
    const plan = json(await specA.client.get(`/api/visit-plans/${jan.id}`));
    expect(plan.lines[0]).toMatchObject({ id: target.id, done: true, visitId: json(v).id });
    expect(json(await specA.client.get('/api/visit-plans?mine=1&period=2027-01')).items[0]).toMatchObject({ lineCount: 1, doneCount: 1 });
  });
});
