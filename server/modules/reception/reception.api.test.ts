import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, TestClock, type Client, type TestContext } from '../../../test/harness';

// Reception, tours and banquets (docs/regulations.md §9) on SQLite and PostgreSQL.
let ctx: TestContext;
type U = { id: number; client: Client };
let specA: U, specB: U, supA: U, supB: U, manager: U, gm: U, director: U;
let customerA: number;
let customerB: number;

// Friday 2026-12-11 10:00 in Shanghai: 3 working days later is Wednesday the 16th, 3 calendar days Monday the 14th.
const FRIDAY = '2026-12-11T02:00:00Z';

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date(FRIDAY)) });
  const teamA = await createTeam(ctx, '接待一组', 1);
  const teamB = await createTeam(ctx, '接待二组', 1);
  specA = await createUser(ctx, { username: 'jie.dai.a', displayName: '王专员', roles: ['specialist'], teamId: teamA });
  specB = await createUser(ctx, { username: 'jie.dai.b', displayName: '冯专员', roles: ['specialist'], teamId: teamB });
  supA = await createUser(ctx, { username: 'zhu.guan.a', displayName: '李主管', roles: ['supervisor'], teamId: teamA });
  supB = await createUser(ctx, { username: 'zhu.guan.b', displayName: '赵主管', roles: ['supervisor'], teamId: teamB });
  manager = await createUser(ctx, { username: 'jing.li', displayName: '周经理', roles: ['manager'], departmentId: 1 });
  gm = await createUser(ctx, { username: 'zong.jing.li', displayName: '钱总', roles: ['manager'], departmentId: 1 });
  director = await createUser(ctx, { username: 'zong.jian', displayName: '孙总监', roles: ['director'], departmentId: 1 });
  customerA = json(await specA.client.post('/api/customers', { name: '北京华宇科技有限公司' })).id;
  customerB = json(await specB.client.post('/api/customers', { name: '上海东方航运有限公司' })).id;
  // The administrator names the general manager (the 总经理 approval group is seeded empty).
  const groups = json(await ctx.admin.get('/api/approval-groups')).items as { id: number; key: string; version: number }[];
  const g = groups.find((x) => x.key === 'general_manager')!;
  expect((await ctx.admin.put(`/api/approval-groups/${g.id}`, { memberIds: [gm.id], version: g.version })).statusCode).toBe(200);
});
afterAll(() => ctx.close());

const fields = (res: { json(): unknown }) => (res.json() as { error: { fields: { field: string; message: string }[] } }).error.fields;

async function act(who: U, type: string, id: number, action: string, comment?: string) {
  const req = json(await who.client.get(`/api/approvals?documentType=${type}&documentId=${id}`)).request;
  const res = await who.client.post(`/api/approvals/${req.id}/actions`, { action, comment, version: req.version });
  if (res.statusCode !== 200) throw new Error(`${action} failed: ${res.statusCode} ${res.body}`);
  return json(res);
}

const tour = (over: Record<string, unknown> = {}) => ({
  customerId: customerA,
  tourType: 'key',
  visitorsCount: 6,
  date: '2026-12-15',
  time: '09:30',
  content: '参观生产线与质检中心',
  scope: '一号车间、质检中心',
  route: '大门 → 展厅 → 一号车间 → 质检中心 → 会议室',
  contactName: '张总一行',
  ...over,
});

