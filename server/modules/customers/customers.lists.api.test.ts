import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, type Client, type TestContext } from '../../../test/harness';
import { listLimits } from './customers.rules';

// Large-team lists and common-word searches (docs/performance.md), on SQLite and PostgreSQL.
let ctx: TestContext;
let teamA: number;
let teamB: number;
let supervisor: { id: number; client: Client };
let specialistA: { id: number; client: Client };
let specialistB: { id: number; client: Client };

const NAMES_A = ['北京华远科技有限公司', '上海浦江科技有限公司', '杭州西湖科技有限公司', '广州南方贸易有限公司', '深圳前海科技有限公司', '长沙湘江物流有限公司', '成都天府科技有限公司'];
const NAMES_B = ['天津滨海科技有限公司', '重庆山城贸易有限公司', '南京金陵科技有限公司'];

beforeAll(async () => {
  ctx = await createTestContext();
  teamA = await createTeam(ctx, '大客户组', 1);
  teamB = await createTeam(ctx, '渠道组', 2);
  supervisor = await createUser(ctx, { username: 'sv.lists', displayName: '王主管', roles: ['supervisor'], teamId: teamA });
  specialistA = await createUser(ctx, { username: 'sp.lists.a', displayName: '张三', roles: ['specialist'], teamId: teamA });
  specialistB = await createUser(ctx, { username: 'sp.lists.b', displayName: '李四', roles: ['specialist'], teamId: teamB });
  for (const name of NAMES_A) expect((await specialistA.client.post('/api/customers', { name })).statusCode).toBe(201);
  for (const name of NAMES_B) expect((await specialistB.client.post('/api/customers', { name })).statusCode).toBe(201);
  // The supervisor's own customers: one filed under their team, one left in the other team (as after a
  // move between teams) and one with no team at all; both of the latter are theirs by owner only.
  for (const name of ['武汉江城科技有限公司', '西安长安贸易有限公司', '厦门鹭岛科技有限公司']) {
    expect((await supervisor.client.post('/api/customers', { name })).statusCode).toBe(201);
  }
  await sql`update customers set team_id = ${teamB} where name = '西安长安贸易有限公司'`.execute(ctx.db.kysely);
  await sql`update customers set team_id = null where name = '厦门鹭岛科技有限公司'`.execute(ctx.db.kysely);
}, 300_000);
afterAll(() => ctx.close());
afterEach(() => {
  listLimits.countCap = 10_000;
});

const items = (res: any) => json(res).items as { id: number; name: string; ownerId: number; teamId: number | null }[];

/** Every page of a list, one after the other. */
async function allPages(client: Client, query: string, pageSize: number) {
  const out: { id: number; name: string; ownerId: number; teamId: number | null }[] = [];
  for (let page = 1; page < 20; page++) {
    const res = await client.get(`/api/customers?${query}&page=${page}&pageSize=${pageSize}`);
    expect(res.statusCode).toBe(200);
    out.push(...items(res));
    if (items(res).length < pageSize) break;
  }
  return out;
}

