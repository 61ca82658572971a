import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type Services } from '../../app';
import { openDatabase, type Db } from '../../db/database';
import { createTeam, createTestContext, createUser, json, TestClock, type Client, type TestContext } from '../../../test/harness';
import { createLeases } from '../../platform/jobs/leases';
import { DEFAULT_RATING_RULES } from './credit.rules';

// Credit and risk (docs/regulations.md §5) on SQLite and PostgreSQL.
let ctx: TestContext;
type U = { id: number; client: Client };
let specA: U, specB: U, finance: U;
let customerA: number;
let customerB: number;

const survey = {
  surveyDate: '2026-12-01',
  registeredCapitalWan: 1200,
  yearsInBusiness: 12,
  paymentRecord: 'good',
  overdueWan: 0,
  bankRating: 'AA',
  legalRepresentative: '李华',
  bankName: '中国工商银行北京分行',
};

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-12-07T02:00:00Z')) });
  const teamA = await createTeam(ctx, '大客户一组', 1);
  const teamB = await createTeam(ctx, '大客户二组', 2);
  specA = await createUser(ctx, { username: 'zhuan.yuan.a', displayName: '王专员', roles: ['specialist'], teamId: teamA });
  specB = await createUser(ctx, { username: 'zhuan.yuan.b', displayName: '冯专员', roles: ['specialist'], teamId: teamB });
  finance = await createUser(ctx, { username: 'cai.wu', displayName: '陈会计', roles: ['finance'], departmentId: 1 });
  customerA = json(await specA.client.post('/api/customers', { name: '北京华宇科技有限公司' })).id;
  customerB = json(await specB.client.post('/api/customers', { name: '上海东方航运有限公司' })).id;
});
afterAll(() => ctx.close());

async function record(who: U, body: Record<string, unknown>) {
  const res = await who.client.post('/api/credit-risks', { customerId: customerA, category: 'credit', title: '回款延迟', ...body });
  if (res.statusCode !== 201) throw new Error(`risk failed: ${res.statusCode} ${res.body}`);
  return json(res);
}

describe('risk register (docs/regulations.md §5)', () => {
  it('makes a 4 × 5 risk high and refuses it without a response plan (422 naming response)', async () => {
    const res = await specA.client.post('/api/credit-risks', { customerId: customerA, category: 'credit', title: '大额应收账款逾期', likelihood: 4, impact: 5 });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields.map((f: { field: string }) => f.field)).toEqual(['response']);
    const ok = await record(specA, { title: '大额应收账款逾期', likelihood: 4, impact: 5, response: '密切关注回款，暂停赊销，必要时终止合作' });
    expect(ok).toMatchObject({ level: 'high', reviewDue: null, status: 'open', ownerId: specA.id });
  });

  it('demands a response when a re-assessment raises a low risk to 5 × 5', async () => {
    const r = await record(specA, { title: '市场需求下滑', category: 'market', likelihood: 2, impact: 2 });
    expect(r.level).toBe('low');
    const res = await specA.client.put(`/api/credit-risks/${r.id}`, { likelihood: 5, impact: 5, version: r.version });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0].field).toBe('response');
    const up = json(await specA.client.put(`/api/credit-risks/${r.id}`, { likelihood: 5, impact: 5, response: '调整合作方式', version: r.version }));
    expect(up).toMatchObject({ level: 'high', reviewDue: null });
  });

  it("hides another team's risk (404) and lets finance read every risk", async () => {
    const other = json(await specB.client.post('/api/credit-risks', { customerId: customerB, category: 'cooperation', title: '合作意向减弱', likelihood: 3, impact: 2 }));
    expect(other.level).toBe('medium');
    expect((await specA.client.get(`/api/credit-risks/${other.id}`)).statusCode).toBe(404);
    expect((await specA.client.put(`/api/credit-risks/${other.id}`, { likelihood: 1, version: other.version })).statusCode).toBe(404);
    expect(json(await specA.client.get('/api/credit-risks?pageSize=100')).items.map((r: { customerId: number }) => r.customerId)).not.toContain(customerB);
    // recording a risk for a customer outside one's scope is refused too
    const res = await specA.client.post('/api/credit-risks', { customerId: customerB, category: 'credit', title: 'x', likelihood: 1, impact: 1 });
    expect(res.statusCode).toBe(422);
    expect((await finance.client.get(`/api/credit-risks/${other.id}`)).statusCode).toBe(200);
    const all = json(await finance.client.get('/api/credit-risks?pageSize=100')).items.map((r: { customerId: number }) => r.customerId);
    expect(all).toEqual(expect.arrayContaining([customerA, customerB]));
    // the heat map counts what each may see
    const cell = (m: { cells: { likelihood: number; impact: number; count: number }[] }) => m.cells.find((c) => c.likelihood === 3 && c.impact === 2)?.count ?? 0;
    expect(cell(json(await finance.client.get('/api/credit-risks/matrix')))).toBe(1);
    expect(cell(json(await specA.client.get('/api/credit-risks/matrix')))).toBe(0);
  });

  it('reports predicted level against what happened, with the target from the settings', async () => {
    const high = await record(specA, { title: '担保方资信下降', likelihood: 5, impact: 4, response: '要求追加担保' });
    const low = await record(specA, { title: '账期轻微延后', likelihood: 1, impact: 2 });
    expect(json(await specA.client.post(`/api/credit-risks/${high.id}/close`, { outcome: 'occurred', note: '担保方破产', version: high.version })).status).toBe('closed');
    await specA.client.post(`/api/credit-risks/${low.id}/close`, { outcome: 'occurred', version: low.version });
    const report = json(await specA.client.get('/api/credit-risks/accuracy'));
    expect(report).toMatchObject({ closed: 2, correct: 1, accuracyPct: 50, targetPct: 80, meetsTarget: false });
    expect((await specA.client.put(`/api/credit-risks/${high.id}`, { likelihood: 1, version: high.version + 1 })).statusCode).toBe(409);
  });
});

