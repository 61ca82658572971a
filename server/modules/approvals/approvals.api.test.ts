import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, type Client, type TestContext } from '../../../test/harness';
import type { RequestContext } from '../../platform/permissions/actor';
import type { ApprovalDocument, ApprovalOutcome, ChainStep } from './approvals.types';

/**
 * The approval engine end to end (issue 4 §1, docs/regulations.md §18), with document types registered by the test
 * itself: their documents live in a Map and their outcomes are recorded, as a document module would.
 */
let ctx: TestContext;
type U = { id: number; client: Client };
let applicant: U, supervisor: U, manager: U, manager2: U, director: U, outsider: U, m1: U, m2: U, m3: U;
let teamA: number;

const docs = new Map<number, ApprovalDocument>();
const outcomes: { type: string; id: number; outcome: ApprovalOutcome }[] = [];
let nextDoc = 1;

const L = (zh: string) => ({ 'zh-CN': zh, 'zh-TW': zh, en: zh });
const TEST_CHAIN: ChainStep[] = [
  { key: 'supervisor_review', name: L('主管审核'), approver: { kind: 'supervisor' } },
  { key: 'manager_review', name: L('经理审核'), approver: { kind: 'role', role: 'manager', within: 'company' }, when: [{ field: 'amount', op: 'gt', value: 100000 }] },
  { key: 'director_approval', name: L('总监审批'), approver: { kind: 'role', role: 'director', within: 'company' } },
];

function register(type: string, chain: ChainStep[]) {
  ctx.services.approvals.registerType({
    type,
    label: L(type),
    defaultChain: chain,
    load: async (_trx, id) => docs.get(id),
    onOutcome: async (_trx, id, outcome) => {
      outcomes.push({ type, id, outcome });
    },
  });
}

function newDoc(owner: U, fields: ApprovalDocument['fields'] = {}, team: number | null = teamA) {
  const id = nextDoc++;
  docs.set(id, { applicantId: owner.id, departmentId: 1, teamId: team, title: `测试单据 ${id}`, fields, link: `/test-docs/${id}` });
  return id;
}

async function requestContextOf(u: U): Promise<RequestContext> {
  const actor = await ctx.services.auth.authenticate(u.client.cookies.get('gx_session'));
  return { actor, ip: null, requestId: 'test', lang: 'zh-CN' };
}

/** What a document module's "submit" route does: the engine's submit inside its own transaction. */
async function submit(u: U, type: string, id: number) {
  const rc = await requestContextOf(u);
  return ctx.db.kysely.transaction().execute((trx) => ctx.services.approvals.submit(trx, rc, type, id, '请审批'));
}

async function view(u: U, type: string, id: number) {
  const res = await u.client.get(`/api/approvals?documentType=${type}&documentId=${id}`);
  expect(res.statusCode).toBe(200);
  return json(res).request;
}

async function act(u: U, requestId: number, body: Record<string, unknown>) {
  return u.client.post(`/api/approvals/${requestId}/actions`, body);
}

async function approve(u: U, requestId: number) {
  const res = await act(u, requestId, { action: 'approve' });
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
}

beforeAll(async () => {
  ctx = await createTestContext();
  teamA = await createTeam(ctx, '大客户一组');
  const teamB = await createTeam(ctx, '大客户二组');
  applicant = await createUser(ctx, { username: 'zhang.san', displayName: '张三', roles: ['specialist'], teamId: teamA });
  supervisor = await createUser(ctx, { username: 'wang.wu', displayName: '王五', roles: ['supervisor'], teamId: teamA });
  manager = await createUser(ctx, { username: 'li.jingli', displayName: '李经理', roles: ['manager'], departmentId: 1 });
  manager2 = await createUser(ctx, { username: 'zhou.jingli', displayName: '周经理', roles: ['manager'], departmentId: 1 });
  director = await createUser(ctx, { username: 'chen.zongjian', displayName: '陈总监', roles: ['director'], departmentId: 1 });
  outsider = await createUser(ctx, { username: 'zhao.liu', displayName: '赵六', roles: ['specialist'], teamId: teamB });
  m1 = await createUser(ctx, { username: 'board.one', displayName: '委员一', roles: ['specialist'], teamId: teamB });
  m2 = await createUser(ctx, { username: 'board.two', displayName: '委员二', roles: ['specialist'], teamId: teamB });
  m3 = await createUser(ctx, { username: 'board.three', displayName: '委员三', roles: ['specialist'], teamId: teamB });
  const team = json(await ctx.admin.get(`/api/teams/${teamA}`));
  expect((await ctx.admin.put(`/api/teams/${teamA}`, { supervisorId: supervisor.id, version: team.version })).statusCode).toBe(200);
  register('test_doc', TEST_CHAIN);
}, 60_000);
afterAll(() => ctx.close());

