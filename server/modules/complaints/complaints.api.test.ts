import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, TestClock, USER_PASSWORD, createTeam, createTestContext, createUser, json, login, type TestContext } from '../../../test/harness';

/**
 * Complaints 投诉 (issue 5 §1–7, docs/regulations.md §10, seed 004 第十一条): intake by staff and by the customer on the
 * public page, deadlines in Chinese working days (2026 国庆 and its 调休 Saturday), the supervising leader's
 * approval of the opinion before the customer is told, extensions never beyond 7 working days, the
 * 经理办公会 for serious complaints, breaches and escalation, rectification notices, analysis and KPIs.
 */
let ctx: TestContext;
type U = { id: number; client: Client };
let supervisor: U; // 周主管, supervises team A
let handler: U; // 吴专员, team A
let outsider: U; // 郑专员, team B
let manager: U; // 冯经理
let agent: U; // 座席员
let customerId: number;

// Friday 2026-10-09, 12:00 in Shanghai: the day before the 调休 working Saturday 10/10 after 国庆.
const clock = new TestClock(new Date('2026-10-09T04:00:00.000Z'));

const BASE = {
  channel: 'hotline',
  complainantName: '刘女士',
  complainantPhone: '13912345678',
  content: '送货延误三天，且送货员态度恶劣，要求给出说法。',
  category: '配送交付',
};

async function file(c: Client, body: Record<string, unknown>) {
  const res = await c.post('/api/complaints', { ...BASE, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return json(res);
}
const detail = async (id: number, c: Client = handler.client) => json(await c.get(`/api/complaints/${id}`));
async function ok(res: { statusCode: number; body: string }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return JSON.parse(res.body);
}
async function decide(c: Client, documentType: string, documentId: number, action = 'approve', comment?: string) {
  const req = json(await c.get(`/api/approvals?documentType=${documentType}&documentId=${documentId}`)).request;
  return ok(await c.post(`/api/approvals/${req.id}/actions`, { action, comment, version: req.version }));
}
/** Drives a complaint to 已答复: first contact, opinion, the supervisor's approval, customer told. */
async function handleToTold(id: number) {
  let d = await detail(id);
  d = await ok(await handler.client.post(`/api/complaints/${id}/contact`, { note: '已电话联系客户，了解情况', version: d.version }));
  d = await ok(await handler.client.post(`/api/complaints/${id}/opinion`, { content: '向客户致歉，补偿运费，并对送货员批评教育。' }));
  expect(d.status).toBe('opinion_pending');
  await decide(supervisor.client, 'complaint_opinion', d.currentOpinionId);
  d = await detail(id);
  expect(d.status).toBe('opinion_approved');
  return ok(await handler.client.post(`/api/complaints/${id}/tell`, { method: 'phone', note: '客户表示接受', version: d.version }));
}
const publicPost = (url: string, body: object, ip = '203.0.113.7', headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url, payload: body, remoteAddress: ip, headers });

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  // The test moves the clock by days: sessions may live that long here.
  await ctx.admin.put('/api/settings/security.sessionAbsoluteHours', { value: 720, version: 0 });
  await ctx.admin.put('/api/settings/security.sessionIdleMinutes', { value: 1440, version: 0 });
  const teamA = await createTeam(ctx, '投诉处理组', 1);
  const teamB = await createTeam(ctx, '售后服务组', 1);
  supervisor = await createUser(ctx, { username: 'ts.zhuguan', displayName: '周主管', roles: ['supervisor'], teamId: teamA, departmentId: 1 });
  handler = await createUser(ctx, { username: 'ts.zhuanyuan', displayName: '吴专员', roles: ['specialist'], teamId: teamA, departmentId: 1 });
  outsider = await createUser(ctx, { username: 'sh.zhuanyuan', displayName: '郑专员', roles: ['specialist'], teamId: teamB, departmentId: 1 });
  manager = await createUser(ctx, { username: 'kf.jingli', displayName: '冯经理', roles: ['manager'], departmentId: 1 });
  agent = await createUser(ctx, { username: 'hj.zuoxi', displayName: '王座席', roles: ['agent'], departmentId: 1 });
  const team = json(await ctx.admin.get(`/api/teams/${teamA}`));
  expect((await ctx.admin.put(`/api/teams/${teamA}`, { supervisorId: supervisor.id, version: team.version })).statusCode).toBe(200);
  customerId = json(await handler.client.post('/api/customers', { name: '北京华远科技有限公司' })).id;
});
afterAll(() => ctx.close());

