import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, type Client, type TestContext } from '../../../test/harness';
import type { RequestContext } from '../permissions/actor';

/**
 * Issue 16 parts 3 and 4: notifications stored as keys and read in the reader's language, done when the
 * approval or task is; reference lists with labels per language; the audit log with labels and display values.
 */
let ctx: TestContext;
type U = { id: number; client: Client };
let applicant: U, supervisor: U, director: U;
const L = (zh: string, en: string) => ({ 'zh-CN': zh, 'zh-TW': zh, en });

/** A reader whose interface language is `lang` (the gx_lang cookie the web app sets). */
const inLang = (c: Client, lang: string) => ({
  async get(url: string) {
    c.cookies.set('gx_lang', lang);
    try {
      return await c.get(url);
    } finally {
      c.cookies.delete('gx_lang');
    }
  },
});

beforeAll(async () => {
  ctx = await createTestContext();
  const team = await createTeam(ctx, '国际组');
  applicant = await createUser(ctx, { username: 'i18n.applicant', displayName: '申请人甲', roles: ['specialist'], teamId: team });
  supervisor = await createUser(ctx, { username: 'i18n.supervisor', displayName: '主管乙', roles: ['supervisor'], teamId: team });
  director = await createUser(ctx, { username: 'i18n.director', displayName: '总监丙', roles: ['director'], departmentId: 1 });
  const t = json(await ctx.admin.get(`/api/teams/${team}`));
  expect((await ctx.admin.put(`/api/teams/${team}`, { supervisorId: supervisor.id, version: t.version })).statusCode).toBe(200);
  const docs = new Map([
    [1, { applicantId: applicant.id, departmentId: 1, teamId: team, title: '年度框架协议', fields: {}, link: '/test-docs/1' }],
    [2, { applicantId: applicant.id, departmentId: 1, teamId: team, title: '华东区域代理协议', fields: {}, link: '/test-docs/2' }],
  ]);
  ctx.services.approvals.registerType({
    type: 'i18n_doc',
    label: L('测试单据', 'Test document'),
    defaultChain: [
      { key: 'supervisor_review', name: L('主管审核', 'Supervisor review'), approver: { kind: 'supervisor' } },
      { key: 'director_approval', name: L('总监审批', 'Director approval'), approver: { kind: 'role', role: 'director', within: 'company' } },
    ],
    load: async (_trx, id) => docs.get(id),
    onOutcome: async () => {},
  });
}, 180_000);
afterAll(() => ctx.close());

async function rc(u: U): Promise<RequestContext> {
  return { actor: await ctx.services.auth.authenticate(u.client.cookies.get('gx_session')), ip: null, requestId: 'test', lang: 'zh-CN' };
}

describe('notifications as message keys (issue 16 part 4)', () => {
  it('shows an approval notification in the reader language and marks it done once the step is decided', async () => {
    const who = await rc(applicant);
    const request = await ctx.db.kysely.transaction().execute((trx) => ctx.services.approvals.submit(trx, who, 'i18n_doc', 1, null));
    const zh = json(await inLang(supervisor.client, 'zh-CN').get('/api/notifications'));
    const en = json(await inLang(supervisor.client, 'en').get('/api/notifications'));
    const tw = json(await inLang(supervisor.client, 'zh-TW').get('/api/notifications'));
    expect(zh.items[0]).toMatchObject({ title: '待您审批：年度框架协议', readAt: null, doneAt: null });
    expect(en.items[0].title).toBe('Waiting for your approval: 年度框架协议');
    expect(tw.items[0].title).toBe('待您審批：年度框架协议');
    expect(zh.unread).toBe(1);

    const res = await supervisor.client.post(`/api/approvals/${request.id}/actions`, { action: 'approve' });
    expect(res.statusCode, res.body).toBe(200);
    const after = json(await supervisor.client.get('/api/notifications'));
    expect(after.unread).toBe(0);
    expect(after.items[0].doneAt).not.toBeNull();
    // The director is asked next; their notification stays open until they decide.
    const dir = json(await director.client.get('/api/notifications'));
    expect(dir.unread).toBe(1);
    expect(dir.items[0].doneAt).toBeNull();
    expect((await director.client.post(`/api/approvals/${request.id}/actions`, { action: 'approve' })).statusCode).toBe(200);
    expect(json(await director.client.get('/api/notifications')).unread).toBe(0);
    // The applicant hears of the outcome in English when that is their language.
    expect(json(await inLang(applicant.client, 'en').get('/api/notifications')).items[0].title).toBe('Approved: 年度框架协议');
  });

  it('keeps the stored text of a notification written without a key, and marks a task notification done on completion', async () => {
    const created = await supervisor.client.post('/api/tasks', { title: '回访客户', assigneeId: applicant.id, due: { date: '2027-03-01' } });
    expect(created.statusCode, created.body).toBe(201);
    const task = json(created);
    const en = json(await inLang(applicant.client, 'en').get('/api/notifications'));
    const n = en.items.find((i: { link: { type: string; id: number } | null }) => i.link?.type === 'task' && i.link.id === task.id);
    expect(n.title).toMatch(/^New task/);
    expect(n.body).toBe('Assigned by 主管乙');
    await ctx.db.kysely.transaction().execute((trx) => ctx.services.notifications.notify(trx, { userIds: [applicant.id], kind: 'legacy', title: '旧通知正文' }));
    expect(json(await inLang(applicant.client, 'en').get('/api/notifications')).items[0].title).toBe('旧通知正文');

    const done = await applicant.client.post(`/api/tasks/${task.id}/complete`, { version: task.version });
    expect(done.statusCode, done.body).toBe(200);
    const list = json(await applicant.client.get('/api/notifications'));
    const again = list.items.find((i: { id: number }) => i.id === n.id);
    expect(again.doneAt).not.toBeNull();
    expect(again.readAt).not.toBeNull();
  });
});

