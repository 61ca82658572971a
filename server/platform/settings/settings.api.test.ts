import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createUser, json, type TestContext } from '../../../test/harness';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const item = async (key: string) => json(await ctx.admin.get('/api/settings')).groups.flatMap((g: any) => g.items).find((i: any) => i.key === key);

describe('settings (issue 2 §7)', () => {
  it('lists every setting grouped by module with its default and Chinese label', async () => {
    const groups = json(await ctx.admin.get('/api/settings')).groups;
    expect(groups.map((g: any) => g.group)).toEqual(expect.arrayContaining(['security', 'calendar', 'classification', 'complaints']));
    const lockout = await item('security.lockoutThreshold');
    expect(lockout).toMatchObject({ value: 10, default: 10, isDefault: true, version: 0, label: { 'zh-CN': '连续登录失败锁定次数' } });
  });

  it('rejects a value of the wrong type or out of range with the field named, and changes nothing', async () => {
    const text = await ctx.admin.put('/api/settings/security.lockoutThreshold', { value: '十', version: 0 });
    expect(text.statusCode).toBe(422);
    expect(text.json().error.fields[0].field).toBe('value');
    const tooSmall = await ctx.admin.put('/api/settings/security.lockoutThreshold', { value: 1, version: 0 });
    expect(tooSmall.statusCode).toBe(422);
    expect(tooSmall.json().error.fields[0]).toMatchObject({ field: 'value' });
    expect(tooSmall.json().error.fields[0].message).toMatch(/3/);
    const missingVersion = await ctx.admin.put('/api/settings/security.lockoutThreshold', { value: 5 });
    expect(missingVersion.statusCode).toBe(400);
    expect(missingVersion.json().error.fields[0].field).toBe('version');
    expect((await item('security.lockoutThreshold')).value).toBe(10);
  });

  it('rejects settings that contradict each other', async () => {
    const res = await ctx.admin.put('/api/settings/classification.smallMaxAnnualWan', { value: 500, version: 0 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].message).toBe('小客户上限必须小于大客户下限');
  });

  it('lists an on / off setting as true / false and stores a switch, refusing 0 / 1 numbers', async () => {
    expect(await item('membership.tierDownAtYearEnd')).toMatchObject({ value: true, default: true, isDefault: true });
    expect(await item('care.countsAsContact')).toMatchObject({ value: false, default: false });
    const number = await ctx.admin.put('/api/settings/membership.tierDownAtYearEnd', { value: 0, version: 0 });
    expect(number.statusCode).toBe(422);
    expect(number.json().error.fields[0].field).toBe('value');
    const off = await ctx.admin.put('/api/settings/membership.tierDownAtYearEnd', { value: false, version: 0 });
    expect(off.statusCode).toBe(200);
    expect(json(off)).toMatchObject({ value: false, default: true, isDefault: false });
    expect((await ctx.admin.get('/api/settings')).statusCode).toBe(200);
    expect((await item('membership.tierDownAtYearEnd')).value).toBe(false);
  });

  it('answers an unknown setting with 404', async () => {
    expect((await ctx.admin.put('/api/settings/no.such.key', { value: 1, version: 0 })).statusCode).toBe(404);
  });

  it('saves a valid value, keeps its history in the audit log', async () => {
    const res = await ctx.admin.put('/api/settings/security.sessionIdleMinutes', { value: 60, version: 0 });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ value: 60, version: 1, isDefault: false });
    await ctx.admin.put('/api/settings/security.sessionIdleMinutes', { value: 45, version: 1 });
    const log = json(await ctx.admin.get('/api/audit?entityType=setting&entityId=security.sessionIdleMinutes'));
    expect(log.items.map((e: any) => e.changes.value)).toEqual([
      [60, 45],
      [120, 60],
    ]);
  });

  it('lets managers read but not change settings', async () => {
    const manager = await createUser(ctx, { username: 'set.manager', roles: ['manager'] });
    expect((await manager.client.get('/api/settings')).statusCode).toBe(200);
    expect((await manager.client.put('/api/settings/security.lockoutMinutes', { value: 30, version: 0 })).statusCode).toBe(403);
    const specialist = await createUser(ctx, { username: 'set.spec', roles: ['specialist'] });
    expect((await specialist.client.get('/api/settings')).statusCode).toBe(403);
  });
});

describe('validator messages (issue 16 §5)', () => {
  it('names a missing, a too small and a wrong-kind value in plain words, never the validator’s own text', async () => {
    const missing = await ctx.admin.put('/api/settings/security.lockoutThreshold', { version: 0 });
    expect(missing.json().error.fields).toEqual([{ field: 'value', message: '必填' }]);
    const small = await ctx.admin.put('/api/settings/security.lockoutThreshold', { value: 1, version: 0 });
    expect(small.json().error.fields).toEqual([{ field: 'value', message: '不能小于 3' }]);
    const text = await ctx.admin.put('/api/settings/security.lockoutThreshold', { value: '十', version: 0 });
    expect(text.json().error.fields).toEqual([{ field: 'value', message: '请输入数字' }]);
    const noVersion = await ctx.admin.put('/api/settings/security.lockoutThreshold', { value: 5 });
    expect(noVersion.json().error.fields).toEqual([{ field: 'version', message: '缺少版本号' }]);
    for (const r of [missing, small, text, noVersion]) expect(r.body).not.toMatch(/期望|expected|Invalid input/);
  });
});

describe('settings migrations (issue 16 §2)', () => {
  it('turns a stored 0 / 1 into off / on and deletes the values of removed settings', async () => {
    const { careSwitchSettings20261211 } = await import('../../modules/care/migrations/20261211_70_care_switch_settings');
    const { retiredArchiveSettings20261211 } = await import('../../modules/customers/migrations/20261211_70_retired_archive_settings');
    const db = ctx.db.kysely as any;
    const row = (key: string, value: string) => ({ key, value, version: 1, updated_at: '2026-12-01T00:00:00.000Z', updated_by: 1 });
    await db.deleteFrom('settings').where('key', 'in', ['care.festivals', 'care.countsAsContact']).execute();
    await db.insertInto('settings').values([row('care.festivals', '0'), row('care.countsAsContact', '1'), row('archive.newCustomersPerWeek', '25')]).execute();
    await careSwitchSettings20261211('sqlite').up(db);
    await retiredArchiveSettings20261211('sqlite').up(db);
    expect(await item('care.festivals')).toMatchObject({ value: false, isDefault: false, version: 1 });
    expect(await item('care.countsAsContact')).toMatchObject({ value: true, isDefault: false });
    expect(await db.selectFrom('settings').select('key').where('key', '=', 'archive.newCustomersPerWeek').execute()).toEqual([]);
  });
});
