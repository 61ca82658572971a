import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type Services } from '../../app';
import { createNotificationService, type Delivery } from './notifications.service';
import { openDatabase, type Db } from '../../db/database';
import { ADMIN_PASSWORD, Client, TestClock, USER_PASSWORD, createTeam, createTestContext, createUser, json, login, type TestContext } from '../../../test/harness';

// Issue 4 §2–4: tasks, the to-do home page, notifications and reminders, on one or two app instances.
const clock = new TestClock(new Date('2026-09-29T02:00:00Z')); // Tuesday 10:00 in Shanghai, just before 国庆
let ctx: TestContext;
let secondDb: Db;
let second: { app: FastifyInstance; services: Services };
let teamA: number;
let teamB: number;
let supA: { id: number; client: Client };
let specA: { id: number; client: Client };
let mateA: { id: number; client: Client };
let supB: { id: number; client: Client };
let specB: { id: number; client: Client };
let manager: { id: number; client: Client };

async function setSupervisor(teamId: number, supervisorId: number) {
  const team = json(await ctx.admin.get(`/api/teams/${teamId}`));
  const res = await ctx.admin.put(`/api/teams/${teamId}`, { supervisorId, version: team.version });
  expect(res.statusCode).toBe(200);
}

async function setSetting(key: string, value: unknown) {
  const all = json(await ctx.admin.get('/api/settings')).groups.flatMap((g: any) => g.items);
  const current = all.find((s: any) => s.key === key);
  const res = await ctx.admin.put(`/api/settings/${key}`, { value, version: current.version });
  expect(res.statusCode).toBe(200);
}

async function inbox(c: Client) {
  return json(await c.get('/api/notifications?pageSize=100'));
}

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  teamA = await createTeam(ctx, '客户关系一组', 1);
  teamB = await createTeam(ctx, '客户关系二组', 1);
  supA = await createUser(ctx, { username: 'wang.zhuguan', displayName: '王主管', roles: ['supervisor'], teamId: teamA });
  specA = await createUser(ctx, { username: 'li.zhuanyuan', displayName: '李专员', roles: ['specialist'], teamId: teamA });
  mateA = await createUser(ctx, { username: 'zhou.zhuanyuan', displayName: '周专员', roles: ['specialist'], teamId: teamA });
  supB = await createUser(ctx, { username: 'chen.zhuguan', displayName: '陈主管', roles: ['supervisor'], teamId: teamB });
  specB = await createUser(ctx, { username: 'zhao.zhuanyuan', displayName: '赵专员', roles: ['specialist'], teamId: teamB });
  manager = await createUser(ctx, { username: 'sun.jingli', displayName: '孙经理', roles: ['manager'], departmentId: 1 });
  await setSupervisor(teamA, supA.id);
  await setSupervisor(teamB, supB.id);
  secondDb = openDatabase(ctx.config.database); // its own connection, as another process would have
  second = await buildApp({ config: ctx.config, db: secondDb, clock, logger: false });
});
afterAll(async () => {
  await second?.app.close();
  await secondDb?.close();
  await ctx.close();
});

