import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, createTeam, createTestContext, createUser, json, type Client, type TestContext } from '../../../test/harness';

/**
 * Satisfaction surveys 满意度调查 (issue 5 points 8–12, docs/regulations.md §11, seed 003 客户满意度调查表 /
 * 客户需求调查表): templates whose published versions are frozen, campaigns over archive filters,
 * answers entered by staff or given once through a personal link, exact results, the improvement plan
 * through leadership's approval into tasks, and the scores kept for the KPI module.
 */
let ctx: TestContext;
type U = { id: number; client: Client };
let manager: U;
let director: U;
let specialistA: U;
let specialistB: U;
let customers: Record<string, number>;

const clock = new TestClock(new Date('2026-11-24T02:00:00.000Z'));
const anon = () => ({
  get: (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers, remoteAddress: '198.51.100.7' }),
  post: (url: string, body: object, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'POST', url, payload: body, headers, remoteAddress: '198.51.100.7' }),
});

/** A small questionnaire whose figures are easy to check by hand. */
const SMALL = {
  name: '售后服务回访问卷',
  intro: '感谢您抽出时间。',
  sections: [
    {
      title: '服务',
      questions: [
        { key: 'attitude', type: 'scale', text: '工作态度', required: true },
        { key: 'efficiency', type: 'scale', text: '服务效率', required: false },
        { key: 'fit', type: 'single', text: '产品是否满足要求', required: true, options: ['完全满足', '基本满足', '不太满足'] },
        { key: 'ideas', type: 'text', text: '改进建议', required: false },
      ],
    },
  ],
};

async function publishedSmall() {
  const created = json(await manager.client.post('/api/survey-templates', SMALL));
  const published = await manager.client.post(`/api/survey-templates/${created.id}/publish`, { version: created.version });
  expect(published.statusCode, published.body).toBe(200);
  return json(published);
}

async function startedCampaign(templateId: number, title: string, filter: object = {}) {
  const c = await manager.client.post('/api/survey-campaigns', { title, templateId, filter, startDate: '2026-11-24', endDate: '2026-12-31' });
  expect(c.statusCode, c.body).toBe(201);
  const started = await manager.client.post(`/api/survey-campaigns/${json(c).id}/start`, { version: json(c).version });
  expect(started.statusCode, started.body).toBe(200);
  return json(started);
}

async function targetsOf(c: Client, campaignId: number) {
  return json(await c.get(`/api/survey-campaigns/${campaignId}/targets?pageSize=200`)).items as any[];
}

const targetFor = (list: any[], customerId: number) => list.find((t) => t.customerId === customerId);

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  const teamA = await createTeam(ctx, '客户关系组', 1);
  const teamB = await createTeam(ctx, '售后服务组', 1);
  manager = await createUser(ctx, { username: 'kf.jingli', displayName: '冯经理', roles: ['manager'], departmentId: 1 });
  director = await createUser(ctx, { username: 'kf.zongjian', displayName: '陈总监', roles: ['director'], departmentId: 1 });
  specialistA = await createUser(ctx, { username: 'wu.zhuanyuan', displayName: '吴专员', roles: ['specialist'], teamId: teamA });
  specialistB = await createUser(ctx, { username: 'zheng.zhuanyuan', displayName: '郑专员', roles: ['specialist'], teamId: teamB });
  const make = async (c: Client, name: string, province: string) => json(await c.post('/api/customers', { name, province, status: 'formal' })).id as number;
  customers = {
    huayuan: await make(specialistA.client, '北京华远科技有限公司', '北京'),
    mingda: await make(specialistA.client, '北京明达贸易有限公司', '北京'),
    hengxin: await make(specialistB.client, '广州恒信电子有限公司', '广东'),
  };
});
afterAll(() => ctx.close());

