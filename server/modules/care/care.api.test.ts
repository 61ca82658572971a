import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type Services } from '../../app';
import { openDatabase, type Db } from '../../db/database';
import { createLeases } from '../../platform/jobs/leases';
import { createTeam, createTestContext, createUser, json, TestClock, type Client, type TestContext } from '../../../test/harness';

// Care 客户关怀 (docs/regulations.md §12) on SQLite and PostgreSQL. Today is Monday 2026-12-07 in Shanghai.
let ctx: TestContext;
type U = { id: number; client: Client };
let specA: U, specB: U, manager: U, supervisorA: U;
let customerA: number, customerB: number;
let lunarContact: number, leapContact: number;

async function setSetting(key: string, value: unknown) {
  const r0 = await ctx.admin.get('/api/settings');
  expect(r0.statusCode, r0.body.slice(0, 300)).toBe(200);
  const all = json(r0);
  const s = all.groups.flatMap((g: { items: { key: string; version: number }[] }) => g.items).find((i: { key: string }) => i.key === key);
  const res = await ctx.admin.put(`/api/settings/${key}`, { value, version: s.version });
  expect(res.statusCode, res.body).toBe(200);
}
const reminders = (userId: number) =>
  ctx.db.kysely.selectFrom('notifications').select(['title', 'created_at']).where('user_id', '=', userId).where('kind', '=', 'care.reminder').orderBy('id').execute();

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-12-07T02:00:00Z')) });
  const teamA = await createTeam(ctx, '大客户一组', 1);
  const teamB = await createTeam(ctx, '大客户二组', 1);
  specA = await createUser(ctx, { username: 'zhuan.yuan.a', displayName: '王专员', roles: ['specialist'], teamId: teamA });
  specB = await createUser(ctx, { username: 'zhuan.yuan.b', displayName: '冯专员', roles: ['specialist'], teamId: teamB });
  supervisorA = await createUser(ctx, { username: 'zhu.guan', displayName: '郑主管', roles: ['supervisor'], teamId: teamA });
  manager = await createUser(ctx, { username: 'jing.li', displayName: '李经理', roles: ['manager'], departmentId: 1 });
  customerA = json(await specA.client.post('/api/customers', { name: '北京华宇科技有限公司' })).id;
  customerB = json(await specB.client.post('/api/customers', { name: '上海东方航运有限公司' })).id;
  const add = async (who: U, customerId: number, body: Record<string, unknown>) => {
    const res = await who.client.post(`/api/customers/${customerId}/contacts`, body);
    expect(res.statusCode, res.body).toBe(201);
    return json(res);
  };
  const lunar = await add(specA, customerA, { name: '张伟', birthday: '1976-08-15', birthdayCalendar: 'lunar' });
  expect(lunar.birthdayCalendar).toBe('lunar');
  lunarContact = lunar.id;
  leapContact = (await add(specA, customerA, { name: '李娜', birthday: '1988-02-29' })).id;
  await add(specB, customerB, { name: '赵敏', birthday: '1980-09-20' });
});
afterAll(() => ctx.close());