describe('credit rating (docs/regulations.md §5)', () => {
  it('rates the survey by the rule table and re-rates when the table setting changes', async () => {
    const res = await specA.client.post(`/api/customers/${customerA}/credit-surveys`, survey);
    expect(res.statusCode).toBe(201);
    expect(json(res).rating).toMatchObject({ score: 97, label: 'AAA' });
    let credit = json(await specA.client.get(`/api/customers/${customerA}/credit`));
    expect(credit).toMatchObject({ rating: { label: 'AAA', score: 97 }, creditLimitWan: 500, paymentTermsDays: 90 });

    // The company renames its top band and raises its threshold above 97.
    const all = await ctx.admin.get('/api/settings');
    expect(all.statusCode, all.body.slice(0, 300)).toBe(200);
    const setting = json(all).groups.flatMap((g: { items: { key: string; version: number }[] }) => g.items).find((i: { key: string }) => i.key === 'credit.ratingRules');
    const bands = [
      { minScore: 98, label: '特优', limitWan: 800, termDays: 120 },
      { minScore: 75, label: '优良', limitWan: 300, termDays: 60 },
      { minScore: 0, label: '一般', limitWan: 0, termDays: 0 },
    ];
    const put = await ctx.admin.put('/api/settings/credit.ratingRules', { value: { ...DEFAULT_RATING_RULES, bands }, version: setting.version });
    expect(put.statusCode).toBe(200);
    credit = json(await specA.client.get(`/api/customers/${customerA}/credit`));
    expect(credit).toMatchObject({ rating: { label: '优良', score: 97 }, creditLimitWan: 300, paymentTermsDays: 60 });

    // bands that leave scores without a label are refused
    const bad = await ctx.admin.put('/api/settings/credit.ratingRules', { value: { ...DEFAULT_RATING_RULES, bands: [{ minScore: 50, label: 'A', limitWan: 1, termDays: 0 }] }, version: setting.version + 1 });
    expect(bad.statusCode).toBe(422);
  });

  it('keeps an agreed limit and terms over the band suggestion and hides surveys of another team', async () => {
    const s = json(await specB.client.post(`/api/customers/${customerB}/credit-surveys`, { ...survey, creditLimitWan: 50, paymentTermsDays: 15 }));
    expect(s).toMatchObject({ creditLimitWan: 50, paymentTermsDays: 15, agreedLimitWan: 50 });
    expect((await specA.client.get(`/api/credit-surveys/${s.id}`)).statusCode).toBe(404);
    expect((await specA.client.get(`/api/customers/${customerB}/credit`)).statusCode).toBe(404);
    expect((await finance.client.get(`/api/credit-surveys/${s.id}`)).statusCode).toBe(200);
  });
});

describe('low-risk re-assessment (docs/regulations.md §5)', () => {
  let secondDb: Db;
  let second: { app: FastifyInstance; services: Services };
  beforeAll(async () => {
    secondDb = openDatabase(ctx.config.database); // its own pool, as another process would have
    second = await buildApp({ config: ctx.config, db: secondDb, clock: ctx.clock, logger: false });
  });
  afterAll(async () => {
    await second.app.close();
    await secondDb.close();
  });

  it('creates one task for the owner when the review is due, even with two app processes running the job', async () => {
    const all = await ctx.admin.get('/api/settings');
    expect(all.statusCode, all.body.slice(0, 300)).toBe(200);
    const setting = json(all).groups.flatMap((g: { items: { key: string; version: number }[] }) => g.items).find((i: { key: string }) => i.key === 'credit.lowRiskReviewDays');
    expect((await ctx.admin.put('/api/settings/credit.lowRiskReviewDays', { value: 30, version: setting.version })).statusCode).toBe(200);
    const r = await record(specA, { title: '付款审批流程变慢', category: 'cooperation', likelihood: 1, impact: 1 });
    expect(r).toMatchObject({ level: 'low', reviewDue: '2027-01-06' });
    const tasks = () => ctx.db.kysely.selectFrom('tasks').selectAll().where('source', '=', 'credit_risk').where('link_id', '=', r.id).execute();

    const one = createLeases(ctx.db.kysely, ctx.clock, 'process-1');
    const two = createLeases(secondDb.kysely, ctx.clock, 'process-2');
    expect(await Promise.all([ctx.services.credit.runReviews(one, 60_000), second.services.credit.runReviews(two, 60_000)])).not.toContain(1);
    expect(await tasks()).toHaveLength(0); // not due yet

    ctx.clock.set('2027-01-06T01:00:00Z'); // 09:00 in Shanghai on the due day; the earlier lease has run out
    const results = await Promise.all([ctx.services.credit.runReviews(one, 60_000), second.services.credit.runReviews(two, 60_000)]);
    expect(results.filter((n) => n === 1)).toHaveLength(1);
    // the other process runs after the lease expires: still one task
    ctx.clock.advance(61_000);
    await Promise.all([ctx.services.credit.runReviews(two, 60_000), ctx.services.credit.runReviews(one, 60_000)]);
    const made = await tasks();
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ assignee_id: specA.id, status: 'open', link_path: `/credit/risks/${r.id}` });
    expect(made[0]!.title).toBe('低风险定期复评：北京华宇科技有限公司 — 付款审批流程变慢');
    // (the clock has moved a month on, so the sessions have ended: read the service directly)
    expect((await ctx.services.credit.getRisk(r.id)).review_task_id).toBe(made[0]!.id);
  });
});
