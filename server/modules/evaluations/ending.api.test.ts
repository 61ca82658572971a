import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, type Client, type TestContext } from '../../../test/harness';

// The approval to end cooperation 终止合作 (docs/regulations.md §4, §5), on SQLite and PostgreSQL.
// Default chain: the supervisor of the customer's team, then a manager.

let ctx: TestContext;
type U = { id: number; client: Client };
let manager: U, supervisorA: U, specA: U, specB: U;
let customerA: number;
let customerC: number;
let template: { id: number; indicators: { id: number }[] };

const scores = (score: number) => template.indicators.map((i) => ({ indicatorId: i.id, score }));
async function evaluate(customerId: number, score: number) {
  const res = await specA.client.post('/api/evaluations', { customerId, templateId: template.id, evaluatedOn: '2026-12-01', scores: scores(score), conclusion: '回款持续逾期，合作意愿下降' });
  if (res.statusCode !== 201) throw new Error(`evaluation failed: ${res.statusCode} ${res.body}`);
  return json(res) as { id: number; recommendation: string };
}
const customer = async (id: number) => json(await ctx.admin.get(`/api/customers/${id}`)) as { status: string; version: number };
const ending = async (id: number) =>
  (json(await ctx.admin.get(`/api/customers/${id}/history`)).items as { action: string; field: string; oldValue: unknown; newValue: unknown; summary: string | null; actorName: string | null }[]).filter(
    (h) => h.action === 'end_cooperation',
  );
async function act(who: U, requestId: number, action: 'approve' | 'reject', comment?: string) {
  const res = await who.client.post(`/api/approvals/${requestId}/actions`, { action, comment });
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
}
const approvalOf = async (who: U, requestId: number) => json(await who.client.get(`/api/approvals?documentType=end_cooperation&documentId=${requestId}`)).request;

beforeAll(async () => {
  ctx = await createTestContext();
  const teamA = await createTeam(ctx, '大客户一组', 1);
  const teamB = await createTeam(ctx, '大客户二组', 1);
  manager = await createUser(ctx, { username: 'jing.li', displayName: '吴经理', roles: ['manager'], departmentId: 1 });
  supervisorA = await createUser(ctx, { username: 'zhu.guan.a', displayName: '郑主管', roles: ['supervisor'], teamId: teamA });
  specA = await createUser(ctx, { username: 'zhuan.yuan.a', displayName: '王专员', roles: ['specialist'], teamId: teamA });
  specB = await createUser(ctx, { username: 'zhuan.yuan.b', displayName: '冯专员', roles: ['specialist'], teamId: teamB });
  const cur = json(await ctx.admin.get(`/api/teams/${teamA}`));
  expect((await ctx.admin.put(`/api/teams/${teamA}`, { supervisorId: supervisorA.id, version: cur.version })).statusCode).toBe(200);
  customerA = json(await specA.client.post('/api/customers', { name: '北京华宇科技有限公司', status: 'formal' })).id;
  customerC = json(await specA.client.post('/api/customers', { name: '天津海河物流有限公司', status: 'formal' })).id;
  template = json(await specA.client.get('/api/evaluation-templates')).items[0];
});
afterAll(() => ctx.close());

