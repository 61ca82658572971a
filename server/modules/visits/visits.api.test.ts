import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, TestClock, type Client, type TestContext } from '../../../test/harness';
import type { VisitService } from './visits.service';

// Visits, the scored report, territories and routes (docs/regulations.md §8) on SQLite and PostgreSQL.
let ctx: TestContext;
type U = { id: number; client: Client };
let specA: U, specB: U, supervisorA: U, qa: U;
let customerA: number;
let customerB: number;
const NOW = '2026-12-07T02:00:00Z'; // 10:00 in Shanghai, a Monday

// A 1×1 PNG, as the signature pad's canvas sends it.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function upload(who: Client, url: string, body: Buffer) {
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream', cookie: [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  if (who.csrf) headers['x-csrf-token'] = who.csrf;
  return ctx.app.inject({ method: 'POST', url, payload: body, headers });
}

const settingVersions = new Map<string, number>();
async function setSetting(key: string, value: unknown) {
  const version = settingVersions.get(key) ?? 0;
  const res = await ctx.admin.put(`/api/settings/${key}`, { value, version });
  if (res.statusCode !== 200) throw new Error(`setting ${key}: ${res.statusCode} ${res.body}`);
  settingVersions.set(key, json(res).version);
}

async function visit(who: U, body: Record<string, unknown>) {
  const res = await who.client.post('/api/visits', { customerId: customerA, method: 'on_site', visitedAt: '2026-12-07T09:30:00+08:00', ...body });
  if (res.statusCode !== 201) throw new Error(`visit failed: ${res.statusCode} ${res.body}`);
  return json(res);
}

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date(NOW)) });
  const teamA = await createTeam(ctx, '大客户一组', 1);
  const teamB = await createTeam(ctx, '大客户二组', 2);
  specA = await createUser(ctx, { username: 'zhuan.yuan.a', displayName: '王专员', roles: ['specialist'], teamId: teamA });
  specB = await createUser(ctx, { username: 'zhuan.yuan.b', displayName: '冯专员', roles: ['specialist'], teamId: teamB });
  supervisorA = await createUser(ctx, { username: 'zhu.guan.a', displayName: '李主管', roles: ['supervisor'], teamId: teamA });
  qa = await createUser(ctx, { username: 'zhi.jian', displayName: '周质检', roles: ['qa'], departmentId: 1 });
  customerA = json(await specA.client.post('/api/customers', { name: '北京华宇科技有限公司', province: '北京市', city: '北京市', district: '朝阳区', address: '北京市朝阳区建国路 88 号' })).id;
  customerB = json(await specB.client.post('/api/customers', { name: '上海东方航运有限公司', province: '上海市', city: '上海市', district: '浦东新区' })).id;
});
afterAll(() => ctx.close());

describe('走访客户报告单 (docs/regulations.md §8)', () => {
  it('scores a report with 优良 / 良好 / 知名 as 90 / 85 / 70', async () => {
    const res = await specA.client.post('/api/visit-reports', {
      customerId: customerA,
      reportDate: '2026-12-07',
      quality: 'very_good',
      service: 'good',
      brand: 'known',
      suggestions: '希望缩短交货周期',
      contacts: [{ role: 'head', name: '赵总', position: '总经理', mobile: '13800138000' }],
      signedBy: '赵总',
    });
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({ scores: { quality: 90, service: 85, brand: 70, average: 81.7 }, customerAddress: '北京市朝阳区建国路 88 号', province: '北京市' });
  });

  it('averages per customer, province and month within the caller’s scope', async () => {
    await specA.client.post('/api/visit-reports', { customerId: customerA, reportDate: '2026-11-20', quality: 'excellent', service: 'excellent', brand: 'famous' });
    await specB.client.post('/api/visit-reports', { customerId: customerB, reportDate: '2026-12-01', quality: 'unacceptable', service: 'bad', brand: 'unknown' });
    const byCustomer = json(await specA.client.get('/api/visit-reports/averages?by=customer'));
    expect(byCustomer.rows).toEqual([{ key: String(customerA), label: '北京华宇科技有限公司', reports: 2, quality: 95, service: 92.5, brand: 80, average: 89.2 }]);
    const byProvince = json(await ctx.admin.get('/api/visit-reports/averages?by=province'));
    expect(byProvince.rows.map((r: { key: string; average: number }) => [r.key, r.average])).toEqual([
      ['北京市', 89.2],
      ['上海市', 36.7],
    ]);
    // quality assurance reads its department's customers only
    expect(json(await qa.client.get('/api/visit-reports/averages?by=province')).rows.map((r: { key: string }) => r.key)).toEqual(['北京市']);
    const byMonth = json(await ctx.admin.get('/api/visit-reports/averages?by=period&period=month'));
    expect(byMonth.rows.map((r: { key: string; reports: number }) => [r.key, r.reports])).toEqual([
      ['2026-11', 1],
      ['2026-12', 2],
    ]);
    expect(byMonth.overall.reports).toBe(3);
  });
});

