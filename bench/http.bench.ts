/**
 * Issue 17: the request path over real HTTP. Loads the customer archive (bench/load.ts), starts the built
 * server (dist/server) as its own process, signs in and drives the hot paths with keep-alive connections
 * (bench/loadgen.ts); in the same run it measures the baselines the issue compares against: a bare Fastify
 * route, a Fastify route doing one indexed read on the same database, a raw better-sqlite3 loop committing
 * the rows of an update (SQLite) and a raw `pg` pool doing three indexed reads per unit (PostgreSQL). The SQL
 * statements each hot path issues are counted in-process (server/db/statement-counter.ts).
 *
 *   npm run bench:http                                  # SQLite, 20,000 customers
 *   npm run bench:http -- --db postgres --instances 2   # PostgreSQL, and two app processes behind a proxy
 *   npm run bench:http -- --before ../old/dist/server/main.js   # also the hot GET of an older build
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { buildApp } from '../server/app';
import { openDatabase } from '../server/db/database';
import { login } from '../test/harness';
import { ADMIN_PASSWORD, benchConfig, count, log, machine, migratePending, pgAdminUrl, postgresTarget, prepare, sqliteTarget } from './common';
import { runLoad, type LoadResult } from './loadgen';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? '') : undefined;
};
const kind = flag('db') === 'postgres' ? 'postgres' : 'sqlite';
const customers = count(flag('customers'), 20_000);
const seconds = Number(flag('seconds') ?? 8);
const connections = Number(flag('connections') ?? 20);
const instances = Number(flag('instances') ?? 1);
const before = flag('before');
const reuse = args.includes('--reuse');

const target = kind === 'sqlite' ? sqliteTarget('http/guanxi.db') : postgresTarget('guanxi_bench_http');
const dataDir = kind === 'sqlite' ? path.dirname((target.database as { file: string }).file) : fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-http-'));
const children: ChildProcess[] = [];
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');

function start(script: string, argv: string[], env: Record<string, string> = {}): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...argv], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/ready|listening on/.test(out)) {
        child.stdout!.off('data', onData);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`${script} exited (${code}):\n${out.slice(-2000)}`)));
  });
}
async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.removeAllListeners('exit');
  child.once('exit', () => undefined);
  child.kill('SIGTERM');
  await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** The app as it runs in production (LOG_LEVEL default info), one process on `port`. */
function startApp(port: number, main = 'dist/server/main.js') {
  const env: Record<string, string> = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, GUANXI_ADMIN_PASSWORD: ADMIN_PASSWORD, GUANXI_OUTBOX: 'hold' };
  if (kind === 'postgres') env.DATABASE_URL = (target.database as { url: string }).url;
  return start(main, [], env);
}

async function signIn(base: string) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('gx_csrf='))!.slice('gx_csrf='.length);
  return { cookie: cookies.join('; '), csrf };
}

interface Row {
  key: string;
  label: string;
  r: LoadResult;
  statements?: number;
}
const rows: Row[] = [];
function record(key: string, label: string, r: LoadResult, statements?: number) {
  rows.push({ key, label, r, statements });
  log(
    `  ${key.padEnd(14)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  ${r.errors ? `ERRORS ${r.errors} (${r.firstError})` : ''}  load ${load()}`,
  );
}