describe('questionnaire templates (point 8)', () => {
  it('ships the seed’s 客户满意度调查表 and 客户需求调查表 as published templates with their questions', async () => {
    const { items } = json(await specialistA.client.get('/api/survey-templates'));
    const byName = new Map(items.map((t: any) => [t.name, t]));
    expect(byName.get('客户满意度调查表')).toMatchObject({ status: 'published', builtin: true, versionNo: 1, questionCount: 18 });
    expect(byName.get('客户需求调查表')).toMatchObject({ status: 'published', builtin: true, questionCount: 4 });

    const sat = json(await specialistA.client.get(`/api/survey-templates/${(byName.get('客户满意度调查表') as any).id}`));
    const questions = sat.definition.sections.flatMap((s: any) => s.questions);
    expect(sat.definition.sections.map((s: any) => s.title)).toEqual(['产品', '服务', '其他']);
    expect(questions.filter((q: any) => q.type === 'scale').map((q: any) => q.text)).toEqual([
      '产品功能', '产品质量', '产品价格', '产品包装', '工作态度', '工作责任心', '服务效率', '服务人员的技术水平', '投诉问题的处理', '维修质量', '产品出现故障后的解决', '整体服务水平评价',
    ]);
    expect(questions.find((q: any) => q.key === 'product_competitiveness')).toMatchObject({ type: 'single', options: ['强', '一般', '较弱'] });
    expect(questions.find((q: any) => q.key === 'product_fit').options).toEqual(['完全满足', '基本满足', '不太满足', '非常不满足']);
    expect(sat.intro).toContain('现征询您对本公司及产品的满意程度');

    const needs = json(await specialistA.client.get(`/api/survey-templates/${(byName.get('客户需求调查表') as any).id}`));
    expect(needs.definition.sections[0].questions.find((q: any) => q.type === 'multiple')).toMatchObject({
      text: '如果您需要相关信息，希望的联系方式（可多选）',
      options: ['上门拜访', 'E-mail', '邮寄', '电话联系', '传真'],
    });
  });

  it('copies a template into an editable draft and edits the draft in place', async () => {
    const { items } = json(await manager.client.get('/api/survey-templates?status=published'));
    const seed = items.find((t: any) => t.name === '客户需求调查表');
    const copy = await manager.client.post(`/api/survey-templates/${seed.id}/copy`);
    expect(copy.statusCode, copy.body).toBe(201);
    const draft = json(copy);
    expect(draft).toMatchObject({ name: '客户需求调查表（副本）', status: 'draft', versionNo: 1, builtin: false, can: { edit: true, publish: true } });
    expect(draft.familyId).not.toBe(seed.familyId);

    const sections = draft.definition.sections;
    sections[0].questions.push({ key: 'budget', type: 'single', text: '年度采购预算', required: false, options: ['10 万元以下', '10–50 万元', '50 万元以上'] });
    const edited = await manager.client.put(`/api/survey-templates/${draft.id}`, { name: '2027 客户需求调查表', sections, version: draft.version });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(json(edited)).toMatchObject({ id: draft.id, name: '2027 客户需求调查表', questionCount: 5, status: 'draft' });
  });

  it('refuses a questionnaire with a duplicate question key (422 naming the field) and saves nothing', async () => {
    const res = await manager.client.post('/api/survey-templates', {
      name: '错误问卷',
      sections: [{ title: '一', questions: [{ key: 'a', type: 'scale', text: '甲', required: true }, { key: 'a', type: 'text', text: '乙', required: false }] }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([{ field: 'sections.0.questions.1.key', message: expect.stringContaining('重复') }]);
    expect(json(await manager.client.get('/api/survey-templates?q=错误问卷')).items).toEqual([]);
  });

  it('freezes a published template: editing it creates version 2 as a draft and leaves version 1 unchanged', async () => {
    const v1 = await publishedSmall();
    expect(v1).toMatchObject({ status: 'published', versionNo: 1, can: { edit: true, publish: false, delete: false } });
    const sections = structuredClone(v1.definition.sections);
    sections[0].questions[0].text = '服务人员的工作态度';
    const res = await manager.client.put(`/api/survey-templates/${v1.id}`, { name: SMALL.name, sections, version: v1.version });
    expect(res.statusCode, res.body).toBe(201);
    const v2 = json(res);
    expect(v2).toMatchObject({ familyId: v1.familyId, versionNo: 2, status: 'draft' });
    expect(v2.id).not.toBe(v1.id);
    expect(v2.versions.map((v: any) => [v.versionNo, v.status])).toEqual([
      [2, 'draft'],
      [1, 'published'],
    ]);
    const again = json(await manager.client.get(`/api/survey-templates/${v1.id}`));
    expect(again.definition.sections[0].questions[0].text).toBe('工作态度');
    expect(again.version).toBe(v1.version);
    // Version 1 is no longer the family's newest: a second edit of it would fork the family.
    const fork = await manager.client.put(`/api/survey-templates/${v1.id}`, { name: SMALL.name, sections, version: v1.version });
    expect(fork.statusCode).toBe(409);
    // A draft version may be discarded; the published one stays the family's newest.
    expect((await manager.client.del(`/api/survey-templates/${v2.id}`)).statusCode).toBe(204);
    expect(json(await manager.client.get(`/api/survey-templates/${v1.id}`)).versions.map((v: any) => v.versionNo)).toEqual([1]);
  });

  it('lets only survey managers change templates (403 for a specialist)', async () => {
    expect((await specialistA.client.post('/api/survey-templates', SMALL)).statusCode).toBe(403);
  });
});

describe('campaigns, staff-entered answers and personal links (point 9)', () => {
  let campaign: any;
  let satisfactionId: number;

  it('reminds managers of the yearly survey (§11) until one has started this year', async () => {
    const yearly = async (c: Client) => (json(await c.get('/api/home/todo')) as any[]).filter((i) => i.kind === 'survey_yearly').map((i) => i.title);
    expect(await yearly(manager.client)).toEqual(['2026 年还需开展 1 次满意度调查（每年至少 1 次）']);
    expect(await yearly(specialistA.client)).toEqual([]);
    expect(json(await manager.client.get('/api/survey-campaigns')).yearly).toEqual({ year: 2026, started: 0, required: 1, missing: 1 });
  });

  it('snapshots the customers the archive filter matches when the campaign starts', async () => {
    const { items } = json(await manager.client.get('/api/survey-templates?status=published'));
    satisfactionId = items.find((t: any) => t.name === '客户满意度调查表').id;
    const draft = json(await manager.client.post('/api/survey-campaigns', { title: '2026 年度北京客户满意度调查', templateId: satisfactionId, filter: { province: '北京' }, startDate: '2026-11-24', endDate: '2026-12-31' }));
    expect(draft).toMatchObject({ status: 'draft', targets: 0, responseRate: null, can: { start: true, respond: false } });
    campaign = await startedCampaign(satisfactionId, '2026 年度北京客户满意度调查（正式）', { province: '北京' });
    expect(campaign).toMatchObject({ status: 'active', targets: 2, responses: 0, responseRate: 0, templateName: '客户满意度调查表', templateVersionNo: 1 });
    expect(json(await manager.client.get('/api/survey-campaigns')).yearly).toMatchObject({ started: 1, missing: 0 });
    expect((json(await manager.client.get('/api/home/todo')) as any[]).filter((i) => i.kind === 'survey_yearly')).toEqual([]);
    // A customer entered after the start is not asked.
    await specialistA.client.post('/api/customers', { name: '北京新立得科技有限公司', province: '北京', status: 'potential' });
    expect((await targetsOf(manager.client, campaign.id)).map((t) => t.customerName).sort()).toEqual(['北京华远科技有限公司', '北京明达贸易有限公司']);
    const edit = await manager.client.put(`/api/survey-campaigns/${campaign.id}`, { title: '改名', version: campaign.version });
    expect(edit.statusCode).toBe(409);
  });

  it('refuses to start a campaign whose filter matches nobody (422 on filter)', async () => {
    const c = json(await manager.client.post('/api/survey-campaigns', { title: '西藏客户调查', templateId: satisfactionId, filter: { province: '西藏' }, startDate: '2026-11-24', endDate: '2026-12-31' }));
    const res = await manager.client.post(`/api/survey-campaigns/${c.id}/start`, { version: c.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.map((f: any) => f.field)).toEqual(['filter']);
    expect(json(await manager.client.get(`/api/survey-campaigns/${c.id}`)).status).toBe('draft');
  });

  it('lets a specialist enter the answers from a phone call for their own customer, once', async () => {
    const target = targetFor(await targetsOf(specialistA.client, campaign.id), customers.huayuan);
    const scale = ['product_function', 'product_quality', 'product_price', 'product_packaging', 'service_attitude', 'service_responsibility', 'service_efficiency', 'service_skill', 'service_overall'];
    const body = {
      channel: 'phone',
      respondentName: '李经理',
      answers: [
        ...scale.map((key) => ({ key, score: 4 })),
        { key: 'product_competitiveness', choices: ['强'] },
        { key: 'product_fit', choices: ['基本满足'] },
        { key: 'info_channel', choices: ['其他，请说明'], text: '行业展会' },
        { key: 'improve_service', text: '希望缩短上门时间' },
      ],
    };
    const missing = await specialistA.client.post(`/api/survey-campaigns/${campaign.id}/targets/${target.id}/response`, { ...body, answers: body.answers.slice(1) });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.fields.map((f: any) => f.field)).toEqual(['answers.product_function']);

    const res = await specialistA.client.post(`/api/survey-campaigns/${campaign.id}/targets/${target.id}/response`, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toMatchObject({ channel: 'phone', respondentName: '李经理', enteredByName: '吴专员', index: 75, customerName: '北京华远科技有限公司' });
    expect(json(res).answers.find((a: any) => a.key === 'info_channel')).toEqual({ key: 'info_channel', score: null, choices: ['其他，请说明'], text: '行业展会' });

    const twice = await specialistA.client.post(`/api/survey-campaigns/${campaign.id}/targets/${target.id}/response`, body);
    expect(twice.statusCode).toBe(409);
    const after = targetFor(await targetsOf(specialistA.client, campaign.id), customers.huayuan);
    expect(after).toMatchObject({ status: 'answered', channel: 'phone', index: 75 });
  });

  it('answers 404 to a specialist entering answers for another’s customer, and lists only their own targets', async () => {
    const target = targetFor(await targetsOf(manager.client, campaign.id), customers.mingda);
    const res = await specialistB.client.post(`/api/survey-campaigns/${campaign.id}/targets/${target.id}/response`, { channel: 'fax', answers: [] });
    expect(res.statusCode).toBe(404);
    expect(await targetsOf(specialistB.client, campaign.id)).toEqual([]);
  });

  describe('the personal link', () => {
    let token = '';
    const answers = [
      ...['product_function', 'product_quality', 'product_price', 'product_packaging', 'service_attitude', 'service_responsibility', 'service_efficiency', 'service_skill', 'service_overall'].map((key) => ({ key, score: 5 })),
      { key: 'product_competitiveness', choices: ['一般'] },
      { key: 'product_fit', choices: ['完全满足'] },
    ];

    it('is issued for a target as an unguessable one-time link (only its hash is stored)', async () => {
      const target = targetFor(await targetsOf(specialistA.client, campaign.id), customers.mingda);
      const res = await specialistA.client.post(`/api/survey-campaigns/${campaign.id}/links`, { targetIds: [target.id] });
      expect(res.statusCode, res.body).toBe(201);
      const [link] = json(res).items;
      expect(link).toMatchObject({ targetId: target.id, customerName: '北京明达贸易有限公司', expiresAt: '2026-12-24T02:00:00.000Z' });
      token = link.path.split('/').pop();
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(link.url.endsWith(`/public/survey/${token}`)).toBe(true);
      const stored = await ctx.db.kysely.selectFrom('survey_targets').select('link_hash').where('id', '=', target.id).executeTakeFirstOrThrow();
      expect(stored.link_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.link_hash).not.toContain(token);
      expect(targetFor(await targetsOf(specialistA.client, campaign.id), customers.mingda).link).toBe('active');
    });

    it('shows the questionnaire without login', async () => {
      const res = await anon().get(`/api/public/surveys/${token}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ customerName: '北京明达贸易有限公司', templateName: '客户满意度调查表', campaignTitle: '2026 年度北京客户满意度调查（正式）' });
      expect((await anon().get(`/api/public/surveys/${'x'.repeat(43)}`)).statusCode).toBe(404);
    });

    it('refuses a post from another site (Origin check) and saves nothing', async () => {
      const res = await anon().post(`/api/public/surveys/${token}`, { answers }, { origin: 'https://evil.example.com' });
      expect(res.statusCode).toBe(403);
      expect(targetFor(await targetsOf(manager.client, campaign.id), customers.mingda).status).toBe('pending');
    });

    it('takes the customer’s answers once; the second use answers 410 with a clear message', async () => {
      const bad = await anon().post(`/api/public/surveys/${token}`, { answers: answers.slice(2) });
      expect(bad.statusCode).toBe(422);
      const res = await anon().post(`/api/public/surveys/${token}`, { respondentName: '王总', answers });
      expect(res.statusCode, res.body).toBe(201);
      const again = await anon().post(`/api/public/surveys/${token}`, { answers });
      expect(again.statusCode).toBe(410);
      expect(again.json().error.message).toContain('只能使用一次');
      expect(again.json().error.reason).toBe('used');
      expect((await anon().get(`/api/public/surveys/${token}`)).statusCode).toBe(410);
      const t = targetFor(await targetsOf(manager.client, campaign.id), customers.mingda);
      expect(t).toMatchObject({ status: 'answered', channel: 'link', link: 'used', index: 100 });
      const { items } = json(await manager.client.get(`/api/survey-campaigns/${campaign.id}/responses?targetId=${t.id}`));
      expect(items[0]).toMatchObject({ channel: 'link', respondentName: '王总', enteredByName: null });
    });

    it('refuses floods from one address with 429', async () => {
      const setting = await ctx.admin.put('/api/settings/surveys.publicRequestsPerIpPerMinute', { value: 5, version: 0 });
      expect(setting.statusCode, setting.body).toBe(200);
      // A fresh minute window, so earlier requests of this file do not count.
      clock.advance(60_000);
      const flood = () => ctx.app.inject({ method: 'GET', url: `/api/public/surveys/${token}`, remoteAddress: '203.0.113.9' });
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await flood()).statusCode);
      expect(codes).toEqual([410, 410, 410, 410, 410, 429, 429]);
      // Another address is not affected.
      expect((await anon().get(`/api/public/surveys/${token}`)).statusCode).toBe(410);
    });
  });

  it('counts the link answer and the staff answer in the campaign’s figures', async () => {
    const c = json(await manager.client.get(`/api/survey-campaigns/${campaign.id}`));
    expect(c).toMatchObject({ targets: 2, responses: 2, responseRate: 100, index: 87.5 });
  });
});

describe('results (point 10): figures computed exactly on a small set', () => {
  let first: any;
  let second: any;
  const enter = async (c: Client, campaignId: number, customerId: number, answers: object[], channel = 'meeting') => {
    const target = targetFor(await targetsOf(manager.client, campaignId), customerId);
    const res = await c.post(`/api/survey-campaigns/${campaignId}/targets/${target.id}/response`, { channel, answers });
    expect(res.statusCode, res.body).toBe(201);
  };

  beforeAll(async () => {
    const tpl = await publishedSmall();
    // The earlier campaign of the same questionnaire: one answer, 工作态度 一般 (3), 服务效率 一般 (3) → index 50.
    first = await startedCampaign(tpl.id, '2026 年上半年服务回访', { status: 'formal' });
    await enter(manager.client, first.id, customers.huayuan, [{ key: 'attitude', score: 3 }, { key: 'efficiency', score: 3 }, { key: 'fit', choices: ['基本满足'] }]);
    clock.advance(60_000);
    second = await startedCampaign(tpl.id, '2026 年下半年服务回访', { status: 'formal' });
    // 华远: 5 and 4 → 87.5; 明达: 3, efficiency skipped → 50; 恒信 (广东): no answer.
    await enter(specialistA.client, second.id, customers.huayuan, [{ key: 'attitude', score: 5 }, { key: 'efficiency', score: 4 }, { key: 'fit', choices: ['完全满足'] }, { key: 'ideas', text: '=HYPERLINK("http://evil.example","点我")' }], 'phone');
    await enter(specialistA.client, second.id, customers.mingda, [{ key: 'attitude', score: 3 }, { key: 'fit', choices: ['完全满足'] }]);
  });

  it('gives the response rate, each question’s distribution and average, and the index', async () => {
    const r = json(await manager.client.get(`/api/survey-campaigns/${second.id}/results`));
    expect(r).toMatchObject({ targets: 3, responses: 2, responseRate: 66.7, index: 68.8, gradeBasis: 'status' });
    const [attitude, efficiency, fit, ideas] = r.questions;
    expect(attitude).toMatchObject({ answered: 2, average: 4, index: 75 });
    expect(attitude.distribution.map((d: any) => [d.option, d.count, d.percent])).toEqual([
      ['满意', 1, 50],
      ['比较满意', 0, 0],
      ['一般', 1, 50],
      ['不满意', 0, 0],
      ['非常不满意', 0, 0],
    ]);
    expect(efficiency).toMatchObject({ answered: 1, average: 4, index: 75 });
    expect(fit.distribution.map((d: any) => [d.option, d.count, d.percent])).toEqual([
      ['完全满足', 2, 100],
      ['基本满足', 0, 0],
      ['不太满足', 0, 0],
    ]);
    expect(ideas.texts).toEqual(['=HYPERLINK("http://evil.example","点我")']);
    expect(r.byChannel).toEqual(expect.arrayContaining([{ channel: 'phone', count: 1 }, { channel: 'meeting', count: 1 }]));
  });

  it('breaks down by region, archive status (there is no grade field yet) and owner at the time', async () => {
    const r = json(await manager.client.get(`/api/survey-campaigns/${second.id}/results`));
    expect(r.byRegion).toEqual([
      { key: '北京', label: '北京', targets: 2, responses: 2, responseRate: 100, index: 68.8 },
      { key: '广东', label: '广东', targets: 1, responses: 0, responseRate: 0, index: null },
    ]);
    expect(r.byStatus).toEqual([{ key: 'formal', label: 'formal', targets: 3, responses: 2, responseRate: 66.7, index: 68.8 }]);
    expect(r.byOwner.map((g: any) => [g.label, g.targets, g.responses, g.index])).toEqual([
      ['吴专员', 2, 2, 68.8],
      ['郑专员', 1, 0, null],
    ]);
    // A specialist sees the company figures but only their own line of the per-owner breakdown.
    const own = json(await specialistB.client.get(`/api/survey-campaigns/${second.id}/results`));
    expect(own.index).toBe(68.8);
    expect(own.byOwner.map((g: any) => g.label)).toEqual(['郑专员']);
  });

  it('compares with the previous campaign of the same questionnaire', async () => {
    const r = json(await manager.client.get(`/api/survey-campaigns/${second.id}/results`));
    expect(r.previous).toMatchObject({ campaignId: first.id, title: '2026 年上半年服务回访', responseRate: 33.3, index: 50, responseRateDelta: 33.4, indexDelta: 18.8 });
    expect(r.previous.questions).toEqual([
      { key: 'attitude', previousAverage: 3, average: 4, delta: 1 },
      { key: 'efficiency', previousAverage: 3, average: 4, delta: 1 },
    ]);
    expect(json(await manager.client.get(`/api/survey-campaigns/${first.id}/results`)).previous).toBeNull();
  });

  it('exports the answers and the summary to xlsx, a formula-like answer kept as text', async () => {
    const res = await manager.client.get(`/api/survey-campaigns/${second.id}/answers.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['档案编号', '客户名称', '负责人（调查时）']);
    expect(header).toContain('服务·工作态度');
    const rows = [2, 3].map((n) => (ws.getRow(n).values as unknown[]).slice(1));
    const huayuan = rows.find((r) => r[1] === '北京华远科技有限公司')!;
    expect(huayuan).toContain('满意（5）');
    const ideas = ws.getRow(rows.indexOf(huayuan) + 2).getCell(header.indexOf('服务·改进建议') + 1);
    expect(ideas.value).toBe('=HYPERLINK("http://evil.example","点我")');
    expect(ideas.numFmt).toBe('@');

    const sum = await manager.client.get(`/api/survey-campaigns/${second.id}/summary.xlsx`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(sum.rawPayload as unknown as ExcelJS.Buffer);
    const lines = wb2.worksheets[0].getSheetValues().slice(2).map((r: any) => Array.from(r as unknown[]).slice(1));
    expect(lines).toContainEqual(['概况', '满意度指数（0–100）', undefined, undefined, undefined, undefined, 68.8]);
    expect(lines).toContainEqual(['题目', '服务·工作态度', '（合计）', 2, undefined, 4, 75]);
  });

  it('stores each response’s score per customer and per responsible person at the time (point 12)', async () => {
    const { items } = json(await manager.client.get(`/api/survey-scores?campaignId=${second.id}`));
    expect(items.map((s: any) => [s.customerName, s.ownerName, s.index, s.scaleItems]).sort()).toEqual([
      ['北京华远科技有限公司', '吴专员', 87.5, 2],
      ['北京明达贸易有限公司', '吴专员', 50, 1],
    ]);
    // Customers outside the caller's scope are not listed.
    expect(json(await specialistB.client.get(`/api/survey-scores?campaignId=${second.id}`)).items).toEqual([]);
  });

  it('puts the customers still to ask on their owner’s to-do page', async () => {
    const todo = json(await specialistB.client.get('/api/home/todo'));
    const items = (Array.isArray(todo) ? todo : todo.items) as any[];
    expect(items.filter((i) => i.kind === 'survey').map((i) => i.title)).toEqual(expect.arrayContaining([expect.stringContaining('2026 年下半年服务回访')]));
  });
});

describe('improvement plan (point 11): leadership approval, then tasks', () => {
  let planId: number;
  let campaignId: number;

  it('drafts a plan from a campaign’s results and refuses a due date in the past (422 naming the item)', async () => {
    campaignId = json(await manager.client.get('/api/survey-campaigns?q=下半年')).items[0].id;
    const body = {
      title: '2026 年下半年服务改进方案',
      findings: '服务效率得分偏低，部分客户反映上门时间长',
      goals: '下次调查满意度指数达到 80 以上',
      items: [{ measure: '建立 24 小时上门响应机制', assigneeId: specialistA.id, dueDate: '2026-12-31' }],
    };
    const past = await manager.client.post(`/api/survey-campaigns/${campaignId}/improvement-plans`, { ...body, items: [{ ...body.items[0], dueDate: '2026-01-01' }] });
    expect(past.statusCode).toBe(422);
    expect(past.json().error.fields.map((f: any) => f.field)).toEqual(['items.0.dueDate']);
    const res = await manager.client.post(`/api/survey-campaigns/${campaignId}/improvement-plans`, body);
    expect(res.statusCode, res.body).toBe(201);
    planId = json(res).id;
    expect(json(res)).toMatchObject({ status: 'draft', can: { edit: true, submit: true }, items: [{ assigneeName: '吴专员', taskId: null }] });
  });

  it('goes to the director; once approved each measure is a task for its assignee', async () => {
    const plan = json(await manager.client.get(`/api/survey-improvement-plans/${planId}`));
    const sub = await manager.client.post(`/api/survey-improvement-plans/${planId}/submit`, { version: plan.version });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(json(sub)).toMatchObject({ status: 'pending', can: { edit: false } });
    const req = json(await director.client.get(`/api/approvals?documentType=survey_improvement&documentId=${planId}`)).request;
    expect(req.currentApprovers.map((a: any) => a.id)).toEqual([director.id]);
    const act = await director.client.post(`/api/approvals/${req.id}/actions`, { action: 'approve', comment: '同意，按期落实', version: req.version });
    expect(act.statusCode, act.body).toBe(200);
    const approved = json(await manager.client.get(`/api/survey-improvement-plans/${planId}`));
    expect(approved).toMatchObject({ status: 'approved', items: [{ taskStatus: 'open', dueDate: '2026-12-31' }] });
    const tasks = json(await specialistA.client.get('/api/tasks?view=mine'));
    expect(tasks.items.map((t: any) => t.title)).toContain('建立 24 小时上门响应机制');
  });
});

describe('two submissions of one link at the same moment', () => {
  // On PostgreSQL both requests read the pending target before either commits, so only the conditional claim
  // (status pending → answered) keeps the second out; SQLite's single connection serialises them anyway.
  it('keeps exactly one answer; the other gets 410', async () => {
    const { items } = json(await manager.client.get('/api/survey-templates?status=published'));
    const needs = items.find((t: any) => t.name === '客户需求调查表');
    const c = await startedCampaign(needs.id, '广东客户需求快速调查', { province: '广东' });
    const [link] = json(await manager.client.post(`/api/survey-campaigns/${c.id}/links`, {})).items;
    const path = `/api/public/surveys/${link.path.split('/').pop()}`;
    const body = { answers: [{ key: 'revisit_mode', choices: ['电话沟通'] }, { key: 'contact_modes', choices: ['E-mail', '传真'] }] };
    const codes = (await Promise.all([anon().post(path, body), anon().post(path, body)])).map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 410]);
    const rows = await ctx.db.kysely.selectFrom('survey_responses').select('id').where('campaign_id', '=', c.id).execute();
    expect(rows).toHaveLength(1);
  });
});

describe('customer merge (查重)', () => {
  it('moves a merged customer’s targets, responses and scores to the surviving record', async () => {
    const survivor = json(await manager.client.post('/api/customers', { name: '北京明达贸易公司', province: '北京', status: 'formal', confirmDuplicate: true })).id;
    const before = json(await manager.client.get(`/api/survey-scores?customerId=${customers.mingda}`)).total;
    expect(before).toBe(2);
    const res = await manager.client.post(`/api/customers/${survivor}/merge`, { mergedId: customers.mingda, reason: '同一客户重复录入' });
    expect(res.statusCode, res.body).toBe(200);
    const moved = json(await manager.client.get(`/api/survey-scores?customerId=${survivor}`));
    expect(moved.total).toBe(2);
    expect(moved.items.every((x: any) => x.customerName === '北京明达贸易公司')).toBe(true);
    const campaignId = json(await manager.client.get('/api/survey-campaigns?q=下半年')).items[0].id;
    expect((await targetsOf(manager.client, campaignId)).map((t) => t.customerId)).toContain(survivor);
  });
});

describe('personal link expiry (TestClock)', () => {
  it('answers 410 once the link is older than the expiry setting, to viewing and to answering alike', async () => {
    const { items } = json(await manager.client.get('/api/survey-templates?status=published'));
    const needs = items.find((t: any) => t.name === '客户需求调查表');
    const c = await startedCampaign(needs.id, '2026 年广东客户需求调查', { province: '广东' });
    const [target] = await targetsOf(manager.client, c.id);
    const [link] = json(await manager.client.post(`/api/survey-campaigns/${c.id}/links`, {})).items;
    expect(link.targetId).toBe(target.id);
    const path = `/api/public/surveys/${link.path.split('/').pop()}`;
    clock.advance(30 * 86400_000 - 60_000);
    expect((await anon().get(path)).statusCode).toBe(200);
    clock.advance(60_000);
    const viewed = await anon().get(path);
    expect(viewed.statusCode).toBe(410);
    expect(viewed.json().error).toMatchObject({ reason: 'expired', message: expect.stringContaining('过期') });
    const answered = await anon().post(path, { answers: [{ key: 'revisit_mode', choices: ['电话沟通'] }, { key: 'contact_modes', choices: ['E-mail'] }] });
    expect(answered.statusCode).toBe(410);
    expect(answered.json().error.reason).toBe('expired');
    const rows = await ctx.db.kysely.selectFrom('survey_responses').select('id').where('campaign_id', '=', c.id).execute();
    expect(rows).toEqual([]);
  });
});
