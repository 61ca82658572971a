import type { Config } from '../server/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../server/app';
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { MODULES } from '../server/modules';
import { bootstrap } from '../server/platform/auth/bootstrap';
import { systemClock } from '../server/platform/time';
import { ADMIN_PASSWORD, freshDatabase, registerTestDatabase, testConfig } from './harness';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The real server (built web app, fresh database) on a free port. */
export async function startTestServer(overrides: Partial<Config> = {}) {
  // WEB_DIST_DIR: a web build of one's own, so parallel work never rebuilds the shared dist/web under a running test.
  const webDist = path.resolve(process.env.WEB_DIST_DIR ?? 'dist/web');
  if (!fs.existsSync(path.join(webDist, 'index.html'))) throw new Error('dist/web is missing: run `npm run build:web` first (npm test does this).');
  const fresh = await freshDatabase();
  const config = { ...testConfig(fresh.database, fresh.dataDir), webDistDir: webDist, ...overrides };
  const db = openDatabase(config.database);
  await migrateToLatest(db, MODULES);
  await bootstrap(db.kysely, systemClock, { username: 'admin', password: ADMIN_PASSWORD });
  const { app, services } = await buildApp({ config, db, logger: false });
  registerTestDatabase(app, db);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    adminUsername: 'admin',
    adminPassword: ADMIN_PASSWORD,
    app,
    db,
    /** The app's services, e.g. to register a test document type with the approval engine. */
    services,
    async stop() {
      await app.close();
      await db.close();
      await fresh.drop();
    },
  };
}

/** Debian's chromium with a fresh profile; never a downloaded browser. */
export async function launchBrowser(opts: { width?: number; height?: number } = {}): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: LAUNCH_ARGS,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
  });
  (ctx as BrowserContext & { __profile?: string }).__profile = profile;
  return ctx;
}

export async function closeBrowser(ctx: BrowserContext) {
  const profile = (ctx as BrowserContext & { __profile?: string }).__profile;
  await ctx.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
}

/** A new page that asks for reduced motion: the app then turns antd's animations off. */
export async function newPage(context: BrowserContext): Promise<Page> {
  const p = await context.newPage();
  await p.emulateMedia({ reducedMotion: 'reduce' });
  p.setDefaultTimeout(15_000);
  return p;
}

/** Fills the Chinese sign-in form on the page as it is (no navigation, no waiting for the outcome). */
export async function fillSignIn(p: Page, username: string, password: string) {
  await p.getByLabel('用户名').fill(username);
  await p.getByLabel('密码').fill(password);
  await p.getByRole('button', { name: '登录' }).click();
}

/** Opens the app, signs in and waits for the home page's greeting. */
export async function signIn(p: Page, baseUrl: string, username: string, password: string) {
  await p.goto(baseUrl);
  await fillSignIn(p, username, password);
  await p.getByRole('heading', { name: /您好/ }).waitFor();
}
