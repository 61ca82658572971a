import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, type Client, type TestContext } from '../../../test/harness';

let ctx: TestContext;
let specialist: { id: number; client: Client };
let supervisor: { id: number; client: Client };

beforeAll(async () => {
  ctx = await createTestContext();
  const team = await createTeam(ctx, '贵宾接待组', 1);
  specialist = await createUser(ctx, { username: 'vip.spec', roles: ['specialist'], teamId: team });
  supervisor = await createUser(ctx, { username: 'vip.sup', roles: ['supervisor'], teamId: team });
  for (const [name, extra] of [
    ['张伟', { mobile: '13912345678', idNumber: '11010519491231002X', nationality: '中国', gender: 'male' }],
    ['欧阳娜娜', { gender: 'female' }],
    ['阿兰', {}],
    ['John Smith', { nationality: '英国', idNumber: 'GB1234567' }],
    ['赵敏', {}],
    ['曾晓明', { mobile: '13700139999' }],
    ['单田芳', {}],
  ] as const) {
    expect((await specialist.client.post('/api/individual-customers', { name, ...extra })).statusCode).toBe(201);
  }
});
afterAll(() => ctx.close());

describe('individual customers (VIP guests, docs/regulations.md §2)', () => {
  it('lists them by the initial letter of the name, with the letters in use', async () => {
    const res = json(await specialist.client.get('/api/individual-customers'));
    // Surnames read as surnames: 单 shan under S, 曾 zeng under Z (not D and C).
    expect(res.items.map((i: any) => i.name)).toEqual(['阿兰', 'John Smith', '欧阳娜娜', '单田芳', '曾晓明', '张伟', '赵敏']);
    expect(res.initials).toEqual([
      { initial: 'A', count: 1 },
      { initial: 'J', count: 1 },
      { initial: 'O', count: 1 },
      { initial: 'S', count: 1 },
      { initial: 'Z', count: 3 },
    ]);
    expect(json(await specialist.client.get('/api/individual-customers?initial=Z')).items.map((i: any) => i.name)).toEqual(['曾晓明', '张伟', '赵敏']);
  });

  it('finds a guest by name, pinyin, initials or mobile digits', async () => {
    const find = async (q: string) => json(await specialist.client.get(`/api/individual-customers?q=${encodeURIComponent(q)}`)).items.map((i: any) => i.name);
    expect(await find('伟')).toEqual(['张伟']);
    expect(await find('zhangwei')).toEqual(['张伟']);
    expect(await find('zw')).toEqual(['张伟']);
    expect(await find('5678')).toEqual(['张伟']);
  });

  it('finds 曾晓明 and 单田芳 by the surname reading, in traditional characters, and by name and digits together', async () => {
    const find = async (q: string) => json(await specialist.client.get(`/api/individual-customers?q=${encodeURIComponent(q)}`)).items.map((i: any) => i.name);
    expect(await find('zeng')).toEqual(['曾晓明']);
    expect(await find('zxm')).toEqual(['曾晓明']);
    expect(await find('ceng')).toEqual([]);
    expect(await find('shan')).toEqual(['单田芳']);
    expect(await find('stf')).toEqual(['单田芳']);
    expect(await find('dan')).toEqual([]);
    expect(await find('曾曉明')).toEqual(['曾晓明']);
    expect(await find('單田芳')).toEqual(['单田芳']);
    expect(await find('曾晓明9999')).toEqual(['曾晓明']);
    expect(await find('张伟9999')).toEqual([]);
  });

  it('masks mobile and ID number, validates a mainland ID, accepts a foreign passport', async () => {
    const zhang = json(await specialist.client.get('/api/individual-customers?q=zw')).items[0];
    expect(zhang).toMatchObject({ mobile: '139****5678', idNumber: '110105********002X' });
    const bad = await specialist.client.post('/api/individual-customers', { name: '钱七', idNumber: '110105194912310021' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toEqual([{ field: 'idNumber', message: '身份证号码不正确（18 位，出生日期与末位校验码）' }]);
  });

  it('checks a changed passport number against the stored nationality', async () => {
    const john = json(await specialist.client.get('/api/individual-customers?q=john')).items[0];
    const res = await specialist.client.put(`/api/individual-customers/${john.id}`, { idNumber: 'GB7654321', version: john.version });
    expect(res.statusCode).toBe(200);
  });

  it('reveals an ID number only for a role with the right, and logs it', async () => {
    const zhang = json(await specialist.client.get('/api/individual-customers?q=zw')).items[0];
    expect((await specialist.client.post(`/api/individual-customers/${zhang.id}/reveal`, { field: 'idNumber' })).statusCode).toBe(403);
    expect(json(await supervisor.client.post(`/api/individual-customers/${zhang.id}/reveal`, { field: 'idNumber' }))).toEqual({ value: '11010519491231002X' });
    const log = json(await ctx.admin.get(`/api/audit?action=reveal&entityType=individual_customer`));
    expect(log.total).toBe(1);
    expect(JSON.stringify(json(await ctx.admin.get(`/api/audit?entityType=individual_customer&pageSize=50`)))).not.toContain('11010519491231002X');
  });

  it('keeps guests within the data scope and refuses stale edits', async () => {
    const other = await createUser(ctx, { username: 'vip.other', roles: ['specialist'], teamId: await createTeam(ctx, '别组', 2) });
    expect(json(await other.client.get('/api/individual-customers')).total).toBe(0);
    const zhang = json(await specialist.client.get('/api/individual-customers?q=zw')).items[0];
    expect((await other.client.get(`/api/individual-customers/${zhang.id}`)).statusCode).toBe(404);
    expect((await specialist.client.put(`/api/individual-customers/${zhang.id}`, { notes: '喜欢高楼层', version: zhang.version })).statusCode).toBe(200);
    expect((await supervisor.client.put(`/api/individual-customers/${zhang.id}`, { notes: '无烟房', version: zhang.version })).statusCode).toBe(409);
  });
});