describe('deadlines in Chinese working days (docs/regulations.md §10, 2026 official calendar)', () => {
  it('gives a general complaint received on the last working day before 国庆 2026 until the first working day after it', async () => {
    const c = await file(handler.client, { receivedAt: '2026-09-30T02:00:00.000Z', severity: 'general', customerId, handlerId: handler.id });
    expect(c.complaintNo).toMatch(/^TS2026-\d{6}$/);
    expect(c.receivedDate).toBe('2026-09-30');
    expect(c.firstContact.dueDate).toBe('2026-10-08');
    expect(c.resolution.dueDate).toBe('2026-10-08');
    // Shown as a date and as time left: by now (10/9) it is overdue.
    expect(c.resolution).toMatchObject({ deadlineAt: '2026-10-08T16:00:00.000Z', overdue: true, met: false });
  });

  it('counts the 调休 working Saturday for a major complaint received on a Friday', async () => {
    const c = await file(handler.client, { severity: 'major', customerId, handlerId: handler.id });
    expect(c.receivedDate).toBe('2026-10-09');
    // Sat 10/10 is a make-up working day: contact by then; 3 working days = 10/10, 10/12, 10/13.
    expect(c.firstContact.dueDate).toBe('2026-10-10');
    expect(c.resolution.dueDate).toBe('2026-10-13');
    expect(c.resolution.overdue).toBe(false);
    expect(c.resolution.msLeft).toBe(Date.parse('2026-10-13T16:00:00.000Z') - Date.parse('2026-10-09T04:00:00.000Z'));
  });
});

describe('extensions (§10: with the leaders’ approval, never beyond 7 working days in all)', () => {
  let id: number;
  beforeAll(async () => {
    id = (await file(handler.client, { severity: 'major', handlerId: handler.id, content: '发票金额与合同不符，多收了服务费。', category: '费用账单' })).id;
  });

  it('refuses an extension beyond 7 working days with 422 naming the field, and changes nothing', async () => {
    const res = await handler.client.post(`/api/complaints/${id}/extensions`, { days: 5, reason: '需要厂家到场检测' });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields.map((f: any) => f.field)).toEqual(['days']);
    const d = await detail(id);
    expect(d.extensions).toEqual([]);
    expect(d.resolution.dueDate).toBe('2026-10-13');
  });

  it('moves the deadline once the manager approves, and refuses what would go past 7 in total', async () => {
    const d = await ok(await handler.client.post(`/api/complaints/${id}/extensions`, { days: 4, reason: '需要厂家到场检测' }));
    expect(d.extensions).toMatchObject([{ days: 4, status: 'pending', dueBefore: '2026-10-13' }]);
    // One request at a time.
    expect((await handler.client.post(`/api/complaints/${id}/extensions`, { days: 1, reason: '再延一天' })).statusCode).toBe(409);
    await decide(manager.client, 'complaint_extension', d.extensions[0].id);
    const after = await detail(id);
    // 7 working days from Fri 10/9: 10/10, 12, 13, 14, 15, 16, 19.
    expect(after.resolution.dueDate).toBe('2026-10-19');
    expect(after.extensions[0]).toMatchObject({ status: 'approved', dueAfter: '2026-10-19' });
    expect(after.extensionDaysLeft).toBe(0);
    const again = await handler.client.post(`/api/complaints/${id}/extensions`, { days: 1, reason: '再延一天' });
    expect(again.statusCode).toBe(422);
    expect(json(again).error.fields[0].field).toBe('days');
  });
});

