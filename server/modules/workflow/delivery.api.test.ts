import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type Services } from '../../app';
import { openDatabase, type Db } from '../../db/database';
import { Client, TestClock, USER_PASSWORD, createTeam, createTestContext, createUser, json, login, type TestContext } from '../../../test/harness';
import { startWorkflowJobs } from './workflow.jobs';

// Issue 18 §3: per-channel delivery that a stuck channel cannot stall, rate pacing, failed deliveries sent again.

/** The loops run on real time: pacing and timeouts are about seconds that pass. */
class RealClock extends TestClock {
  override now() {
    return new Date();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined | false>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * A stand-in for a group robot. `answer` decides the reply to the n-th request (default: delivered).
 * WeCom and DingTalk answer HTTP 200 with { errcode, errmsg }.
 */
async function robotReceiver(answer: (n: number) => { errcode: number; errmsg: string } | 429 = () => ({ errcode: 0, errmsg: 'ok' })) {
  const hits: { at: number; content: string; accepted: boolean }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const a = answer(hits.length + 1);
      hits.push({ at, content: body.text.content, accepted: a !== 429 && a.errcode === 0 });
      if (a === 429) res.writeHead(429).end('too many');
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(a));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { hits, url, close: () => new Promise((r) => server.close(r)) };
}

/** An SMTP server that accepts the connection and never says a word. */
async function tarPit() {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    open: () => sockets.size,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

const clock = new RealClock();
let ctx: TestContext;
let pit: Awaited<ReturnType<typeof tarPit>>;
/** Two more app instances on their own connections, as two processes behind a balancer, mailing through the tar-pit. */
let dbA: Db;
let dbB: Db;
let A: { app: FastifyInstance; services: Services };
let B: { app: FastifyInstance; services: Services };
let sup: { id: number; client: Client };
let spec: { id: number; client: Client };

async function setSetting(key: string, value: unknown) {
  const all = json(await ctx.admin.get('/api/settings')).groups.flatMap((g: any) => g.items);
  const current = all.find((s: any) => s.key === key);
  const res = await ctx.admin.put(`/api/settings/${key}`, { value, version: current.version });
  expect(res.statusCode).toBe(200);
}

async function deliveries(status: string, channel?: string) {
  const items = json(await ctx.admin.get(`/api/notifications/deliveries?status=${status}&pageSize=100`)).items as any[];
  return channel ? items.filter((d) => d.channel === channel) : items;
}

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  pit = await tarPit();
  const team = await createTeam(ctx, '投递测试组', 1);
  sup = await createUser(ctx, { username: 'qian.zhuguan', displayName: '钱主管', roles: ['supervisor'], teamId: team });
  spec = await createUser(ctx, { username: 'sun.zhuanyuan', displayName: '孙专员', roles: ['specialist'], teamId: team });
  await ctx.db.kysely.updateTable('users').set({ email: 'sun.zhuanyuan@example.cn' }).where('id', '=', spec.id).execute();
  const team0 = json(await ctx.admin.get(`/api/teams/${team}`));
  expect((await ctx.admin.put(`/api/teams/${team}`, { supervisorId: sup.id, version: team0.version })).statusCode).toBe(200);
  dbA = openDatabase(ctx.config.database);
  dbB = openDatabase(ctx.config.database);
  const config = { ...ctx.config, smtp: { url: `smtp://127.0.0.1:${pit.port}`, from: 'crm@example.cn' } };
  A = await buildApp({ config, db: dbA, clock, logger: false });
  B = await buildApp({ config, db: dbB, clock, logger: false });
});
afterAll(async () => {
  await pit?.close();
  for (const x of [A, B]) await x?.app.close();
  for (const d of [dbA, dbB]) await d?.close();
  await ctx?.close();
});

