import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_PASSWORD, createTeam, createTestContext, createUser, json, login, type Client, type TestContext } from '../../../test/harness';
import type { ResourceType } from './scope';

// docs/regulations.md §1 data scope: a specialist works on their own records, a supervisor on the team's.
let ctx: TestContext;
let specialist: { id: number; client: Client };
let supervisor: { id: number; client: Client };
let teamA: number;
let teamB: number;
let otherTeamUser: number;
let teamMate: number;
let otherTeamCustomer: number;
let otherTeamIndividual: number;
let otherTeamTask: number;
/** One record of every later module, made by team B (issue 4): contract, plans, prospect, research, records. */
let otherTeamWork: Record<'contract' | 'transaction' | 'evaluation' | 'maintenance_plan' | 'prospect' | 'research_plan' | 'research_report' | 'development_plan' | 'development_record' | 'complaint' | 'complaint_rectification' | 'credit_risk' | 'credit_survey', number>;

beforeAll(async () => {
  ctx = await createTestContext();
  teamA = await createTeam(ctx, '大客户一组', 1); // 客户服务部
  teamB = await createTeam(ctx, '华东销售组', 2); // 销售部
  specialist = await createUser(ctx, { username: 'zhang.san', displayName: '张三', roles: ['specialist'], teamId: teamA });
  supervisor = await createUser(ctx, { username: 'wang.wu', displayName: '王五', roles: ['supervisor'], teamId: teamA });
  teamMate = (await createUser(ctx, { username: 'zhao.liu', displayName: '赵六', roles: ['specialist'], teamId: teamA })).id;
  otherTeamUser = (await createUser(ctx, { username: 'li.si', displayName: '李四', roles: ['sales'], teamId: teamB })).id;
  otherTeamCustomer = json(await ctx.admin.post('/api/customers', { name: '上海远东贸易有限公司', ownerId: otherTeamUser })).id;
  const sales = await login(ctx.app, 'li.si', USER_PASSWORD);
  otherTeamIndividual = json(await sales.post('/api/individual-customers', { name: '欧阳贵宾' })).id;
  otherTeamTask = json(await sales.post('/api/tasks', { title: '回访上海远东', assigneeId: otherTeamUser, due: { workingDays: 2 } })).id;
  otherTeamWork = await makeOtherTeamWork(sales);
});

async function created(res: { statusCode: number; body: string; json(): unknown }): Promise<number> {
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: number }).id;
}

async function makeOtherTeamWork(sales: Client): Promise<typeof otherTeamWork> {
  const supervisorB = await createUser(ctx, { username: 'zhou.zhuguan', displayName: '周主管', roles: ['supervisor'], teamId: teamB });
  const contract = await created(
    await sales.post('/api/contracts', { customerId: otherTeamCustomer, title: '年度供货协议', amount: 1000, startDate: '2026-12-01', endDate: '2027-05-31', signerId: otherTeamUser }),
  );
  const plan = { title: '华东重点客户维护', goals: '续约', method: '拜访', measures: '每月拜访', budget: 1000, startDate: '2027-01-01', endDate: '2027-03-31' };
  const maintenancePlan = await created(await supervisorB.client.post('/api/maintenance-plans', { ...plan, customerIds: [otherTeamCustomer], staffIds: [otherTeamUser] }));
  const prospect = await created(await sales.post('/api/prospects', { companyName: '苏州恒远纺织有限公司', channel: 'trade_fair' }));
  const researchPlan = await created(await sales.post('/api/research-plans', { title: '华东客户调查', goal: '了解采购习惯' }));
  const researchReport = await created(await sales.post('/api/research-reports', { planId: researchPlan, title: '华东客户调查分析报告' }));
  const developmentPlan = await created(
    await sales.post('/api/development-plans', { title: '四季度开发计划', periodStart: '2026-10-01', periodEnd: '2026-12-31', goal: '新签 1 家', targets: [{ prospectId: prospect }] }),
  );
  for (const stage of ['needs', 'demo', 'negotiation', 'contract']) {
    const p = json(await sales.get(`/api/prospects/${prospect}`));
    expect((await sales.post(`/api/prospects/${prospect}/stage`, { stage, version: p.version })).statusCode).toBe(200);
  }
  const developmentRecord = await created(await sales.post(`/api/prospects/${prospect}/development-record`, { customerName: '苏州恒远纺织有限公司', confirmDuplicate: true }));
  // Complaints (issue 5): one recorded by the sales rep, one handled by team B's supervisor with a rectification notice.
  const complaintBody = { channel: 'phone', complainantName: '刘先生', content: '送货延误', category: '配送交付', severity: 'general' };
  const complaint = await created(await sales.post('/api/complaints', complaintBody));
  const handled = await created(await supervisorB.client.post('/api/complaints', { ...complaintBody, handlerId: supervisorB.id }));
  const notice = await supervisorB.client.post(`/api/complaints/${handled}/rectifications`, { departmentId: 2, recipientId: otherTeamUser, requirement: '改进送货' });
  expect(notice.statusCode, notice.body).toBe(200);
  const transaction = await created(await sales.post('/api/transactions', { customerId: otherTeamCustomer, date: '2026-12-01', product: '客房', quantity: 1, unitPrice: 500 }));
  const creditRisk = await created(await supervisorB.client.post('/api/credit-risks', { customerId: otherTeamCustomer, category: 'credit', title: '回款延迟', likelihood: 2, impact: 2 }));
  const creditSurvey = await created(
    await supervisorB.client.post(`/api/customers/${otherTeamCustomer}/credit-surveys`, { surveyDate: '2026-12-01', registeredCapitalWan: 500, yearsInBusiness: 6, paymentRecord: 'good', overdueWan: 0, bankRating: 'A' }),
  );
  const template = json(await supervisorB.client.get('/api/evaluation-templates')).items[0] as { id: number; indicators: { id: number }[] };
  const evaluation = await created(
    await supervisorB.client.post('/api/evaluations', { customerId: otherTeamCustomer, templateId: template.id, evaluatedOn: '2026-12-01', scores: template.indicators.map((i) => ({ indicatorId: i.id, score: 70 })) }),
  );
  return {
    credit_risk: creditRisk,
    credit_survey: creditSurvey,
    transaction,
    evaluation,
    complaint,
    complaint_rectification: notice.json().rectifications[0].id,
    contract,
    maintenance_plan: maintenancePlan,
    prospect,
    research_plan: researchPlan,
    research_report: researchReport,
    development_plan: developmentPlan,
    development_record: developmentRecord,
  };
}
afterAll(() => ctx.close());

