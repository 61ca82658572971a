import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, type Client, type TestContext } from '../../../test/harness';

// Customer archive (issue 3; docs/regulations.md §2), on SQLite and PostgreSQL.
let ctx: TestContext;
let specialistA: { id: number; client: Client };
let specialistB: { id: number; client: Client };
let supervisorA: { id: number; client: Client };
let huayuan: any;

beforeAll(async () => {
  ctx = await createTestContext();
  const teamA = await createTeam(ctx, '大客户组', 1);
  const teamB = await createTeam(ctx, '渠道组', 2);
  specialistA = await createUser(ctx, { username: 'sp.a', displayName: '张三', roles: ['specialist'], teamId: teamA });
  specialistB = await createUser(ctx, { username: 'sp.b', displayName: '李四', roles: ['specialist'], teamId: teamB });
  supervisorA = await createUser(ctx, { username: 'sv.a', displayName: '王主管', roles: ['supervisor'], teamId: teamA });
  const res = await specialistA.client.post('/api/customers', {
    name: '北京华远科技有限公司',
    phone: '13812345678',
    creditCode: '91350100M000100Y43',
    province: '北京市',
    city: '北京市',
    industry: '信息技术服务',
    legalRepresentative: '赵建国',
  });
  expect(res.statusCode).toBe(201);
  huayuan = json(res);
  for (const name of ['上海浦江物流有限公司', '广州南方贸易有限公司', '张三丰餐饮管理有限公司']) {
    expect((await specialistB.client.post('/api/customers', { name, province: '上海市' })).statusCode).toBe(201);
  }
});
afterAll(() => ctx.close());

const names = (res: any) => json(res).items.map((c: any) => c.name);

describe('customer records', () => {
  it('gives a new customer a sequential archive number of the year, the creator as owner, and masks the phone', async () => {
    expect(huayuan.archiveNo).toMatch(/^KH\d{4}-000001$/);
    expect(huayuan).toMatchObject({ ownerId: specialistA.id, ownerName: '张三', status: 'potential', phone: '138****5678' });
    const next = json(await specialistA.client.post('/api/customers', { name: '天津滨海新材料有限公司' }));
    expect(next.archiveNo).toBe(huayuan.archiveNo.replace('000001', '000005'));
  });

  it('validates phone, credit code, postcode and e-mail, naming each field, and saves nothing', async () => {
    const res = await specialistA.client.post('/api/customers', {
      name: '无效资料公司',
      phone: '12345',
      creditCode: '91350100M000100Y44',
      postcode: '1000',
      email: 'not-mail',
    });
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries(res.json().error.fields.map((f: any) => [f.field, f.message]));
    expect(fields).toEqual({
      phone: '电话号码格式不正确（手机 11 位，或区号-座机号）',
      creditCode: '统一社会信用代码不正确（18 位，末位校验码）',
      postcode: '邮政编码应为 6 位数字',
      email: '邮箱格式不正确',
    });
    expect(json(await ctx.admin.get('/api/customers?q=无效资料')).total).toBe(0);
  });

  it('computes archive completeness and filters incomplete archives', async () => {
    expect(huayuan.completeness).toBeLessThan(100);
    expect(huayuan.missingFields).toContain('bankAccount');
    const incomplete = json(await ctx.admin.get('/api/customers?incomplete=true&pageSize=200'));
    expect(incomplete.total).toBe(json(await ctx.admin.get('/api/customers')).total);
  });
});

