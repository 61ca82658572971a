import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type Services } from '../../app';
import { openDatabase, type Db } from '../../db/database';
import { createTeam, createTestContext, createUser, json, TestClock, type Client, type TestContext } from '../../../test/harness';
import { createLeases } from '../../platform/jobs/leases';

/**
 * Cooperation projects 合作项目 (docs/regulations.md §15) on SQLite and PostgreSQL: milestones the customer
 * confirms, change requests through the approval engine with the old plan kept, acceptance and closing,
 * the team's data scope, and overdue milestones notifying the lead once.
 */
let ctx: TestContext;
type U = { id: number; client: Client };
let lead: U, member: U, outsider: U, manager: U;
let customer: number;
let projectId: number;

const project = async (c: Client = lead.client) => json(await c.get(`/api/projects/${projectId}`));
const approval = async (changeId: number) => json(await lead.client.get(`/api/approvals?documentType=project_change&documentId=${changeId}`)).request;

async function decide(changeId: number, action: 'approve' | 'reject') {
  const req = await approval(changeId);
  const res = await manager.client.post(`/api/approvals/${req.id}/actions`, { action, comment: action === 'approve' ? '同意变更' : '不同意', version: req.version });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-12-07T02:00:00Z')) });
  const teamA = await createTeam(ctx, '项目一组', 1);
  const teamB = await createTeam(ctx, '项目二组', 1);
  lead = await createUser(ctx, { username: 'xm.zhuguan', displayName: '周主管', roles: ['supervisor'], teamId: teamA });
  member = await createUser(ctx, { username: 'xm.zhuanyuan', displayName: '吴专员', roles: ['specialist'], teamId: teamA });
  outsider = await createUser(ctx, { username: 'xm.waizu', displayName: '郑专员', roles: ['specialist'], teamId: teamB });
  manager = await createUser(ctx, { username: 'xm.jingli', displayName: '冯经理', roles: ['manager'], departmentId: 1 });
  customer = json(await lead.client.post('/api/customers', { name: '北京华远科技有限公司' })).id;
});
afterAll(() => ctx.close());

