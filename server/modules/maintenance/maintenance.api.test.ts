import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, type Client, type TestContext } from '../../../test/harness';
import { shanghaiDate } from '../../platform/time';

/**
 * Maintenance plans 客户关系维护方案 (issue 4 §5, docs/regulations.md §7, seed 000 §6–8): a supervisor drafts,
 * the manager reviews and may return it with comments, the director approves; the supervisor splits
 * it into tasks, specialists record what they did and the customer's feedback, spending is held
 * against the budget, and the report closes the plan.
 */
let ctx: TestContext;
type U = { id: number; client: Client };
let supervisor: U;
let specialist: U;
let outsider: U; // a specialist of another team
let manager: U;
let director: U;
let customerA: number;
let customerB: number;
let otherTeamCustomer: number;
let planId: number;

const PLAN = {
  title: '2027 年一季度重点客户维护方案',
  goals: '提升重点客户满意度至 95% 以上，续约率不低于 90%',
  method: '上门拜访、电话回访、节日关怀',
  measures: '每月上门拜访一次；春节前寄送贺卡与礼品；建立专属服务群',
  budget: 12000.5,
  startDate: '2027-01-01',
  endDate: '2027-03-31',
};

const plan = async (c: Client = supervisor.client) => json(await c.get(`/api/maintenance-plans/${planId}`));
const approval = async (c: Client = supervisor.client) => json(await c.get(`/api/approvals?documentType=maintenance_plan&documentId=${planId}`)).request;

async function act(c: Client, action: string, comment?: string) {
  const req = await approval(c);
  const res = await c.post(`/api/approvals/${req.id}/actions`, { action, comment, version: req.version });
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
}

beforeAll(async () => {
  ctx = await createTestContext();
  const teamA = await createTeam(ctx, '大客户维护组', 1);
  const teamB = await createTeam(ctx, '售后服务组', 1);
  supervisor = await createUser(ctx, { username: 'kr.zhuguan', displayName: '周主管', roles: ['supervisor'], teamId: teamA });
  specialist = await createUser(ctx, { username: 'kr.zhuanyuan', displayName: '吴专员', roles: ['specialist'], teamId: teamA });
  outsider = await createUser(ctx, { username: 'sh.zhuanyuan', displayName: '郑专员', roles: ['specialist'], teamId: teamB });
  manager = await createUser(ctx, { username: 'kf.jingli', displayName: '冯经理', roles: ['manager'], departmentId: 1 });
  director = await createUser(ctx, { username: 'kf.zongjian', displayName: '陈总监', roles: ['director'], departmentId: 1 });
  customerA = json(await specialist.client.post('/api/customers', { name: '北京华远科技有限公司' })).id;
  customerB = json(await supervisor.client.post('/api/customers', { name: '上海明达贸易有限公司' })).id;
  otherTeamCustomer = json(await outsider.client.post('/api/customers', { name: '广州恒信电子有限公司' })).id;
});
afterAll(() => ctx.close());