describe('visitor log 客户来访登记表 (docs/regulations.md §9)', () => {
  it("masks a visitor's ID number in the list and logs its reveal in the audit trail", async () => {
    const created = await specA.client.post('/api/reception/visits', {
      visitorName: '张伟',
      customerId: customerA,
      phone: '13812345678',
      idNumber: '110101199003071234',
      arrivedAt: '2026-12-11T09:30:00+08:00',
    });
    expect(created.statusCode).toBe(201);
    const v = json(created);
    expect(v).toMatchObject({ idNumber: '110101********1234', phone: '138****5678', organisation: '北京华宇科技有限公司', receiverId: specA.id });
    const list = json(await supA.client.get('/api/reception/visits'));
    const row = list.items.find((x: { id: number }) => x.id === v.id);
    expect(row.idNumber).toBe('110101********1234');
    expect(JSON.stringify(list)).not.toContain('110101199003071234');
    // a specialist may not reveal; the supervisor may, and it is logged
    expect((await specA.client.post(`/api/reception/visits/${v.id}/reveal`, { field: 'idNumber' })).statusCode).toBe(403);
    const revealed = await supA.client.post(`/api/reception/visits/${v.id}/reveal`, { field: 'idNumber' });
    expect(json(revealed)).toEqual({ value: '110101199003071234' });
    const audit = json(await ctx.admin.get(`/api/audit?entityType=reception_visit&entityId=${v.id}&action=reveal`)).items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: supA.id, summary: 'idNumber' });
    // the export is masked too
    const xlsx = await supA.client.get('/api/reception/visits/export');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.includes(Buffer.from('110101199003071234'))).toBe(false);
  });

  it('asks for a customer or the organisation, and takes free text without a customer', async () => {
    const none = await specA.client.post('/api/reception/visits', { visitorName: '刘洋' });
    expect(none.statusCode).toBe(422);
    expect(fields(none).map((f) => f.field)).toEqual(['organisation']);
    const free = json(await specA.client.post('/api/reception/visits', { visitorName: '刘洋', organisation: '天津港务集团' }));
    expect(free).toMatchObject({ customerId: null, organisation: '天津港务集团' });
    // another team's customer is not offered
    const other = await specA.client.post('/api/reception/visits', { visitorName: '刘洋', customerId: customerB });
    expect(fields(other).map((f) => f.field)).toEqual(['customerId']);
  });
});

describe('reception records 客户接待记录表', () => {
  it('refuses the outcome 无法解决 without a reason (422 naming reason)', async () => {
    const res = await specA.client.post('/api/reception/records', { customerId: customerA, visitorName: '张伟', purpose: '咨询售后', outcome: 'unresolved' });
    expect(res.statusCode).toBe(422);
    expect(fields(res).map((f) => f.field)).toEqual(['reason']);
    const ok = await specA.client.post('/api/reception/records', { customerId: customerA, visitorName: '张伟', purpose: '咨询售后', outcome: 'unresolved', reason: '超出合同范围' });
    expect(ok.statusCode).toBe(201);
  });

  it('gives the receiver a task due in 3 working days for 承诺在 3 天内解决', async () => {
      const r = json(
        await specA.client.post('/api/reception/records', { customerId: customerA, visitorName: '张伟', purpose: '反映发货延迟', requests: '本周内补发', outcome: 'promised', promiseDays: 3 }),
      );
      expect(r.taskDue).toBe('2026-12-16');
      const task = json(await specA.client.get(`/api/tasks/${r.taskId}`));
      expect(task).toMatchObject({ assigneeId: specA.id, dueDate: '2026-12-16' });
      // calendar days when the company counts them so
      expect((await ctx.admin.put('/api/settings/reception.promiseDayKind', { value: 'calendar', version: 0 })).statusCode).toBe(200);
      const c = json(await specA.client.post('/api/reception/records', { customerId: customerA, visitorName: '张伟', purpose: '反映发货延迟', outcome: 'promised', promiseDays: 3 }));
      expect(c.taskDue).toBe('2026-12-14');
      expect((await ctx.admin.put('/api/settings/reception.promiseDayKind', { value: 'working', version: 1 })).statusCode).toBe(200);
  });

  it("hides another team's reception record (404)", async () => {
    const r = json(await specB.client.post('/api/reception/records', { customerId: customerB, visitorName: '陈静', purpose: '商谈续约', outcome: 'sales' }));
    expect((await specA.client.get(`/api/reception/records/${r.id}`)).statusCode).toBe(404);
    expect((await supA.client.get(`/api/reception/records/${r.id}`)).statusCode).toBe(404);
    expect((await supB.client.get(`/api/reception/records/${r.id}`)).statusCode).toBe(200);
    const mine = json(await supA.client.get('/api/reception/records?pageSize=100')).items.map((x: { id: number }) => x.id);
    expect(mine).not.toContain(r.id);
    expect((await manager.client.get(`/api/reception/records/${r.id}`)).statusCode).toBe(200);
  });
});

