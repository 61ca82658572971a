import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, createTestContext, createUser, json, type TestContext } from '../../../test/harness';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-11-23T02:00:00Z')) });
});
afterAll(() => ctx.close());

describe('working-day calendar API (issue 2 §8)', () => {
  it('computes a deadline across 国庆 2026 with the official schedule', async () => {
    expect(json(await ctx.admin.get('/api/calendar/add?date=2026-09-30&days=1'))).toEqual({ date: '2026-10-08', provisional: false });
    expect(json(await ctx.admin.get('/api/calendar/between?from=2026-02-13&to=2026-02-24'))).toEqual({ days: 2, provisional: false });
  });

  it('evaluates instants in Asia/Shanghai: 23:30 Beijing time on 10-08 is still 8 October', async () => {
    const r = await ctx.services.calendar.addWorkingDays(new Date('2026-10-08T15:30:00Z'), 1);
    expect(r).toEqual({ date: '2026-10-09', provisional: false });
    const next = await ctx.services.calendar.addWorkingDays(new Date('2026-10-08T16:30:00Z'), 1); // 10-09 00:30 in Beijing
    expect(next.date).toBe('2026-10-10'); // the make-up Saturday
  });

  it('warns administrators in November when next year has no official schedule, and flags 2027 deadlines as provisional', async () => {
    const status = json(await ctx.admin.get('/api/calendar/status'));
    expect(status).toMatchObject({ currentYear: 2026, nextYear: 2027, nextYearMissing: true, warn: true });
    // 国庆 2027 by the law: 10-01 (Fri) to 10-03 (Sun), the weekend days made up on 10-04 and 10-05.
    expect(json(await ctx.admin.get('/api/calendar/add?date=2027-09-30&days=1'))).toEqual({ date: '2027-10-06', provisional: true });
    const month = json(await ctx.admin.get('/api/calendar/month?month=2027-10')).days;
    expect(month[0]).toMatchObject({ date: '2027-10-01', working: false, reason: 'holiday', name: '国庆节', provisional: true });
  });

  it('answers 2027-01-01 and 2027-02-08 as provisional statutory holidays until the year is entered', async () => {
    const jan = json(await ctx.admin.get('/api/calendar/month?month=2027-01')).days;
    expect(jan[0]).toMatchObject({ date: '2027-01-01', working: false, reason: 'holiday', name: '元旦', provisional: true });
    const feb = json(await ctx.admin.get('/api/calendar/month?month=2027-02')).days;
    const off = feb.filter((d: any) => !d.working && d.reason === 'holiday').map((d: any) => d.date);
    // 除夕 02-05 to 初三 02-08; 初一 and 初二 fall on the weekend and are made up on 02-09 and 02-10.
    expect(off).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10']);
    expect(feb[8]).toMatchObject({ date: '2027-02-09', name: '春节（补假）', provisional: true });
    expect(feb[7]).toMatchObject({ date: '2027-02-08', working: false, name: '春节', provisional: true });
    expect(json(await ctx.admin.get('/api/calendar/add?date=2027-02-04&days=1'))).toEqual({ date: '2027-02-11', provisional: true });
  });

  it('does not warn in October', async () => {
    ctx.clock.set('2026-10-15T02:00:00Z');
    expect(json(await ctx.admin.get('/api/calendar/status')).warn).toBe(false);
    ctx.clock.set('2026-11-23T02:00:00Z');
  });

  it('takes a newly published year entered by an admin and stops flagging it', async () => {
    const res = await ctx.admin.put('/api/calendar/years/2027', {
      holidays: [
        { name: '元旦', start: '2027-01-01', end: '2027-01-03' },
        { name: '国庆节', start: '2027-10-01', end: '2027-10-07' },
      ],
      makeupWorkdays: [{ date: '2027-10-09', name: '国庆节' }],
    });
    expect(res.statusCode).toBe(204);
    expect(json(await ctx.admin.get('/api/calendar/add?date=2027-09-30&days=1'))).toEqual({ date: '2027-10-08', provisional: false });
    expect(json(await ctx.admin.get('/api/calendar/status'))).toMatchObject({ nextYearMissing: false, warn: false });
    const years = json(await ctx.admin.get('/api/calendar/years')).items;
    expect(years.find((y: any) => y.year === 2027).source).toBe('imported');
    expect(years.find((y: any) => y.year === 2026).source).toBe('builtin');
  });

  it('refuses a schedule with dates outside its year or a reversed range, naming the row', async () => {
    const res = await ctx.admin.put('/api/calendar/years/2028', {
      holidays: [{ name: '国庆节', start: '2027-10-07', end: '2027-10-01' }],
      makeupWorkdays: [{ date: '2029-01-01', name: 'x' }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.map((f: any) => f.field)).toEqual(expect.arrayContaining(['holidays.0.start', 'holidays.0.end', 'makeupWorkdays.0.date']));
    expect((await ctx.admin.put('/api/calendar/years/2026', { holidays: [{ name: 'x', start: '2026-01-05', end: '2026-01-05' }], makeupWorkdays: [] })).statusCode).toBe(422);
  });

  it('applies company days off and on, managed by admins only', async () => {
    const specialist = await createUser(ctx, { username: 'cal.spec', roles: ['specialist'] });
    expect((await specialist.client.post('/api/calendar/company-days', { date: '2026-10-08', kind: 'holiday', name: '公司年会' })).statusCode).toBe(403);
    const created = await ctx.admin.post('/api/calendar/company-days', { date: '2026-10-08', kind: 'holiday', name: '公司年会' });
    expect(created.statusCode).toBe(201);
    expect(json(await specialist.client.get('/api/calendar/add?date=2026-09-30&days=1')).date).toBe('2026-10-09');
    expect((await ctx.admin.post('/api/calendar/company-days', { date: '2026-10-08', kind: 'workday', name: '重复' })).statusCode).toBe(409);
    expect((await ctx.admin.del(`/api/calendar/company-days/${json(created).id}`)).statusCode).toBe(204);
    expect(json(await specialist.client.get('/api/calendar/add?date=2026-09-30&days=1')).date).toBe('2026-10-08');
  });

  it('refuses impossible dates and over-long ranges with the field named instead of failing', async () => {
    const bad = await ctx.admin.get('/api/calendar/add?date=2026-02-30&days=1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ field: 'date', message: '日期格式应为 YYYY-MM-DD' }]);
    const long = await ctx.admin.get('/api/calendar/between?from=2000-01-01&to=2026-01-01');
    expect(long.statusCode).toBe(422);
    expect(long.json().error.fields[0].field).toBe('to');
    const imp = await ctx.admin.put('/api/calendar/years/2029', { holidays: [{ name: '春节', start: '2029-02-30', end: '2029-03-01' }], makeupWorkdays: [] });
    expect(imp.statusCode).toBe(400);
    expect(imp.json().error.fields[0].field).toBe('holidays.0.start');
  });
});
