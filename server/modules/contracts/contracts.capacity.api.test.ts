import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, TestClock, type Client, type TestContext } from '../../../test/harness';

// The rest of docs/regulations.md §13: the size line above which a booking needs a contract, the capacity check
// before signing, where the original is filed, and the A4 summary with its approval trail.
let ctx: TestContext;
type U = { id: number; client: Client };
let director: U, manager: U, specA: U;
let customerA: number;
let customerB: number;

async function draft(who: U, body: Record<string, unknown>) {
  const res = await who.client.post('/api/contracts', { customerId: customerA, title: '团队住宿协议', startDate: '2027-03-01', endDate: '2027-03-03', signerId: specA.id, amount: 20000, ...body });
  if (res.statusCode !== 201) throw new Error(`draft failed: ${res.statusCode} ${res.body}`);
  return json(res);
}
const sign = async (who: U, c: { id: number; version: number }) => json(await who.client.post(`/api/contracts/${c.id}/sign`, { version: c.version }));
const queue = async (who: U) => json(await who.client.get('/api/approvals/queue')).items as { id: number; documentType: string; documentId: number; version?: number }[];

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-12-12T02:00:00Z')) });
  const teamA = await createTeam(ctx, '会务组', 1);
  director = await createUser(ctx, { username: 'zong.jian', displayName: '周总监', roles: ['director'], departmentId: 1 });
  manager = await createUser(ctx, { username: 'jing.li', displayName: '吴经理', roles: ['manager'], departmentId: 1 });
  specA = await createUser(ctx, { username: 'zhuan.yuan.a', displayName: '王专员', roles: ['specialist'], teamId: teamA });
  customerA = json(await specA.client.post('/api/customers', { name: '杭州西湖旅行社有限公司' })).id;
  customerB = json(await specA.client.post('/api/customers', { name: '宁波港湾会展有限公司' })).id;
});
afterAll(() => ctx.close());

describe('the size line: groups of 30 or more need a contract (docs/regulations.md §13)', () => {
  const booking = (body: Record<string, unknown>) => specA.client.post('/api/contract-bookings', { customerId: customerA, businessType: 'hotel_group', day: '2027-03-01', resource: '客房', ...body });

  it('refuses a group of 30 without a contract, naming contractId, and records a group of 29', async () => {
    const refused = await booking({ quantity: 30 });
    expect(refused.statusCode).toBe(422);
    expect(json(refused).error.fields).toEqual([expect.objectContaining({ field: 'contractId', message: expect.stringContaining('30人') })]);
    // A draft contract does not count: the line cannot be skipped by naming an unsigned one.
    const unsigned = await draft(specA, {});
    const withDraft = await booking({ quantity: 30, contractId: unsigned.id });
    expect(withDraft.statusCode).toBe(422);
    expect(json(withDraft).error.fields[0].field).toBe('contractId');
    const small = await booking({ quantity: 29 });
    expect(small.statusCode).toBe(201);
    expect(json(small)).toMatchObject({ quantity: 29, contractId: null });
  });

  it('records the group once it names an effective contract of the same customer, not another customer’s', async () => {
    const c = await sign(specA, await draft(specA, { title: '春季团队住宿' }));
    expect(c.status).toBe('effective');
    const ok = await booking({ quantity: 45, contractId: c.id });
    expect(ok.statusCode).toBe(201);
    expect(json(ok)).toMatchObject({ quantity: 45, contractId: c.id, contractNo: c.contractNo });
    const other = await specA.client.post('/api/contract-bookings', { customerId: customerB, businessType: 'hotel_group', day: '2027-03-01', quantity: 45, contractId: c.id });
    expect(other.statusCode).toBe(422);
    const listed = json(await specA.client.get(`/api/customers/${customerA}/contract-bookings`)).items as { quantity: number }[];
    expect(listed.map((b) => b.quantity).sort()).toEqual([29, 45]);
  });

  it('follows the setting: with the hotel line raised to 50 a group of 45 needs no contract', async () => {
    expect((await ctx.admin.put('/api/settings/contracts.sizeLine.hotel_group', { value: 50, version: 0 })).statusCode).toBe(200);
    expect((await booking({ quantity: 45 })).statusCode).toBe(201);
    expect((await booking({ quantity: 50 })).statusCode).toBe(422);
    expect((await ctx.admin.put('/api/settings/contracts.sizeLine.hotel_group', { value: 30, version: 1 })).statusCode).toBe(200);
  });
});