async function main() {
  log(`HTTP benchmark on ${kind}: ${customers.toLocaleString('en')} customers, ${connections} connections, ${seconds} s per case.`);
  await prepare(target, { customers, contacts: customers * 2, seed: 17, reuse });

  // ── In-process: fixtures and the statement count of each hot path ──────────────────────────────
  const db = openDatabase(target.database, { countStatements: true });
  await migratePending(db, ['customers']);
  const { app } = await buildApp({ config: benchConfig(target.database), db, logger: false });
  await app.ready();
  const admin = await login(app, 'admin', ADMIN_PASSWORD);
  const firstId = Number((await db.kysely.selectFrom('customers').select((eb) => eb.fn.min('id').as('m')).executeTakeFirstOrThrow()).m);
  let complaintId = (await db.kysely.selectFrom('complaints').select('id').orderBy('id').executeTakeFirst())?.id;
  if (!complaintId) {
    const res = await admin.post('/api/complaints', { channel: 'hotline', complainantName: '刘女士', complainantPhone: '13912345678', content: '送货延误三天，要求给出说法。', category: '配送交付', severity: 'general', customerId: firstId });
    if (res.statusCode !== 201) throw new Error(`complaint: ${res.body}`);
    complaintId = res.json().id as number;
  }
  const reads: [string, string, (i: number) => string][] = [
    ['get', 'GET a customer', (i) => `/api/customers/${firstId + (i % customers)}`],
    ['list', 'the opening customer list', () => '/api/customers?page=1&pageSize=20'],
    ['search', 'a 2-character search (新成)', () => `/api/customers?q=${encodeURIComponent('新成')}&page=1&pageSize=20`],
    ['todo', 'the home to-do list', () => '/api/home/todo'],
    ['complaint', 'a complaint detail', () => `/api/complaints/${complaintId}`],
  ];
  const statements = new Map<string, number>();
  for (const [key, , url] of reads) {
    await admin.get(url(1)); // warm
    db.statements!.reset();
    const res = await admin.get(url(2));
    if (res.statusCode !== 200) throw new Error(`${key}: ${res.statusCode} ${res.body}`);
    statements.set(key, db.statements!.count);
  }
  {
    const current = (await admin.get(`/api/customers/${firstId}`)).json();
    db.statements!.reset();
    const res = await admin.put(`/api/customers/${firstId}`, { version: current.version, address: '杭州市西湖区文三路90号' });
    if (res.statusCode !== 200) throw new Error(`update: ${res.body}`);
    statements.set('update', db.statements!.count);
  }
  const info = await machine(db);
  await app.close();
  await db.close();
  log(`Statements per request: ${[...statements].map(([k, n]) => `${k} ${n}`).join(', ')}`);

  // ── The app over HTTP ────────────────────────────────────────────────────────────────────────
  if (!args.includes('--no-build')) execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
  const appPort = 39170;
  const base = `http://127.0.0.1:${appPort}`;
  log(`\nMachine: ${info.cpu} (${info.cores} cores), ${info.memoryGiB} GiB, ${info.os}, Node ${info.node}, ${info.database}. Load average before: ${load()}`);

  const appProcess = await startApp(appPort);
  const session = await signIn(base);
  const cookie = { cookie: session.cookie };
  const loadOf = (url: string, path: (i: number) => string, headers = cookie) => ({ url, connections, seconds, headers, path: (c: number, n: number) => path(c * 100_000 + n) });
  for (const [key, label, path] of reads) {
    await runLoad({ ...loadOf(base, path), seconds: 1 }); // warm-up
    record(key, label, await runLoad(loadOf(base, path)), statements.get(key));
  }

  // The update: each connection edits customers of its own, sending the version it last got back.
  const first = firstId + 1000;
  const perConnection = Math.max(1, Math.min(500, Math.floor((customers - 1000) / connections)));
  const versions = new Map<number, number>();
  if (kind === 'postgres') {
    const c = new pg.Client({ connectionString: (target.database as { url: string }).url });
    await c.connect();
    for (const r of (await c.query('SELECT id, version FROM customers WHERE id >= $1 AND id < $2', [first, first + connections * perConnection])).rows) versions.set(r.id, r.version);
    await c.end();
  } else {
    const h = new SqliteDatabase((target.database as { file: string }).file, { readonly: true });
    for (const r of h.prepare('SELECT id, version FROM customers WHERE id >= ? AND id < ?').all(first, first + connections * perConnection) as { id: number; version: number }[]) versions.set(r.id, r.version);
    h.close();
  }
  const sent = new Map<number, number>();
  const idOf = (c: number, n: number) => first + c * perConnection + (n % perConnection);
  const update = await runLoad({
    url: base,
    connections,
    seconds,
    method: 'PUT',
    headers: { ...cookie, 'x-csrf-token': session.csrf },
    path: (c, n) => `/api/customers/${idOf(c, n)}`,
    body: (c, n) => {
      sent.set(c, idOf(c, n));
      return JSON.stringify({ version: versions.get(idOf(c, n)), address: `杭州市西湖区文三路${n}号` });
    },
    onAnswer: (c, status, body) => {
      if (status === 200) versions.set(sent.get(c)!, JSON.parse(body).version);
    },
  });
  record('update', 'a customer update (PUT with the version)', update, statements.get('update'));
  await stop(appProcess);

  // ── Baselines, in the same run ─────────────────────────────────────────────────────────────────
  const where = kind === 'sqlite' ? (target.database as { file: string }).file : (target.database as { url: string }).url;
  const basePort = 39180;
  const baseline = await start('bench/http-baseline.mjs', [String(basePort), where]);
  const bb = `http://127.0.0.1:${basePort}`;
  for (const [key, label, path] of [
    ['bare', 'bare Fastify route', () => '/bare'],
    ['read', 'Fastify + one indexed read (same database)', (i: number) => `/read/${firstId + (i % customers)}`],
  ] as const) {
    await runLoad({ ...loadOf(bb, path, {} as typeof cookie), seconds: 1 });
    record(key, label, await runLoad(loadOf(bb, path, {} as typeof cookie)));
  }
  await stop(baseline);

  if (kind === 'sqlite') {
    // The rows an update commits (customer, its search-index row, the audit entry that is its history),
    // one transaction each, synchronous=FULL: what the PUT must approach.
    const h = new SqliteDatabase(where);
    h.pragma('journal_mode = WAL');
    h.pragma('synchronous = FULL');
    h.pragma('foreign_keys = ON');
    const upd = h.prepare("UPDATE customers SET address = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?");
    const del = h.prepare('DELETE FROM customer_search WHERE rowid = ?');
    const ins = h.prepare('INSERT INTO customer_search (rowid, tokens) VALUES (?, ?)');
    const audit = h.prepare(
      "INSERT INTO audit_log (at, actor_id, actor_name, action, entity_type, entity_id, summary, changes, ip, request_id) VALUES (?, 1, '系统管理员', 'update', 'customer', ?, NULL, ?, '127.0.0.1', ?)",
    );
    const tx = h.transaction((id: number, n: number) => {
      const at = new Date().toISOString();
      const v = versions.get(id)!;
      upd.run(`杭州市西湖区文三路${n}号`, at, id, v);
      versions.set(id, v + 1);
      del.run(id);
      ins.run(id, 'hz xh wsl');
      audit.run(at, String(id), JSON.stringify({ address: ['a', 'b'] }), `bench-${n}`);
    });
    const lat: number[] = [];
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < seconds * 1000) {
      const t = performance.now();
      tx(idOf(n % connections, n), n);
      lat.push(performance.now() - t);
      n++;
    }
    const { pct } = await import('./common');
    record('raw-update', 'raw better-sqlite3: the same rows, one transaction each, synchronous=FULL', { requests: n, errors: 0, rps: n / ((performance.now() - t0) / 1000), p50: pct(lat, 50), p99: pct(lat, 99) });
    h.close();
  } else {
    // Three indexed reads per unit on a plain pool, with the app's concurrency: the session-sized floor.
    const pool = new pg.Pool({ connectionString: where, max: 10 });
    const lat: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: connections }, async (_, c) => {
        for (let n = 0; performance.now() - t0 < seconds * 1000; n++) {
          const t = performance.now();
          const id = firstId + ((c * 7919 + n) % customers);
          await pool.query('SELECT * FROM users WHERE id = $1', [1]);
          await pool.query('SELECT id FROM customers WHERE id = $1', [id]);
          await pool.query('SELECT * FROM customers WHERE id = $1', [id]);
          lat.push(performance.now() - t);
        }
      }),
    );
    await pool.end();
    const { pct } = await import('./common');
    record('raw-pg3', 'raw pg pool: three indexed reads per unit', { requests: lat.length, errors: 0, rps: lat.length / ((performance.now() - t0) / 1000), p50: pct(lat, 50), p99: pct(lat, 99) });
  }

  // ── An older build's hot GET, same database and run (before/after) ────────────────────────────
  if (before) {
    const old = await startApp(appPort + 1, before);
    const s2 = await signIn(`http://127.0.0.1:${appPort + 1}`);
    const get = reads[0][2];
    await runLoad({ ...loadOf(`http://127.0.0.1:${appPort + 1}`, get, { cookie: s2.cookie }), seconds: 1 });
    record('get-before', `GET a customer, build ${before}`, await runLoad(loadOf(`http://127.0.0.1:${appPort + 1}`, get, { cookie: s2.cookie })));
    await stop(old);
  }

  // ── Several instances behind a proxy (one database) ────────────────────────────────────────────
  if (instances > 1) {
    const get = reads[0][2];
    const ports = Array.from({ length: instances }, (_, i) => appPort + 10 + i);
    const apps = [];
    for (const p of ports) apps.push(await startApp(p));
    const proxyPort = appPort + 30;
    for (const n of [1, instances]) {
      const proxy = await start('bench/http-proxy.mjs', [String(proxyPort), ...ports.slice(0, n).map(String)]);
      const url = `http://127.0.0.1:${proxyPort}`;
      const s3 = await signIn(url);
      await runLoad({ ...loadOf(url, get, { cookie: s3.cookie }), seconds: 1 });
      record(`get-proxy-${n}`, `GET a customer through the proxy, ${n} app process${n > 1 ? 'es' : ''}`, await runLoad(loadOf(url, get, { cookie: s3.cookie })));
      await stop(proxy);
    }
    for (const a of apps) await stop(a);
  }

  // ── The table ──────────────────────────────────────────────────────────────────────────────────
  const by = (k: string) => rows.find((r) => r.key === k)?.r.rps ?? NaN;
  const ratioOf = (k: string) =>
    k === 'update' ? ['raw-update', by('raw-update')] : k === 'get' && kind === 'postgres' ? ['raw-pg3', by('raw-pg3')] : ['bare', by('bare')];
  log(`\n| | path | req/s | p50 ms | p99 ms | statements | ratio |`);
  log(`|---|---|---:|---:|---:|---:|---|`);
  for (const r of rows) {
    const [against, rps] = ratioOf(r.key);
    const ratio = ['bare', 'read', 'raw-update', 'raw-pg3'].includes(r.key) || r.key.startsWith('get-') ? '' : `${((100 * r.r.rps) / (rps as number)).toFixed(0)} % of ${against}`;
    log(`| ${r.key} | ${r.label} | ${r.r.rps.toFixed(0)} | ${r.r.p50.toFixed(1)} | ${r.r.p99.toFixed(1)} | ${r.statements ?? ''} | ${ratio}${r.r.errors ? ` (${r.r.errors} errors)` : ''} |`);
  }
  if (kind === 'postgres') log(`GET a customer vs bare Fastify: ${((100 * by('get')) / by('bare')).toFixed(0)} %`);
  if (before) log(`GET a customer, this build vs ${before}: ${(by('get') / by('get-before')).toFixed(2)}×`);
  if (instances > 1) log(`${instances} processes vs 1 behind the proxy: ${(by(`get-proxy-${instances}`) / by('get-proxy-1')).toFixed(2)}×; vs one process direct: ${(by(`get-proxy-${instances}`) / by('get')).toFixed(2)}×`);
  log(`Load average after: ${load()}`);
}

process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});
main().catch(async (e) => {
  console.error(e);
  for (const c of children) await stop(c);
  process.exit(1);
});