describe('申请终止合作 from an evaluation (docs/regulations.md §4)', () => {
  it('refuses it (422 naming recommendation) from an evaluation that does not recommend 终止关系', async () => {
    const e = await evaluate(customerA, 85);
    expect(e.recommendation).toBe('maintain');
    const res = await specA.client.post(`/api/evaluations/${e.id}/end-cooperation`, { reason: '合作意愿下降' });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields.map((f: { field: string }) => f.field)).toEqual(['recommendation']);
    expect(json(await specA.client.get(`/api/evaluations/${e.id}/end-cooperation`)).request).toBeNull();
  });

  it("answers 404 to a specialist of another team on the evaluation", async () => {
    const e = await evaluate(customerA, 40);
    expect((await specB.client.post(`/api/evaluations/${e.id}/end-cooperation`, { reason: 'x' })).statusCode).toBe(404);
  });

  it('ends the cooperation once the supervisor and the manager approve, with a history entry naming the evaluation and the approvers', async () => {
    const e = await evaluate(customerA, 50);
    expect(e.recommendation).toBe('terminate');
    const res = await specA.client.post(`/api/evaluations/${e.id}/end-cooperation`, { reason: '连续两年回款逾期，合作价值低' });
    expect(res.statusCode, res.body).toBe(201);
    const request = json(res);
    expect(request).toMatchObject({ status: 'pending', customerId: customerA, evaluationId: e.id, applicantName: '王专员' });
    // A second request while this one is in approval is refused.
    expect((await specA.client.post(`/api/evaluations/${e.id}/end-cooperation`, { reason: '再次申请' })).statusCode).toBe(409);

    const approval = await approvalOf(specA, request.id);
    expect(approval.steps.map((s: { name: string }) => s.name)).toEqual(['主管审核', '经理审批']);
    expect(approval.currentApprovers.map((a: { name: string }) => a.name)).toEqual(['郑主管']);
    await act(supervisorA, approval.id, 'approve', '同意');
    expect((await customer(customerA)).status).toBe('formal'); // not before the last step
    await act(manager, approval.id, 'approve');

    expect(json(await specA.client.get(`/api/evaluations/${e.id}/end-cooperation`)).request).toMatchObject({ id: request.id, status: 'approved' });
    expect((await customer(customerA)).status).toBe('lost');
    const [entry] = await ending(customerA);
    expect(entry).toMatchObject({ field: 'status', oldValue: 'formal', newValue: 'lost', actorName: '吴经理' });
    expect(entry!.summary).toBe(`终止合作（审批通过）：依据客户关系评估 #${e.id}（2026-12-01，总分 50，终止关系）；审批人：郑主管、吴经理。理由：连续两年回款逾期，合作价值低`);
    // Ended once: a further request is refused.
    expect((await specA.client.post(`/api/evaluations/${e.id}/end-cooperation`, { reason: '再次申请' })).statusCode).toBe(409);
    const risk = json(await specA.client.post('/api/credit-risks', { customerId: customerA, category: 'credit', title: '回款停滞', likelihood: 5, impact: 5, response: '终止合作' }));
    expect((await specA.client.post(`/api/credit-risks/${risk.id}/end-cooperation`, { reason: '再次申请' })).statusCode).toBe(409);
  });
});

describe('申请终止合作 from a high risk (docs/regulations.md §5)', () => {
  it('refuses it (422 naming level) for a risk that is not high', async () => {
    const low = json(await specA.client.post('/api/credit-risks', { customerId: customerC, category: 'market', title: '市场需求下滑', likelihood: 1, impact: 2 }));
    const res = await specA.client.post(`/api/credit-risks/${low.id}/end-cooperation`, { reason: '需求下滑' });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields.map((f: { field: string }) => f.field)).toEqual(['level']);
  });

  it('changes nothing when the request is rejected', async () => {
    const risk = json(await specA.client.post('/api/credit-risks', { customerId: customerC, category: 'credit', title: '大额应收账款逾期', likelihood: 4, impact: 5, response: '暂停赊销，必要时终止合作' }));
    expect(risk.level).toBe('high');
    const before = await customer(customerC);
    const request = json(await specA.client.post(`/api/credit-risks/${risk.id}/end-cooperation`, { reason: '逾期超过 180 天' }));
    expect(request).toMatchObject({ status: 'pending', riskId: risk.id });
    const approval = await approvalOf(specA, request.id);
    await act(supervisorA, approval.id, 'reject', '先催收，暂不终止');

    expect(json(await specA.client.get(`/api/credit-risks/${risk.id}/end-cooperation`)).request).toMatchObject({ status: 'rejected' });
    const after = await customer(customerC);
    expect(after).toMatchObject({ status: 'formal', version: before.version });
    expect(await ending(customerC)).toEqual([]);
  });
});
