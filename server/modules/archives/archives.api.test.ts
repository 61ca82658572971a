import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeases } from '../../platform/jobs/leases';
import { createTeam, createTestContext, createUser, json, TestClock, type Client, type TestContext } from '../../../test/harness';

// Confidential material and lending 档案借阅 (docs/regulations.md §1, §2) on SQLite and PostgreSQL.
let ctx: TestContext;
type U = { id: number; client: Client };
let spec: U, keeper: U, manager: U, outsider: U;
let customerA: number, customerB: number;
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(500, 0x20), Buffer.from('\n%%EOF')]);

async function upload(who: U, customerId: number, filename: string, kind = 'contract') {
  const client = who.client;
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream', cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  if (client.csrf) headers['x-csrf-token'] = client.csrf;
  const res = await ctx.app.inject({ method: 'POST', url: `/api/customers/${customerId}/attachments?kind=${kind}&filename=${encodeURIComponent(filename)}`, payload: pdf, headers });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return json(res).id as number;
}
const audit = async (action: string, customerId: number) => json(await ctx.admin.get(`/api/audit?action=${action}&entityId=${customerId}`));
const inbox = async (who: U) => json(await who.client.get('/api/notifications?pageSize=50')).items as { kind: string; title: string }[];

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-12-08T00:30:00Z')) }); // 08:30 in Shanghai
  const team = await createTeam(ctx, '客户档案组', 1);
  spec = await createUser(ctx, { username: 'da.zhuanyuan', displayName: '林专员', roles: ['specialist'], teamId: team });
  keeper = await createUser(ctx, { username: 'da.zhuguan', displayName: '许主管', roles: ['supervisor'], teamId: team });
  manager = await createUser(ctx, { username: 'da.jingli', displayName: '何经理', roles: ['manager'], departmentId: 1 });
  const made = await ctx.admin.post('/api/departments', { name: '市场推广部' });
  if (made.statusCode !== 201) throw new Error(`department failed: ${made.statusCode} ${made.body}`);
  const dept2 = json(made).id as number;
  outsider = await createUser(ctx, { username: 'xs.xiaoshou', displayName: '邓销售', roles: ['sales'], teamId: await createTeam(ctx, '销售一组', dept2) });
  customerA = json(await spec.client.post('/api/customers', { name: '杭州西湖精密机械有限公司' })).id;
  customerB = json(await spec.client.post('/api/customers', { name: '宁波港城物流有限公司' })).id;
}, 180_000); // migrations and five sign-ins: slow on a busy machine
afterAll(() => ctx.close());

