import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, TestClock, type Client, type TestContext } from '../../../test/harness';

// Contracts by authority limit (issue 4 §7, docs/regulations.md §13). Default limits: specialist 5, manager 50 万元; 12 months.
let ctx: TestContext;
type U = { id: number; client: Client };
let director: U, manager: U, supervisorA: U, specA: U, specB: U, finance1: U, finance2: U;
let customerA: number;
let customerB: number;

const START = '2026-12-01';
const YEAR_END = '2027-11-30'; // exactly 12 months

async function draft(who: U, body: Record<string, unknown>) {
  const res = await who.client.post('/api/contracts', { customerId: customerA, title: '年度会议室及客房协议', startDate: START, endDate: YEAR_END, ...body });
  if (res.statusCode !== 201) throw new Error(`draft failed: ${res.statusCode} ${res.body}`);
  return json(res);
}
const sign = async (who: U, c: { id: number; version: number }) => who.client.post(`/api/contracts/${c.id}/sign`, { version: c.version });
const fresh = async (id: number) => json(await ctx.admin.get(`/api/contracts/${id}`));
const inbox = async (who: U) => json(await who.client.get('/api/notifications?pageSize=100')).items as { kind: string; title: string; body: string; link: { path: string } | null }[];
const queue = async (who: U) => json(await who.client.get('/api/approvals/queue')).items as { id: number; documentType: string; documentId: number; version?: number }[];
async function approvalRequests(contractId: number) {
  return ctx.db.kysely.selectFrom('approval_requests').selectAll().where('document_type', '=', 'contract').where('document_id', '=', contractId).execute();
}

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-11-24T02:00:00Z')) });
  const teamA = await createTeam(ctx, '大客户一组', 1);
  const teamB = await createTeam(ctx, '大客户二组', 2);
  director = await createUser(ctx, { username: 'zong.jian', displayName: '周总监', roles: ['director'], departmentId: 1 });
  manager = await createUser(ctx, { username: 'jing.li', displayName: '吴经理', roles: ['manager'], departmentId: 1 });
  supervisorA = await createUser(ctx, { username: 'zhu.guan', displayName: '郑主管', roles: ['supervisor'], teamId: teamA });
  specA = await createUser(ctx, { username: 'zhuan.yuan.a', displayName: '王专员', roles: ['specialist'], teamId: teamA });
  specB = await createUser(ctx, { username: 'zhuan.yuan.b', displayName: '冯专员', roles: ['specialist'], teamId: teamB });
  finance1 = await createUser(ctx, { username: 'cai.wu.1', displayName: '陈会计', roles: ['finance'], departmentId: 1 });
  finance2 = await createUser(ctx, { username: 'cai.wu.2', displayName: '褚出纳', roles: ['finance'], departmentId: 1 });
  // The team supervisor is named on the team (teams.supervisor_id) so the supervisor's scope covers team A.
  const team = json(await ctx.admin.get(`/api/teams/${teamA}`));
  expect((await ctx.admin.put(`/api/teams/${teamA}`, { supervisorId: supervisorA.id, version: team.version })).statusCode).toBe(200);
  customerA = json(await specA.client.post('/api/customers', { name: '北京华宇科技有限公司' })).id;
  customerB = json(await specB.client.post('/api/customers', { name: '上海东方航运有限公司' })).id;
});
afterAll(() => ctx.close());