describe('tours 参观', () => {
  it('refuses a tour for a key customer requested 2 days ahead, naming the date and the 3 days needed', async () => {
    const res = await specA.client.post('/api/reception/tours', tour({ date: '2026-12-13', time: '10:00' }));
    expect(res.statusCode).toBe(422);
    const f = fields(res);
    expect(f.map((x) => x.field)).toEqual(['date']);
    expect(f[0]!.message).toContain('3 天');
    expect(f[0]!.message).toContain('2026-12-13');
    // an ordinary customer needs only one day
    expect((await specA.client.post('/api/reception/tours', tour({ tourType: 'ordinary', date: '2026-12-13', time: '10:00' }))).statusCode).toBe(201);
  });

  it('gives an approved tour a permit number, and an unapproved one cannot start', async () => {
    const t = json(await specA.client.post('/api/reception/tours', tour({ photographyRequested: true })));
    expect(t).toMatchObject({ status: 'pending', permitNo: null, photographyRequested: true, photographyAllowed: false });
    expect(t.hospitality).toEqual({ managerAccompanies: true, refreshments: true, tea: true });
    const early = await specA.client.post(`/api/reception/tours/${t.id}/start`, { version: t.version });
    expect(early.statusCode).toBe(409);
    await act(manager, 'reception_tour', t.id, 'approve');
    expect(json(await specA.client.get(`/api/reception/tours/${t.id}`))).toMatchObject({ status: 'pending', permitNo: null });
    // the manager is not the general manager: the second step is the GM's
    await act(gm, 'reception_tour', t.id, 'approve');
    const approved = json(await specA.client.get(`/api/reception/tours/${t.id}`));
    expect(approved).toMatchObject({ status: 'approved', photographyAllowed: true, photographyConsentedByName: '钱总' });
    expect(approved.permitNo).toMatch(/^CG2026-\d{4}$/);
    const started = await specA.client.post(`/api/reception/tours/${t.id}/start`, { version: approved.version });
    expect(started.statusCode).toBe(200);
    expect(json(started).status).toBe('in_progress');
    const letter = json(await specA.client.get(`/api/reception/tours/${t.id}/thank-you`));
    expect(letter.text).toContain('北京华宇科技有限公司');
    expect(letter.text).toContain('2026-12-15');
  });

  it('serves tea to a group only when the meeting room fits it', async () => {
    const small = json(await specA.client.post('/api/reception/tours', tour({ tourType: 'group', visitorsCount: 12 })));
    const big = json(await specA.client.post('/api/reception/tours', tour({ tourType: 'group', visitorsCount: 40 })));
    expect(small.hospitality).toEqual({ managerAccompanies: false, refreshments: false, tea: true });
    expect(big.hospitality.tea).toBe(false);
  });
});

describe('banquets 宴请', () => {
  it('needs the director before it is held, and records an emergency banquet as such with its approval following', async () => {
    const b = json(await specA.client.post('/api/reception/banquets', { customerId: customerA, guests: '张总等', guestCount: 4, heldOn: '2026-12-14', place: '二楼中餐厅', budget: 3000, purpose: '答谢' }));
    expect(b).toMatchObject({ status: 'pending', emergency: false, heldAt: null, budget: 3000 });
    expect((await specA.client.post(`/api/reception/banquets/${b.id}/held`, { version: b.version })).statusCode).toBe(409);
    await act(director, 'reception_banquet', b.id, 'approve');
    const ok = json(await specA.client.get(`/api/reception/banquets/${b.id}`));
    expect(ok.status).toBe('approved');
    expect((await specA.client.post(`/api/reception/banquets/${b.id}/held`, { version: ok.version })).statusCode).toBe(200);

    const noReason = await specA.client.post('/api/reception/banquets', { customerId: customerA, guests: '李总', guestCount: 2, heldOn: '2026-12-11', place: '一楼', budget: 800, purpose: '临时来访', emergency: true });
    expect(fields(noReason).map((f) => f.field)).toEqual(['emergencyReason']);
    const e = json(
      await specA.client.post('/api/reception/banquets', { customerId: customerA, guests: '李总', guestCount: 2, heldOn: '2026-12-11', place: '一楼', budget: 800, purpose: '临时来访', emergency: true, emergencyReason: '客户临时到访，总监出差' }),
    );
    expect(e).toMatchObject({ emergency: true, status: 'pending', emergencyReason: '客户临时到访，总监出差' });
    expect(e.heldAt).not.toBeNull();
    await act(director, 'reception_banquet', e.id, 'approve');
    expect(json(await specA.client.get(`/api/reception/banquets/${e.id}`)).status).toBe('approved');
  });
});
