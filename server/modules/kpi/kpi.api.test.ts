import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, login, TestClock, USER_PASSWORD, type Client, type TestContext } from '../../../test/harness';

// KPIs, point tallies and routines (docs/regulations.md §17, §19) on SQLite and PostgreSQL.
let ctx: TestContext;
const clock = new TestClock(new Date('2026-12-07T02:00:00Z')); // Monday 2026-12-07, 10:00 in Shanghai
type U = { id: number; client: Client; username: string };
let specA: U, specB: U, supA: U, supB: U;
const all = () => [specA, specB, supA, supB];

/** Moves the clock; sessions do not live for weeks, so the staff sign in again. */
async function at(instant: string) {
  clock.set(instant);
  for (const u of all()) u.client = await login(ctx.app, u.username, USER_PASSWORD);
}
async function user(username: string, displayName: string, role: string, teamId: number): Promise<U> {
  return { ...(await createUser(ctx, { username, displayName, roles: [role], teamId, departmentId: 1 })), username };
}
async function prospect(who: U, companyName: string) {
  const res = await who.client.post('/api/prospects', { companyName, channel: 'referral' });
  expect(res.statusCode, res.body).toBe(201);
}
async function plan(who: U, period: string, submitAt: string) {
  const customerId = json(await who.client.post('/api/customers', { name: `${who.username} 客户` })).id as number;
  const created = json(await who.client.post('/api/visit-plans', { kind: 'monthly', period }));
  const filled = json(await who.client.put(`/api/visit-plans/${created.id}`, { lines: [{ customerId, plannedOn: `${period}-12`, purpose: '年度合作回顾', method: 'phone' }], version: created.version }));
  await at(submitAt);
  const res = await who.client.post(`/api/visit-plans/${created.id}/submit`, { version: filled.version });
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
}
type Row = { userId: number; total: number; deductions: { key: string; event: string; points: number; text: string; ref: { type: string; id: number } | null; annulled: unknown }[] };
async function tally(who: U, month: string, q = ''): Promise<Row[]> {
  const res = await who.client.get(`/api/kpi/tally?month=${month}${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return json(res).items;
}

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  const teamA = await createTeam(ctx, '大客户一组', 1);
  const teamB = await createTeam(ctx, '大客户二组', 1);
  supA = await user('zhu.guan.a', '李主管', 'supervisor', teamA);
  supB = await user('zhu.guan.b', '孙主管', 'supervisor', teamB);
  await ctx.db.kysely.updateTable('teams').set({ supervisor_id: supA.id }).where('id', '=', teamA).execute();
  await ctx.db.kysely.updateTable('teams').set({ supervisor_id: supB.id }).where('id', '=', teamB).execute();
  specA = await user('zhuan.yuan.a', '王专员', 'specialist', teamA);
  specB = await user('zhuan.yuan.b', '冯专员', 'specialist', teamB);
  await at('2026-12-07T02:00:00Z');
  await prospect(specA, '北京华宇科技有限公司');
  await prospect(specA, '天津宏达物流有限公司');
  await prospect(specB, '上海东方航运有限公司');
  await plan(specA, '2027-01', '2026-12-30T15:30:00Z'); // 23:30 on the 30th in Shanghai: in time
  await at('2026-12-07T02:00:00Z');
  await plan(specB, '2027-01', '2026-12-31T16:30:00Z'); // 00:30 on 1 January in Shanghai: late
  await at('2027-01-05T02:00:00Z');
}, 240_000); // many sign-ins on a busy machine
afterAll(() => ctx.close());

describe('point tally 月度计分 (docs/regulations.md §17)', () => {
  it('costs −2 once for a visit plan submitted after the 30th, and names that plan', async () => {
    const [b] = await tally(supB, '2026-12', `&userId=${specB.id}`);
    const plans = b.deductions.filter((d) => d.event === 'visit_plan_late');
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ points: -2, ref: { type: 'visit_plan' } });
    expect(plans[0].text).toContain('2027-01 回访计划于 2027-01-01 提交，晚于截止日 2026-12-30');
    // read again: still once
    const [again] = await tally(supB, '2026-12', `&userId=${specB.id}`);
    expect(again.deductions.filter((d) => d.event === 'visit_plan_late')).toHaveLength(1);
  });

  it('costs −2 for fewer than 2 new customers in the month, not for 2', async () => {
    const [b] = await tally(supB, '2026-12', `&userId=${specB.id}`);
    expect(b.deductions.filter((d) => d.event === 'new_customers_below')).toEqual([expect.objectContaining({ points: -2, text: '2026-12 新开发客户 1 个，少于 2 个：-2' })]);
    expect(b.total).toBe(96);
    const [a] = await tally(supA, '2026-12', `&userId=${specA.id}`);
    expect(a).toMatchObject({ total: 100, deductions: [] });
  });

  it('costs −3 for the monthly analysis report submitted after the 28th, traced to the report', async () => {
    await at('2026-12-29T02:00:00Z');
    const res = await supA.client.post('/api/kpi/reports', { kind: 'monthly_analysis', period: '2026-12', content: '十二月客户分析' });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toMatchObject({ late: true, dueDate: '2026-12-28' });
    await at('2027-01-05T02:00:00Z');
    const [s] = await tally(supA, '2026-12', `&userId=${supA.id}`);
    expect(s.deductions.find((d) => d.event === 'report_late.monthly_analysis')).toMatchObject({ points: -3, text: '月度分析报告（2026-12）于 2026-12-29 提交，晚于截止日 2026-12-28：-3', ref: { type: 'kpi_report', id: json(res).id } });
  });

  it('shows a specialist only their own tally and ranking, never another team', async () => {
    expect((await tally(specA, '2026-12')).map((r) => r.userId)).toEqual([specA.id]);
    expect(await tally(specA, '2026-12', `&userId=${specB.id}`)).toEqual([]);
    const ranking = json(await specA.client.get('/api/kpi/ranking?year=2026')).items;
    expect(ranking.map((r: { userId: number }) => r.userId)).toEqual([specA.id]);
    // the supervisor sees the team, not the other team
    expect((await tally(supA, '2026-12')).map((r) => r.userId).sort()).toEqual([supA.id, specA.id].sort());
  });

  it('restores the points of an annulled deduction, with an audit entry; refuses it without a reason (422)', async () => {
    const [b] = await tally(supB, '2026-12', `&userId=${specB.id}`);
    const key = b.deductions.find((d) => d.event === 'visit_plan_late')!.key;
    const bare = await supB.client.post('/api/kpi/annulments', { userId: specB.id, month: '2026-12', key, reason: '  ' });
    expect(bare.statusCode).toBe(422);
    expect(json(bare).error.fields[0].field).toBe('reason');
    expect((await supA.client.post('/api/kpi/annulments', { userId: specB.id, month: '2026-12', key, reason: '系统故障' })).statusCode).toBe(404);
    expect((await specB.client.post('/api/kpi/annulments', { userId: specB.id, month: '2026-12', key, reason: '系统故障' })).statusCode).toBe(403);
    const ok = await supB.client.post('/api/kpi/annulments', { userId: specB.id, month: '2026-12', key, reason: '系统故障，经核实按时提交' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json(ok).total).toBe(98);
    const [after] = await tally(supB, '2026-12', `&userId=${specB.id}`);
    expect(after.total).toBe(98);
    expect(after.deductions.find((d) => d.key === key)!.annulled).toMatchObject({ reason: '系统故障，经核实按时提交', by: '孙主管' });
    const audit = await ctx.db.kysely.selectFrom('audit_log').selectAll().where('entity_type', '=', 'kpi_deduction').where('action', '=', 'annul').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: supB.id });
    expect(audit[0].summary).toContain('2027-01 回访计划');
    expect((await supB.client.post('/api/kpi/annulments', { userId: specB.id, month: '2026-12', key, reason: '再次' })).statusCode).toBe(409);
  });
});

describe('routines 例行工作 (docs/regulations.md §19)', () => {
  it('records a meeting’s minutes and schedules the next one on the Tuesday / Friday slot', async () => {
    await at('2026-12-07T02:00:00Z');
    const created = await supA.client.post('/api/kpi/meetings', {});
    expect(created.statusCode, created.body).toBe(201);
    let items = json(await specA.client.get('/api/kpi/meetings')).items;
    const first = items.find((m: { id: number }) => m.id === json(created).id);
    expect(first).toMatchObject({ startsAt: '2026-12-08T08:00:00.000Z', status: 'scheduled' }); // Tuesday 16:00 in Shanghai
    expect((await specA.client.put(`/api/kpi/meetings/${first.id}/minutes`, { attendeeIds: [specA.id], decisions: 'x', version: first.version })).statusCode).toBe(403);
    const rec = await supA.client.put(`/api/kpi/meetings/${first.id}/minutes`, { attendeeIds: [supA.id, specA.id], decisions: '本周重点回访北京华宇科技', version: first.version });
    expect(rec.statusCode, rec.body).toBe(200);
    expect(json(rec)).toMatchObject({ status: 'held', decisions: '本周重点回访北京华宇科技', attendees: [{ id: supA.id, name: '李主管' }, { id: specA.id, name: '王专员' }] });
    items = json(await specA.client.get('/api/kpi/meetings')).items;
    const friday = items.find((m: { startsAt: string }) => m.startsAt === '2026-12-11T08:00:00.000Z');
    expect(friday).toMatchObject({ status: 'scheduled' });
    await supA.client.put(`/api/kpi/meetings/${friday.id}/minutes`, { attendeeIds: [supA.id], decisions: '下周计划', version: friday.version });
    items = json(await specA.client.get('/api/kpi/meetings')).items;
    expect(items.map((m: { startsAt: string }) => m.startsAt)).toContain('2026-12-15T08:00:00.000Z');
  });

  it('puts the monthly reports due by the 25th on the supervisor’s home page', async () => {
    await at('2026-12-20T02:00:00Z');
    const res = await supA.client.get('/api/home/todo');
    expect(res.statusCode, res.body).toBe(200);
    const titles = (json(res) as { kind: string; title: string; dueDate: string }[]).filter((i) => i.kind === 'kpi_report');
    expect(titles).toEqual(expect.arrayContaining([expect.objectContaining({ title: '提交月度预测（2026-12）', dueDate: '2026-12-25' }), expect.objectContaining({ title: '提交月度总结（2026-12）', dueDate: '2026-12-25' })]));
  });

  it('shows targets with actuals from the development records', async () => {
    await at('2027-01-05T02:00:00Z');
    const put = await supA.client.put('/api/kpi/targets', { subjectType: 'user', subjectId: specA.id, metric: 'new_customers', period: '2026-12', target: 2 });
    expect(put.statusCode, put.body).toBe(204);
    expect((await supA.client.put('/api/kpi/targets', { subjectType: 'user', subjectId: specB.id, metric: 'new_customers', period: '2026-12', target: 2 })).statusCode).toBe(422);
    const items = json(await supA.client.get('/api/kpi/targets?period=2026-12')).items;
    expect(items).toEqual([expect.objectContaining({ subjectId: specA.id, metric: 'new_customers', target: 2, actual: 2 })]);
  });
});