describe('tasks', () => {
  it('computes a deadline of N working days with the company calendar, across the 2026 National Day holiday', async () => {
    const res = await supA.client.post('/api/tasks', { title: '节后回访华远科技', assigneeId: specA.id, due: { workingDays: 3 } });
    expect(res.statusCode).toBe(201);
    // 09-29 (Tue) → 09-30, then 10-01…10-07 off → 10-08, 10-09.
    expect(json(res)).toMatchObject({ dueDate: '2026-10-09', status: 'open', assigneeName: '李专员', creatorName: '王主管', overdue: false });
    // The "due soon" reminder is one working day before: Thursday 10-08 at 09:00 Beijing time.
    const reminder = await ctx.services.reminders.get(`task:${json(res).id}:due`);
    expect(reminder?.due_at).toBe('2026-10-08T01:00:00.000Z');
  });

  it('tells the assignee about a new task in the inbox, with an unread count they can clear', async () => {
    const before = json(await specA.client.get('/api/notifications/unread-count')).count;
    const res = await supA.client.post('/api/tasks', { title: '整理客户回访记录', assigneeId: specA.id, due: { date: '2026-10-12' } });
    expect(res.statusCode).toBe(201);
    expect(json(await specA.client.get('/api/notifications/unread-count')).count).toBe(before + 1);
    const list = await inbox(specA.client);
    const n = list.items.find((i: any) => i.title.includes('整理客户回访记录'));
    expect(n).toMatchObject({ kind: 'task.assigned', readAt: null, link: { type: 'task', id: json(res).id, path: `/tasks/${json(res).id}` } });
    // Marking someone else's notification changes nothing for them.
    await specB.client.post('/api/notifications/read', { ids: [n.id] });
    expect(json(await specA.client.get('/api/notifications/unread-count')).count).toBe(before + 1);
    expect(json(await specA.client.post('/api/notifications/read', { ids: [n.id] })).unread).toBe(before);
    expect(json(await specA.client.post('/api/notifications/read-all')).unread).toBe(0);
  });

  it('lets a specialist create tasks for themselves only, and a supervisor only for people in scope', async () => {
    expect((await specA.client.post('/api/tasks', { title: '自己的任务', assigneeId: specA.id, due: { date: '2026-10-15' } })).statusCode).toBe(201);
    expect((await specA.client.post('/api/tasks', { title: '替同事安排', assigneeId: mateA.id, due: { date: '2026-10-15' } })).statusCode).toBe(403);
    const outside = await supA.client.post('/api/tasks', { title: '跨组分派', assigneeId: specB.id, due: { date: '2026-10-15' } });
    expect(outside.statusCode).toBe(422);
    expect(json(outside).error.fields.map((f: any) => f.field)).toEqual(['assigneeId']);
    const bad = await supA.client.post('/api/tasks', { title: '日期有误', assigneeId: specA.id, due: { date: '2026-02-30' } });
    expect(bad.statusCode).toBe(400);
    const past = await supA.client.post('/api/tasks', { title: '已过期', assigneeId: specA.id, due: { date: '2026-09-28' } });
    expect(past.statusCode).toBe(422);
    expect(json(past).error.fields).toEqual([expect.objectContaining({ field: 'due.date', message: '截止日期不能早于今天' })]);
  });

  it('answers 404 to people outside the task’s scope, and shows it to the assignee, creator, their supervisor and managers', async () => {
    const task = json(await supA.client.post('/api/tasks', { title: '准备维护方案材料', assigneeId: specA.id, due: { date: '2026-10-16' } }));
    for (const c of [specA, supA, manager]) expect((await c.client.get(`/api/tasks/${task.id}`)).statusCode).toBe(200);
    for (const c of [specB, supB, mateA]) {
      expect((await c.client.get(`/api/tasks/${task.id}`)).statusCode).toBe(404);
      expect((await c.client.put(`/api/tasks/${task.id}`, { title: '改', version: task.version })).statusCode).toBe(404);
      expect((await c.client.post(`/api/tasks/${task.id}/complete`, { version: task.version })).statusCode).toBe(404);
      expect((await c.client.post(`/api/tasks/${task.id}/comments`, { body: '看看' })).statusCode).toBe(404);
    }
    const teamList = json(await supB.client.get('/api/tasks?view=team&pageSize=100'));
    expect(teamList.items.map((t: any) => t.id)).not.toContain(task.id);
    const mine = json(await specA.client.get('/api/tasks?view=mine&pageSize=100'));
    expect(mine.items.map((t: any) => t.id)).toContain(task.id);
  });

  it('refuses a stale edit with 409, and completes a task with a note, notifying its creator', async () => {
    const task = json(await supA.client.post('/api/tasks', { title: '回访上海远东', assigneeId: specA.id, due: { date: '2026-10-20' } }));
    const edited = await supA.client.put(`/api/tasks/${task.id}`, { title: '回访上海远东贸易', version: task.version });
    expect(edited.statusCode).toBe(200);
    expect((await supA.client.put(`/api/tasks/${task.id}`, { title: '旧版本', version: task.version })).statusCode).toBe(409);
    expect((await specA.client.put(`/api/tasks/${task.id}`, { title: '执行人改标题', version: json(edited).version })).statusCode).toBe(403);
    const comment = await specA.client.post(`/api/tasks/${task.id}/comments`, { body: '客户电话 13812345678 已联系' });
    expect(comment.statusCode).toBe(201);
    const done = await specA.client.post(`/api/tasks/${task.id}/complete`, { note: '已回访，客户满意', version: json(edited).version });
    expect(done.statusCode).toBe(200);
    expect(json(done)).toMatchObject({ status: 'done', completionNote: '已回访，客户满意', completedByName: '李专员', canComplete: false });
    expect(json(done).comments.map((c: any) => c.body)).toEqual(['客户电话 13812345678 已联系']);
    const supInbox = await inbox(supA.client);
    expect(supInbox.items.map((i: any) => i.kind)).toEqual(expect.arrayContaining(['task.completed', 'task.comment']));
    // Phones never appear in clear in a notification (issue 3 §9).
    expect(supInbox.items.find((i: any) => i.kind === 'task.comment').body).toBe('客户电话 138****5678 已联系');
    // Its reminders are gone with it.
    expect(await ctx.services.reminders.get(`task:${task.id}:overdue`)).toBeUndefined();
    expect((await specA.client.post(`/api/tasks/${task.id}/complete`, { version: json(done).version })).statusCode).toBe(409);
  });
});