describe('signing within authority (docs/regulations.md §13)', () => {
  it('takes effect when the manager signs within 50 万元, without any approval request, and copies finance', async () => {
    const c = await draft(specA, { amount: 300000, signerId: manager.id, terms: '按月结算' });
    expect(c).toMatchObject({ status: 'draft', amount: 300000, currency: 'CNY', ownerId: specA.id, canSign: false, authority: { within: true, limitWan: 50 } });
    expect(c.contractNo).toMatch(/^HT2026-\d{4}$/);
    const res = await sign(manager, c);
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ status: 'effective', exceedsLimit: false, exceedsTerm: false, signingDate: '2026-11-24' });
    expect(await approvalRequests(c.id)).toEqual([]);
    expect((await queue(director)).filter((i) => i.documentType === 'contract' && i.documentId === c.id)).toEqual([]);
    for (const f of [finance1, finance2]) {
      const n = (await inbox(f)).find((i) => i.kind === 'contract.effective' && i.link?.path === `/contracts/${c.id}`);
      expect(n?.title).toBe(`合同已生效：${c.contractNo} 年度会议室及客房协议`);
      expect(n?.body).toContain('¥300,000.00');
    }
    // Stored as a message key: an English reader gets it in English.
    finance1.client.cookies.set('gx_lang', 'en');
    const en = (await inbox(finance1)).find((i) => i.kind === 'contract.effective' && i.link?.path === `/contracts/${c.id}`);
    finance1.client.cookies.delete('gx_lang');
    expect(en?.title).toBe(`Contract in force: ${c.contractNo} 年度会议室及客房协议`);
    // Expiry reminder for the signer and the owner: 30 days before 2027-11-30, 09:00 Beijing time.
    const reminder = await ctx.services.reminders.get(`contract:${c.id}:expiry`);
    expect(reminder?.due_at).toBe('2027-10-31T01:00:00.000Z');
    expect(JSON.parse(reminder!.payload).userIds.sort()).toEqual([manager.id, specA.id].sort());
  });

  it('lets only the named signer sign', async () => {
    const c = await draft(specA, { amount: 1000, signerId: manager.id });
    const res = await sign(specA, c);
    expect(res.statusCode).toBe(403);
    expect((await fresh(c.id)).status).toBe('draft');
  });

  it('lets a specialist sign 3 万元 alone but sends 8 万元 to the director', async () => {
    const small = await draft(specA, { amount: 30000, signerId: specA.id });
    expect(json(await sign(specA, small)).status).toBe('effective');

    const large = await draft(specA, { amount: 80000, signerId: specA.id });
    expect(large.authority).toMatchObject({ within: false, exceedsLimit: true, limitWan: 5 });
    const res = json(await sign(specA, large));
    expect(res).toMatchObject({ status: 'pending', exceedsLimit: true, exceedsTerm: false });
    expect((await queue(director)).some((i) => i.documentType === 'contract' && i.documentId === large.id)).toBe(true);
    expect((await inbox(finance1)).some((i) => i.link?.path === `/contracts/${large.id}`)).toBe(false);
  });
});

