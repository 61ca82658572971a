import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_PASSWORD, createTeam, createTestContext, createUser, json, login, type Client, type TestContext } from '../../../test/harness';

/** Customer development (docs/regulations.md §6, issue 4 §6): prospects, records into the archive, plans, progress. */
let ctx: TestContext;
type U = { id: number; client: Client; username: string };
let specA: U; // 客户开发专员, team A
let supA: U; // 主管 of team A
let specB: U; // specialist of team B (same department)
let supB: U; // supervisor of team B, head of the department: approves development plans (§18) without seeing team A's data
let director: U; // member of 经理办公会
let manager: U;

async function user(username: string, roles: string[], teamId?: number, departmentId?: number): Promise<U> {
  const u = await createUser(ctx, { username, roles, teamId, departmentId, displayName: username });
  return { ...u, username };
}

async function newProspect(c: Client, body: Record<string, unknown>) {
  const res = await c.post('/api/prospects', { channel: 'trade_fair', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return json(res);
}

async function move(c: Client, id: number, stage: string, extra: Record<string, unknown> = {}) {
  const p = json(await c.get(`/api/prospects/${id}`));
  return c.post(`/api/prospects/${id}/stage`, { stage, version: p.version, ...extra });
}

beforeAll(async () => {
  ctx = await createTestContext();
  const teamA = await createTeam(ctx, '客户开发一组', 1);
  const teamB = await createTeam(ctx, '客户开发二组', 1);
  specA = await user('dev.spec.a', ['specialist'], teamA);
  supA = await user('dev.sup.a', ['supervisor'], teamA);
  specB = await user('dev.spec.b', ['specialist'], teamB);
  supB = await user('dev.sup.b', ['supervisor'], teamB);
  director = await user('dev.director', ['director'], undefined, 1);
  manager = await user('dev.manager', ['manager'], undefined, 1);
  // 部门负责人 of department 1 and the 经理办公会 (docs/regulations.md §18).
  const dept = json(await ctx.admin.get('/api/departments/1'));
  expect((await ctx.admin.put('/api/departments/1', { headId: supB.id, version: dept.version })).statusCode).toBe(200);
  const group = json(await ctx.admin.get('/api/approval-groups')).items.find((g: any) => g.key === 'management_meeting');
  expect((await ctx.admin.put(`/api/approval-groups/${group.id}`, { memberIds: [director.id], version: group.version })).statusCode).toBe(200);
});
afterAll(() => ctx.close());

describe('prospects and their stages (docs/regulations.md §6)', () => {
  it('records every stage move in order with who moved it, when and the note', async () => {
    const p = await newProspect(specA.client, { companyName: '杭州远景贸易有限公司', contactName: '周敏', phone: '13812345678', expectedAmount: 50 });
    expect(p).toMatchObject({ stage: 'contact', ownerId: specA.id, expectedAmount: 50 });
    expect((await move(specA.client, p.id, 'needs')).statusCode).toBe(200);
    expect((await move(specA.client, p.id, 'demo', { nextStep: '安排现场演示', expectedAmount: 80 })).statusCode).toBe(200);
    // Back a stage only with a reason; nothing changes without it.
    const noNote = await move(specA.client, p.id, 'needs');
    expect(noNote.statusCode).toBe(422);
    expect(noNote.json().error.fields).toEqual([{ field: 'note', message: '退回到之前的阶段或重新启用已流失的客户时，请填写说明' }]);
    expect((await move(supA.client, p.id, 'needs', { note: '客户需求有变化，重新调研' })).statusCode).toBe(200);
    const lostNoReason = await move(specA.client, p.id, 'lost');
    expect(lostNoReason.statusCode).toBe(422);
    expect(lostNoReason.json().error.fields[0].field).toBe('lostReason');
    const lost = json(await move(specA.client, p.id, 'lost', { lostReason: '选择了竞争对手' }));
    expect(lost).toMatchObject({ stage: 'lost', lostReason: '选择了竞争对手' });
    expect((await move(specA.client, p.id, 'negotiation', { note: '竞争对手交货延误，客户重新联系' })).statusCode).toBe(200);

    const history = json(await specA.client.get(`/api/prospects/${p.id}/history`)).items;
    expect(history.map((h: any) => [h.fromStage, h.toStage])).toEqual([
      [null, 'contact'],
      ['contact', 'needs'],
      ['needs', 'demo'],
      ['demo', 'needs'],
      ['needs', 'lost'],
      ['lost', 'negotiation'],
    ]);
    expect(history.map((h: any) => h.actorName)).toEqual(['dev.spec.a', 'dev.spec.a', 'dev.spec.a', 'dev.sup.a', 'dev.spec.a', 'dev.spec.a']);
    expect(history[3].note).toBe('客户需求有变化，重新调研');
    expect(history[4].note).toBe('选择了竞争对手');
    expect(history[2].expectedAmount).toBe(80);
    const times = history.map((h: any) => h.at);
    expect([...times].sort()).toEqual(times);
    const now = json(await specA.client.get(`/api/prospects/${p.id}`));
    expect(now).toMatchObject({ stage: 'negotiation', lostReason: null, nextStep: '安排现场演示', expectedAmount: 80 });
  });

  it('refuses a stale move with 409 and keeps the history unchanged', async () => {
    const p = await newProspect(specA.client, { companyName: '宁波海联物流有限公司' });
    expect((await specA.client.post(`/api/prospects/${p.id}/stage`, { stage: 'needs', version: p.version })).statusCode).toBe(200);
    const stale = await supA.client.post(`/api/prospects/${p.id}/stage`, { stage: 'demo', version: p.version });
    expect(stale.statusCode).toBe(409);
    expect(json(await specA.client.get(`/api/prospects/${p.id}/history`)).items).toHaveLength(2);
  });

  it('hides a prospect from a specialist of another team (404) and shows it to the team supervisor', async () => {
    const p = await newProspect(specA.client, { companyName: '苏州华彩印务有限公司', phone: '0512-66881234' });
    expect((await specB.client.get(`/api/prospects/${p.id}`)).statusCode).toBe(404);
    expect((await specB.client.get(`/api/prospects/${p.id}/history`)).statusCode).toBe(404);
    expect((await specB.client.put(`/api/prospects/${p.id}`, { notes: '试图修改', version: p.version })).statusCode).toBe(404);
    expect((await specB.client.post(`/api/prospects/${p.id}/stage`, { stage: 'needs', version: p.version })).statusCode).toBe(404);
    expect(json(await specB.client.get('/api/prospects?q=华彩')).total).toBe(0);
    const board = json(await specB.client.get('/api/prospects/board'));
    expect(board.columns.flatMap((c: any) => c.items).map((i: any) => i.id)).not.toContain(p.id);
    expect((await supA.client.get(`/api/prospects/${p.id}`)).statusCode).toBe(200);
    expect((await manager.client.get(`/api/prospects/${p.id}`)).statusCode).toBe(200);
  });

  it('masks the phone in the list and on the board, and shows it on the detail page', async () => {
    const p = await newProspect(specA.client, { companyName: '无锡恒通机械有限公司', contactName: '陆强', phone: '13955556666' });
    const item = json(await specA.client.get('/api/prospects?q=恒通')).items[0];
    expect(item.phone).toBe('139****6666');
    const card = json(await specA.client.get('/api/prospects/board')).columns.find((c: any) => c.stage === 'contact').items.find((i: any) => i.id === p.id);
    expect(card.phone).toBe('139****6666');
    expect(json(await specA.client.get(`/api/prospects/${p.id}`)).phone).toBe('13955556666');
    // Found by phone digits too; the audit log keeps the number masked.
    expect(json(await specA.client.get('/api/prospects?q=5556666')).items.map((i: any) => i.id)).toEqual([p.id]);
    expect(JSON.stringify(json(await ctx.admin.get(`/api/audit?entityType=prospect&entityId=${p.id}`)))).not.toContain('13955556666');
  });

  it('filters by owner, channel, stage and date and sums expected amounts per stage', async () => {
    const c = await user('dev.spec.c', ['specialist'], await createTeam(ctx, '客户开发三组', 1));
    await newProspect(c.client, { companyName: '甲公司', channel: 'online', expectedAmount: 10 });
    await newProspect(c.client, { companyName: '乙公司', channel: 'online', expectedAmount: 15.5 });
    const third = await newProspect(c.client, { companyName: '丙公司', channel: 'telemarketing', expectedAmount: 30 });
    expect((await move(c.client, third.id, 'demo')).statusCode).toBe(200);
    const list = json(await c.client.get('/api/prospects'));
    expect(list.total).toBe(3);
    expect(list.stages.find((s: any) => s.stage === 'contact')).toEqual({ stage: 'contact', count: 2, expectedAmount: 25.5 });
    expect(list.stages.find((s: any) => s.stage === 'demo')).toEqual({ stage: 'demo', count: 1, expectedAmount: 30 });
    expect(list.stages.map((s: any) => s.stage)).toEqual(['contact', 'needs', 'demo', 'negotiation', 'contract', 'lost']);
    expect(json(await c.client.get('/api/prospects?channel=online')).total).toBe(2);
    expect(json(await c.client.get('/api/prospects?stage=demo')).items.map((i: any) => i.companyName)).toEqual(['丙公司']);
    expect(json(await manager.client.get(`/api/prospects?ownerId=${c.id}`)).total).toBe(3);
    expect(json(await c.client.get('/api/prospects?createdTo=2000-01-01')).total).toBe(0);
    const board = json(await c.client.get('/api/prospects/board?channel=online'));
    expect(board.columns.find((col: any) => col.stage === 'contact')).toMatchObject({ count: 2, expectedAmount: 25.5 });
    expect(board.columns.find((col: any) => col.stage === 'demo')).toMatchObject({ count: 0, items: [] });
  });

  it('lets only supervisors and above give a prospect to someone else', async () => {
    expect((await specA.client.post('/api/prospects', { companyName: '丁公司', channel: 'referral', ownerId: specB.id })).statusCode).toBe(403);
    const p = await newProspect(supA.client, { companyName: '戊公司', channel: 'referral', ownerId: specA.id });
    expect(p.ownerId).toBe(specA.id);
    expect((await specA.client.get(`/api/prospects/${p.id}`)).statusCode).toBe(200);
  });
});

describe('development record 客户开发记录表 (docs/regulations.md §6)', () => {
  const creditCode = '91330100MA2B3C4D5N';
  let existing: any;

  beforeAll(async () => {
    const res = await specA.client.post('/api/customers', { name: '杭州万达建材有限公司', creditCode });
    expect(res.statusCode, res.body).toBe(201);
    existing = json(res);
  });

  async function wonProspect(name: string, owner: U = specA) {
    const p = await newProspect(owner.client, { companyName: name, contactName: '钱峰', phone: '13700001111', channel: 'referral', expectedAmount: 120 });
    expect((await move(owner.client, p.id, 'contract')).statusCode).toBe(200);
    return p;
  }

  it('is refused before the prospect reaches 合同签订', async () => {
    const p = await newProspect(specA.client, { companyName: '早期客户有限公司' });
    const res = await specA.client.post(`/api/prospects/${p.id}/development-record`, { customerName: '早期客户有限公司' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].field).toBe('stage');
  });

  it('answers a duplicate credit code with 409 naming the suspect and creates nothing; creating anyway works', async () => {
    const p = await wonProspect('杭州万达新型建材有限公司');
    const before = json(await ctx.admin.get('/api/customers?pageSize=1')).total;
    const body = { customerName: '杭州万达新型建材有限公司', creditCode, contactName: '钱峰', contactPhone: '13700001111', products: '新型墙材', firstDealAmount: 95, howWon: '展会结识，三次拜访后签约' };
    const dup = await specA.client.post(`/api/prospects/${p.id}/development-record`, body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('duplicate');
    expect(dup.json().error.duplicates).toEqual([{ reason: 'credit_code', visible: true, id: existing.id, archiveNo: existing.archiveNo, name: '杭州万达建材有限公司' }]);
    expect(json(await ctx.admin.get('/api/customers?pageSize=1')).total).toBe(before);
    expect(json(await specA.client.get(`/api/prospects/${p.id}`))).toMatchObject({ customerId: null, developmentRecordId: null });

    const created = await specA.client.post(`/api/prospects/${p.id}/development-record`, { ...body, confirmDuplicate: true });
    expect(created.statusCode, created.body).toBe(201);
    const rec = json(created);
    expect(rec).toMatchObject({ prospectId: p.id, customerName: '杭州万达新型建材有限公司', firstDealAmount: 95, ownerId: specA.id });
    expect(rec.customerArchiveNo).toMatch(/^KH\d{4}-\d{6}$/);
    expect(json(await ctx.admin.get('/api/customers?pageSize=1')).total).toBe(before + 1);
    const customer = json(await specA.client.get(`/api/customers/${rec.customerId}`));
    expect(customer).toMatchObject({ name: '杭州万达新型建材有限公司', status: 'formal', sourceChannel: 'referral', creditCode, ownerId: specA.id, mainProducts: '新型墙材' });
    const contacts = json(await specA.client.get(`/api/customers/${rec.customerId}/contacts`)).items;
    expect(contacts).toMatchObject([{ name: '钱峰', mobile: '137****1111', isKey: true }]);
    expect(json(await specA.client.get(`/api/prospects/${p.id}`))).toMatchObject({ customerId: rec.customerId, developmentRecordId: rec.id });
    // Once in the archive the prospect's stage is fixed, and there is one record per prospect.
    expect((await move(specA.client, p.id, 'negotiation', { note: '误操作' })).statusCode).toBe(422);
    expect((await specA.client.post(`/api/prospects/${p.id}/development-record`, { ...body, confirmDuplicate: true })).statusCode).toBe(409);
  });

  it('links the prospect to an existing customer the user can see instead of creating one', async () => {
    const p = await wonProspect('万达建材（杭州）');
    const before = json(await ctx.admin.get('/api/customers?pageSize=1')).total;
    const res = await specA.client.post(`/api/prospects/${p.id}/development-record`, { customerName: '杭州万达建材有限公司', linkCustomerId: existing.id, firstDealAmount: 20 });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res).customerId).toBe(existing.id);
    expect(json(await ctx.admin.get('/api/customers?pageSize=1')).total).toBe(before);
  });

  it('does not link to a customer outside the user’s scope (404)', async () => {
    const other = json(await specB.client.post('/api/customers', { name: '南京二组客户有限公司' }));
    const p = await wonProspect('南京二组客户');
    const res = await specA.client.post(`/api/prospects/${p.id}/development-record`, { customerName: '南京二组客户', linkCustomerId: other.id });
    expect(res.statusCode).toBe(404);
    // The duplicate warning names nothing the user may not see.
    const dup = await specA.client.post(`/api/prospects/${p.id}/development-record`, { customerName: '南京二组客户有限公司' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.duplicates).toEqual([{ reason: 'name', visible: false, id: null, archiveNo: null, name: null }]);
  });

  it('takes the supervisor’s instruction (批示) but not the specialist’s', async () => {
    const rec = json(await specA.client.get('/api/development-records')).items[0];
    expect(rec.contactPhone === null || rec.contactPhone.includes('****')).toBe(true);
    expect((await specA.client.put(`/api/development-records/${rec.id}/instruction`, { instruction: '好', version: rec.version })).statusCode).toBe(403);
    const res = await supA.client.put(`/api/development-records/${rec.id}/instruction`, { instruction: '做好首单交付，三个月后回访', version: rec.version });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ instruction: '做好首单交付，三个月后回访', instructionByName: 'dev.sup.a' });
    expect((await specB.client.get(`/api/development-records/${rec.id}`)).statusCode).toBe(404);
  });

  it('keeps the prospect and its record linked when their customer is merged into its duplicate (查重)', async () => {
    const rec = json(await specA.client.get('/api/development-records?pageSize=100')).items.find((r: any) => r.customerName === '杭州万达新型建材有限公司');
    expect(rec.customerId).not.toBe(existing.id);
    const merged = await manager.client.post(`/api/customers/${existing.id}/merge`, { mergedId: rec.customerId, reason: '同一统一社会信用代码' });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(json(await specA.client.get(`/api/development-records/${rec.id}`)).customerId).toBe(existing.id);
    expect(json(await specA.client.get(`/api/prospects/${rec.prospectId}`)).customerId).toBe(existing.id);
  });
});

