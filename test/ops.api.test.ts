import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { MODULES } from '../server/modules';
import { ADMIN_PASSWORD, TEST_DB, createTeam, createTestContext, createUser, json, login } from './harness';

const TABLES = ['departments', 'teams', 'users', 'user_roles', 'sessions', 'audit_log', 'settings', 'calendar_days', 'calendar_years'] as const;

describe('operations', () => {
  it.runIf(TEST_DB === 'sqlite')('restores an `npm run backup` file to a database the app starts on with the same row counts', async () => {
    const ctx = await createTestContext();
    const teamId = await createTeam(ctx, '备份测试组');
    await createUser(ctx, { username: 'backup.user', displayName: '备份用户', roles: ['specialist'], teamId });
    await ctx.admin.put('/api/settings/security.lockoutMinutes', { value: 30, version: 0 });
    await ctx.admin.post('/api/calendar/company-days', { date: '2026-12-31', kind: 'holiday', name: '年终盘点' });
    const counts = async (db: typeof ctx.db) =>
      Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, Number((await db.kysely.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)])));
    const before = await counts(ctx.db);

    const backupDir = path.join(ctx.config.dataDir, 'out');
    // The app keeps running while the backup is taken.
    const run = spawnSync('npm', ['run', '--silent', 'backup'], {
      env: { ...process.env, DATA_DIR: ctx.config.dataDir, BACKUP_DIR: backupDir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const file = run.stdout.trim().split('\n').pop()!;
    expect(fs.existsSync(file)).toBe(true);

    // Restore = put the file in place as guanxi.db in a new data directory and start the app there.
    const restoreDir = path.join(ctx.config.dataDir, 'restored');
    fs.mkdirSync(restoreDir);
    fs.copyFileSync(file, path.join(restoreDir, 'guanxi.db'));
    const config = loadConfig({ DATA_DIR: restoreDir } as NodeJS.ProcessEnv);
    const db = openDatabase(config.database);
    await migrateToLatest(db, MODULES);
    const { app } = await buildApp({ config, db, logger: false });
    expect(await counts(db)).toEqual(before);
    const admin = await login(app, 'admin', ADMIN_PASSWORD);
    const users = json(await admin.get('/api/users?q=backup.user')).items;
    expect(users[0]).toMatchObject({ displayName: '备份用户', teamName: '备份测试组' });
    await app.close();
    await db.close();
    await ctx.close();
  });

  it('refuses to start on bad configuration with a clear message', () => {
    const run = spawnSync('npx', ['tsx', 'server/main.ts'], { env: { ...process.env, PORT: 'abc', DATABASE_URL: 'mysql://x' }, encoding: 'utf8' });
    expect(run.status).toBe(78);
    expect(run.stderr).toContain('配置无效');
    expect(run.stderr).toContain('PORT');
    expect(run.stderr).toContain('DATABASE_URL must start with postgres://');
  });

  it('keeps every record across a restart of the app', async () => {
    const ctx = await createTestContext();
    await ctx.admin.post('/api/departments', { name: '重启测试部' });
    await ctx.app.close();
    const again = await buildApp({ config: ctx.config, db: ctx.db, logger: false });
    const admin = await login(again.app, 'admin', ADMIN_PASSWORD);
    expect(json(await admin.get('/api/departments')).items.map((d: any) => d.name)).toContain('重启测试部');
    await again.app.close();
    await ctx.close();
  });
});