describe('visit records and phone calls (docs/regulations.md §8)', () => {
  it('creates the follow-up task when a visit record has a next step and date', async () => {
    const v = await visit(specA, { contactName: '赵总', points: '明年采购计划', satisfaction: 'fairly_good', opinions: '希望增加培训', nextStep: '寄送培训方案', nextDate: '2026-12-14' });
    expect(v.followUpTaskId).toEqual(expect.any(Number));
    const task = json(await specA.client.get(`/api/tasks/${v.followUpTaskId}`));
    expect(task).toMatchObject({ assigneeId: specA.id, dueDate: '2026-12-14', status: 'open', source: 'visit', link: { type: 'visit', id: v.id } });
    expect(task.title).toContain('寄送培训方案');
    // a date without the step is refused, naming the step
    const res = await specA.client.post('/api/visits', { customerId: customerA, method: 'phone', visitedAt: NOW, nextDate: '2026-12-14' });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields.map((f: { field: string }) => f.field)).toEqual(['nextStep']);
    const none = await visit(specA, { points: '例行拜访' });
    expect(none.followUpTaskId).toBeNull();
  });

  it('links a visit only to a task assigned to the visitor (a maintenance plan task it carries out)', async () => {
    const own = json(await specA.client.post('/api/tasks', { title: '走访华宇，了解维护效果', assigneeId: specA.id, due: { date: '2026-12-10' } }));
    const other = json(await specB.client.post('/api/tasks', { title: '走访东方航运', assigneeId: specB.id, due: { date: '2026-12-10' } }));
    expect((await visit(specA, { maintenanceTaskId: own.id })).maintenanceTaskId).toBe(own.id);
    const res = await specA.client.post('/api/visits', { customerId: customerA, method: 'on_site', visitedAt: NOW, maintenanceTaskId: other.id });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0].field).toBe('maintenanceTaskId');
  });

  it('stores the check-in coordinates (WGS-84) and, when asked, keeps them as the customer’s location', async () => {
    const v = await visit(specA, { checkIn: { at: '2026-12-07T09:28:00+08:00', lat: 39.9087, lng: 116.4605, accuracyM: 12 }, saveLocation: true });
    expect(json(await specA.client.get(`/api/visits/${v.id}`)).checkIn).toEqual({ at: '2026-12-07T01:28:00.000Z', lat: 39.9087, lng: 116.4605, accuracyM: 12 });
    expect(json(await specA.client.get(`/api/customers/${customerA}/location`))).toMatchObject({ lat: 39.9087, lng: 116.4605, source: 'checkin' });
    // a phone call has no check-in
    const res = await specA.client.post('/api/visits', { customerId: customerA, kind: 'call', method: 'phone', visitedAt: NOW, checkIn: { at: NOW, lat: 39.9, lng: 116.4 } });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0].field).toBe('checkIn');
  });

  it("hides another team's visits (404) and leaves them out of the list", async () => {
    const other = json(await specB.client.post('/api/visits', { customerId: customerB, kind: 'call', method: 'phone', visitedAt: NOW, purpose: '回款提醒', points: '确认付款日期', result: '本周五付款' }));
    expect((await specA.client.get(`/api/visits/${other.id}`)).statusCode).toBe(404);
    expect((await specA.client.post(`/api/visits/${other.id}/task`, { title: 'x', dueDate: '2026-12-10' })).statusCode).toBe(404);
    expect(json(await specA.client.get('/api/visits?pageSize=100')).items.map((v: { customerId: number }) => v.customerId)).not.toContain(customerB);
    // recording a visit for a customer outside one's scope is refused, naming the field
    const res = await specA.client.post('/api/visits', { customerId: customerB, method: 'phone', visitedAt: NOW });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0].field).toBe('customerId');
    expect((await ctx.admin.get(`/api/visits/${other.id}`)).statusCode).toBe(200);
  });

  it('stores the signature and serves it back only within scope', async () => {
    const v = await visit(specA, { points: '签字确认' });
    expect(json(await upload(specA.client, `/api/visits/${v.id}/signature`, png)).hasSignature).toBe(true);
    const back = await specA.client.get(`/api/visits/${v.id}/signature`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.rawPayload.equals(png)).toBe(true);
    expect((await specB.client.get(`/api/visits/${v.id}/signature`)).statusCode).toBe(404);
    expect((await upload(specB.client, `/api/visits/${v.id}/signature`, png)).statusCode).toBe(404);
    // not an image: refused with 415 on the file
    const pdf = await upload(specA.client, `/api/visits/${v.id}/signature`, Buffer.from('%PDF-1.4\n%%EOF'));
    expect(pdf.statusCode).toBe(415);
    expect(json(pdf).error.fields[0].field).toBe('file');
    // the supervisor sees it and comments
    expect((await supervisorA.client.get(`/api/visits/${v.id}/signature`)).statusCode).toBe(200);
    const commented = json(await supervisorA.client.post(`/api/visits/${v.id}/comment`, { comment: '记录完整', version: v.version }));
    expect(commented).toMatchObject({ supervisorComment: '记录完整', supervisorCommentByName: '李主管' });
    expect((await specA.client.post(`/api/visits/${v.id}/comment`, { comment: '自评', version: commented.version })).statusCode).toBe(403);
  });

  it('turns a visit into a complaint in one step, prefilled, and only once', async () => {
    const v = await visit(specA, { contactName: '赵总', opinions: '上批货物包装破损三箱' });
    const res = await specA.client.post(`/api/visits/${v.id}/complaint`, { category: '产品质量', severity: 'general' });
    expect(res.statusCode).toBe(200);
    const complaintId = json(res).complaintId;
    const c = json(await specA.client.get(`/api/complaints/${complaintId}`));
    expect(c).toMatchObject({ channel: 'visit', customerId: customerA, complainantName: '赵总', content: '上批货物包装破损三箱' });
    expect((await specA.client.post(`/api/visits/${v.id}/complaint`, { category: '产品质量', severity: 'general' })).statusCode).toBe(409);
    const task = json(await specA.client.post(`/api/visits/${v.id}/task`, { title: '补发破损货物', dueDate: '2026-12-09' }));
    expect(json(await specA.client.get(`/api/tasks/${task.taskId}`))).toMatchObject({ title: '补发破损货物', assigneeId: specA.id, dueDate: '2026-12-09' });
  });

  it("gives a person's daily visit report with counts by method", async () => {
    await specA.client.post('/api/visits', { customerId: customerA, kind: 'call', method: 'phone', visitedAt: '2026-12-07T08:00:00+08:00', purpose: '预约拜访', result: '约定周三' });
    const d = json(await specA.client.get('/api/visits/daily?date=2026-12-07'));
    expect(d.userId).toBe(specA.id);
    expect(d.byMethod.phone).toBe(1);
    expect(d.byMethod.on_site).toBe(d.total - 1);
    expect(d.items[0].kind).toBe('call'); // in time order
    const services = ctx.services as unknown as { visits: VisitService };
    const last = await services.visits.lastContactDates([customerA, customerB, 999999]);
    expect(last.get(customerA)).toBe('2026-12-07T01:30:00.000Z');
    expect(last.has(999999)).toBe(false);
  });
});