describe('to-do home page', () => {
  it('shows an overdue task to its assignee and their supervisor, but not to another team’s supervisor', async () => {
    const task = json(await supA.client.post('/api/tasks', { title: '提交十月客户拜访计划', assigneeId: mateA.id, due: { date: '2026-09-30' } }));
    const todoOf = async (c: Client) => json(await c.get('/api/home/todo')) as any[];
    const own = (await todoOf(mateA.client)).find((i) => i.link.id === task.id);
    expect(own).toMatchObject({ kind: 'task', overdue: false, dueDate: '2026-09-30', link: { type: 'task', path: `/tasks/${task.id}` } });
    expect((await todoOf(supA.client)).find((i) => i.link.id === task.id)).toBeUndefined(); // not overdue yet

    clock.set('2026-10-02T02:00:00Z'); // the deadline has passed (sessions idle that long have expired: sign in again)
    try {
      const [mate, sup, other] = await Promise.all(['zhou.zhuanyuan', 'wang.zhuguan', 'chen.zhuguan'].map((u) => login(ctx.app, u, USER_PASSWORD)));
      expect((await todoOf(mate)).find((i) => i.link.id === task.id)).toMatchObject({ kind: 'task_overdue', overdue: true });
      expect((await todoOf(sup)).find((i) => i.link.id === task.id)).toMatchObject({ kind: 'task_overdue', overdue: true, detail: '周专员' });
      expect((await todoOf(other)).find((i) => i.link.id === task.id)).toBeUndefined();
      const overdue = json(await sup.get('/api/tasks?view=team&overdue=true&pageSize=100'));
      expect(overdue.items.map((t: any) => t.id)).toContain(task.id);

      // The overdue notice reaches the assignee and their supervisor once, on the first day after the deadline.
      const fired = await ctx.services.reminders.runOnce(clock.now());
      expect(fired.errors).toEqual([]);
      const noticesOf = async (c: Client) => (await inbox(c)).items.filter((i: any) => i.kind === 'task.overdue' && i.link.id === task.id);
      expect(await noticesOf(mate)).toHaveLength(1);
      expect(await noticesOf(sup)).toHaveLength(1);
      expect(await noticesOf(other)).toHaveLength(0);
      await ctx.services.reminders.runOnce(clock.now());
      expect(await noticesOf(mate)).toHaveLength(1);
    } finally {
      clock.set('2026-09-29T02:00:00Z');
    }
  });

  it('lists items from every registered provider, e.g. another module’s', async () => {
    ctx.services.todo.register({
      key: 'test_birthdays',
      async items(_db, actor) {
        return actor.id === specA.id ? [{ kind: 'birthday', title: '客户生日：华远科技 张总', dueDate: '2026-09-29', link: { type: 'customer', id: 1, path: '/customers/1' } }] : [];
      },
    });
    const items = json(await specA.client.get('/api/home/todo')) as any[];
    expect(items.find((i) => i.kind === 'birthday')).toMatchObject({ title: '客户生日：华远科技 张总', overdue: false, detail: null });
    expect(json(await specB.client.get('/api/home/todo')).find((i: any) => i.kind === 'birthday')).toBeUndefined();
  });
});

