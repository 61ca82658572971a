import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, type Client, type TestContext } from '../../../test/harness';

// Proposals 提案 (docs/regulations.md §14) on SQLite and PostgreSQL.
let ctx: TestContext;
type U = { id: number; client: Client };
let specA: U, supA: U, supB: U, manager: U, manager2: U, director: U;
let customerA: number;

const form = {
  title: '售后报修单增加照片上传',
  proposedOn: '2026-12-01',
  problem: '报修描述不清，常需二次上门。',
  proposal: '报修时允许客户上传故障照片。',
  expectedBenefit: '减少二次上门约 30%。',
  patent: false,
};
const scores = (s: [number, number, number, number, number, number]) => ({ economicBenefit: s[0], completeness: s[1], creativity: s[2], scope: s[3], researchTime: s[4], cost: s[5] });

async function submitted(who: U, body: Record<string, unknown>) {
  const res = await who.client.post('/api/proposals', { ...form, ...body });
  if (res.statusCode !== 201) throw new Error(`proposal failed: ${res.statusCode} ${res.body}`);
  const p = json(res);
  const sub = await who.client.post(`/api/proposals/${p.id}/submit`, { version: p.version });
  if (sub.statusCode !== 200) throw new Error(`submit failed: ${sub.statusCode} ${sub.body}`);
  return json(sub);
}
const weightsSetting = async () =>
  json(await ctx.admin.get('/api/settings')).groups.flatMap((g: { items: { key: string; version: number }[] }) => g.items).find((i: { key: string }) => i.key === 'proposals.weights');

beforeAll(async () => {
  ctx = await createTestContext();
  const teamA = await createTeam(ctx, '售后服务一组', 1);
  const teamB = await createTeam(ctx, '售后服务二组', 1);
  specA = await createUser(ctx, { username: 'ta.zhuanyuan', displayName: '吴专员', roles: ['specialist'], teamId: teamA });
  supA = await createUser(ctx, { username: 'ta.zhuguan', displayName: '周主管', roles: ['supervisor'], teamId: teamA });
  supB = await createUser(ctx, { username: 'tb.zhuguan', displayName: '郑主管', roles: ['supervisor'], teamId: teamB });
  manager = await createUser(ctx, { username: 'kf.jingli', displayName: '冯经理', roles: ['manager'], departmentId: 1 });
  manager2 = await createUser(ctx, { username: 'kf.jingli2', displayName: '韩经理', roles: ['manager'], departmentId: 1 });
  director = await createUser(ctx, { username: 'kf.zongjian', displayName: '陈总监', roles: ['director'], departmentId: 1 });
  customerA = json(await specA.client.post('/api/customers', { name: '北京华宇科技有限公司' })).id;
});
afterAll(() => ctx.close());