describe('research plans and reports (客户调查计划表 / 客户调查分析报告)', () => {
  it('keeps plans and reports in the owner’s scope and a plan with reports cannot be deleted', async () => {
    const plan = await specA.client.post('/api/research-plans', {
      title: '2026 年华东建材客户调查',
      goal: '了解目标客户采购习惯',
      keyTargets: '年采购额 100 万元以上的建材经销商',
      otherTargets: '装修公司',
      content: '采购渠道、价格敏感度、服务期望',
      schedule: '3 月准备，4 月实施，5 月分析',
      method: '问卷 + 走访',
      people: '周敏、陆强',
      budget: 2.5,
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const planId = json(plan).id;
    const report = await specA.client.post('/api/research-reports', { planId, title: '华东建材客户调查分析报告', factors: '价格、交货期', suggestions: '推出季度返利' });
    expect(report.statusCode).toBe(201);
    expect(json(report)).toMatchObject({ planTitle: '2026 年华东建材客户调查', ownerId: specA.id });
    expect(json(await specA.client.get(`/api/research-plans/${planId}`)).reportCount).toBe(1);
    expect((await specB.client.get(`/api/research-plans/${planId}`)).statusCode).toBe(404);
    expect((await specB.client.get(`/api/research-reports/${json(report).id}`)).statusCode).toBe(404);
    const foreign = await specB.client.post('/api/research-reports', { planId, title: '借用他人的计划' });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.fields[0].field).toBe('planId');
    expect((await specA.client.del(`/api/research-plans/${planId}`)).statusCode).toBe(409);
    expect((await specA.client.del(`/api/research-reports/${json(report).id}`)).statusCode).toBe(204);
    expect((await specA.client.del(`/api/research-plans/${planId}`)).statusCode).toBe(204);
  });
});

describe('development plan approval (docs/regulations.md §6, §18)', () => {
  it('goes to the department head, then the 经理办公会; a return keeps the whole history', async () => {
    const target = await newProspect(specA.client, { companyName: '绍兴纺织集团有限公司', contactName: '沈洁', phone: '13611112222' });
    const created = await specA.client.post('/api/development-plans', {
      title: '2026 年第四季度客户开发计划',
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
      goal: '新签 3 家纺织企业',
      schedule: '10 月拜访，11 月演示，12 月签约',
      supportNeeded: '技术部派一名工程师参加产品演示',
      budget: 5,
      targets: [{ prospectId: target.id, visitDate: '2026-10-15', contactPosition: '采购经理', category: 'A' }, { customerName: '柯桥布业' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    let plan = json(created);
    expect(plan).toMatchObject({ status: 'draft', editable: true, targetCount: 2 });
    // The plan (and its print, an internal paper form) shows the number to call in full (issue 16 §5).
    expect(plan.targets[0]).toMatchObject({ customerName: '绍兴纺织集团有限公司', visitContact: '沈洁', contactPhone: '13611112222' });
    expect(json(await specA.client.get(`/api/development-plans/${plan.id}`)).targets[0].contactPhone).toBe('13611112222');

    const submit = await specA.client.post(`/api/development-plans/${plan.id}/submit`, { comment: '请审批', version: plan.version });
    expect(submit.statusCode, submit.body).toBe(200);
    plan = json(submit);
    expect(plan).toMatchObject({ status: 'pending', editable: false });
    // Locked while pending.
    expect((await specA.client.put(`/api/development-plans/${plan.id}`, { goal: '改一下', version: plan.version })).statusCode).toBe(422);

    const approval = async (c: Client) => json(await c.get(`/api/approvals?documentType=development_plan&documentId=${plan.id}`)).request;
    let req = await approval(specA.client);
    expect(req.steps.map((s: any) => s.key)).toEqual(['department_head', 'management_meeting']);
    expect(req.currentApprovers.map((a: any) => a.id)).toEqual([supB.id]);
    // The department head decides it although the plan lies outside their team's data.
    expect((await supB.client.get(`/api/development-plans/${plan.id}`)).statusCode).toBe(200);
    // The management meeting cannot decide before the department head.
    expect((await director.client.post(`/api/approvals/${req.id}/actions`, { action: 'approve', version: req.version })).statusCode).toBe(403);
    expect((await supB.client.post(`/api/approvals/${req.id}/actions`, { action: 'approve', comment: '同意', version: req.version })).statusCode).toBe(200);
    req = await approval(specA.client);
    expect(req.currentStepKey).toBe('management_meeting');
    expect(req.currentApprovers.map((a: any) => a.id)).toEqual([director.id]);
    const ret = await director.client.post(`/api/approvals/${req.id}/actions`, { action: 'return', comment: '请补充预算明细', version: req.version });
    expect(ret.statusCode, ret.body).toBe(200);
    plan = json(await specA.client.get(`/api/development-plans/${plan.id}`));
    expect(plan).toMatchObject({ status: 'returned', editable: true });

    const revised = await specA.client.put(`/api/development-plans/${plan.id}`, { budget: 6, supportNeeded: '技术部派工程师；市场部提供样品', version: plan.version });
    expect(revised.statusCode, revised.body).toBe(200);
    plan = json(revised);
    expect(plan.targetCount).toBe(2);
    expect((await specA.client.post(`/api/development-plans/${plan.id}/submit`, { comment: '已补充预算明细', version: plan.version })).statusCode).toBe(200);
    req = await approval(specA.client);
    expect(req.currentStepKey).toBe('department_head');
    expect((await supB.client.post(`/api/approvals/${req.id}/actions`, { action: 'approve', version: req.version })).statusCode).toBe(200);
    req = await approval(specA.client);
    expect((await director.client.post(`/api/approvals/${req.id}/actions`, { action: 'approve', comment: '同意实施', version: req.version })).statusCode).toBe(200);

    plan = json(await specA.client.get(`/api/development-plans/${plan.id}`));
    expect(plan).toMatchObject({ status: 'approved', editable: false, budget: 6 });
    expect(plan.decidedAt).not.toBeNull();
    req = await approval(specA.client);
    expect(req.history.map((h: any) => [h.round, h.action, h.stepKey, h.actorName])).toEqual([
      [1, 'submit', null, 'dev.spec.a'],
      [1, 'approve', 'department_head', 'dev.sup.b'],
      [1, 'return', 'management_meeting', 'dev.director'],
      [2, 'resubmit', null, 'dev.spec.a'],
      [2, 'approve', 'department_head', 'dev.sup.b'],
      [2, 'approve', 'management_meeting', 'dev.director'],
    ]);
    expect(req.history[2].comment).toBe('请补充预算明细');
    expect((await specA.client.put(`/api/development-plans/${plan.id}`, { goal: '批准后修改', version: plan.version })).statusCode).toBe(422);
  });

  it('hides another team’s plan and refuses a plan without targets', async () => {
    const res = await specA.client.post('/api/development-plans', { title: '空计划', periodStart: '2026-11-01', periodEnd: '2026-11-30' });
    const plan = json(res);
    expect((await specB.client.get(`/api/development-plans/${plan.id}`)).statusCode).toBe(404);
    expect((await specB.client.put(`/api/development-plans/${plan.id}`, { title: '改', version: plan.version })).statusCode).toBe(404);
    const submit = await specA.client.post(`/api/development-plans/${plan.id}/submit`, { version: plan.version });
    expect(submit.statusCode).toBe(422);
    expect(submit.json().error.fields[0].field).toBe('targets');
    const reversed = await specA.client.put(`/api/development-plans/${plan.id}`, { periodEnd: '2026-10-01', version: plan.version });
    expect(reversed.statusCode).toBe(422);
    expect((await specA.client.del(`/api/development-plans/${plan.id}`)).statusCode).toBe(204);
  });
});

describe('monthly development progress per person (docs/regulations.md §6)', () => {
  // Far from the other tests' dates, so only this block's moves fall into the months asked for.
  const at = async (instant: string, ...who: U[]) => {
    ctx.clock.set(instant);
    // Moving the clock a month on ends the sessions: sign in again.
    for (const u of who) u.client = await login(ctx.app, u.username, USER_PASSWORD);
  };

  it('counts new prospects, forward moves, wins and won amounts per owner and month within the caller’s scope', async () => {
    await at('2030-01-05T02:00:00Z', specA, specB, supA, manager);
    const a1 = await newProspect(specA.client, { companyName: '进度甲', expectedAmount: 40 });
    const a2 = await newProspect(specA.client, { companyName: '进度乙', expectedAmount: 60 });
    await newProspect(specB.client, { companyName: '进度丙' });
    expect((await move(specA.client, a1.id, 'needs')).statusCode).toBe(200);

    await at('2030-02-10T02:00:00Z', specA, specB, supA, manager);
    expect((await move(specA.client, a1.id, 'negotiation')).statusCode).toBe(200);
    expect((await move(specA.client, a1.id, 'contract')).statusCode).toBe(200);
    expect((await specA.client.post(`/api/prospects/${a1.id}/development-record`, { customerName: '进度甲', firstDealAmount: 35.5 })).statusCode).toBe(201);
    // A win that fell through is not a win; a move back is not an advance.
    expect((await move(specA.client, a2.id, 'contract')).statusCode).toBe(200);
    expect((await move(specA.client, a2.id, 'negotiation', { note: '客户推迟签约' })).statusCode).toBe(200);

    // 2030-01-31 23:30 in Beijing is still January.
    await at('2030-01-31T15:30:00Z', specB);
    await newProspect(specB.client, { companyName: '进度丁' });
    await at('2030-02-10T03:00:00Z', specA, specB, supA, manager);

    const figures = (res: any) => res.rows.map((r: any) => [r.ownerName, r.month, r.newProspects, r.stageAdvances, r.won, r.wonAmount]);
    const own = json(await specA.client.get('/api/development-progress?from=2030-01&to=2030-02'));
    expect(own.months).toEqual(['2030-01', '2030-02']);
    expect(own.newProspectsTarget).toBe(2);
    expect(figures(own)).toEqual([
      ['dev.spec.a', '2030-01', 2, 1, 0, 0],
      ['dev.spec.a', '2030-02', 0, 3, 1, 35.5],
    ]);
    expect(own.totals).toEqual([{ ownerId: specA.id, ownerName: 'dev.spec.a', newProspects: 2, stageAdvances: 4, won: 1, wonAmount: 35.5 }]);
    // The supervisor sees the team (A), not team B; the manager sees everyone.
    expect(figures(json(await supA.client.get('/api/development-progress?from=2030-01&to=2030-02')))).toEqual(figures(own));
    const all = json(await manager.client.get('/api/development-progress?from=2030-01&to=2030-02'));
    expect(figures(all)).toEqual([...figures(own), ['dev.spec.b', '2030-01', 2, 0, 0, 0], ['dev.spec.b', '2030-02', 0, 0, 0, 0]]);
    expect(figures(json(await manager.client.get(`/api/development-progress?from=2030-01&to=2030-01&ownerId=${specB.id}`)))).toEqual([['dev.spec.b', '2030-01', 2, 0, 0, 0]]);
    expect((await manager.client.get('/api/development-progress?from=2030-03&to=2030-01')).statusCode).toBe(422);
  });
});