describe('search by many ways (issue 3 §6)', () => {
  it('finds 北京华远 by pinyin initials bjhy, full pinyin and a middle syllable', async () => {
    expect(names(await ctx.admin.get('/api/customers?q=bjhy'))).toEqual(['北京华远科技有限公司']);
    expect(names(await ctx.admin.get('/api/customers?q=beijinghuayuan'))).toEqual(['北京华远科技有限公司']);
    expect(names(await ctx.admin.get('/api/customers?q=huayuan'))).toEqual(['北京华远科技有限公司']);
  });

  it('finds by one Chinese character and by two', async () => {
    expect(names(await ctx.admin.get(`/api/customers?q=${encodeURIComponent('浦')}`))).toEqual(['上海浦江物流有限公司']);
    expect(names(await ctx.admin.get(`/api/customers?q=${encodeURIComponent('华远')}`))).toEqual(['北京华远科技有限公司']);
    expect(names(await ctx.admin.get(`/api/customers?q=${encodeURIComponent('张三')}`))).toEqual(['张三丰餐饮管理有限公司']);
  });

  it('finds by phone digits and by credit code', async () => {
    expect(names(await ctx.admin.get('/api/customers?q=5678'))).toEqual(['北京华远科技有限公司']);
    expect(names(await ctx.admin.get('/api/customers?q=91350100M000100Y43'))).toEqual(['北京华远科技有限公司']);
  });

  it('finds a customer through its contact and says so', async () => {
    const c = await specialistA.client.post(`/api/customers/${huayuan.id}/contacts`, { name: '钱多多', mobile: '13900001111', position: '采购经理', isKey: true });
    expect(c.statusCode).toBe(201);
    expect(json(c).mobile).toBe('139****1111');
    const byName = json(await ctx.admin.get('/api/customers?q=qianduoduo'));
    expect(byName.items.map((x: any) => [x.name, x.matchedContact])).toEqual([['北京华远科技有限公司', '钱多多']]);
    expect(names(await ctx.admin.get('/api/customers?q=00001111'))).toEqual(['北京华远科技有限公司']);
  });

  it('uses the full-text index, not a scan, for a 2-character name', async () => {
    if (ctx.db.kind === 'sqlite') {
      const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT rowid FROM customer_search WHERE customer_search MATCH '"张三"'`.execute(ctx.db.kysely);
      expect(plan.rows.map((r) => r.detail).join(' ')).toMatch(/VIRTUAL TABLE INDEX/);
    } else {
      await sql`SET enable_seqscan = off`.execute(ctx.db.kysely);
      const plan = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT customer_id FROM customer_search WHERE tsv @@ to_tsquery('simple', '张三')`.execute(ctx.db.kysely);
      expect(plan.rows.map((r) => r['QUERY PLAN']).join(' ')).toMatch(/customer_search_tsv_idx/);
    }
  });

  it('sorts names by pinyin and filters by status, owner, province and dates', async () => {
    expect(names(await ctx.admin.get('/api/customers?sort=name'))).toEqual([
      '北京华远科技有限公司',
      '广州南方贸易有限公司',
      '上海浦江物流有限公司',
      '天津滨海新材料有限公司',
      '张三丰餐饮管理有限公司',
    ]);
    expect(json(await ctx.admin.get(`/api/customers?ownerId=${specialistB.id}`)).total).toBe(3);
    expect(json(await ctx.admin.get(`/api/customers?province=${encodeURIComponent('上海市')}`)).total).toBe(3);
    expect(json(await ctx.admin.get('/api/customers?createdFrom=2000-01-01&createdTo=2000-12-31')).total).toBe(0);
    expect((await ctx.admin.get('/api/customers?sort=owner_id')).statusCode).toBe(400);
  });
});