describe('permissions: every route declares a policy', () => {
  it('has a permission policy on every /api route', () => {
    const apiRoutes = ctx.routes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD');
    expect(apiRoutes.length).toBeGreaterThan(20);
    const missing = apiRoutes.filter((r) => !r.policy).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('names a capability on every signed-in /api route, unless it serves only the user’s own things', () => {
    const scopeOnly = ctx.routes
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD' && r.policy && !('public' in r.policy))
      .filter((r) => !('capability' in r.policy! && r.policy.capability) && !('self' in r.policy! && r.policy.self))
      .map((r) => `${r.method} ${r.url}`);
    expect(scopeOnly).toEqual([]);
    const own = ctx.routes.filter((r) => r.policy && 'self' in r.policy && r.policy.self).map((r) => r.url);
    expect(new Set(own)).toEqual(new Set(['/api/auth/logout', '/api/auth/me', '/api/auth/password', '/api/auth/locale', '/api/notifications', '/api/notifications/unread-count', '/api/notifications/read', '/api/notifications/read-all', '/api/home/todo']));
  });

  it('ties every route that takes an :id to a scoped record type, or declares it company-wide', () => {
    const unscoped = ctx.routes
      .filter((r) => r.url.includes(':id') && r.policy && !('public' in r.policy) && !r.policy.resource && !r.policy.companyWide)
      .map((r) => `${r.method} ${r.url}`);
    expect(unscoped).toEqual([]);
  });
});

describe('permissions: data scope', () => {
  it('answers 404 to a specialist on another team’s record through every route that takes an id', async () => {
    const otherTeamRecord: Record<ResourceType, number> = {
      user: otherTeamUser,
      team: teamB,
      department: 2,
      customer: otherTeamCustomer,
      individual: otherTeamIndividual,
      task: otherTeamTask,
      ...otherTeamWork,
    };
    const idRoutes = ctx.routes.filter((r) => r.url.includes(':id') && r.policy && 'resource' in r.policy && r.policy.resource && r.method !== 'HEAD');
    expect(idRoutes.length).toBeGreaterThanOrEqual(10);
    for (const r of idRoutes) {
      const type = (r.policy as { resource: { type: ResourceType } }).resource.type;
      const url = r.url.replace(':id', String(otherTeamRecord[type])).replace(/:\w+/g, '1');
      const res = await specialist.client.request(r.method as 'GET', url, r.method === 'GET' || r.method === 'DELETE' ? undefined : { version: 1 });
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode }).toEqual({ route: `${r.method} ${r.url}`, status: 404 });
      // The same answer as for an id that does not exist: nothing to probe.
      const missing = await specialist.client.request(r.method as 'GET', r.url.replace(':id', '999999').replace(/:\w+/g, '1'), r.method === 'GET' || r.method === 'DELETE' ? undefined : { version: 1 });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.message).toBe(res.json().error.message);
    }
  });

  it('shows a specialist only their own user record; a supervisor the whole team', async () => {
    const own = json(await specialist.client.get('/api/users'));
    expect(own.items.map((u: any) => u.username)).toEqual(['zhang.san']);
    expect(own.total).toBe(1);
    const team = json(await supervisor.client.get('/api/users?sort=username'));
    expect(team.items.map((u: any) => u.username)).toEqual(['wang.wu', 'zhang.san', 'zhao.liu']);
    expect((await supervisor.client.get(`/api/users/${teamMate}`)).statusCode).toBe(200);
    expect((await supervisor.client.get(`/api/users/${otherTeamUser}`)).statusCode).toBe(404);
    const teams = json(await supervisor.client.get('/api/teams'));
    expect(teams.items.map((t: any) => t.id)).toEqual([teamA]);
  });

  it('checks each person by their own ids when people of the same scope take turns (the check is prepared once per shape)', async () => {
    const own = json(await specialist.client.post('/api/customers', { name: '杭州轮查科技有限公司' })).id;
    const sales = await login(ctx.app, 'li.si', USER_PASSWORD);
    const supervisorB = await login(ctx.app, 'zhou.zhuguan', USER_PASSWORD);
    for (let round = 0; round < 2; round++) {
      const seen = [
        (await specialist.client.get(`/api/customers/${own}`)).statusCode,
        (await sales.get(`/api/customers/${own}`)).statusCode,
        (await sales.get(`/api/customers/${otherTeamCustomer}`)).statusCode,
        (await specialist.client.get(`/api/customers/${otherTeamCustomer}`)).statusCode,
        (await supervisor.client.get(`/api/customers/${own}`)).statusCode,
        (await supervisorB.get(`/api/customers/${own}`)).statusCode,
        (await supervisorB.get(`/api/customers/${otherTeamCustomer}`)).statusCode,
        (await supervisor.client.get(`/api/customers/${otherTeamCustomer}`)).statusCode,
      ];
      expect(seen).toEqual([200, 404, 200, 404, 200, 404, 200, 404]);
    }
  });

  it('refuses an action the role lacks with 403 and records the denial', async () => {
    const res = await specialist.client.post('/api/departments', { name: '质量管理部' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('您没有执行此操作的权限');
    const own = await specialist.client.put(`/api/users/${specialist.id}`, { displayName: '张三丰', version: 1 });
    expect(own.statusCode).toBe(403);
    const audit = json(await ctx.admin.get(`/api/audit?action=permission.denied&actorId=${specialist.id}`));
    expect(audit.items.map((e: any) => e.entityId)).toContain('POST /api/departments');
    const list = await ctx.admin.get('/api/departments');
    expect(json(list).items.map((d: any) => d.name)).not.toContain('质量管理部');
  });

  it('does not let a request body set roles, owner or other protected fields', async () => {
    const res = await ctx.admin.put(`/api/users/${teamMate}`, { displayName: '赵六', roles: ['admin'], version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: any) => f.field)).toContain('roles');
    const create = await ctx.admin.post('/api/users', { username: 'sun.qi', displayName: '孙七', password: 'Qi#Sun-2026-x', roles: [], active: 0, failedLogins: 0 });
    expect(create.statusCode).toBe(400);
    expect(create.json().error.fields.map((f: any) => f.field).sort()).toEqual(['active', 'failedLogins']);
    const roles = json(await ctx.admin.get(`/api/users/${teamMate}`)).roles;
    expect(roles).toEqual(['specialist']);
  });

  it('does not let a manager grant roles (only administrators do)', async () => {
    const manager = await createUser(ctx, { username: 'qian.ba', displayName: '钱八', roles: ['manager'], departmentId: 1 });
    const res = await manager.client.put(`/api/users/${manager.id}/roles`, { roles: ['admin'], version: 1 });
    expect(res.statusCode).toBe(403);
  });

  it('searches users case-insensitively and takes % and _ literally, the same on both databases', async () => {
    const byUpper = json(await ctx.admin.get('/api/users?q=ZHANG'));
    expect(byUpper.items.map((u: any) => u.username)).toEqual(['zhang.san']);
    const byName = json(await ctx.admin.get(`/api/users?q=${encodeURIComponent('张')}`));
    expect(byName.items.map((u: any) => u.username)).toEqual(['zhang.san']);
    expect(json(await ctx.admin.get('/api/users?q=_')).total).toBe(0);
    expect(json(await ctx.admin.get('/api/users?q=%25')).total).toBe(0);
  });

  it('drops the old team when a user moves to another department without naming a team', async () => {
    const u = json(await ctx.admin.get(`/api/users/${teamMate}`));
    const res = await ctx.admin.put(`/api/users/${teamMate}`, { departmentId: 2, version: u.version });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ departmentId: 2, teamId: null });
  });
});

