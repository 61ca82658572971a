import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, type Client, type TestContext } from '../../../test/harness';

// Relationship evaluation 客户关系评估 (docs/regulations.md §4). Default bands: ≥ 80 维持, < 60 终止, between 改进.
let ctx: TestContext;
type U = { id: number; client: Client };
let manager: U, supervisorA: U, supervisorB: U, specA: U, specB: U;
let customerA: number;
let customerB: number;
type Template = { id: number; versionNo: number; status: string; used: boolean; version: number; indicators: { id: number; name: string; weight: number; basis: string }[] };
let seeded: Template;

const scoresAll = (tpl: Template, score: number) => tpl.indicators.map((i) => ({ indicatorId: i.id, score, basis: `${i.name}：按季度记录` }));

async function evaluate(who: U, body: Record<string, unknown>) {
  const res = await who.client.post('/api/evaluations', { customerId: customerA, templateId: seeded.id, evaluatedOn: '2026-12-01', ...body });
  if (res.statusCode !== 201) throw new Error(`evaluation failed: ${res.statusCode} ${res.body}`);
  return json(res);
}

beforeAll(async () => {
  ctx = await createTestContext();
  const teamA = await createTeam(ctx, '大客户一组', 1);
  const teamB = await createTeam(ctx, '大客户二组', 1);
  manager = await createUser(ctx, { username: 'jing.li', displayName: '吴经理', roles: ['manager'], departmentId: 1 });
  supervisorA = await createUser(ctx, { username: 'zhu.guan.a', displayName: '郑主管', roles: ['supervisor'], teamId: teamA });
  supervisorB = await createUser(ctx, { username: 'zhu.guan.b', displayName: '孙主管', roles: ['supervisor'], teamId: teamB });
  specA = await createUser(ctx, { username: 'zhuan.yuan.a', displayName: '王专员', roles: ['specialist'], teamId: teamA });
  specB = await createUser(ctx, { username: 'zhuan.yuan.b', displayName: '冯专员', roles: ['specialist'], teamId: teamB });
  for (const [team, sup] of [[teamA, supervisorA], [teamB, supervisorB]] as const) {
    const cur = json(await ctx.admin.get(`/api/teams/${team}`));
    expect((await ctx.admin.put(`/api/teams/${team}`, { supervisorId: sup.id, version: cur.version })).statusCode).toBe(200);
  }
  customerA = json(await specA.client.post('/api/customers', { name: '北京华宇科技有限公司' })).id;
  customerB = json(await specB.client.post('/api/customers', { name: '上海东方航运有限公司' })).id;
  seeded = json(await specA.client.get('/api/evaluation-templates')).items[0];
});
afterAll(() => ctx.close());

describe('scorecard templates 评估模板 (docs/regulations.md §4)', () => {
  it('ships the 客户关系评估表 template whose weights add up to 100 %', () => {
    expect(seeded).toMatchObject({ versionNo: 1, status: 'active', builtin: true });
    expect(seeded.indicators.length).toBeGreaterThanOrEqual(3);
    expect(seeded.indicators.reduce((s, i) => s + i.weight, 0)).toBe(100);
    for (const i of seeded.indicators) expect(i.basis.length).toBeGreaterThan(0);
  });

  it('refuses a scorecard whose weights do not sum to 100 % with 422 naming indicators, in Chinese and English', async () => {
    const body = { name: '年度评估', indicators: [{ name: '采购额', weight: 50, basis: '年度采购额' }, { name: '付款', weight: 40, basis: '按期付款' }] };
    const zh = await manager.client.post('/api/evaluation-templates', body);
    expect(zh.statusCode).toBe(422);
    expect(json(zh).error.fields).toEqual([{ field: 'indicators', message: '各项指标权重之和须为 100%（当前为 90%）' }]);
    const en = await manager.client.post('/api/evaluation-templates', body, { headers: { 'accept-language': 'en' } });
    expect(en.statusCode).toBe(422);
    expect(json(en).error.fields).toEqual([{ field: 'indicators', message: 'The indicator weights must add up to 100 % (now 90 %)' }]);
    const names = json(await manager.client.get('/api/evaluation-templates')).items.map((t: Template & { name: string }) => t.name);
    expect(names).not.toContain('年度评估');
  });

  it('lets only managers and directors edit scorecards (a specialist gets 403)', async () => {
    const res = await specA.client.post('/api/evaluation-templates', { name: 'X', indicators: [{ name: 'a', weight: 100, basis: 'b' }] });
    expect(res.statusCode).toBe(403);
  });

  it('edits an unused scorecard in place, and turns an edit of a used one into a new version', async () => {
    const created = json(await manager.client.post('/api/evaluation-templates', { name: '合作评估', indicators: [{ name: '采购额', weight: 60, basis: '年度采购额' }, { name: '付款', weight: 40, basis: '按期付款' }] }));
    const edited = json(await manager.client.put(`/api/evaluation-templates/${created.id}`, { name: '合作评估', indicators: [{ name: '采购额', weight: 70, basis: '年度采购额' }, { name: '付款', weight: 30, basis: '按期付款' }], version: created.version }));
    expect(edited).toMatchObject({ id: created.id, versionNo: 1, used: false });
    expect(edited.indicators.map((i: { weight: number }) => i.weight)).toEqual([70, 30]);

    const e = await evaluate(specA, { templateId: created.id, scores: edited.indicators.map((i: { id: number }) => ({ indicatorId: i.id, score: 80 })) });
    const v2res = await manager.client.put(`/api/evaluation-templates/${created.id}`, { name: '合作评估', indicators: [{ name: '采购额', weight: 50, basis: '年度采购额' }, { name: '付款', weight: 50, basis: '按期付款' }], version: edited.version });
    expect(v2res.statusCode).toBe(200);
    const v2 = json(v2res);
    expect(v2).toMatchObject({ familyId: created.id, versionNo: 2, status: 'active', used: false });
    expect(v2.id).not.toBe(created.id);
    // The evaluation made with version 1 keeps its weights and total.
    const old = json(await specA.client.get(`/api/evaluations/${e.id}`));
    expect(old.scores.map((s: { weight: number }) => s.weight)).toEqual([70, 30]);
    expect(json(await manager.client.get(`/api/evaluation-templates/${created.id}`))).toMatchObject({ status: 'superseded', used: true });
    // A new evaluation cannot start on the superseded version.
    const res = await specA.client.post('/api/evaluations', { customerId: customerA, templateId: created.id, evaluatedOn: '2026-12-02', scores: edited.indicators.map((i: { id: number }) => ({ indicatorId: i.id, score: 80 })) });
    expect(res.statusCode).toBe(422);
  });
});

