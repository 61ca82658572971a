import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp, type RouteEntry, type Services } from '../server/app';
import type { ModuleManifest } from '../server/platform/modules/manifest';
import type { BuiltModules } from '../server/platform/modules/registry';
import type { Config } from '../server/config';
import { openDatabase, type Db } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { MODULES } from '../server/modules';
import { bootstrap } from '../server/platform/auth/bootstrap';
import type { Clock } from '../server/platform/time';

/** Which database the API tests run on: `GUANXI_TEST_DB=postgres` (with TEST_DATABASE_URL) or SQLite. */
export const TEST_DB = process.env.GUANXI_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
export const ADMIN_PASSWORD = 'Admin-Pass-2026!';

export class TestClock implements Clock {
  constructor(private current = new Date()) {}
  now() {
    return new Date(this.current);
  }
  set(d: Date | string) {
    this.current = new Date(d);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A fresh, empty database: a temporary SQLite file, or a new PostgreSQL database dropped afterwards. */
export async function freshDatabase(): Promise<{ database: Config['database']; dataDir: string; drop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-test-'));
  if (TEST_DB === 'sqlite') {
    return {
      database: { kind: 'sqlite', file: path.join(dataDir, 'guanxi.db') },
      dataDir,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `gx_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    database: { kind: 'postgres', url: url.toString(), poolMax: 5 },
    dataDir,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function testConfig(database: Config['database'], dataDir: string): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    database,
    adminUsername: 'admin',
    adminPassword: ADMIN_PASSWORD,
    logLevel: 'silent',
    trustProxy: false,
    webDistDir: path.resolve('dist/web'),
  };
}

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  services: Services;
  built: BuiltModules;
  routes: RouteEntry[];
  clock: TestClock;
  config: Config;
  admin: Client;
  close(): Promise<void>;
}

/** `modules`: the module list to build (default: the product's); a test may add a throwaway module. */
export async function createTestContext(opts: { clock?: TestClock; modules?: readonly ModuleManifest<any>[] } = {}): Promise<TestContext> {
  const fresh = await freshDatabase();
  const config = testConfig(fresh.database, fresh.dataDir);
  const db = openDatabase(config.database);
  await migrateToLatest(db, opts.modules ?? MODULES);
  const clock = opts.clock ?? new TestClock();
  await bootstrap(db.kysely, clock, { username: 'admin', password: ADMIN_PASSWORD });
  const { app, services, built, routes } = await buildApp({ config, db, clock, logger: false, modules: opts.modules });
  await app.ready();
  databases.set(app, db);
  const admin = await login(app, 'admin', ADMIN_PASSWORD);
  return {
    app,
    db,
    services,
    built,
    routes,
    clock,
    config,
    admin,
    async close() {
      await app.close();
      await db.close();
      await fresh.drop();
    },
  };
}

type Body = Record<string, unknown> | unknown[] | undefined;

/** A signed-in browser stand-in: keeps the cookies and sends the CSRF header like the web app does. */
export class Client {
  cookies = new Map<string, string>();
  csrf: string | null = null;
  constructor(
    readonly app: FastifyInstance,
    private headers: Record<string, string> = {},
  ) {}

  async request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: Body, extra: { csrf?: boolean; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...this.headers, ...extra.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && extra.csrf !== false && this.csrf) headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ method, url, payload: body as any, headers });
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
      if (c.name === 'gx_csrf') this.csrf = c.value || null;
    }
    return res;
  }
  get = (url: string, extra?: { headers?: Record<string, string> }) => this.request('GET', url, undefined, extra);
  post = (url: string, body?: Body, extra?: { csrf?: boolean; headers?: Record<string, string> }) => this.request('POST', url, body ?? {}, extra);
  put = (url: string, body?: Body, extra?: { csrf?: boolean; headers?: Record<string, string> }) => this.request('PUT', url, body ?? {}, extra);
  del = (url: string, extra?: { csrf?: boolean; headers?: Record<string, string> }) => this.request('DELETE', url, undefined, extra);
}

/** The database behind each test app, so `login` can settle the first-sign-in password change. */
const databases = new WeakMap<FastifyInstance, Db>();
export function registerTestDatabase(app: FastifyInstance, db: Db): void {
  databases.set(app, db);
}

/**
 * Signs in. Users made by the administrator must change their initial password before the API serves them;
 * test users start as if they had (the flag is cleared in the database) unless `firstSignIn` keeps it.
 */
export async function login(app: FastifyInstance, username: string, password: string, headers: Record<string, string> = {}, opts: { firstSignIn?: boolean } = {}): Promise<Client> {
  const c = new Client(app, headers);
  const res = await c.post('/api/auth/login', { username, password });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const db = databases.get(app);
  if (!opts.firstSignIn && db && res.json().user?.mustChangePassword) {
    await db.kysely.updateTable('users').set({ must_change_password: 0 }).where('username', '=', username).execute();
  }
  return c;
}

export function json<T = any>(res: LightMyRequestResponse): T {
  return res.json() as T;
}

export const USER_PASSWORD = 'Zhiyuan#2026-pass';

/** Creates a user through the API as the admin and signs them in. */
export async function createUser(
  ctx: TestContext,
  input: { username: string; roles: string[]; teamId?: number; departmentId?: number; displayName?: string },
): Promise<{ id: number; client: Client }> {
  const res = await ctx.admin.post('/api/users', { displayName: input.displayName ?? input.username, password: USER_PASSWORD, ...input });
  if (res.statusCode !== 201) throw new Error(`create user failed: ${res.statusCode} ${res.body}`);
  const id = json(res).id as number;
  return { id, client: await login(ctx.app, input.username, USER_PASSWORD) };
}

export async function createTeam(ctx: TestContext, name: string, departmentId = 1): Promise<number> {
  const res = await ctx.admin.post('/api/teams', { name, departmentId });
  if (res.statusCode !== 201) throw new Error(`create team failed: ${res.statusCode} ${res.body}`);
  return json(res).id;
}
