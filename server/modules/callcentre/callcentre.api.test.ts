import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, TestClock, type Client, type TestContext } from '../../../test/harness';
import { signatureOf } from './callcentre.rules';

// The call centre (docs/regulations.md §1) on SQLite and PostgreSQL.
const SECRET = 'shared-secret-for-tests';
process.env.CALLCENTRE_HOOK_SECRET = SECRET;

let ctx: TestContext;
type U = { id: number; client: Client };
let agentA: U, agentB: U, lead: U, qa: U;
let customerId: number;

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-12-07T02:00:00Z')) });
  const centre = await createTeam(ctx, '呼叫中心', 1);
  agentA = await createUser(ctx, { username: 'zuo.xi.a', displayName: '唐欣', roles: ['agent'], teamId: centre });
  agentB = await createUser(ctx, { username: 'zuo.xi.b', displayName: '韩雪', roles: ['agent'], teamId: centre });
  lead = await createUser(ctx, { username: 'ban.zhang', displayName: '宋雨', roles: ['team_lead'], teamId: centre });
  qa = await createUser(ctx, { username: 'zhi.jian', displayName: '冯青', roles: ['qa'], departmentId: 1 });
  // the agent's own customer: one they may serve (docs/regulations.md §1)
  const res = await agentA.client.post('/api/customers', { name: '北京华宇科技有限公司', phone: '13812345678' });
  expect(res.statusCode, res.body).toBe(201);
  customerId = json(res).id;
});
afterAll(() => ctx.close());

/** Posts a telephony event as the telephony system does: the raw JSON body signed with the shared secret. */
function post(body: Record<string, unknown>, signature?: string) {
  const raw = JSON.stringify(body);
  return ctx.app.inject({ method: 'POST', url: '/api/callcentre/events', payload: raw, headers: { 'content-type': 'application/json', 'x-signature': signature ?? `sha256=${signatureOf(SECRET, raw)}` } });
}
const ringing = (callId: string, agent = 'zuo.xi.a', number = '+86 138 1234 5678') => ({ callId, event: 'ringing', direction: 'inbound', number, agent, at: '2026-12-07T01:30:00Z' });

async function recorded(callId: string, agent: U = agentA) {
  const ev = json(await post(ringing(callId, agent === agentA ? 'zuo.xi.a' : 'zuo.xi.b')));
  const call = json(await agent.client.get(`/api/callcentre/calls/${ev.callId}`));
  const put = await agent.client.put(`/api/callcentre/calls/${call.id}`, { category: 'complaint', summary: '客户反映上周送货延误三天', result: '已登记，转投诉处理', followUp: '三日内回电', version: call.version });
  expect(put.statusCode, put.body).toBe(200);
  return json(put);
}

describe('telephony hook (docs/regulations.md §1)', () => {
  it('refuses an event with a bad signature with 401 and stores nothing', async () => {
    const res = await post(ringing('bad-1'), 'sha256=' + '0'.repeat(64));
    expect(res.statusCode).toBe(401);
    const unsigned = await ctx.app.inject({ method: 'POST', url: '/api/callcentre/events', payload: JSON.stringify(ringing('bad-2')), headers: { 'content-type': 'application/json' } });
    expect(unsigned.statusCode).toBe(401);
    // a body changed after signing is refused too
    const raw = JSON.stringify(ringing('bad-3'));
    const tampered = await ctx.app.inject({ method: 'POST', url: '/api/callcentre/events', payload: raw.replace('bad-3', 'bad-4'), headers: { 'content-type': 'application/json', 'x-signature': signatureOf(SECRET, raw) } });
    expect(tampered.statusCode).toBe(401);
    expect(json(await qa.client.get('/api/callcentre/calls?pageSize=100')).items.map((c: { callRef: string }) => c.callRef)).not.toEqual(expect.arrayContaining(['bad-1']));
    expect(json(await qa.client.get('/api/callcentre/calls?pageSize=100')).items.filter((c: { callRef: string }) => c.callRef?.startsWith('bad-'))).toEqual([]);
  });

  it('creates one call when the same event is posted twice, matched to the customer by number and masked', async () => {
    const first = await post(ringing('pbx-1001'));
    expect(first.statusCode, first.body).toBe(200);
    const again = await post(ringing('pbx-1001'));
    expect(json(again)).toEqual({ callId: json(first).callId, duplicate: true });
    const mine = json(await agentA.client.get('/api/callcentre/calls?pageSize=100')).items.filter((c: { callRef: string }) => c.callRef === 'pbx-1001');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ customerId, customerName: '北京华宇科技有限公司', agentId: agentA.id, direction: 'inbound', complete: false });
    expect(mine[0].phone).not.toContain('1234');
    // the end of the call sets its duration once
    await post({ ...ringing('pbx-1001'), event: 'ended', durationSec: 185 });
    await post({ ...ringing('pbx-1001'), event: 'ended', durationSec: 999 });
    expect(json(await agentA.client.get(`/api/callcentre/calls/${mine[0].id}`)).durationSec).toBe(185);
  });

  it('names the unknown agent with 422', async () => {
    const res = await post(ringing('pbx-x', 'nobody'));
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0].field).toBe('agent');
  });
});