describe('permissions: finance, first sign-in, owners and passwords (docs/regulations.md §1)', () => {
  let finance: Client;
  beforeAll(async () => {
    const financeDept = 2;
    finance = (await createUser(ctx, { username: 'qian.kuaiji', displayName: '钱会计', roles: ['finance'], departmentId: financeDept })).client;
  });

  it('lets finance read every contract and transaction, but not tasks, contacts, attachments or history', async () => {
    expect((await finance.get(`/api/contracts/${otherTeamWork.contract}`)).statusCode).toBe(200);
    expect((await finance.get(`/api/transactions/${otherTeamWork.transaction}`)).statusCode).toBe(200);
    expect((await finance.get(`/api/customers/${otherTeamCustomer}`)).statusCode).toBe(200);
    expect((await finance.get('/api/tasks')).statusCode).toBe(403);
    // Outside finance's own scope the record is not found (404) before the missing capability (403) is asked.
    expect([403, 404]).toContain((await finance.get(`/api/tasks/${otherTeamTask}`)).statusCode);
    expect([403, 404]).toContain((await finance.post(`/api/tasks/${otherTeamTask}/comments`, { body: '看看' })).statusCode);
    for (const part of ['attachments', 'contacts', 'history']) expect((await finance.get(`/api/customers/${otherTeamCustomer}/${part}`)).statusCode).toBe(403);
    expect((await finance.get(`/api/development-plans/${otherTeamWork.development_plan}`)).statusCode).toBe(403);
    expect([403, 404]).toContain((await finance.get(`/api/individual-customers/${otherTeamIndividual}`)).statusCode);
  });

  it('shows finance only the rectification notices sent to them, not every complaint’s', async () => {
    expect((await finance.get(`/api/complaint-rectifications/${otherTeamWork.complaint_rectification}`)).statusCode).toBe(404);
    expect(json(await finance.get('/api/complaint-rectifications')).items).toEqual([]);
  });

  it('serves a user who must still change the initial password nothing but the change, who-am-I and sign-out', async () => {
    await ctx.admin.post('/api/users', { username: 'xin.yuangong', displayName: '新员工', password: USER_PASSWORD, roles: ['specialist'], teamId: teamA });
    const fresh = await login(ctx.app, 'xin.yuangong', USER_PASSWORD, {}, { firstSignIn: true });
    const blocked = await fresh.get('/api/customers');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.message).toBe('请先修改初始密码');
    expect(json(await fresh.get('/api/auth/me')).user.mustChangePassword).toBe(true);
    expect((await fresh.put('/api/auth/password', { currentPassword: USER_PASSWORD, newPassword: 'Xin-yuangong-2027' })).statusCode).toBe(204);
    expect((await fresh.get('/api/customers')).statusCode).toBe(200);
  });

  it('refuses a full-width common password, since the hash would take it as the common one', async () => {
    const res = await ctx.admin.post('/api/users', { username: 'kuan.zifu', displayName: '宽字符', password: 'ｐａｓｓｗｏｒｄ', roles: ['specialist'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toContainEqual(expect.objectContaining({ field: 'password', message: expect.stringMatching(/常见|常用/) }));
  });

  it('lets a supervisor hand customers only to people of their own teams, and keeps the reason', async () => {
    const mine = json(await supervisor.client.post('/api/customers', { name: '杭州主管自建客户有限公司' })).id as number;
    const out = await supervisor.client.post('/api/customers/transfer', { customerIds: [mine], ownerId: otherTeamUser, reason: '调整' });
    expect(out.statusCode).toBe(422);
    expect(out.json().error.fields).toContainEqual(expect.objectContaining({ field: 'ownerId' }));
    expect(json(await ctx.admin.get(`/api/customers/${mine}`)).ownerId).toBe(supervisor.id);
    const inTeam = await supervisor.client.post('/api/customers/transfer', { customerIds: [mine], ownerId: specialist.id, reason: '按区域调整' });
    expect(inTeam.statusCode, inTeam.body).toBe(200);
    expect(json(await ctx.admin.get(`/api/customers/${mine}`)).ownerId).toBe(specialist.id);
    const history = json(await ctx.admin.get(`/api/customers/${mine}/history`));
    expect(JSON.stringify(history)).toContain('按区域调整');
    // A manager may hand it to anyone.
    const manager = await createUser(ctx, { username: 'sun.jingli', displayName: '孙经理', roles: ['manager'], departmentId: 1 });
    expect((await manager.client.post('/api/customers/transfer', { customerIds: [mine], ownerId: otherTeamUser, reason: '跨部门交接' })).statusCode).toBe(200);
  });
});
