import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTeam, createTestContext, createUser, json, login, TestClock, USER_PASSWORD, type Client, type TestContext } from '../../../test/harness';

// The weekly plan due on Friday (docs/regulations.md §19) on the home page and in the point tally (§17), on SQLite and PostgreSQL.
let ctx: TestContext;
const clock = new TestClock(new Date('2026-12-07T02:00:00Z')); // Monday 2026-12-07, 10:00 in Shanghai
type U = { id: number; client: Client; username: string };
let spec: U, sup: U;
let customerId: number;

async function at(instant: string) {
  clock.set(instant);
  for (const u of [spec, sup]) u.client = await login(ctx.app, u.username, USER_PASSWORD);
}
async function weekly(monday: string) {
  const created = await spec.client.post('/api/visit-plans', { kind: 'weekly', period: monday });
  expect(created.statusCode, created.body).toBe(201);
  const p = json(created);
  const filled = await spec.client.put(`/api/visit-plans/${p.id}`, { lines: [{ customerId, plannedOn: monday, purpose: '周例行回访', method: 'phone' }], version: p.version });
  expect(filled.statusCode, filled.body).toBe(200);
  return json(filled) as { id: number; version: number };
}
async function submit(plan: { id: number; version: number }) {
  const res = await spec.client.post(`/api/visit-plans/${plan.id}/submit`, { version: plan.version });
  expect(res.statusCode, res.body).toBe(200);
}
async function setRules(weeklyPoints: number) {
  const admin = await login(ctx.app, 'admin', ADMIN_PASSWORD); // the clock has moved past the first session
  const all = json(await admin.get('/api/settings'));
  const s = all.groups.flatMap((g: { items: { key: string; version: number; value: unknown }[] }) => g.items).find((i: { key: string }) => i.key === 'kpi.pointRules');
  const value = (s.value as { event: string; points: number }[]).map((r) => (r.event === 'weekly_plan_late' ? { ...r, points: weeklyPoints } : r));
  const res = await admin.put('/api/settings/kpi.pointRules', { value, version: s.version });
  expect(res.statusCode, res.body).toBe(200);
}
type Ded = { key: string; event: string; points: number; text: string; ref: { type: string; id: number | string } | null };
async function weeklyDeductions(month: string): Promise<Ded[]> {
  const res = await sup.client.get(`/api/kpi/tally?month=${month}&userId=${spec.id}`);
  expect(res.statusCode, res.body).toBe(200);
  return (json(res).items[0].deductions as Ded[]).filter((d) => d.event === 'weekly_plan_late');
}
async function todo(): Promise<{ kind: string; title: string; dueDate: string; overdue: boolean }[]> {
  const res = await spec.client.get('/api/home/todo');
  expect(res.statusCode, res.body).toBe(200);
  return (json(res) as { kind: string; title: string; dueDate: string; overdue: boolean }[]).filter((i) => i.kind === 'kpi_weekly_plan');
}

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  const team = await createTeam(ctx, '回访一组', 1);
  sup = { ...(await createUser(ctx, { username: 'wk.sup', roles: ['supervisor'], teamId: team, departmentId: 1 })), username: 'wk.sup' };
  await ctx.db.kysely.updateTable('teams').set({ supervisor_id: sup.id }).where('id', '=', team).execute();
  spec = { ...(await createUser(ctx, { username: 'wk.spec', roles: ['specialist'], teamId: team, departmentId: 1 })), username: 'wk.spec' };
  await at('2026-12-07T02:00:00Z');
  customerId = json(await spec.client.post('/api/customers', { name: '周计划测试客户' })).id;
}, 120_000);
afterAll(() => ctx.close());

describe('the weekly plan due on Friday (docs/regulations.md §17, §19)', () => {
  it('puts this week’s unsubmitted plan (overdue) and next week’s (due Friday) on the home page, and drops a submitted one', async () => {
    const items = await todo();
    expect(items.map((i) => [i.dueDate, i.overdue])).toEqual([
      ['2026-12-04', true],
      ['2026-12-11', false],
    ]);
    expect(items[1]!.title).toBe('提交周计划（2026-12-14 起一周，2026-12-11 截止）');
    await submit(await weekly('2026-12-14'));
    expect((await todo()).map((i) => i.dueDate)).toEqual(['2026-12-04']);
  });

  it('lists the weekly rule at 0 by default, so no weekly plan costs points until the company sets them', async () => {
    await at('2027-01-05T02:00:00Z');
    const admin = await login(ctx.app, 'admin', ADMIN_PASSWORD);
    const rules = json(await admin.get('/api/settings')).groups.flatMap((g: { items: { key: string; value: unknown }[] }) => g.items).find((i: { key: string }) => i.key === 'kpi.pointRules').value;
    expect(rules).toContainEqual({ event: 'weekly_plan_late', points: 0, period: 'month' });
    expect(await weeklyDeductions('2026-12')).toEqual([]);
  });

  it('costs the set points for a weekly plan submitted after its Friday, named by the plan', async () => {
    await at('2026-12-19T02:00:00Z'); // Saturday: the plan of the week of 12-21 was due yesterday
    const late = await weekly('2026-12-21');
    await submit(late);
    await setRules(-2);
    const d = await weeklyDeductions('2026-12');
    const mine = d.filter((x) => x.ref?.type === 'visit_plan');
    expect(mine).toEqual([expect.objectContaining({ points: -2, ref: { type: 'visit_plan', id: late.id }, text: '2026-12-21 回访计划于 2026-12-19 提交，晚于截止日 2026-12-18：-2' })]);
  });

  it('counts a weekly plan never submitted as late once its Friday has passed, traced to the week, not a record', async () => {
    // On Friday 12-25 the plan of the week of 12-28 is due today: not yet late.
    await at('2026-12-25T02:00:00Z');
    const before = (await weeklyDeductions('2026-12')).filter((x) => x.ref?.type === 'visit_plan_period').map((x) => x.ref!.id);
    expect(before).toEqual(['weekly:2026-12-07']); // never written, due 12-04 (12-14 was on time, 12-21 is late above)
    await at('2026-12-26T02:00:00Z');
    const after = (await weeklyDeductions('2026-12')).filter((x) => x.ref?.type === 'visit_plan_period');
    expect(after.map((x) => x.ref!.id)).toEqual(['weekly:2026-12-07', 'weekly:2026-12-28']);
    expect(after[1]).toMatchObject({ key: 'missing_plan:weekly:2026-12-28', points: -2, text: '周计划（2026-12-28）截止日 2026-12-25 前未提交：-2' });
    // Written late, it is counted once, as a late plan.
    await submit(await weekly('2026-12-28'));
    const final = await weeklyDeductions('2026-12');
    expect(final.filter((x) => x.key.includes('2026-12-28') || (x.ref?.type === 'visit_plan' && x.text.startsWith('2026-12-28')))).toHaveLength(1);
    expect(final).toHaveLength(3);
  });
});
