import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { ConfigError } from '../../config';
import { openDatabase } from '../../db/database';
import { ADMIN_PASSWORD, createTestContext, createUser, json, login, type TestContext } from '../../../test/harness';

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

  it('reads the table once per request; a request that stays open sees a change made elsewhere after a second', async () => {
    const settings = ctx.services.settings;
    const key = 'complaints.publicPerIpPerHour';
    const before = await item(key);
    const seen: number[] = [];
    const h = await new Promise<{ close(): void }>((resolve, reject) => {
      const memo = settings.perRequest(() => {
        void (async () => {
          seen.push(await settings.number(key));
          // Another request (another instance) changes it meanwhile.
          const put = await ctx.admin.put(`/api/settings/${key}`, { value: before.value + 1, version: before.version });
          expect(put.statusCode, put.body).toBe(200);
          seen.push(await settings.number(key)); // this request keeps what it read
          await new Promise((r) => setTimeout(r, 1100));
          seen.push(await settings.number(key)); // a second later it reads again
        })().then(() => resolve(memo), reject);
      });
    });
    h.close();
    expect(seen).toEqual([before.value, before.value, before.value + 1]);
    const now = await item(key);
    expect((await ctx.admin.put(`/api/settings/${key}`, { value: before.value, version: now.version })).statusCode).toBe(200);
  });

  it('lets managers read but not change settings', async () => {
    const manager = await createUser(ctx, { username: 'set.manager', roles: ['manager'] });
    expect((await manager.client.get('/api/settings')).statusCode).toBe(200);
    expect((await manager.client.put('/api/settings/security.lockoutMinutes', { value: 30, version: 0 })).statusCode).toBe(403);
    const specialist = await createUser(ctx, { username: 'set.spec', roles: ['specialist'] });
    expect((await specialist.client.get('/api/settings')).statusCode).toBe(403);
  });

  it('never sends a robot secret back nor writes it to the audit log, and says only that it is set', async () => {
    const secrets = {
      'notifications.wecomWebhookUrl': 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wecom-secret-7f3a',
      'notifications.dingtalkWebhookUrl': 'https://oapi.dingtalk.com/robot/send?access_token=ding-secret-91bc',
      'notifications.dingtalkSecret': 'SECsigning-secret-55e0',
    };
    for (const [key, value] of Object.entries(secrets)) {
      const res = await ctx.admin.put(`/api/settings/${key}`, { value, version: 0 });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(value);
      expect(json(res)).toMatchObject({ value: { set: true }, secret: true });
    }
    const manager = await createUser(ctx, { username: 'set.secret.manager', roles: ['manager'] });
    for (const client of [ctx.admin, manager.client]) {
      const raw = (await client.get('/api/settings')).body;
      for (const v of Object.values(secrets)) expect(raw).not.toContain(v);
      expect(raw).not.toMatch(/wecom-secret|ding-secret|signing-secret/);
    }
    expect(await item('notifications.dingtalkSecret')).toMatchObject({ value: { set: true }, secret: true, env: 'GUANXI_DINGTALK_SECRET', fromEnv: false });
    // The sender still gets the real value.
    expect(await ctx.services.settings.value('notifications.dingtalkSecret')).toBe(secrets['notifications.dingtalkSecret']);

    const replaced = await ctx.admin.put('/api/settings/notifications.dingtalkSecret', { value: 'SECsigning-secret-second', version: 1 });
    expect(replaced.statusCode).toBe(200);
    const log = await ctx.admin.get('/api/audit?entityType=setting&entityId=notifications.dingtalkSecret');
    expect(log.body).not.toMatch(/signing-secret/);
    expect(json(log).items.map((e: any) => e.changes.value)).toEqual([
      ['(changed)', '(changed)'],
      ['', '(changed)'],
    ]);
    const all = await ctx.admin.get('/api/audit?entityType=setting&pageSize=100');
    expect(all.body).not.toMatch(/wecom-secret|ding-secret|signing-secret/);
    // A plain setting is still shown and logged in full.
    expect((await item('security.lockoutMinutes')).value).toBe(10);
  });

  it('takes a robot secret from the environment when set there, which wins over the page', async () => {
    const db = openDatabase(ctx.config.database);
    const other = await buildApp({ config: { ...ctx.config, settingEnv: { GUANXI_DINGTALK_SECRET: 'SECfrom-env-1234' } }, db, clock: ctx.clock, logger: false });
    try {
      const admin = await login(other.app, 'admin', ADMIN_PASSWORD);
      const res = await admin.get('/api/settings');
      expect(res.body).not.toContain('from-env');
      const s = json(res).groups.flatMap((g: any) => g.items).find((i: any) => i.key === 'notifications.dingtalkSecret');
      expect(s).toMatchObject({ value: { set: true }, fromEnv: true, env: 'GUANXI_DINGTALK_SECRET' });
      expect(await other.services.settings.value('notifications.dingtalkSecret')).toBe('SECfrom-env-1234');
      const put = await admin.put('/api/settings/notifications.dingtalkSecret', { value: 'SECfrom-page', version: s.version });
      expect(put.statusCode).toBe(422);
      expect(put.json().error.fields[0]).toMatchObject({ field: 'value' });
      expect(put.json().error.fields[0].message).toContain('GUANXI_DINGTALK_SECRET');
    } finally {
      await other.app.close();
      await db.close();
    }
    // A malformed value stops the start instead of silently disabling the robot.
    const bad = openDatabase(ctx.config.database);
    try {
      await expect(buildApp({ config: { ...ctx.config, settingEnv: { GUANXI_WECOM_WEBHOOK_URL: 'not a url' } }, db: bad, clock: ctx.clock, logger: false })).rejects.toThrow(ConfigError);
    } finally {
      await bad.close();
    }
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
