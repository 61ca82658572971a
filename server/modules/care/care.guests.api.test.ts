import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeases } from '../../platform/jobs/leases';
import { createTeam, createTestContext, createUser, json, login, TestClock, USER_PASSWORD, type Client, type TestContext } from '../../../test/harness';

// Individual guests' birthdays in the care calendar and its reminders, and care on the home page (docs/regulations.md §12),
// on SQLite and PostgreSQL. Today is Monday 2026-12-07 in Shanghai.
let ctx: TestContext;
const clock = new TestClock(new Date('2026-12-07T02:00:00Z'));
type U = { id: number; client: Client; username: string };
let specA: U, specB: U;
let guestA: number, guestB: number, customerA: number;

const reminders = (userId: number) =>
  ctx.db.kysely.selectFrom('notifications').select(['title']).where('user_id', '=', userId).where('kind', '=', 'care.reminder').orderBy('id').execute();
async function careTodo(who: U) {
  const res = await who.client.get('/api/home/todo');
  expect(res.statusCode, res.body).toBe(200);
  return (json(res) as { kind: string; title: string; dueDate: string | null; link: { path: string } }[]).filter((i) => i.kind.startsWith('care_'));
}

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  const teamA = await createTeam(ctx, '贵宾一组', 1);
  const teamB = await createTeam(ctx, '贵宾二组', 1);
  specA = { ...(await createUser(ctx, { username: 'guest.spec.a', displayName: '王专员', roles: ['specialist'], teamId: teamA })), username: 'guest.spec.a' };
  specB = { ...(await createUser(ctx, { username: 'guest.spec.b', displayName: '冯专员', roles: ['specialist'], teamId: teamB })), username: 'guest.spec.b' };
  const guest = async (who: U, name: string, birthday: string) => {
    const res = await who.client.post('/api/individual-customers', { name, birthday });
    expect(res.statusCode, res.body).toBe(201);
    return json(res).id as number;
  };
  guestA = await guest(specA, '张伟', '1975-12-09');
  guestB = await guest(specB, '赵敏', '1982-12-08');
  customerA = json(await specA.client.post('/api/customers', { name: '北京华宇科技有限公司' })).id;
  const contact = await specA.client.post(`/api/customers/${customerA}/contacts`, { name: '李娜', birthday: '1988-12-07' });
  expect(contact.statusCode, contact.body).toBe(201);
});
afterAll(() => ctx.close());

describe('guests’ birthdays in the care calendar (docs/regulations.md §12)', () => {
  it('shows a guest’s birthday to the people who may see the guest, and to no one else', async () => {
    const a = json(await specA.client.get('/api/care/calendar?from=2026-12-09&to=2027-12-09')).items as { type: string; date: string; guestId: number | null; guestName: string | null; customerId: number | null }[];
    expect(a.filter((o) => o.guestId !== null).map((o) => [o.guestName, o.date, o.type, o.customerId])).toEqual([
      ['张伟', '2026-12-09', 'birthday', null],
      ['张伟', '2027-12-09', 'birthday', null],
    ]);
    const b = json(await specB.client.get('/api/care/calendar?from=2026-12-01&to=2026-12-31')).items as { guestId: number | null }[];
    expect(b.map((o) => o.guestId).filter((g) => g !== null)).toEqual([guestB]);
  });

  it('reminds the guest’s owner N days ahead, once, linking to the guest', async () => {
    const leases = createLeases(ctx.db.kysely, ctx.clock, 'process-1');
    clock.set('2026-12-05T01:00:00Z'); // 4 days before 12-09 with the default 3 days ahead: not yet
    await ctx.services.care.runReminders(leases, 60_000);
    expect((await reminders(specA.id)).filter((r) => r.title.includes('张伟'))).toHaveLength(0);
    clock.set('2026-12-06T01:00:00Z');
    await ctx.services.care.runReminders(leases, 60_000);
    clock.advance(61_000);
    await ctx.services.care.runReminders(leases, 60_000);
    expect((await reminders(specA.id)).filter((r) => r.title.includes('张伟')).map((r) => r.title)).toEqual(['关怀提醒：2026-12-09 贵宾 张伟 生日']);
    const link = await ctx.db.kysely.selectFrom('notifications').select(['link_path']).where('user_id', '=', specA.id).where('title', 'like', '%张伟%').executeTakeFirst();
    expect(link?.link_path).toBe(`/individuals/${guestA}`);
    expect((await reminders(specB.id)).filter((r) => r.title.includes('张伟'))).toHaveLength(0);
  });
});

describe('care on the home page (docs/regulations.md §12)', () => {
  it('lists today’s and this week’s occasions of one’s own customers and guests, today’s first', async () => {
    clock.set('2026-12-07T02:00:00Z');
    specA.client = await login(ctx.app, specA.username, USER_PASSWORD);
    const items = await careTodo(specA);
    expect(items.map((i) => [i.kind, i.title, i.dueDate])).toEqual([
      ['care_today', '今天关怀：北京华宇科技有限公司 李娜 生日', '2026-12-07'],
      ['care_week', '本周关怀：2026-12-09 贵宾 张伟 生日', '2026-12-09'],
    ]);
    expect(items[1]!.link.path).toBe(`/individuals/${guestA}`);
    specB.client = await login(ctx.app, specB.username, USER_PASSWORD);
    expect((await careTodo(specB)).map((i) => i.title)).toEqual(['本周关怀：2026-12-08 贵宾 赵敏 生日']);
  });

  it('drops an occasion from the home page once the week has moved past it', async () => {
    clock.set('2026-12-10T02:00:00Z');
    specA.client = await login(ctx.app, specA.username, USER_PASSWORD);
    expect(await careTodo(specA)).toEqual([]);
  });
});