describe('reminders and deliveries across app instances', () => {
  it('delivers a due reminder exactly once when the schedulers of two instances run at the same time', async () => {
    await ctx.db.kysely.transaction().execute((trx) =>
      ctx.services.reminders.schedule(trx, {
        key: 'test:once',
        dueAt: '2026-09-29T03:00:00Z',
        notification: { userIds: [specB.id], kind: 'test.once', title: '只提醒一次' },
      }),
    );
    const early = await Promise.all([ctx.services.reminders.runOnce(clock.now()), second.services.reminders.runOnce(clock.now())]);
    expect(early.map((r) => r.fired)).toEqual([0, 0]);
    const at = new Date('2026-09-29T03:00:01Z');
    const results = await Promise.all([ctx.services.reminders.runOnce(at), second.services.reminders.runOnce(at)]);
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    // Both saw the reminder due and raced for it; one claim won, the other changed nothing.
    expect(results.map((r) => r.fired).sort()).toEqual([0, 1]);
    expect(results.map((r) => r.lost).sort()).toEqual([0, 1]);
    await Promise.all([ctx.services.reminders.runOnce(at), second.services.reminders.runOnce(at)]);
    const got = (await inbox(specB.client)).items.filter((i: any) => i.kind === 'test.once');
    expect(got).toHaveLength(1);
    const row = await ctx.services.reminders.get('test:once');
    expect([ctx.services.reminders.holder, second.services.reminders.holder]).toContain(row?.fired_by);
  });

  it('retries a failing WeCom webhook with backoff while the request that caused it succeeds', async () => {
    const hits: { at: string; body: any }[] = [];
    const server = http.createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        hits.push({ at: clock.now().toISOString(), body: JSON.parse(data) });
        if (hits.length === 1) {
          res.writeHead(500).end('busy');
        } else {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=secret-key`;
      await setSetting('notifications.wecomWebhookUrl', url);
      const created = await supA.client.post('/api/tasks', { title: '联系客户 13912345678 确认合同', assigneeId: specA.id, due: { date: '2026-10-19' } });
      expect(created.statusCode).toBe(201); // nothing was sent during the request

      const t0 = clock.now();
      // Both instances send: the delivery is claimed once, so the robot sees one attempt.
      await Promise.all([ctx.services.notifications.runOnce(t0), second.services.notifications.runOnce(t0)]);
      expect(hits).toHaveLength(1);
      const failed = json(await ctx.admin.get('/api/notifications/deliveries?pageSize=5')).items[0];
      expect(failed).toMatchObject({ channel: 'wecom', status: 'pending', attempts: 1, lastError: 'HTTP 500', nextAttemptAt: new Date(t0.getTime() + 60_000).toISOString() });

      await ctx.services.notifications.runOnce(new Date(t0.getTime() + 30_000)); // still backing off
      expect(hits).toHaveLength(1);
      await second.services.notifications.runOnce(new Date(t0.getTime() + 61_000));
      expect(hits).toHaveLength(2);
      expect(hits[1].body.msgtype).toBe('text');
      // The group is told the event and the record, not the title someone typed.
      expect(hits[1].body.text.content).toContain('新任务');
      expect(hits[1].body.text.content).toMatch(/记录：任务 #\d+/);
      expect(hits[1].body.text.content).not.toContain('联系客户');
      expect(hits[1].body.text.content).not.toContain('13912345678');
      const sent = json(await ctx.admin.get('/api/notifications/deliveries?status=sent&pageSize=5')).items[0];
      expect(sent).toMatchObject({ id: failed.id, status: 'sent', attempts: 2, lastError: null });
      await ctx.services.notifications.runOnce(new Date(t0.getTime() + 3600_000));
      expect(hits).toHaveLength(2);
    } finally {
      await setSetting('notifications.wecomWebhookUrl', '');
      await new Promise((r) => server.close(r));
    }
  });

  it('gives up on a delivery after the configured number of attempts', async () => {
    await setSetting('notifications.maxAttempts', 2);
    await setSetting('notifications.dingtalkWebhookUrl', 'http://127.0.0.1:9/robot/send?access_token=abc'); // nothing listens on port 9
    try {
      expect((await supA.client.post('/api/tasks', { title: '钉钉不可达', assigneeId: specA.id, due: { date: '2026-10-19' } })).statusCode).toBe(201);
      const t0 = clock.now();
      expect(await ctx.services.notifications.runOnce(t0)).toMatchObject({ retrying: 1, failed: 0 });
      expect(await ctx.services.notifications.runOnce(new Date(t0.getTime() + 61_000))).toMatchObject({ retrying: 0, failed: 1 });
      const failed = json(await ctx.admin.get('/api/notifications/deliveries?status=failed')).items[0];
      expect(failed).toMatchObject({ channel: 'dingtalk', attempts: 2 });
      expect(failed.lastError).not.toContain('abc');
      expect(await ctx.services.notifications.runOnce(new Date(t0.getTime() + 86_400_000))).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    } finally {
      await setSetting('notifications.dingtalkWebhookUrl', '');
      await setSetting('notifications.maxAttempts', 6);
    }
  });

  it('queues an e-mail for each recipient with an address when SMTP is configured', async () => {
    const sent: Delivery[] = [];
    const mail = createNotificationService({
      db: ctx.db.kysely,
      clock,
      settings: ctx.services.settings,
      smtp: { url: 'smtp://mail.example.cn:25', from: 'crm@example.cn' },
      senders: { email: async (d) => void sent.push(d) },
    });
    await ctx.db.kysely.updateTable('users').set({ email: 'li@example.cn' }).where('id', '=', specA.id).execute();
    await ctx.db.kysely.transaction().execute((trx) =>
      mail.notify(trx, { userIds: [specA.id, mateA.id], kind: 'test.mail', title: '请回电 13812345678', body: '客户来电', link: { type: 'task', id: 1, path: '/tasks/1' } }),
    );
    expect(await mail.runOnce(clock.now())).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
    expect(sent.map((d) => [d.channel, d.recipient, d.subject, d.body])).toEqual([['email', 'li@example.cn', '请回电 138****5678', '客户来电']]);
  });
});

describe('what group chats receive and the held outbox (issue 18)', () => {
  async function robotReceiver() {
    const bodies: { raw: string; json: any }[] = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        bodies.push({ raw, json: JSON.parse(raw) });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { bodies, url, close: () => new Promise((r) => server.close(r)) };
  }

  it('posts a completed task to the robots without the typed note or its ID number, under 2,048 bytes', async () => {
    const robot = await robotReceiver();
    await setSetting('notifications.wecomWebhookUrl', `${robot.url}/cgi-bin/webhook/send?key=wecom-key-1`);
    await setSetting('notifications.dingtalkWebhookUrl', `${robot.url}/robot/send?access_token=ding-token-1`);
    await setSetting('notifications.publicUrl', 'https://crm.example.cn');
    try {
      const created = json(await supA.client.post('/api/tasks', { title: '核对客户证件', assigneeId: specA.id, due: { date: '2026-10-19' } }));
      await ctx.services.notifications.runOnce(clock.now());
      robot.bodies.length = 0;
      const note = `已核对身份证 11010519491231002X，联系人邮箱 li.ming@example.cn，手机 13912345678。${'客户反馈详细情况记录如下，'.repeat(140)}`;
      expect(Buffer.byteLength(note)).toBeGreaterThan(5000);
      const done = await specA.client.post(`/api/tasks/${created.id}/complete`, { note, version: created.version });
      expect(done.statusCode).toBe(200);
      await ctx.services.notifications.runOnce(clock.now());
      expect(robot.bodies.length).toBe(2); // WeCom and DingTalk
      for (const b of robot.bodies) {
        const content: string = b.json.text.content;
        expect(content).toContain('任务已完成');
        expect(content).toContain(`记录：任务 #${created.id}`);
        expect(content).toContain(`https://crm.example.cn/tasks/${created.id}`);
        expect(b.raw).not.toMatch(/11010519491231002X|1949123100|13912345678|li\.ming|客户反馈/);
        expect(Buffer.byteLength(b.raw)).toBeLessThan(2048);
      }
      // The assignee's own inbox keeps the note, with the personal data masked.
      const mine = (await inbox(supA.client)).items.find((i: any) => i.kind === 'task.completed');
      expect(mine.body).toContain('1101**********002X');
      expect(mine.body).not.toContain('11010519491231002X');
    } finally {
      await setSetting('notifications.wecomWebhookUrl', '');
      await setSetting('notifications.dingtalkWebhookUrl', '');
      await robot.close();
    }
  });

  it('with GUANXI_OUTBOX=hold a restored copy sends nothing until an administrator releases it', async () => {
    const robot = await robotReceiver();
    await setSetting('notifications.wecomWebhookUrl', `${robot.url}/cgi-bin/webhook/send?key=wecom-key-2`);
    try {
      // Queued before the "backup": three tasks' notifications, not yet sent.
      for (const title of ['恢复演练一', '恢复演练二', '恢复演练三']) {
        expect((await supA.client.post('/api/tasks', { title, assigneeId: specA.id, due: { date: '2026-10-19' } })).statusCode).toBe(201);
      }
      const restoredDb = openDatabase(ctx.config.database);
      const restored = await buildApp({ config: { ...ctx.config, outbox: 'hold' }, db: restoredDb, clock, logger: false });
      try {
        const admin = await login(restored.app, 'admin', ADMIN_PASSWORD);
        await restored.services.notifications.runOnce(clock.now());
        expect(robot.bodies).toHaveLength(0);
        // The restored copy's own traffic is held as well.
        const sup = await login(restored.app, 'wang.zhuguan', USER_PASSWORD);
        expect((await sup.post('/api/tasks', { title: '恢复后新建', assigneeId: specA.id, due: { date: '2026-10-19' } })).statusCode).toBe(201);
        await restored.services.notifications.runOnce(clock.now());
        expect(robot.bodies).toHaveLength(0);
        const state = json(await admin.get('/api/notifications/outbox'));
        expect(state.mode).toBe('hold');
        const held = json(await admin.get('/api/notifications/deliveries?status=held&pageSize=50')).items;
        expect(held.length).toBe(state.held);
        expect(held.filter((d: any) => d.channel === 'wecom')).toHaveLength(4);
        // Nor does a later round send anything while held.
        clock.advance(60_000);
        await restored.services.notifications.runOnce(clock.now());
        expect(robot.bodies).toHaveLength(0);

        const one = held.find((d: any) => d.channel === 'wecom');
        expect((await restored.app.inject({ method: 'POST', url: '/api/notifications/deliveries/release', payload: { ids: [one.id] } })).statusCode).toBe(401);
        expect((await specA.client.post('/api/notifications/deliveries/release', { ids: [one.id] })).statusCode).toBe(403);
        const neither = await admin.post('/api/notifications/deliveries/release', {});
        expect(neither.statusCode).toBe(400);
        expect(neither.json().error.fields[0].field).toBe('ids');
        expect(json(await admin.post('/api/notifications/deliveries/release', { ids: [one.id] })).count).toBe(1);
        await restored.services.notifications.runOnce(clock.now());
        expect(robot.bodies).toHaveLength(1);

        expect(json(await admin.post('/api/notifications/deliveries/discard', { all: true })).count).toBe(held.length - 1);
        clock.advance(3600_000);
        await restored.services.notifications.runOnce(clock.now());
        await ctx.services.notifications.runOnce(clock.now());
        expect(robot.bodies).toHaveLength(1);
        expect(json(await admin.get('/api/notifications/outbox')).held).toBe(0);
        const log = json(await admin.get('/api/audit?entityType=notification_delivery&pageSize=10')).items;
        expect(log.map((e: any) => e.action)).toEqual(['outbox.discard', 'outbox.release']);
      } finally {
        await restored.app.close();
        await restoredDb.close();
      }
    } finally {
      await setSetting('notifications.wecomWebhookUrl', '');
      await robot.close();
    }
  });
});