describe('scope and masking', () => {
  it('never shows a specialist another team’s customer in search, list, counts or by id', async () => {
    expect(names(await specialistA.client.get('/api/customers?sort=name'))).toEqual(['北京华远科技有限公司', '天津滨海新材料有限公司']);
    expect(json(await specialistA.client.get(`/api/customers?q=${encodeURIComponent('浦江')}`)).total).toBe(0);
    const other = json(await specialistB.client.get('/api/customers?q=pjwl')).items[0];
    expect((await specialistA.client.get(`/api/customers/${other.id}`)).statusCode).toBe(404);
    expect(json(await supervisorA.client.get('/api/customers')).total).toBe(2); // the team's
  });

  it('warns about duplicates without revealing another team’s customer', async () => {
    const own = await specialistA.client.post('/api/customers', { name: '北京 华远科技股份有限公司' });
    expect(own.statusCode).toBe(409);
    expect(own.json().error).toMatchObject({ code: 'duplicate', duplicates: [{ reason: 'name', visible: true, name: '北京华远科技有限公司' }] });
    const foreign = await specialistA.client.post('/api/customers', { name: '上海浦江物流' });
    expect(foreign.statusCode).toBe(409);
    expect(foreign.json().error.duplicates).toEqual([{ reason: 'name', visible: false, id: null, archiveNo: null, name: null }]);
    expect(JSON.stringify(foreign.json())).not.toContain('浦江物流有限公司');
    const byPhone = json(await specialistB.client.post('/api/customers/duplicate-check', { phone: '138 1234 5678' }));
    expect(byPhone.duplicates).toEqual([{ reason: 'phone', visible: false, id: null, archiveNo: null, name: null }]);
    const anyway = await specialistA.client.post('/api/customers', { name: '北京 华远科技股份有限公司', confirmDuplicate: true });
    expect(anyway.statusCode).toBe(201);
  });

  it('lets a supervisor reveal a phone, and logs it; a specialist may not', async () => {
    expect((await specialistA.client.post(`/api/customers/${huayuan.id}/reveal`, { field: 'phone' })).statusCode).toBe(403);
    const res = await supervisorA.client.post(`/api/customers/${huayuan.id}/reveal`, { field: 'phone' });
    expect(json(res)).toEqual({ value: '13812345678' });
    const log = json(await ctx.admin.get(`/api/audit?action=reveal&entityId=${huayuan.id}`));
    expect(log.items[0]).toMatchObject({ actorName: '王主管', summary: 'phone' });
    // Looking is audited but is not a change of the archive.
    const history = json(await supervisorA.client.get(`/api/customers/${huayuan.id}/history`)).items;
    expect(history.some((h: any) => h.action === 'reveal')).toBe(false);
  });
});

describe('change history and concurrency', () => {
  it('shows each field change with who and when, marks major changes, and masks phones', async () => {
    const res = await specialistA.client.put(`/api/customers/${huayuan.id}`, { legalRepresentative: '赵新民', address: '北京市海淀区中关村大街1号', phone: '13800000000', version: huayuan.version });
    expect(res.statusCode).toBe(200);
    const history = json(await specialistA.client.get(`/api/customers/${huayuan.id}/history`)).items;
    const byField = Object.fromEntries(history.filter((h: any) => h.action === 'update').map((h: any) => [h.field, h]));
    expect(byField.legalRepresentative).toMatchObject({ actorName: '张三', oldValue: '赵建国', newValue: '赵新民', major: true });
    expect(byField.address).toMatchObject({ oldValue: null, major: false });
    expect(byField.phone).toMatchObject({ oldValue: '138****5678', newValue: '138****0000' });
    expect(history.some((h: any) => h.action === 'contact.create' && h.field === 'contact.name' && h.newValue === '钱多多')).toBe(true);
    expect(names(await ctx.admin.get('/api/customers?q=0000'))).toEqual(['北京华远科技有限公司']);
    expect(json(await ctx.admin.get('/api/customers?q=5678')).total).toBe(0);
  });

  it('files a renamed customer under its new name and keeps it there through later edits of other fields', async () => {
    const created = json(await specialistA.client.post('/api/customers', { name: '安徽黄山茶业有限公司', province: '安徽省' }));
    const renamed = json(await specialistA.client.put(`/api/customers/${created.id}`, { version: created.version, name: '浙江龙井茶业有限公司', phone: '13900001111' }));
    expect(renamed).toMatchObject({ name: '浙江龙井茶业有限公司', version: created.version + 1 });
    const edited = json(await specialistA.client.put(`/api/customers/${created.id}`, { version: renamed.version, address: '杭州市西湖区龙井路1号' }));
    expect(edited).toMatchObject({ name: '浙江龙井茶业有限公司', address: '杭州市西湖区龙井路1号', version: renamed.version + 1 });
    // By name: after 北京华远 (B) now, no longer before it under A; found by the new name's pinyin and phone only.
    const sorted = names(await specialistA.client.get('/api/customers?sort=name&pageSize=100'));
    expect(sorted.indexOf('浙江龙井茶业有限公司')).toBeGreaterThan(sorted.indexOf('北京华远科技有限公司'));
    expect(names(await specialistA.client.get('/api/customers?q=longjing'))).toEqual(['浙江龙井茶业有限公司']);
    expect(names(await specialistA.client.get('/api/customers?q=13900001111'))).toContain('浙江龙井茶业有限公司');
    expect(names(await specialistA.client.get(`/api/customers?q=${encodeURIComponent('黄山')}`))).toEqual([]);
    // The same values again change nothing but the version.
    const same = json(await specialistA.client.put(`/api/customers/${created.id}`, { version: edited.version, address: '杭州市西湖区龙井路1号' }));
    expect(same).toMatchObject({ address: '杭州市西湖区龙井路1号', version: edited.version + 1, completeness: edited.completeness });
  });

  it('refuses a stale version with 409 and keeps the first edit', async () => {
    const current = json(await specialistA.client.get(`/api/customers/${huayuan.id}`));
    expect((await specialistA.client.put(`/api/customers/${huayuan.id}`, { status: 'formal', version: current.version })).statusCode).toBe(200);
    expect((await supervisorA.client.put(`/api/customers/${huayuan.id}`, { status: 'lost', version: current.version })).statusCode).toBe(409);
    expect(json(await specialistA.client.get(`/api/customers/${huayuan.id}`)).status).toBe('formal');
  });

  it('does not let a body set the owner, archive number or completeness', async () => {
    const current = json(await specialistA.client.get(`/api/customers/${huayuan.id}`));
    const res = await specialistA.client.put(`/api/customers/${huayuan.id}`, { ownerId: specialistB.id, archiveNo: 'X', completeness: 100, version: current.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: any) => f.field).sort()).toEqual(['archiveNo', 'completeness', 'ownerId']);
    expect((await specialistA.client.post('/api/customers', { name: '自定负责人公司', ownerId: specialistB.id })).statusCode).toBe(403);
  });
});