describe('capacity before signing (docs/regulations.md §13)', () => {
  it('warns over the capacity of a day and sends the contract to the manager instead of taking effect', async () => {
    const set = await manager.client.put('/api/contract-capacities', { resource: '会议厅', day: null, capacity: 100 });
    expect(set.statusCode).toBe(200);
    expect((await manager.client.put('/api/contract-capacities', { resource: '会议厅', day: '2027-04-02', capacity: 60 })).statusCode).toBe(200);
    // The specialist may not change capacities.
    expect((await specA.client.put('/api/contract-capacities', { resource: '会议厅', day: null, capacity: 1000 })).statusCode).toBe(403);

    const first = await sign(specA, await draft(specA, { title: '四月年会一', resource: '会议厅', quantity: 40, businessType: 'hotel_group', startDate: '2027-04-01', endDate: '2027-04-02' }));
    expect(first).toMatchObject({ status: 'effective', overCapacity: false });

    const second = await draft(specA, { title: '四月年会二', resource: '会议厅', quantity: 30, businessType: 'hotel_group', startDate: '2027-04-02', endDate: '2027-04-03' });
    // 40 booked + 30 > 60 on 2027-04-02: shown before signing.
    expect(second.capacity).toEqual({ overCapacity: true, day: '2027-04-02', capacity: 60, booked: 40 });
    const signed = await sign(specA, second);
    expect(signed).toMatchObject({ status: 'pending', overCapacity: true, exceedsLimit: false });
    const waiting = (await queue(manager)).find((i) => i.documentType === 'contract' && i.documentId === second.id);
    expect(waiting).toBeDefined();
    expect((await queue(director)).some((i) => i.documentType === 'contract' && i.documentId === second.id)).toBe(false);

    const approved = await manager.client.post(`/api/approvals/${waiting!.id}/actions`, { action: 'approve', comment: '加开分会场', version: waiting!.version });
    expect(approved.statusCode).toBe(200);
    expect(json(await specA.client.get(`/api/contracts/${second.id}`)).status).toBe('effective');
  });

  it('takes effect at once when the quantity fits the capacity', async () => {
    const c = await sign(specA, await draft(specA, { title: '五月小型会议', resource: '会议厅', quantity: 60, startDate: '2027-05-01', endDate: '2027-05-01' }));
    expect(c).toMatchObject({ status: 'effective', overCapacity: false });
  });

  it('refuses a quantity without the resource it books (422 naming resource)', async () => {
    const res = await specA.client.post('/api/contracts', { customerId: customerA, title: '无资源', startDate: '2027-03-01', endDate: '2027-03-03', signerId: specA.id, amount: 100, quantity: 10 });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0].field).toBe('resource');
  });
});

describe('the original’s filing location and the A4 summary', () => {
  it('records where the signed original is filed, after signing too', async () => {
    const c = await sign(specA, await draft(specA, { title: '归档测试' }));
    const res = await specA.client.put(`/api/contracts/${c.id}/filing`, { filingLocation: '档案室 A-03 柜 2 层', version: c.version });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ status: 'effective', filingLocation: '档案室 A-03 柜 2 层' });
    expect((await specA.client.put(`/api/contracts/${c.id}/filing`, { filingLocation: '别处', version: c.version })).statusCode).toBe(409);
  });

  it('prints the contract summary with its approval trail: who decided, when and what they wrote', async () => {
    const big = await draft(specA, { title: '全年团队协议', amount: 90000 });
    const signed = await sign(specA, big);
    expect(signed.status).toBe('pending');
    const waiting = (await queue(director)).find((i) => i.documentType === 'contract' && i.documentId === big.id)!;
    expect((await director.client.post(`/api/approvals/${waiting.id}/actions`, { action: 'approve', comment: '同意签订', version: waiting.version })).statusCode).toBe(200);
    const print = json(await specA.client.get(`/api/contracts/${big.id}/print`));
    expect(print.contract).toMatchObject({ id: big.id, status: 'effective', amount: 90000 });
    expect(print.approval.history.map((h: { action: string; actorName: string }) => [h.action, h.actorName])).toEqual([
      ['submit', '王专员'],
      ['approve', '周总监'],
    ]);
    expect(print.approval.history[1].comment).toBe('同意签订');
    // Outside the contract's scope the print is 404 like the contract.
    const other = await createUser(ctx, { username: 'wai.ren', displayName: '外组专员', roles: ['specialist'], departmentId: 2 });
    expect((await other.client.get(`/api/contracts/${big.id}/print`)).statusCode).toBe(404);
  });
});
