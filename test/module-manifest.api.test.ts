import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../server/db/migrate';
import { MODULES } from '../server/modules';
import { contributions } from '../server/platform/modules/registry';
import { createTeam, createTestContext, createUser, json, type Client, type TestContext } from './harness';
import { throwawayModule } from './fixtures/throwaway-module/throwaway.module';
import { customerForeignKeys } from './schema-introspection';

/**
 * A new module is its folder plus one line in the module list (docs/architecture.md): this one lives in
 * test/fixtures/throwaway-module/ and is added to the list here, nowhere else.
 */
describe('a module added to the list brings everything it declares', () => {
  let ctx: TestContext;
  let specialist: { id: number; client: Client };
  let colleague: { id: number; client: Client };
  let supervisor: { id: number; client: Client };
  let finance: { id: number; client: Client };

  beforeAll(async () => {
    ctx = await createTestContext({ modules: [...MODULES, throwawayModule] });
    const team = await createTeam(ctx, '测试组', 1);
    supervisor = await createUser(ctx, { username: 'tw.sup', roles: ['supervisor'], teamId: team });
    const t = json(await ctx.admin.get(`/api/teams/${team}`));
    await ctx.admin.put(`/api/teams/${team}`, { supervisorId: supervisor.id, version: t.version });
    specialist = await createUser(ctx, { username: 'tw.spec', roles: ['specialist'], teamId: team });
    colleague = await createUser(ctx, { username: 'tw.other', roles: ['specialist'], teamId: await createTeam(ctx, '另一组', 1) });
    finance = await createUser(ctx, { username: 'tw.fin', roles: ['finance'] });
  });
  afterAll(() => ctx?.close());

  async function customer(name: string, confirmDuplicate = false) {
    const res = await specialist.client.post('/api/customers', { name, ...(confirmDuplicate ? { confirmDuplicate } : {}) });
    expect(res.statusCode, res.body).toBe(201);
    return json(res).id as number;
  }

  it('gets its table and routes, and its capability goes to the roles it names', async () => {
    const customerId = await customer('北京星河测试有限公司');
    const created = await specialist.client.post('/api/throwaway/notes', { customerId, text: '首次拜访' });
    expect(created.statusCode, created.body).toBe(201);
    expect(json(await specialist.client.get('/api/throwaway/notes')).items.map((n: any) => n.text)).toEqual(['首次拜访']);
    expect((await finance.client.get('/api/throwaway/notes')).statusCode).toBe(403);
    const me = json(await specialist.client.get('/api/auth/me'));
    expect(me.capabilities ?? me.user?.capabilities).toContain('throwaway.write');
  });

  it('gets its record type in the data scope: another specialist’s note is 404', async () => {
    const customerId = await customer('上海星河测试有限公司');
    const id = json(await specialist.client.post('/api/throwaway/notes', { customerId, text: '回访记录' })).id;
    expect((await specialist.client.get(`/api/throwaway/notes/${id}`)).statusCode).toBe(200);
    expect((await colleague.client.get(`/api/throwaway/notes/${id}`)).statusCode).toBe(404);
  });

  it('gets its settings group on the settings page and its messages in every language', async () => {
    const settings = json(await ctx.admin.get('/api/settings'));
    const group = settings.groups.find((g: any) => g.group === 'throwaway');
    expect(group.label['zh-CN']).toBe('测试模块');
    expect(group.items.map((i: any) => i.key)).toEqual(['throwaway.maxLength']);
    const customerId = await customer('广州星河测试有限公司');
    const long = { customerId, text: '这是一条超过二十个字的备注，用来检查设置和消息是否都来自模块' };
    const zh = await specialist.client.post('/api/throwaway/notes', long);
    expect(zh.statusCode).toBe(422);
    expect(json(zh).error.fields[0]).toMatchObject({ field: 'text', message: '备注不能超过 20 个字' });
    const en = await specialist.client.post('/api/throwaway/notes', long, { headers: { 'accept-language': 'en' } });
    expect(json(en).error.fields[0].message).toBe('A note has at most 20 characters');
  });

  it('gets its approval type: the supervisor approves and the note learns the outcome', async () => {
    const customerId = await customer('深圳星河测试有限公司');
    const id = json(await specialist.client.post('/api/throwaway/notes', { customerId, text: '申请审批' })).id;
    const req = await specialist.client.post(`/api/throwaway/notes/${id}/submit`);
    expect(req.statusCode, req.body).toBe(200);
    const queue = json(await supervisor.client.get('/api/approvals/queue'));
    const item = queue.items.find((r: any) => r.documentType === 'throwaway_note' && r.documentId === id);
    expect(item.documentLabel).toBe('测试备注');
    const acted = await supervisor.client.post(`/api/approvals/${item.id}/actions`, { action: 'approve', version: item.version });
    expect(acted.statusCode, acted.body).toBe(200);
    expect(json(await specialist.client.get(`/api/throwaway/notes/${id}`)).status).toBe('approved');
  });

  it('gets its merge behaviour: its rows follow the surviving customer', async () => {
    const survivor = await customer('杭州星河测试有限公司');
    const merged = await customer('杭州星河测试公司', true);
    const id = json(await specialist.client.post('/api/throwaway/notes', { customerId: merged, text: '合并前的备注' })).id;
    const res = await ctx.admin.post(`/api/customers/${survivor}/merge`, { mergedId: merged, reason: '同一客户重复建档' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(await specialist.client.get(`/api/throwaway/notes/${id}`)).customer_id).toBe(survivor);
  });

  it('is covered by the merge check like every product module', async () => {
    const declared = new Set(contributions(ctx.built, 'customerMerge').flatMap((b) => b.columns));
    const columns = await customerForeignKeys(ctx.db);
    expect(columns).toContain('throwaway_notes.customer_id');
    expect(columns.filter((c) => !declared.has(c))).toEqual([]);
  });
});

describe('the migrator keeps one global order', () => {
  it('refuses a new migration named before one the database already ran', async () => {
    const ctx = await createTestContext();
    try {
      const late = {
        name: 'late',
        migrations: () => [{ name: '20261101_99_late_but_named_early', up: async () => {} }],
      };
      await expect(migrateToLatest(ctx.db, [...MODULES, late])).rejects.toThrow(/20261101_99_late_but_named_early/);
      // Named after the last applied one, it runs.
      const onTime = { name: 'onTime', migrations: () => [{ name: '29991231_99_named_last', up: async () => {} }] };
      await expect(migrateToLatest(ctx.db, [...MODULES, onTime])).resolves.toBeUndefined();
    } finally {
      await ctx.close();
    }
  });
});