describe('reference lists in three languages (issue 16 part 4)', () => {
  it('ships industries and complaint categories with zh-TW and English labels; an administrator fills a new entry', async () => {
    const all = json(await applicant.client.get('/api/reference-labels'));
    expect(all.items).toContainEqual({ list: 'industries', value: '制造业', labels: { 'zh-CN': '制造业', 'zh-TW': '製造業', en: 'Manufacturing' } });
    expect(all.items).toContainEqual({ list: 'complaint_categories', value: '服务态度', labels: { 'zh-CN': '服务态度', 'zh-TW': '服務態度', en: 'Service attitude' } });
    expect(all.lists.map((l: { name: string }) => l.name)).toEqual(expect.arrayContaining(['industries', 'complaint_categories']));

    expect((await applicant.client.put('/api/reference-labels', { list: 'complaint_categories', value: '包装破损', en: 'Damaged packaging' })).statusCode).toBe(403);
    const bad = await ctx.admin.put('/api/reference-labels', { list: 'no_such_list', value: 'x', en: 'x' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].field).toBe('list');
    const ok = await ctx.admin.put('/api/reference-labels', { list: 'complaint_categories', value: '包装破损', zhTW: '包裝破損', en: 'Damaged packaging' });
    expect(ok.statusCode, ok.body).toBe(200);
    const one = json(await applicant.client.get('/api/reference-labels?list=complaint_categories'));
    expect(one.items).toContainEqual({ list: 'complaint_categories', value: '包装破损', labels: { 'zh-CN': '包装破损', 'zh-TW': '包裝破損', en: 'Damaged packaging' } });
    expect(one.items.every((i: { list: string }) => i.list === 'complaint_categories')).toBe(true);
  });
});