describe('owner transfer (issue 3 §8)', () => {
  it('moves customers in bulk to a new owner with a reason, audited; specialists may not', async () => {
    const mine = json(await specialistA.client.get('/api/customers')).items.map((c: any) => c.id);
    expect((await specialistA.client.post('/api/customers/transfer', { customerIds: mine, ownerId: specialistB.id, reason: '调岗' })).statusCode).toBe(403);
    // 李四 is in another department: beyond 王主管's teams (docs/regulations.md §1), so a manager hands them over.
    const beyond = await supervisorA.client.post('/api/customers/transfer', { customerIds: mine, ownerId: specialistB.id, reason: '调岗' });
    expect(beyond.statusCode).toBe(422);
    expect(beyond.json().error.fields[0].field).toBe('ownerId');
    const manager = await createUser(ctx, { username: 'mg.a', displayName: '赵经理', roles: ['manager'], departmentId: 1 });
    const res = await manager.client.post('/api/customers/transfer', { customerIds: mine, ownerId: specialistB.id, reason: '张三调岗，客户移交李四' });
    expect(json(res)).toEqual({ transferred: mine.length });
    expect(json(await specialistA.client.get('/api/customers')).total).toBe(0);
    const moved = json(await specialistB.client.get(`/api/customers/${huayuan.id}`));
    expect(moved).toMatchObject({ ownerName: '李四', teamName: '渠道组' });
    const history = json(await specialistB.client.get(`/api/customers/${huayuan.id}/history`)).items;
    expect(history[0]).toMatchObject({ action: 'transfer', field: 'ownerId', oldValue: specialistA.id, newValue: specialistB.id, summary: '张三调岗，客户移交李四' });
  });

  it('refuses to transfer a customer outside the caller’s scope', async () => {
    const foreign = json(await specialistB.client.get('/api/customers?q=gznf')).items[0].id;
    expect((await supervisorA.client.post('/api/customers/transfer', { customerIds: [foreign], ownerId: supervisorA.id, reason: '越权' })).statusCode).toBe(404);
  });
});