describe('care calendar (docs/regulations.md §12)', () => {
  it('shows a lunar birthday of 八月十五 on 2026-09-25 and 2027-09-15, and 02-29 on 02-28 in 2027', async () => {
    const get = async (who: U, from: string, to: string) => {
      const res = await who.client.get(`/api/care/calendar?from=${from}&to=${to}`);
      expect(res.statusCode, res.body).toBe(200);
      return json(res).items as { type: string; date: string; contactId: number | null; calendar: string; label: string; festival: string | null }[];
    };
    const sept26 = await get(specA, '2026-09-01', '2026-09-30');
    expect(sept26.filter((o) => o.contactId === lunarContact).map((o) => [o.date, o.calendar])).toEqual([['2026-09-25', 'lunar']]);
    expect(sept26.find((o) => o.festival === 'midAutumn')).toMatchObject({ date: '2026-09-25', label: '中秋节' });
    const sept27 = await get(specA, '2027-09-01', '2027-09-30');
    expect(sept27.filter((o) => o.contactId === lunarContact).map((o) => o.date)).toEqual(['2027-09-15']);
    const feb27 = await get(specA, '2027-02-01', '2027-02-28');
    expect(feb27.filter((o) => o.contactId === leapContact).map((o) => o.date)).toEqual(['2027-02-28']);
  });

  it("never shows another team's customers", async () => {
    const items = json(await specA.client.get('/api/care/calendar?from=2026-01-01&to=2026-12-31')).items as { customerId: number | null }[];
    expect(items.map((o) => o.customerId)).not.toContain(customerB);
    expect(items.map((o) => o.customerId)).toContain(customerA);
    const theirs = json(await specB.client.get('/api/care/calendar?from=2026-01-01&to=2026-12-31')).items as { customerId: number | null }[];
    expect(theirs.map((o) => o.customerId)).not.toContain(customerA);
  });

  it('refuses a range longer than a year, naming the field', async () => {
    const res = await specA.client.get('/api/care/calendar?from=2026-01-01&to=2027-06-01');
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0].field).toBe('to');
  });
});

describe('greetings and care actions (docs/regulations.md §12)', () => {
  it('lets a manager keep a template, fills it for a contact, and refuses an unknown placeholder naming the field', async () => {
    expect((await specA.client.post('/api/care/templates', { name: 'x', channel: 'sms', body: 'x' })).statusCode).toBe(403);
    const bad = await manager.client.post('/api/care/templates', { name: '生日短信', channel: 'sms', body: '{name}生日快乐' });
    expect(bad.statusCode).toBe(422);
    expect(json(bad).error.fields[0].field).toBe('body');
    const tpl = json(await manager.client.post('/api/care/templates', { name: '生日短信', channel: 'sms', occasion: 'birthday', body: '{contact}您好，祝您生日快乐！{customer}的朋友 {sender}' }));
    const r = json(await specA.client.post(`/api/care/templates/${tpl.id}/render`, { customerId: customerA, contactId: lunarContact }));
    expect(r.body).toBe('张伟您好，祝您生日快乐！北京华宇科技有限公司的朋友 王专员');
    const other = await specA.client.post(`/api/care/templates/${tpl.id}/render`, { customerId: customerB });
    expect(other.statusCode).toBe(422);
    expect(json(other).error.fields[0].field).toBe('customerId');
  });

  it('closes the cadence with a care action only when care.countsAsContact is on', async () => {
    await ctx.db.kysely.transaction().execute((trx) => ctx.services.customers.setGrades(trx, null, [{ customerId: customerA, grade: 'A', reason: '测试' }]));
    const status = async () => json(await specA.client.post(`/api/customers/${customerA}/cadence/refresh`, {})).cadence;
    expect((await status()).lastContact).toBeNull();
    const action = await specA.client.post('/api/care/actions', { customerId: customerA, contactId: lunarContact, occasion: 'birthday', channel: 'gift', note: '送生日蛋糕' });
    expect(action.statusCode, action.body).toBe(201);
    expect(json(action)).toMatchObject({ doneOn: '2026-12-07', actorName: '王专员' });
    expect((await status()).lastContact).toBeNull(); // off by default: a gift is not a visit
    await setSetting('care.countsAsContact', true);
    expect(await status()).toMatchObject({ status: 'in_time', lastContact: '2026-12-07' });
    await setSetting('care.countsAsContact', false);
  });

  it("refuses a care action for another team's customer and keeps it out of their list", async () => {
    const res = await specA.client.post('/api/care/actions', { customerId: customerB, occasion: 'festival', channel: 'sms' });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0].field).toBe('customerId');
    expect((json(await specB.client.get('/api/care/actions')) as { customerId: number }[]).map((a) => a.customerId)).not.toContain(customerA);
  });
});