describe('rate-limit answers and failed deliveries (explicit times, no loops running)', () => {
  it('re-queues a message the robot refused as "too many" (45009) for after the window, without counting the attempt', async () => {
    const robot = await robotReceiver((n) => (n === 1 ? { errcode: 45009, errmsg: 'api freq out of limit' } : { errcode: 0, errmsg: 'ok' }));
    await setSetting('notifications.wecomWebhookUrl', `${robot.url}/cgi-bin/webhook/send?key=k1`);
    try {
      expect((await sup.client.post('/api/tasks', { title: '限速测试', assigneeId: spec.id, due: { date: '2030-01-10' } })).statusCode).toBe(201);
      const t0 = new Date(Date.now() + 86_400_000);
      expect(await ctx.services.notifications.runChannel('wecom', t0)).toMatchObject({ sent: 0, retrying: 1, failed: 0, waitMs: 60_000 });
      const [queued] = await deliveries('pending', 'wecom');
      expect(queued).toMatchObject({ attempts: 0, nextAttemptAt: new Date(t0.getTime() + 60_000).toISOString() });
      expect(queued.lastError).toContain('45009');
      // Within the window nothing goes to this robot, not even from another instance.
      expect(await B.services.notifications.runChannel('wecom', new Date(t0.getTime() + 30_000))).toMatchObject({ sent: 0 });
      expect(robot.hits).toHaveLength(1);
      expect(await B.services.notifications.runChannel('wecom', new Date(t0.getTime() + 60_001))).toMatchObject({ sent: 1 });
      const sent = (await deliveries('sent', 'wecom')).find((d) => d.id === queued.id);
      expect(sent).toMatchObject({ attempts: 1, lastError: null });
    } finally {
      await setSetting('notifications.wecomWebhookUrl', '');
      await robot.close();
    }
  });

  it('lists a failed delivery with its error and masked recipient, and sends it again when an administrator asks', async () => {
    await setSetting('notifications.maxAttempts', 1);
    await setSetting('notifications.connectTimeoutSeconds', 1);
    await setSetting('notifications.sendTimeoutSeconds', 2);
    let robot: Awaited<ReturnType<typeof robotReceiver>> | undefined;
    try {
      // Instance A mails through the tar-pit: the SMTP timeouts end the attempt, and with one attempt allowed it fails.
      const viaA = await login(A.app, 'qian.zhuguan', USER_PASSWORD);
      expect((await viaA.post('/api/tasks', { title: '邮件失败测试', assigneeId: spec.id, due: { date: '2030-01-10' } })).statusCode).toBe(201);
      const started = Date.now();
      expect(await A.services.notifications.runChannel('email', new Date(Date.now() + 1000))).toMatchObject({ failed: 1 });
      expect(Date.now() - started).toBeLessThan(4000);
      const [mail] = await deliveries('failed', 'email');
      expect(mail).toMatchObject({ recipient: 's***@example.cn', attempts: 1 });
      expect(mail.lastError).toMatch(/Greeting never received|timed out/i); // nodemailer's greeting timeout

      // A robot that was down: DingTalk fails once for good, then comes back.
      await setSetting('notifications.dingtalkWebhookUrl', 'http://127.0.0.1:9/robot/send?access_token=tok');
      expect((await sup.client.post('/api/tasks', { title: '钉钉失败测试', assigneeId: spec.id, due: { date: '2030-01-10' } })).statusCode).toBe(201);
      await ctx.services.notifications.runChannel('dingtalk', new Date(Date.now() + 1000));
      const [ding] = await deliveries('failed', 'dingtalk');
      expect(ding).toMatchObject({ recipient: null, attempts: 1 });
      expect(ding.lastError).not.toContain('tok');

      // Only an administrator may send again; a body naming nothing is refused with the field at fault.
      expect((await spec.client.post('/api/notifications/deliveries/resend', { ids: [ding.id] })).statusCode).toBe(403);
      const neither = await ctx.admin.post('/api/notifications/deliveries/resend', {});
      expect(neither.statusCode).toBe(400);
      expect(json(neither).error.fields[0].field).toBe('ids');

      robot = await robotReceiver();
      await setSetting('notifications.dingtalkWebhookUrl', `${robot.url}/robot/send?access_token=tok`);
      expect(json(await ctx.admin.post('/api/notifications/deliveries/resend', { ids: [ding.id] })).count).toBe(1);
      expect(json(await ctx.admin.post('/api/notifications/deliveries/resend', { ids: [ding.id] })).count).toBe(0); // no longer failed
      await ctx.services.notifications.runChannel('dingtalk', new Date(Date.now() + 2000));
      expect(robot.hits.filter((h) => h.accepted)).toHaveLength(1);
      expect((await deliveries('sent', 'dingtalk')).find((d) => d.id === ding.id)).toMatchObject({ attempts: 1, lastError: null });

      // "Send all again" queues the rest (the mail), audited like every outbox action.
      expect(json(await ctx.admin.post('/api/notifications/deliveries/resend', { all: true })).count).toBe(1);
      expect(await deliveries('failed')).toHaveLength(0);
      expect((await deliveries('pending', 'email')).map((d) => d.id)).toContain(mail.id);
      const log = json(await ctx.admin.get('/api/audit?entityType=notification_delivery&pageSize=10')).items;
      expect(log.filter((e: any) => e.action === 'outbox.resend')).toHaveLength(3);
    } finally {
      await setSetting('notifications.dingtalkWebhookUrl', '');
      await setSetting('notifications.maxAttempts', 6);
      await robot?.close();
    }
  });
});

