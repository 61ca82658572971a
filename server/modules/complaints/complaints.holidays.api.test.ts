import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, TestClock, USER_PASSWORD, createTeam, createTestContext, createUser, json, login, type TestContext } from '../../../test/harness';

/**
 * Deadlines over a year without an official schedule (docs/regulations.md §10): 2027 counts the statutory
 * holidays the law fixes, every deadline resting on them is provisional, and entering the official notice
 * counts them again with an entry in each record's history.
 */
let ctx: TestContext;
type U = { id: number; client: Client };
let handler: U;
let supervisor: U;
let admin: Client;

// Thursday 2026-12-31, 10:00 in Shanghai.
const clock = new TestClock(new Date('2026-12-31T02:00:00.000Z'));

const COMPLAINT = {
  channel: 'hotline',
  complainantName: '刘女士',
  complainantPhone: '13912345678',
  content: '年底送货延误，要求给出说法。',
  category: '配送交付',
};

/** A test notice for 2027 (the real one is not published yet): a longer 春节 with a make-up Saturday. */
const NOTICE_2027 = {
  holidays: [
    { name: '元旦', start: '2027-01-01', end: '2027-01-03' },
    { name: '春节', start: '2027-02-05', end: '2027-02-12' },
  ],
  makeupWorkdays: [{ date: '2027-02-20', name: '春节' }],
};

async function ok(res: { statusCode: number; body: string }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return JSON.parse(res.body);
}

let general: number;
let major: number;
let countedTask: number;
let datedTask: number;

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  admin = ctx.admin;
  const team = await createTeam(ctx, '投诉处理组', 1);
  supervisor = await createUser(ctx, { username: 'hol.zhuguan', displayName: '周主管', roles: ['supervisor'], teamId: team, departmentId: 1 });
  handler = await createUser(ctx, { username: 'hol.zhuanyuan', displayName: '吴专员', roles: ['specialist'], teamId: team, departmentId: 1 });
});
afterAll(() => ctx.close());

describe('provisional 2027 deadlines (docs/regulations.md §10)', () => {
  it('gives a general complaint received on 2026-12-31 a provisional deadline past 元旦 2027', async () => {
    const c = await ok(await handler.client.post('/api/complaints', { ...COMPLAINT, severity: 'general', handlerId: handler.id }), 201);
    general = c.id;
    // 2027-01-01 (Fri) is 元旦 by the law, then the weekend: one working day ends on Monday 01-04.
    expect(c.resolution).toMatchObject({ dueDate: '2027-01-04', provisional: true });
    expect(c.firstContact).toMatchObject({ dueDate: '2027-01-04', provisional: true });
    const list = json(await handler.client.get('/api/complaints?pageSize=50')).items;
    expect(list.find((x: any) => x.id === general).resolution.provisional).toBe(true);
  });

  it('keeps a deadline counted within an official year unflagged', async () => {
    clock.set('2026-12-28T02:00:00.000Z'); // Monday
    const c = await ok(await handler.client.post('/api/complaints', { ...COMPLAINT, severity: 'general', handlerId: handler.id }), 201);
    expect(c.resolution).toMatchObject({ dueDate: '2026-12-29', provisional: false });
    clock.set('2026-12-31T02:00:00.000Z');
  });

  it('flags a task due in working days over 2027, not one given a date', async () => {
    const counted = await ok(await supervisor.client.post('/api/tasks', { title: '节前回访', assigneeId: handler.id, due: { workingDays: 3 } }), 201);
    countedTask = counted.id;
    expect(counted).toMatchObject({ dueDate: '2027-01-06', dueProvisional: true });
    const dated = await ok(await supervisor.client.post('/api/tasks', { title: '整理资料', assigneeId: handler.id, due: { date: '2027-02-12' } }), 201);
    datedTask = dated.id;
    expect(dated.dueProvisional).toBe(false);
  });

  it('counts a major complaint received before 春节 2027 over the computed holidays', async () => {
    clock.set('2027-02-03T02:00:00.000Z'); // Wednesday; the sessions of December have expired
    handler.client = await login(ctx.app, 'hol.zhuanyuan', USER_PASSWORD);
    supervisor.client = await login(ctx.app, 'hol.zhuguan', USER_PASSWORD);
    admin = await login(ctx.app, 'admin', ADMIN_PASSWORD);
    const c = await ok(await handler.client.post('/api/complaints', { ...COMPLAINT, severity: 'major', handlerId: handler.id }), 201);
    major = c.id;
    // 02-04 is day 1; 02-05 to 02-10 are off by the law (除夕 to 初三, the weekend days made up); 02-11, 02-12.
    expect(c.resolution).toMatchObject({ dueDate: '2027-02-12', provisional: true });
    const t = await ok(await supervisor.client.post('/api/tasks', { title: '春节前回访', assigneeId: handler.id, due: { workingDays: 3 } }), 201);
    expect(t).toMatchObject({ dueDate: '2027-02-12', dueProvisional: true });
  });

  it('recomputes them when the 2027 notice is entered, with an entry in each history', async () => {
    expect((await admin.put('/api/calendar/years/2027', NOTICE_2027)).statusCode).toBe(204);

    const g = await ok(await handler.client.get(`/api/complaints/${general}`));
    expect(g.resolution).toMatchObject({ dueDate: '2027-01-04', provisional: false });
    expect(g.events.filter((e: any) => e.kind === 'deadline_recomputed')).toHaveLength(1);

    // The notice's 春节 runs to 02-12: 02-04 is day 1, Monday 02-15 day 2, 02-16 day 3.
    const m = await ok(await handler.client.get(`/api/complaints/${major}`));
    expect(m.resolution).toMatchObject({ dueDate: '2027-02-16', provisional: false });
    const ev = m.events.find((e: any) => e.kind === 'deadline_recomputed');
    expect(ev.note).toContain('2027-02-12 → 2027-02-16');

    const tasks = json(await supervisor.client.get('/api/tasks?view=created&pageSize=50')).items;
    const moved = tasks.find((x: any) => x.title === '春节前回访');
    expect(moved).toMatchObject({ dueDate: '2027-02-16', dueProvisional: false });
    const detail = await ok(await supervisor.client.get(`/api/tasks/${moved.id}`));
    expect(detail.comments.map((c: any) => c.body).join('\n')).toContain('2027-02-12 → 2027-02-16');
    expect((await ok(await supervisor.client.get(`/api/tasks/${countedTask}`))).dueProvisional).toBe(false);

    // A date chosen by hand is not moved and gets no entry.
    const dated = await ok(await supervisor.client.get(`/api/tasks/${datedTask}`));
    expect(dated).toMatchObject({ dueDate: '2027-02-12', dueProvisional: false, comments: [] });
  });

  it('leaves the recorded history alone when the same year is entered again unchanged', async () => {
    expect((await admin.put('/api/calendar/years/2027', NOTICE_2027)).statusCode).toBe(204);
    const m = await ok(await handler.client.get(`/api/complaints/${major}`));
    expect(m.events.filter((e: any) => e.kind === 'deadline_recomputed')).toHaveLength(1);
  });
});