describe('above authority: the director approves (docs/regulations.md §13, §18)', () => {
  it('waits for the director above the manager’s limit; once approved it is effective and finance is notified', async () => {
    const c = await draft(specA, { amount: 800000, signerId: manager.id });
    const signed = json(await sign(manager, c));
    expect(signed).toMatchObject({ status: 'pending', exceedsLimit: true });
    const item = (await queue(director)).find((i) => i.documentType === 'contract' && i.documentId === c.id);
    expect(item).toBeDefined();
    expect((await inbox(finance1)).some((i) => i.link?.path === `/contracts/${c.id}`)).toBe(false);
    // The manager cannot approve their own contract; nobody else but the director may either.
    expect((await manager.client.post(`/api/approvals/${item!.id}/actions`, { action: 'approve' })).statusCode).toBeGreaterThanOrEqual(403);
    const ok = await director.client.post(`/api/approvals/${item!.id}/actions`, { action: 'approve', comment: '同意' });
    expect(ok.statusCode).toBe(200);
    const after = await fresh(c.id);
    expect(after.status).toBe('effective');
    expect(after.effectiveAt).toBe('2026-11-24T02:00:00.000Z');
    expect((await inbox(finance2)).some((i) => i.kind === 'contract.effective' && i.link?.path === `/contracts/${c.id}`)).toBe(true);
  });

  it('sends a contract beyond the 12-month term to approval however small', async () => {
    const c = await draft(specA, { amount: 10000, signerId: manager.id, endDate: '2027-12-31' });
    expect(json(await sign(manager, c))).toMatchObject({ status: 'pending', exceedsLimit: false, exceedsTerm: true });
    expect((await approvalRequests(c.id)).map((r) => r.status)).toEqual(['pending']);
  });

  it('puts a rejected contract back to draft with the director’s comment; a returned one is revised and signed again', async () => {
    const rejected = await draft(specA, { amount: 900000, signerId: manager.id });
    await sign(manager, rejected);
    let item = (await queue(director)).find((i) => i.documentId === rejected.id && i.documentType === 'contract')!;
    expect((await director.client.post(`/api/approvals/${item.id}/actions`, { action: 'reject', comment: '金额过大，请分期签订' })).statusCode).toBe(200);
    const back = json(await manager.client.get(`/api/contracts/${rejected.id}`));
    expect(back).toMatchObject({ status: 'draft', canSign: true, lastDecision: { action: 'reject', comment: '金额过大，请分期签订', actorName: '周总监' } });
    // The customer's owner sees why too, and the approval history; another team does not.
    expect(json(await specA.client.get(`/api/contracts/${rejected.id}`)).lastDecision.comment).toBe('金额过大，请分期签订');
    expect(json(await specA.client.get(`/api/approvals?documentType=contract&documentId=${rejected.id}`)).request.status).toBe('rejected');
    expect((await specB.client.get(`/api/approvals?documentType=contract&documentId=${rejected.id}`)).statusCode).toBe(404);

    const returned = await draft(specA, { amount: 700000, signerId: manager.id });
    await sign(manager, returned);
    item = (await queue(director)).find((i) => i.documentId === returned.id && i.documentType === 'contract')!;
    await director.client.post(`/api/approvals/${item.id}/actions`, { action: 'return', comment: '请补充付款条款' });
    const draftAgain = json(await manager.client.get(`/api/contracts/${returned.id}`));
    expect(draftAgain.status).toBe('draft');
    const edited = await manager.client.put(`/api/contracts/${returned.id}`, { terms: '首付 30%，验收后付清', version: draftAgain.version });
    expect(edited.statusCode).toBe(200);
    expect(json(await sign(manager, json(edited))).status).toBe('pending');
    const history = json(await manager.client.get(`/api/approvals/${item.id}`)).history.map((h: { action: string }) => h.action);
    expect(history).toEqual(['submit', 'return', 'resubmit']);
  });
});