describe('per-channel workers on two instances (real time)', () => {
  let stops: (() => void)[] = [];
  beforeAll(async () => {
    await setSetting('notifications.pollSeconds', 1);
    stops = [A, B].map((x) => startWorkflowJobs({ ...x.services, settings: x.services.settings }, x.app.log));
  });
  afterAll(() => {
    for (const stop of stops) stop();
  });

  it('keeps robot messages and a due reminder on time while the mail server is a tar-pit', async () => {
    await setSetting('notifications.connectTimeoutSeconds', 10);
    await setSetting('notifications.sendTimeoutSeconds', 30);
    const robot = await robotReceiver();
    await setSetting('notifications.wecomWebhookUrl', `${robot.url}/cgi-bin/webhook/send?key=k2`);
    try {
      const a = await login(A.app, 'qian.zhuguan', USER_PASSWORD);
      // Several tasks: each queues a mail to the tar-pit (through A) and a robot message.
      const created: number[] = [];
      for (const title of ['焦油坑一', '焦油坑二', '焦油坑三']) {
        expect((await a.post('/api/tasks', { title, assigneeId: spec.id, due: { date: '2030-01-10' } })).statusCode).toBe(201);
        created.push(Date.now());
      }
      await until('the mail worker to be stuck in the tar-pit', 5000, async () => pit.open() > 0);
      const dueAt = new Date(Date.now() + 1500);
      await ctx.db.kysely.transaction().execute((trx) =>
        ctx.services.reminders.schedule(trx, { key: 'tarpit:reminder', dueAt: dueAt.toISOString(), notification: { userIds: [spec.id], kind: 'test.tarpit', title: '焦油坑提醒' } }),
      );
      const fired = await until('the reminder', 8000, async () => (await ctx.services.reminders.get('tarpit:reminder'))?.fired_at ?? undefined);
      // On time: within one loop interval (1 s) of its due time, plus the round's own work.
      expect(new Date(fired).getTime() - dueAt.getTime()).toBeLessThan(1000 + 500);
      await until('three robot messages', 5000, async () => robot.hits.length >= 3);
      expect(robot.hits[2].at - created[2]).toBeLessThan(1000 + 1000);
      // Meanwhile the mails are still held by the tar-pit: only the e-mail channel waits.
      expect(pit.open()).toBeGreaterThan(0);
      expect((await deliveries('sent', 'email')).length).toBe(0);
    } finally {
      await setSetting('notifications.wecomWebhookUrl', '');
      await robot.close();
    }
  });

  it('paces a burst of 120 messages per robot under 20 per window across both instances and delivers each once', async () => {
    const windowMs = 1000;
    await setSetting('notifications.rateWindowSeconds', windowMs / 1000);
    const wecom = await robotReceiver();
    const ding = await robotReceiver();
    await setSetting('notifications.wecomWebhookUrl', `${wecom.url}/cgi-bin/webhook/send?key=burst`);
    await setSetting('notifications.dingtalkWebhookUrl', `${ding.url}/robot/send?access_token=burst`);
    try {
      await ctx.db.kysely.transaction().execute(async (trx) => {
        for (let i = 0; i < 120; i++) await ctx.services.notifications.notify(trx, { userIds: [spec.id], kind: 'task.assigned', title: `突发 ${i}`, link: { type: 'task', id: 100000 + i, path: `/tasks/${100000 + i}` } });
      });
      const t0 = Date.now();
      const burstOf = (robot: typeof wecom) => robot.hits.filter((h) => Number(h.content.match(/#(\d+)/)?.[1]) >= 100000);
      await until('240 robot messages', 60_000, async () => burstOf(wecom).length >= 120 && burstOf(ding).length >= 120);
      await sleep(1500); // anything sent twice would arrive now
      for (const robot of [wecom, ding]) {
        const hits = burstOf(robot);
        // Each message once: 120 arrivals, all with different record numbers.
        expect(hits).toHaveLength(120);
        expect(new Set(hits.map((h) => h.content.match(/#(\d+)/)?.[1])).size).toBe(120);
        // Pacing counts every message to this robot (a leftover from an earlier test included).
        const times = robot.hits.map((h) => h.at);
        // Never more than 20 in a window (checked over 0.9 of it, for the network's jitter), …
        for (const t of times) expect(times.filter((s) => s >= t && s < t + windowMs * 0.9).length).toBeLessThanOrEqual(20);
        // … and paced rather than sent at once: 5 at once, then 15 a window.
        expect(hits[119].at - t0).toBeGreaterThan(((120 - 20) / 20) * windowMs);
      }
      const sent = await ctx.db.kysely
        .selectFrom('notification_deliveries')
        .select(['channel', 'attempts', 'status'])
        .where('kind', '=', 'task.assigned')
        .where('subject', 'like', '突发 %')
        .execute();
      expect(sent).toHaveLength(240);
      expect(sent.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
    } finally {
      await setSetting('notifications.wecomWebhookUrl', '');
      await setSetting('notifications.dingtalkWebhookUrl', '');
      await setSetting('notifications.rateWindowSeconds', 60);
      await wecom.close();
      await ding.close();
    }
  }, 90_000);
});