describe('maintenance plans: drafting and the approval chain (manager review → director approval, §18)', () => {
  it('lets a supervisor draft a plan for several customers with staff, budget and period', async () => {
    const res = await supervisor.client.post('/api/maintenance-plans', { ...PLAN, customerIds: [customerA, customerB], staffIds: [specialist.id] });
    expect(res.statusCode, res.body).toBe(201);
    const p = json(res);
    planId = p.id;
    expect(p).toMatchObject({
      status: 'draft',
      title: PLAN.title,
      budget: 12000.5,
      spent: 0,
      remaining: 12000.5,
      ownerName: '周主管',
      teamName: '大客户维护组',
      customers: [{ id: customerA, name: '北京华远科技有限公司' }, { id: customerB, name: '上海明达贸易有限公司' }],
      staff: [{ id: specialist.id, name: '吴专员' }],
      can: { edit: true, submit: true, split: false, close: false },
      version: 1,
    });
  });

  it('refuses a budget with three decimals, a reversed period and a customer outside the supervisor’s team, naming the field', async () => {
    const bad = async (patch: object) => {
      const res = await supervisor.client.post('/api/maintenance-plans', { ...PLAN, customerIds: [customerA], staffIds: [specialist.id], ...patch });
      expect(res.statusCode).toBe(422);
      return res.json().error.fields.map((f: any) => f.field);
    };
    expect(await bad({ budget: 100.005 })).toEqual(['budget']);
    expect(await bad({ endDate: '2026-12-31' })).toEqual(['endDate']);
    expect(await bad({ customerIds: [customerA, otherTeamCustomer] })).toEqual(['customerIds.1']);
    expect(json(await supervisor.client.get('/api/maintenance-plans')).total).toBe(1);
  });

  it('does not let a specialist draft a plan (403)', async () => {
    const res = await specialist.client.post('/api/maintenance-plans', { ...PLAN, customerIds: [customerA], staffIds: [specialist.id] });
    expect(res.statusCode).toBe(403);
  });

  it('submits the plan to the manager; while pending it cannot be edited', async () => {
    const p = await plan();
    const res = await supervisor.client.post(`/api/maintenance-plans/${planId}/submit`, { version: p.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ status: 'pending', can: { edit: false, submit: false } });
    const req = await approval();
    expect(req).toMatchObject({ status: 'pending', currentStepKey: 'manager_review' });
    expect(req.currentApprovers.map((a: any) => a.id)).toEqual([manager.id]);

    const now = await plan();
    const edit = await supervisor.client.put(`/api/maintenance-plans/${planId}`, { title: '偷偷改标题', version: now.version });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toContain('不能修改');
    expect((await plan()).title).toBe(PLAN.title);
  });

  it('lets the manager return the plan with a comment; the supervisor revises and resubmits', async () => {
    await act(manager.client, 'return', '预算偏高，请细化上门拜访的安排');
    const returned = await plan();
    expect(returned).toMatchObject({ status: 'returned', can: { edit: true, submit: true } });

    const stale = await supervisor.client.put(`/api/maintenance-plans/${planId}`, { budget: 1, version: returned.version - 1 });
    expect(stale.statusCode).toBe(409);
    const res = await supervisor.client.put(`/api/maintenance-plans/${planId}`, {
      budget: 10000,
      measures: '每月第一周上门拜访一次，拜访前两天电话预约；春节前寄送贺卡',
      version: returned.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ budget: 10000, status: 'returned' });
    const again = await supervisor.client.post(`/api/maintenance-plans/${planId}/submit`, { version: json(res).version, comment: '已按意见修改' });
    expect(again.statusCode, again.body).toBe(200);
    expect(json(again).status).toBe('pending');
  });

  it('goes to the director after the manager approves, and is approved with the whole history kept', async () => {
    await act(manager.client, 'approve', '同意');
    expect((await approval()).currentStepKey).toBe('director_approval');
    expect((await plan()).status).toBe('pending');
    await act(director.client, 'approve', '批准执行');
    const p = await plan();
    expect(p).toMatchObject({ status: 'approved', can: { edit: false, split: true, close: true } });
    expect(p.approvedAt).not.toBeNull();
    const history = (await approval()).history.map((h: any) => [h.action, h.actorName, h.comment]);
    expect(history).toEqual([
      ['submit', '周主管', null],
      ['return', '冯经理', '预算偏高，请细化上门拜访的安排'],
      ['resubmit', '周主管', '已按意见修改'],
      ['approve', '冯经理', '同意'],
      ['approve', '陈总监', '批准执行'],
    ]);
    const edit = await supervisor.client.put(`/api/maintenance-plans/${planId}`, { title: '批准后修改', version: p.version });
    expect(edit.statusCode).toBe(409);
  });
});