describe('calls and their scope (docs/regulations.md §1)', () => {
  it("hides an agent's call from another agent (404) while QA and the team lead read it", async () => {
    const call = await recorded('pbx-2001');
    expect((await agentB.client.get(`/api/callcentre/calls/${call.id}`)).statusCode).toBe(404);
    expect((await agentB.client.put(`/api/callcentre/calls/${call.id}`, { category: 'consult', summary: 'x', result: 'y', version: call.version })).statusCode).toBe(404);
    expect(json(await agentB.client.get('/api/callcentre/calls?pageSize=100')).items.map((c: { id: number }) => c.id)).not.toContain(call.id);
    expect((await qa.client.get(`/api/callcentre/calls/${call.id}`)).statusCode).toBe(200);
    expect((await lead.client.get(`/api/callcentre/calls/${call.id}`)).statusCode).toBe(200);
    expect(call.complete).toBe(true);
  });

  it('reveals the number to the team lead, audit-logged; an agent may not', async () => {
    const call = await recorded('pbx-2002');
    expect((await agentA.client.post(`/api/callcentre/calls/${call.id}/reveal`)).statusCode).toBe(403);
    const res = await lead.client.post(`/api/callcentre/calls/${call.id}/reveal`);
    expect(json(res).value).toBe('+86 138 1234 5678');
    const log = json(await ctx.admin.get(`/api/audit?action=reveal&entityId=${call.id}`));
    expect(log.items.some((e: { entityType: string }) => e.entityType === 'callcentre_call')).toBe(true);
  });

  it('turns a call into a complaint prefilled with the caller, the time and the summary', async () => {
    const call = await recorded('pbx-3001');
    const res = await agentA.client.post(`/api/callcentre/calls/${call.id}/complaint`, { category: '配送交付', severity: 'general' });
    expect(res.statusCode, res.body).toBe(200);
    const complaintId = json(res).complaintId;
    expect(complaintId).toBeGreaterThan(0);
    const c = json(await agentA.client.get(`/api/complaints/${complaintId}`));
    expect(c).toMatchObject({ channel: 'hotline', customerId, content: '客户反映上周送货延误三天', category: '配送交付', receivedAt: call.startedAt });
    expect((await agentA.client.post(`/api/callcentre/calls/${call.id}/complaint`, { category: '配送交付', severity: 'general' })).statusCode).toBe(409);
  });

  it('turns a call into a task for the agent', async () => {
    const call = await recorded('pbx-3002');
    const res = await agentA.client.post(`/api/callcentre/calls/${call.id}/task`, { dueDate: '2026-12-09' });
    expect(res.statusCode, res.body).toBe(200);
    const task = json(await agentA.client.get(`/api/tasks/${json(res).taskId}`));
    expect(task).toMatchObject({ assigneeId: agentA.id, dueDate: '2026-12-09' });
    expect(task.title).toContain('北京华宇科技有限公司');
  });

  it('deals an outbound list out to agents; each sees their own lines and closes one with the call', async () => {
    const other = json(await ctx.admin.post('/api/customers', { name: '上海东方航运有限公司' })).id;
    const res = await lead.client.post('/api/callcentre/lists', { source: 'manual', weekOf: '2026-12-07', agentIds: [agentA.id, agentB.id], customerIds: [customerId, other] });
    // the lead's team scope does not reach these customers: refused with the field named
    expect(res.statusCode).toBe(422);
    const made = await ctx.admin.post('/api/callcentre/lists', { source: 'manual', weekOf: '2026-12-09', agentIds: [agentA.id, agentB.id], customerIds: [customerId, other] });
    expect(made.statusCode, made.body).toBe(201);
    expect(json(made).weekStart).toBe('2026-12-07');
    expect((await ctx.admin.post('/api/callcentre/lists', { source: 'manual', agentIds: [qa.id], customerIds: [other] })).statusCode).toBe(422);
    const lines = json(await agentB.client.get('/api/callcentre/my-lines')).items;
    expect(lines.map((l: { customerId: number }) => l.customerId)).toEqual([other]);
    const call = await agentB.client.post('/api/callcentre/calls', { direction: 'outbound', phone: '021-66668888', startedAt: '2026-12-07T01:00:00Z', durationSec: 120, category: 'visit', summary: '电话回访，客户满意', result: '无问题', listItemId: lines[0].id });
    expect(call.statusCode, call.body).toBe(201);
    expect(json(call)).toMatchObject({ customerId: other, agentId: agentB.id, complete: true });
    expect(json(await agentB.client.get('/api/callcentre/my-lines')).items[0]).toMatchObject({ status: 'done', callId: json(call).id });
  });
});

