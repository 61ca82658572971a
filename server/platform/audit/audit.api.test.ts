import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestContext, createUser, json, type TestContext } from '../../../test/harness';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('audit log (issue 2 §6)', () => {
  it('records an update with who, when, which record and the field-level old → new values', async () => {
    const teamId = await createTeam(ctx, '客户关系组');
    const u = await createUser(ctx, { username: 'chen.yi', displayName: '陈一', roles: ['specialist'], teamId });
    const res = await ctx.admin.put(`/api/users/${u.id}`, { displayName: '陈一鸣', email: 'chen.yi@example.cn', version: 1 });
    expect(res.statusCode).toBe(200);
    const log = json(await ctx.admin.get(`/api/audit?entityType=user&entityId=${u.id}&action=update`));
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({
      actorName: '系统管理员',
      action: 'update',
      entityType: 'user',
      entityId: String(u.id),
      changes: { display_name: ['陈一', '陈一鸣'], email: [null, 'chen.yi@example.cn'] },
    });
    expect(Date.parse(log.items[0].at)).not.toBeNaN();
  });

  it('never writes the password into the audit log', async () => {
    const log = json(await ctx.admin.get('/api/audit?entityType=user&action=create&pageSize=200'));
    expect(JSON.stringify(log)).not.toMatch(/password_hash|Zhiyuan#2026/);
  });

  it('records role changes', async () => {
    const u = await createUser(ctx, { username: 'role.change', roles: ['specialist'] });
    await ctx.admin.put(`/api/users/${u.id}/roles`, { roles: ['supervisor', 'specialist'], version: 1 });
    const log = json(await ctx.admin.get(`/api/audit?action=role.change&entityId=${u.id}`));
    expect(log.items[0].changes).toEqual({ roles: [['specialist'], ['specialist', 'supervisor']] });
  });

  it('filters by person and date range', async () => {
    ctx.clock.advance(1000); // the test clock stands still otherwise: earlier entries share one instant
    const from = ctx.clock.now().toISOString();
    await ctx.admin.post('/api/departments', { name: '审计测试部' });
    const adminId = json(await ctx.admin.get('/api/auth/me')).user.id;
    const log = json(await ctx.admin.get(`/api/audit?actorId=${adminId}&from=${from}`));
    expect(log.items.map((e: any) => e.entityType)).toEqual(['department']);
    const none = json(await ctx.admin.get(`/api/audit?actorId=${adminId}&to=${new Date(Date.parse(from) - 86400_000).toISOString()}`));
    expect(none.total).toBe(0);
  });

  it('is readable by managers but not by specialists; nobody can edit it', async () => {
    const manager = await createUser(ctx, { username: 'audit.manager', roles: ['manager'] });
    const specialist = await createUser(ctx, { username: 'audit.spec', roles: ['specialist'] });
    expect((await manager.client.get('/api/audit')).statusCode).toBe(200);
    expect((await specialist.client.get('/api/audit')).statusCode).toBe(403);
    expect((await ctx.admin.del('/api/audit')).statusCode).toBe(404);
    // The database itself refuses to change history, whatever the application does.
    await expect(sql`update audit_log set summary = 'tampered'`.execute(ctx.db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(ctx.db.kysely)).rejects.toThrow(/append-only/);
  });
});

describe('optimistic concurrency (version → 409)', () => {
  it('refuses a stale version on a user, a team, a department and a setting, and keeps the first edit', async () => {
    const u = await createUser(ctx, { username: 'conc.user', roles: ['specialist'] });
    expect((await ctx.admin.put(`/api/users/${u.id}`, { displayName: '第一次', version: 1 })).statusCode).toBe(200);
    const stale = await ctx.admin.put(`/api/users/${u.id}`, { displayName: '第二次', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('该记录已被他人修改，请刷新后重试');
    expect(json(await ctx.admin.get(`/api/users/${u.id}`)).displayName).toBe('第一次');

    const teamId = await createTeam(ctx, '并发组');
    expect((await ctx.admin.put(`/api/teams/${teamId}`, { name: 'A', version: 1 })).statusCode).toBe(200);
    expect((await ctx.admin.put(`/api/teams/${teamId}`, { name: 'B', version: 1 })).statusCode).toBe(409);

    expect((await ctx.admin.put('/api/departments/3', { code: 'FIN', version: 1 })).statusCode).toBe(200);
    expect((await ctx.admin.put('/api/departments/3', { code: 'FN', version: 1 })).statusCode).toBe(409);

    expect((await ctx.admin.put('/api/settings/security.lockoutMinutes', { value: 15, version: 0 })).statusCode).toBe(200);
    expect((await ctx.admin.put('/api/settings/security.lockoutMinutes', { value: 20, version: 0 })).statusCode).toBe(409);
    expect(await ctx.services.settings.number('security.lockoutMinutes')).toBe(15);
  });

  it('lets exactly one of two simultaneous edits win', async () => {
    const teamId = await createTeam(ctx, '同时编辑组');
    const [a, b] = await Promise.all([
      ctx.admin.put(`/api/teams/${teamId}`, { name: '甲', version: 1 }),
      ctx.admin.put(`/api/teams/${teamId}`, { name: '乙', version: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? '甲' : '乙';
    expect(json(await ctx.admin.get(`/api/teams/${teamId}`)).name).toBe(winner);
  });
});