describe('confidential downloads (docs/regulations.md §1)', () => {
  it('refuses a confidential download without approval with 403 and audits the refusal', async () => {
    const file = await upload(spec, customerA, '供货合同签章版.pdf');
    expect((await spec.client.get(`/api/customers/${customerA}/attachments/${file}`)).statusCode).toBe(200); // no level yet: 公开
    expect((await spec.client.put(`/api/customers/${customerA}/archive/${file}/level`, { level: '机密' })).statusCode).toBe(403); // only the keeper
    const set = await keeper.client.put(`/api/customers/${customerA}/archive/${file}/level`, { level: '机密' });
    expect(set.statusCode, set.body).toBe(200);
    const res = await spec.client.get(`/api/customers/${customerA}/attachments/${file}`);
    expect(res.statusCode).toBe(403);
    expect(json(res).error.message).toContain('机密');
    expect((await audit('archive.download_refused', customerA)).total).toBe(1);
    expect((await audit('attachment.download', customerA)).total).toBe(1); // only the earlier, open one was served
    const material = json(await spec.client.get(`/api/customers/${customerA}/archive`)).items;
    expect(material).toEqual([expect.objectContaining({ attachmentId: file, level: '机密', needsApproval: true })]);
  });

  it('serves it once within the grant after the manager approves the request, and audits both', async () => {
    const file = await upload(spec, customerA, '补充协议签章版.pdf');
    await keeper.client.put(`/api/customers/${customerA}/archive/${file}/level`, { level: '秘密' });
    const req = await spec.client.post('/api/archives/download-requests', { customerId: customerA, attachmentId: file, reason: '核对付款条款' });
    expect(req.statusCode, req.body).toBe(201);
    expect(json(req)).toMatchObject({ status: 'pending', level: '秘密' });
    expect((await spec.client.get(`/api/customers/${customerA}/attachments/${file}`)).statusCode).toBe(403); // still pending

    const queued = json(await manager.client.get('/api/approvals/queue')).items.find((a: { documentType: string }) => a.documentType === 'archive_download');
    expect(queued).toBeTruthy();
    const act = await manager.client.post(`/api/approvals/${queued.id}/actions`, { action: 'approve', comment: '同意', version: queued.version });
    expect(act.statusCode, act.body).toBe(200);
    const [mine] = json(await spec.client.get('/api/archives/download-requests')).items;
    expect(mine).toMatchObject({ status: 'approved', usedAt: null });
    expect(new Date(mine.grantedUntil).getTime()).toBe(ctx.clock.now().getTime() + 24 * 3_600_000);

    const first = await spec.client.get(`/api/customers/${customerA}/attachments/${file}`);
    expect(first.statusCode).toBe(200);
    expect(first.rawPayload.equals(pdf)).toBe(true);
    expect((await spec.client.get(`/api/customers/${customerA}/attachments/${file}`)).statusCode).toBe(403); // used once
    expect((await audit('archive.download_granted', customerA)).total).toBe(1);
  });

  it('refuses an approved download once the grant has run out', async () => {
    expect((await ctx.admin.put('/api/settings/archives.grantHours', { value: 1, version: 0 })).statusCode).toBe(200);
    const file = await upload(spec, customerB, '保密协议.pdf');
    await keeper.client.put(`/api/customers/${customerB}/archive/${file}/level`, { level: '机密' });
    json(await spec.client.post('/api/archives/download-requests', { customerId: customerB, attachmentId: file, reason: '续签参考' }));
    const queued = json(await manager.client.get('/api/approvals/queue')).items.find((a: { documentType: string }) => a.documentType === 'archive_download');
    expect((await manager.client.post(`/api/approvals/${queued.id}/actions`, { action: 'approve', version: queued.version })).statusCode).toBe(200);
    ctx.clock.advance(61 * 60_000);
    expect((await spec.client.get(`/api/customers/${customerB}/attachments/${file}`)).statusCode).toBe(403);
    expect((await audit('archive.download_refused', customerB)).total).toBe(1);
  });

  it('asks no approval for material at or below the threshold', async () => {
    const file = await upload(spec, customerB, '来往信函.pdf', 'letter');
    await keeper.client.put(`/api/customers/${customerB}/archive/${file}/level`, { level: '内部' });
    expect((await spec.client.get(`/api/customers/${customerB}/attachments/${file}`)).statusCode).toBe(200);
    const req = await spec.client.post('/api/archives/download-requests', { customerId: customerB, attachmentId: file, reason: '查看' });
    expect(req.statusCode).toBe(422);
    expect(json(req).error.fields[0].field).toBe('attachmentId');
    expect((await keeper.client.put(`/api/customers/${customerB}/archive/${file}/level`, { level: '绝密' })).statusCode).toBe(422);
  });
});