describe('提案评定表 (docs/regulations.md §14)', () => {
  it('totals a proposal scored 80 / 90 / 70 / 60 / 50 / 100 on the six criteria at 77.0', async () => {
    const p = await submitted(specA, { source: 'staff' });
    const res = await supA.client.post(`/api/proposals/${p.id}/reviews`, { scores: scores([80, 90, 70, 60, 50, 100]) });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toMatchObject({ status: 'submitted', score: '77.0', reviewCount: 1, reviews: [{ reviewerName: '周主管', total: '77.0', weights: scores([50, 10, 10, 10, 10, 10]) }] });
  });

  it('averages two reviewers’ totals and refuses a second assessment by the same reviewer (409)', async () => {
    const p = await submitted(specA, { source: 'staff', title: '合同到期前 60 天自动提醒续签' });
    expect((await supA.client.post(`/api/proposals/${p.id}/reviews`, { scores: scores([80, 90, 70, 60, 50, 100]) })).statusCode).toBe(201);
    const two = json(await manager.client.post(`/api/proposals/${p.id}/reviews`, { scores: scores([60, 60, 60, 60, 60, 60]), comment: '效益估计偏乐观' }));
    expect(two).toMatchObject({ score: '68.5', reviewCount: 2 });
    const again = await supA.client.post(`/api/proposals/${p.id}/reviews`, { scores: scores([100, 100, 100, 100, 100, 100]) });
    expect(again.statusCode).toBe(409);
    expect(json(await supA.client.get(`/api/proposals/${p.id}`)).score).toBe('68.5');
    const listed = json(await manager.client.get('/api/proposals?status=submitted')).items.find((x: { id: number }) => x.id === p.id);
    expect(listed).toMatchObject({ score: '68.5', reviewCount: 2, status: 'submitted' });
  });

  it('refuses a reviewer scoring their own proposal (403)', async () => {
    const p = await submitted(manager, { source: 'staff', title: '统一客户来访接待用语' });
    const res = await manager.client.post(`/api/proposals/${p.id}/reviews`, { scores: scores([80, 80, 80, 80, 80, 80]) });
    expect(res.statusCode).toBe(403);
    expect(json(await manager.client.get(`/api/proposals/${p.id}`))).toMatchObject({ score: null, reviewCount: 0 });
  });

  it('refuses weights that do not total 100 % (422) and scores new assessments with the weights in force', async () => {
    const setting = await weightsSetting();
    const bad = await ctx.admin.put('/api/settings/proposals.weights', { value: scores([50, 10, 10, 10, 10, 20]), version: setting.version });
    expect(bad.statusCode).toBe(422);
    expect(json(bad).error.fields[0].field).toBe('value');
    const ok = await ctx.admin.put('/api/settings/proposals.weights', { value: scores([40, 10, 10, 10, 10, 20]), version: setting.version });
    expect(ok.statusCode).toBe(200);
    const p = await submitted(specA, { source: 'staff', title: '备件库存共享给区域服务站' });
    // 80×40 % + 90×10 % + 70×10 % + 60×10 % + 50×10 % + 100×20 % = 79.0
    expect(json(await supA.client.post(`/api/proposals/${p.id}/reviews`, { scores: scores([80, 90, 70, 60, 50, 100]) })).score).toBe('79.0');
    expect((await ctx.admin.put('/api/settings/proposals.weights', { value: scores([50, 10, 10, 10, 10, 10]), version: json(ok).version })).statusCode).toBe(200);
  });
});