describe('scope, versions and validation', () => {
  it('hides another team’s contract from a specialist (404) but not from the team’s supervisor or finance', async () => {
    const c = await draft(specA, { amount: 5000, signerId: specA.id });
    expect((await specB.client.get(`/api/contracts/${c.id}`)).statusCode).toBe(404);
    expect((await specB.client.put(`/api/contracts/${c.id}`, { title: 'x', version: c.version })).statusCode).toBe(404);
    expect(json(await specB.client.get('/api/contracts')).items.map((i: { id: number }) => i.id)).not.toContain(c.id);
    expect((await specB.client.get(`/api/customers/${customerA}/contracts`)).statusCode).toBe(404);
    expect((await supervisorA.client.get(`/api/contracts/${c.id}`)).statusCode).toBe(200);
    expect((await finance1.client.get(`/api/contracts/${c.id}`)).statusCode).toBe(200);
    expect((await finance1.client.post('/api/contracts', { customerId: customerA, title: 'x', amount: 1, startDate: START, endDate: YEAR_END, signerId: manager.id })).statusCode).toBe(403);
  });

  it('refuses a draft for a customer outside the caller’s scope or a signer who does not handle the customer', async () => {
    const res = await specA.client.post('/api/contracts', { customerId: customerB, title: '航运协议', amount: 100, startDate: START, endDate: YEAR_END, signerId: specA.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['customerId']);
    const wrongSigner = await specA.client.post('/api/contracts', { customerId: customerA, title: '协议', amount: 100, startDate: START, endDate: YEAR_END, signerId: specB.id });
    expect(wrongSigner.statusCode).toBe(422);
    expect(wrongSigner.json().error.fields).toEqual([{ field: 'signerId', message: '签约人无权经办该客户的业务' }]);
    const signers = json(await specA.client.get(`/api/contract-signers?customerId=${customerA}`)).items.map((s: { id: number }) => s.id);
    expect(signers.sort()).toEqual([director.id, manager.id, supervisorA.id, specA.id].sort());
  });

  it('answers 409 to a stale version and changes nothing', async () => {
    const c = await draft(specA, { amount: 2000, signerId: specA.id });
    expect((await specA.client.put(`/api/contracts/${c.id}`, { amount: 2500, version: c.version })).statusCode).toBe(200);
    const stale = await supervisorA.client.put(`/api/contracts/${c.id}`, { amount: 9999, version: c.version });
    expect(stale.statusCode).toBe(409);
    expect((await fresh(c.id)).amount).toBe(2500);
    expect((await sign(specA, c)).statusCode).toBe(409);
  });

  it('answers 422 naming the field for a bad amount or bad dates, and creates nothing', async () => {
    const before = json(await ctx.admin.get('/api/contracts')).total;
    const base = { customerId: customerA, title: '测试', amount: 100, startDate: START, endDate: YEAR_END, signerId: specA.id };
    const cases: [Record<string, unknown>, string[]][] = [
      [{ amount: -5 }, ['amount']],
      [{ amount: 0 }, ['amount']],
      [{ amount: 12.345 }, ['amount']],
      [{ startDate: '2026-02-30' }, ['startDate']],
      [{ endDate: '2026-11-30' }, ['endDate']],
      [{ signingDate: '2026/11/24' }, ['signingDate']],
    ];
    for (const [change, fields] of cases) {
      const res = await specA.client.post('/api/contracts', { ...base, ...change });
      expect({ change, status: res.statusCode }).toEqual({ change, status: 422 });
      expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(fields);
    }
    expect(json(await specA.client.post('/api/contracts', { ...base, amount: 12.345 })).error.fields[0].message).toBe('金额应为大于 0 的数字，最多两位小数');
    expect(json(await ctx.admin.get('/api/contracts')).total).toBe(before);
  });

  it('numbers contracts per year and refuses a number already in use with 409', async () => {
    const own = await draft(specA, { amount: 100, signerId: specA.id, contractNo: 'BJ-2026/001' });
    expect(own.contractNo).toBe('BJ-2026/001');
    const blank = await draft(specA, { amount: 100, signerId: specA.id, contractNo: '  ' });
    expect(blank.contractNo).toMatch(/^HT2026-\d{4}$/);
    const clash = await specA.client.post('/api/contracts', { customerId: customerA, title: '重号', amount: 100, startDate: START, endDate: YEAR_END, signerId: specA.id, contractNo: 'BJ-2026/001' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.fields[0].field).toBe('contractNo');
  });
});

describe('merging customers (查重, issue 3 §7)', () => {
  it('moves the merged customer’s contracts to the surviving customer', async () => {
    const duplicate = json(await specA.client.post('/api/customers', { name: '北京华宇科技公司', confirmDuplicate: true })).id;
    const c = await draft(specA, { customerId: duplicate, amount: 2000, signerId: specA.id });
    const merged = await manager.client.post(`/api/customers/${customerA}/merge`, { mergedId: duplicate, reason: '重复建档' });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await fresh(c.id)).customerId).toBe(customerA);
    const onArchive = json(await specA.client.get(`/api/customers/${customerA}/contracts?pageSize=100`)).items.map((x: { id: number }) => x.id);
    expect(onArchive).toContain(c.id);
  });
});