describe('approvals: return, resubmission and history (§18)', () => {
  it('keeps the whole history of every round, in order, through a return to an earlier step and a resubmission', async () => {
    const doc = newDoc(applicant, { amount: 200000 });
    const submitted = await submit(applicant, 'test_doc', doc);
    expect(submitted.status).toBe('pending');
    expect(submitted.steps.map((s: { key: string }) => s.key)).toEqual(['supervisor_review', 'manager_review', 'director_approval']);
    expect(submitted.currentApprovers).toEqual([{ id: supervisor.id, name: '王五' }]);
    const id = submitted.id;

    // The supervisor finds it in their queue and on their to-do home page, with a notification.
    expect(json(await supervisor.client.get('/api/approvals/queue')).items.map((r: { id: number }) => r.id)).toContain(id);
    const todo = json(await supervisor.client.get('/api/home/todo'));
    expect(todo).toContainEqual(expect.objectContaining({ kind: 'approval', title: `测试单据 ${doc}`, link: { type: 'test_doc', id: doc, path: `/test-docs/${doc}` } }));
    const inbox = json(await supervisor.client.get('/api/notifications'));
    expect(inbox.items.map((n: { title: string }) => n.title)).toContain(`待您审批：测试单据 ${doc}`);

    await approve(supervisor, id);
    await approve(manager, id);
    const back = await act(director, id, { action: 'return', toStepKey: 'manager_review', comment: '预算依据不足，请经理复核' });
    expect(back.statusCode, back.body).toBe(200);
    expect(json(back)).toMatchObject({ status: 'pending', currentStepKey: 'manager_review' });
    // That step's approvers decide again: either manager may, the director no longer.
    expect((await act(director, id, { action: 'approve' })).statusCode).toBe(403);
    const toApplicant = await act(manager2, id, { action: 'return', comment: '请补充预算明细' });
    expect(json(toApplicant)).toMatchObject({ status: 'returned', currentStepKey: null, canAct: [] });
    expect(outcomes.filter((o) => o.id === doc).map((o) => o.outcome)).toEqual(['pending', 'returned']);
    expect(json(await applicant.client.get('/api/notifications')).items.map((n: { title: string }) => n.title)).toContain(`审批退回修改：测试单据 ${doc}`);

    // Nothing but a resubmission restarts it.
    expect((await act(manager, id, { action: 'approve' })).statusCode).toBe(409);
    const again = await submit(applicant, 'test_doc', doc);
    expect(again).toMatchObject({ id, status: 'pending', currentStepKey: 'supervisor_review' });
    await approve(supervisor, id);
    await approve(manager, id);
    const done = await approve(director, id);
    expect(done.status).toBe('approved');
    expect(done.decidedAt).not.toBeNull();
    expect(done.steps.every((s: { state: string }) => s.state === 'done')).toBe(true);
    expect(outcomes.filter((o) => o.id === doc).map((o) => o.outcome)).toEqual(['pending', 'returned', 'pending', 'approved']);

    const history = (await view(applicant, 'test_doc', doc)).history;
    expect(history.map((h: any) => [h.round, h.action, h.actorName, h.stepKey, h.returnedTo, h.comment])).toEqual([
      [1, 'submit', '张三', null, null, '请审批'],
      [1, 'approve', '王五', 'supervisor_review', null, null],
      [1, 'approve', '李经理', 'manager_review', null, null],
      [1, 'return', '陈总监', 'director_approval', 'manager_review', '预算依据不足，请经理复核'],
      [1, 'return', '周经理', 'manager_review', null, '请补充预算明细'],
      [2, 'resubmit', '张三', null, null, '请审批'],
      [2, 'approve', '王五', 'supervisor_review', null, null],
      [2, 'approve', '李经理', 'manager_review', null, null],
      [2, 'approve', '陈总监', 'director_approval', null, null],
    ]);
    expect(history[3].stepName).toBe('总监审批');
    expect(json(await applicant.client.get('/api/notifications')).items.map((n: { title: string }) => n.title)).toContain(`审批通过：测试单据 ${doc}`);
  });

  it('refuses a return to a later step or without a comment, and changes nothing', async () => {
    const doc = newDoc(applicant, { amount: 200000 });
    const { id } = await submit(applicant, 'test_doc', doc);
    await approve(supervisor, id);
    const later = await act(manager, id, { action: 'return', toStepKey: 'director_approval', comment: '不行' });
    expect(later.statusCode).toBe(422);
    expect(later.json().error.fields[0].field).toBe('toStepKey');
    const silent = await act(manager, id, { action: 'return' });
    expect(silent.statusCode).toBe(422);
    expect(silent.json().error.fields[0].field).toBe('comment');
    expect(await view(manager, 'test_doc', doc)).toMatchObject({ status: 'pending', currentStepKey: 'manager_review' });
  });

  it('ends the request on a rejection; the document may then be submitted as a new request', async () => {
    const doc = newDoc(applicant, { amount: 1000 });
    const { id } = await submit(applicant, 'test_doc', doc);
    const res = await act(supervisor, id, { action: 'reject', comment: '客户不在本组负责范围' });
    expect(json(res)).toMatchObject({ status: 'rejected', canAct: [] });
    expect(outcomes.filter((o) => o.id === doc).map((o) => o.outcome)).toEqual(['pending', 'rejected']);
    expect((await act(director, id, { action: 'approve' })).statusCode).toBe(409);
    const fresh = await submit(applicant, 'test_doc', doc);
    expect(fresh.id).not.toBe(id);
    expect(fresh.history.map((h: { action: string }) => h.action)).toEqual(['submit']);
  });
});