describe('cooperation projects: team, milestones and the customer’s confirmation (docs/regulations.md §15)', () => {
  it('creates a project for a customer with its team, roles and the customer’s contacts', async () => {
    const res = await lead.client.post('/api/projects', {
      customerId: customer,
      title: '客户服务系统联合升级项目',
      goals: '三个月内完成升级，客户满意度 90 分以上',
      members: [{ userId: member.id, role: '技术负责人' }],
      contacts: [{ name: '李华', position: '信息部经理', role: '客户项目经理' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = json(res);
    projectId = p.id;
    expect(p).toMatchObject({ status: 'active', leadName: '周主管', customerName: '北京华远科技有限公司', members: [{ name: '吴专员', role: '技术负责人' }], contacts: [{ name: '李华', role: '客户项目经理' }] });
    for (const [title, s, e, cost] of [
      ['需求确认', '2026-11-01', '2026-11-20', 20000],
      ['实施上线', '2026-11-21', '2027-01-31', 120000.5],
    ] as const) {
      const r = await lead.client.post(`/api/projects/${projectId}/milestones`, { title, plannedStart: s, plannedEnd: e, costPlanned: cost });
      expect(r.statusCode, r.body).toBe(201);
    }
    const bad = await lead.client.post(`/api/projects/${projectId}/milestones`, { title: '倒置', plannedStart: '2027-02-01', plannedEnd: '2027-01-01', costPlanned: 1.005 });
    expect(bad.statusCode).toBe(422);
    expect(json(bad).error.fields.map((f: { field: string }) => f.field)).toEqual(['plannedEnd']);
  });

  it('flags a milestone changed after the customer’s confirmation as unconfirmed until confirmed again', async () => {
    const m = (await project()).milestones[1];
    const confirmed = json(await lead.client.post(`/api/projects/${projectId}/milestones/${m.id}/confirm`, { confirmedBy: '李华', confirmedOn: '2026-11-05', method: 'signature', version: m.version }));
    expect(confirmed.milestones[1]).toMatchObject({ confirmed: true, reconfirmNeeded: false, confirmation: { confirmedBy: '李华', confirmedOn: '2026-11-05', method: 'signature' } });

    // progress (actual start, quality) keeps the confirmation …
    const progress = json(await lead.client.put(`/api/projects/${projectId}/milestones/${m.id}`, { actualStart: '2026-11-22', qualityNote: '首批模块测试通过', version: confirmed.milestones[1].version }));
    expect(progress.milestones[1]).toMatchObject({ confirmed: true, actualStart: '2026-11-22' });
    // … a new planned end does not
    const moved = json(await lead.client.put(`/api/projects/${projectId}/milestones/${m.id}`, { plannedEnd: '2027-02-15', version: progress.milestones[1].version }));
    expect(moved.milestones[1]).toMatchObject({ plannedEnd: '2027-02-15', confirmed: false, reconfirmNeeded: true, confirmation: null });
    expect(moved.monitoring.unconfirmed).toBe(2);

    const again = json(await lead.client.post(`/api/projects/${projectId}/milestones/${m.id}/confirm`, { confirmedBy: '李华', confirmedOn: '2026-12-06', method: 'email', version: moved.milestones[1].version }));
    expect(again.milestones[1]).toMatchObject({ confirmed: true, reconfirmNeeded: false });
    expect(again.confirmations.map((c: { plannedEnd: string; method: string }) => [c.plannedEnd, c.method])).toEqual([
      ['2027-01-31', 'signature'],
      ['2027-02-15', 'email'],
    ]);
  });

  it('hides another team’s project (404) and lets a member see it', async () => {
    expect((await outsider.client.get(`/api/projects/${projectId}`)).statusCode).toBe(404);
    expect((await outsider.client.post(`/api/projects/${projectId}/meetings`, { heldOn: '2026-12-01', attendees: '郑专员', minutes: '越权' })).statusCode).toBe(404);
    expect(json(await outsider.client.get('/api/projects')).total).toBe(0);
    expect((await member.client.get(`/api/projects/${projectId}`)).statusCode).toBe(200);
  });

  it('records progress meetings with minutes and shows planned against actual cost', async () => {
    const res = await member.client.post(`/api/projects/${projectId}/meetings`, { heldOn: '2026-12-01', attendees: '周主管、吴专员、李华', minutes: '需求确认阶段延误一周，实施按计划推进', decisions: '下周补齐需求文档' });
    expect(res.statusCode, res.body).toBe(201);
    const m = json(res).milestones[0];
    const p = json(await lead.client.put(`/api/projects/${projectId}/milestones/${m.id}`, { actualStart: '2026-11-01', actualEnd: '2026-11-27', costActual: 21000.3, version: m.version }));
    expect(p.meetings[0]).toMatchObject({ heldOn: '2026-12-01', minutes: '需求确认阶段延误一周，实施按计划推进' });
    expect(p.milestones[0]).toMatchObject({ slipDays: 7, overdue: false });
    expect(p.monitoring).toMatchObject({ costPlanned: 140000.5, costActual: 21000.3, costVariance: -119000.2, done: 1 });
  });
});

describe('change requests through the approval engine (docs/regulations.md §15, §18)', () => {
  it('moves the schedule when approved and keeps the old plan as a version', async () => {
    const before = await project();
    const impl = before.milestones[1];
    const res = await lead.client.post(`/api/projects/${projectId}/changes`, {
      title: '增加移动端接入',
      reason: '客户新增移动端需求',
      milestones: [{ milestoneId: impl.id, plannedStart: impl.plannedStart, plannedEnd: '2027-03-08', costPlanned: 150000 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { changeId, project: pending } = json(res);
    expect(pending.changes[0]).toMatchObject({ status: 'pending', scheduleDays: 21, cost: 29999.5 });
    expect(pending.milestones[1].plannedEnd).toBe('2027-02-15'); // nothing moves before the decision
    expect((await approval(changeId)).currentApprovers.map((a: { id: number }) => a.id)).toEqual([manager.id]);

    await decide(changeId, 'approve');
    const after = await project();
    expect(after.milestones[1]).toMatchObject({ plannedEnd: '2027-03-08', costPlanned: 150000, confirmed: false, reconfirmNeeded: true });
    expect(after).toMatchObject({ planVersion: 2, changes: [{ id: changeId, status: 'approved', planVersion: 2 }] });
    expect(after.planVersions).toHaveLength(1);
    expect(after.planVersions[0]).toMatchObject({ versionNo: 1, changeId });
    expect(after.planVersions[0].milestones.map((m: { plannedEnd: string; costPlanned: number; confirmed: boolean }) => [m.plannedEnd, m.costPlanned, m.confirmed])).toEqual([
      ['2026-11-20', 20000, false],
      ['2027-02-15', 120000.5, true],
    ]);
  });

  it('changes nothing when the change request is rejected', async () => {
    const before = await project();
    const impl = before.milestones[1];
    const { changeId } = json(
      await lead.client.post(`/api/projects/${projectId}/changes`, {
        title: '再延期一个月',
        reason: '客户机房搬迁',
        milestones: [{ milestoneId: impl.id, plannedStart: impl.plannedStart, plannedEnd: '2027-04-08', costPlanned: 180000 }],
      }),
    );
    await decide(changeId, 'reject');
    const after = await project();
    expect(after.milestones).toEqual(before.milestones);
    expect(after.planVersion).toBe(before.planVersion);
    expect(after.planVersions).toHaveLength(1);
    expect(after.changes.find((c: { id: number }) => c.id === changeId).status).toBe('rejected');
  });

  it('refuses a change naming a milestone of no such project, naming the field', async () => {
    const res = await lead.client.post(`/api/projects/${projectId}/changes`, { title: 'x', reason: 'y', milestones: [{ milestoneId: 999999, plannedStart: '2027-01-01', plannedEnd: '2027-01-02', costPlanned: 1 }] });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0].field).toBe('milestones.0.milestoneId');
  });
});

describe('overdue milestones (docs/regulations.md §15)', () => {
  let secondDb: Db;
  let second: { app: FastifyInstance; services: Services };
  let lateProject: number;
  beforeAll(async () => {
    secondDb = openDatabase(ctx.config.database); // its own pool, as another process would have
    second = await buildApp({ config: ctx.config, db: secondDb, clock: ctx.clock, logger: false });
    const p = json(await lead.client.post('/api/projects', { customerId: customer, title: '年度联合推广项目', goals: '联合推广', members: [], contacts: [] }));
    lateProject = p.id;
    await lead.client.post(`/api/projects/${lateProject}/milestones`, { title: '推广方案定稿', plannedStart: '2026-11-01', plannedEnd: '2026-12-01', costPlanned: 5000 });
  });
  afterAll(async () => {
    await second.app.close();
    await secondDb.close();
  });

  it('notifies the lead once even with two processes, and shows it on the lead’s home page', async () => {
    const notices = () => ctx.db.kysely.selectFrom('notifications').selectAll().where('kind', '=', 'project.milestone_overdue').execute();
    const one = createLeases(ctx.db.kysely, ctx.clock, 'process-1');
    const two = createLeases(secondDb.kysely, ctx.clock, 'process-2');
    await Promise.all([ctx.services.projects.runOverdue(one, 60_000), second.services.projects.runOverdue(two, 60_000)]);
    ctx.clock.advance(61_000); // the lease runs out: the other process runs too
    await Promise.all([second.services.projects.runOverdue(two, 60_000), ctx.services.projects.runOverdue(one, 60_000)]);
    const sent = await notices();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ user_id: lead.id, link_path: `/projects/${lateProject}` });
    expect(sent[0]!.title).toContain('推广方案定稿');

    const todo = json(await lead.client.get('/api/home/todo'));
    expect(todo.filter((i: { kind: string }) => i.kind === 'project_milestone_overdue').map((i: { title: string; dueDate: string }) => [i.title, i.dueDate])).toEqual([
      ['项目里程碑逾期：年度联合推广项目 — 推广方案定稿', '2026-12-01'],
    ]);
    expect(json(await member.client.get('/api/home/todo')).some((i: { kind: string }) => i.kind === 'project_milestone_overdue')).toBe(false);
  });
});

describe('acceptance and the closing review (docs/regulations.md §15)', () => {
  it('closes only after the customer signs off the acceptance report', async () => {
    let p = await project();
    const early = await lead.client.post(`/api/projects/${projectId}/close`, { summary: '提前关闭', version: p.version });
    expect(early.statusCode).toBe(409);
    const res = await lead.client.post(`/api/projects/${projectId}/acceptance`, { signedBy: '李华', signedOn: '2026-12-06', conclusion: 'passed', note: '验收通过', version: p.version });
    expect(res.statusCode, res.body).toBe(200);
    p = json(res);
    expect(p).toMatchObject({ status: 'accepted', acceptance: { signedBy: '李华', signedOn: '2026-12-06', conclusion: 'passed' } });
    const locked = await lead.client.post(`/api/projects/${projectId}/milestones`, { title: '追加', plannedStart: '2027-01-01', plannedEnd: '2027-01-02', costPlanned: 1 });
    expect(locked.statusCode).toBe(409);
    const closed = json(await lead.client.post(`/api/projects/${projectId}/close`, { summary: '按期交付', lessons: '需求阶段应更早邀请客户参与', version: p.version }));
    expect(closed).toMatchObject({ status: 'closed', review: { summary: '按期交付', closedByName: '周主管' } });
  });
});
