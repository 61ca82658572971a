import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTeam, createTestContext, createUser, json, login, TestClock, USER_PASSWORD, type Client, type TestContext } from '../../../test/harness';
import { readXlsx } from '../../../test/fixtures/customer-files';
import { createLeases } from '../../platform/jobs/leases';

// The grade 等级 (docs/regulations.md §3). Default standard: row 1 = large + industry class A + latest
// evaluation ≥ 80 → A 重点客户; row 3 = large → B; nothing holds → C.
let ctx: TestContext;
type U = { id: number; client: Client };
let supervisorA: U, specA: U, specB: U;
let big: number, plain: number, other: number;

async function evaluate(customerId: number, score: number) {
  const tpl = json(await specA.client.get('/api/evaluation-templates')).items[0] as { id: number; indicators: { id: number }[] };
  const e = json(await specA.client.post('/api/evaluations', { customerId, templateId: tpl.id, evaluatedOn: '2026-06-01', scores: tpl.indicators.map((i) => ({ indicatorId: i.id, score, basis: '季度记录' })) }));
  const submitted = json(await specA.client.post(`/api/evaluations/${e.id}/submit`, { version: e.version }));
  expect((await supervisorA.client.post(`/api/evaluations/${submitted.id}/confirm`, { version: submitted.version })).statusCode).toBe(200);
}
type BoardItem = { customerId: number; name: string; currentGrade: string | null; proposedGrade: string; amountClass: string | null; industryClass: string | null; evaluationScore: number | null; reason: string };
const board = async (who: U, query = '') => json(await who.client.get(`/api/grading/board?pageSize=100${query}`)).items as BoardItem[];

beforeAll(async () => {
  ctx = await createTestContext({ clock: new TestClock(new Date('2026-06-15T04:00:00Z')) });
  const teamA = await createTeam(ctx, '大客户一组', 1);
  const teamB = await createTeam(ctx, '大客户二组', 1);
  supervisorA = await createUser(ctx, { username: 'zhu.guan.a', displayName: '郑主管', roles: ['supervisor'], teamId: teamA });
  specA = await createUser(ctx, { username: 'zhuan.yuan.a', displayName: '王专员', roles: ['specialist'], teamId: teamA });
  specB = await createUser(ctx, { username: 'zhuan.yuan.b', displayName: '冯专员', roles: ['specialist'], teamId: teamB });
  const cur = json(await ctx.admin.get(`/api/teams/${teamA}`));
  expect((await ctx.admin.put(`/api/teams/${teamA}`, { supervisorId: supervisorA.id, version: cur.version })).statusCode).toBe(200);
  big = json(await specA.client.post('/api/customers', { name: '苏州精工机械制造有限公司', industry: '制造业' })).id;
  plain = json(await specA.client.post('/api/customers', { name: '杭州西湖茶业有限公司', industry: '批发和零售业' })).id;
  other = json(await specB.client.post('/api/customers', { name: '上海东方航运有限公司', industry: '制造业' })).id;
  // 120 万元 this year: large.
  expect((await specA.client.post('/api/transactions', { customerId: big, date: '2026-05-10', product: '数控机床', quantity: 2, unitPrice: 600000 })).statusCode).toBe(201);
  expect((await specB.client.post('/api/transactions', { customerId: other, date: '2026-05-10', product: '集装箱', quantity: 1, unitPrice: 2000000 })).statusCode).toBe(201);
  await evaluate(big, 85);
});
afterAll(() => ctx.close());

describe('proposal by the grading standard (docs/regulations.md §3)', () => {
  it('proposes the top grade for a large, A-class customer whose latest evaluation reaches the line, and says why', async () => {
    expect(json(await supervisorA.client.post('/api/grading/propose', {})).changed).toBeGreaterThanOrEqual(2);
    const items = await board(supervisorA);
    expect(items.find((i) => i.customerId === big)).toMatchObject({
      currentGrade: null,
      proposedGrade: 'A',
      amountClass: 'large',
      industryClass: 'A',
      evaluationScore: 85,
      reason: '分级标准第 1 条：大客户、A 类行业、最近评估 85 分 ≥ 80 分 → A',
    });
    expect(items.find((i) => i.customerId === plain)).toMatchObject({ proposedGrade: 'C', reason: '不符合分级标准任何一条 → 默认等级 C' });
  });
});