describe('handling: opinion approved by the supervising leader before the customer is told (§10, §18)', () => {
  let id: number;
  beforeAll(async () => {
    id = (await file(agent.client, { severity: 'general', customerId: null, complainantName: '陈先生', handlerId: null, channel: 'phone' })).id;
  });

  it('lets a manager assign the complaint; the handler then sees it, another team’s specialist does not (404)', async () => {
    expect((await handler.client.get(`/api/complaints/${id}`)).statusCode).toBe(404);
    const d = await detail(id, manager.client);
    expect(d.handlerId).toBeNull();
    await ok(await manager.client.post(`/api/complaints/${id}/assign`, { handlerId: handler.id, version: d.version }));
    expect((await detail(id)).handlerName).toBe('吴专员');
    expect((await outsider.client.get(`/api/complaints/${id}`)).statusCode).toBe(404);
    expect((await outsider.client.post(`/api/complaints/${id}/notes`, { note: '试探' })).statusCode).toBe(404);
    expect(json(await outsider.client.get('/api/complaints')).total).toBe(0);
    // The supervisor sees the team's complaints.
    expect((await supervisor.client.get(`/api/complaints/${id}`)).statusCode).toBe(200);
  });

  it('refuses to tell the customer before the opinion is approved', async () => {
    const d = await detail(id);
    expect(d.can.tell).toBe(false);
    expect((await handler.client.post(`/api/complaints/${id}/tell`, { method: 'phone', version: d.version })).statusCode).toBe(409);
  });

  it('takes the opinion through the supervisor’s approval, a return included, then tells the customer', async () => {
    let d = await detail(id);
    d = await ok(await handler.client.post(`/api/complaints/${id}/contact`, { note: '已联系客户', version: d.version }));
    expect(d.status).toBe('processing');
    await ok(await handler.client.post(`/api/complaints/${id}/notes`, { note: '调取物流记录：司机未按约定时间送达。' }));
    d = await ok(await handler.client.post(`/api/complaints/${id}/opinion`, { content: '致歉并补偿。' }));
    await decide(supervisor.client, 'complaint_opinion', d.currentOpinionId, 'return', '补偿标准请写明');
    d = await detail(id);
    expect(d.status).toBe('processing');
    d = await ok(await handler.client.post(`/api/complaints/${id}/opinion`, { content: '致歉并补偿运费 50 元。' }));
    expect(d.opinions).toHaveLength(1);
    await decide(supervisor.client, 'complaint_opinion', d.currentOpinionId);
    d = await detail(id);
    expect(d.status).toBe('opinion_approved');
    d = await ok(await handler.client.post(`/api/complaints/${id}/tell`, { method: 'phone', note: '客户接受', version: d.version }));
    expect(d.status).toBe('told');
    expect(d.resolution.met).toBe(true);
    expect(d.events.map((e: any) => e.kind)).toEqual(expect.arrayContaining(['received', 'assigned', 'contacted', 'note', 'opinion.pending', 'opinion.returned', 'opinion.approved', 'told']));
  });

  it('refuses a confirmation without a rating, or with 0 stars, with the dialog’s own message and no validator text', async () => {
    const d = await detail(id);
    for (const body of [{ version: d.version }, { score: 0, version: d.version }, { score: null, version: d.version }]) {
      const res = await handler.client.post(`/api/complaints/${id}/confirm`, body);
      expect(res.statusCode).toBe(400);
      expect(json(res).error.fields).toEqual([{ field: 'score', message: '请选择客户对处理结果的满意度（1–5 星）' }]);
    }
    expect((await detail(id)).status).toBe('told');
  });

  it('records the customer’s satisfaction per customer and per handler and closes it', async () => {
    const d = await detail(id);
    const closed = await ok(await handler.client.post(`/api/complaints/${id}/confirm`, { score: 4, version: d.version }));
    expect(closed).toMatchObject({ status: 'closed', satisfactionScore: 4 });
    const rows = await (ctx.db.kysely as any).selectFrom('complaint_satisfaction').selectAll().where('complaint_id', '=', id).execute();
    expect(rows).toMatchObject([{ handler_id: handler.id, score: 4, via: 'staff', cycle: 1 }]);
  });

  it('reopens a complaint the customer is not satisfied with: history kept, a new cycle with a new deadline', async () => {
    const d = await detail(id);
    const r = await ok(await handler.client.post(`/api/complaints/${id}/reopen`, { reason: '客户反映补偿未到账', version: d.version }));
    expect(r).toMatchObject({ status: 'processing', cycle: 2, cycleStartDate: '2026-10-09', satisfactionScore: null });
    expect(r.resolution.dueDate).toBe('2026-10-10');
    expect(r.opinions).toHaveLength(1);
    expect(r.can.opinion).toBe(true);
    expect(r.events.filter((e: any) => e.kind === 'told')).toHaveLength(1);
  });
});