describe('correspondence register (docs/regulations.md §2)', () => {
  it('numbers each customer’s correspondence 1, 2, 3 in the order it is filed', async () => {
    const filed: number[] = [];
    for (const [i, subject] of ['询价传真', '报价函', '订货确认邮件'].entries()) {
      const att = await upload(spec, customerA, `${subject}.pdf`, 'fax');
      const res = await spec.client.post(`/api/customers/${customerA}/correspondence`, { kind: i === 2 ? 'email' : 'fax', direction: 'in', subject, datedOn: `2026-11-0${i + 1}`, attachmentId: att });
      expect(res.statusCode, res.body).toBe(201);
      filed.push(json(res).indexNo);
    }
    const other = await spec.client.post(`/api/customers/${customerB}/correspondence`, { kind: 'letter', direction: 'out', subject: '合作意向函', datedOn: '2026-11-02', attachmentId: await upload(spec, customerB, '合作意向函.pdf', 'letter') });
    expect(filed).toEqual([1, 2, 3]);
    expect(json(other).indexNo).toBe(1);
    const listed = json(await spec.client.get(`/api/customers/${customerA}/correspondence`)).items;
    expect(listed.map((c: { indexNo: number; subject: string }) => [c.indexNo, c.subject])).toEqual([[1, '询价传真'], [2, '报价函'], [3, '订货确认邮件']]);
    const bad = await spec.client.post(`/api/customers/${customerA}/correspondence`, { kind: 'fax', direction: 'in', subject: '别家的附件', datedOn: '2026-11-05', attachmentId: (await json(await spec.client.get(`/api/customers/${customerB}/attachments`))).items[0].id });
    expect(bad.statusCode).toBe(422);
    expect(json(bad).error.fields[0].field).toBe('attachmentId');
  });
});

describe('lending inside the department (docs/regulations.md §1)', () => {
  it('refuses a loan outside the department and audits the refusal', async () => {
    const res = await keeper.client.post('/api/archives/loans', { customerId: customerA, material: '客户档案第1卷', borrowerId: outsider.id });
    expect(res.statusCode).toBe(403);
    expect(json(res).error.fields[0].field).toBe('borrowerId');
    expect((await audit('archive.loan_refused', customerA)).total).toBe(1);
    expect(json(await keeper.client.get('/api/archives/loans')).items).toHaveLength(0);
  });

  it('notifies the keeper once of an overdue loan, across two processes, and not after the return', async () => {
    const today = '2026-12-08';
    const lent = await keeper.client.post('/api/archives/loans', { customerId: customerA, material: '客户档案第2卷', borrowerId: spec.id, lentOn: '2026-11-20', dueOn: '2026-12-01' });
    expect(lent.statusCode, lent.body).toBe(201);
    const onTime = json(await keeper.client.post('/api/archives/loans', { customerId: customerB, material: '客户档案第1卷', borrowerId: spec.id }));
    expect(onTime).toMatchObject({ lentOn: today, dueOn: '2026-12-22', overdue: false });
    expect(json(await spec.client.get('/api/archives/loans?state=overdue')).items.map((l: { material: string }) => l.material)).toEqual(['客户档案第2卷']);

    const one = createLeases(ctx.db.kysely, ctx.clock, 'process-1');
    const two = createLeases(ctx.db.kysely, ctx.clock, 'process-2');
    const runs = await Promise.all([ctx.services.archives.runOverdue(one), ctx.services.archives.runOverdue(two)]);
    expect(runs.filter((n) => n === 1)).toHaveLength(1); // one process ran it, the other found the lease taken
    ctx.clock.advance(10 * 60_000);
    expect(await ctx.services.archives.runOverdue(two)).toBe(0); // next run: already notified
    const notices = (await inbox(keeper)).filter((n) => n.kind === 'archive.overdue');
    expect(notices.map((n) => n.title)).toEqual(['档案借阅逾期：客户档案第2卷']);
    expect((await inbox(spec)).some((n) => n.kind === 'archive.overdue')).toBe(false);

    const back = await keeper.client.post(`/api/archives/loans/${json(lent).id}/return`, {});
    expect(back.statusCode).toBe(200);
    expect(json(back)).toMatchObject({ returnedOn: today, overdue: false });
    expect((await keeper.client.post(`/api/archives/loans/${json(lent).id}/return`, {})).statusCode).toBe(409);
  });
});
