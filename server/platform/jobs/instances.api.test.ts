import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { openDatabase, type Db } from '../../db/database';
import { Client, createTestContext, json, login, ADMIN_PASSWORD, type TestContext } from '../../../test/harness';
import { createLeases } from './leases';
import type { FastifyInstance } from 'fastify';

// Several app processes on one database (issue 2 §1): nothing that matters may live in process memory.
let ctx: TestContext;
let secondDb: Db;
let second: FastifyInstance;
beforeAll(async () => {
  ctx = await createTestContext();
  secondDb = openDatabase(ctx.config.database); // its own connection pool, as another process would have
  second = (await buildApp({ config: ctx.config, db: secondDb, clock: ctx.clock, logger: false })).app;
});
afterAll(async () => {
  await second.close();
  await secondDb.close();
  await ctx.close();
});

describe('several app instances on one database', () => {
  it('accepts a session created on one instance on the other, and a logout on either ends it everywhere', async () => {
    const onFirst = await login(ctx.app, 'admin', ADMIN_PASSWORD);
    const onSecond = new Client(second);
    onSecond.cookies = new Map(onFirst.cookies);
    onSecond.csrf = onFirst.csrf;
    expect(json(await onSecond.get('/api/auth/me')).user.username).toBe('admin');
    expect((await onSecond.post('/api/departments', { name: '第二实例部' })).statusCode).toBe(201);
    expect((await onSecond.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await onFirst.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('counts failed sign-ins across instances towards one lockout', async () => {
    await ctx.admin.put('/api/settings/security.lockoutThreshold', { value: 4, version: 0 });
    await ctx.admin.post('/api/users', { username: 'multi.lock', displayName: '多实例', password: 'Zhiyuan#2026-pass', roles: [] });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const app = i % 2 === 0 ? ctx.app : second;
      statuses.push((await new Client(app).post('/api/auth/login', { username: 'multi.lock', password: `bad-${i}` })).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 423]);
  });

  it('gives a job lease to exactly one instance until it expires', async () => {
    const a = createLeases(ctx.db.kysely, ctx.clock, 'instance-a');
    const b = createLeases(secondDb.kysely, ctx.clock, 'instance-b');
    const results = await Promise.all([a.acquire('reminders', 60_000), b.acquire('reminders', 60_000)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results[0] ? a : b;
    const loser = results[0] ? b : a;
    expect(await loser.acquire('reminders', 60_000)).toBe(false);
    expect(await winner.acquire('reminders', 60_000)).toBe(true); // the holder renews
    ctx.clock.advance(61_000);
    expect(await loser.acquire('reminders', 60_000)).toBe(true);
  });
});