describe('promotions and events (docs/regulations.md §12)', () => {
  it('invites customers, records attendance, and shows each person only the invitees they may see', async () => {
    const ev = json(await manager.client.post('/api/care/events', { kind: 'event', title: '年度客户答谢会', startsOn: '2026-12-20', location: '公司多功能厅' }));
    const inv = await manager.client.post(`/api/care/events/${ev.id}/invites`, { customerIds: [customerA, customerB] });
    expect(json(inv).counts).toEqual({ invited: 2, attended: 0, absent: 0 });
    const bad = await specA.client.post(`/api/care/events/${ev.id}/invites`, { customerIds: [customerB] });
    expect(json(bad).error.fields[0].field).toBe('customerIds.0');
    const after = json(await supervisorA.client.put(`/api/care/events/${ev.id}/invites/${customerA}`, { status: 'attended' }));
    expect(after.invites).toEqual([{ customerId: customerA, customerName: '北京华宇科技有限公司', status: 'attended' }]);
    const all = json(await manager.client.get(`/api/care/events/${ev.id}`));
    expect(all.counts).toEqual({ invited: 2, attended: 1, absent: 0 });
  });
});

describe('care reminders (docs/regulations.md §12)', () => {
  let secondDb: Db;
  let second: { app: FastifyInstance; services: Services };
  beforeAll(async () => {
    secondDb = openDatabase(ctx.config.database);
    second = await buildApp({ config: ctx.config, db: secondDb, clock: ctx.clock, logger: false });
  });
  afterAll(async () => {
    await second.app.close();
    await secondDb.close();
  });

  it('reminds the owner 3 days before the lunar birthday, once, even with two processes, in 2026 and 2027', async () => {
    const one = createLeases(ctx.db.kysely, ctx.clock, 'process-1');
    const two = createLeases(secondDb.kysely, ctx.clock, 'process-2');
    const run = () => Promise.all([ctx.services.care.runReminders(one, 60_000), second.services.care.runReminders(two, 60_000)]);
    const birthday = async () => (await reminders(specA.id)).filter((r) => r.title.includes('张伟'));

    ctx.clock.set('2026-09-21T01:00:00Z'); // 4 days before: not yet
    await run();
    expect(await birthday()).toHaveLength(0);

    ctx.clock.set('2026-09-22T01:00:00Z');
    const results = await run();
    expect(results.filter((n) => n === null)).toHaveLength(1); // one process held the lease
    ctx.clock.advance(61_000);
    await run(); // the lease ran out: the next run finds the occasion already reminded
    const sent = await birthday();
    expect(sent.map((r) => r.title)).toEqual(['关怀提醒：2026-09-25 北京华宇科技有限公司 张伟 生日（农历生日）']);
    // Stored as a message key: the owner reads it in English when that is their language.
    specA.client.cookies.set('gx_lang', 'en');
    const inEnglish = json(await specA.client.get('/api/notifications?pageSize=100')).items.map((i: { title: string }) => i.title);
    specA.client.cookies.delete('gx_lang');
    expect(inEnglish).toContain('Care reminder: 北京华宇科技有限公司 张伟 birthday (lunar birthday) on 2026-09-25');
    expect(inEnglish.some((x: string) => x.startsWith('Care reminder: Mid-Autumn Festival on'))).toBe(true);
    // 中秋 falls on the same day: one festival reminder per owner
    expect((await reminders(specA.id)).filter((r) => r.title.includes('中秋节'))).toHaveLength(1);
    expect((await reminders(specB.id)).filter((r) => r.title.includes('张伟'))).toHaveLength(0);

    ctx.clock.set('2027-09-12T01:00:00Z');
    await run();
    ctx.clock.advance(61_000);
    await run();
    expect((await birthday()).map((r) => r.title)).toEqual([
      '关怀提醒：2026-09-25 北京华宇科技有限公司 张伟 生日（农历生日）',
      '关怀提醒：2027-09-15 北京华宇科技有限公司 张伟 生日（农历生日）',
    ]);
    ctx.clock.set('2026-12-07T02:00:00Z');
  });
});