describe('serious complaints and the 经理办公会 (§10)', () => {
  it('cannot close a serious complaint without its meeting record (409), and can once it is recorded', async () => {
    const c = await file(handler.client, { severity: 'serious', customerId, handlerId: handler.id, content: '产品质量问题导致客户生产线停工，要求赔偿。', category: '产品质量' });
    // 5 working days (setting complaints.seriousResolutionWorkingDays): 10/10 (调休), 10/12, 13, 14, 15.
    expect(c.resolution.dueDate).toBe('2026-10-15');
    let d = await handleToTold(c.id);
    expect(d.meeting).toMatchObject({ status: 'open' });
    expect(d.can.confirm).toBe(false);
    const refused = await handler.client.post(`/api/complaints/${c.id}/confirm`, { score: 5, version: d.version });
    expect(refused.statusCode).toBe(409);
    expect(json(refused).error.fields[0].field).toBe('meeting');
    expect((await detail(c.id)).status).toBe('told');
    // Only holders of complaints.meeting record it.
    expect((await handler.client.put(`/api/complaints/${c.id}/meeting`, { meetingDate: '2026-10-09', attendees: '冯经理', decisions: '赔偿', version: d.meeting.version })).statusCode).toBe(403);
    d = await ok(await manager.client.put(`/api/complaints/${c.id}/meeting`, { meetingDate: '2026-10-09', attendees: '总经理、冯经理、质量部负责人', decisions: '全额赔偿停工损失，质量部一周内提交整改报告。', version: d.meeting.version }), 200);
    expect(d.meeting).toMatchObject({ status: 'decided', recordedByName: '冯经理' });
    const closed = await ok(await handler.client.post(`/api/complaints/${c.id}/confirm`, { score: 5, version: d.version }));
    expect(closed.status).toBe('closed');
  });
});

describe('rectification notices 问题整改通知单', () => {
  it('sends a notice to the department at fault with its own deadline; the recipient replies', async () => {
    const head = await createUser(ctx, { username: 'xs.fuzeren', displayName: '销售部李部长', roles: ['specialist'], departmentId: 2 });
    const dept = json(await ctx.admin.get('/api/departments/2'));
    expect((await ctx.admin.put('/api/departments/2', { headId: head.id, version: dept.version })).statusCode).toBe(200);
    const c = await file(handler.client, { severity: 'general', handlerId: handler.id, faultDepartmentId: 2 });
    const d = await ok(await handler.client.post(`/api/complaints/${c.id}/rectifications`, { requirement: '加强送货时效管理，三日内回复整改措施。' }));
    const notice = d.rectifications[0];
    expect(notice).toMatchObject({ departmentName: '销售部', recipientName: '销售部李部长', status: 'open', dueDate: '2026-10-15' });
    expect(notice.noticeNo).toBe(`${c.complaintNo}-ZG1`);
    // The recipient sees the notice though not the complaint.
    expect((await head.client.get(`/api/complaints/${c.id}`)).statusCode).toBe(404);
    const mine = json(await head.client.get('/api/complaint-rectifications?mine=true'));
    expect(mine.items.map((r: any) => r.id)).toEqual([notice.id]);
    expect(mine.items[0].canReply).toBe(true);
    expect((await outsider.client.get(`/api/complaint-rectifications/${notice.id}`)).statusCode).toBe(404);
    const replied = await ok(await head.client.post(`/api/complaint-rectifications/${notice.id}/reply`, { reply: '已调整排班，新增一名送货员。', version: notice.version }));
    expect(replied).toMatchObject({ status: 'replied', repliedByName: '销售部李部长' });
    expect((await head.client.post(`/api/complaint-rectifications/${notice.id}/reply`, { reply: '再答', version: replied.version })).statusCode).toBe(409);
  });
});