describe('approvals: who may act', () => {
  it('opens the approval queue to the call-centre manager and the team lead, like every other role (docs/regulations.md §1)', async () => {
    for (const role of ['callcentre_manager', 'team_lead']) {
      const user = await createUser(ctx, { username: `queue.${role}`, roles: [role], departmentId: 1 });
      expect((await user.client.get('/api/approvals/queue')).statusCode, role).toBe(200);
    }
  });

  it('refuses self-approval with 403 and a clear message, even to a holder of the step’s role', async () => {
    const doc = newDoc(manager, { amount: 200000 }, null);
    docs.get(doc)!.departmentId = 1;
    // No team: the supervisor step cannot be resolved, so this chain goes straight to managers and the director.
    const chainWithoutSupervisor: ChainStep[] = TEST_CHAIN.slice(1);
    register('test_manager_doc', chainWithoutSupervisor);
    const req = await submit(manager, 'test_manager_doc', doc);
    // The applicant is not an approver of their own step; the other manager is.
    expect(req.currentApprovers.map((a: { id: number }) => a.id)).toEqual([manager2.id]);
    const own = await act(manager, req.id, { action: 'approve' });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toBe('不能审批自己提交的单据');
    expect((await act(manager2, req.id, { action: 'approve' })).statusCode).toBe(200);
  });

  it('answers 403 to someone who may see the request but whose step it is not, 404 to someone who may not see it', async () => {
    const doc = newDoc(applicant, { amount: 200000 });
    const { id } = await submit(applicant, 'test_doc', doc);
    const notYours = await act(director, id, { action: 'approve' });
    expect(notYours.statusCode).toBe(403);
    expect(notYours.json().error.message).toBe('当前审批步骤不由您处理');
    expect((await act(applicant, id, { action: 'approve' })).statusCode).toBe(403);
    // Another team's specialist: not an approver, not the applicant, no scope over the applicant.
    expect((await outsider.client.get(`/api/approvals/${id}`)).statusCode).toBe(404);
    expect((await act(outsider, id, { action: 'approve' })).statusCode).toBe(404);
    expect((await outsider.client.get(`/api/approvals?documentType=test_doc&documentId=${doc}`)).statusCode).toBe(404);
    expect((await act(outsider, 999999, { action: 'approve' })).json().error.message).toBe((await act(outsider, id, { action: 'approve' })).json().error.message);
    // Managers and directors see everything; the applicant's supervisor sees the team's.
    expect((await director.client.get(`/api/approvals/${id}`)).statusCode).toBe(200);
    expect(json(await supervisor.client.get(`/api/approvals/${id}`)).canAct).toEqual(['approve', 'reject', 'return']);
    expect(json(await applicant.client.get(`/api/approvals/${id}`)).canAct).toEqual(['withdraw']);
    expect(json(await director.client.get('/api/approvals/queue')).items.map((r: { id: number }) => r.id)).not.toContain(id);
  });

  it('lets the applicant withdraw only before the first decision of the round', async () => {
    const doc = newDoc(applicant, { amount: 1000 });
    const { id } = await submit(applicant, 'test_doc', doc);
    expect((await act(supervisor, id, { action: 'withdraw' })).statusCode).toBe(403);
    const withdrawn = await act(applicant, id, { action: 'withdraw' });
    expect(json(withdrawn).status).toBe('withdrawn');
    expect(json(await supervisor.client.get('/api/approvals/queue')).items.map((r: { id: number }) => r.id)).not.toContain(id);
    const again = await submit(applicant, 'test_doc', doc);
    expect(again).toMatchObject({ id, status: 'pending' });
    await approve(supervisor, id);
    const late = await act(applicant, id, { action: 'withdraw' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('本轮已有审批意见，不能撤回');
    expect(outcomes.filter((o) => o.id === doc).map((o) => o.outcome)).toEqual(['pending', 'withdrawn', 'pending']);
  });

  it('lets exactly one of two approvers acting at the same moment win; the other gets 409', async () => {
    expect((await ctx.admin.post('/api/approval-groups', { key: 'duty_pair', name: '值班组', memberIds: [m1.id, m2.id] })).statusCode).toBe(201);
    register('test_race', [{ key: 'duty', name: L('值班审批'), approver: { kind: 'group', group: 'duty_pair', mode: 'any' } }, ...TEST_CHAIN.slice(2)]);
    const doc = newDoc(applicant);
    const req = await submit(applicant, 'test_race', doc);
    const results = await Promise.all([
      act(m1, req.id, { action: 'approve', version: req.version }),
      act(m2, req.id, { action: 'approve', version: req.version }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const history = (await view(applicant, 'test_race', doc)).history;
    expect(history.filter((h: { action: string }) => h.action === 'approve')).toHaveLength(1);
    expect((await view(applicant, 'test_race', doc)).currentStepKey).toBe('director_approval');
  });
});

describe('approvals: chains and conditions', () => {
  it('skips a step whose condition is false for the document', async () => {
    const small = await submit(applicant, 'test_doc', newDoc(applicant, { amount: 50000 }));
    expect(small.steps.map((s: { key: string }) => s.key)).toEqual(['supervisor_review', 'director_approval']);
    await approve(supervisor, small.id);
    expect(json(await director.client.get(`/api/approvals/${small.id}`)).currentStepKey).toBe('director_approval');
  });

  it('applies a chain change to new submissions only; requests in flight keep their steps', async () => {
    const inFlight = await submit(applicant, 'test_doc', newDoc(applicant, { amount: 200000 }));
    expect(inFlight.chainVersion).toBe(1);
    const chains = json(await ctx.admin.get('/api/approval-chains')).items;
    const before = chains.find((c: { documentType: string }) => c.documentType === 'test_doc');
    expect(before).toMatchObject({ currentVersion: 1, versions: [{ version: 1, builtIn: true }] });
    const onlyDirector = [TEST_CHAIN[2]];
    const saved = await ctx.admin.put('/api/approval-chains/test_doc', { steps: onlyDirector, version: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json(saved).versions.map((v: { version: number; builtIn: boolean }) => [v.version, v.builtIn])).toEqual([
      [2, false],
      [1, false],
    ]);
    // Someone else saving on top of version 1 now is refused.
    expect((await ctx.admin.put('/api/approval-chains/test_doc', { steps: TEST_CHAIN, version: 1 })).statusCode).toBe(409);

    const fresh = await submit(applicant, 'test_doc', newDoc(applicant, { amount: 200000 }));
    expect(fresh.chainVersion).toBe(2);
    expect(fresh.steps.map((s: { key: string }) => s.key)).toEqual(['director_approval']);
    const old = json(await supervisor.client.get(`/api/approvals/${inFlight.id}`));
    expect(old.chainVersion).toBe(1);
    expect(old.steps.map((s: { key: string }) => s.key)).toEqual(['supervisor_review', 'manager_review', 'director_approval']);
    await approve(supervisor, inFlight.id);
    expect(json(await manager.client.get(`/api/approvals/${inFlight.id}`)).currentStepKey).toBe('manager_review');
    // Put the regulations’ chain back for the other tests.
    expect((await ctx.admin.put('/api/approval-chains/test_doc', { steps: TEST_CHAIN, version: 2 })).statusCode).toBe(200);
  });

  it('lets only administrators edit chains and groups, and refuses unknown groups and duplicate keys with 422', async () => {
    expect((await manager.client.get('/api/approval-chains')).statusCode).toBe(403);
    expect((await manager.client.put('/api/approval-groups/1', { name: 'x', version: 1 })).statusCode).toBe(403);
    const unknown = await ctx.admin.put('/api/approval-chains/maintenance_plan', {
      steps: [{ key: 'a', name: L('甲'), approver: { kind: 'group', group: 'no_such_group', mode: 'any' } }],
      version: 1,
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields[0].field).toBe('steps.0.approver.group');
    const dup = await ctx.admin.put('/api/approval-chains/maintenance_plan', { steps: [TEST_CHAIN[0], TEST_CHAIN[0]], version: 1 });
    expect(dup.statusCode).toBe(422);
    expect(json(await ctx.admin.get('/api/approval-chains')).items.find((c: any) => c.documentType === 'maintenance_plan').currentVersion).toBe(1);
  });

  it('needs every member of an "all members" group, each approving once', async () => {
    const group = await ctx.admin.post('/api/approval-groups', { key: 'board', name: '评审委员会', memberIds: [m1.id, m2.id, m3.id] });
    expect(group.statusCode, group.body).toBe(201);
    register('test_board', [{ key: 'board', name: L('委员会评审'), approver: { kind: 'group', group: 'board', mode: 'all' } }]);
    const doc = newDoc(applicant);
    const req = await submit(applicant, 'test_board', doc);
    expect(req.steps[0].approverLabel).toBe('评审委员会（全体成员）');
    expect((await approve(m1, req.id)).status).toBe('pending');
    expect((await act(m1, req.id, { action: 'approve' })).statusCode).toBe(403);
    const afterTwo = await approve(m2, req.id);
    expect(afterTwo).toMatchObject({ status: 'pending', currentApprovers: [{ id: m3.id, name: '委员三' }] });
    expect(json(await m1.client.get('/api/approvals/queue')).items.map((r: { id: number }) => r.id)).not.toContain(req.id);
    expect(json(await m3.client.get('/api/approvals/queue')).items.map((r: { id: number }) => r.id)).toContain(req.id);
    expect((await approve(m3, req.id)).status).toBe('approved');
    expect(outcomes.filter((o) => o.type === 'test_board').map((o) => o.outcome)).toEqual(['pending', 'approved']);
  });

  it('routes to the department head set in the organisation, and refuses a submission nobody could approve', async () => {
    register('test_dev_plan', [
      { key: 'department_head', name: L('部门负责人审批'), approver: { kind: 'department_head' } },
      { key: 'management_meeting', name: L('经理办公会审批'), approver: { kind: 'group', group: 'management_meeting', mode: 'any' } },
    ]);
    const doc = newDoc(applicant);
    // Neither a head nor members of 经理办公会 yet: 422 naming the step, nothing stored.
    const refused = await submit(applicant, 'test_dev_plan', doc).catch((e) => e);
    expect(refused.status).toBe(422);
    expect(refused.messageKey).toBe('approval.no_approver');
    expect(await view(applicant, 'test_dev_plan', doc)).toBeNull();

    const dept = json(await ctx.admin.get('/api/departments/1'));
    const put = await ctx.admin.put('/api/departments/1', { headId: director.id, version: dept.version });
    expect(json(put)).toMatchObject({ headId: director.id, headName: '陈总监' });
    const groups = json(await ctx.admin.get('/api/approval-groups')).items;
    const meeting = groups.find((g: { key: string }) => g.key === 'management_meeting');
    expect(meeting).toMatchObject({ name: '经理办公会', members: [] });
    expect((await ctx.admin.put(`/api/approval-groups/${meeting.id}`, { memberIds: [manager.id, manager2.id], version: meeting.version })).statusCode).toBe(200);

    const req = await submit(applicant, 'test_dev_plan', doc);
    expect(req.currentApprovers).toEqual([{ id: director.id, name: '陈总监' }]);
    const next = await approve(director, req.id);
    expect(next.currentApprovers.map((a: { id: number }) => a.id).sort()).toEqual([manager.id, manager2.id].sort());
    expect((await approve(manager2, req.id)).status).toBe('approved');
  });
});