describe("a supervisor's list: own customers or the team's, in order", () => {
  for (const sort of ['name', '-name', 'createdAt', '-updatedAt', 'status']) {
    it(`pages through exactly the customers of the team and their own, sorted by ${sort}`, async () => {
      const all = await allPages(ctx.admin, `sort=${sort}`, 100);
      const expected = all.filter((c) => c.teamId === teamA || c.ownerId === supervisor.id).map((c) => c.name);
      expect(expected).toContain('西安长安贸易有限公司');
      expect(expected).toContain('厦门鹭岛科技有限公司');
      expect(expected).toHaveLength(NAMES_A.length + 3);
      const seen = await allPages(supervisor.client, `sort=${sort}`, 3);
      expect(seen.map((c) => c.name)).toEqual(expected);
      const first = json(await supervisor.client.get(`/api/customers?sort=${sort}&pageSize=3`));
      expect(first).toMatchObject({ total: expected.length, countCapped: false });
    });
  }

  it('keeps the filters and the search within those customers', async () => {
    const res = json(await supervisor.client.get(`/api/customers?q=${encodeURIComponent('科技')}&sort=name&pageSize=50`));
    expect(res.items.map((c: any) => c.name).sort()).toEqual(['北京华远科技有限公司', '上海浦江科技有限公司', '杭州西湖科技有限公司', '深圳前海科技有限公司', '成都天府科技有限公司', '武汉江城科技有限公司', '厦门鹭岛科技有限公司'].sort());
    expect(res.total).toBe(7);
    const byOwner = json(await supervisor.client.get(`/api/customers?ownerId=${supervisor.id}&sort=name`));
    expect(byOwner.items.map((c: any) => c.name).sort()).toEqual(['武汉江城科技有限公司', '西安长安贸易有限公司', '厦门鹭岛科技有限公司'].sort());
    expect(byOwner.total).toBe(3);
  });

  it('caps the total of a long list, and still pages through every customer past it', async () => {
    const expected = (await allPages(supervisor.client, 'sort=name', 100)).map((c) => c.name);
    const exact = json(await supervisor.client.get('/api/customers?sort=name'));
    expect(exact).toMatchObject({ total: expected.length, countCapped: false });

    listLimits.countCap = 4;
    const capped = json(await supervisor.client.get('/api/customers?sort=name&pageSize=3'));
    expect(capped).toMatchObject({ total: 4, countCapped: true });
    expect((await allPages(supervisor.client, 'sort=name', 3)).map((c) => c.name)).toEqual(expected);
    // Within the cap the count is exact: the supervisor's own three, and the specialist's four.
    expect(json(await supervisor.client.get(`/api/customers?ownerId=${supervisor.id}`))).toMatchObject({ total: 3, countCapped: false });
    expect(json(await specialistB.client.get('/api/customers'))).toMatchObject({ total: NAMES_B.length, countCapped: false });
    const team = json(await ctx.admin.get(`/api/customers?teamId=${teamA}&pageSize=2`));
    expect(team).toMatchObject({ total: 4, countCapped: true });
    expect(team.items).toHaveLength(2);
  });

  it("shows a specialist of another team none of the team's customers, and only their own", async () => {
    const seen = await allPages(specialistB.client, 'sort=name', 2);
    expect(seen.map((c) => c.name).sort()).toEqual([...NAMES_B].sort());
    const res = json(await specialistB.client.get(`/api/customers?q=${encodeURIComponent('华远')}`));
    expect(res).toMatchObject({ items: [], total: 0 });
  });
});

describe('a search for a very common pair: first page and a capped count', () => {
  it('answers the count as "at least the cap" beyond it, and the exact count below it', async () => {
    const exact = json(await ctx.admin.get(`/api/customers?q=${encodeURIComponent('科技')}&sort=name&pageSize=100`));
    expect(exact.total).toBe(9);
    expect(exact.countCapped).toBe(false);

    listLimits.countCap = 4;
    const capped = json(await ctx.admin.get(`/api/customers?q=${encodeURIComponent('科技')}&sort=name&pageSize=3`));
    expect(capped).toMatchObject({ total: 4, countCapped: true });
    expect(capped.items.map((c: any) => c.name)).toEqual(exact.items.slice(0, 3).map((c: any) => c.name));
    // Every page is still there, in the same order, past the capped total too.
    const paged = await allPages(ctx.admin, `q=${encodeURIComponent('科技')}&sort=name`, 3);
    expect(paged.map((c) => c.name)).toEqual(exact.items.map((c: any) => c.name));
    const desc = await allPages(ctx.admin, `q=${encodeURIComponent('科技')}&sort=-createdAt`, 4);
    expect(desc.map((c) => c.name)).toEqual([...exact.items].sort((a: any, b: any) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id)).map((c: any) => c.name));

    const few = json(await ctx.admin.get(`/api/customers?q=${encodeURIComponent('贸易')}`));
    expect(few).toMatchObject({ total: 3, countCapped: false });
  });

  it('keeps a capped search within the searcher’s scope', async () => {
    listLimits.countCap = 1;
    const res = json(await specialistB.client.get(`/api/customers?q=${encodeURIComponent('科技')}&sort=name`));
    expect(res).toMatchObject({ total: 1, countCapped: true });
    expect(res.items.map((c: any) => c.name).sort()).toEqual(['南京金陵科技有限公司', '天津滨海科技有限公司'].sort());
    listLimits.countCap = 2;
    const sup = json(await supervisor.client.get(`/api/customers?q=${encodeURIComponent('科技')}&sort=name&pageSize=50`));
    expect(sup).toMatchObject({ total: 2, countCapped: true });
    expect(sup.items).toHaveLength(7);
  });
});