describe('evaluations 客户关系评估 (docs/regulations.md §4)', () => {
  it('computes the weighted total and recommends 终止关系 for a total in the terminate band', async () => {
    const e = await evaluate(specA, { scores: scoresAll(seeded, 50), conclusion: '合作意愿下降，回款持续逾期' });
    expect(e).toMatchObject({ status: 'draft', total: 50, recommendation: 'terminate', customerName: '北京华宇科技有限公司', ownerId: specA.id });
    expect(e.scores).toHaveLength(seeded.indicators.length);
    expect(e.can).toEqual({ edit: true, submit: true, review: false });
  });

  it('recommends 维持 from 80 and 改进 between the bands, and follows the bands in settings', async () => {
    expect((await evaluate(specA, { scores: scoresAll(seeded, 80) })).recommendation).toBe('maintain');
    const mixed = seeded.indicators.map((i, n) => ({ indicatorId: i.id, score: n === 0 ? 40 : 80 })); // first weight 25 %: 70 points
    const e = await evaluate(specA, { scores: mixed });
    expect(e).toMatchObject({ total: 70, recommendation: 'improve' });
    const s = json(await ctx.admin.get('/api/settings')).groups.flatMap((g: { items: { key: string; version: number }[] }) => g.items).find((i: { key: string }) => i.key === 'evaluations.maintainMinScore');
    expect((await ctx.admin.put('/api/settings/evaluations.maintainMinScore', { value: 70, version: s.version })).statusCode).toBe(200);
    const again = json(await specA.client.put(`/api/evaluations/${e.id}`, { conclusion: '按新标准复核', version: e.version }));
    expect(again.recommendation).toBe('maintain');
    const back = json(await ctx.admin.get('/api/settings')).groups.flatMap((g: { items: { key: string; version: number }[] }) => g.items).find((i: { key: string }) => i.key === 'evaluations.maintainMinScore');
    await ctx.admin.put('/api/settings/evaluations.maintainMinScore', { value: 80, version: back.version });
  });

  it('refuses scores that do not cover every indicator of the scorecard', async () => {
    const res = await specA.client.post('/api/evaluations', { customerId: customerA, templateId: seeded.id, evaluatedOn: '2026-12-01', scores: scoresAll(seeded, 70).slice(1) });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0].field).toBe('scores');
  });

  it('keeps the 客户关系强化表 rows for each of our levels', async () => {
    const e = await evaluate(specA, {
      scores: scoresAll(seeded, 65),
      strengthening: [{ level: 'general_manager', influence: '对方董事长与我方总经理为校友', competitorTie: '与竞争对手高层往来较少', responsible: '李总', measures: '季度高层互访', timing: '2027 年第一季度' }],
    });
    expect(e.strengthening).toHaveLength(6);
    expect(e.strengthening[0]).toEqual({ level: 'general_manager', influence: '对方董事长与我方总经理为校友', competitorTie: '与竞争对手高层往来较少', responsible: '李总', measures: '季度高层互访', timing: '2027 年第一季度' });
    expect(e.strengthening[5]).toMatchObject({ level: 'other', measures: null });
  });

  it('answers 404 to a specialist or supervisor of another team, and lists only what they may see', async () => {
    const e = await evaluate(specA, { scores: scoresAll(seeded, 75) });
    expect((await specB.client.get(`/api/evaluations/${e.id}`)).statusCode).toBe(404);
    expect((await supervisorB.client.get(`/api/evaluations/${e.id}`)).statusCode).toBe(404);
    expect((await specB.client.put(`/api/evaluations/${e.id}`, { conclusion: 'x', version: e.version })).statusCode).toBe(404);
    expect((await specB.client.get(`/api/customers/${customerA}/evaluations`)).statusCode).toBe(404);
    expect(json(await specB.client.get('/api/evaluations')).items.map((i: { id: number }) => i.id)).not.toContain(e.id);
    // Nor can anyone evaluate a customer outside their scope.
    const res = await specB.client.post('/api/evaluations', { customerId: customerA, templateId: seeded.id, evaluatedOn: '2026-12-01', scores: scoresAll(seeded, 70) });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0].field).toBe('customerId');
    expect((await specB.client.get(`/api/customers/${customerB}/evaluations`)).statusCode).toBe(200);
  });

  it('is submitted by the specialist and confirmed by the supervisor of the customer’s team, who is told', async () => {
    const e = await evaluate(specA, { scores: scoresAll(seeded, 55) });
    // Not before it is submitted, and never by the specialist.
    expect((await supervisorA.client.post(`/api/evaluations/${e.id}/confirm`, { version: e.version })).statusCode).toBe(409);
    const submitted = json(await specA.client.post(`/api/evaluations/${e.id}/submit`, { version: e.version }));
    expect(submitted).toMatchObject({ status: 'submitted', submittedByName: '王专员', can: { edit: false, review: false } });
    expect((await specA.client.post(`/api/evaluations/${e.id}/confirm`, { version: submitted.version })).statusCode).toBe(403);
    expect((await supervisorB.client.post(`/api/evaluations/${e.id}/confirm`, { version: submitted.version })).statusCode).toBe(404);
    expect((await specA.client.put(`/api/evaluations/${e.id}`, { conclusion: '改', version: submitted.version })).statusCode).toBe(409);

    const inbox = json(await supervisorA.client.get('/api/notifications?pageSize=50')).items as { kind: string; title: string; body: string; link: { path: string } | null }[];
    const n = inbox.find((i) => i.kind === 'evaluation.submitted' && i.link?.path === `/evaluations/${e.id}`);
    expect(n?.title).toBe('客户关系评估待确认：北京华宇科技有限公司');
    expect(n?.body).toContain('终止关系');

    const seen = json(await supervisorA.client.get(`/api/evaluations/${e.id}`));
    expect(seen.can.review).toBe(true);
    const confirmed = json(await supervisorA.client.post(`/api/evaluations/${e.id}/confirm`, { version: seen.version, comment: '同意，转经理决定是否终止合作' }));
    expect(confirmed).toMatchObject({ status: 'confirmed', reviewedByName: '郑主管', reviewComment: '同意，转经理决定是否终止合作', recommendation: 'terminate' });
  });

  it('lets the supervisor return it with a comment; the specialist revises and resubmits', async () => {
    const e = await evaluate(specA, { scores: scoresAll(seeded, 62) });
    const s1 = json(await specA.client.post(`/api/evaluations/${e.id}/submit`, { version: e.version }));
    expect((await supervisorA.client.post(`/api/evaluations/${e.id}/return`, { version: s1.version })).statusCode).toBe(400);
    const r = json(await supervisorA.client.post(`/api/evaluations/${e.id}/return`, { version: s1.version, comment: '付款信用评分缺少依据' }));
    expect(r).toMatchObject({ status: 'returned', reviewComment: '付款信用评分缺少依据', can: { edit: true } });
    const fixed = json(await specA.client.put(`/api/evaluations/${e.id}`, { scores: scoresAll(seeded, 85), version: r.version }));
    expect(fixed.recommendation).toBe('maintain');
    expect(json(await specA.client.post(`/api/evaluations/${e.id}/submit`, { version: fixed.version })).status).toBe('submitted');
  });

  it('lists a customer’s evaluations newest first with total and recommendation', async () => {
    const list = json(await specA.client.get(`/api/customers/${customerA}/evaluations`));
    expect(list.total).toBeGreaterThanOrEqual(5);
    expect(list.items[0]).toHaveProperty('total');
    expect(list.items.every((i: { customerId: number }) => i.customerId === customerA)).toBe(true);
    expect(json(await manager.client.get('/api/evaluations?recommendation=terminate')).items.length).toBeGreaterThanOrEqual(2);
  });
});