describe('QA (docs/regulations.md §1)', () => {
  it('scores a call on the weighted template: 80/90/70/60/100 at 20/20/30/20/10 is 77.0', async () => {
    const call = await recorded('pbx-4001');
    expect((await agentA.client.post(`/api/callcentre/calls/${call.id}/qa`, { scores: {} })).statusCode).toBe(403);
    const partial = await qa.client.post(`/api/callcentre/calls/${call.id}/qa`, { scores: { greeting: 80 } });
    expect(partial.statusCode).toBe(422);
    expect(json(partial).error.fields.map((f: { field: string }) => f.field)).toContain('scores.solution');
    const res = await qa.client.post(`/api/callcentre/calls/${call.id}/qa`, { scores: { greeting: 80, understanding: 90, solution: 70, attitude: 60, record: 100 }, comment: '解决方案不够具体' });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toMatchObject({ total: 77, agentId: agentA.id, month: '2026-12', disputeStatus: 'none' });
    expect(json(await agentA.client.get(`/api/callcentre/calls/${call.id}`)).qaTotal).toBe(77);

    // the agent disputes; another agent cannot even see the score; QA upholds and re-scores with the same weights
    const scoreId = json(res).id;
    expect((await agentB.client.post(`/api/callcentre/qa/${scoreId}/dispute`, { reason: 'x' })).statusCode).toBe(404);
    const d = await agentA.client.post(`/api/callcentre/qa/${scoreId}/dispute`, { reason: '已按流程给出三种方案' });
    expect(json(d).disputeStatus).toBe('open');
    const r = await qa.client.post(`/api/callcentre/qa/${scoreId}/resolve`, { upheld: true, reply: '复核录音后调整', scores: { greeting: 80, understanding: 90, solution: 90, attitude: 60, record: 100 } });
    expect(json(r)).toMatchObject({ disputeStatus: 'upheld', total: 83 });

    const report = json(await qa.client.get('/api/callcentre/qa/report?month=2026-12'));
    const a = report.agents.find((x: { agentId: number }) => x.agentId === agentA.id);
    expect(a).toMatchObject({ scored: 1, average: 83, disputes: 1, upheld: 1 });
    expect(report.targets.recordsComplete.target).toBe(100);
    // pbx-1001 was never recorded, so records are not all complete
    expect(report.targets.recordsComplete.actual).toBeLessThan(100);
  });

  it('refuses a template whose weights do not total 100 % (422)', async () => {
    const all = json(await ctx.admin.get('/api/settings'));
    const setting = all.groups.flatMap((g: { items: { key: string; version: number }[] }) => g.items).find((i: { key: string }) => i.key === 'callcentre.qaTemplate');
    const bad = await ctx.admin.put('/api/settings/callcentre.qaTemplate', { value: [{ key: 'greeting', label: '规范用语', weight: 50 }, { key: 'solution', label: '解决问题', weight: 40 }], version: setting.version });
    expect(bad.statusCode).toBe(422);
  });

  it("samples the same calls of each agent's month every time", async () => {
    const a = json(await qa.client.get('/api/callcentre/qa/sample?month=2026-12')).items;
    const b = json(await qa.client.get('/api/callcentre/qa/sample?month=2026-12')).items;
    expect(a.length).toBeGreaterThan(0);
    expect(a.map((x: { sample: { id: number }[] }) => x.sample.map((c) => c.id))).toEqual(b.map((x: { sample: { id: number }[] }) => x.sample.map((c) => c.id)));
    expect((await agentA.client.get('/api/callcentre/qa/sample?month=2026-12')).statusCode).toBe(403);
  });
});