describe('territories and day routes (docs/regulations.md §8)', () => {
  it('lists the customers of a territory by region and marks an invalid one for removal', async () => {
    const t = json(await supervisorA.client.post('/api/territories', { name: '北京东区', ownerId: specA.id, regions: [{ province: '北京市', city: '北京市', district: '朝阳区' }] }));
    expect((await specA.client.post('/api/territories', { name: 'x', ownerId: specA.id, regions: [{ province: '北京市' }] })).statusCode).toBe(403);
    const list = json(await supervisorA.client.get(`/api/territories/${t.id}/customers`));
    expect(list.items.map((c: { id: number }) => c.id)).toEqual([customerA]);
    expect(list.byGrade).toEqual([{ grade: list.items[0].grade, count: 1 }]);
    expect((await supervisorA.client.post(`/api/territories/${t.id}/removals`, { customerId: customerA, reason: '已停业' })).statusCode).toBe(204);
    expect(json(await supervisorA.client.get(`/api/territories/${t.id}/customers`)).items[0].removal.reason).toBe('已停业');
    const res = await ctx.admin.post(`/api/territories/${t.id}/removals`, { customerId: customerB, reason: '不在区域' });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0].field).toBe('customerId');
  });

  it('orders a day route from the start with leg and total distances, and falls back to straight lines when OSRM does not answer', async () => {
    const names = ['国贸', '三里屯', '望京', '798', '双井'];
    const coords = [
      [39.9087, 116.4605],
      [39.9334, 116.4536],
      [39.9966, 116.4705],
      [39.9841, 116.4952],
      [39.8935, 116.4617],
    ];
    const ids: number[] = [];
    for (const [i, n] of names.entries()) {
      const id = json(await specA.client.post('/api/customers', { name: `北京${n}贸易有限公司` })).id;
      expect((await specA.client.put(`/api/customers/${id}/location`, { lat: coords[i][0], lng: coords[i][1] })).statusCode).toBe(200);
      ids.push(id);
    }
    const noCoords = json(await specA.client.post('/api/customers', { name: '北京无坐标商贸有限公司' })).id;
    const start = { lat: 39.9042, lng: 116.4074 };
    const r = json(await specA.client.post('/api/visit-routes', { start, customerIds: [ids[2], ids[4], ids[0], noCoords, ids[3], ids[1]] }));
    expect(r.distance).toBe('straight');
    expect(r.stops.map((s: { customerId: number }) => s.customerId)).toEqual([ids[4], ids[0], ids[1], ids[3], ids[2]]); // 双井 国贸 三里屯 798 望京
    expect(r.unlocated).toEqual([{ customerId: noCoords, name: '北京无坐标商贸有限公司' }]);
    expect(r.totalM).toBeLessThanOrEqual(r.inputOrderM);
    expect(r.stops.at(-1).cumulativeM).toBe(r.totalM);
    expect(r.mapTiles).toBeNull();
    // another team's customer is not planned
    const refused = await specA.client.post('/api/visit-routes', { start, customerIds: [ids[0], customerB] });
    expect(refused.statusCode).toBe(422);
    expect(json(refused).error.fields[0].field).toBe('customerIds.1');
    // without a start the default start of the settings is used; with neither, the start is asked for
    const noStart = await specA.client.post('/api/visit-routes', { customerIds: ids });
    expect(noStart.statusCode).toBe(422);
    expect(json(noStart).error.fields[0].field).toBe('start');
    await setSetting('visits.routeStart', '39.9042,116.4074');
    expect(json(await specA.client.post('/api/visit-routes', { customerIds: ids })).totalM).toBe(r.totalM);
    await setSetting('visits.osrmUrl', 'http://127.0.0.1:9');
    const fallback = json(await specA.client.post('/api/visit-routes', { start, customerIds: ids }));
    expect(fallback.distance).toBe('straight');
    expect(fallback.warning).toContain('直线距离');
    expect(fallback.totalM).toBe(r.totalM);
    await setSetting('visits.osrmUrl', '');
  });
});
