import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, TestClock, type Client, type TestContext } from '../../../test/harness';

// Guest stays and the hotel's meeting rule (docs/regulations.md §9) on SQLite and PostgreSQL.
let ctx: TestContext;
type U = { id: number; client: Client };
let keeper: U, other: U, director: U;
let guest: number;

const stayTasks = (individualId: number) =>
  ctx.db.kysely.selectFrom('tasks').select(['id', 'assignee_id', 'status', 'title', 'due_date']).where('source', '=', 'guest_stay').where('link_id', '=', individualId).orderBy('id').execute();
async function setSetting(key: string, value: unknown) {
  const all = json(await ctx.admin.get('/api/settings'));
  const s = all.groups.flatMap((g: { items: { key: string; version: number }[] }) => g.items).find((i: { key: string }) => i.key === key);
  const res = await ctx.admin.put(`/api/settings/${key}`, { value, version: s.version });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-12-07T12:30:00Z')) }); // 20:30 in Shanghai
  const teamA = await createTeam(ctx, '前厅一组', 1);
  const teamB = await createTeam(ctx, '前厅二组', 1);
  keeper = await createUser(ctx, { username: 'guan.jia', displayName: '周管家', roles: ['specialist'], teamId: teamA });
  other = await createUser(ctx, { username: 'qian.tai', displayName: '吴前台', roles: ['specialist'], teamId: teamB });
  director = await createUser(ctx, { username: 'zong.jian', displayName: '郑总监', roles: ['director'], departmentId: 1 });
  guest = json(await keeper.client.post('/api/individual-customers', { name: '陈志强', nationality: '中国' })).id;
});
afterAll(() => ctx.close());

describe('meeting a booking guest within 12 hours of check-in (docs/regulations.md §9)', () => {
  it('gives the keeper a task due 08:00 the next day for a stay checked in at 20:00, stored in UTC', async () => {
    const res = await keeper.client.post(`/api/individual-customers/${guest}/stays`, { checkedInAt: '2026-12-07T20:00:00+08:00', checkedOutAt: '2026-12-09T12:00:00+08:00', room: '1808', bookingRef: 'BK-1001' });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toMatchObject({ checkedInAt: '2026-12-07T12:00:00.000Z', meetBy: '2026-12-08T00:00:00.000Z', keeperName: '周管家', meeting: 'open', metAt: null });
    const made = await stayTasks(guest);
    expect(made).toMatchObject([{ assignee_id: keeper.id, status: 'open', due_date: '2026-12-08' }]);
    expect(made[0]!.title).toBe('会见入住宾客：陈志强（1808，请于 2026-12-08 08:00 前会见）');
  });

  it('completes the task when the meeting is recorded, once', async () => {
    const [stay] = json(await keeper.client.get(`/api/individual-customers/${guest}/stays`)).items;
    const met = await keeper.client.post(`/api/individual-customers/${guest}/stays/${stay.id}/meeting`, { note: '大堂迎接，送上欢迎水果' });
    expect(met.statusCode, met.body).toBe(200);
    expect(json(met)).toMatchObject({ meeting: 'met', metByName: '周管家', meetingNote: '大堂迎接，送上欢迎水果', metAt: '2026-12-07T12:30:00.000Z' });
    expect((await stayTasks(guest)).map((t) => t.status)).toEqual(['done']);
    expect((await keeper.client.post(`/api/individual-customers/${guest}/stays/${stay.id}/meeting`, {})).statusCode).toBe(409);
  });

  it('keeps another team out of the guest’s stays and refuses a check-out before the check-in, naming the field', async () => {
    expect((await other.client.get(`/api/individual-customers/${guest}/stays`)).statusCode).toBe(404);
    const bad = await keeper.client.post(`/api/individual-customers/${guest}/stays`, { checkedInAt: '2026-12-07T20:00:00+08:00', checkedOutAt: '2026-12-06T12:00:00+08:00' });
    expect(bad.statusCode).toBe(422);
    expect(json(bad).error.fields.map((f: { field: string }) => f.field)).toEqual(['checkedOutAt']);
  });

  it('lets a PMS record a stay by booking reference once: the same booking again updates it and makes no second task', async () => {
    const body = { individualId: guest, bookingRef: 'PMS-2002', checkedInAt: '2026-12-07T21:00:00+08:00', room: '2201' };
    expect((await keeper.client.put('/api/pms/stays', body)).statusCode).toBe(403); // capability-protected
    const first = await director.client.put('/api/pms/stays', body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await director.client.put('/api/pms/stays', { ...body, checkedOutAt: '2026-12-10T12:00:00+08:00' });
    expect(again.statusCode).toBe(200);
    expect(json(again)).toMatchObject({ id: json(first).id, source: 'pms', checkedOutAt: '2026-12-10T04:00:00.000Z', meetBy: '2026-12-08T01:00:00.000Z' });
    expect(json(await keeper.client.get(`/api/individual-customers/${guest}/stays`)).items).toHaveLength(2);
    expect(await stayTasks(guest)).toHaveLength(2);
    const wrong = await director.client.put('/api/pms/stays', { ...body, individualId: 999_999, bookingRef: 'PMS-3003' });
    expect(wrong.statusCode).toBe(422);
    expect(json(wrong).error.fields.map((f: { field: string }) => f.field)).toEqual(['individualId']);
  });

  it('meets only members when the setting says so, after the configured hours', async () => {
    await setSetting('stays.meetGuests', 'member');
    await setSetting('stays.meetHours', 6);
    try {
      const plain = json(await keeper.client.post('/api/individual-customers', { name: '王建华', nationality: '中国' })).id as number;
      const notMet = json(await keeper.client.post(`/api/individual-customers/${plain}/stays`, { checkedInAt: '2026-12-07T20:00:00+08:00' }));
      expect(notMet).toMatchObject({ meetBy: null, meeting: 'none' });
      expect(await stayTasks(plain)).toHaveLength(0);
      expect((await keeper.client.post('/api/members', { individualId: plain })).statusCode).toBe(201);
      const member = json(await keeper.client.post(`/api/individual-customers/${plain}/stays`, { checkedInAt: '2026-12-07T20:00:00+08:00' }));
      expect(member).toMatchObject({ meetBy: '2026-12-07T18:00:00.000Z', meeting: 'open' });
      expect(await stayTasks(plain)).toHaveLength(1);
    } finally {
      await setSetting('stays.meetGuests', 'vip');
      await setSetting('stays.meetHours', 12);
    }
  });
});