describe('audit log with labels and display values (issue 16 part 3)', () => {
  it('lists a customer change with field labels, status and industry labels, the owner by name and the phone masked', async () => {
    const created = await ctx.admin.post('/api/customers', { name: '杭州远景机械有限公司', status: 'potential', industry: '制造业', phone: '13812345678', ownerId: applicant.id });
    expect(created.statusCode, created.body).toBe(201);
    const id = json(created).id;
    const c = json(await ctx.admin.get(`/api/customers/${id}`));
    expect((await ctx.admin.put(`/api/customers/${id}`, { status: 'formal', legalRepresentative: '周明', version: c.version })).statusCode).toBe(200);

    const zh = json(await inLang(ctx.admin, 'zh-CN').get(`/api/audit?entityType=customer&entityId=${id}`));
    const update = zh.items.find((e: { action: string }) => e.action === 'update');
    expect(update.entityLabel).toBe('客户档案');
    expect(update.display).toEqual(expect.arrayContaining([
      { field: 'status', label: '状态', before: '潜在', after: '正式' },
      { field: 'legalRepresentative', label: '法定代表人', before: null, after: '周明' },
    ]));
    const create = zh.items.find((e: { action: string }) => e.action === 'create');
    const byField = Object.fromEntries(create.display.map((d: { field: string }) => [d.field, d]));
    expect(byField.phone.after).not.toContain('12345678');
    if (byField.ownerId) expect(byField.ownerId.after).toBe('申请人甲');

    const en = json(await inLang(ctx.admin, 'en').get(`/api/audit?entityType=customer&entityId=${id}`));
    const enCreate = en.items.find((e: { action: string }) => e.action === 'create');
    expect(enCreate.display).toContainEqual({ field: 'industry', label: 'Industry', before: null, after: 'Manufacturing' });
    expect(en.items.find((e: { action: string }) => e.action === 'update').display).toContainEqual({ field: 'status', label: 'Status', before: 'Potential', after: 'Active' });
  });

  it('names an approval request by its title and in the reader language', async () => {
    const who = await rc(applicant);
    const request = await ctx.db.kysely.transaction().execute((trx) => ctx.services.approvals.submit(trx, who, 'i18n_doc', 2, null));
    const zh = json(await inLang(ctx.admin, 'zh-CN').get(`/api/audit?entityType=approval_request&entityId=${request.id}`));
    expect(zh.items[0]).toMatchObject({ entityType: 'approval_request', entityLabel: '审批申请', entityTitle: '华东区域代理协议' });
    const en = json(await inLang(ctx.admin, 'en').get(`/api/audit?entityType=approval_request&entityId=${request.id}`));
    expect(en.items[0]).toMatchObject({ entityLabel: 'Approval request', entityTitle: '华东区域代理协议' });
  });

  it('names a complaint by its number, with its category, severity and handler as the complaint pages show them', async () => {
    const res = await ctx.admin.post('/api/complaints', { channel: 'hotline', complainantName: '刘女士', complainantPhone: '13912345678', content: '客服接听时语气生硬。', category: '服务态度', severity: 'major', handlerId: applicant.id });
    expect(res.statusCode, res.body).toBe(201);
    const c = json(res);
    const en = json(await inLang(ctx.admin, 'en').get(`/api/audit?entityType=complaint&entityId=${c.id}`));
    const created = en.items.find((e: { action: string }) => e.action === 'create');
    expect(created).toMatchObject({ entityLabel: 'Complaint', entityTitle: c.complaintNo });
    expect(created.display).toEqual(expect.arrayContaining([
      { field: 'category', label: 'Category', before: null, after: 'Service attitude' },
      { field: 'severity', label: 'Severity', before: null, after: 'Major' },
      { field: 'channel', label: 'Channel', before: null, after: 'Hotline' },
      { field: 'handlerId', label: 'Handler', before: null, after: '申请人甲' },
    ]));
    const tw = json(await inLang(ctx.admin, 'zh-TW').get(`/api/audit?entityType=complaint&entityId=${c.id}`));
    expect(tw.items.find((e: { action: string }) => e.action === 'create').display).toContainEqual({ field: 'category', label: '投訴類別', before: null, after: '服務態度' });
  });

  it('names a contract by its number, with its status and signer as the contract pages show them', async () => {
    const customer = json(await ctx.admin.post('/api/customers', { name: '苏州华茂纺织有限公司', status: 'formal', ownerId: applicant.id }));
    const res = await ctx.admin.post('/api/contracts', { customerId: customer.id, contractNo: 'HT-I18N-001', title: '年度面料供货合同', amount: 100, startDate: '2027-01-01', endDate: '2027-12-31', signerId: director.id });
    expect(res.statusCode, res.body).toBe(201);
    const c = json(res);
    const en = json(await inLang(ctx.admin, 'en').get(`/api/audit?entityType=contract&entityId=${c.id}`));
    const created = en.items.find((e: { action: string }) => e.action === 'create');
    expect(created).toMatchObject({ entityLabel: 'Contract', entityTitle: 'HT-I18N-001' });
    expect(created.display).toEqual(expect.arrayContaining([
      { field: 'title', label: 'Title', before: null, after: '年度面料供货合同' },
      { field: 'signerId', label: 'Signer', before: null, after: '总监丙' },
    ]));
  });

  it('names a setting by its label, and maintenance and development plans by their titles', async () => {
    expect((await ctx.admin.put('/api/settings/security.lockoutThreshold', { value: 12, version: 0 })).statusCode).toBe(200);
    const setting = json(await inLang(ctx.admin, 'en').get('/api/audit?entityType=setting&entityId=security.lockoutThreshold')).items[0];
    expect(setting).toMatchObject({ entityLabel: 'Setting', entityTitle: 'Failed sign-ins before lockout' });
    expect(setting.display).toContainEqual({ field: 'value', label: 'Value', before: '10', after: '12' });

    const customer = json(await ctx.admin.post('/api/customers', { name: '无锡恒信电子有限公司', status: 'formal', ownerId: applicant.id }));
    const mp = await supervisor.client.post('/api/maintenance-plans', { title: '2027 年一季度重点客户维护方案', goals: '提升满意度', method: '上门拜访', measures: '每月拜访一次', budget: 100, startDate: '2027-01-01', endDate: '2027-03-31', customerIds: [customer.id], staffIds: [applicant.id] });
    expect(mp.statusCode, mp.body).toBe(201);
    const mpLog = json(await inLang(ctx.admin, 'zh-TW').get(`/api/audit?entityType=maintenance_plan&entityId=${json(mp).id}`)).items[0];
    expect(mpLog).toMatchObject({ entityLabel: '客戶維護方案', entityTitle: '2027 年一季度重点客户维护方案' });
    expect(mpLog.display).toContainEqual({ field: 'staffIds', label: '維護人員', before: null, after: '申请人甲' });

    const dp = await applicant.client.post('/api/development-plans', { title: '华东新客户开发计划', periodStart: '2027-01-01', periodEnd: '2027-03-31' });
    expect(dp.statusCode, dp.body).toBe(201);
    const dpLog = json(await inLang(ctx.admin, 'en').get(`/api/audit?entityType=development_plan&entityId=${json(dp).id}`)).items[0];
    expect(dpLog).toMatchObject({ entityLabel: 'Development plan', entityTitle: '华东新客户开发计划' });
    expect(dpLog.display).toContainEqual({ field: 'title', label: 'Title', before: null, after: '华东新客户开发计划' });
  });

  it('names the condition fields of an approval rule in the reader language', async () => {
    const zh = json(await inLang(ctx.admin, 'zh-CN').get('/api/approval-chains'));
    const en = json(await inLang(ctx.admin, 'en').get('/api/approval-chains'));
    const contract = (list: { items?: unknown[] } | unknown[]) => ((Array.isArray(list) ? list : (list as { items: unknown[] }).items) as { documentType: string; fieldLabels: Record<string, string> }[]).find((c) => c.documentType === 'contract')!;
    expect(contract(zh).fieldLabels).toMatchObject({ exceedsLimit: '超出权限金额', exceedsTerm: '超出权限期限' });
    expect(contract(en).fieldLabels.exceedsLimit).toBe('Exceeds the authorised amount');
  });

  it('shows a team supervisor by name instead of an id', async () => {
    const team = await createTeam(ctx, '成员审计组');
    const t = json(await ctx.admin.get(`/api/teams/${team}`));
    expect((await ctx.admin.put(`/api/teams/${team}`, { supervisorId: supervisor.id, version: t.version })).statusCode).toBe(200);
    const log = json(await ctx.admin.get(`/api/audit?entityType=team&entityId=${team}`));
    const shown = log.items.flatMap((e: { display: { field: string; after: string | null }[] }) => e.display);
    expect(shown).toContainEqual(expect.objectContaining({ label: '主管', after: '主管乙' }));
  });
});

describe('names instead of numbers (issue 16 part 3)', () => {
  it('reads the survey target filter by the responsible person name', async () => {
    const { items } = json(await ctx.admin.get('/api/survey-templates?status=published'));
    const res = await ctx.admin.post('/api/survey-campaigns', { title: '负责人名下客户回访', templateId: items[0].id, filter: { ownerId: applicant.id }, startDate: '2026-11-24', endDate: '2026-12-31' });
    expect(res.statusCode, res.body).toBe(201);
    const shown = json(await ctx.admin.get(`/api/survey-campaigns/${json(res).id}`));
    expect(shown).toMatchObject({ filter: { ownerId: applicant.id }, filterOwnerName: '申请人甲' });
  });
});