describe('confirmation by the supervisor (docs/regulations.md §3)', () => {
  it('does not let a specialist confirm (403), nor see another team’s proposals (absent from the board, 404)', async () => {
    expect((await specA.client.post('/api/grading/confirm', { items: [{ customerId: big }] })).statusCode).toBe(403);
    expect((await specB.client.get(`/api/customers/${big}/grade`)).statusCode).toBe(404);
    expect((await board(specB)).map((i) => i.customerId)).not.toContain(big);
    expect((await board(specA)).map((i) => i.customerId)).toContain(big);
    // A supervisor of team A cannot confirm team B's customer either: 404, and nothing changes.
    expect((await supervisorA.client.post('/api/grading/confirm', { items: [{ customerId: big }, { customerId: other }] })).statusCode).toBe(404);
    expect(json(await specA.client.get(`/api/customers/${big}`)).grade).toBeNull();
  });

  it('refuses another grade than the proposal without a reason, naming the field (422)', async () => {
    const res = await supervisorA.client.post('/api/grading/confirm', { items: [{ customerId: big }, { customerId: plain, grade: 'B' }] });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields).toMatchObject([{ field: 'items.1.reason' }]);
  });

  it('confirms in bulk: sets the grades, writes who and old → new to the history, and the archive filters by grade', async () => {
    const res = await supervisorA.client.post('/api/grading/confirm', { items: [{ customerId: big }, { customerId: plain, grade: 'B', reason: '老客户，明年计划扩大采购' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).confirmed).toBe(2);

    const g = json(await specA.client.get(`/api/customers/${big}/grade`));
    expect(g).toMatchObject({ current: 'A', proposal: { grade: 'A' } });
    expect(g.history[0]).toMatchObject({ oldGrade: null, newGrade: 'A', proposedGrade: 'A', overridden: false, actorName: '郑主管', reason: '分级标准第 1 条：大客户、A 类行业、最近评估 85 分 ≥ 80 分 → A' });
    const p = json(await specA.client.get(`/api/customers/${plain}/grade`));
    expect(p.history[0]).toMatchObject({ newGrade: 'B', proposedGrade: 'C', overridden: true, reason: '老客户，明年计划扩大采购' });

    const entries = (json(await specA.client.get(`/api/customers/${big}/history`)).items as { action: string; field: string; oldValue: unknown; newValue: unknown; actorName: string; summary: string }[]).filter((h) => h.action === 'grade');
    expect(entries).toMatchObject([{ field: 'grade', oldValue: null, newValue: 'A', actorName: '郑主管', summary: '确认客户等级：分级标准第 1 条：大客户、A 类行业、最近评估 85 分 ≥ 80 分 → A' }]);

    const byGrade = async (grade: string) => (json(await specA.client.get(`/api/customers?grade=${grade}`)).items as { id: number; grade: string }[]).map((c) => [c.id, c.grade]);
    expect(await byGrade('A')).toEqual([[big, 'A']]);
    expect(await byGrade('B')).toEqual([[plain, 'B']]);
    // The export takes the same filter and carries the grade.
    const xlsx = await specA.client.get('/api/customers/export.xlsx?grade=A&fields=name,grade');
    expect(xlsx.statusCode).toBe(200);
    const ws = await readXlsx(xlsx.rawPayload);
    expect([ws.getRow(1).values, ws.getRow(2).values].map((v) => (v as unknown[]).slice(1))).toEqual([['客户名称', '客户等级'], ['苏州精工机械制造有限公司', 'A']]);
    expect(ws.rowCount).toBe(2);
    // Decided, as proposed or not: no longer on the board.
    expect((await board(supervisorA)).map((i) => i.customerId)).not.toContain(big);
    expect((await board(supervisorA)).map((i) => i.customerId)).not.toContain(plain);
  });

  it('moves a confirmed customer back onto the board when a regrade proposes another grade', async () => {
    const s = (json(await ctx.admin.get('/api/settings')).groups as { items: { key: string; version: number }[] }[]).flatMap((x) => x.items).find((x) => x.key === 'grading.standard')!;
    expect((await ctx.admin.put('/api/settings/grading.standard', { value: [{ amountClass: 'large', grade: 'B' }], version: s.version })).statusCode).toBe(200);
    await supervisorA.client.post('/api/grading/propose', { customerIds: [big] });
    expect((await board(supervisorA, '&grade=A')).map((i) => [i.customerId, i.proposedGrade])).toEqual([[big, 'B']]);
    // A standard naming a grade the archive does not define is refused.
    expect((await ctx.admin.put('/api/settings/grading.standard', { value: [{ amountClass: 'large', grade: 'S' }], version: s.version + 1 })).statusCode).toBe(422);
  });
});

// Last: it moves the clock on by hours.
describe('the nightly proposal (docs/regulations.md §3)', () => {
  it('runs once across two processes', async () => {
    const one = createLeases(ctx.db.kysely, ctx.clock, 'process-1');
    const two = createLeases(ctx.db.kysely, ctx.clock, 'process-2');
    const s = (json(await ctx.admin.get('/api/settings')).groups as { items: { key: string; version: number }[] }[]).flatMap((x) => x.items).find((x) => x.key === 'grading.standard')!;
    expect((await ctx.admin.put('/api/settings/grading.standard', { value: [{ industryClass: 'A', grade: 'A' }], version: s.version })).statusCode).toBe(200);
    ctx.clock.set('2026-06-15T18:30:00Z'); // 02:30 in Shanghai: not yet
    expect(await ctx.services.grading.runNightly(one)).toBeNull();
    ctx.clock.set('2026-06-15T19:05:00Z'); // 03:05
    const [a, b] = await Promise.all([ctx.services.grading.runNightly(one), ctx.services.grading.runNightly(two)]);
    expect([a, b].filter((x) => x !== null)).toHaveLength(1);
    expect(a ?? b).toBeGreaterThanOrEqual(1);
    ctx.clock.set('2026-06-15T20:05:00Z'); // an hour later, the lease has run out: still done for today
    expect(await ctx.services.grading.runNightly(two)).toBeNull();
    specA.client = await login(ctx.app, 'zhuan.yuan.a', USER_PASSWORD);
    ctx.admin = await login(ctx.app, 'admin', ADMIN_PASSWORD);
    expect(json(await specA.client.get(`/api/customers/${big}/grade`)).proposal).toMatchObject({ grade: 'A', industryClass: 'A' });
  });
});