describe('reminders, breaches and escalation (issue 5 §5)', () => {
  it('schedules the handler’s reminder, the supervisor’s alert at the deadline and the managers’ a working day later', async () => {
    const c = await file(handler.client, { severity: 'major', handlerId: handler.id });
    const key = (stage: string) => `complaint:${c.id}:resolve:${stage}:zh-CN`;
    const remind = await ctx.services.reminders.get(key('remind'));
    const breach = await ctx.services.reminders.get(key('breach'));
    const escalate = await ctx.services.reminders.get(key('escalate'));
    expect(remind?.due_at).toBe('2026-10-13T01:00:00.000Z'); // 09:00 on the due day
    expect(JSON.parse(remind!.payload).userIds).toEqual([handler.id]);
    expect(breach?.due_at).toBe('2026-10-13T16:00:00.000Z');
    expect(JSON.parse(breach!.payload).userIds.sort()).toEqual([supervisor.id, handler.id].sort());
    expect(escalate?.due_at).toBe('2026-10-14T16:00:00.000Z');
    expect(JSON.parse(escalate!.payload).userIds).toEqual([manager.id]);
  });

  it('records every missed deadline once, for the KPIs', async () => {
    const first = await ctx.services.complaints.recordBreaches();
    expect(first).toBeGreaterThanOrEqual(2); // the general complaint of 9/30: first contact and resolution
    expect(await ctx.services.complaints.recordBreaches()).toBe(0);
    const late = json(await handler.client.get('/api/complaints?overdue=true'));
    const g = late.items.find((i: any) => i.receivedDate === '2026-09-30');
    const d = await detail(g.id);
    expect(d.breaches.map((b: any) => b.kind).sort()).toEqual(['first_contact', 'resolution']);
  });

  it('puts overdue and nearly due complaints on the handler’s to-do page, unassigned ones on the manager’s', async () => {
    const g = json(await handler.client.get('/api/complaints?receivedTo=2026-09-30')).items[0];
    const mine = json(await handler.client.get('/api/home/todo'));
    const item = mine.find((i: any) => i.link?.path === `/complaints/${g.id}`);
    expect(item).toMatchObject({ kind: 'complaint_overdue', overdue: true, dueDate: '2026-10-08' });
    const unassigned = await file(agent.client, { severity: 'general', handlerId: null });
    const theirs = json(await manager.client.get('/api/home/todo'));
    expect(theirs.some((i: any) => i.link?.path === `/complaints/${unassigned.id}`)).toBe(true);
  });
});