describe('the customer archive, files, termination and expiry', () => {
  it('lists a customer’s contracts on the archive and filters the list', async () => {
    const list = json(await specA.client.get(`/api/customers/${customerA}/contracts?pageSize=100`));
    expect(list.total).toBeGreaterThan(5);
    expect(list.items.every((c: { customerId: number }) => c.customerId === customerA)).toBe(true);
    const effective = json(await manager.client.get(`/api/contracts?customerId=${customerA}&status=effective&pageSize=100`));
    expect(effective.items.length).toBeGreaterThan(0);
    expect(effective.items.every((c: { status: string }) => c.status === 'effective')).toBe(true);
    const mine = json(await manager.client.get(`/api/contracts?signerId=${specA.id}&pageSize=100`));
    expect(mine.items.every((c: { signerId: number }) => c.signerId === specA.id)).toBe(true);
  });

  it('files a signed copy with the contract and in the customer’s attachments, judged by content', async () => {
    const c = await draft(specA, { amount: 100, signerId: specA.id });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = await specA.client.request('POST', `/api/contracts/${c.id}/attachments?filename=${encodeURIComponent('合同扫描件.pdf')}`, pdf as any, { headers: { 'content-type': 'application/octet-stream' } });
    expect(up.statusCode).toBe(201);
    const listed = json(await specA.client.get(`/api/contracts/${c.id}/attachments`)).items;
    expect(listed.map((a: { filename: string; kind: string }) => [a.filename, a.kind])).toEqual([['合同扫描件.pdf', 'contract']]);
    expect(json(await specA.client.get(`/api/customers/${customerA}/attachments`)).items.some((a: { id: number }) => a.id === listed[0].id)).toBe(true);
    const download = await finance1.client.get(`/api/contracts/${c.id}/attachments/${listed[0].id}`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toContain('%PDF-1.4');
    const refused = await specA.client.request('POST', `/api/contracts/${c.id}/attachments?filename=a.pdf`, Buffer.from('just text') as any, { headers: { 'content-type': 'application/octet-stream' } });
    expect(refused.statusCode).toBe(415);
  });

  it('terminates an effective contract with a reason, cancels its reminder and keeps the audit trail', async () => {
    const c = await draft(specA, { amount: 20000, signerId: manager.id });
    const signed = json(await sign(manager, c));
    expect(await ctx.services.reminders.get(`contract:${c.id}:expiry`)).toBeTruthy();
    expect((await specA.client.post(`/api/contracts/${c.id}/terminate`, { reason: '客户经营范围变更', version: signed.version })).statusCode).toBe(403);
    const res = await manager.client.post(`/api/contracts/${c.id}/terminate`, { reason: '客户经营范围变更', version: signed.version });
    expect(json(res)).toMatchObject({ status: 'terminated', terminationReason: '客户经营范围变更', terminatedByName: '吴经理' });
    expect(await ctx.services.reminders.get(`contract:${c.id}:expiry`)).toBeFalsy();
    const audit = json(await ctx.admin.get(`/api/audit?entityType=contract&entityId=${c.id}&pageSize=50`)).items.map((e: { action: string }) => e.action);
    expect(audit.sort()).toEqual(['create', 'effective', 'sign', 'terminate']);
  });

  it('follows the limits in the settings: raised to 100 万元, the manager signs 80 万元 alone', async () => {
    const raise = await ctx.admin.put('/api/settings/contracts.limit.manager', { value: 100, version: 0 });
    expect(raise.statusCode).toBe(200);
    const c = await draft(specA, { amount: 800000, signerId: manager.id });
    expect(c.authority).toMatchObject({ within: true, limitWan: 100 });
    expect(json(await sign(manager, c)).status).toBe('effective');
    expect((await ctx.admin.put('/api/settings/contracts.limit.manager', { value: 50, version: 1 })).statusCode).toBe(200);
    const groups = json(await ctx.admin.get('/api/settings')).groups;
    expect(groups.find((g: { group: string }) => g.group === 'contracts').items.map((i: { key: string }) => i.key)).toContain('contracts.maxTermMonths');
  });

  it('marks an effective contract 到期 the day after its end date, once', async () => {
    const c = await draft(specA, { amount: 100, signerId: specA.id, startDate: '2026-11-01', endDate: '2026-11-30' });
    await sign(specA, c);
    // Read the row directly: moving the clock by days ends every session.
    const status = async () => (await ctx.db.kysely.selectFrom('contracts').select('status').where('id', '=', c.id).executeTakeFirstOrThrow()).status;
    ctx.clock.set('2026-11-30T15:00:00Z'); // 23:00 on the end date in Shanghai: still running
    await ctx.services.contracts.expireDue();
    expect(await status()).toBe('effective');
    ctx.clock.set('2026-11-30T16:30:00Z'); // 00:30 on 12-01 in Shanghai
    expect(await ctx.services.contracts.expireDue()).toBeGreaterThanOrEqual(1);
    expect(await status()).toBe('expired');
    expect(await ctx.services.contracts.expireDue()).toBe(0);
    const audit = await ctx.db.kysely.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_type', '=', 'contract').where('entity_id', '=', String(c.id)).where('action', '=', 'expire').execute();
    expect(audit).toEqual([{ action: 'expire', actor_id: null }]);
  });
});