describe('search and ordering that know Chinese (docs/regulations.md §2)', () => {
  const find = async (q: string) => names(await ctx.admin.get(`/api/customers?sort=name&q=${encodeURIComponent(q)}`));
  beforeAll(async () => {
    for (const [name, extra] of [
      ['曾氏贸易有限公司', {}],
      ['单县单氏物流有限公司', {}],
      ['长沙岳麓机械有限公司', {}],
      ['厦门海沧贸易有限公司', {}],
      ['重慶長江實業有限公司', {}],
      ['曾经辉煌文化传媒有限公司', {}],
      ['跨实例探针公司', { phone: '13452852519' }],
    ] as const) {
      expect((await ctx.admin.post('/api/customers', { name, province: '湖南省', ...extra })).statusCode).toBe(201);
    }
    const changsha = json(await ctx.admin.get(`/api/customers?q=${encodeURIComponent('岳麓')}`)).items[0];
    expect((await ctx.admin.post(`/api/customers/${changsha.id}/contacts`, { name: '曾晓明', mobile: '13700139999' })).statusCode).toBe(201);
  });

  it('reads a surname as a surname: 曾氏 and the contact 曾晓明 by zeng, not by ceng', async () => {
    expect(await find('zeng')).toEqual(['曾经辉煌文化传媒有限公司', '长沙岳麓机械有限公司', '曾氏贸易有限公司']);
    expect(await find('zengshi')).toEqual(['曾氏贸易有限公司']);
    expect(await find('zs')).toEqual(expect.arrayContaining(['曾氏贸易有限公司', '张三丰餐饮管理有限公司']));
    // ceng only where the word gives it (曾经), not for the family 曾氏 nor the person 曾晓明.
    expect(await find('ceng')).toEqual(['曾经辉煌文化传媒有限公司']);
  });

  it('finds 单县单氏 by shan and sx (every reading of 单) and still by dan', async () => {
    expect(await find('shan')).toContain('单县单氏物流有限公司');
    expect(await find('shanxian')).toEqual(['单县单氏物流有限公司']);
    expect(await find('sx')).toEqual(['单县单氏物流有限公司']);
    expect(await find('danxian')).toEqual(['单县单氏物流有限公司']);
    expect(await find('shanshiwuliu')).toEqual(['单县单氏物流有限公司']);
  });

  it('treats traditional and simplified characters as the same, both ways', async () => {
    expect(await find('長沙')).toEqual(['长沙岳麓机械有限公司']);
    expect(await find('廈門')).toEqual(['厦门海沧贸易有限公司']);
    expect(await find('單縣')).toEqual(['单县单氏物流有限公司']);
    expect(await find('曾曉明')).toEqual(['长沙岳麓机械有限公司']);
    expect(await find('重庆长江')).toEqual(['重慶長江實業有限公司']);
    expect(await find('重慶')).toEqual(['重慶長江實業有限公司']);
    expect(await find('chongqing')).toEqual(['重慶長江實業有限公司']);
  });

  it('matches a name followed by digits on both parts', async () => {
    expect(await find('跨实例探针公司452852519')).toEqual(['跨实例探针公司']);
    expect(await find('跨实例探针公司 2519')).toEqual(['跨实例探针公司']);
    expect(await find('452852519跨实例')).toEqual(['跨实例探针公司']);
    expect(await find('跨实例探针公司99998888')).toEqual([]);
    expect(await find('长沙99999')).toEqual([]);
  });

  it('orders 曾氏 under Z (after 厦门, before 张), 曾经 and 单县 by their word reading', async () => {
    const all = names(await ctx.admin.get('/api/customers?sort=name&pageSize=100'));
    const at = (n: string) => all.indexOf(n);
    expect(at('厦门海沧贸易有限公司')).toBeLessThan(at('曾氏贸易有限公司'));
    expect(at('曾氏贸易有限公司')).toBeLessThan(at('张三丰餐饮管理有限公司'));
    // A company's name is read as its words give it: 曾经 ceng, 单县 dan.
    const order = ['北京华远科技有限公司', '曾经辉煌文化传媒有限公司', '长沙岳麓机械有限公司', '重慶長江實業有限公司', '单县单氏物流有限公司', '广州南方贸易有限公司'];
    expect(all.filter((n: string) => order.includes(n))).toEqual(order);
  });
});