describe('the public page (no sign-in, issue 5 §1)', () => {
  const body = { name: '赵女士', phone: '13800138000', category: '服务态度', content: '营业厅工作人员态度冷淡，问题一直没有解决。' };

  it('files a complaint and shows its progress to the holder of the number and phone only', async () => {
    const res = await publicPost('/api/public/complaints', body, '198.51.100.1');
    expect(res.statusCode, res.body).toBe(201);
    const filed = json(res);
    expect(filed).toMatchObject({ status: 'received', category: '服务态度', canConfirm: false });
    expect(filed.complaintNo).toMatch(/^TS2026-\d{6}$/);
    const seen = await publicPost('/api/public/complaints/lookup', { number: filed.complaintNo.toLowerCase(), phone: '138 0013 8000' }, '198.51.100.1');
    expect(seen.statusCode).toBe(200);
    expect(json(seen).complaintNo).toBe(filed.complaintNo);
    // Wrong phone, or someone else's number: the same 404 as a number that does not exist.
    const wrongPhone = await publicPost('/api/public/complaints/lookup', { number: filed.complaintNo, phone: '13800138001' }, '198.51.100.1');
    const other = json(await handler.client.get('/api/complaints?pageSize=1&sort=receivedAt')).items[0].complaintNo;
    const othersNumber = await publicPost('/api/public/complaints/lookup', { number: other, phone: body.phone }, '198.51.100.1');
    const missing = await publicPost('/api/public/complaints/lookup', { number: 'TS2026-999999', phone: body.phone }, '198.51.100.1');
    for (const r of [wrongPhone, othersNumber, missing]) {
      expect(r.statusCode).toBe(404);
      expect(json(r).error.code).toBe('not_found');
    }
    expect(wrongPhone.body).toBe(missing.body);
    // Staff see it unassigned, the phone masked in the list.
    const listed = json(await manager.client.get(`/api/complaints?q=${filed.complaintNo}`)).items[0];
    expect(listed).toMatchObject({ viaPublic: true, channel: 'online', handlerId: null, complainantPhone: '138****8000' });
    // The detail masks it too; the audited reveal shows it to a handler, not to an agent (issue 16 §5).
    expect(json(await manager.client.get(`/api/complaints/${listed.id}`)).complainantPhone).toBe('138****8000');
    // The agent holds no reveal right (and does not see this unassigned complaint): refused either way.
    expect([403, 404]).toContain((await agent.client.post(`/api/complaints/${listed.id}/reveal`, { field: 'phone' })).statusCode);
    const shown = await manager.client.post(`/api/complaints/${listed.id}/reveal`, { field: 'phone' });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(json(shown).value).toBe(body.phone);
    const log = json(await manager.client.get(`/api/audit?entityType=complaint&entityId=${listed.id}`));
    expect(log.items.filter((e: any) => e.action === 'reveal' && e.summary === 'phone')).toHaveLength(1);
  });

  it('validates every field and refuses posts from another site', async () => {
    const bad = await publicPost('/api/public/complaints', { ...body, phone: '123', content: '短', extra: 1 }, '198.51.100.2');
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.fields.map((f: any) => f.field).sort()).toEqual(['content', 'extra', 'phone']);
    const category = await publicPost('/api/public/complaints', { ...body, category: '不存在的类别' }, '198.51.100.2');
    expect(category.statusCode).toBe(422);
    expect(json(category).error.fields[0].field).toBe('category');
    const cross = await publicPost('/api/public/complaints', body, '198.51.100.2', { origin: 'https://evil.example' });
    expect(cross.statusCode).toBe(403);
    expect(json(cross).error.code).toBe('csrf');
  });

  it('refuses floods with 429, per IP and per phone', async () => {
    await ctx.admin.put('/api/settings/complaints.publicPerIpPerHour', { value: 5, version: 0 });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await publicPost('/api/public/complaints/lookup', { number: 'TS2026-000001', phone: `1380000000${i}` }, '192.0.2.50')).statusCode);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
    await ctx.admin.put('/api/settings/complaints.publicPerPhonePerHour', { value: 3, version: 0 });
    const byPhone = [];
    for (let i = 0; i < 4; i++) byPhone.push((await publicPost('/api/public/complaints/lookup', { number: 'TS2026-000001', phone: '13700000000' }, `192.0.2.${100 + i}`)).statusCode);
    expect(byPhone).toEqual([404, 404, 404, 429]);
  });

  it('lets the customer confirm satisfaction once told, stored as the customer’s score', async () => {
    const filed = json(await publicPost('/api/public/complaints', { ...body, phone: '13600136000' }, '198.51.100.3'));
    const row = json(await manager.client.get(`/api/complaints?q=${filed.complaintNo}`)).items[0];
    await ok(await manager.client.post(`/api/complaints/${row.id}/assign`, { handlerId: handler.id, version: row.version }));
    await handleToTold(row.id);
    const told = json(await publicPost('/api/public/complaints/lookup', { number: filed.complaintNo, phone: '13600136000' }, '198.51.100.3'));
    expect(told).toMatchObject({ status: 'replied', canConfirm: true, result: '向客户致歉，补偿运费，并对送货员批评教育。' });
    const done = await publicPost('/api/public/complaints/confirm', { number: filed.complaintNo, phone: '13600136000', satisfied: true, score: 5 }, '198.51.100.3');
    expect(done.statusCode, done.body).toBe(200);
    expect(json(done)).toMatchObject({ status: 'closed', satisfactionScore: 5, canConfirm: false });
    const rows = await (ctx.db.kysely as any).selectFrom('complaint_satisfaction').selectAll().where('complaint_id', '=', row.id).execute();
    expect(rows).toMatchObject([{ score: 5, via: 'customer', handler_id: handler.id }]);
  });
});