describe('proposals from customers and their scope (docs/regulations.md §1, §14)', () => {
  it('hides a customer’s proposal from another team (404) and keeps it out of their list', async () => {
    const created = await specA.client.post('/api/proposals', { ...form, source: 'customer', customerId: customerA, contactName: '李华', title: '客户建议：季度座谈会线上参会' });
    expect(created.statusCode, created.body).toBe(201);
    const p = json(created);
    expect(p).toMatchObject({ source: 'customer', customerName: '北京华宇科技有限公司', contactName: '李华', proposerId: null, status: 'draft' });
    expect((await supB.client.get(`/api/proposals/${p.id}`)).statusCode).toBe(404);
    expect(json(await supB.client.get('/api/proposals')).items.map((x: { id: number }) => x.id)).not.toContain(p.id);
    expect((await supA.client.get(`/api/proposals/${p.id}`)).statusCode).toBe(200);
  });

  it('keeps the proposal’s files: listed and downloadable within its scope, 404 to another team', async () => {
    const p = json(await specA.client.post('/api/proposals', { ...form, source: 'customer', customerId: customerA, title: '附件提案' }));
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF')]);
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream', cookie: [...specA.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (specA.client.csrf) headers['x-csrf-token'] = specA.client.csrf;
    const up = await ctx.app.inject({ method: 'POST', url: `/api/proposals/${p.id}/attachments?filename=${encodeURIComponent('现场照片说明.pdf')}`, payload: pdf, headers });
    expect(up.statusCode, up.body).toBe(201);
    const file = json(up);
    expect(json(await supA.client.get(`/api/proposals/${p.id}/attachments`)).items).toMatchObject([{ filename: '现场照片说明.pdf', mime: 'application/pdf', uploadedByName: '吴专员' }]);
    const got = await supA.client.get(`/api/proposals/${p.id}/attachments/${file.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(pdf)).toBe(true);
    expect((await supB.client.get(`/api/proposals/${p.id}/attachments/${file.id}`)).statusCode).toBe(404);
  });

  it('refuses a customer’s proposal without the customer (422 naming customerId)', async () => {
    const res = await specA.client.post('/api/proposals', { ...form, source: 'customer' });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0].field).toBe('customerId');
  });
});

describe('approval, implementation, 提案成果报告表 and reward (docs/regulations.md §14, §18)', () => {
  it('goes through the manager and the director, is implemented by a department, reported and rewarded', async () => {
    const p = await submitted(specA, { source: 'customer', customerId: customerA, contactName: '李华', patent: true, patentNote: '可申请实用新型专利' });
    expect((await supA.client.post(`/api/proposals/${p.id}/approval`, {})).statusCode).toBe(422); // not assessed yet
    await supA.client.post(`/api/proposals/${p.id}/reviews`, { scores: scores([80, 90, 70, 60, 50, 100]) });
    const sent = await supA.client.post(`/api/proposals/${p.id}/approval`, { comment: '请审批' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(json(sent).status).toBe('under_review');
    // scoring closes once it is with the approvers
    expect((await manager.client.post(`/api/proposals/${p.id}/reviews`, { scores: scores([90, 90, 90, 90, 90, 90]) })).statusCode).toBe(409);

    const step = async (who: U, key: string) => {
      const req = json(await who.client.get(`/api/approvals?documentType=proposal&documentId=${p.id}`)).request;
      expect(req.currentStepKey).toBe(key);
      const res = await who.client.post(`/api/approvals/${req.id}/actions`, { action: 'approve', comment: '同意', version: req.version });
      expect(res.statusCode, res.body).toBe(200);
    };
    await step(manager2, 'manager');
    expect(json(await specA.client.get(`/api/proposals/${p.id}`)).status).toBe('under_review');
    await step(director, 'director');
    let v = json(await specA.client.get(`/api/proposals/${p.id}`));
    expect(v.status).toBe('approved');

    expect((await specA.client.post(`/api/proposals/${p.id}/implementation`, { departmentId: 1, due: '2027-01-31', version: v.version })).statusCode).toBe(403);
    v = json(await manager.client.post(`/api/proposals/${p.id}/implementation`, { departmentId: 1, due: '2027-01-31', version: v.version }));
    expect(v).toMatchObject({ status: 'implementing', implDepartmentId: 1, implDue: '2027-01-31' });
    expect(v.implDepartmentName).toBeTruthy();

    const rewardEarly = await manager.client.post(`/api/proposals/${p.id}/reward`, { amountCents: 200000, form: '奖金', decidedBy: director.id, version: v.version });
    expect(rewardEarly.statusCode).toBe(409);

    const report = { doneOn: '2027-01-20', motivation: '二次上门多', before: '平均 1.6 次上门', after: '平均 1.1 次上门', method: '报修上传照片，派单前预判', benefit: '年节省差旅 4 万元', conclusion: '达到预期' };
    v = json(await manager.client.post(`/api/proposals/${p.id}/report`, { ...report, version: v.version }));
    expect(v).toMatchObject({ status: 'implemented', implDoneOn: '2027-01-20', report: { before: '平均 1.6 次上门', after: '平均 1.1 次上门' } });

    v = json(await manager.client.post(`/api/proposals/${p.id}/reward`, { amountCents: 200000, form: '奖金及荣誉证书', decidedBy: director.id, on: '2027-02-01', version: v.version }));
    expect(v).toMatchObject({ status: 'rewarded', reward: { amountCents: 200000, form: '奖金及荣誉证书', decidedByName: '陈总监', on: '2027-02-01' }, score: '77.0', patent: true });
  });

  it('returns a rejected proposal as rejected and lets nobody implement it', async () => {
    const p = await submitted(specA, { source: 'staff', title: '客户生日关怀礼品标准化' });
    await supA.client.post(`/api/proposals/${p.id}/reviews`, { scores: scores([30, 50, 40, 50, 60, 70]) });
    await supA.client.post(`/api/proposals/${p.id}/approval`, {});
    const req = json(await manager.client.get(`/api/approvals?documentType=proposal&documentId=${p.id}`)).request;
    expect((await manager.client.post(`/api/approvals/${req.id}/actions`, { action: 'reject', comment: '效益不明显', version: req.version })).statusCode).toBe(200);
    const v = json(await specA.client.get(`/api/proposals/${p.id}`));
    expect(v.status).toBe('rejected');
    expect((await manager.client.post(`/api/proposals/${p.id}/implementation`, { departmentId: 1, due: '2027-01-31', version: v.version })).statusCode).toBe(409);
  });
});