describe('maintenance plans: carrying out an approved plan (seed 000 §7–8)', () => {
  let planTaskId: number;

  it('splits the plan into tasks for its staff, which appear on the assignee’s home page', async () => {
    const tooLate = await supervisor.client.post(`/api/maintenance-plans/${planId}/tasks`, {
      tasks: [
        { title: '回访', assigneeId: specialist.id, workingDays: 120 },
        { title: '回访', assigneeId: specialist.id, dueDate: '2027-04-01' },
      ],
    });
    expect(tooLate.statusCode).toBe(422);
    expect(tooLate.json().error.fields.map((f: any) => f.field)).toEqual(['tasks.0.workingDays', 'tasks.1.dueDate']);
    expect(tooLate.json().error.fields[1].message).toContain('2027-03-31');
    const notStaff = await supervisor.client.post(`/api/maintenance-plans/${planId}/tasks`, { tasks: [{ title: '上门拜访', assigneeId: outsider.id, workingDays: 3 }] });
    expect(notStaff.statusCode).toBe(422);
    expect(notStaff.json().error.fields.map((f: any) => f.field)).toEqual(['tasks.0.assigneeId']);

    const res = await supervisor.client.post(`/api/maintenance-plans/${planId}/tasks`, {
      tasks: [{ title: '一月上门拜访北京华远', assigneeId: specialist.id, customerId: customerA, workingDays: 3 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const [task] = json(res).items;
    planTaskId = task.id;
    expect(task).toMatchObject({ title: '一月上门拜访北京华远', assigneeName: '吴专员', customerName: '北京华远科技有限公司', status: 'open' });
    expect(task.dueDate > shanghaiDate(ctx.clock.now())).toBe(true);
    // The plan runs 2027-01-01 … 03-31: 3 working days count from its start, not from today (issue 16 §5).
    expect(task.dueDate >= '2027-01-01' && task.dueDate <= '2027-03-31').toBe(true);

    const todo = json(await specialist.client.get('/api/home/todo'));
    expect(todo.find((i: any) => i.title === '一月上门拜访北京华远')).toMatchObject({ dueDate: task.dueDate, overdue: false });
  });

  it('shows the plan to its specialist but answers 404 to another team’s specialist', async () => {
    expect((await specialist.client.get(`/api/maintenance-plans/${planId}`)).statusCode).toBe(200);
    expect(json(await specialist.client.get('/api/maintenance-plans')).items.map((p: any) => p.id)).toEqual([planId]);
    for (const path of ['', '/tasks', '/records', '/expenses']) {
      expect((await outsider.client.get(`/api/maintenance-plans/${planId}${path}`)).statusCode).toBe(404);
    }
    const rec = await outsider.client.post(`/api/maintenance-plans/${planId}/records`, { customerId: customerA, content: '拜访', feedback: '满意' });
    expect(rec.statusCode).toBe(404);
    expect(json(await outsider.client.get('/api/maintenance-plans')).total).toBe(0);
  });

  it('shows a plan to the specialist who owns one of its customers, and only that plan', async () => {
    const owner = await createUser(ctx, { username: 'kr.zhuanyuan2', displayName: '王专员', roles: ['specialist'], teamId: json(await supervisor.client.get(`/api/users/${supervisor.id}`)).teamId });
    const customerC = json(await owner.client.post('/api/customers', { name: '杭州云帆网络科技有限公司' })).id;
    const res = await supervisor.client.post('/api/maintenance-plans', { ...PLAN, title: '云帆网络维护方案', customerIds: [customerC], staffIds: [specialist.id] });
    expect(res.statusCode, res.body).toBe(201);
    const other = json(res).id;
    expect((await owner.client.get(`/api/maintenance-plans/${other}`)).statusCode).toBe(200);
    expect((await owner.client.get(`/api/maintenance-plans/${planId}`)).statusCode).toBe(404);
    expect(json(await owner.client.get('/api/maintenance-plans')).items.map((p: any) => p.title)).toEqual(['云帆网络维护方案']);
    // Reading is not drafting: the plan stays the supervisor's to edit and submit.
    expect((await manager.client.put(`/api/maintenance-plans/${other}`, { title: '经理代改', version: 1 })).statusCode).toBe(403);
  });

  it('records what the specialist did and the customer’s feedback, completing the task', async () => {
    const res = await specialist.client.post(`/api/maintenance-plans/${planId}/records`, {
      planTaskId,
      content: '上门拜访总经理，介绍新的售后服务流程',
      feedback: '客户对响应速度满意，希望增加季度培训',
      completeTask: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toMatchObject({ customerId: customerA, taskTitle: '一月上门拜访北京华远', authorName: '吴专员', feedback: '客户对响应速度满意，希望增加季度培训' });

    const [task] = json(await supervisor.client.get(`/api/maintenance-plans/${planId}/tasks`)).items;
    expect(task.status).toBe('done');
    const todo = json(await specialist.client.get('/api/home/todo'));
    expect(todo.map((i: any) => i.title)).not.toContain('一月上门拜访北京华远');
    const again = await specialist.client.post(`/api/maintenance-plans/${planId}/records`, { planTaskId, content: '再次', feedback: '无', completeTask: true });
    expect(again.statusCode).toBe(409);

    // The customer's archive page lists the plan and the record (维护方案 tab).
    const tab = json(await specialist.client.get(`/api/customers/${customerA}/maintenance-plans`));
    expect(tab.plans.map((p: any) => [p.id, p.status])).toEqual([[planId, 'approved']]);
    expect(tab.records.map((r: any) => r.feedback)).toEqual(['客户对响应速度满意，希望增加季度培训']);
    const other = json(await supervisor.client.get(`/api/customers/${customerB}/maintenance-plans`));
    expect(other.plans.map((p: any) => p.id)).toEqual([planId]);
    expect(other.records).toEqual([]);
  });

  it('holds spending against the budget to the fen and flags going over it', async () => {
    const today = shanghaiDate(ctx.clock.now());
    const first = await specialist.client.post(`/api/maintenance-plans/${planId}/expenses`, { amount: 6000.1, spentOn: today, item: '春节礼品' });
    expect(first.statusCode, first.body).toBe(201);
    expect(json(first).budget).toEqual({ budget: 10000, spent: 6000.1, remaining: 3999.9, usedPercent: 60, overBudget: false });
    const second = await supervisor.client.post(`/api/maintenance-plans/${planId}/expenses`, { amount: 4000.2, spentOn: today, item: '客户培训场地' });
    expect(json(second).budget).toEqual({ budget: 10000, spent: 10000.3, remaining: -0.3, usedPercent: 100, overBudget: true });
    const zero = await specialist.client.post(`/api/maintenance-plans/${planId}/expenses`, { amount: 0, spentOn: today, item: '无' });
    expect(zero.statusCode).toBe(422);
    const list = json(await supervisor.client.get(`/api/maintenance-plans/${planId}/expenses`));
    expect(list.items.map((e: any) => e.amount).sort()).toEqual([4000.2, 6000.1]);
    expect((await plan()).overBudget).toBe(true);
  });

  it('does not let a specialist close the plan, and closes only with the report', async () => {
    const p = await plan();
    expect((await specialist.client.post(`/api/maintenance-plans/${planId}/close`, { version: p.version, assessment: 'x', optimisation: 'y' })).statusCode).toBe(403);
    const missing = await supervisor.client.post(`/api/maintenance-plans/${planId}/close`, { version: p.version, assessment: '  ' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.fields.map((f: any) => f.field)).toEqual(['assessment', 'optimisation']);
    expect((await plan()).status).toBe('approved');

    const res = await supervisor.client.post(`/api/maintenance-plans/${planId}/close`, {
      version: p.version,
      assessment: '重点客户满意度由 88% 提升至 94%，续约 9 家中 8 家',
      optimisation: '培训改为季度固定安排；礼品预算按客户等级分配',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ status: 'closed', report: { assessment: '重点客户满意度由 88% 提升至 94%，续约 9 家中 8 家', closedByName: '周主管' }, can: { record: false, split: false } });
    const late = await specialist.client.post(`/api/maintenance-plans/${planId}/records`, { customerId: customerA, content: '补记', feedback: '无' });
    expect(late.statusCode).toBe(409);
  });

  it('hands a merged customer’s plans and records to the surviving customer, once per plan', async () => {
    // Plan 1 names both customers; merging A into B leaves B once, with A's work record.
    const merged = await manager.client.post(`/api/customers/${customerB}/merge`, { mergedId: customerA, reason: '同一客户重复建档' });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await plan()).customers.map((c: any) => c.id)).toEqual([customerB]);
    const tab = json(await supervisor.client.get(`/api/customers/${customerB}/maintenance-plans`));
    expect(tab.records.map((r: any) => r.feedback)).toEqual(['客户对响应速度满意，希望增加季度培训']);
    expect(json(await supervisor.client.get(`/api/maintenance-plans/${planId}/tasks`)).items[0].customerId).toBe(customerB);
  });
});