describe('analysis (issue 5 §6)', () => {
  it('counts by category, severity, department and month with the KPI rates, within the caller’s scope', async () => {
    const a = json(await manager.client.get('/api/complaints/analysis?from=2026-09-01&to=2026-10-31'));
    const all = json(await manager.client.get('/api/complaints?pageSize=200'));
    expect(a.summary.received).toBe(all.total);
    expect(a.byMonth).toEqual([
      { month: '2026-09', count: 1, closed: 0 },
      { month: '2026-10', count: all.total - 1, closed: a.summary.closed },
    ]);
    expect(a.bySeverity.map((s: any) => s.key)).toEqual(['general', 'major', 'serious']);
    expect(a.byCategory.find((c: any) => c.key === '配送交付').count).toBeGreaterThanOrEqual(3);
    // closed: the staff-confirmed (then reopened, so open again), the serious one and the public one.
    expect(a.summary.closed).toBe(2);
    expect(a.summary.satisfactionAverage).toBe(5);
    expect(a.summary.rated).toBe(2);
    expect(a.byHandler.find((h: any) => h.name === '吴专员').received).toBeGreaterThan(0);
    expect(a.repeated.some((r: any) => r.name === '北京华远科技有限公司' && r.count >= 3)).toBe(true);
    // 处理及时率 agrees with 超期次数: the 9/30 complaint missed both deadlines, so not everything was in time.
    expect(a.summary.breaches).toBeGreaterThanOrEqual(2);
    expect(a.summary.inTimeRate).toBeLessThan(100);
    for (const h of a.byHandler) if (h.breaches > 0) expect(h.inTimeRate).toBeLessThan(100);
    expect((await outsider.client.get('/api/complaints/analysis')).statusCode).toBe(403);
  });

  it('exports each table to .xlsx', async () => {
    const res = await manager.client.get('/api/complaints/analysis/export.xlsx?from=2026-09-01&to=2026-10-31&table=category');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '投诉类别', '投诉数']);
    expect(ws.rowCount).toBeGreaterThan(1);
  });
});

describe('customer merge (查重)', () => {
  it('moves the merged customer’s complaints and satisfaction scores to the surviving record', async () => {
    const twin = json(await handler.client.post('/api/customers', { name: '北京华远科技公司', confirmDuplicate: true })).id;
    const c = await file(handler.client, { severity: 'general', customerId: twin, handlerId: handler.id });
    const res = await manager.client.post(`/api/customers/${customerId}/merge`, { mergedId: twin, reason: '同一家公司重复建档' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await detail(c.id)).customerId).toBe(customerId);
  });
});

describe('escalation over time (runs last: it moves the clock)', () => {
  it('alerts the supervisor once the deadline has passed', async () => {
    const before = json(await supervisor.client.get('/api/notifications')).total;
    clock.set('2026-10-14T00:00:00.000Z');
    // Days later: a fresh sign-in (the idle limit is at most a day).
    supervisor.client = await login(ctx.app, 'ts.zhuguan', USER_PASSWORD);
    await ctx.services.reminders.runOnce(clock.now());
    const after = json(await supervisor.client.get('/api/notifications'));
    expect(after.total).toBeGreaterThan(before);
    expect(after.items.some((n: any) => n.kind === 'complaint.resolve.breach')).toBe(true);
    clock.set('2026-10-09T04:00:00.000Z');
  });
});
